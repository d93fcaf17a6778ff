"""``create_app(settings, store)``: the one object that owns the running API."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from graph_api import error_handlers, openapi_doc
from graph_api.executor import PooledStore
from graph_api.routes import (
    agencies,
    audit,
    documents,
    entities,
    home,
    lists,
    search,
    sparql,
    stats,
    table_exports,
    tasks,
    views,
)
from graph_api.security_headers import SecurityHeaders
from graph_api.serving_index import ServingIndex
from graph_api.serving_index_remote import remote_sidecar
from graph_api.serving_pool import serving_store
from graph_api.settings import Settings
from graph_api.store import Store

log = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).resolve().parent / "static"


def package_version() -> str:
    try:
        return version("policygraph")
    except PackageNotFoundError:
        return "0.0.0"


def create_app(settings: Settings, store: Store, serving: Store | None = None) -> FastAPI:
    """Build the FastAPI app over ``store``; every route reads settings and store from app.state.

    With ``settings.query_workers`` > 0 and an embedded store, queries run in that many worker
    processes (started here, unless ``serving`` is :func:`serving_store` already started by
    the caller), each stopped at ``settings.query_timeout``.
    """
    serving = serving if serving is not None else serving_store(settings, store)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        if isinstance(serving, PooledStore):  # the caller owns ``store``; the app owns its pool
            serving.pool.close()

    app = FastAPIOffline(  # /docs and /redoc with Swagger UI and ReDoc from the package, no CDN
        title="policygraph",
        description="Vietnam's programmes, agencies and targets for science, technology, "
        "innovation and digital transformation, as a knowledge graph. The SPARQL endpoint is "
        "at /sparql; the REST answers under /api; every entity IRI "
        "https://w3id.org/policygraph/id/{kind}/{slug} is served at /id/{kind}/{slug}.",
        version=package_version(),
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = serving
    app.state.version = package_version()
    # the release's search index and task sort keys: read from the build's file beside the
    # store (or rebuilt from the graph, logged) in the background, never before serving; on a
    # remote engine, the build's file of the release it holds, once its data fingerprint matches
    index = ServingIndex(serving, remote_sidecar(settings))
    app.state.serving_index = app.state.search_index = index  # one object, two names
    app.state.serving_index.start_loading()
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.cors_origins),
        allow_credentials=False,  # never a reflected origin together with credentials
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Accept", "Content-Type"],
        expose_headers=["X-Result-Truncated"],
        max_age=3600,
    )
    app.add_middleware(SecurityHeaders)  # outermost: CORS preflights get the headers too
    for module in (
        home,
        lists,
        sparql,
        tasks,
        agencies,
        documents,
        search,
        stats,
        entities,
        audit,
        views,
        table_exports,
    ):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    openapi_doc.install(app, settings.max_rows)
    error_handlers.install(app)  # one error shape (JSON) or page (HTML) for every route

    return app
