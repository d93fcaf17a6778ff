"""Which tasks' records a build may take from the previous release's serving index.

A task's record (``load_tasks``: ``tasks.rq``, ``task_texts.rq``, ``evidence_quotes.rq``) reads
the task's own statements and, one link away, the label of its lead and coordinating agencies,
the identifier of the document assigning it, and the quote and source of its evidence; it folds
repeated values (MIN, DISTINCT), so a statement held by one more graph does not change it. So a
record is the previous one when neither the task's nor its evidence's statements changed (any
quad, graph included) and none of the labels it reads did (as statements, graph left aside). The
changes are the difference of the two releases' ``graph.nq`` (each the store's exact contents);
a task linked to a blank node is always recomputed (a store renames blank nodes).

At 2,001 documents the records took 9 s of the serving index's 35 s, for ~1,400 tasks; one
added document changes a few dozen of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

PG = "https://w3id.org/policygraph/ontology#"
READ_AT_LINK = {  # link from the task → what its record reads of the node it links to
    f"<{PG}leadAgency>": "<http://www.w3.org/2000/01/rdf-schema#label>",
    f"<{PG}coordinatingAgency>": "<http://www.w3.org/2000/01/rdf-schema#label>",
    f"<{PG}assignedBy>": "<http://purl.org/dc/terms/identifier>",
}
EVIDENCE = f"<{PG}evidence>"  # the evidence's own statements (quote, source): any change counts
LABELS = frozenset(READ_AT_LINK.values())
DOCUMENT = "<https://w3id.org/policygraph/id/document/"  # the subjects the document list reads
DCTERMS = "http://purl.org/dc/terms/"
LISTED = frozenset(  # and their predicates it reads (document_list.rq)
    (
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
        f"<{DCTERMS}identifier>",
        f"<{DCTERMS}title>",
        f"<{DCTERMS}issued>",
        f"<{PG}issuedBy>",
        f"<{PG}territorialScope>",
    )
)
SUBCLASS = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"  # which types are documents
CURATED = "/id/source/curated-"  # a curated graph's title is preferred: any change there counts


def _lines(path: Path) -> set[str]:
    with path.open(encoding="utf-8") as handle:
        return set(handle)


def _triple(line: str) -> str:
    """``<s> <p> o`` of a quad line, its graph (if any) left out."""
    subject, predicate, rest = line.split(" ", 2)
    if rest.startswith('"'):  # a literal, with its language or datatype
        end = rest.rindex('"')
        return f"{subject} {predicate} {rest[: end + 1]}{rest[end + 1 :].split(' ', 1)[0]}"
    return f"{subject} {predicate} {rest.split(' ', 1)[0]}"


class Changes:
    """What changed between two releases' ``graph.nq``: the subjects of changed quads, the
    (subject, predicate) pairs of changed label statements (as triples), and whether what the
    document list reads changed (``documents``)."""

    def __init__(self, old_nq: Path, new_nq: Path) -> None:
        old, new = _lines(old_nq), _lines(new_nq)
        changed = old ^ new
        self.subjects = {line.split(" ", 1)[0] for line in changed}
        pairs = {tuple(line.split(" ", 2)[:2]) for line in changed}
        label_pairs = {pair for pair in pairs if pair[1] in LABELS}
        self.labels: set[tuple[str, str]] = set()
        if label_pairs:  # the same label in one more (or one less) graph is no change
            before, after = (
                {_triple(ln) for ln in lines if _key(ln) in label_pairs} for lines in (old, new)
            )
            self.labels = {_key(triple) for triple in before ^ after}
        self.links = _links(new)
        self.documents = _documents_changed(old, new, changed)

    def unchanged(self, tasks: Iterable[str]) -> set[str]:
        """The IRIs of ``tasks`` whose record cannot have changed."""
        kept = set()
        for task in tasks:
            subject = f"<{task}>"
            if subject in self.subjects:
                continue
            if all(self._same(link, node) for link, node in self.links.get(subject, ())):
                kept.add(task)
        return kept

    def _same(self, link: str, node: str) -> bool:
        if not node.startswith("<"):
            return False  # a blank node: its label in the store is not the file's
        if link == EVIDENCE:
            return node not in self.subjects
        return (node, READ_AT_LINK[link]) not in self.labels


def _documents_changed(old: set[str], new: set[str], changed: set[str]) -> bool:
    """Whether what ``document_list.rq`` reads changed: a statement about a document that it
    reads (as a triple: the same one in one more graph is no change), a class's place under
    ``pg:PolicyDocument``, or anything in a curated graph."""
    subjects = set()
    for line in changed:
        subject, predicate, _ = line.split(" ", 2)
        if predicate == SUBCLASS or CURATED in line.rsplit(" ", 2)[-2]:
            return True
        if predicate in LISTED and subject.startswith(DOCUMENT):
            subjects.add(subject)
    if not subjects:
        return False
    before, after = (
        {
            _triple(ln)
            for ln in lines
            if ln.startswith(DOCUMENT) and (key := _key(ln))[0] in subjects and key[1] in LISTED
        }
        for lines in (old, new)
    )
    return before != after


def _key(line: str) -> tuple[str, str]:
    subject, predicate, _ = line.split(" ", 2)
    return subject, predicate


def _links(lines: set[str]) -> dict[str, list[tuple[str, str]]]:
    """Task-side subject → (link, node) for the links a record follows."""
    found: dict[str, list[tuple[str, str]]] = {}
    for line in lines:
        subject, predicate, rest = line.split(" ", 2)
        if predicate in READ_AT_LINK or predicate == EVIDENCE:
            found.setdefault(subject, []).append((predicate, rest.split(" ", 1)[0]))
    return found
