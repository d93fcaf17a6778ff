"""One visual language for every view: a colour and shape per class, UI words in vi/en, tooltips.

Everything here is plain text; escaping happens where text meets HTML (``viz.render``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ontology.vocabulary import DOCUMENT_TYPES, ID_BASE


@dataclass(frozen=True)
class ClassStyle:
    """How one class of node looks, and its name in Vietnamese and English."""

    colour: str
    shape: str
    vi: str
    en: str


_DOCUMENT_COLOURS = {  # one per document type of ontology.vocabulary
    "Resolution": "#b2182b",
    "ActionProgramme": "#d6604d",
    "Plan": "#f4a582",
    "Programme": "#e08214",
    "Project": "#fdb863",
    "Decision": "#8073ac",
    "Directive": "#542788",
    "Conclusion": "#b35806",
    "Report": "#999999",
}
# Keys are the local names of pg: classes (plus a few view-only kinds such as "TaskGroup").
CLASS_STYLES: dict[str, ClassStyle] = {
    **{
        name: ClassStyle(_DOCUMENT_COLOURS[name], "box", kind.vi, kind.en)
        for name, kind in DOCUMENT_TYPES.items()
    },
    "PolicyDocument": ClassStyle("#bababa", "box", "Văn bản", "Document"),
    "Task": ClassStyle("#4393c3", "dot", "Nhiệm vụ", "Task"),
    "TaskGroup": ClassStyle("#d1e5f0", "box", "Nhóm nhiệm vụ (bấm để mở)", "Tasks (click to open)"),
    "Target": ClassStyle("#1b7837", "diamond", "Chỉ tiêu", "Target"),
    "Agency": ClassStyle("#762a83", "ellipse", "Cơ quan", "Agency"),
    "CollectiveAgency": ClassStyle("#c2a5cf", "ellipse", "Nhóm cơ quan", "Group of agencies"),
    "NationalAgency": ClassStyle("#762a83", "dot", "Cơ quan trung ương", "National agency"),
    "ProvincialAgency": ClassStyle("#d95f02", "dot", "Cơ quan cấp tỉnh", "Provincial agency"),
    "Indicator": ClassStyle("#35978f", "triangle", "Chỉ số", "Indicator"),
}
DEFAULT_CLASS = "PolicyDocument"
DOCUMENT_CLASSES = frozenset((*DOCUMENT_TYPES, "PolicyDocument"))

# Most specific first: a node typed with several classes takes the first that matches
# (an action programme adopted by a resolution is drawn as an action programme).
CLASS_PRIORITY = (
    "TaskGroup",
    "Task",
    "Target",
    "CollectiveAgency",
    "Agency",
    "Indicator",
    "ActionProgramme",
    "Plan",
    "Programme",
    "Project",
    "Decision",
    "Directive",
    "Conclusion",
    "Report",
    "Resolution",
    "PolicyDocument",
)

UI_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "search": "Tìm nút…",
        "find": "Tìm",
        "legend": "Chú giải",
        "site_nav": "Điều hướng",
        "not_found": "Không tìm thấy",
        "nodes": "nút",
        "edges": "cạnh",
        "type": "Loại",
        "quote": "Trích dẫn",
        "source": "Nguồn",
        "collapsed": "Đã thu gọn",
        "dependencies": "Quan hệ thực hiện",
        "agency": "Cơ quan",
        "agencies": "Tổng quan cơ quan",
        "alignment": "Đối chiếu chỉ tiêu",
        "lead": "chủ trì",
        "coordinates": "phối hợp",
        "implements": "thực hiện",
        "assigns": "giao",
        "sets": "đặt chỉ tiêu",
        "succeeded_by": "được thay bởi",
        "indicator": "chỉ số",
        "aligns": "tương ứng",
        "national": "quốc gia",
        "province": "Tỉnh/thành",
        "all_provinces": "Tất cả tỉnh/thành",
        "show": "Xem",
        "alignment_caption": (
            "{compared} cặp chỉ tiêu tỉnh – quốc gia được so sánh, tô màu theo đánh giá. "
            "Không vẽ: {missing} lượt chỉ tiêu quốc gia tỉnh chưa đặt (tính theo từng tỉnh), "
            "{local} chỉ tiêu chỉ có ở tỉnh (xem trang tỉnh)."
        ),
        "alignment_limit": "Chỉ vẽ {shown} trong số {total} cặp; hãy chọn một tỉnh.",
        "click_to_open": "bấm để mở hoặc thu gọn",
        "open_document": "bấm để mở trang văn bản",
        "documents_limit": "Chỉ vẽ {shown} trong số {total} văn bản (các tầng trên cùng).",
        "leaves_limit": (
            "{total} nhiệm vụ và chỉ tiêu, quá ngưỡng {budget}: chỉ hiện số đếm; bấm nhóm để "
            "mở trang văn bản, hoặc chọn một văn bản cấp dưới làm gốc (?root=… hoặc --root)."
        ),
        "cluster_collective": "Nhóm cơ quan được giao chung",
        "cluster_national": "Cơ quan trung ương khác",
        "cluster_provincial": "Cấp tỉnh (chưa rõ tỉnh)",
        "agencies_caption": (
            "Chỉ gồm các cơ quan có nhiệm vụ; nhóm theo cấp và cơ quan cấp trên (hoặc tỉnh); "
            "kích thước theo số nhiệm vụ chủ trì và phối hợp."
        ),
        "agencies_limit": (
            "Hiện {shown} cơ quan có nhiều nhiệm vụ nhất trong số {total} cơ quan có nhiệm vụ."
        ),
    },
    "en": {
        "search": "Find a node…",
        "find": "Find",
        "legend": "Legend",
        "site_nav": "Site navigation",
        "not_found": "Not found",
        "nodes": "nodes",
        "edges": "edges",
        "type": "Type",
        "quote": "Quote",
        "source": "Source",
        "collapsed": "Collapsed",
        "dependencies": "Plan dependencies",
        "agency": "Agency",
        "agencies": "Agencies overview",
        "alignment": "Target alignment",
        "lead": "lead",
        "coordinates": "coordinates",
        "implements": "implements",
        "assigns": "assigns",
        "sets": "sets target",
        "succeeded_by": "succeeded by",
        "indicator": "indicator",
        "aligns": "same indicator",
        "national": "national",
        "province": "Province",
        "all_provinces": "All provinces",
        "show": "Show",
        "alignment_caption": (
            "{compared} provincial–national target pairs compared, coloured by verdict. "
            "Not drawn: {missing} national targets a province has not set (counted per "
            "province), {local} targets only a province has (see the province page)."
        ),
        "alignment_limit": "Only {shown} of {total} pairs drawn; pick a province.",
        "click_to_open": "click to show or hide",
        "open_document": "click to open the document's page",
        "documents_limit": "Only {shown} of {total} documents drawn (the top layers).",
        "leaves_limit": (
            "{total} tasks and targets, over the budget of {budget}: counts only; click a group "
            "for the document's page, or pick a lower document as root (?root=… or --root)."
        ),
        "cluster_collective": "Agencies assigned together",
        "cluster_national": "Other national bodies",
        "cluster_provincial": "Provincial (province unknown)",
        "agencies_caption": (
            "Only agencies with tasks; grouped by level and parent body (or province); "
            "sized by the tasks they lead and coordinate."
        ),
        "agencies_limit": "Showing the {shown} busiest of {total} agencies with tasks.",
    },
}

EDGE_COLOURS: dict[str, str] = {
    "implements": "#b2182b",
    "assigns": "#4393c3",
    "sets": "#1b7837",
    "lead": "#762a83",
    "coordinates": "#c2a5cf",
    "succeeded_by": "#000000",
    "indicator": "#35978f",
}


@dataclass(frozen=True)
class VerdictStyle:
    """A verdict of the alignment audit as the province scorecard shows it (the same words and
    fill colours as graph_api/static/province.css), with a darker line for edges and borders."""

    vi: str
    en: str
    fill: str
    line: str


# Keys are the audit's verdict values (graph_api.audit.alignment.Verdict), scorecard order.
VERDICTS: dict[str, VerdictStyle] = {
    "stronger": VerdictStyle("mạnh hơn", "stronger", "#b7e4c7", "#2d8a4e"),
    "equal": VerdictStyle("bằng", "equal", "#d0e2ff", "#3a6fc4"),
    "weaker": VerdictStyle("yếu hơn", "weaker", "#f8c4c4", "#c83c3c"),
    "other horizon": VerdictStyle("khác mốc thời gian", "other horizon", "#ffe8a3", "#b58900"),
    "not comparable": VerdictStyle("không so sánh được", "not comparable", "#e0e0e0", "#7a7a7a"),
}

LANGUAGES = ("vi", "en")


def words(lang: str) -> dict[str, str]:
    """The UI words in ``lang`` (Vietnamese unless English is asked for)."""
    return UI_WORDS["en" if lang == "en" else "vi"]


def node_class(types: str | None) -> str:
    """The most specific known class among space-separated type IRIs (or local names)."""
    local_names = {t.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for t in (types or "").split()}
    for name in CLASS_PRIORITY:
        if name in local_names:
            return name
    return DEFAULT_CLASS


def class_name(cls: str, lang: str) -> str:
    style = CLASS_STYLES.get(cls, CLASS_STYLES[DEFAULT_CLASS])
    return style.en if lang == "en" else style.vi


def entity_path(iri: str) -> str | None:
    """The entity page path ``/id/<kind>/<slug>`` of a policygraph IRI, else None."""
    if iri.startswith(ID_BASE):
        return "/id/" + iri[len(ID_BASE) :]
    return None


def shorten(text: str, limit: int = 48) -> str:
    """A one-line label: whitespace collapsed, cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut + "…"


