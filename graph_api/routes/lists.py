"""``/tasks``, ``/agencies``, ``/documents``: the lists for people, filtered, sorted and paged,
each also downloadable as CSV or XLSX (``?format=``) with the same filters, every row at once."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from graph_api.exports import FORMAT_PATTERN, download
from graph_api.pages import task_list
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
    deadline_from: str = Query("", max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD"),
    deadline_to: str = Query("", max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD"),
    overdue_on: str = Query("", max_length=10, description="deadline passed on this day"),
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
    ordered = task_list.sort_rows(found, sort, order == "desc")
    on = task_list.period("overdue_on", overdue_on, last=False) or date.today()
    if format in ("csv", "xlsx"):
        cap = request.app.state.settings.max_rows
        iris = [IRI(row["task"]) for row in ordered[:cap]]
        rows = task_list.export_rows(
            await task_list.detailed_rows(request, iris, on, page_lang), page_lang
        )
        return download(
            task_list.COLUMNS, rows, format=format, lang=page_lang, name=lw("tasks_title", "en")
        )
    paging = Paging(len(ordered), page, per_page)
    page_iris = [IRI(row["task"]) for row in ordered[paging.start : paging.last]]
    names = await entity_names(
        request, [i for found in entities.values() for i in found], page_lang
    )
    context = {
        "title": lw("tasks_title", page_lang),
        "lw": words_for(page_lang),
        "filters": filters,
        "chosen": [
            (lw(name, page_lang), [names.get(i, i) for i in found])
            for name, found in entities.items()
        ],
        "rows": await task_list.detailed_rows(request, page_iris, on, page_lang),
        "paging": paging,
        "links": list_links(request, paging),
        "sorts": {
            column: sort_link(request, column, sort, order == "desc") for column in task_list.SORTS
        },
        "sort": sort,
        "descending": order == "desc",
        "provinces": await province_list(request),
        "themes": await theme_choices(request, page_lang),
        "max_rows": request.app.state.settings.max_rows,
    }
    return render(request, "tasks.html", context)
