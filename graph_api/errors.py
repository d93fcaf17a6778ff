"""HTTP-facing errors: each a :class:`PolicyGraphError` carrying the status the edge turns it into.

Query errors (bad SPARQL, a forbidden feature, a bad parameter) stay ``QueryError`` (400) and
time-outs ``QueryTimeout`` (503); these add the few other answers the API gives.
"""

from __future__ import annotations

from ingest.errors import PolicyGraphError, QueryError, QueryTimeout


class HTTPFacingError(PolicyGraphError):
    """An error with a fixed HTTP status."""

    status = 400


class Forbidden(QueryError, HTTPFacingError):
    """An operation this endpoint refuses (updates without the operator's token)."""

    status = 403


class NotFound(HTTPFacingError):
    """An entity or record the graph does not hold."""

    status = 404


class NotAcceptable(QueryError, HTTPFacingError):
    """The client accepts no media type this answer can be given in."""

    status = 406


class PayloadTooLarge(QueryError, HTTPFacingError):
    """A query or request body over the configured size limit."""

    status = 413


class UnsupportedMediaType(QueryError, HTTPFacingError):
    """A request body of a content type (or charset) the protocol does not allow."""

    status = 415


class StoreUnavailable(QueryTimeout, HTTPFacingError):
    """No worker could take the query (all busy, or one died while running it)."""

    status = 503


def http_status(error: PolicyGraphError) -> int:
    """The status code an error becomes at the HTTP edge."""
    if isinstance(error, HTTPFacingError):
        return error.status
    if isinstance(error, QueryTimeout):
        return 503
    if isinstance(error, QueryError):
        return 400
    return 500
