"""Interactive views as self-contained HTML pages: ``/views/...`` (drawn by ``viz``)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from graph_api.audit.alignment import audit_alignment
from graph_api.audit.provinces import province_labels
from graph_api.bounded_store import bounded_store
from graph_api.entity_refs import parse_entity_ref
from graph_api.named_queries import load_query
from graph_api.pages.i18n import Words
from graph_api.routes.common import ERROR_RESPONSES
from graph_api.store import Store
from graph_api.store_terms import IRI
from graph_api.view_cache import view_cache
from ontology.vocabulary import ID_BASE
from viz.names import DEFAULT_ROOT

if TYPE_CHECKING:  # viz.views and viz.preview pull networkx in: imported on first use,
    from viz import views  # so the server starts without paying for it (~1 s of CPU)

router = APIRouter(prefix="/views", tags=["views"], responses=ERROR_RESPONSES)

# What a ``root`` may be, as OpenAPI documents it: a full entity IRI, kind/slug or /id/kind/slug.
ROOT_PATTERN = rf"^({re.escape(ID_BASE)}|/?id/)?[a-z]+/[A-Za-z0-9_.\-]+$"


def store_fetch(store: Store) -> views.Fetch:
    """A row source for ``viz.views`` over a store: IRIs bound as IRIs, the rest as literals."""

    def fetch(name: str, bindings: dict[str, Any]) -> list[dict[str, Any]]:
        terms = {
            key: IRI(value) if key in ("root", "start", "agency") else value
            for key, value in bindings.items()
        }
        rows = store.select(load_query(name), terms)
        # a total order, so every engine gives the same view (the view keeps the first value
        # per key); sorted here: ORDER BY made the 10⁶-quad dependency view 40 s -> 98 s
        rows.sort(key=lambda row: [(value is None, str(value)) for value in row.values()])
        return rows

    return fetch


async def _build(request: Request, kind: str, **options: Any) -> views.View:
    """The view; a root the graph lacks is ``views.ViewNotFound``, a 404 at the edge."""
    store = request.app.state.store
    if kind == "agencies":  # every agency and its task counts: time-limited
        store = bounded_store(store)
    fetch = store_fetch(store)
    from viz import views

    return await run_in_threadpool(views.build_view, kind, fetch, **options)


async def _draw_page(request: Request, kind: str, **options: Any) -> str:
    """The view with the site's navigation above it, in the view's language."""
    view = await _build(request, kind, **options)
    nav = Words(options.get("lang", "vi")).navigation()
    return await run_in_threadpool(view.with_navigation, nav)


async def _draw_preview(request: Request, kind: str, **options: Any) -> str:
    """The view's small picture, for the entity page it belongs to (viz.preview)."""
    view = await _build(request, kind, **options)
    from viz.preview import preview_svg

    return await run_in_threadpool(preview_svg, view.graph, view.positions, view.title)


async def _kept(request: Request, key: tuple[Any, ...], draw: Callable[[], Awaitable[str]]) -> str:
    """The body ``draw`` makes, kept per release under the request's parameters (view_cache),
    or the build's for the default pages (serving_index_views); drawn every time when none are
    kept (``Settings.view_cache_entries`` 0)."""
    state = request.app.state
    release = getattr(state.store, "release", None)

    async def drawn() -> str:  # the build drew the default pages into the serving index file
        serving = getattr(state, "serving_index", None)
        built = serving and await asyncio.to_thread(serving.audit, "views", release)
        body = built.get(key) if isinstance(built, dict) else None
        return body if isinstance(body, str) else await draw()

    cache = view_cache(state)
    return await cache.get(key, release, drawn if cache.entries > 0 else draw)


async def _page(request: Request, kind: str, **options: Any) -> HTMLResponse:
    key = ("page", kind, *_plain(options))
    return HTMLResponse(await _kept(request, key, partial(_draw_page, request, kind, **options)))


def _plain(options: dict[str, Any]) -> list[tuple[str, str]]:
    """A request's parameters as plain strings (an IRI is a str subclass the serving index
    file may not name), in name order: the part of a kept body's key that varies."""
    return sorted((name, str(value)) for name, value in options.items())


