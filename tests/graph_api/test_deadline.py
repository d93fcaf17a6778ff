"""graph_api.deadline: a pure-Python computation is stopped at its limit, and a finished one
never gets a late exception."""

from __future__ import annotations

import time

import pytest

from graph_api.deadline import DeadlineExceeded, run_with_deadline


def spin(seconds: float) -> int:
    """Pure Python busy work (like the parser): the watchdog's exception lands in here."""
    end, turns = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        turns += 1
    return turns


def test_a_long_computation_is_stopped_near_its_limit():
    started = time.monotonic()
    with pytest.raises(DeadlineExceeded):
        run_with_deadline(0.3, spin, 30.0)
    assert time.monotonic() - started < 10  # 0.3 s, loose on a busy machine


def test_a_quick_computation_returns_and_nothing_lands_later():
    assert run_with_deadline(0.2, sum, [1, 2, 3]) == 6
    assert spin(0.5) > 0  # past the limit: a stray exception would be raised here


def test_no_limit_runs_unbounded():
    assert run_with_deadline(None, sum, [4, 5]) == 9


class _SlowFinaliser:
    """An object whose ``__del__`` is busy: an exception raised inside it is swallowed."""

    def __del__(self) -> None:
        spin(0.002)


def _mostly_in_finalisers(seconds: float) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        _SlowFinaliser()  # freed at once: about nine tenths of the time is spent in __del__
        spin(0.0002)
    return "ran to the end"


def test_a_deadline_swallowed_by_a_finaliser_is_raised_again(monkeypatch):
    """Seen in the suite: the watchdog's exception landed in an asyncio transport's ``__del__``,
    Python swallowed it, and a 600 KB parse ran on past its 2 s limit for over a minute."""
    swallowed = []
    monkeypatch.setattr("sys.unraisablehook", lambda report: swallowed.append(report.exc_type))
    started = time.monotonic()
    with pytest.raises(DeadlineExceeded):
        run_with_deadline(0.2, _mostly_in_finalisers, 20.0)
    assert time.monotonic() - started < 10
