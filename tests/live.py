"""What the browser tests share: headless Chromium as DEVELOPERS.md starts it, and an app served
on a free 127.0.0.1 port in a thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from bench.server import free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "free_port", "serve_in_thread"]


@contextmanager
def serve_in_thread(app) -> Iterator[str]:
    """Serve ``app`` with uvicorn on 127.0.0.1; yield its base URL; stop it on exit."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while not running.started and time.time() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(5)
