"""The shared error core: every project error has its own stable code and a one-line summary."""

from __future__ import annotations

import graph_api.errors  # noqa: F401  (registers the HTTP-facing subclasses)
from ontology.errors import CuratedDataError, NotFound, PolicyGraphError


def _all_subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_all_subclasses(sub)]
    return found


def test_every_error_class_has_its_own_code_and_a_one_line_summary():
    """The core's classes and the HTTP ones; a narrower kind elsewhere (viz's ViewNotFound) keeps
    the code of the error it is."""
    cores = {"ontology.errors", "graph_api.errors"}
    everything = [
        PolicyGraphError,
        *{c for c in _all_subclasses(PolicyGraphError) if c.__module__ in cores},
    ]
    # graph_api's UnknownEntity is a NotFound that carries "did you mean" suggestions: every 404
    # body keeps the one code "not-found", so it alone may inherit its code
    narrower = {c for c in everything if issubclass(c, NotFound) and c is not NotFound}
    classes = [c for c in everything if c not in narrower]
    codes = [cls.code for cls in classes]
    assert len(set(codes)) == len(codes), sorted(codes)
    for cls in classes:
        assert "code" in vars(cls), f"{cls.__name__} inherits its code"
    for cls in everything:
        assert cls.summary and "\n" not in cls.summary, cls.__name__
    assert {c.code for c in narrower} <= {NotFound.code}


def test_user_message_is_one_line_and_names_the_file_and_line():
    error = CuratedDataError("data/curated/agencies.ttl", 12, "bad IRI\n  <not an iri>")
    assert error.user_message() == "data/curated/agencies.ttl:12: bad IRI <not an iri>"
    assert PolicyGraphError().user_message() == PolicyGraphError.summary