def tooltip(cls: str, lang: str, label: str, facts: dict[str, object]) -> str:
    """Plain-text tooltip: type, label, key facts, then the evidence quote and its source.

    vis-network shows a string title with ``innerText``, so the text is never parsed as HTML.
    """
    ui = words(lang)
    lines = [f"{ui['type']}: {class_name(cls, lang)}", label]
    quote = facts.get("quote")
    source = facts.get("source")
    for key, value in facts.items():
        if key in ("quote", "source") or value in (None, ""):
            continue
        lines.append(f"{key}: {shorten(str(value), 160)}")
    if quote:
        lines.append(f"{ui['quote']}: “{shorten(str(quote), 300)}”")
    if source:
        lines.append(f"{ui['source']}: {source}")
    return "\n".join(lines)


FACT_NAMES: dict[str, dict[str, str]] = {
    "vi": {
        "identifier": "Số hiệu",
        "title": "Tên",
        "description": "Nội dung",
        "number": "STT",
        "lead": "Chủ trì",
        "deadline": "Thời hạn",
        "indicator": "Chỉ số",
        "value": "Giá trị",
        "unit": "Đơn vị",
        "year": "Năm",
        "scope": "Phạm vi",
        "level": "Cấp",
        "place": "Địa bàn",
        "lead_tasks": "Số nhiệm vụ chủ trì",
        "coordinated_tasks": "Số nhiệm vụ phối hợp",
        "document": "Văn bản",
        "comparator": "So sánh",
        "statement": "Nội dung định tính",
        "verdict": "Đánh giá",
        "parent": "Trực thuộc",
    },
    "en": {
        "identifier": "Number",
        "title": "Title",
        "description": "Text",
        "number": "No.",
        "lead": "Lead",
        "deadline": "Deadline",
        "indicator": "Indicator",
        "value": "Value",
        "unit": "Unit",
        "year": "Year",
        "scope": "Scope",
        "level": "Level",
        "place": "Place",
        "lead_tasks": "Tasks led",
        "coordinated_tasks": "Tasks coordinated",
        "document": "Document",
        "comparator": "Comparator",
        "statement": "Qualitative statement",
        "verdict": "Verdict",
        "parent": "Part of",
    },
}

COMPARATOR_SIGNS = {
    "gt": ">",
    "gte": "≥",
    "eq": "=",
    "approx": "≈",
    "lte": "≤",
    "lt": "<",
    "range": "",
}


def fact_name(key: str, lang: str) -> str:
    return FACT_NAMES["en" if lang == "en" else "vi"].get(key, key)
