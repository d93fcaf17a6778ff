"""A form body is decoded in the charset it declares (HTML forms send the page's charset)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

QUERY = 'SELECT ?word WHERE { BIND("Tiếng Việt, café" AS ?word) }'


@pytest.mark.parametrize(
    ("charset", "text"),
    [
        ("ISO-8859-1", 'SELECT ?word WHERE { BIND("café crème" AS ?word) }'),
        ("windows-1252", 'SELECT ?word WHERE { BIND("naïve – déjà" AS ?word) }'),
        ("utf-8", QUERY),
        (None, QUERY),
    ],
)
def test_form_body_is_decoded_as_declared(client, charset, text):
    content_type = "application/x-www-form-urlencoded"
    if charset:
        content_type += f"; charset={charset}"
    body = urlencode({"query": text}, encoding=charset or "utf-8")
    response = client.post(
        "/sparql",
        content=body,
        headers={"Content-Type": content_type, "Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200, response.text
    word = response.json()["results"]["bindings"][0]["word"]["value"]
    expected = text.split('"')[1]
    assert word == expected


def test_an_unknown_charset_is_refused_by_name(client):
    response = client.post(
        "/sparql",
        content="query=ASK%7B%7D",
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=klingon-8"},
    )
    assert response.status_code == 415
    assert "klingon-8" in response.json()["message"]
