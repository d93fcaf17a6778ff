"""The whole-country audit answers a release's memo keeps (:mod:`graph_api.audit.memo`), computed
when the release is built and written in its serving index file, so the first request after a
start or a rebuild reads them instead of the whole graph (at 10⁶ quads: 6.4 s for the task
alignment, about 3.3 s for the coverage and alignment answers, on that first request).

Each answer is computed by the very functions the routes call on a miss, over the built store,
and kept as plain values (bytes, strings, lists, dicts) that the serving index's class-refusing
unpickler reads: the rendered ``/api/audit/alignment`` bodies and coverage page, the
``/alignment`` page's context, the province labels, the ``/documents`` list's records, and the
task alignment report as its fields (:func:`encode` on writing, rebuilt into its dataclasses by
:func:`decode` on reading).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from graph_api import (
    serving_index_agencies,
    serving_index_documents,
    serving_index_ownership,
    serving_index_views,
)
from graph_api.audit import render
from graph_api.audit.alignment import audit_alignment
from graph_api.audit.coverage import render_coverage
from graph_api.audit.provinces import province_labels
from graph_api.audit.themes import ProvinceThemes, TaskAlignmentReport, Theme, audit_tasks
from graph_api.pages.alignment import alignment_context
from graph_api.pages.document_list import read_records
from graph_api.store import Store

FORMATS = ("json", "csv", "md")  # /api/audit/alignment's text formats (memo "alignment-<fmt>")
LANGUAGES = ("vi", "en")  # the /alignment page's (memo "alignment-page-<lang>")
DOCUMENT_LIST = "document-list"  # the /documents list's records (document_list.rq's rows)


class _BuildRequest:
    """What the page functions read from a request (``request.app.state``), over a built store
    with no server: the ``/alignment`` page's context is made by the page's own code."""

    def __init__(self, store: Store) -> None:
        self.app = SimpleNamespace(state=SimpleNamespace(store=store))


def compute(store: Store, kept: dict[str, Any] | None = None) -> dict[str, Any]:
    """Memo name → the value the routes would keep after their first request; ``kept``: those
    of the previous release known unchanged (only ``document-list`` is taken from it)."""
    kept = kept or {}
    provinces = province_labels(store)
    report = audit_alignment(store)
    audits: dict[str, Any] = {"provinces": provinces}
    for fmt in FORMATS:
        audits[f"alignment-{fmt}"] = render.render_alignment(report, fmt).encode()
    audits["coverage"] = render_coverage(report)
    audits["tasks"] = audit_tasks(store)
    request = _BuildRequest(store)
    for lang in LANGUAGES:
        audits[f"alignment-page-{lang}"] = asyncio.run(alignment_context(request, lang))  # type: ignore[arg-type]
    if DOCUMENT_LIST in kept:  # 1.7 s of CPU at 2,001 documents, and seldom changed
        audits[DOCUMENT_LIST] = kept[DOCUMENT_LIST]
    else:
        audits[DOCUMENT_LIST] = asyncio.run(read_records(request))  # type: ignore[arg-type]
    audits[serving_index_views.NAME] = serving_index_views.compute(store)  # the default /views
    audits[serving_index_ownership.NAME] = serving_index_ownership.compute(store)  # first pages
    audits[serving_index_documents.NAME] = serving_index_documents.compute(store)  # properties
    audits[serving_index_agencies.NAME] = serving_index_agencies.compute(store)  # agency details
    return audits


def _encode_tasks(report: TaskAlignmentReport) -> dict[str, Any]:
    return {
        "themes": {iri: vars(theme) for iri, theme in report.themes.items()},
        "national_tasks_by_theme": report.national_tasks_by_theme,
        "provinces": [vars(province) for province in report.provinces],
    }


def _decode_tasks(plain: dict[str, Any]) -> TaskAlignmentReport:
    return TaskAlignmentReport(
        themes={iri: Theme(**theme) for iri, theme in plain["themes"].items()},
        national_tasks_by_theme=plain["national_tasks_by_theme"],
        provinces=[ProvinceThemes(**province) for province in plain["provinces"]],
    )


_ENCODERS: dict[str, Callable[[Any], Any]] = {"tasks": _encode_tasks}
_DECODERS: dict[str, Callable[[Any], Any]] = {"tasks": _decode_tasks}


def encode(audits: dict[str, Any]) -> dict[str, Any]:
    """The memo's values as the plain ones the file holds (what :func:`decode` reads back)."""
    return {name: _ENCODERS.get(name, _same)(value) for name, value in audits.items()}


def decode(audits: dict[str, Any]) -> dict[str, Any]:
    """The memo's values from the file's plain ones (a malformed entry raises KeyError or
    TypeError, which the reader reports as a file that is not whole)."""
    if not isinstance(audits, dict):
        raise TypeError(f"audits: a dict was expected, not {type(audits).__name__}")
    return {name: _DECODERS.get(name, _same)(value) for name, value in audits.items()}


def _same(value: Any) -> Any:
    return value
