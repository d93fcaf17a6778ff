"""A memory ceiling for each query worker, so one query cannot take the machine's memory.

One ORDER BY over a cross product drove a worker to 2.9 GB within the 10 s time limit. Two walls:

- the serving process watches each busy worker's resident memory (``MemoryWatch``, read from
  /proc through psutil every ``POLL_SECONDS``) and kills the worker the moment it passes the
  ceiling; the query gets a 503 that names the ceiling;
- in the worker, ``RLIMIT_AS`` caps its address space at what it had once the store was open plus
  the ceiling, for an allocation too large or too fast for the watch: the engine then fails to
  allocate (Python's ``MemoryError``, or Rust's abort, ``SIGABRT``), also a 503.

The watch is the precise one (resident memory is what the machine runs out of); the address-space
cap is looser by what the worker had mapped at start, so it only acts first on a sudden jump.
"""

from __future__ import annotations

import resource
import signal

import psutil

from graph_api.errors import StoreUnavailable

POLL_SECONDS = 0.05  # how often a busy worker's memory is read (about 50 µs a read)
MB = 2**20


class WorkerEnded(StoreUnavailable):
    """The query ended its worker (it crashed, or passed the memory ceiling); a new one starts."""


class MemoryCeilingExceeded(WorkerEnded):
    """The query passed the worker's memory ceiling."""


def ceiling_message(ceiling_bytes: int) -> str:
    mb = ceiling_bytes // MB
    return (
        f"truy vấn bị dừng: vượt giới hạn bộ nhớ {mb} MB của tiến trình truy vấn / query "
        f"stopped: it went past the query worker's memory ceiling of {mb} MB; ask for fewer "
        "rows or a narrower pattern"
    )


def cap_address_space(ceiling_bytes: int) -> None:
    """In the worker, once its store is open: no more than ``ceiling_bytes`` of new mappings."""
    limit = psutil.Process().memory_info().vms + ceiling_bytes
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


class MemoryWatch:
    """Reads one worker's resident memory; ``over()`` once it passes the ceiling."""

    def __init__(self, pid: int, ceiling_bytes: int) -> None:
        self.process = psutil.Process(pid)
        self.ceiling_bytes = ceiling_bytes
        self.peak = 0

    def over(self) -> bool:
        try:
            resident = self.process.memory_info().rss
        except psutil.Error:  # the worker is gone: the pipe will say so
            return False
        self.peak = max(self.peak, resident)
        return resident > self.ceiling_bytes


def death_error(exitcode: int | None, ceiling_bytes: int | None) -> WorkerEnded:
    """The error for a worker that died while running a query, by how it died."""
    if exitcode == -signal.SIGABRT and ceiling_bytes:  # Rust aborts when an allocation fails
        return MemoryCeilingExceeded(ceiling_message(ceiling_bytes))
    how = f"signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit {exitcode}"
    return WorkerEnded(
        "tiến trình truy vấn đã dừng đột ngột khi chạy truy vấn này / the query worker "
        f"died while running the query ({how}); a new worker is starting"
    )
