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
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


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

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _raise_in(target, DeadlineExceeded)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        return function(*args)
    finally:
        with lock:
            state["done"] = True
            if state["fired"]:
                _raise_in(target, None)  # not delivered yet: never let it land after we return
        timer.cancel()
        if state["fired"]:
            raise DeadlineExceeded
