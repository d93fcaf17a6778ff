"""One entity-ref parser and one error path: every route reads ids the same way and answers a
bad id with 400, an unknown one with 404, both as the project's JSON error body."""

from __future__ import annotations

import pytest

from graph_api.entity_refs import optional_entity_ref, parse_entity_ref
from ontology.errors import QueryError
from ontology.vocabulary import ID_BASE

AGENCY = ID_BASE + "agency/bo-khcn"


@pytest.mark.parametrize(
    "value", [AGENCY, "/id/agency/bo-khcn", "id/agency/bo-khcn", "agency/bo-khcn", " bo-khcn "]
)
def test_every_way_of_naming_an_agency_gives_its_iri(value):
    assert parse_entity_ref(value, "agency") == AGENCY


def test_without_a_kind_the_value_names_it():
    assert parse_entity_ref("document/57-ntw-2024") == ID_BASE + "document/57-ntw-2024"
    assert optional_entity_ref("", "agency") is None
    assert optional_entity_ref(None, "agency") is None


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("bo khcn", "agency"),  # a space
        ("task/t-1", "agency"),  # another kind
        ("nokind/x", None),  # not a kind of entity
        ("bo-khcn", None),  # a bare slug needs a kind
        ("https://example.org/id/agency/x", "agency"),  # not a policygraph IRI
    ],
)
def test_a_bad_id_is_a_query_error_naming_it(value, kind):
    with pytest.raises(QueryError, match="is not"):
        parse_entity_ref(value, kind)


def test_routes_answer_a_bad_id_with_400_and_an_unknown_one_with_404(client):
    for path, params in (
        ("/api/tasks", {"agency": "task/t-1"}),
        ("/views/dependencies", {"root": "not an id"}),
        ("/api/audit/ownership", {"task": "agency/bo-khcn"}),
    ):
        response = client.get(path, params=params)
        assert response.status_code == 400, (path, response.text)
        # refused by the parameter's documented pattern, or by the parser behind it
        assert response.json()["code"] in {"bad-parameter", "query-refused"}
        assert (
            next(iter(params)) in response.json()["message"]
            or "is not" in (response.json()["message"])
        )
    for path, params in (
        ("/views/agency/no-such-agency", {}),
        ("/views/dependencies", {"root": "document/no-such-document"}),
        ("/api/audit/alignment", {"province": "Atlantis"}),
    ):
        response = client.get(path, params=params)
        assert response.status_code == 404, (path, response.text)
        assert response.json()["error"] in {"NotFound", "UnknownEntity", "ViewNotFound"}
        assert response.json()["code"] == "not-found"


def test_the_search_index_belongs_to_the_app_from_the_start(client):
    index = client.app.state.search_index
    assert client.get("/api/search", params={"q": "khoa hoc"}).status_code == 200
    assert client.app.state.search_index is index
    assert index.index() is index.index()  # built once, kept
