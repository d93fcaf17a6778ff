"""The server's connection limits, over raw sockets to a real uvicorn on 127.0.0.1 configured as
``policygraph serve`` configures it (graph_api/http_limits.py)."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn

from bench.server import free_port
from graph_api.app import create_app
from graph_api.http_limits import uvicorn_config
from graph_api.settings import Settings

ASK = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n"


@contextmanager
def serving(store, **limits) -> Iterator[int]:
    """The app over ``store`` served with ``uvicorn_config``; yields its port."""
    settings = Settings(query_workers=0, port=free_port(), **limits)
    server = uvicorn.Server(uvicorn_config(create_app(settings, store), settings))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield settings.port
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def port(sample_store) -> Iterator[int]:
    with serving(sample_store, header_timeout=1.0, max_pending_heads=5) as port:
        yield port


def read_all(sock: socket.socket, limit: float = 10.0) -> bytes:
    """Everything the server sends until it closes the connection (or ``limit`` s pass)."""
    sock.settimeout(limit)
    received = b""
    try:
        while chunk := sock.recv(65536):
            received += chunk
    except TimeoutError:
        received += b"<still open>"
    except ConnectionResetError:
        pass  # closed with unread data: a reset is a close too
    return received


def test_half_sent_heads_are_closed_and_others_still_answered(port):
    attackers = [socket.create_connection(("127.0.0.1", port)) for _ in range(20)]
    for sock in attackers:
        sock.sendall(ASK)  # no blank line: the head never ends
    # a whole request still gets its answer while the half-sent ones wait
    answer = httpx.get(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D")
    assert answer.status_code == 200
    # every half-sent request is closed by the server, with nothing sent back
    assert [read_all(sock) for sock in attackers] == [b""] * 20
    for sock in attackers:
        sock.close()


def test_a_head_sent_in_pieces_within_the_limit_is_answered(port):
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(ASK)
        time.sleep(0.3)
        sock.sendall(b"Connection: close\r\n\r\n")
        assert read_all(sock).startswith(b"HTTP/1.1 200 ")


@pytest.mark.parametrize(
    "framing",
    [
        b"Content-Length: %d\r\nTransfer-Encoding: chunked\r\n",
        b"Transfer-Encoding: chunked\r\nContent-Length: %d\r\n",
    ],
)
def test_ambiguous_body_length_is_refused_and_nothing_is_smuggled(port, framing):
    smuggled = b"0\r\n\r\nGET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    head = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    head += b"Content-Type: application/sparql-query\r\n"
    head += framing.replace(b"%d", str(len(smuggled)).encode()) + b"\r\n"
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(head + smuggled)
        received = read_all(sock)
    assert received.startswith(b"HTTP/1.1 400 "), received[:200]
    assert received.count(b"HTTP/1.1 ") == 1, received  # the second request was never read
    assert b"<still open>" not in received


def test_keep_alive_outlasts_the_client_pool_idle_expiry(sample_store):
    """httpx drops idle pooled connections after 5 s; the server must not close them first, or a
    client reusing one at 4.9 s reads a closed socket (the load test's ReadError)."""
    client_expiry = httpx.Limits().keepalive_expiry
    assert Settings().keep_alive_timeout > client_expiry
    with serving(sample_store) as port:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/sparql?query=ASK%7B%7D")
        assert connection.getresponse().read() and connection.sock is not None
        first = connection.sock.getsockname()
        time.sleep(client_expiry + 0.5)
        connection.request("GET", "/sparql?query=ASK%7B%7D")  # on the same connection
        response = connection.getresponse()
        assert response.status == 200 and response.read()
        assert connection.sock.getsockname() == first
        connection.close()
