"""Acceptance on the real build: ``policygraph view dependencies -o deps.html`` draws
Resolution 57-NQ/TW at the top with the Bình Dương and Bình Định documents below it."""

from __future__ import annotations

import json
import re

import pytest

from cli.main import main
from ontology.releases import current_store_path

ROOT = "https://w3id.org/policygraph/id/document/57-ntw-2024"


@pytest.fixture(scope="module")
def drawn_nodes(built_store, tmp_path_factory) -> dict[str, dict]:
    """Run the CLI on the built graph; the nodes of the written page, by IRI."""
    output = tmp_path_factory.mktemp("views") / "deps.html"
    store = current_store_path(built_store)
    assert main(["--store", str(store), "view", "dependencies", "-o", str(output)]) == 0
    page = output.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="view-data">(.*?)</script>', page, re.S)
    return {node["id"]: node for node in json.loads(block[1])["nodes"]}


def provincial_documents(nodes: dict[str, dict], province: str) -> list[dict]:
    return [
        n for iri, n in nodes.items() if "/document/" in iri and province in iri and "#" not in iri
    ]


def test_resolution_57_is_at_the_top(drawn_nodes):
    top = min(node["y"] for node in drawn_nodes.values())
    assert drawn_nodes[ROOT]["y"] == top
    assert drawn_nodes[ROOT]["label"].splitlines()[0] == "57-NQ/TW"


@pytest.mark.parametrize("province", ["binh-duong", "binh-dinh"])
def test_provincial_documents_hang_below_it(drawn_nodes, province):
    documents = provincial_documents(drawn_nodes, province)
    assert documents, f"no {province} document implements 57-NQ/TW in the built graph"
    assert all(drawn_nodes[ROOT]["y"] < doc["y"] for doc in documents)
    programme = drawn_nodes[ROOT.replace("57-ntw-2024", "03-ncp-2025")]
    assert all(programme["y"] < doc["y"] for doc in documents)  # national, then provincial
    assert all(province_name(province) in doc["label"] for doc in documents)


def province_name(slug: str) -> str:
    return {"binh-duong": "Bình Dương", "binh-dinh": "Bình Định"}[slug]


def test_tasks_start_folded_under_their_documents(drawn_nodes):
    tasks = [n for iri, n in drawn_nodes.items() if "/task/" in iri]
    assert tasks and all(n.get("hidden") and n["fold"].endswith("#tasks") for n in tasks)


def test_cli_writes_one_province_alignment(built_store, tmp_path, capsys):
    store = str(current_store_path(built_store))
    output = tmp_path / "alignment.html"
    args = ["--store", store, "view", "alignment", "--province", "binh duong", "-o", str(output)]
    assert main(args) == 0
    page = output.read_text(encoding="utf-8")
    assert "<title>Đối chiếu chỉ tiêu: Bình Dương</title>" in page
    assert "mạnh hơn" in page and '<option value="binh-duong" selected>' in page
    assert main([*args[:5], "Atlantis", "-o", str(output)]) != 0
    assert "no province 'Atlantis'" in capsys.readouterr().err
