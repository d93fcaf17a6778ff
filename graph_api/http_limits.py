"""How long and how many: the limits the HTTP server puts on its connections.

uvicorn closes an idle keep-alive connection after ``timeout_keep_alive``, but it has no limit on
the time a client may take to send a request head: 1,000 half-sent requests (slowloris) were all
held for as long as their senders liked. :func:`uvicorn_config` adds, from :class:`Settings`:

- ``header_timeout``: seconds from a connection's first byte (or its opening) until its request
  head is complete; past it the connection is closed;
- ``max_pending_heads``: connections allowed to be still sending their head at once; one more
  closes the oldest of them, so half-sent requests cannot crowd out clients that send whole ones;
- ``keep_alive_timeout``: idle seconds between requests on one connection, kept longer than
  clients' pool expiry (httpx: 5 s) so a client never reuses a connection the server is closing;
- ``max_connections``: open connections beyond which requests are answered 503 at once.

:class:`FramingGuard` refuses a request that carries both ``Content-Length`` and
``Transfer-Encoding``: front servers and back servers may disagree on where
such a body ends, which is how a second request is smuggled in (RFC 9112 §6.3). It answers 400 and
closes the connection, so nothing after the ambiguous body is read as a request.
"""

from __future__ import annotations

import asyncio
import json
from collections import OrderedDict
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from graph_api.settings import Settings


def protocol_class(settings: Settings) -> type[H11Protocol]:
    """uvicorn's h11 protocol with a request-head deadline and a cap on half-sent heads."""
    header_timeout = settings.header_timeout
    max_pending = settings.max_pending_heads
    pending: OrderedDict[LimitedH11Protocol, None] = OrderedDict()  # oldest first, this server's

    class LimitedH11Protocol(H11Protocol):
        _head_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._await_head()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.transport.is_closing():
                self._head_done()
            elif self.conn.their_state is h11.IDLE:  # still inside a request head
                self._await_head()
            else:
                self._head_done()

        def connection_lost(self, exc: Exception | None) -> None:
            self._head_done()
            super().connection_lost(exc)

        def _await_head(self) -> None:
            if self._head_timer is not None:
                return
            if len(pending) >= max_pending:
                oldest, _ = pending.popitem(last=False)
                oldest._close_unfinished()
            pending[self] = None
            self._head_timer = self.loop.call_later(header_timeout, self._close_unfinished)

        def _head_done(self) -> None:
            pending.pop(self, None)
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _close_unfinished(self) -> None:
            """The head did not arrive in time (or made room for a newer one): close quietly."""
            self._head_done()
            if not self.transport.is_closing():
                self.transport.close()

    return LimitedH11Protocol


def uvicorn_config(app: Any, settings: Settings, **options: Any) -> uvicorn.Config:
    """The uvicorn configuration ``policygraph serve`` runs ``app`` with."""
    return uvicorn.Config(
        FramingGuard(app),
        host=settings.host,
        port=settings.port,
        http=protocol_class(settings),
        timeout_keep_alive=settings.keep_alive_timeout,
        limit_concurrency=settings.max_connections,
        **{"log_level": "warning", **options},
    )


class FramingGuard:
    """ASGI middleware: 400 and close for a request whose body length is ambiguous."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and (problem := ambiguous_framing(scope["headers"])):
            await send(
                {
                    "type": "http.response.start",
                    "status": 400,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"connection", b"close"),
                    ],
                }
            )
            error = {"error": "BadRequest", "code": "ambiguous-framing", "message": problem}
            body = json.dumps({**error, "suggestions": []}).encode()  # the one error shape
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)


def ambiguous_framing(headers: list[tuple[bytes, bytes]]) -> str | None:
    """Why these request headers leave the body's end ambiguous; None when they do not."""
    lengths = [value for name, value in headers if name.lower() == b"content-length"]
    encodings = [value for name, value in headers if name.lower() == b"transfer-encoding"]
    if lengths and encodings:
        return "a request may carry Content-Length or Transfer-Encoding, not both"
    return None
