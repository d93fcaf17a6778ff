"""What /openapi.json promises, kept true to what the server does (schemathesis checks it).

FastAPI documents a 422 with its own body for every route with parameters; this API answers a bad
parameter with 400 and the one error body (:class:`ErrorBody`) like every other error, so the
schema says so; every operation's ``default`` response is that body too (or the HTML error
page, for a browser: ``graph_api.error_handlers``). Page sizes are capped by
``Settings.max_rows`` at run time, so the documented maximum of every ``limit`` parameter is
that cap, not the wider bound written in the route.
"""

from __future__ import annotations

import copy
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from graph_api.models import ErrorBody
from graph_api.routes.common import ROW_CAPPED

ERROR_BODY_REF = {"$ref": "#/components/schemas/ErrorBody"}
ERROR_PAGE = {"schema": {"type": "string"}}  # what a browser asking for HTML gets instead
BAD_PARAMETER = {
    "description": "Bad parameter",
    "content": {"application/json": {"schema": ERROR_BODY_REF}},
}
ANY_ERROR = {
    "description": "Any other error (no such path, wrong method, body too large, server "
    "error …): the one error body, or the error page for a client asking for HTML",
    "content": {"application/json": {"schema": ERROR_BODY_REF}},
}


def install(app: FastAPI, max_rows: int) -> None:
    """Document validation errors as 400 + ErrorBody (``error_handlers`` answers them so)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            app.openapi_schema = true_to_the_server(schema, max_rows)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def true_to_the_server(schema: dict[str, Any], max_rows: int) -> dict[str, Any]:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    error_body = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
    components.update(error_body.pop("$defs", {}))
    components["ErrorBody"] = error_body
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.get("responses", {})
            if responses.pop("422", None) is not None or operation.get("parameters"):
                responses.setdefault("400", copy.deepcopy(BAD_PARAMETER))
            responses.setdefault("default", copy.deepcopy(ANY_ERROR))
            for status, response in responses.items():
                _error_body_as_json(response.get("content", {}))
                if status.startswith(("4", "5")) or status == "default":
                    content = response.setdefault("content", {})
                    content.setdefault("text/html", copy.deepcopy(ERROR_PAGE))
            for parameter in operation.get("parameters", []):
                bounds = parameter.get("schema", {})
                if parameter["name"] == "limit":
                    for bound in (bounds, *bounds.get("anyOf", [])):
                        # the routes capped by the server's row cap (routes.common.limit_within)
                        # declare ROW_CAPPED; a streamed answer's own maximum stays as declared
                        if bound.get("maximum") == ROW_CAPPED and max_rows < ROW_CAPPED:
                            bound["maximum"] = max_rows
    return schema


def _error_body_as_json(content: dict[str, Any]) -> None:
    """An error body is JSON, even on a route whose answer is HTML (FastAPI files it under the
    route's media type)."""
    for media, described in list(content.items()):
        if media != "application/json" and described.get("schema") == ERROR_BODY_REF:
            content.pop(media)
            content["application/json"] = {"schema": ERROR_BODY_REF}
