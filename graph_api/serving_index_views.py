"""The ``/views`` pages a release shows first, drawn when it is built and kept in its serving
index file (as :mod:`graph_api.serving_index_audits` keeps the audits), so the first visitor
after a start or a rebuild does not wait for the drawing (1.5–3 s each at 10⁶ quads).

The pages are drawn by the routes' own functions over the built store, with no server, and kept
as the routes' view cache keeps them (:mod:`graph_api.view_cache`): request key → body. Only
the pages without a parameter are drawn (each language): the dependency tree of the default
root, the agencies overview and the alignment of every province; any other view is drawn on its
first request and kept for the release.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from graph_api.routes import views
from graph_api.settings import Settings
from graph_api.store import Store
from viz.names import DEFAULT_ROOT

NAME = "views"  # the entry of the file's audits (the memo's names) holding them
LANGUAGES = ("vi", "en")


def compute(store: Store) -> dict[tuple[Any, ...], str]:
    """Request key → body of the default view pages, drawn as a request would draw them."""
    state = SimpleNamespace(store=store, settings=Settings(view_cache_entries=64))
    request = SimpleNamespace(app=SimpleNamespace(state=state))
    asyncio.run(_draw_all(request))
    return dict(state.view_cache.bodies())


async def _draw_all(request: Any) -> None:
    for lang in LANGUAGES:
        await views.dependencies(request, root=DEFAULT_ROOT, direction="down", lang=lang)
        await views.agencies(request, lang=lang)
        await views.alignment(request, province=None, lang=lang)
