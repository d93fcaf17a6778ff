"""Task alignment: national themes against the themes of each province's tasks."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from graph_api.audit.themes import Theme, audit_tasks, theme_coverage
from graph_api.store import OxigraphStore
from ingest.derive import add_derived

ROOT = Path(__file__).resolve().parents[2]
ID = "https://w3id.org/policygraph/id/"
THEME = ID + "theme/"
TASKS = f"""
@prefix pg: <https://w3id.org/policygraph/ontology#> .
@prefix agency: <{ID}agency/> .
@prefix task: <{ID}task/> .
@prefix theme: <{THEME}> .
@prefix place: <{ID}place/> .
@prefix document: <{ID}document/> .

document:03-ncp-2025 a pg:Resolution ; pg:territorialScope place:viet-nam .
task:n1 a pg:Task ; pg:assignedBy document:03-ncp-2025 ; pg:leadAgency agency:bo-khcn ;
    pg:theme theme:institutions .
task:n2 a pg:Task ; pg:assignedBy document:03-ncp-2025 ; pg:leadAgency agency:bo-gddt ;
    pg:theme theme:human-resources .
task:n3 a pg:Task ; pg:assignedBy document:03-ncp-2025 ; pg:leadAgency agency:bo-khcn ;
    pg:theme theme:infrastructure .
task:bd1 a pg:Task ; pg:leadAgency agency:so-khcn-binh-duong ; pg:theme theme:institutions .
task:bd2 a pg:Task ; pg:leadAgency agency:so-khcn-binh-duong .
task:bdi1 a pg:Task ; pg:inProvince place:binh-dinh ; pg:theme theme:human-resources ,
    theme:international-cooperation .
"""


def store() -> OxigraphStore:
    """Curated themes, places and agencies, the tasks above and what the build derives from them
    (each task's province: bd1 and bd2 by their lead agency's)."""
    dataset = Dataset()
    for name in ("themes", "places", "provincial-bodies", "agencies"):
        path = ROOT / "data" / "curated" / f"{name}.ttl"
        dataset.graph(URIRef(ID + name)).parse(path, format="turtle")
    dataset.graph(URIRef(ID + "t")).parse(data=TASKS, format="turtle")
    add_derived(dataset)
    raw = ox.Store()
    raw.load(dataset.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS)
    return OxigraphStore.from_store(raw)


def test_provinces_covered_and_missing_national_themes():
    report = audit_tasks(store())
    assert set(report.national_themes()) == {
        THEME + "institutions",
        THEME + "human-resources",
        THEME + "infrastructure",
    }
    by_province = {p.province.rsplit("/", 1)[-1]: p for p in report.provinces}
    binh_duong = by_province["binh-duong"]
    assert binh_duong.tasks_by_theme == {THEME + "institutions": [ID + "task/bd1"]}
    # in the order of 57-NQ/TW section III (skos:notation)
    assert binh_duong.missing_themes == [THEME + "infrastructure", THEME + "human-resources"]
    assert binh_duong.untagged_tasks == [ID + "task/bd2"]
    binh_dinh = by_province["binh-dinh"]
    assert THEME + "international-cooperation" in binh_dinh.tasks_by_theme  # local extra
    assert set(binh_dinh.missing_themes) == {THEME + "institutions", THEME + "infrastructure"}
    assert report.themes[THEME + "institutions"].label_en == "Institutions, mechanisms and policy"


def test_one_province_by_name():
    report = audit_tasks(store(), "Bình Định")
    assert [p.province for p in report.provinces] == [ID + "place/binh-dinh"]


def test_every_theme_counts_when_no_national_task_has_one():
    themes = {t: Theme(t, t, t) for t in ("a", "b")}
    rows = [{"task": "x", "theme": "a", "province": "p"}]
    report = theme_coverage(themes, rows, {"p": "P"})
    assert report.national_themes() == ["a", "b"]
    assert report.provinces[0].missing_themes == ["b"]
