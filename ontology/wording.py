"""Counts in messages read by people: "1 task", "2 tasks" — never "1 tasks"."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` followed by its noun in the right number (``plural`` defaults to ``+s``)."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"
