"""The table of standard provincial bodies (``data/curated/provincial-bodies.toml``), read once.

The same rows feed the generator of ``provincial-bodies.ttl`` and the resolver, so the code a
curated body's IRI carries and the code the resolver mints for an uncurated province are one code.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ontology.errors import CuratedDataError

BODIES_FILE = "provincial-bodies.toml"
_CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_STRINGS = ("code", "city_code", "label", "english", "parent")
_LISTS = ("names", "city_names", "alt_labels")
_FIELDS = {*_STRINGS, *_LISTS, "until_march"}


@dataclass(frozen=True)
class StandardBody:
    """One body every province has; ``label`` set when it is curated in provincial-bodies.ttl."""

    code: str
    names: tuple[str, ...] = ()
    city_code: str | None = None
    city_names: tuple[str, ...] = ()
    label: str | None = None
    english: str | None = None
    alt_labels: tuple[str, ...] = ()
    parent: str | None = None
    until_march: bool = False

    def resolver_names(self) -> list[tuple[str, str]]:
        """(name without the province, code its key mints), as the resolver indexes them."""
        city = [(name, self.city_code or self.code) for name in self.city_names]
        return [(name, self.code) for name in self.names] + city


def load_bodies(path: Path) -> tuple[StandardBody, ...]:
    """Read and check the table; a bad row fails naming the file and the row."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise CuratedDataError(
            path, None, "the table of standard provincial bodies is missing"
        ) from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise CuratedDataError(path, None, str(error)) from error
    if set(data) != {"body"} or not isinstance(data["body"], list):
        raise CuratedDataError(path, None, "expected only [[body]] rows")
    bodies = [_body(path, number, row) for number, row in enumerate(data["body"], start=1)]
    codes = [b.code for b in bodies] + [b.city_code for b in bodies if b.city_code]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise CuratedDataError(path, None, f"codes used twice: {duplicates}")
    known = {b.code for b in bodies}
    for number, body in enumerate(bodies, start=1):
        if body.parent and body.parent not in known:
            raise CuratedDataError(path, None, f"[[body]] {number}: unknown parent {body.parent!r}")
    return tuple(bodies)


def _body(path: Path, number: int, row: object) -> StandardBody:
    where = f"[[body]] {number}"
    if not isinstance(row, dict):
        raise CuratedDataError(path, None, f"{where}: not a table")
    unknown = set(row) - _FIELDS
    if unknown:
        raise CuratedDataError(path, None, f"{where}: unknown fields {sorted(unknown)}")
    for key in _STRINGS:
        if key in row and not (isinstance(row[key], str) and row[key]):
            raise CuratedDataError(path, None, f"{where}: '{key}' must be a non-empty string")
    for key in _LISTS:
        value = row.get(key, [])
        if not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
            raise CuratedDataError(path, None, f"{where}: '{key}' must be a list of names")
    for key in ("code", "city_code"):
        if key in row and not _CODE.match(row[key]):
            raise CuratedDataError(path, None, f"{where}: {key} {row[key]!r} is not a slug")
    if "code" not in row:
        raise CuratedDataError(path, None, f"{where}: 'code' is required")
    if ("label" in row) != ("english" in row):
        raise CuratedDataError(path, None, f"{where}: a curated body needs label and english")
    if not row.get("names") and "label" not in row:
        raise CuratedDataError(path, None, f"{where}: neither names nor a label")
    if not isinstance(row.get("until_march", False), bool):
        raise CuratedDataError(path, None, f"{where}: 'until_march' must be true or false")
    return StandardBody(
        code=row["code"],
        names=_nfc(row.get("names", ())),
        city_code=row.get("city_code"),
        city_names=_nfc(row.get("city_names", ())),
        label=_nfc((row["label"],))[0] if "label" in row else None,
        english=row.get("english"),
        alt_labels=_nfc(row.get("alt_labels", ())),
        parent=row.get("parent"),
        until_march=row.get("until_march", False),
    )


def _nfc(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", name) for name in names)
