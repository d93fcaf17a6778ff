"""Small value types shared by the stores and the query binding."""

from __future__ import annotations


class IRI(str):
    """A string that is an IRI: bound as an IRI term, not a literal (picklable for workers)."""

    __slots__ = ()
