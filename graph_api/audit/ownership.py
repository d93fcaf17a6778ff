"""Ownership on a date: the agency a document assigned a task to, and the agency holding it then.

The 2025 reorganisation retired many assignees (Bộ TT&TT into Bộ KH&CN on 1 March 2025, every
Sở TT&TT into its Sở KH&CN, then on 1 July 2025 the bodies of merged provinces into those of the
resulting province). The holder on a date follows the chain of successions (``audit_successions``:
``pg:succeededBy`` with the date of its ``org:ChangeEvent``) whose date is on or before that date;
a succession without a date is not followed, since nothing says it had happened. A body whose
province merged but which no change event covers keeps the task, with a note saying so.

The build precomputes both what is costly at national scale (``ingest.derive``): each task's
province (``pg:inProvince``) and each retired agency's holder per period (``pg:HoldingPeriod``),
so the queries select one province's assignments and their holder on a date by lookups. The
whole audit is read province by province (``iter_holdings``), so a caller can stream it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from graph_api.least_rows import least_per_key
from graph_api.named_queries import load_query
from graph_api.store import IRI, Store

LOOKUP_CHUNK = 250  # IRIs bound in one lookup query
FIRST_TASKS = 8  # a province's tasks read on their own before the rest (the first rows' part)


@dataclass(frozen=True)
class Step:
    """One succession: ``agency`` ceased and ``successor`` took over on ``date``."""

    agency: str
    successor: str
    successor_label: str
    date: date | None
    event: str | None = None
    event_label: str | None = None
    decided_by: str | None = None


@dataclass(frozen=True)
class Holding:
    """One assignment of a task (lead or coordinating) and who holds it on the chosen date."""

    task: str
    role: str
    assigned: str
    assigned_label: str
    holder: str
    holder_label: str
    chain: tuple[Step, ...] = ()
    note: str = ""
    description: str | None = None
    document_label: str | None = None
    province: str | None = None
    quote: str | None = None

    @property
    def assignee_gone(self) -> bool:
        """Whether the agency the document names no longer exists on the chosen date."""
        return bool(self.chain)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["assignee_gone"] = self.assignee_gone
        for step in data["chain"]:
            step["date"] = step["date"].isoformat() if step["date"] else None
        return data


@dataclass
class OwnershipReport:
    on: date
    holdings: list[Holding] = field(default_factory=list)

    def gone(self) -> list[Holding]:
        """The assignments whose assigned agency no longer exists on the date."""
        return [h for h in self.holdings if h.assignee_gone]


def successions(rows: list[dict[str, Any]]) -> dict[str, list[Step]]:
    """agency → its successions, earliest first (rows of ``audit_successions``)."""
    found: dict[str, list[Step]] = defaultdict(list)
    for row in rows:
        found[row["agency"]].append(
            Step(
                agency=row["agency"],
                successor=row["successor"],
                successor_label=row.get("successor_label") or row["successor"],
                date=_date(row.get("date")),
                event=row.get("event"),
                event_label=row.get("event_label"),
                # GROUP_CONCAT packs in each engine's own order: sorted, the same everywhere
                decided_by=" | ".join(sorted(row["decided_by"].split(" | ")))
                if row.get("decided_by")
                else None,
            )
        )
    for steps in found.values():
        steps.sort(key=lambda s: (s.date or date.max, s.successor))
    return found


def holder_on(agency: str, on: date, by_agency: dict[str, list[Step]]) -> tuple[Step, ...]:
    """The chain of successions from ``agency`` that had happened by ``on`` (empty: it still
    holds its tasks). Cycles in the data stop the walk."""
    chain: list[Step] = []
    seen = {agency}
    current = agency
    while True:
        step = next(
            (s for s in by_agency.get(current, ()) if s.date is not None and s.date <= on), None
        )
        if step is None or step.successor in seen:
            return tuple(chain)
        chain.append(step)
        seen.add(step.successor)
        current = step.successor


def audit_ownership(
    store: Store,
    on: date,
    *,
    task: str | None = None,
    province: str | None = None,
    by_agency: dict[str, list[Step]] | None = None,
) -> OwnershipReport:
    """Every task assignment with its holder on ``on``; only ``task`` (an IRI) or the tasks of
    ``province`` (an IRI) when given. ``by_agency``: the successions, when the caller keeps them
    (a page server reads them once per release: the query takes about 1.4 s)."""
    holdings = iter_holdings(store, on, task=task, province=province, by_agency=by_agency)
    return OwnershipReport(on, list(holdings))


def iter_holdings(
    store: Store,
    on: date,
    *,
    task: str | None = None,
    province: str | None = None,
    gone: bool = False,
    by_agency: dict[str, list[Step]] | None = None,
    first_chunk: int = LOOKUP_CHUNK,
    first_tasks: int = FIRST_TASKS,
) -> Iterator[Holding]:
    """The holdings on ``on``, one query per province (then the national tasks) when neither
    ``task`` nor ``province`` is given; ``gone``: only those whose assignee no longer exists;
    ``first_chunk``: how many rows the first lookup of texts serves (a small first page: its own
    rows only; 12 ms instead of 82 ms at 10⁶ quads)."""
    if by_agency is None:
        by_agency = successions(store.select(load_query("audit_successions")))
    mergers = {
        row["agency"]: row
        for row in store.select(load_query("audit_place_mergers"))
        if (merged_on := _date(row.get("merged_on"))) is not None and merged_on <= on
    }
    if gone and not store.select(load_query("audit_gone_agencies"), {"on": on}):
        return  # no agency is gone on that date: no query per province to find none
    size = max(1, min(first_chunk, LOOKUP_CHUNK))
    for name, bindings in _batches(store, on, task, province, False):
        for rows in _parts(store, name, bindings, first_tasks):
            yield from _holdings(store, rows, on, gone, by_agency, mergers, size)
            size = LOOKUP_CHUNK


def _parts(
    store: Store, name: str, bindings: dict[str, Any], first_tasks: int
) -> Iterator[list[dict[str, Any]]]:
    """The rows of one batch in their order, as parts: a province's first ``first_tasks`` tasks
    by themselves (bound: ~40 ms at 10⁶ quads, where the whole province's assignments take
    0.5–1 s), so the audit's first row is sent before the rest is read; then the rest."""
    if name != "audit_ownership_province":
        yield _ordered(store.select(load_query(name), bindings))
        return
    listed = store.select(load_query("audit_province_tasks"), {"province": bindings["province"]})
    tasks = sorted(str(row["task"]) for row in listed)  # the order _ordered sorts rows in
    if not 0 < first_tasks < len(tasks):
        yield _ordered(store.select(load_query(name), bindings))
        return
    first = [IRI(iri) for iri in tasks[:first_tasks]]
    yield _ordered(store.select(load_query(name), {**bindings, "task": first}))
    rest = set(tasks[first_tasks:])
    rows = store.select(load_query(name), bindings)
    yield _ordered([row for row in rows if str(row["task"]) in rest])