class SVGResponse(Response):
    media_type = "image/svg+xml"


async def _preview(request: Request, kind: str, **options: Any) -> SVGResponse:
    key = ("preview", kind, *_plain(options))
    body = await _kept(request, key, partial(_draw_preview, request, kind, **options))
    return SVGResponse(body)


Lang = Literal["vi", "en"]


@router.get("/dependencies", response_class=HTMLResponse)
async def dependencies(
    request: Request,
    root: str = Query(
        DEFAULT_ROOT,
        description="document (down) or task (up): IRI or kind/slug",
        pattern=ROOT_PATTERN,
    ),
    direction: Literal["down", "up"] = "down",
    lang: Lang = "vi",
) -> HTMLResponse:
    """Plan dependencies from a document down to tasks and targets, or from a task up."""
    return await _page(
        request, "dependencies", root=parse_entity_ref(root), direction=direction, lang=lang
    )


@router.get("/dependencies/preview.svg", response_class=SVGResponse)
async def dependencies_preview(
    request: Request,
    root: str = Query(DEFAULT_ROOT, description="document: IRI or kind/slug", pattern=ROOT_PATTERN),
) -> SVGResponse:
    """A small picture of a document's dependency tree (its page shows it, linked to the view)."""
    return await _preview(request, "dependencies", root=parse_entity_ref(root))


@router.get("/agencies", response_class=HTMLResponse)
async def agencies(request: Request, lang: Lang = "vi") -> HTMLResponse:
    """All agencies, sized by the number of tasks they lead."""
    return await _page(request, "agencies", lang=lang)


@router.get("/agency/{slug}", response_class=HTMLResponse)
async def agency(
    request: Request, slug: str = Path(pattern=r"^[A-Za-z0-9_.\-]+$"), lang: Lang = "vi"
) -> HTMLResponse:
    """One agency: its tasks as lead and coordinator, their documents, its successor."""
    return await _page(request, "agency", agency=parse_entity_ref(slug, "agency"), lang=lang)


@router.get("/agency/{slug}/preview.svg", response_class=SVGResponse)
async def agency_preview(
    request: Request, slug: str = Path(pattern=r"^[A-Za-z0-9_.\-]+$")
) -> SVGResponse:
    """A small picture of one agency's view (its page shows it, linked to the view)."""
    return await _preview(request, "agency", agency=parse_entity_ref(slug, "agency"))


def alignment_options(store: Store, province: str | None) -> dict[str, Any]:
    """What the alignment view draws: the audit's findings for ``province`` (a name, slug or IRI;
    all when None) and every province for the page's select."""
    labels = province_labels(store)
    report = audit_alignment(store, province)  # an unknown province is NotFound: a 404
    chosen = next(iter(report.provinces)) if province else None
    findings = [finding.as_dict() for finding in report.findings]
    return {"findings": findings, "provinces": labels, "province": chosen}


@router.get("/alignment", response_class=HTMLResponse)
async def alignment(
    request: Request,
    province: str | None = Query(
        None, description="one province: its name (diacritics optional) or slug; default all"
    ),
    lang: Lang = "vi",
) -> HTMLResponse:
    """Provincial targets against national ones on the same indicator, coloured by verdict."""
    return HTMLResponse(await _alignment_body(request, _draw_page, province, lang=lang))


@router.get("/alignment/preview.svg", response_class=SVGResponse)
async def alignment_preview(
    request: Request,
    province: str | None = Query(None, description="one province: its name or slug"),
) -> SVGResponse:
    """A small picture of the alignment view (a province page shows its own, linked to it)."""
    return SVGResponse(await _alignment_body(request, _draw_preview, province))


async def _alignment_body(
    request: Request, draw: Callable[..., Awaitable[str]], province: str | None, **options: Any
) -> str:
    """The alignment page or preview; the audit runs only when the body is not kept."""

    async def drawn() -> str:
        store = request.app.state.store
        found = await run_in_threadpool(alignment_options, store, province or None)
        return await draw(request, "alignment", **options, **found)

    key = (draw.__name__, "alignment", province or "", *_plain(options))
    return await _kept(request, key, drawn)
