"""A real ``policygraph serve`` subprocess on 127.0.0.1 and a free port (benchmarks and tests)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """``policygraph serve`` over a store directory (or a data directory's build)."""

    def __init__(
        self,
        *,
        store: Path | None = None,
        data_dir: Path | None = None,
        in_memory: bool = False,
        workers: int = 2,
        timeout: float = 10.0,
        ready_within: float = 120.0,
        log: Path | None = None,
        steady: bool = True,
        serving_index: Path | None = None,
    ) -> None:
        """``steady``: the server answers only once every query worker is ready (what timings
        and load tests of a running server need); False: as a user's ``serve`` starts, answering
        when the first one is (what start-up timings need)."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "cli"]
        if data_dir is not None:
            command += ["--data-dir", str(data_dir)]
        if store is not None:
            command += ["--store", str(store)]
        if in_memory:
            command.append("--in-memory")
        command += ["serve", "--host", "127.0.0.1", "--port", str(self.port)]
        command += ["--query-workers", str(workers), "--query-timeout", str(timeout)]
        if serving_index is not None:  # a remote engine: the build's file of its release
            command += ["--serving-index", str(serving_index)]
        self.log_path = log
        output = log.open("wb") if log else subprocess.DEVNULL
        env = {**os.environ, "POLICYGRAPH_WORKERS_BEFORE_SERVING": "1" if steady else "0"}
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdout=output, stderr=output, start_new_session=True, env=env
        )
        self.wait_ready(ready_within)

    def wait_ready(self, limit: float) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                tail = self.log_path.read_text(errors="replace")[-3000:] if self.log_path else ""
                raise RuntimeError(f"server exited with {self.process.returncode}\n{tail}")
            try:
                with urllib.request.urlopen(self.url + "/sparql?query=ASK%7B%7D", timeout=2):
                    return
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"server did not answer within {limit:g} s")

    def kill(self) -> None:
        """SIGKILL the server and its worker processes (its own process group)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
