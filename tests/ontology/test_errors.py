"""The shared error core: every project error has its own stable code and a one-line summary."""

from __future__ import annotations

import graph_api.errors  # noqa: F401  (registers the HTTP-facing subclasses)
from ontology.errors import CuratedDataError, PolicyGraphError


def _all_subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_all_subclasses(sub)]
    return found


def test_every_error_class_has_its_own_code_and_a_one_line_summary():
    """The core's classes and the HTTP ones; a narrower kind elsewhere (viz's ViewNotFound) keeps
    the code of the error it is."""
    cores = {"ontology.errors", "graph_api.errors"}
    classes = [
        PolicyGraphError,
        *{c for c in _all_subclasses(PolicyGraphError) if c.__module__ in cores},
    ]
    codes = [cls.code for cls in classes]
    assert len(set(codes)) == len(codes), sorted(codes)
    for cls in classes:
        assert "code" in vars(cls), f"{cls.__name__} inherits its code"
        assert cls.summary and "\n" not in cls.summary, cls.__name__


def test_user_message_is_one_line_and_names_the_file_and_line():
    error = CuratedDataError("data/curated/agencies.ttl", 12, "bad IRI\n  <not an iri>")
    assert error.user_message() == "data/curated/agencies.ttl:12: bad IRI <not an iri>"
    assert PolicyGraphError().user_message() == PolicyGraphError.summary
