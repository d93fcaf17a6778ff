"""``/``: the front door (search and the common questions, in Vietnamese or English), and the
SPARQL editor that ``/sparql`` shows a browser asking for it without a query."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from graph_api.named_queries import load_query, query_names
from graph_api.pages.province import province_list
from graph_api.pages.render import render
from ontology.namespaces import PREFIXES

router = APIRouter(tags=["pages"])
EXAMPLE_TITLES = {  # name: (Vietnamese, English)
    "example_task_owners": ("Ai chủ trì nhiệm vụ nào", "Who owns which task"),
    "example_plan_dependencies": ("Văn bản triển khai văn bản nào", "Plan dependencies"),
    "example_alignment": ("Mục tiêu tỉnh và quốc gia", "Provincial alignment"),
}


def example_queries() -> dict[str, str]:
    """The example queries shown on the SPARQL page: ``queries/example_*.rq``."""
    return {name: load_query(name) for name in query_names() if name.startswith("example_")}


@router.get("/", response_class=HTMLResponse, summary="The front door: search and questions")
async def home(
    request: Request, lang: str | None = Query(None, pattern="^(vi|en)$")
) -> HTMLResponse:
    return render(
        request, "home.html", {"title": "policygraph", "provinces": await province_list(request)}
    )


@router.get("/provinces", response_class=HTMLResponse, summary="The provinces and their pages")
async def provinces(
    request: Request, lang: str | None = Query(None, pattern="^(vi|en)$")
) -> HTMLResponse:
    title = "Tỉnh/thành" if lang != "en" else "Provinces"
    context = {"title": title, "provinces": await province_list(request)}
    return render(request, "provinces.html", context)


def wants_editor(request: Request) -> bool:
    """A browser's plain GET of the endpoint: it asks for HTML and sends no query."""
    return request.method == "GET" and "text/html" in request.headers.get("accept", "")


def sparql_editor(request: Request) -> HTMLResponse:
    """The SPARQL editor (YASGUI, vendored) with the project's prefixes and example queries."""
    index = 1 if request.query_params.get("lang") == "en" else 0
    examples = example_queries()
    config = {
        "endpoint": "/sparql",
        "prefixes": PREFIXES,
        "examples": {
            name: {"title": EXAMPLE_TITLES.get(name, (name, name))[index], "query": text}
            for name, text in examples.items()
        },
        "first": next(iter(examples), None),
        "maxRows": request.app.state.settings.max_rows,
    }
    return render(request, "sparql.html", {"title": "SPARQL", "config": config})
