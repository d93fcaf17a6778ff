"""The ownership audit's first page for every date band, computed when a release is built and
kept in its serving index file, so ``/api/audit/ownership`` sends its first rows from a lookup.

Who holds a task on a date changes only on the days a succession, a province merger or a
holding period starts or ends (each test is "that day ≤ the date"), so between two such days
the whole audit is the same. The build lists those days, runs the audit once per band (on the
band's first day; before the first change, on the day before it) with and without ``gone``,
and keeps each one's first :data:`PAGE_ROWS` holdings and its ``total``. A request for every
province on any date then reads its band's rows instead of walking the succession steps,
listing provinces and reading the first province's assignments before its first byte
(107–230 ms at 10⁶ quads under load); rows past the kept ones are read by the audit as before.

Kept as plain values (the file's unpickler refuses classes): each holding as its
``Holding.as_dict()``, turned back into a :class:`Holding` by :func:`holding`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice
from typing import Any

from graph_api.audit.ownership import (
    Holding,
    Step,
    count_holdings,
    iter_holdings,
    successions,
)
from graph_api.named_queries import load_query
from graph_api.store import Store

NAME = "ownership-pages"  # the entry of the file's audits (the memo's names) holding them
PAGE_ROWS = 1000  # the route's default page: its first request is served whole
QUIET_DAY = date(2000, 1, 1)  # the one band's date when nothing ever changes


@dataclass(frozen=True)
class KeptPage:
    """The first holdings of the whole audit on a band's dates (``gone`` or not), as plain
    dicts; ``complete`` when they are every holding; ``total`` as the route counts it."""

    rows: list[dict[str, Any]]
    complete: bool
    total: int


def change_days(store: Store, by_agency: dict[str, list[Step]]) -> list[date]:
    """Every day on which an ownership answer can change, sorted."""
    days = {step.date for steps in by_agency.values() for step in steps if step.date}
    for row in store.select(load_query("audit_place_mergers")):
        days.add(_day(row.get("merged_on")))
    for row in store.select(load_query("audit_holding_dates")):
        days.add(_day(row.get("date")))
    return sorted(day for day in days if day is not None)


def band_days(changes: list[date]) -> list[date]:
    """One day of each band: the day before the first change, then each change's day."""
    if not changes:
        return [QUIET_DAY]
    return [changes[0] - timedelta(days=1), *changes]


def compute(store: Store, rows: int = PAGE_ROWS) -> dict[str, Any]:
    """The plain entry the file keeps: the change days and, per band and ``gone``, the first
    ``rows`` holdings, whether they are all, and the total."""
    by_agency = successions(store.select(load_query("audit_successions")))
    changes = change_days(store, by_agency)
    pages: dict[str, Any] = {}
    for band, day in enumerate(band_days(changes)):
        for gone in (False, True):
            found = iter_holdings(store, day, gone=gone, by_agency=by_agency, first_chunk=rows)
            first = [h.as_dict() for h in islice(found, rows + 1)]
            pages[_key(band, gone)] = {
                "rows": first[:rows],
                "complete": len(first) <= rows,
                "total": count_holdings(store, day, gone=gone),
            }
    return {"changes": [day.isoformat() for day in changes], "pages": pages}


def kept_page(entry: dict[str, Any] | None, on: date, gone: bool) -> KeptPage | None:
    """The kept page of the band ``on`` falls in; None without the entry (an older file, a
    remote engine without the build's file, a store in memory)."""
    if not entry:
        return None
    changes = [date.fromisoformat(day) for day in entry["changes"]]
    page = entry["pages"].get(_key(bisect_right(changes, on), gone))
    if page is None:
        return None
    return KeptPage(page["rows"], bool(page["complete"]), int(page["total"]))


def page_rows(
    kept: KeptPage | None,
    live: Callable[[], Iterator[Holding]],
    offset: int,
    limit: int,
) -> Iterator[Holding]:
    """Holdings ``offset`` to ``offset + limit`` of the audit: the kept ones, then what
    ``live()`` (the whole audit, read only if needed) gives past them."""
    for found in page_dicts(kept, live, offset, limit):
        yield found if isinstance(found, Holding) else holding(found)


def page_dicts(
    kept: KeptPage | None,
    live: Callable[[], Iterator[Holding]],
    offset: int,
    limit: int,
) -> Iterator[Holding | dict[str, Any]]:
    """As :func:`page_rows`, the kept holdings left as their ``as_dict()`` (what the JSON
    answer writes: 1,000 of them decoded and turned back into dicts took ~140 ms under load)."""
    end = offset + limit
    if kept is None or (offset >= len(kept.rows) and not kept.complete):
        yield from islice(live(), offset, end)
        return
    yield from kept.rows[offset:end]
    if end > len(kept.rows) and not kept.complete:
        yield from islice(live(), max(len(kept.rows), offset), end)


def holding(plain: dict[str, Any]) -> Holding:
    """A holding from its ``as_dict()``."""
    data = {key: value for key, value in plain.items() if key != "assignee_gone"}
    data["chain"] = tuple(
        Step(**{**step, "date": date.fromisoformat(step["date"]) if step["date"] else None})
        for step in plain["chain"]
    )
    return Holding(**data)


def _key(band: int, gone: bool) -> str:
    return f"{band}-{'gone' if gone else 'all'}"


def _day(value: Any) -> date | None:
    try:  # a date, a dateTime or their text: the day
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
