"""Repeat a call and summarise its latency (median, p95), within a time budget."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def percentile(samples: list[float], fraction: float) -> float:
    """The nearest-rank percentile of ``samples`` (not empty)."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summarise(samples_ms: list[float]) -> dict[str, float | int]:
    return {
        "median_ms": round(statistics.median(samples_ms), 3),
        "p95_ms": round(percentile(samples_ms, 0.95), 3),
        "runs": len(samples_ms),
    }


def time_calls(
    call: Callable[[], object], *, repeat: int = 20, budget_s: float = 20.0, warmup: int = 1
) -> dict[str, float | int]:
    """Call ``warmup`` times untimed, then up to ``repeat`` times or until ``budget_s`` is spent."""
    for _ in range(warmup):
        call()
    samples: list[float] = []
    started = time.perf_counter()
    while len(samples) < repeat and (not samples or time.perf_counter() - started < budget_s):
        t0 = time.perf_counter()
        call()
        samples.append((time.perf_counter() - t0) * 1000)
    return summarise(samples)
