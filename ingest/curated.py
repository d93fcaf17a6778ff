"""Load the curated reference data (``data/curated/*.ttl``), one named graph per file.

A syntax error in a curated file stops the build with the file and line: curated data is
the ground the extracted facts resolve against, so a half-read file must never be served.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.graph import ReadOnlyGraphAggregate
from rdflib.plugins.parsers.notation3 import BadSyntax

from ontology.errors import CuratedDataError
from ontology.namespaces import ONTOLOGY_FILE, entity_iri

ONTOLOGY_GRAPH = "https://w3id.org/policygraph/ontology"


def curated_graph_iri(path: Path) -> str:
    """``data/curated/places.ttl`` → ``…/id/source/curated-places``."""
    return str(entity_iri("source", f"curated-{path.stem}"))


def parse_turtle(path: Path, graph: Graph | None = None) -> Graph:
    """Parse one Turtle file (into ``graph`` if given); raise CuratedDataError naming file and
    line on any error. The build fails on that error, so a half-filled graph is never kept."""
    graph = Graph() if graph is None else graph
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CuratedDataError(path, None, f"cannot read: {error}") from error
    try:
        graph.parse(data=text, format="turtle", publicID=path.resolve().as_uri())
    except BadSyntax as error:
        raise CuratedDataError(path, error.lines + 1, error._why) from error
    except Exception as error:  # rdflib raises assorted types for bad IRIs, literals, …
        raise CuratedDataError(path, None, str(error)) from error
    return graph


def curated_files(curated_dir: Path) -> list[Path]:
    """The curated Turtle files, sorted so that graph order is stable."""
    return sorted(curated_dir.glob("*.ttl"))


def load_curated(curated_dir: Path, dataset: Dataset) -> list[Path]:
    """Add the ontology and every curated file to ``dataset``, each in its own named graph."""
    parse_turtle(ONTOLOGY_FILE, dataset.graph(ONTOLOGY_GRAPH))
    files = curated_files(curated_dir)
    for path in files:
        parse_turtle(path, dataset.graph(curated_graph_iri(path)))
    return files


def curated_view(dataset: Dataset) -> ReadOnlyGraphAggregate:
    """All graphs read so far (ontology and curated files) as one graph, without copying."""
    return ReadOnlyGraphAggregate([g for g in dataset.graphs() if len(g) > 0])
