"""``/exports/agency/{slug}`` and ``/exports/province/{slug}``: the tables of the agency and
province pages as CSV or XLSX, built by the same page builders, so the file holds what the page
shows (the lists' own tables download from the list URL itself: ``/tasks?format=xlsx``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from graph_api.exports import Column, download
from graph_api.pages import agency, province
from graph_api.pages.i18n import language
from graph_api.pages.task_list import COLUMNS as TASK_COLUMNS
from graph_api.pages.task_list import detailed_rows, export_rows
from graph_api.routes.common import ERROR_RESPONSES, SLUG_PATTERN, select
from graph_api.store_terms import IRI
from ontology.errors import NotFound
from ontology.namespaces import ID_BASE

router = APIRouter(tags=["pages"])
FILES = {
    **ERROR_RESPONSES,
    200: {
        "description": "The table as a file",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                "schema": {"type": "string", "format": "binary"}
            },
        },
    },
}
FORMAT = Query("xlsx", pattern="^(csv|xlsx)$", description="csv or xlsx")
LANG = Query(None, pattern="^(vi|en)$", description="header language (vi, en)")
AGENCY_TABLES = {"led": "led", "coordinated": "coordinated", "inherited": "inherited"}
PLAN_COLUMNS = (
    Column("label", "Kế hoạch, chương trình", "Plan"),
    Column("issued", "Ngày ban hành", "Issued on"),
    Column("chain", "Triển khai văn bản", "Implements"),
    Column("iri", "Địa chỉ (IRI)", "IRI"),
)
AGENCY_COLUMNS = (
    Column("label", "Cơ quan chủ trì", "Lead agency"),
    Column("count", "Số nhiệm vụ", "Tasks"),
    Column("iri", "Địa chỉ (IRI)", "IRI"),
)
SCORECARD_COLUMNS = (
    Column("indicator", "Chỉ số", "Indicator"),
    Column("verdict", "Đánh giá", "Verdict"),
    Column("provincial", "Chỉ tiêu của tỉnh", "Provincial target"),
    Column("provincial_document", "Văn bản của tỉnh", "Provincial document"),
    Column("provincial_quote", "Trích dẫn (tỉnh)", "Quote (province)"),
    Column("national", "Chỉ tiêu quốc gia", "National target"),
    Column("national_document", "Văn bản quốc gia", "National document"),
    Column("national_quote", "Trích dẫn (quốc gia)", "Quote (national)"),
    Column("summary", "Tóm tắt", "Summary"),
)


async def existing(request: Request, kind: str, slug: str) -> str:
    iri = IRI(f"{ID_BASE}{kind}/{slug}")
    if not await select(request, "entity_exists", {"entity": iri}):
        raise NotFound(f"the graph has no {kind} {slug!r} ({iri})")
    return str(iri)


@router.get(
    "/exports/agency/{slug}",
    response_class=Response,
    summary="An agency page's task table (led, coordinated, inherited) as CSV or XLSX",
    responses=FILES,
)
async def agency_table(
    request: Request,
    slug: str = Path(pattern=SLUG_PATTERN, description="agency slug, e.g. bo-khcn"),
    table: str = Query("led", pattern="^(led|coordinated|inherited)$"),
    format: str = FORMAT,
    lang: str | None = LANG,
) -> Response:
    page_lang = language(request)
    iri = await existing(request, "agency", slug)
    context = await agency.agency_context(request, iri, page_lang)
    shown = [IRI(row.iri) for row in context[AGENCY_TABLES[table]]]
    rows = export_rows(await detailed_rows(request, shown, date.today(), page_lang), page_lang)
    name = f"{slug}-{table}"
    return download(TASK_COLUMNS, rows, format=format, lang=page_lang, name=name)


@router.get(
    "/exports/province/{slug}",
    response_class=Response,
    summary="A province page's table (plans, tasks by agency, scorecard) as CSV or XLSX",
    responses=FILES,
)
async def province_table(
    request: Request,
    slug: str = Path(pattern=SLUG_PATTERN, description="place slug, e.g. binh-duong"),
    table: str = Query("scorecard", pattern="^(scorecard|plans|agencies)$"),
    format: str = FORMAT,
    lang: str | None = LANG,
) -> Response:
    page_lang = language(request)
    iri = await existing(request, "place", slug)
    if not await province.is_province(request, iri):
        raise NotFound(f"{slug!r} is a place but not a province: it has no province page")
    name = f"{slug}-{table}"
    if table == "agencies":  # its own query: not the whole page (the scorecard's audit)
        agencies = await province.province_agencies(request, iri, page_lang)
        rows = [{**row, "iri": row["iri"] or ""} for row in agencies]
        return download(AGENCY_COLUMNS, rows, format=format, lang=page_lang, name=name)
    context = await province.province_context(request, iri, page_lang)
    if table == "plans":
        rows = [plan_row(plan) for plan in context["plans"]]
        return download(PLAN_COLUMNS, rows, format=format, lang=page_lang, name=name)
    rows = [
        {
            **line,
            "indicator": indicator,
            "provincial_document": line.get("provincial_document_label")
            or line.get("provincial_document"),
        }
        for indicator, line in scorecard_lines(context)
    ]
    return download(SCORECARD_COLUMNS, rows, format=format, lang=page_lang, name=name)


def scorecard_lines(context: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(indicator, comparison) for each line of the page's scorecard (``card``: rows, each a
    headline comparison and the others behind it), in the page's order."""
    return [
        (row["indicator_label"], line)
        for row in context["card"]["rows"]
        for line in (row, *row.get("others", ()))
    ]


def plan_row(plan: dict[str, Any]) -> dict[str, Any]:
    """A plan with the documents it implements, nearest first, as one cell."""
    chain: list[str] = []
    todo = list(plan.get("chain") or [])
    while todo:
        node = todo.pop(0)
        chain.append(" — ".join(part for part in (node.number, node.title) if part))
        todo += node.children
    return {"label": plan["label"], "issued": plan["issued"], "chain": chain, "iri": plan["iri"]}
