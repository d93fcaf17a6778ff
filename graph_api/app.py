"""``create_app(settings, store)``: the one object that owns the running API."""

from __future__ import annotations

import asyncio
from functools import partial

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from graph_api.routes import sparql
from graph_api.settings import Settings
from graph_api.store import Store
from ingest.errors import PolicyGraphError, QueryError, QueryTimeout


def create_app(settings: Settings, store: Store) -> FastAPI:
    """Build the FastAPI app over ``store``; every route reads settings and store from app.state."""
    app = FastAPI(
        title="policygraph",
        description="Vietnam's programmes, agencies and targets for science, technology, "
        "innovation and digital transformation, as a knowledge graph.",
        version="0.1.0",
    )
    app.state.settings = settings
    app.state.store = store

    async def run(function, *args, **kwargs):
        """Run a blocking store call off the event loop so one query never freezes the rest."""
        return await asyncio.get_running_loop().run_in_executor(
            None, partial(function, *args, **kwargs)
        )

    app.state.run = run
    app.include_router(sparql.router)

    @app.exception_handler(PolicyGraphError)
    async def handle_error(request: Request, error: PolicyGraphError) -> JSONResponse:
        if isinstance(error, QueryTimeout):
            status = 503
        elif isinstance(error, QueryError):
            status = 400
        else:
            status = 500
        return JSONResponse({"error": type(error).__name__, "message": str(error)}, status)

    return app
