"""Parse packaged sources (.docx, .pdf, .html) in a child process with a memory ceiling.

A file's size says little about what parsing it costs: a 104 KB .docx whose XML inflates to
20 MB took python-docx 706 MB, and a 646 KB one inflating to 190 MB drove the build past 8 GB.
The zip check in :mod:`ingest.readers.docx` refuses what is plainly a bomb before parsing; this
process bounds the rest. One reader process serves the whole build (started on the first such
file); its address space is capped with ``RLIMIT_AS``, so a file that needs more fails with
MemoryError *there*, is reported as skipped with its name, and the build reads the next file.
"""

from __future__ import annotations

import multiprocessing
import resource
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ingest.readers import Extracted
from ontology.errors import SourceError

PARSE_MEMORY_BYTES = 1_500_000_000  # address space of the reader process (Python and libraries
# take about 0.3 GB of it; a .docx at the 50 MB inflation bound needs about 1.8 GB more)

NEAR_CEILING = 0.9  # a parse that failed with its peak this close to the ceiling ran out of memory
Reader = Callable[[Path, bytes, int], Extracted]


def _limit_memory(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _parse(reader: Reader, path: Path, data: bytes, max_bytes: int) -> Extracted:
    """Run in the reader process. A failed allocation inside lxml surfaces as a parse error
    ("XMLSyntaxError: unknown error"), so any failure near the ceiling is told as MemoryError."""
    try:
        return reader(path, data, max_bytes)
    except Exception:
        if _peak_address_space() < NEAR_CEILING * resource.getrlimit(resource.RLIMIT_AS)[0]:
            raise
    raise MemoryError()  # no traceback: there may be no memory left to pickle it


def _peak_address_space() -> int:
    """This process's peak virtual memory (VmPeak), in bytes."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmPeak:"):
                return int(line.split()[1]) * 1024
    return 0


class BoundedParser:
    """Calls a reader in the reader process; a file over the memory bound becomes a SourceError."""

    def __init__(self, memory_bytes: int = PARSE_MEMORY_BYTES) -> None:
        self.memory_bytes = memory_bytes
        self._pool: ProcessPoolExecutor | None = None

    def __call__(self, reader: Reader, path: Path, data: bytes, max_bytes: int) -> Extracted:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_limit_memory,
                initargs=(self.memory_bytes,),
            )
        limit = f"the parse memory bound of {self.memory_bytes // 1_000_000} MB"
        try:
            return self._pool.submit(_parse, reader, path, data, max_bytes).result()
        except MemoryError:
            self.close()  # a fresh process for the next file: this one's peak stays high
            raise SourceError(path, f"skipped: parsing it needs more than {limit}") from None
        except BrokenProcessPool:
            self.close()  # the next file gets a fresh reader process
            raise SourceError(path, f"skipped: the parser process died (over {limit}?)") from None

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> BoundedParser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
