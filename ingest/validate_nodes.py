"""SHACL validation of what changed: each node is validated only when its neighbourhood changed.

Every shape of ``ontology/shapes.ttl`` looks at a focus node through paths of length one and at
the node's own types, which RDFS inference takes from the triples about the node (domains,
sub-properties) and pointing at it (ranges). So a node's results depend only on its
*neighbourhood* — the triples of the union about the node, and the predicates pointing at it —
plus the shapes
and the ontology. The results of each node are cached under a hash of that neighbourhood:
a curated agency, place or indicator is validated once, not on every build; adding a document
validates its own nodes and the shared nodes it points at (with all the triples about them).

A shape that looked further (a value's class, a path of two steps) would break that
assumption: ``tests/ingest/test_incremental_validate.py`` checks on the real data that the
results equal pySHACL's over the whole union.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pyshacl import validate
from rdflib import Dataset, Graph, URIRef

from ingest import fact_cache
from ingest.dumps import sorted_nquads
from ingest.nquad_lines import quad_terms
from ingest.validate import (
    SH,
    ValidationResult,
    Violation,
    load_shapes,
    with_inferred_types,
)

# Focus nodes per pySHACL run, at most: bounds the memory of one run. Fewer, larger runs are
# faster (each run re-reads the shapes and neighbourhoods are shared), so the nodes are split
# into one run per worker unless that exceeds this.
CHUNK_NODES = 20_000
# Below this many changed nodes per worker, one run in this process: forking the build (700 MB
# at 2,000 documents) cost 16 s under load for the 16 nodes of one added document (0.5 s here).
MIN_NODES_PER_WORKER = 2_000
WHOLE_UNION_SHARE = 0.5  # above this share of changed nodes, validate the union in one run
INCOMING = URIRef("urn:policygraph:validate:incoming")  # stands for whatever points at a node
_BNODE = re.compile(r"_:\S+")


class NodeResultCache:
    """SHACL results per node neighbourhood hash, in one JSON file; ``None``: no caching."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.results: dict[str, list[dict]] = {}
        self.validated = 0
        self.reused = 0
        # shapes, ontology and this code: the fact cache's version, looked up when used (not
        # bound at import), so a build whose version is set there (a benchmark comparing two
        # checkouts on one warm corpus) keys both caches alike; bound here, the SHACL cache
        # kept the real version and missed while the facts hit (validate 112-115 s at 2,001)
        self.version = fact_cache.extractor_version()
        if path is None or not path.exists():
            return
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            if record["version"] == self.version and isinstance(record["results"], dict):
                self.results = record["results"]
        except (OSError, ValueError, KeyError, TypeError):
            self.results = {}  # a corrupt cache is rebuilt, never fatal

    def save(self, keep: set[str]) -> None:
        if self.path is None:
            return
        record = {
            "version": self.version,
            "results": {k: v for k, v in self.results.items() if k in keep},
        }
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            tmp.unlink(missing_ok=True)


def neighbourhoods(lines: Iterable[str]) -> dict[str, set[str]]:
    """Each IRI of the union (``lines``: its N-Quads) → the N-Triples lines that decide its
    SHACL results.

    Those are the triples it is the subject of, and one triple per predicate pointing at it
    (from a placeholder subject): what points at a node matters to the shapes only through the
    predicate (its range types the node; ``sh:targetObjectsOf`` names predicates), so a class
    or an agency that thousands of tasks point at keeps its hash when one more task does.
    """
    found: dict[str, set[str]] = defaultdict(set)
    incoming = f"<{INCOMING}>"
    for line in lines:
        s, p, o, _ = quad_terms(line)
        if s[0] == "<":
            found[s[1:-1]].add(f"{s} {p} {o} .\n")
        if o[0] == "<":
            found[o[1:-1]].add(f"{incoming} {p} {o} .\n")
    return found


def union_ntriples(lines: Iterable[str]) -> str:
    """The union's triples (each once) as N-Triples text."""
    triples = set()
    for line in lines:
        s, p, o, _ = quad_terms(line)
        triples.add(f"{s} {p} {o} .\n")
    return "".join(sorted(triples))


def node_key(version: str, node: str, lines: set[str]) -> str:
    """The hash of a node's neighbourhood; blank node labels (which change with every parse of
    the ontology's OWL lists) are masked."""
    digest = hashlib.sha256(f"{version}\n<{node}>\n".encode())
    for line in sorted(_BNODE.sub("_:b", line) if "_:" in line else line for line in lines):
        digest.update(line.encode())
    return digest.hexdigest()


