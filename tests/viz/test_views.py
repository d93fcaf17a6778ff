"""The views built from the small graph: structure, layout order, escaping, offline HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graph_api.pages.alignment import VERDICT_WORDS
from graph_api.routes.views import alignment_options
from ontology.errors import NotFound
from tests.viz.conftest import ID
from viz import style, views
from viz.aggregate import collapse_leaves
from viz.render import script_safe_json

ROOT = ID + "document/57-ntw-2024"
PROGRAMME = ID + "document/03-ncp-2025"
BINH_DUONG_PLAN = ID + "document/kh-nq57-binh-duong"
BINH_DINH_PROJECT = ID + "document/da-stem-binh-dinh"
XSS = "<img src=x onerror=alert(1)>"


def y(view, iri):
    return view.positions[iri][1]


def test_dependencies_draw_national_above_provincial(fetch):
    view = views.build_view("dependencies", fetch)
    assert y(view, ROOT) < y(view, PROGRAMME) < y(view, BINH_DUONG_PLAN)
    assert y(view, ROOT) < y(view, BINH_DINH_PROJECT)
    assert ID + "document/20-ntw-2012" not in view.graph  # not under 57-NQ/TW
    relations = {d["relation"] for *_, d in view.graph.edges(data=True)}
    assert relations == {"implements", "assigns", "sets"}
    task = ID + "task/nq03-ncp-2025-phu-luc-2-nhiem-vu-5"
    group = PROGRAMME + "#tasks"
    assert view.graph.has_edge(PROGRAMME, group) and view.graph.has_edge(group, task)
    assert y(view, PROGRAMME) < y(view, group) < y(view, task)


def test_dependencies_top_down_national_then_provincial(fetch):
    """The Bình Định project implements 57-NQ/TW directly, yet hangs a layer below 03/NQ-CP."""
    view = views.build_view("dependencies", fetch)
    assert y(view, ROOT) < y(view, PROGRAMME) < y(view, BINH_DINH_PROJECT)
    assert y(view, BINH_DUONG_PLAN) == y(view, BINH_DINH_PROJECT)
    label = view.graph.nodes[BINH_DINH_PROJECT]["label"]
    assert label == "Bình Định\nĐề án phát triển giáo dục STEM trên địa bàn tỉnh Bình…"
    assert view.graph.nodes[ROOT]["label"].startswith("57-NQ/TW\nNghị quyết về đột phá")


def test_dependencies_fold_tasks_under_their_document(fetch):
    view = views.build_view("dependencies", fetch)
    group = view.graph.nodes[PROGRAMME + "#tasks"]
    assert group["label"] == "▸ 3 nhiệm vụ"
    assert sorted(group["members"]) == [
        ID + f"task/nq03-ncp-2025-phu-luc-2-nhiem-vu-{n}" for n in (1, 5, 8)
    ]
    data = json_data(view.html)
    shown = {n["id"] for n in data["nodes"] if not n.get("hidden")}
    assert not any("/task/" in n or "/target/" in n for n in shown)  # all folded
    folded = [n for n in data["nodes"] if n.get("hidden")]
    assert {n["fold"] for n in folded} >= {PROGRAMME + "#tasks", ROOT + "#tasks"}


def test_dependencies_up_from_a_task_reach_the_resolution(fetch):
    task = ID + "task/000_a3683a6493bfc795-1"
    view = views.build_view("dependencies", fetch, root=task, direction="up")
    assert set(view.graph) == {task, BINH_DUONG_PLAN, PROGRAMME, ROOT}
    assert y(view, ROOT) < y(view, PROGRAMME) < y(view, BINH_DUONG_PLAN) < y(view, task)


def test_unknown_root_is_reported(fetch):
    with pytest.raises(views.ViewNotFound):
        views.build_view("dependencies", fetch, root=ID + "document/nothing-here")


def test_tooltip_has_type_facts_quote_and_source(fetch):
    view = views.build_view("dependencies", fetch)
    title = view.graph.nodes[ID + "target/nq57-ntw-2024-1"]["title"]
    assert title.startswith("Loại: Chỉ tiêu")
    assert "Quy mô kinh tế số đạt tối thiểu 30% GDP" in title
    assert "Nguồn: Nghị quyết 57-NQ/TW" in title


def test_english_labels_on_request(fetch):
    view = views.build_view("dependencies", fetch, lang="en")
    task = view.graph.nodes[ID + "task/nq03-ncp-2025-phu-luc-2-nhiem-vu-5"]
    assert "Lead: Ministry of Home Affairs" in task["title"]
    assert "Plan dependencies" in view.html


def test_agency_view_has_roles_documents_and_successor(fetch):
    view = views.build_view("agency", fetch, agency=ID + "agency/bo-tttt")
    khcn = ID + "agency/bo-khcn"
    assert view.graph.edges[ID + "agency/bo-tttt", khcn]["relation"] == "succeeded_by"
    task = ID + "task/nq03-ncp-2025-phu-luc-2-nhiem-vu-8"
    assert view.graph.edges[task, ID + "agency/bo-tttt"]["relation"] == "lead"
    assert view.graph.has_edge(PROGRAMME, task)
    coordinator = views.build_view("agency", fetch, agency=ID + "agency/bo-khcn")
    roles = {d["relation"] for _, t, d in coordinator.graph.edges(data=True) if t == khcn}
    assert roles == {"lead", "coordinates"}


def test_agencies_overview_sizes_by_workload_and_hides_idle_agencies(fetch):
    view = views.build_view("agencies", fetch)
    sizes = {n: d["size"] for n, d in view.graph.nodes(data=True)}
    assert sizes[ID + "agency/bo-khcn"] > sizes[ID + "agency/xss-probe"]  # 2 tasks vs 1
    assert ID + "agency/bcd-binh-duong" not in view.graph  # a steering committee with no task
    assert not any("(0)" in d["label"] for _, d in view.graph.nodes(data=True))


def test_agencies_overview_labels_and_clusters(fetch):
    view = views.build_view("agencies", fetch)
    department = view.graph.nodes[ID + "agency/so-khcn-binh-duong"]
    assert department["label"].splitlines() == ["Sở KH&CN · Bình Dương", "1 chủ trì · 0 phối hợp"]
    assert department["cls"] == "ProvincialAgency"
    assert view.graph.nodes[ID + "agency/bo-khcn"]["label"].startswith("Bộ KH&CN\n")
    frames = {frame["label"] for frame in json_data(view.html)["frames"]}
    assert "Bình Dương — 1" in frames and "Cơ quan trung ương khác — 3" in frames
    assert "Chú giải" in view.html and "kích thước theo số nhiệm vụ" in view.html
    y = view.positions[ID + "agency/so-khcn-binh-duong"][1]
    national_bottom = max(view.positions[ID + "agency/" + a][1] for a in ("bo-khcn", "bo-noi-vu"))
    assert y > national_bottom  # provinces below the national bodies


def test_agencies_overview_keeps_the_busiest_past_its_limit(fetch):
    view = views.agencies_view(fetch, limit=2)
    assert len(view.graph) == 2 and ID + "agency/bo-khcn" in view.graph  # 2 tasks, others 1
    assert "2 cơ quan có nhiều nhiệm vụ nhất trong số 5" in view.note


def json_data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="view-data">(.*?)</script>', page, re.S)
    return json.loads(block[1])


def alignment(small_store, province=None, lang="vi"):
    options = alignment_options(small_store, province)
    return views.build_view("alignment", None, lang=lang, **options)


def test_alignment_colours_each_comparison_by_verdict(small_store):
    view = alignment(small_store)
    national = ID + "target/nq57-ntw-2024-1"
    binh_duong, binh_dinh = ID + "target/000_a3683a6493bfc795-1", ID + "target/da-stem-binh-dinh-1"
    assert view.graph.edges[national, binh_duong]["colour"] == style.VERDICTS["equal"].line
    assert view.graph.edges[national, binh_dinh]["colour"] == style.VERDICTS["weaker"].line
    assert view.graph.nodes[binh_dinh]["colour"]["background"] == style.VERDICTS["weaker"].fill
    assert view.graph.nodes[binh_dinh]["label"] == "Bình Định: ≥ 20 % (2030)"
    assert view.positions[national][0] < view.positions[binh_duong][0]
    legend = re.search(r'<ul id="legend".*?</ul>', view.html, re.S)[0]
    assert all(word in legend for word in ("mạnh hơn", "bằng", "yếu hơn", "khác mốc thời gian"))
    assert "weaker" not in legend and "stronger" not in legend


def test_alignment_verdicts_speak_as_the_scorecard():
    """The same words and colours as the province page (graph_api/pages/province.py, its CSS)."""
    css = (Path(__file__).parents[2] / "graph_api/static/province.css").read_text()
    for verdict, (vi, en, css_class) in VERDICT_WORDS.items():
        look = style.VERDICTS[str(verdict)]
        assert (look.vi, look.en) == (vi, en)
        assert f".verdict.{css_class} {{ background: {look.fill}; }}" in css


def test_alignment_filters_by_province_name_or_slug(small_store):
    for name in ("Bình Định", "binh dinh", "binh-dinh"):
        view = alignment(small_store, name)
        provincial = [n for n, d in view.graph.nodes(data=True) if d.get("side") == "provincial"]
        assert provincial == [ID + "target/da-stem-binh-dinh-1"]
        assert view.html.count('<option value="binh-dinh" selected>Bình Định</option>') == 1
    assert "Đối chiếu chỉ tiêu: Bình Định" in view.html
    with pytest.raises(NotFound, match="no province 'Atlantis'"):
        alignment(small_store, "Atlantis")


@pytest.mark.parametrize("kind", ["dependencies", "agencies", "alignment"])
def test_html_is_offline_and_escaped(fetch, small_store, kind):
    options = alignment_options(small_store, None) if kind == "alignment" else {}
    page = views.build_view(kind, fetch, **options).html
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page)
    assert all(not re.search(r"\b(?:src|href)\s*=", tag) for tag in tags), tags
    assert XSS not in page
    assert "\\u003cimg src=x" in page or kind == "alignment"


def test_script_safe_json_cannot_close_the_script():
    text = script_safe_json({"label": "</script><script>alert(1)</script>"})
    assert "</script" not in text and "<" not in text


def test_over_budget_keeps_only_counts_and_says_so(fetch):
    view = views.build_view("dependencies", fetch, budget=2)
    groups = [d for _, d in view.graph.nodes(data=True) if d["cls"] == "TaskGroup"]
    assert groups and all(d["members"] == [] and d["url"] for d in groups)
    # counted by the engine (view_dependencies_counts), the tasks' facts never fetched
    assert view.graph.nodes[PROGRAMME + "#tasks"]["label"] == "▸ 3 nhiệm vụ"
    assert view.graph.nodes[ROOT + "#tasks"]["label"] == "▸ 1 chỉ tiêu"
    assert not any(d["cls"] == "Task" for _, d in view.graph.nodes(data=True))
    assert "quá ngưỡng 2" in view.note and "--root" in view.note
    assert "quá ngưỡng 2" in view.html


def test_over_budget_agency_view_collapses_tasks(fetch):
    view = views.build_view("agency", fetch, agency=ID + "agency/bo-khcn", budget=3)
    assert not any(d["cls"] == "Task" for _, d in view.graph.nodes(data=True))
    assert "vượt ngưỡng 3" in view.note


def test_within_budget_nothing_collapses(fetch):
    graph = views.build_view("dependencies", fetch).graph
    same, note = collapse_leaves(graph, 1000, "vi")
    assert same is graph and note == ""
