"""The SPARQL 1.1 Protocol endpoint at ``/sparql`` (read-only)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ingest.errors import QueryError

router = APIRouter()


async def _query_text(request: Request) -> str | None:
    if request.method == "GET":
        return request.query_params.get("query")
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    limit = request.app.state.settings.max_request_bytes
    if len(body) > limit:
        raise QueryError(f"request body of {len(body)} bytes exceeds the limit of {limit}")
    if content_type == "application/sparql-query":
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise QueryError(f"query body is not valid UTF-8: {error}") from error
    if content_type == "application/x-www-form-urlencoded":
        form = await request.form()
        value = form.get("query")
        return str(value) if value is not None else None
    raise QueryError(f"unsupported content type {content_type!r} for a SPARQL query")


@router.api_route("/sparql", methods=["GET", "POST"])
async def sparql(request: Request) -> Response:
    """Answer a SPARQL query: SELECT/ASK as SPARQL JSON results."""
    query = await _query_text(request)
    if query is None:
        raise QueryError("missing 'query' parameter")
    store = request.app.state.store
    output = await request.app.state.run(store.query, query)
    return Response(content=output.body, media_type=output.media_type)
