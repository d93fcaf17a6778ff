"""rdflib's in-memory Dataset as the baseline, each query in a forked child killed at a cap.

rdflib can take minutes on one query at 10⁶ triples and cannot be interrupted in-process, so the
loaded dataset is forked (copy-on-write) per query and the child is killed at the cap.
"""

from __future__ import annotations

import os
import signal
import struct
import time
from pathlib import Path

from rdflib import Dataset


def load(nquads: Path) -> tuple[Dataset, float]:
    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(nquads, format="nquads")
    return dataset, time.perf_counter() - started


def run_capped(dataset: Dataset, sparql: str, cap_s: float, repeat: int = 3) -> list[float] | None:
    """Up to ``repeat`` timings (ms) of the query in a child process; None when over the cap."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: run, report each timing, exit without cleanup
        os.close(read_end)
        try:
            for _ in range(repeat):
                t0 = time.perf_counter()
                for _row in dataset.query(sparql):
                    pass
                os.write(write_end, struct.pack("d", (time.perf_counter() - t0) * 1000))
        finally:
            os._exit(0)
    os.close(write_end)
    samples: list[float] = []
    deadline = time.monotonic() + cap_s
    os.set_blocking(read_end, False)
    buffer = b""
    while time.monotonic() < deadline:
        try:
            chunk = os.read(read_end, 64)
        except BlockingIOError:
            chunk = None
        if chunk == b"":
            break
        if chunk:
            buffer += chunk
        else:
            time.sleep(0.005)
    if time.monotonic() >= deadline:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(read_end)
    samples = [struct.unpack("d", buffer[i : i + 8])[0] for i in range(0, len(buffer) - 7, 8)]
    return samples or None
