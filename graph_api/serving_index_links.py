"""Each document's implementation chain, up and down, for the serving index's task table: the
rows ``document_implements.rq`` and ``document_implemented_by.rq`` give for it, computed from one
read of the links and one of the linked nodes' identifiers, titles and types.

Those queries walk a property path over ``pg:implements|dcterms:isPartOf``; with the union
default graph a link stated by several sources comes back once per graph, and the path multiplies
the copies at every step: at 2,001 documents (each statement held by ~18 graphs) the chain down
of 57-NQ/TW alone took 10.6 s of the build's serving index. Here the links are read with set
semantics (DISTINCT) and walked in Python, a few milliseconds for every document at once. The
rows are the queries' rows (as sets: the route sorts them itself);
``tests/graph_api/test_serving_index_links.py`` compares them on the built data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import product

from graph_api.named_queries import load_query
from graph_api.store import Store

Row = dict[str, str]
VALUE_NAMES = ("identifier", "title", "type")  # what both queries show of a linked node


class Links:
    """The implementation links (child → parents, parent → children) and the values shown of
    each linked node, read from ``store`` once."""

    def __init__(self, store: Store) -> None:
        self.parents: dict[str, set[str]] = defaultdict(set)
        self.children: dict[str, set[str]] = defaultdict(set)
        for row in store.select(load_query("serving_document_links")):
            child, parent = str(row["child"]), str(row["parent"])
            self.parents[child].add(parent)
            self.children[parent].add(child)
        self.values: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for row in store.select(load_query("serving_document_link_values")):
            self.values[str(row["node"])][row["property"]].append(str(row["value"]))
        for found in self.values.values():  # the same order whatever the engine's
            for shown in found.values():
                shown.sort()

    def implements(self, document: str) -> list[Row]:
        """``document_implements.rq``'s rows: each link (from → ancestor) out of the document
        or of anything it implements, with the ancestor's values."""
        rows = []
        for start in sorted(_reach(document, self.parents)):
            for ancestor in sorted(self.parents.get(start, ())):
                rows += self._rows({"from": start, "ancestor": ancestor}, ancestor)
        return rows

    def implemented_by(self, document: str) -> list[Row]:
        """``document_implemented_by.rq``'s rows: each link (descendant → parent) into the
        document or into anything implementing it, the document itself left out as a
        descendant (a cycle), with the descendant's values."""
        rows = []
        for parent in sorted(_reach(document, self.children)):
            for descendant in sorted(self.children.get(parent, ())):
                if descendant != document:
                    rows += self._rows({"descendant": descendant, "parent": parent}, descendant)
        return rows

    def _rows(self, link: Row, node: str) -> list[Row]:
        """``link`` with every combination of ``node``'s values (OPTIONAL: none, none shown)."""
        found = self.values.get(node, {})
        rows = []
        for combination in product(*(found.get(name) or [None] for name in VALUE_NAMES)):
            shown = zip(VALUE_NAMES, combination, strict=True)
            rows.append({**link, **{name: value for name, value in shown if value is not None}})
        return rows


def _reach(start: str, steps: dict[str, set[str]]) -> set[str]:
    """``start`` and every node reached from it through ``steps`` (a path of zero or more)."""
    seen = {start}
    stack = [start]
    while stack:
        for node in steps.get(stack.pop(), ()):
            if node not in seen:
                seen.add(node)
                stack.append(node)
    return seen


def chains(store: Store, documents: Iterable[str]) -> dict[str, dict[str, list[Row]]]:
    """Each of ``documents`` → its rows of both queries, by query name (what
    ``TaskTable.links`` holds)."""
    links = Links(store)
    return {
        document: {
            "document_implements": links.implements(document),
            "document_implemented_by": links.implemented_by(document),
        }
        for document in documents
    }
