"""HTTP-facing errors: each a :class:`PolicyGraphError` carrying the status the edge turns it into.

Query errors (bad SPARQL, a forbidden feature, a bad parameter) stay ``QueryError`` (400),
time-outs ``QueryTimeout`` (503) and ``NotFound`` (404) come from the shared core; these add the
few other answers the API gives.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph_api.models import Suggestion
from ontology.errors import NotFound, PolicyGraphError, QueryError, QueryTimeout


class HTTPFacingError(PolicyGraphError):
    """An error with a fixed HTTP status."""

    status = 400
    code = "bad-request"
    summary = "the request was refused"


class UnknownEntity(NotFound):
    """An id or name the graph holds no entity of that kind for; ``suggestions`` are the
    closest entities of that kind (the "did you mean" of the error page and JSON body)."""

    def __init__(
        self, message: str, suggestions: Sequence[Suggestion] = (), kind: str | None = None
    ) -> None:
        super().__init__(message)
        self.suggestions = list(suggestions)
        self.kind = kind  # agency, task, document, place …: what the error page names


class AmbiguousName(QueryError, HTTPFacingError):
    """A name several entities of the kind carry (``Sở KH&CN``): the client must pick one."""

    status = 400
    code = "ambiguous-name"
    summary = "several entities carry that name"

    def __init__(self, message: str, suggestions: Sequence[Suggestion] = ()) -> None:
        super().__init__(message)
        self.suggestions = list(suggestions)


class Forbidden(QueryError, HTTPFacingError):
    """An operation this endpoint refuses (updates without the operator's token)."""

    status = 403
    code = "forbidden"
    summary = "this endpoint refuses that operation"


class NotAcceptable(QueryError, HTTPFacingError):
    """The client accepts no media type this answer can be given in."""

    status = 406
    code = "not-acceptable"
    summary = "no media type the client accepts can carry this answer"


class PayloadTooLarge(QueryError, HTTPFacingError):
    """A query or request body over the configured size limit."""

    status = 413
    code = "payload-too-large"
    summary = "the query or request body is over the size limit"


class UnsupportedMediaType(QueryError, HTTPFacingError):
    """A request body of a content type (or charset) the protocol does not allow."""

    status = 415
    code = "unsupported-media-type"
    summary = "the request body's content type is not allowed"


class StoreUnavailable(QueryTimeout, HTTPFacingError):
    """No worker could take the query (all busy, or one died while running it)."""

    status = 503
    code = "store-unavailable"
    summary = "no query worker could take the query"


def http_status(error: PolicyGraphError) -> int:
    """The status code an error becomes at the HTTP edge: the one mapping for every route."""
    if isinstance(error, HTTPFacingError):
        return error.status
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, QueryTimeout):
        return 503
    if isinstance(error, QueryError):
        return 400
    return 500


def suggestions_of(error: BaseException) -> list[Suggestion]:
    """The entities an error proposes instead (empty for most errors)."""
    return list(getattr(error, "suggestions", ()))
