"""Every route of the app, found from ``app.routes``, and the requests that exercise each one.

One list for two jobs: the differential test (embedded store vs a real Virtuoso) runs every case
and compares the answers; ``make bench`` times every case on the synthetic graph (where the
task in ``TASK`` is swapped for a synthetic one, see :func:`cases_for`). A route added to the app
without a case here fails both, so no route escapes the comparison or the benchmark.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.routing import BaseRoute, Mount, Route

ID = "https://w3id.org/policygraph/id/"
TASK = "task/nq03-ncp-2025-phu-luc-2-nhiem-vu-1"
SMALL_QUERY = (
    "SELECT ?s WHERE { ?s a <https://w3id.org/policygraph/ontology#Agency> } ORDER BY ?s LIMIT 5"
)
GRAPHS_QUERY = "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }"

# (method, route path) → requests (method, URL, form body or None); answers compared whole.
CASES: dict[tuple[str, str], list[tuple[str, str, dict | None]]] = {
    ("GET", "/"): [("GET", "/", None)],
    ("GET", "/openapi.json"): [("GET", "/openapi.json", None)],
    ("GET", "/docs"): [("GET", "/docs", None)],
    ("GET", "/docs/oauth2-redirect"): [("GET", "/docs/oauth2-redirect", None)],
    ("GET", "/redoc"): [("GET", "/redoc", None)],
    ("GET", "/static-offline-docs/{path}"): [
        ("GET", "/static-offline-docs/swagger-ui.css", None),
        ("GET", "/static-offline-docs/redoc.standalone.js", None),
    ],
    ("GET", "/search"): [
        ("GET", "/search?q=so+khoa+hoc", None),
        ("GET", "/search?q=chuyen+doi+so&lang=en", None),
        ("GET", "/search", None),
    ],
    ("GET", "/provinces"): [("GET", "/provinces", None), ("GET", "/provinces?lang=en", None)],
    ("GET", "/tasks"): [
        ("GET", "/tasks", None),
        ("GET", "/tasks?agency=B%E1%BB%99+Khoa+h%E1%BB%8Dc+v%C3%A0+C%C3%B4ng+ngh%E1%BB%87", None),
        ("GET", "/tasks?province=binh+duong&sort=deadline&order=desc", None),
        ("GET", "/tasks?document=03%2FNQ-CP&overdue_on=2026-01-01&page=2&per_page=20", None),
        ("GET", "/tasks?q=ha+tang+nang+luong&format=csv", None),
        ("GET", "/tasks?deadline_from=2025&deadline_to=2026-06&format=csv&lang=en", None),
        ("GET", "/tasks?agency=no-such-agency", None),
    ],
    ("GET", "/agencies"): [
        ("GET", "/agencies", None),
        ("GET", "/agencies?province=B%C3%ACnh+D%C6%B0%C6%A1ng&with_tasks=true&lang=en", None),
        ("GET", "/agencies?q=khoa+hoc&level=national&sort=name&format=csv", None),
        ("GET", "/agencies?page=3&per_page=100&sort=province&order=desc", None),
    ],
    ("GET", "/documents"): [
        ("GET", "/documents", None),
        ("GET", "/documents?province=binh-dinh&sort=number", None),
        ("GET", "/documents?issuer=Ch%C3%ADnh+ph%E1%BB%A7&type=Resolution&format=csv", None),
        ("GET", "/documents?q=57-NQ%2FTW&lang=en", None),
    ],
    ("GET", "/exports/agency/{slug}"): [
        ("GET", "/exports/agency/bo-khcn?table=led&format=csv", None),
        ("GET", "/exports/agency/so-khcn-binh-duong?table=coordinated&format=csv&lang=en", None),
        ("GET", "/exports/agency/no-such-agency", None),
    ],
    ("GET", "/exports/province/{slug}"): [
        ("GET", "/exports/province/binh-duong?table=scorecard&format=csv", None),
        ("GET", "/exports/province/binh-dinh?table=plans&format=csv", None),
        ("GET", "/exports/province/ha-noi?table=agencies&format=csv&lang=en", None),
    ],
    ("OPTIONS", "/sparql"): [("OPTIONS", "/sparql", None)],
    ("GET", "/sparql"): [
        ("GET", "/sparql?query=" + SMALL_QUERY.replace(" ", "+").replace("#", "%23"), None),
        ("GET", "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D", None),
        ("GET", "/sparql?query=ASK%7B%3Curn%3Anone%3E%20%3Fp%20%3Fo%7D", None),
        ("GET", "/sparql", None),  # the service description
    ],
    ("POST", "/sparql"): [
        ("POST", "/sparql", {"query": SMALL_QUERY}),
        ("POST", "/sparql", {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}),
        ("POST", "/sparql", {"query": GRAPHS_QUERY}),
        ("POST", "/sparql", {"query": f"CONSTRUCT WHERE {{ <{ID}agency/bo-khcn> ?p ?o }}"}),
        ("POST", "/sparql", {"query": 'SELECT (bif:http_get("http://127.0.0.1:9/") AS ?x) {}'}),
        ("POST", "/sparql", {"query": "SELECT ?x { SERVICE <http://127.0.0.1:9/> { ?x ?y ?z } }"}),
    ],
    ("GET", "/api/tasks"): [
        ("GET", "/api/tasks", None),
        ("GET", "/api/tasks?limit=7&offset=20", None),
        ("GET", "/api/tasks?agency=bo-khcn", None),
        ("GET", "/api/tasks?province=binh-dinh", None),
        ("GET", "/api/tasks?document=57-ntw-2024&limit=1000", None),
        ("GET", "/api/tasks?theme=awareness&format=csv", None),
        ("GET", "/api/tasks?open_on=2025-06-30", None),
        # names for ids; an unknown one is 404 with suggestions, a shared one 400 listing them
        ("GET", "/api/tasks?province=B%C3%ACnh+D%C6%B0%C6%A1ng&limit=20", None),
        ("GET", "/api/tasks?agency=S%E1%BB%9F+KH%26CN+B%C3%ACnh+D%C6%B0%C6%A1ng", None),
        ("GET", "/api/tasks?agency=so-khcn-binh-duon", None),
        ("GET", "/api/tasks?agency=S%E1%BB%9F+KH%26CN", None),
    ],
    ("GET", "/api/agencies"): [
        ("GET", "/api/agencies", None),
        ("GET", "/api/agencies?limit=10&offset=100", None),
        ("GET", "/api/agencies?province=binh-dinh", None),
        ("GET", "/api/agencies?format=csv&limit=50", None),
    ],
    ("GET", "/api/agencies/{agency_id}"): [
        ("GET", "/api/agencies/bo-khcn", None),
        ("GET", "/api/agencies/no-such-agency", None),
    ],
    ("GET", "/api/documents/{document_id:path}"): [
        ("GET", "/api/documents/57-ntw-2024", None),
        ("GET", "/api/documents/57-NQ/TW?task_limit=5", None),  # by its number
        ("GET", "/api/documents/03-ncp-2025", None),
        ("GET", "/api/documents/no-such-document", None),
    ],
    ("GET", "/api/search"): [
        ("GET", "/api/search?q=so+khoa+hoc", None),
        ("GET", "/api/search?q=chuyen+doi+so&kind=document", None),
    ],
    ("GET", "/api/stats"): [("GET", "/api/stats", None)],
    ("GET", "/id/{kind}/{slug}"): [
        ("GET", "/id/agency/bo-khcn", None),
        ("GET", "/id/document/57-ntw-2024", None),
        ("GET", f"/id/{TASK}", None),
        ("GET", "/id/place/binh-duong", None),
        ("GET", "/id/province/binh-dinh", None),
        ("GET", "/id/agency/ban-tuyen-giao-tw", None),
        ("GET", "/id/agency/no-such-agency", None),
        ("GET", "/id/agency/so-khcn-binh-duon?format=turtle", None),  # 404 with suggestions
    ],
    ("GET", "/api/audit/alignment"): [
        ("GET", "/api/audit/alignment", None),
        ("GET", "/api/audit/alignment?province=binh-dinh&format=csv", None),
    ],
    ("GET", "/api/audit/ownership"): [
        ("GET", "/api/audit/ownership?task=nq03-ncp-2025-phu-luc-2-nhiem-vu-520", None),
        ("GET", "/api/audit/ownership?on=2025-09-01", None),
        ("GET", "/api/audit/ownership?on=2025-09-01&gone=true&format=csv", None),
        ("GET", "/api/audit/ownership?on=2025-09-01&gone=true&limit=5", None),
        ("GET", "/api/audit/ownership?on=2024-01-01&gone=true&limit=5", None),
    ],
    ("GET", "/api/audit/tasks-alignment"): [("GET", "/api/audit/tasks-alignment", None)],
    ("GET", "/audit/coverage"): [("GET", "/audit/coverage", None)],
    ("GET", "/alignment"): [("GET", "/alignment", None), ("GET", "/alignment?lang=en", None)],
    ("GET", "/views/dependencies"): [
        ("GET", "/views/dependencies", None),
        ("GET", f"/views/dependencies?root={TASK}&direction=up", None),
    ],
    ("GET", "/views/agencies"): [("GET", "/views/agencies", None)],
    ("GET", "/views/agency/{slug}"): [("GET", "/views/agency/bo-khcn?lang=en", None)],
    ("GET", "/views/alignment"): [
        ("GET", "/views/alignment", None),
        ("GET", "/views/alignment?province=Bình Dương", None),
    ],
    ("GET", "/views/dependencies/preview.svg"): [
        ("GET", "/views/dependencies/preview.svg?root=document/03-ncp-2025", None)
    ],
    # entities both the real build and `policygraph synth` have, so the benchmark times them
    ("GET", "/views/agency/{slug}/preview.svg"): [
        ("GET", "/views/agency/bo-khcn/preview.svg", None)
    ],
    ("GET", "/views/alignment/preview.svg"): [
        ("GET", "/views/alignment/preview.svg?province=ho-chi-minh", None)
    ],
    ("GET", "/static/{path}"): [
        ("GET", "/static/site.css", None),
        ("GET", "/static/pages.js", None),
    ],
}


def _walk(routes: list[BaseRoute], prefix: str = ""):
    for route in routes:
        inner = getattr(route, "original_router", None)  # FastAPI's included router
        if inner is not None:
            context = getattr(route, "include_context", None)
            yield from _walk(inner.routes, prefix + (getattr(context, "prefix", "") or ""))
        elif isinstance(route, Mount):
            yield "GET", prefix + route.path + "/{path}"
        elif isinstance(route, Route):
            for method in sorted(route.methods or ()):
                if method != "HEAD":
                    yield method, prefix + route.path


def app_routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path) of every route the app serves, static files included, HEAD aside."""
    return set(_walk(app.routes))


def cases_for(task: str) -> dict[tuple[str, str], list[tuple[str, str, dict | None]]]:
    """The cases with the task path ``TASK`` replaced by ``task`` (a graph without task 1)."""
    return {
        route: [
            (
                method,
                url.replace(TASK, task),
                {k: v.replace(TASK, task) for k, v in form.items()} if form else form,
            )
            for method, url, form in requests
        ]
        for route, requests in CASES.items()
    }
