"""Errors as a user meets them, on the real build: one JSON shape on every route, a Vietnamese
error page for a browser with "did you mean", 404 for unknown entities, names for provinces
and agencies wherever their ids are taken."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from graph_api.app import create_app
from graph_api.models import ErrorBody
from graph_api.settings import Settings

ID = "https://w3id.org/policygraph/id/"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
SHAPE = {"error", "code", "message", "suggestions"}
SAMPLE_PARAMS = {"{kind}": "agency", "{slug}": "bo-khcn", "{agency_id}": "bo-khcn"}
TASK_520 = "nq03-ncp-2025-phu-luc-2-nhiem-vu-520"  # Appendix II has no task 520
TOO_LONG = {"query": "SELECT * {?s ?p ?o} #" + "x" * 3000}  # over the fixture's 2,000 bytes


@pytest.fixture(scope="module")
def api(built_oxigraph) -> TestClient:
    settings = Settings(query_workers=0, max_request_bytes=2_000)
    return TestClient(create_app(settings, built_oxigraph))


def one_shape(response) -> dict:
    """The body of an error answer, checked to be the one error shape."""
    assert response.headers["content-type"].startswith("application/json"), response.text
    body = response.json()
    assert set(body) == SHAPE, body
    ErrorBody.model_validate(body)
    return body


def test_every_route_answers_a_wrong_method_in_the_one_shape(api):
    documented = list(api.get("/openapi.json").json()["paths"])
    undocumented = ["/docs", "/redoc", "/openapi.json", "/static/site.css"]
    for path in documented + undocumented:
        url = path
        for name, value in {**SAMPLE_PARAMS, "{document_id}": "57-ntw-2024"}.items():
            url = url.replace(name, value)
        response = api.request("PUT", url)  # no route of the app takes PUT
        assert response.status_code == 405, (url, response.text)
        assert one_shape(response)["code"] == "method-not-allowed"
        assert response.headers["allow"], url


@pytest.mark.parametrize(
    ("method", "url", "body", "status", "code"),
    [
        ("GET", "/no/such/page", None, 404, "not-found"),
        ("GET", "/static/no-such.css", None, 404, "not-found"),
        ("GET", "/api/tasks?limit=many", None, 400, "bad-parameter"),
        ("GET", "/api/tasks?format=bogus", None, 400, "bad-parameter"),
        ("GET", "/api/tasks?agency=task/x", None, 400, "query-refused"),
        ("GET", "/api/tasks?agency=no-such-agency", None, 404, "not-found"),
        ("GET", "/api/tasks?province=Atlantis", None, 404, "not-found"),
        ("GET", "/api/tasks?document=no-such-document", None, 404, "not-found"),
        ("GET", "/api/tasks?theme=no-such-theme", None, 404, "not-found"),
        ("GET", "/api/agencies?province=Atlantis", None, 404, "not-found"),
        ("GET", "/api/agencies/no-such-agency", None, 404, "not-found"),
        ("GET", "/api/documents/no-such-document", None, 404, "not-found"),
        ("GET", "/api/search?q=", None, 400, "bad-parameter"),
        ("GET", "/api/stats?format=xml", None, 200, None),  # an unknown parameter is ignored
        ("GET", "/api/audit/alignment?province=Atlantis", None, 404, "not-found"),
        ("GET", "/api/audit/ownership?task=no-such-task", None, 404, "not-found"),
        ("GET", "/api/audit/tasks-alignment?province=Atlantis", None, 404, "not-found"),
        ("GET", "/id/agency/no-such-agency?format=turtle", None, 404, "not-found"),
        ("GET", "/id/agency/no-such-agency", None, 404, "not-found"),  # not 406 to a JSON client
        ("GET", "/sparql?query=SELEC", None, 400, "query-refused"),
        ("POST", "/sparql", TOO_LONG, 413, None),
        ("POST", "/sparql", {"update": "CLEAR ALL"}, 403, "forbidden"),
        ("GET", "/views/agency/no-such-agency", None, 404, "not-found"),
    ],
)
def test_each_error_has_the_one_shape(api, method, url, body, status, code):
    response = api.request(method, url, data=body, headers={"Accept": "application/json"})
    assert response.status_code == status, response.text
    if status < 400:
        return
    found = one_shape(response)
    assert code is None or found["code"] == code, found


def test_an_unknown_agency_in_rest_is_404_with_did_you_mean(api):
    response = api.get("/api/tasks", params={"agency": "so-khcn-binh-duon"})
    assert response.status_code == 404  # not an empty 200
    body = one_shape(response)
    assert "no agency 'so-khcn-binh-duon'" in body["message"]
    first = body["suggestions"][0]
    assert first == {
        "iri": f"{ID}agency/so-khcn-binh-duong",
        "label": "Sở Khoa học và Công nghệ tỉnh Bình Dương",
        "kind": "agency",
    }
    assert all(s["kind"] == "agency" for s in body["suggestions"])


def test_an_unknown_province_hint_names_provinces(api):
    body = one_shape(api.get("/api/tasks", params={"province": "binh duogn"}))
    assert "no province 'binh duogn'" in body["message"]
    assert body["suggestions"][0]["iri"] == f"{ID}place/binh-duong"
    assert "agency" not in body["message"]


def test_an_unknown_task_suggests_the_nearest_citations(api):
    body = one_shape(
        api.get("/api/audit/ownership", params={"task": "nq03-ncp-2025-phu-luc-2-nhiem-vu-520"})
    )
    assert body["suggestions"][0]["label"] == "03/NQ-CP, Phụ lục II, nhiệm vụ 52"


@pytest.mark.parametrize(
    "name",
    [
        "binh-duong",
        "Bình Dương",
        "binh duong",
        "BÌNH DƯƠNG",
        "tỉnh Bình Dương",
        f"{ID}place/binh-duong",
    ],
)
def test_a_province_is_taken_by_slug_iri_or_name(api, name):
    by_slug = api.get("/api/tasks", params={"province": "binh-duong", "limit": 1000}).json()
    answer = api.get("/api/tasks", params={"province": name, "limit": 1000})
    assert answer.status_code == 200, answer.text
    assert by_slug["count"] > 0 and answer.json() == by_slug
    agencies = api.get("/api/agencies", params={"province": name})
    assert agencies.json() == api.get("/api/agencies", params={"province": "binh-duong"}).json()


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Bình Định", "binh-dinh"),  # before the 2025 merger
        ("Gia Lai", "gia-lai"),  # what Bình Định merged into
        ("TP.HCM", "ho-chi-minh"),
        ("Thành phố Hồ Chí Minh", "ho-chi-minh"),
    ],
)
def test_pre_and_post_merger_names_are_provinces(api, name, slug):
    answer = api.get("/api/tasks", params={"province": name, "limit": 1000})
    assert answer.status_code == 200, answer.text
    assert answer.json() == api.get("/api/tasks", params={"province": slug, "limit": 1000}).json()


def test_audit_routes_take_the_same_province_names(api):
    by_name = api.get("/api/audit/alignment", params={"province": "binh dinh", "format": "csv"})
    by_slug = api.get("/api/audit/alignment", params={"province": "binh-dinh", "format": "csv"})
    assert by_name.status_code == 200 and by_name.text == by_slug.text


def test_an_agency_is_taken_by_its_names_and_short_forms(api):
    by_slug = api.get("/api/tasks", params={"agency": "so-khcn-binh-duong", "limit": 1000}).json()
    assert by_slug["count"] > 0
    for name in (
        "Sở KH&CN Bình Dương",
        "so khcn binh duong",
        "Sở Khoa học và Công nghệ tỉnh Bình Dương",
    ):
        assert api.get("/api/tasks", params={"agency": name, "limit": 1000}).json() == by_slug
    ministry = api.get("/api/agencies/Bộ KH&CN")
    assert ministry.status_code == 200 and ministry.json()["iri"] == f"{ID}agency/bo-khcn"


def test_a_name_many_agencies_carry_is_400_listing_them(api):
    body = one_shape(api.get("/api/tasks", params={"agency": "Sở KH&CN"}))
    assert body["code"] == "ambiguous-name"
    assert f"{ID}agency/so-khcn-binh-duong" in {s["iri"] for s in body["suggestions"]}


def test_a_document_is_taken_by_its_number(api):
    by_number = api.get("/api/tasks", params={"document": "57-NQ/TW", "limit": 5}).json()
    by_slug = api.get("/api/tasks", params={"document": "57-ntw-2024", "limit": 5}).json()
    assert by_number == by_slug and by_slug["count"] == 5
    for number in ("57-NQ/TW", "57 nq tw"):
        document = api.get(f"/api/documents/{number}", params={"task_limit": 5})
        assert document.status_code == 200, document.text
        assert document.json()["iri"] == f"{ID}document/57-ntw-2024"


def page_text(html: str) -> str:
    main = html.split("<main>", 1)[1].split("</main>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_a_browser_gets_the_vietnamese_page_with_did_you_mean(api):
    response = api.get("/id/agency/so-khcn-binh-duon", headers={"Accept": BROWSER})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert '<html lang="vi">' in html and "<nav" in html and 'href="/tasks"' in html
    text = page_text(html)
    assert "Không tìm thấy cơ quan" in text and "Có phải bạn muốn tìm" in text
    first = re.search(r'<ul id="suggestions">\s*<li>.*?<a href="([^"]+)">([^<]+)</a>', html, re.S)
    assert first.groups() == (
        "/id/agency/so-khcn-binh-duong",
        "Sở Khoa học và Công nghệ tỉnh Bình Dương",
    )


def test_the_error_page_in_english(api):
    response = api.get("/id/agency/so-khcn-binh-duon?lang=en", headers={"Accept": BROWSER})
    assert response.status_code == 404 and '<html lang="en">' in response.text
    text = page_text(response.text)
    assert "Agency not found" in text and "Did you mean" in text
    assert 'href="/id/agency/so-khcn-binh-duong?lang=en"' in response.text


@pytest.mark.parametrize(
    ("method", "url", "body", "status", "heading"),
    [
        ("GET", "/api/tasks?limit=many", None, 400, "Yêu cầu không hợp lệ"),
        ("GET", "/no/such/page", None, 404, "Không tìm thấy"),
        ("GET", "/api/tasks?province=Atlantis", None, 404, "Không tìm thấy tỉnh/thành"),
        (
            "GET",
            "/id/task/nq03-ncp-2025-phu-luc-2-nhiem-vu-520",
            None,
            404,
            "Không tìm thấy nhiệm vụ",
        ),
        ("DELETE", "/api/tasks", None, 405, "Phương thức không được hỗ trợ"),
        (
            "POST",
            "/sparql",
            TOO_LONG,
            413,
            "Yêu cầu quá lớn",
        ),
        ("POST", "/sparql", {"update": "CLEAR ALL"}, 403, "Không được phép"),
    ],
)
def test_a_browser_gets_an_error_page_for_each_status(api, method, url, body, status, heading):
    response = api.request(method, url, data=body, headers={"Accept": BROWSER})
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"<h1>{heading}</h1>" in response.text
    assert 'href="/provinces"' in response.text  # the navigation
    assert "https://" not in response.text.split("<main>")[0]  # nothing off 127.0.0.1


def test_an_unknown_entity_page_suggests_a_task(api):
    response = api.get(f"/id/task/{TASK_520}", headers={"Accept": BROWSER})
    assert 'href="/id/task/nq03-ncp-2025-phu-luc-2-nhiem-vu-52"' in response.text


def test_the_openapi_documents_the_one_shape_for_any_error(api):
    schema = api.get("/openapi.json").json()
    assert "suggestions" in schema["components"]["schemas"]["ErrorBody"]["properties"]
    assert "Suggestion" in schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            default = operation["responses"]["default"]["content"]
            assert default["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ErrorBody"
            }, (method, path)
            assert "text/html" in default


def test_a_query_stopped_at_the_time_limit_is_503_in_both_forms(pooled_client):
    """A real worker stopped at its 2 s limit (the cross product of the sample graph)."""
    query = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"}
    response = pooled_client.get("/sparql", params=query)
    assert response.status_code == 503
    assert one_shape(response)["code"] in {"query-timeout", "store-unavailable"}
    page = pooled_client.get("/sparql", params=query, headers={"Accept": BROWSER})
    assert page.status_code == 503 and "<h1>Máy chủ tạm thời không đáp ứng được</h1>" in page.text


def test_an_unexpected_failure_is_500_in_both_forms(sample_store_dir):
    """The store closed under a running app: a failure no route expects."""
    from graph_api.store import OxigraphStore

    store = OxigraphStore(sample_store_dir)
    app = create_app(Settings(query_workers=0), store)
    store.close()
    client = TestClient(app, raise_server_exceptions=False)
    response = client.get("/api/tasks")
    assert response.status_code == 500
    body = one_shape(response)
    assert body["code"] == "internal-error" and "NoneType" not in body["message"]
    page = client.get("/api/tasks", headers={"Accept": BROWSER})
    assert page.status_code == 500 and "<h1>Lỗi máy chủ</h1>" in page.text
    english = client.get("/api/tasks?lang=en", headers={"Accept": BROWSER})
    assert "<h1>Server error</h1>" in english.text