def _holdings(
    store: Store,
    rows: list[dict[str, Any]],
    on: date,
    gone: bool,
    by_agency: dict[str, list[Step]],
    mergers: dict[str, Any],
    size: int,
) -> Iterator[Holding]:
    """Ordered rows as holdings, their texts and labels looked up ``size`` rows, then
    ``LOOKUP_CHUNK`` rows at a time."""
    if gone:  # held by another body on ``on``: decided on the successions, on every engine
        rows = [row for row in rows if holder_on(row["agency"], on, by_agency)]
    # texts and labels looked up a chunk of rows at a time: a first page reads only its own
    start = 0
    while start < len(rows):
        chunk, start = rows[start : start + size], start + size
        size = LOOKUP_CHUNK
        details = _lookup(store, "audit_task_details", "task", {row["task"] for row in chunk})
        labels = _lookup(store, "audit_agency_labels", "agency", {r["agency"] for r in chunk})
        for row in chunk:
            found = {**details.get(row["task"], {}), **labels.get(row["agency"], {}), **row}
            found.setdefault("agency_label", row["agency"])
            yield _holding(found, on, by_agency, mergers)


def _batches(
    store: Store, on: date, task: str | None, province: str | None, gone: bool
) -> list[tuple[str, dict[str, Any]]]:
    """The queries (name, bindings) that list the holdings, in the order they are listed."""
    common = {"on": on, "gone": gone}
    if task:
        return [("audit_ownership_task", {"task": IRI(task), **common})]
    if province:
        return [("audit_ownership_province", {"province": IRI(province), **common})]
    batches = [
        ("audit_ownership_province", {"province": IRI(row["province"]), **common})
        for row in store.select(load_query("audit_task_provinces"))
    ]
    return [*batches, ("audit_ownership_national", common)]


