"""Every task of a release in the order of each sort of the task list (citation, document,
deadline), put in order once when the release is built (:mod:`graph_api.serving_index`) from the
sort keys of :mod:`graph_api.pages.task_keys`.

A page of the unfiltered list is then a slice (it read and sorted all 53,990 tasks at 10⁶
quads: 1.0 s for the query, 0.5–0.8 s for the sort), and a filtered list is ordered by each
task's position (integers), not by building its citation again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph_api.pages.labels import task_citation
from graph_api.pages.task_keys import Keys
from ontology.errors import QueryError

SORTS = ("citation", "document", "deadline")
PRESENT = {"citation": None, "document": "documentNumber", "deadline": "deadlineEnd"}


def citation_of(row: dict[str, Any]) -> str:
    return task_citation(row.get("number"), row.get("documentNumber"), row.get("sourceTitle"))


def _citation_key(row: dict[str, Any]) -> tuple:
    """``…, nhiệm vụ 9`` before ``…, nhiệm vụ 52``; uncited tasks last."""
    citation = citation_of(row)
    head, _, number = citation.rpartition(" ")
    numbered = (head, int(number)) if number.isdigit() else (citation, 0)
    return (not row.get("number"), *numbered, row["task"])


def sort_rows(rows: list[dict[str, Any]], sort: str, descending: bool) -> list[dict[str, Any]]:
    """Rows in the order asked; a missing deadline or document sorts last either way."""
    if sort not in SORTS:
        raise QueryError(f"sort={sort!r}: one of {', '.join(SORTS)}")
    ordered = sorted(rows, key=_citation_key, reverse=descending)
    if sort == "deadline":
        present = [row for row in ordered if row.get("deadlineEnd")]
        present.sort(key=lambda row: row["deadlineEnd"], reverse=descending)
        return present + [row for row in ordered if not row.get("deadlineEnd")]
    if sort == "document":
        present = [row for row in ordered if row.get("documentNumber")]
        present.sort(key=lambda row: row["documentNumber"].casefold(), reverse=descending)
        return present + [row for row in ordered if not row.get("documentNumber")]
    return ordered


@dataclass
class TaskOrder:
    """For each sort: every task, ascending, those with the sort's key first (``present`` of
    them); descending is each of the two parts reversed, as :func:`sort_rows` gives it."""

    orders: dict[str, list[str]]
    present: dict[str, int]
    _positions: dict[str, dict[str, int]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, tasks: Iterable[str], keys: Keys) -> TaskOrder:
        """Put ``tasks`` in order by their ``keys`` (at build time: O(tasks log tasks))."""
        rows = [{"task": task, **keys.get(task, {})} for task in sorted(set(tasks))]
        orders, present = {}, {}
        for sort, key in PRESENT.items():
            orders[sort] = [row["task"] for row in sort_rows(rows, sort, False)]
            present[sort] = sum(1 for row in rows if key is None or row.get(key))
        return cls(orders, present)

    def tables(self) -> tuple[dict[str, list[str]], dict[str, int]]:
        return self.orders, self.present

    def position(self, sort: str) -> dict[str, int]:
        """Each task's place in ``sort``'s ascending order (made on the sort's first use)."""
        if sort not in self._positions:
            self._positions[sort] = {task: i for i, task in enumerate(self.orders[sort])}
        return self._positions[sort]

    def ordered(self, tasks: Iterable[str] | None, sort: str, descending: bool) -> list[str]:
        """``tasks`` (None: every task) in the order asked; what is not a task of this release
        (a wording match that is no ``pg:Task``) is left out, as the list's query leaves it."""
        if sort not in SORTS:
            raise QueryError(f"sort={sort!r}: one of {', '.join(SORTS)}")
        present = self.present[sort]
        if tasks is None:
            known = self.orders[sort]
        else:
            position = self.position(sort)
            known = sorted((t for t in set(tasks) if t in position), key=position.__getitem__)
            limit, present = present, 0
            for task in known:  # those with the sort's key come first
                if position[task] >= limit:
                    break
                present += 1
        if not descending:
            return list(known)
        return [*reversed(known[:present]), *reversed(known[present:])]
