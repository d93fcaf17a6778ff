"""``graph.trig`` made graph by graph, each unchanged graph's block reused from the last build.

Serialising the whole union as TriG cost about a second of CPU in every build (2,000
documents), though one added document changes two graphs (its own and the derived one). TriG
groups the quads by named graph, and pyoxigraph writes each graph's block from that graph's
quads alone after the same ``@prefix`` lines, so the dump is those lines followed by the blocks
in graph order — the bytes of :func:`ingest.dumps.trig_from_sorted_lines`
(``tests/ingest/test_build_incremental.py`` compares them). Blocks are kept in
``<build dir>/cache/trig.pickle`` under the hash of their graph's lines; a missing or
unreadable file only means every block is written again.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import pickle
from pathlib import Path

import pyoxigraph as ox

from ingest.dumps import TRIG_PREFIXES, _graph_of, trig_from_sorted_lines

_PROBE = "<urn:p:s> <urn:p:p> <urn:p:o> <urn:p:g> .\n"


def _trig(nquads: str) -> str:
    quads = ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=TRIG_PREFIXES).decode("utf-8")


def _header() -> str:
    """The ``@prefix`` lines pyoxigraph writes before the first graph."""
    text = _trig(_PROBE)
    return text[: text.index("<urn:p:g>")]


def trig_by_graph(lines: list[str], known: dict[str, str]) -> tuple[str, dict[str, str]]:
    """TriG of the union's sorted N-Quads ``lines``; a graph whose lines hash to a key of
    ``known`` takes that block. Also returns this union's blocks by key (the next ``known``)."""
    header = _header()
    blocks: dict[str, str] = {}
    parts = [header]
    for _, group in itertools.groupby(sorted(lines, key=_graph_of), key=_graph_of):
        nquads = "\n".join(group) + "\n"
        key = hashlib.sha256(nquads.encode("utf-8")).hexdigest()
        block = known.get(key)
        if block is None:
            text = _trig(nquads)
            if not text.startswith(header):  # not written as expected: the whole at once
                return trig_from_sorted_lines(lines), {}
            block = text[len(header) :]
        blocks[key] = block
        parts.append(block)
    return "".join(parts), blocks


def read_blocks(path: Path | None) -> dict[str, str]:
    """The blocks of the last build (empty without a cache or when it cannot be read)."""
    if path is None:
        return {}
    try:
        with path.open("rb") as stream:
            blocks = pickle.load(stream)
    except Exception:  # missing, truncated, other code: every block is written again
        return {}
    return blocks if isinstance(blocks, dict) else {}


def write_blocks(path: Path | None, blocks: dict[str, str]) -> None:
    """Keep this build's blocks for the next (atomically; a failure only costs time)."""
    if path is None or not blocks:
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as stream:
            pickle.dump(blocks, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
