"""Per-source cache of extraction results, so a build re-extracts only the sources that changed.

An entry holds what one source contributes to a build: its named graph as sorted N-Quads (the
facts after the reviewers' corrections, emitted) and the report lines about it. It is keyed by
the SHA-256 of the source's bytes (and its ``.meta.json`` sidecar), the extractor version (the
source files of the ``ingest`` and ``ontology`` packages) and the curated data it resolved
against (every file of ``data/curated``): changing a rule or a curated file re-extracts
everything, adding one document extracts one document.

Entries live in ``<build dir>/cache/facts/<key>.json``, written atomically: the SHA-256 of the
JSON body on the first line, the body after it (checked without re-serialising the entry). An
entry that cannot be read, is not JSON or fails its checksum is ignored (and rebuilt), never
fatal.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ingest.readers.metadata import SIDECAR_SUFFIX

PACKAGE_ROOTS = ("ingest", "ontology")  # the code whose change must re-extract every source
_CODE_SUFFIXES = (".py", ".rq", ".ttl", ".toml", ".json", ".txt")
FORMAT = 2  # bump when the entry layout changes


@dataclass
class CacheEntry:
    """What one source contributes to a build."""

    source_id: str
    name: str  # the file name, as the report lists it
    nquads: str  # the source's named graph, sorted N-Quads
    warnings: list[str] = field(default_factory=list)
    facts: dict[str, int] = field(default_factory=dict)  # facts per kind
    corrections_applied: list[str] = field(default_factory=list)
    corrections_unmatched: list[str] = field(default_factory=list)


def tree_digest(root: Path, suffixes: tuple[str, ...] | None = None) -> str:
    """SHA-256 over the relative paths and bytes of the files under ``root``, in sorted order."""
    digest = hashlib.sha256()
    if root.exists():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts or (suffixes and path.suffix not in suffixes):
                continue
            digest.update(str(path.relative_to(root)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def extractor_version() -> str:
    """The digest of the code that turns a text into triples (``ingest/`` and ``ontology/``)."""
    here = Path(__file__).resolve().parent.parent
    return hashlib.sha256(
        "".join(tree_digest(here / name, _CODE_SUFFIXES) for name in PACKAGE_ROOTS).encode()
    ).hexdigest()


def build_version(curated_dir: Path) -> str:
    """What every entry of one build shares: extractor version and curated data."""
    return hashlib.sha256(
        f"{FORMAT}:{extractor_version()}:{tree_digest(curated_dir)}".encode()
    ).hexdigest()


def source_key(path: Path, version: str) -> str:
    """The cache key of one source file: its name, bytes, sidecar bytes and ``version``."""
    digest = hashlib.sha256(f"{version}:{path.name}\0".encode())
    digest.update(path.read_bytes())
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    digest.update(b"\0sidecar\0" + (sidecar.read_bytes() if sidecar.exists() else b""))
    return digest.hexdigest()


class FactCache:
    """Cache entries on disk, one JSON file per key; ``None`` directory: no caching."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.hits = 0
        self.misses = 0
        self.ignored: list[str] = []  # entries found corrupt (and rebuilt)

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / f"{key}.json"

    def get(self, key: str) -> CacheEntry | None:
        if self.directory is None:
            return None
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            digest, _, body = raw.partition(b"\n")
            if digest.decode("ascii", "replace") != hashlib.sha256(body).hexdigest():
                raise ValueError("checksum mismatch")
            entry = CacheEntry(**json.loads(body))
        except (ValueError, KeyError, TypeError) as error:
            self.ignored.append(f"{path}: {error}")
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def put(self, key: str, entry: CacheEntry) -> None:
        """Write atomically; a cache that cannot be written only costs the next build time."""
        if self.directory is None:
            return
        body = json.dumps(asdict(entry), ensure_ascii=False, sort_keys=True).encode("utf-8")
        path = self._path(key)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body)
            os.replace(tmp, path)
        except OSError:
            tmp.unlink(missing_ok=True)

    def prune(self, keep: set[str]) -> None:
        """Remove entries no source of this build uses, so the cache does not grow forever."""
        if self.directory is None or not self.directory.exists():
            return
        for path in self.directory.glob("*.json"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
