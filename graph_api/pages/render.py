"""Rendering a page: the Jinja2 environment (autoescape on) and what every page receives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from graph_api.pages.i18n import Words, language, toggle_url
from graph_api.pages.labels import href

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
ENVIRONMENT = Environment(  # configuration only: loading templates keeps no request state
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """``template`` with ``context`` plus the page's language, words and navigation."""
    lang = language(request)
    words = Words(lang)
    page = {
        "lang": lang,
        "t": words,
        "link": words.link,
        "href": lambda iri: words.link(href(iri)),
        "navigation": words.navigation(),
        "toggle": toggle_url(request, lang),
        "path": request.url.path,
        "alternates": None,
        **context,
    }
    html = ENVIRONMENT.get_template(template).render(page)
    return HTMLResponse(html, status_code=status, headers=headers)
