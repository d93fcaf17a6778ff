"""Every error the app answers, in one shape: the JSON :class:`ErrorBody`, or a Vietnamese (or
English, ``?lang=en``) HTML page with the navigation for a browser that asks for HTML.

The project's own errors (:class:`PolicyGraphError`), FastAPI's parameter validation, Starlette's
404 (no such path) and 405 (wrong method), and any unexpected exception (500) all pass through
:func:`error_response`, so no route answers ``{"detail": …}`` or a bare text error.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from graph_api import negotiation
from graph_api.errors import http_status, suggestions_of
from graph_api.models import ErrorBody, Suggestion
from graph_api.pages.i18n import LANGUAGES, language
from graph_api.pages.render import render
from ontology.errors import PolicyGraphError

log = logging.getLogger(__name__)
ANSWERS = (  # JSON unless the client prefers HTML (a browser's Accept: text/html, …, */*;q=0.8)
    negotiation.Offer("application/json", "json"),
    negotiation.Offer("text/html", "html", ("application/xhtml+xml",)),
)
# status: ((Vietnamese title, English title), (Vietnamese explanation, English explanation))
STATUS_WORDS: dict[int, tuple[tuple[str, str], tuple[str, str]]] = {
    400: (
        ("Yêu cầu không hợp lệ", "Bad request"),
        ("Một tham số của yêu cầu không đúng.", "A parameter of the request is wrong."),
    ),
    403: (
        ("Không được phép", "Forbidden"),
        ("Máy chủ này không thực hiện thao tác đó.", "This server does not do that."),
    ),
    404: (
        ("Không tìm thấy", "Not found"),
        ("Không có trang hoặc đối tượng nào ở địa chỉ này.", "There is nothing at this address."),
    ),
    405: (
        ("Phương thức không được hỗ trợ", "Method not allowed"),
        ("Địa chỉ này không nhận phương thức HTTP đó.", "This address does not take that method."),
    ),
    406: (
        ("Không có định dạng phù hợp", "Not acceptable"),
        ("Không thể trả lời bằng định dạng được yêu cầu.", "No format you accept is available."),
    ),
    413: (
        ("Yêu cầu quá lớn", "Request too large"),
        ("Truy vấn hoặc nội dung gửi lên vượt quá giới hạn.", "The body is over the limit."),
    ),
    415: (
        ("Kiểu dữ liệu không được hỗ trợ", "Unsupported media type"),
        ("Nội dung gửi lên có kiểu không được chấp nhận.", "The body's content type is refused."),
    ),
    422: (
        ("Dữ liệu không hợp lệ", "Unprocessable request"),
        ("Nội dung yêu cầu không đọc được.", "The request could not be read."),
    ),
    500: (
        ("Lỗi máy chủ", "Server error"),
        ("Đã xảy ra lỗi ngoài dự kiến; lỗi đã được ghi lại.", "An unexpected error, logged."),
    ),
    503: (
        ("Máy chủ tạm thời không đáp ứng được", "Service unavailable"),
        (
            "Truy vấn vượt quá thời gian cho phép hoặc máy chủ đang bận. Hãy thử lại sau.",
            "The query ran past its time limit or the server is busy. Try again later.",
        ),
    ),
}
KIND_NOUNS = {  # an unknown entity's kind, for its heading and explanation
    "agency": ("cơ quan", "agency"),
    "task": ("nhiệm vụ", "task"),
    "document": ("văn bản", "document"),
    "place": ("tỉnh/thành", "province"),
    "theme": ("chủ đề", "theme"),
}
UNKNOWN_ENTITY = (
    ("Không tìm thấy {noun}", "{Noun} not found"),
    ("Không có {noun} nào với mã hoặc tên này.", "The graph has no {noun} of that id or name."),
)


def wants_html(request: Request) -> bool:
    """A browser: its Accept prefers HTML to JSON (no Accept, or ``*/*``: JSON)."""
    try:
        offer = negotiation.choose(ANSWERS, request.headers.get("accept"), None)
    except PolicyGraphError:  # accepts neither: the error is still told, in JSON
        return False
    return offer.key == "html"


def error_response(
    request: Request,
    status: int,
    error: str,
    code: str,
    message: str,
    *,
    suggestions: Sequence[Suggestion] = (),
    kind: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """The answer to an error: :class:`ErrorBody` as JSON, or the error page for a browser."""
    headers = {**(headers or {}), "Vary": "Accept"}
    if wants_html(request):
        index = LANGUAGES.index(language(request))
        title, explanation = STATUS_WORDS.get(status, STATUS_WORDS[500 if status >= 500 else 400])
        if status == 404 and kind in KIND_NOUNS:
            noun = KIND_NOUNS[kind][index]
            title, explanation = (
                tuple(text.format(noun=noun, Noun=noun.capitalize()) for text in pair)
                for pair in UNKNOWN_ENTITY
            )
        context = {
            "title": f"{status} · {title[index]}",
            "status": status,
            "heading": title[index],
            "explanation": explanation[index],
            "message": message,
            "suggestions": list(suggestions),
        }
        return render(request, "error.html", context, status=status, headers=headers)
    body = ErrorBody(error=error, code=code, message=message, suggestions=list(suggestions))
    return JSONResponse(body.model_dump(mode="json"), status, headers=headers)


async def project_error(request: Request, error: PolicyGraphError) -> Response:
    status = http_status(error)
    if status >= 500 and status != 503:
        log.error("%s on %s: %s", type(error).__name__, request.url.path, error)
    return error_response(
        request,
        status,
        type(error).__name__,
        error.code,
        error.user_message(),
        suggestions=suggestions_of(error),
        kind=getattr(error, "kind", None),
    )


async def bad_parameter(request: Request, error: RequestValidationError) -> Response:
    """400 (not FastAPI's 422) naming each parameter that is wrong and why."""
    problems = []
    for found in error.errors():
        where = ".".join(str(part) for part in found.get("loc", ()) if part != "query")
        problems.append(f"{where}: {found.get('msg', 'invalid')}")
    message = "; ".join(problems) or "bad parameter"
    return error_response(request, 400, "BadParameter", "bad-parameter", message)


async def http_error(request: Request, error: HTTPException) -> Response:
    """Starlette's own errors: no route for the path (404), a method it does not take (405)."""
    phrase = HTTPStatus(error.status_code).phrase
    name = "".join(word.capitalize() for word in phrase.replace("-", " ").split())
    code = "-".join(phrase.lower().replace("-", " ").split())
    detail = phrase.lower() if error.detail == phrase else error.detail
    message = f"{request.method} {request.url.path}: {detail}"
    return error_response(request, error.status_code, name, code, message, headers=error.headers)


async def unexpected_error(request: Request, error: Exception) -> Response:
    log.exception("unexpected %s on %s", type(error).__name__, request.url.path)
    message = "an unexpected error occurred on the server; it was logged"
    return error_response(request, 500, "InternalError", "internal-error", message)


def install(app: FastAPI) -> None:
    """Route every error of ``app`` through :func:`error_response`."""
    app.add_exception_handler(PolicyGraphError, project_error)
    app.add_exception_handler(RequestValidationError, bad_parameter)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, unexpected_error)