def validate_incrementally(
    dataset: Dataset, cache: NodeResultCache, workers: int = 1
) -> ValidationResult:
    """The results of an rdflib dataset's union (see :func:`validate_lines`)."""
    return validate_lines(sorted_nquads(dataset).splitlines(), cache, workers)


def validate_lines(
    lines: Sequence[str], cache: NodeResultCache, workers: int = 1
) -> ValidationResult:
    """The SHACL results of the union whose N-Quads are ``lines``, validating only the nodes
    whose neighbourhood changed."""
    hoods = neighbourhoods(lines)
    keys = {node: node_key(cache.version, node, node_lines) for node, node_lines in hoods.items()}
    changed = sorted(node for node, key in keys.items() if key not in cache.results)
    if len(changed) > len(keys) * WHOLE_UNION_SHARE:
        # most nodes changed (a cold cache, a new rule): one run over the union is cheaper than
        # runs over neighbourhoods, which overlap
        del hoods
        union = Graph().parse(data=union_ntriples(lines), format="nt")
        loaded = load_shapes()
        found = _results(with_inferred_types(union, loaded[1]), None, loaded)
        return _finish(cache, keys, changed, found)
    parallel = max(1, min(workers, len(changed) // MIN_NODES_PER_WORKER))
    runs = max(parallel, -(-len(changed) // CHUNK_NODES)) if changed else 0
    size = -(-len(changed) // runs) if runs else 1
    chunks = [
        (
            changed[i : i + size],
            "".join(sorted({line for n in changed[i : i + size] for line in hoods[n]})),
        )
        for i in range(0, len(changed), size)
    ]
    del hoods
    found: list[dict] = []
    for chunk_result in _run_chunks(chunks, workers):
        found.extend(chunk_result)
    return _finish(cache, keys, changed, found)


def _finish(
    cache: NodeResultCache, keys: dict[str, str], changed: list[str], found: list[dict]
) -> ValidationResult:
    """Cache the results of the changed nodes and return every node's."""
    by_focus: dict[str, list[dict]] = defaultdict(list)
    for violation in found:
        by_focus[violation["focus"]].append(violation)
    for node in changed:
        cache.results[keys[node]] = by_focus.get(node, [])
    cache.validated, cache.reused = len(changed), len(keys) - len(changed)
    violations = [Violation(**v) for key in set(keys.values()) for v in cache.results[key]]
    cache.save(set(keys.values()))
    violations.sort(key=lambda v: (v.shape, v.focus, v.message))
    conforms = all(v.severity.endswith("Warning") for v in violations)
    return ValidationResult(conforms=conforms, violations=violations)


def _run_chunks(chunks: list[tuple[list[str], str]], workers: int) -> list[list[dict]]:
    if workers <= 1 or len(chunks) <= 1:
        return [validate_chunk(chunk) for chunk in chunks]
    with ProcessPoolExecutor(
        max_workers=min(workers, len(chunks)), mp_context=multiprocessing.get_context("fork")
    ) as pool:
        return list(pool.map(validate_chunk, chunks))


def validate_chunk(chunk: tuple[list[str], str]) -> list[dict]:
    """pySHACL on the neighbourhoods of some focus nodes; the results about those nodes.

    Not pySHACL's ``focus_nodes`` option: it also filters the value nodes that nested shapes
    (``sh:qualifiedValueShape``) check, which turned every document into a violation.
    """
    focus, ntriples = chunk
    if not focus:
        return []
    shapes, ontology = load_shapes()  # parsed once per run (the ontology was parsed twice)
    data = Graph().parse(data=ntriples, format="nt")
    return _results(with_inferred_types(data, ontology), set(focus), (shapes, ontology))


def _results(
    data: Graph, wanted: set[str] | None, loaded: tuple[Graph, Graph] | None = None
) -> list[dict]:
    """pySHACL's results on ``data`` (with inferred types), those about ``wanted`` nodes;
    ``loaded``: the shapes and ontology when the caller has them already."""
    shapes, ontology = loaded or load_shapes()
    _, report_graph, _ = validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        allow_warnings=True,
        inplace=True,  # the enriched graph is ours: no 14 s copy to mix the ontology in
    )
    violations = []
    for result in report_graph.subjects(SH.resultSeverity, None):
        if wanted is not None and str(report_graph.value(result, SH.focusNode)) not in wanted:
            continue  # a neighbour: its own neighbourhood is not all here
        path = report_graph.value(result, SH.resultPath)
        violations.append(
            {
                "focus": str(report_graph.value(result, SH.focusNode)),
                "shape": str(report_graph.value(result, SH.sourceShape)),
                "path": None if path is None else str(path),
                "message": str(report_graph.value(result, SH.resultMessage) or ""),
                "severity": str(report_graph.value(result, SH.resultSeverity)),
            }
        )
    return violations
