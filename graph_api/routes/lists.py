"""``/tasks``, ``/agencies``, ``/documents``: the lists for people, filtered, sorted and paged,
each also downloadable as CSV or XLSX (``?format=``) with the same filters, every row at once."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from graph_api.exports import FORMAT_PATTERN, download
from graph_api.pages import agency_list, document_list, task_list
from graph_api.pages.facts import entity_names
from graph_api.pages.i18n import language
from graph_api.pages.list_words import lw, words_for
from graph_api.pages.paging import MAX_PER_PAGE, PER_PAGE, Paging, list_links, sort_link
from graph_api.pages.province import province_list
from graph_api.pages.render import render
from graph_api.routes.common import ERROR_RESPONSES, select
from graph_api.store_terms import IRI

router = APIRouter(tags=["pages"])
LANG = Query(None, pattern="^(vi|en)$", description="page language (vi, en)")
FORMAT = Query(None, pattern=FORMAT_PATTERN, description="html (default), csv or xlsx")
PAGE = Query(1, ge=1, le=100_000)
PER_PAGE_Q = Query(PER_PAGE, ge=1, le=MAX_PER_PAGE)
ORDER = Query("asc", pattern="^(asc|desc)$")
NAME = "name with or without diacritics, or slug"
PERIOD = r"^$|^[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"  # year, month or day
HTML_AND_FILES = {
    **ERROR_RESPONSES,
    200: {
        "description": "The page, or its table as a file",
        "content": {
            "text/html": {"schema": {"type": "string"}},
            "text/csv": {"schema": {"type": "string"}},
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                "schema": {"type": "string", "format": "binary"}
            },
        },
    },
}


async def theme_choices(request: Request, lang: str) -> list[tuple[str, str]]:
    """(slug, name) of every theme, for the theme filter."""
    rows = await select(request, "list_themes")
    choices = []
    for row in rows:
        name = (row.get("labelEn") if lang == "en" else None) or row.get("labelVi") or ""
        name = name if len(name) <= 80 else name[:79].rsplit(" ", 1)[0] + "…"
        choices.append((row["theme"].rsplit("/", 1)[-1], name or row["theme"]))
    return sorted(choices, key=lambda choice: choice[1])


async def chosen_filters(
    request: Request, entities: dict[str, list], lang: str
) -> list[tuple[str, list[str]]]:
    """(filter's name, names of the entities it chose) for the list's summary line."""
    names = await entity_names(request, [i for found in entities.values() for i in found], lang)
    return [(lw(name, lang), [names.get(i, i) for i in found]) for name, found in entities.items()]


async def render_list(
    request: Request,
    template: str,
    *,
    title: str,
    lang: str,
    paging: Paging,
    columns: tuple[str, ...] | list[str],
    sort: str,
    order: str,
    **specific: object,
) -> Response:
    """A list page: what the three lists share (title, words, pager, sort links, the province
    choices, the export cap) beside what ``specific`` gives (filters, rows, chosen, …)."""
    context = {
        "title": lw(title, lang),
        "lw": words_for(lang),
        "paging": paging,
        "links": list_links(request, paging),
        "sorts": {c: sort_link(request, c, sort, order == "desc") for c in columns},
        "sort": sort,
        "descending": order == "desc",
        "provinces": await province_list(request),
        "max_rows": request.app.state.settings.max_rows,
        **specific,
    }
    return render(request, template, context)


@router.get(
    "/tasks",
    response_class=Response,
    summary="The list of tasks (for people), filtered and paged; CSV or XLSX with ?format=",
    responses=HTML_AND_FILES,
)
async def tasks_page(
    request: Request,
    q: str = Query("", max_length=200, description="words of the task's wording or citation"),
    document: str = Query("", max_length=200, description="document number, name or slug"),
    deep: bool = Query(False, description="with the documents implementing that document"),
    agency: str = Query("", max_length=200, description=f"agency (lead or coordinating): {NAME}"),
    province: str = Query("", max_length=200, description=f"province: {NAME}"),
    theme: str = Query("", max_length=200, description=f"theme: {NAME}"),
    deadline_from: str = Query("", pattern=PERIOD, description="YYYY, YYYY-MM or YYYY-MM-DD"),
    deadline_to: str = Query("", pattern=PERIOD, description="YYYY, YYYY-MM or YYYY-MM-DD"),
    overdue_on: str = Query("", pattern=PERIOD, description="deadline passed on this day"),
    sort: str = Query("citation", pattern="^(citation|document|deadline)$"),
    order: str = ORDER,
    page: int = PAGE,
    per_page: int = PER_PAGE_Q,
    format: str | None = FORMAT,
    lang: str | None = LANG,
) -> Response:
    page_lang = language(request)
    filters = task_list.TaskFilters(
        q, document, agency, province, theme, deadline_from, deadline_to, overdue_on, deep
    )
    entities = await task_list.resolved_filters(request, filters)
    found = await task_list.matching_tasks(request, filters, entities)
    ordered = (await task_list.task_order(request)).ordered(found, sort, order == "desc")
    on = task_list.period("overdue_on", overdue_on, last=False) or date.today()
    if format in ("csv", "xlsx"):
        cap = request.app.state.settings.max_rows
        iris = [IRI(task) for task in ordered[:cap]]
        rows = task_list.export_rows(
            await task_list.detailed_rows(request, iris, on, page_lang), page_lang
        )
        return download(
            task_list.COLUMNS, rows, format=format, lang=page_lang, name=lw("tasks_title", "en")
        )
    paging = Paging(len(ordered), page, per_page)
    page_iris = [IRI(task) for task in ordered[paging.start : paging.last]]
    return await render_list(
        request,
        "tasks.html",
        title="tasks_title",
        lang=page_lang,
        paging=paging,
        columns=task_list.SORTS,
        sort=sort,
        order=order,
        filters=filters,
        chosen=await chosen_filters(request, entities, page_lang),
        rows=await task_list.detailed_rows(request, page_iris, on, page_lang),
        themes=await theme_choices(request, page_lang),
    )


@router.get(
    "/agencies",
    response_class=Response,
    summary="The list of agencies (for people) with their task counts; CSV or XLSX with ?format=",
    responses=HTML_AND_FILES,
)
async def agencies_page(
    request: Request,
    q: str = Query("", max_length=200, description="words of the name (diacritics ignored)"),
    province: str = Query("", max_length=200, description=f"jurisdiction: {NAME}"),
    level: str = Query(
        "", pattern="^$|^(national|provincial)$", description="national, provincial"
    ),
    with_tasks: bool = Query(False, description="only agencies that lead or coordinate a task"),
    sort: str = Query("lead", pattern="^(lead|coordinated|name|province)$"),
    order: str = ORDER,
    page: int = PAGE,
    per_page: int = PER_PAGE_Q,
    format: str | None = FORMAT,
    lang: str | None = LANG,
) -> Response:
    page_lang = language(request)
    found, places = await agency_list.matching_agencies(
        request, q, province, level, with_tasks, page_lang
    )
    named = await agency_list.with_place_names(request, found, page_lang)
    ordered = agency_list.sort_rows(named, sort, order == "desc")
    if format in ("csv", "xlsx"):
        rows = ordered[: request.app.state.settings.max_rows]
        name = lw("agencies_title", "en")
        return download(agency_list.COLUMNS, rows, format=format, lang=page_lang, name=name)
    paging = Paging(len(ordered), page, per_page)
    return await render_list(
        request,
        "agencies.html",
        title="agencies_title",
        lang=page_lang,
        paging=paging,
        columns=agency_list.SORTS,
        sort=sort,
        order=order,
        filters={"q": q, "province": province, "level": level, "with_tasks": with_tasks},
        chosen=await chosen_filters(request, {"province": places} if places else {}, page_lang),
        rows=ordered[paging.start : paging.last],
    )


@router.get(
    "/documents",
    response_class=Response,
    summary="The list of documents (for people); CSV or XLSX with ?format=",
    responses=HTML_AND_FILES,
)
async def documents_page(
    request: Request,
    q: str = Query("", max_length=200, description="words of the number or title"),
    province: str = Query("", max_length=200, description=f"territorial scope: {NAME}"),
    type: str = Query("", pattern=r"^$|^[A-Za-z]+$", description="kind: Resolution, Plan …"),
    issuer: str = Query("", max_length=200, description=f"issuing agency: {NAME}"),
    sort: str = Query("issued", pattern="^(issued|number|title)$"),
    order: str = ORDER,
    page: int = PAGE,
    per_page: int = PER_PAGE_Q,
    format: str | None = FORMAT,
    lang: str | None = LANG,
) -> Response:
    page_lang = language(request)
    found, entities = await document_list.matching_documents(request, q, province, type, issuer)
    ordered = document_list.sort_rows(found, sort, order == "desc")
    if format in ("csv", "xlsx"):
        rows = await document_list.with_names(
            request, ordered[: request.app.state.settings.max_rows], page_lang
        )
        name = lw("documents_title", "en")
        return download(document_list.COLUMNS, rows, format=format, lang=page_lang, name=name)
    paging = Paging(len(ordered), page, per_page)
    return await render_list(
        request,
        "documents.html",
        title="documents_title",
        lang=page_lang,
        paging=paging,
        columns=document_list.SORTS,
        sort=sort,
        order=order,
        filters={"q": q, "province": province, "type": type, "issuer": issuer},
        chosen=await chosen_filters(request, entities, page_lang),
        rows=await document_list.with_names(
            request, ordered[paging.start : paging.last], page_lang
        ),
        types=await document_list.type_choices(request, page_lang),
    )
