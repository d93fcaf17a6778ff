"""An "internal service" on 127.0.0.1 for the SSRF tests: counts every connection made to it and
answers with one SPARQL JSON row holding :data:`SECRET`, so a leak shows (a path containing
``/fail`` gets the same body with status 500, for the error-message tests)."""

from __future__ import annotations

import contextlib
import socket
import threading

SECRET = "internal-secret-7f3a"
BODY = (
    '{"head":{"vars":["a","b","c"]},"results":{"bindings":[{"a":{"type":"literal","value":"'
    + SECRET
    + '"}}]}}'
).encode()


class Listener:
    """Accepts connections on a free 127.0.0.1 port until closed; ``hits`` holds request lines."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.hits: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1.0)
                try:
                    first = conn.recv(65536).split(b"\r\n", 1)[0].decode("latin-1")
                except OSError:
                    first = "(no request line)"
                self.hits.append(first)
                status = "500 Internal Server Error" if "/fail" in first else "200 OK"
                head = (
                    f"HTTP/1.1 {status}\r\nContent-Type: application/sparql-results+json\r\n"
                    f"Content-Length: {len(BODY)}\r\nConnection: close\r\n\r\n"
                )
                with contextlib.suppress(OSError):
                    conn.sendall(head.encode() + BODY)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()
