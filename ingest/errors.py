"""The project's error types: one base class, converted to messages and exit codes at the edges.

The CLI turns any :class:`PolicyGraphError` into a one-line message; the HTTP layer into a 4xx/503.
"""

from __future__ import annotations

from pathlib import Path


class PolicyGraphError(Exception):
    """Base of every error the project raises on purpose."""


class SourceError(PolicyGraphError):
    """A source file that cannot be read: reported with its path, and the build goes on."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class CuratedDataError(PolicyGraphError):
    """A curated data file with an error: which file, which line (where known), and why."""

    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        super().__init__(path, line, reason)
        self.path = path
        self.line = line
        self.reason = reason

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        return f"{where}: {self.reason}"


class QueryError(PolicyGraphError):
    """A query the store refused: bad syntax, a forbidden feature, a bad parameter."""


class QueryTimeout(QueryError):
    """A query stopped because it ran past its time limit."""