def _ordered(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows by task, role descending (lead first), agency: the order a page of the audit keeps."""
    rows.sort(key=lambda row: row["agency"])
    rows.sort(key=lambda row: row["role"], reverse=True)
    rows.sort(key=lambda row: row["task"])
    return rows


def _lookup(store: Store, query: str, key: str, iris: set[str]) -> dict[str, dict[str, Any]]:
    """Rows of ``query`` bound to ``iris``, ``LOOKUP_CHUNK`` at a time (long VALUES lists fall
    off a cliff on the engine), by their ``key``."""
    ordered = sorted(iris)
    rows = (
        row
        for start in range(0, len(ordered), LOOKUP_CHUNK)
        for row in store.select(
            load_query(query), {key: [IRI(iri) for iri in ordered[start : start + LOOKUP_CHUNK]]}
        )
    )
    return least_per_key(rows, lambda row: row[key])  # several rows of one key: the least


def count_holdings(
    store: Store,
    on: date,
    *,
    gone: bool = False,
    task: str | None = None,
    province: str | None = None,
) -> int:
    """How many assignments the audit lists (``gone``: only those whose agency is gone; only
    ``task``'s or ``province``'s: the rows of its one query, no texts looked up)."""
    if gone and not store.select(load_query("audit_gone_agencies"), {"on": on}):
        return 0  # no agency is gone on that date (3 ms, where the sum reads every agency)
    if task or province:
        [(name, bindings)] = _batches(store, on, task, province, False)
        rows = store.select(load_query(name), bindings)
        if gone:  # as iter_holdings decides it: on the successions
            by_agency = successions(store.select(load_query("audit_successions")))
            rows = [row for row in rows if holder_on(row["agency"], on, by_agency)]
        return len(rows)
    rows = store.select(load_query("audit_ownership_count"), {"on": on, "gone": gone})
    # SUM over no agency: 0 on Oxigraph, unbound on Virtuoso
    return int(rows[0].get("count") or 0) if rows else 0


def _holding(row: dict[str, Any], on: date, by_agency, mergers) -> Holding:
    """One row of ``audit_ownership_*.rq`` as a holding: the holder is the derived lookup's; the
    chain shown with it is walked over the (small) table of successions."""
    chain = holder_on(row["agency"], on, by_agency)
    # the holder is the chain's end (Virtuoso's answer to the derived lookup in the province
    # query lost some holders); the lookup's, or the agency itself, when nothing happened
    holder = chain[-1].successor if chain else row.get("holder") or row["agency"]
    holder_label = chain[-1].successor_label if chain else row["agency_label"]
    note = ""
    if holder in mergers:
        merger = mergers[holder]
        note = (
            f"its province merged into {merger['merged_into_label']} on "
            f"{merger['merged_on']}; no successor body is recorded"
        )
    return Holding(
        task=row["task"],
        role=row["role"],
        assigned=row["agency"],
        assigned_label=row["agency_label"],
        holder=holder,
        holder_label=holder_label,
        chain=chain,
        note=note,
        description=row.get("description"),
        document_label=row.get("document_label"),
        province=row.get("in_province"),
        quote=row.get("quote"),
    )


def chain_text(holding: Holding) -> str:
    """The chain as one line: ``A → B (2025-03-01, event) → C (2025-07-01, event)``."""
    parts = [holding.assigned_label]
    for step in holding.chain:
        when = step.date.isoformat() if step.date else "undated"
        parts.append(f"{step.successor_label} ({when})")
    return " → ".join(parts)


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
