"""What /openapi.json promises matches what the server does: methods, strict dates, one error
body for every 4xx/5xx."""

from __future__ import annotations

import pytest


def test_options_sparql_lists_every_method(client):
    response = client.options("/sparql")
    assert response.status_code == 204
    assert {m.strip() for m in response.headers["allow"].split(",")} == {
        "GET",
        "POST",
        "HEAD",
        "OPTIONS",
    }


def test_head_sparql_answers_like_get_without_a_body(client):
    response = client.head("/sparql", params={"query": "ASK {}"})
    assert response.status_code == 200 and response.content == b""


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/tasks?open_on=0", "open_on"),
        ("/api/tasks?open_on=20250101", "open_on"),
        ("/api/tasks?open_on=2025-02-30", "open_on"),
        ("/api/audit/ownership?on=1735689600", "on"),
        ("/api/agencies?format=xlsx", "format"),
        ("/views/dependencies?root=__main__", "root"),
    ],
)
def test_bad_parameters_are_400_with_the_error_body_naming_them(client, path, parameter):
    response = client.get(path)
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"error", "code", "message", "suggestions"}
    assert parameter in body["message"]


def test_a_real_date_is_still_a_date(client):
    assert client.get("/api/tasks?open_on=2025-12-31&limit=1").status_code == 200


def test_openapi_documents_400_with_the_error_body_and_no_422(client):
    schema = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "422" not in responses, (method, path)
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    content = response.get("content", {"application/json": {}})
                    assert "application/json" in content, (method, path, status)
            if operation.get("parameters") or operation.get("requestBody"):
                error = responses["400"]["content"]["application/json"]["schema"]
                assert error == {"$ref": "#/components/schemas/ErrorBody"}, (method, path)


def test_documented_limit_maximum_is_the_server_cap(client):
    schema = client.get("/openapi.json").json()
    for parameter in schema["paths"]["/api/tasks"]["get"]["parameters"]:
        if parameter["name"] == "limit":
            bounds = parameter["schema"].get("anyOf", [parameter["schema"]])
            assert max(b.get("maximum", 0) for b in bounds) == 50  # the client fixture's max_rows
