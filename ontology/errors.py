"""The project's error types: one base class, converted to messages and exit codes at the edges.

Every part (ingest, graph_api, viz, the CLI) raises these, so they live in the shared core. Each
class has a stable ``code`` (for scripts and the HTTP body) and a one-line ``summary``; the CLI
prints :meth:`PolicyGraphError.user_message`, the HTTP layer maps the class to a 4xx/503 once.
"""

from __future__ import annotations

from pathlib import Path


class PolicyGraphError(Exception):
    """Base of every error the project raises on purpose."""

    code = "policygraph-error"
    summary = "policygraph could not do what was asked"

    def user_message(self) -> str:
        """One line for a person: the error's own text, else the class's summary."""
        return " ".join(str(self).split()) or self.summary


class SourceError(PolicyGraphError):
    """A source file that cannot be read: reported with its path, and the build goes on."""

    code = "source-unreadable"
    summary = "a source file could not be read"

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class CuratedDataError(PolicyGraphError):
    """A curated data file with an error: which file, which line (where known), and why."""

    code = "curated-data-invalid"
    summary = "a curated data file has an error"

    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        super().__init__(path, line, reason)
        self.path = path
        self.line = line
        self.reason = reason

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        return f"{where}: {self.reason}"


class NotFound(PolicyGraphError, LookupError):
    """An entity, record, province or view root the graph does not hold."""

    code = "not-found"
    summary = "the graph holds no such entity or record"


class QueryError(PolicyGraphError):
    """A query the store refused: bad syntax, a forbidden feature, a bad parameter."""

    code = "query-refused"
    summary = "the query or one of its parameters was refused"


class QueryTimeout(QueryError):
    """A query stopped because it ran past its time limit."""

    code = "query-timeout"
    summary = "the query ran past its time limit"
