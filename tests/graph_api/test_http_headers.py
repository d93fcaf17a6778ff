"""Security headers on every kind of response, and /docs and /redoc without any CDN."""

from __future__ import annotations

import re

import pytest

from graph_api.security_headers import page_policy

PATHS = [
    "/",
    "/id/agency/bo-khcn",
    "/id/agency/no-such-agency",
    "/views/agencies",
    "/views/dependencies",
    "/audit/coverage",
    "/alignment",
    "/docs",
    "/redoc",
    "/openapi.json",
    "/api/tasks?limit=2",
    "/api/tasks?open_on=0",
    "/sparql?query=ASK%7B%7D",
    "/static/app.js",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[-1].split(";")[0]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_a_cors_preflight_carries_them_too(client):
    response = client.options(
        "/sparql", headers={"Origin": "http://example.org", "Access-Control-Request-Method": "POST"}
    )
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_load_their_assets_from_this_server(client, path):
    html = client.get(path).text
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(url.startswith("/") for url in assets), assets
    for url in assets:
        assert client.get(url).status_code == 200, url


def test_page_policy_lists_exactly_the_inline_scripts_of_the_page():
    page = b'<script src="/a.js"></script><script>run()</script><script>run()</script>'
    policy = page_policy(page)
    assert policy.count("'sha256-") == 1  # one distinct inline script; the src one needs none
    assert page_policy(b"<script>other()</script>") != policy
