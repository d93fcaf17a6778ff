"""The held-out evaluation texts never enter the development corpus.

`../shared/heldout-sources.txt` lists the addresses of real texts kept for an independent
measurement of extraction. This test compares addresses only (it reads no held-out text): no
source in `data/sources/` may come from one of them, or the measurement would no longer be of
unseen texts.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT.parent / "shared" / "heldout-sources.txt"


def address_key(address: str) -> str:
    """An address without scheme, ``www.``, query, fragment or trailing slash, lowercased."""
    parts = urlsplit(address.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}".lower()


def heldout_keys() -> set[str]:
    lines = HELDOUT.read_text(encoding="utf-8").splitlines()
    return {address_key(line) for line in lines if line.strip().startswith("http")}


def source_addresses() -> dict[str, str]:
    found = {}
    for meta in sorted((ROOT / "data" / "sources").glob("*.meta.json")):
        address = json.loads(meta.read_text(encoding="utf-8")).get("address")
        if address:
            found[meta.name] = address
    return found


def test_heldout_list_is_readable() -> None:
    assert HELDOUT.is_file(), f"{HELDOUT} is missing: the held-out list sits beside the checkout"
    assert len(heldout_keys()) >= 1


def test_no_development_source_is_heldout() -> None:
    heldout = heldout_keys()
    clashes = {name: a for name, a in source_addresses().items() if address_key(a) in heldout}
    assert not clashes, f"held-out texts in data/sources: {sorted(clashes)}"


def test_address_key_ignores_scheme_and_trailing_slash() -> None:
    assert address_key("https://www.Example.vn/a/b/") == address_key("http://example.vn/a/b")
