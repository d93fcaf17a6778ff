"""Stop a pure-Python computation that runs past a time limit, in the thread that runs it.

The SPARQL guard parses every user query with rdflib's grammar (pyparsing, pure Python), which
can take seconds on a large query and cannot be cancelled. A watchdog timer raises
:class:`DeadlineExceeded` inside the parsing thread (CPython's ``PyThreadState_SetAsyncExc``)
when the limit passes; the exception derives from ``BaseException`` so no ``except Exception``
inside the parser swallows it. Nothing is paid while the computation runs (unlike a trace or
profile hook, which made the parse 2.5 times slower).
"""

from __future__ import annotations

import ctypes
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


# rdflib's grammar recurses about ten Python frames per triple pattern and per nested group, so
# with the default limit of 1,000 frames a query of 100 patterns was "too deep". The parse runs on
# a thread of its own with a large stack, and the interpreter's limit is raised to match (a
# process-wide setting: at 10,000 frames deep JSON or repr still ends in RecursionError, not a
# crash, on the default 8 MB thread stacks).
DEEP_STACK_BYTES = 64 * 1024 * 1024
DEEP_RECURSION_LIMIT = 10_000
_STACK_SIZE_LOCK = threading.Lock()


def run_on_deep_stack(function: Callable[..., T], *args) -> T:
    """``function(*args)`` on a fresh thread with a 64 MB stack; its exception is re-raised here."""
    if sys.getrecursionlimit() < DEEP_RECURSION_LIMIT:
        sys.setrecursionlimit(DEEP_RECURSION_LIMIT)
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = function(*args)
        except BaseException as error:  # handed to the caller's thread, raised there
            outcome["error"] = error

    with _STACK_SIZE_LOCK:  # the stack size applies to threads started while it is set
        previous = threading.stack_size(DEEP_STACK_BYTES)
        try:
            thread = threading.Thread(target=target, name="sparql-parse", daemon=True)
            thread.start()
        finally:
            threading.stack_size(previous)
    thread.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


REFIRE_SECONDS = 0.05


class DeadlineExceeded(BaseException):
    """Raised inside the bounded computation when its time is up."""


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    """Make ``thread_id`` raise ``exception`` at its next bytecode (None clears a pending one)."""
    pending = ctypes.py_object(exception) if exception else ctypes.c_void_p(None)
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), pending)


def run_with_deadline(seconds: float | None, function: Callable[..., T], *args) -> T:
    """``function(*args)``, or :class:`DeadlineExceeded` once ``seconds`` have passed."""
    if seconds is None:
        return function(*args)
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    timers: list[threading.Timer] = []

    def arm(delay: float) -> None:
        timer = threading.Timer(delay, fire)
        timer.daemon = True
        timers.append(timer)
        timer.start()

    def fire() -> None:
        # Re-fired until the computation ends: an async exception that lands inside a finaliser
        # (a ``__del__`` run by the garbage collector on this thread) is swallowed there, so
        # one shot let a 600 KB parse run on for minutes.
        with lock:
            if not state["done"]:
                state["fired"] = True
                _raise_in(target, DeadlineExceeded)
                arm(REFIRE_SECONDS)

    arm(seconds)
    try:
        return function(*args)
    finally:
        with lock:
            state["done"] = True
            if state["fired"]:
                _raise_in(target, None)  # not delivered yet: never let it land after we return
        for timer in timers:
            timer.cancel()
        if state["fired"]:
            raise DeadlineExceeded
