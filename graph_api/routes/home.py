"""``/``: the query page (SPARQL editor, example queries, label search), served offline."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from graph_api.named_queries import load_query, query_names

router = APIRouter(tags=["pages"])
STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
EXAMPLE_TITLES = {
    "example_task_owners": "Who owns which task",
    "example_plan_dependencies": "Plan dependencies",
    "example_alignment": "Provincial alignment",
}


def example_queries() -> dict[str, str]:
    """The example queries shown on the page: ``queries/example_*.rq``."""
    return {name: load_query(name) for name in query_names() if name.startswith("example_")}


def render_home() -> str:
    examples = example_queries()
    buttons = "".join(
        f'<button type="button" data-example="{escape(name, quote=True)}">'
        f"{escape(EXAMPLE_TITLES.get(name, name))}</button>"
        for name in examples
    )
    examples_json = json.dumps(examples, ensure_ascii=False).replace("</", "<\\/")
    first = next(iter(examples.values()), "SELECT * WHERE { ?s ?p ?o } LIMIT 10")
    template = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    return (
        template.replace("__EXAMPLE_BUTTONS__", buttons)
        .replace("__FIRST_QUERY__", escape(first))
        .replace("__EXAMPLES_JSON__", examples_json)
    )


@router.get("/", response_class=HTMLResponse, summary="The query page")
async def home() -> HTMLResponse:
    return HTMLResponse(render_home())
