"""Targets read in the context around them: the horizon an earlier sentence of the paragraph
gave ("Đến năm 2030 …"), ranks that share one topic list, the document the paragraph opens
with, and captions repeating the body.

"Việt Nam thuộc nhóm 3 nước dẫn đầu Đông Nam Á, nhóm 50 nước đứng đầu thế giới về năng lực
cạnh tranh số và chỉ số phát triển Chính phủ điện tử" sets four targets: each rank applies to
each topic after the last "về", and a rank with no "về" of its own takes the next one's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.extract.context import ExtractionContext
from ingest.extract.target_ranks import AMONG_PROVINCES
from ingest.model import DocumentRef, TargetFact
from ingest.resolve import Catalogue, resolve_indicator
from ingest.resolve.measure_words import money_per_head
from ingest.text.numbers import Quantity

# "năm" may be left out: "mục tiêu cơ bản là đến 2025, bao gồm: …"
# "Theo đó, đến năm 2025, …", "Theo kế hoạch, đến cuối năm 2025, …": a short lead-in may come
# first
_HORIZON = re.compile(
    r"^\W*(?:(?:theo (?:đó|kế hoạch)|cụ thể|trong đó)\s*,?\s*)?(?:mục tiêu\s+)?(?:đến|tới)"
    r"(?:\s+(?:hết|cuối))?\s+(?:năm\s+)?((?:20|21)\d\d)\b",
    re.IGNORECASE,
)


def heading_year(sentence_text: str) -> int | None:
    """The horizon a sentence opens with ("Đến năm 2030 hoàn thiện …", "Mục tiêu đến năm
    2030: …"): it holds for the rest of the paragraph. Taken from the text around the target
    (small and local), not from a document tree."""
    match = _HORIZON.search(sentence_text)
    return int(match.group(1)) if match else None


# "Đại hội thống nhất các mục tiêu, chỉ tiêu phát triển của tỉnh đến năm 2030, trong đó …",
# "một số mục tiêu được điều chỉnh trong năm 2025 như: …",
# "Cụ thể, phấn đấu đến năm 2025 hạ tầng …": a goal stated for a year anywhere in a sentence
# "Kế hoạch đặt mục tiêu năm 2025, …", "mục tiêu cụ thể năm 2023 về hạ tầng số, …": a goal
# named with its year, "năm" straight after "mục tiêu (cụ thể)"
_GOAL_HORIZON = re.compile(
    r"(?:mục tiêu|chỉ tiêu|phấn đấu)[^.;:]{0,100}?"
    r"(?:(?:đến|tới)(?:\s+hết)?\s+năm|trong\s+năm|(?:đến|tới))\s+((?:20|21)\d\d)\b"
    r"|(?:mục tiêu|chỉ tiêu)(?:\s+(?:cụ thể|chung|chính|chủ yếu))?\s+năm\s+((?:20|21)\d\d)\b"
    r"(?!\s*[-–]\s*\d)"
    # "Với mục tiêu …, trong giai đoạn 2026 - 2027, Bộ phấn đấu …": a stage's goals are due by
    # its end
    r"|(?:mục tiêu|chỉ tiêu|phấn đấu)[^.;:]{0,100}?giai đoạn\s+(?:20|21)\d\d\s*[-–]\s*"
    r"((?:20|21)\d\d)\b",
    re.IGNORECASE,
)


def goal_horizon(sentence_text: str) -> int | None:
    """The year a sentence sets its goals for ("… các mục tiêu, chỉ tiêu … đến năm 2030, trong
    đó …"): the sentences after it in the paragraph ("Tỉnh cũng đặt mục tiêu đón …; 100% trạm y
    tế …") state figures for the same horizon unless they give their own."""
    match = _GOAL_HORIZON.search(sentence_text)
    return int(match.group(1) or match.group(2) or match.group(3)) if match else None


# "Ngoài ra, thành phố hướng tới đạt …", "Cùng đó, phấn đấu …": a paragraph that goes on with
# the list before it
# "Khi đó, 100% hồ sơ …", "Về chính quyền số, 100% …", "Đối với xã hội số, có ít nhất 40% …":
# the time the paragraph before set, or the next field of the same list of goals ("Về kết quả,
# …", "Về tình hình …," open results instead)
_CONTINUES = re.compile(
    r"^\W*(?:ngoài ra|bên cạnh đó|cùng (?:với )?đó|song song (?:với )?đó|đồng thời|thêm vào đó"
    r"|mặt khác|khi đó|lúc đó"
    r"|(?:về|đối với|trong lĩnh vực)\s+(?!kết quả|thực trạng|tình hình)[^\d.;:,]{3,100},)",
    re.IGNORECASE,
)
# "100% người dân trưởng thành có …" as a paragraph of its own: the next item of a list of goals
_FIGURE_FIRST = re.compile(
    r"^\W*(?:tối thiểu|ít nhất|trên|hơn|khoảng)?\s*\d[\d.,]*\s*%\s*[^\W\d_]", re.IGNORECASE
)
# "Tỉnh phấn đấu kinh tế số chiếm 30% GRDP; …": a paragraph whose subject (the place, at most
# a few words) goes on setting goals
_GOES_ON_GOALS = re.compile(
    r"^\W*(?:(?:tỉnh|thành phố|huyện|xã|[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){0,3})"
    r"\s+(?:cũng\s+|tiếp tục\s+)?)?(?i:phấn đấu|đặt mục tiêu|hướng tới|hướng đến)\b"
)


# "Trung tâm … phải tiếp nhận tối thiểu 80% hồ sơ trực tuyến, …, cùng thời hạn hoàn thành.": a
# figure given the same deadline as the one before goes on with that list
_SAME_DEADLINE = re.compile(r"\bcùng (?:thời hạn|thời điểm|mốc thời gian)\b", re.IGNORECASE)


def continues_list(paragraph_text: str) -> bool:
    """Whether a paragraph opens by continuing the one before ("Ngoài ra, …", "Bên cạnh đó, …",
    "Khi đó, …", "Về kinh tế số, …"), opens with a figure as the next item ("100% người dân …")
    or goes on with the same subject's goals ("Tỉnh phấn đấu …"): after a paragraph of goals,
    its figures are goals too and keep the horizon the paragraph before set."""
    return bool(
        _CONTINUES.match(paragraph_text)
        or _FIGURE_FIRST.match(paragraph_text)
        or _GOES_ON_GOALS.match(paragraph_text)
        or _SAME_DEADLINE.search(paragraph_text)
    )


def is_caption(paragraph_text: str) -> bool:
    """Whether a paragraph is a photo caption or credit (it interrupts a list, it ends none)."""
    return bool(_CAPTION.search(paragraph_text))


_TOPIC = re.compile(r"\bvề\s+([^;.]+)")


def rank_topics(sentence_text: str, rank_end: int) -> list[str]:
    """The topics ("về A và B") a rank ending at ``rank_end`` of the sentence is counted on."""
    match = _TOPIC.search(sentence_text, rank_end)
    if not match or ";" in sentence_text[rank_end : match.start()]:
        return []
    topic = re.split(r",\s*(?:trung tâm|nhóm|tối thiểu)|\s+(?:để|nhằm)\s", match.group(1))[0]
    # "… dẫn đầu cả nước về chuyển đổi số năm 2025": the year ends the span, it is no topic
    topic = re.sub(r"\s+(?:(?:đến|tới|vào|trong)\s+)?năm\s+(?:19|20)\d\d\b.*$", "", topic)
    return [part.strip(" ,") for part in re.split(r"\s+và\s+", topic) if part.strip(" ,")]


_TOPIC_YEAR = re.compile(
    r"\s+(?:(?:đến|tới|vào|trong)\s+)?(?:năm\s+)?(?:20|21)\d\d\s*$", re.IGNORECASE
)


def split_rank(
    fact: TargetFact,
    topics: list[str],
    catalogue: Catalogue,
    provincial: bool,
    among_provinces: bool = False,
) -> list[TargetFact]:
    """One target per curated rank indicator among ``topics``; the fact itself when fewer."""
    keys: list[tuple[str, str]] = []
    for topic in topics:
        measure = _TOPIC_YEAR.sub("", topic)  # "về chuyển đổi số năm 2025": the rank's horizon
        key = resolve_indicator(
            measure, "thứ bậc", catalogue, provincial=provincial, among_provinces=among_provinces
        )
        entry = catalogue.indicators.get(key) if key else None
        if key and entry and entry.default_unit == "thứ bậc" and key not in {k for k, _ in keys}:
            keys.append((key, topic))
    if len(keys) < 2:
        if len(keys) == 1 and fact.indicator_key is None:
            return [replace(fact, indicator_key=keys[0][0])]
        return [fact]
    prefix = re.split(r"\s+về\s+", fact.indicator_text)[0]
    return [
        replace(fact, indicator_key=key, indicator_text=f"{prefix} về {topic}")
        for key, topic in keys
    ]


# What a rank clause may say besides its measure: its year, the ranking verb, the group
_RANK_FRAME = re.compile(
    r"\b(?:(?:đến|tới|vào|trong)\s+)?(?:(?:hết|cuối)\s+)?(?:năm\s+)?(?:20|21)\d\d\b"
    r"|\b(?:phấn đấu|tỉnh|thuộc|nằm trong|vào|đứng|trong|top|nhóm|và)\b|[,:]",
    re.IGNORECASE,
)


def rank_measure(
    text: str,
    q: Quantity,
    sentence_start: int,
    previous: TargetFact | None,
    catalogue: Catalogue,
    provincial: bool,
) -> str | None:
    """The ranking a rank counts when the words before its figure name none: the index that
    opens its clause ("Chỉ số đổi mới sáng tạo toàn cầu không ngừng cải thiện, thuộc nhóm 40 quốc
    gia …"), else — a clause that names nothing but its year ("…; đến năm 2030 thuộc nhóm 10
    tỉnh, thành phố dẫn đầu") — the ranking of the rank before it in the sentence."""
    clause_start = max(text.rfind(";", sentence_start, q.start) + 1, sentence_start)
    clause = text[clause_start : q.start]
    among = bool(AMONG_PROVINCES.match(text, q.end))
    key = resolve_indicator(
        clause, "thứ bậc", catalogue, provincial=provincial, among_provinces=among
    )
    if key:
        return key
    elided = not _RANK_FRAME.sub(" ", clause).strip()
    if elided and previous is not None and previous.unit == "thứ bậc":
        return previous.indicator_key
    return None


# What introduces the document that sets what follows: "Theo dự thảo Đề án …", "Đối với Đề án …"
_LEAD_IN = re.compile(
    r"\s*(?:[-+•*]\s*)?(?:theo|đối với|với|trong)(?:\s+(?:dự thảo|nội dung))?\s*",
    re.IGNORECASE,
)
_SETTING_TYPES = {"Project", "Plan", "Programme", "ActionProgramme", "Strategy", "Scheme"}


def named_in_paragraph(context: ExtractionContext, text: str, figure: int) -> DocumentRef | None:
    """The plan or project that opens the target's paragraph or sentence ("Theo dự thảo Đề án
    phát triển nguồn nhân lực …, tỉnh đặt mục tiêu đào tạo 2.500 kỹ sư", "Đối với Đề án …"):
    it, not the last document named before, sets the target. A document named in passing
    (one to be issued, one implemented) does not."""
    start = text.rfind("\n", 0, figure) + 1
    sentence_start = max(text.rfind(". ", start, figure) + 2, start)
    implemented = {ref.key for fact in context.documents for ref in fact.implements}
    own = {fact.ref.key for fact in context.documents}
    named = [
        ref
        for begin, _end, ref in context.document_mentions
        if start <= begin < figure
        and (
            _LEAD_IN.fullmatch(text[start:begin]) or _LEAD_IN.fullmatch(text[sentence_start:begin])
        )
        and ref.key in own
        and ref.key not in implemented
        and ref.doc_type in _SETTING_TYPES
    ]
    return named[-1] if named else None


# A photo caption or credit line: "(Ảnh: cand.com.vn)", "Ảnh: …", "Nguồn ảnh: …".
# A caption may also end with its credit: "… kinh phí chi cho R&D đạt 2% GDP. Ảnh minh họa."
# "… trên nền tảng VNeID trong năm 2026. Ảnh: Mộc Trà": a caption ending with its credit
_CAPTION = re.compile(
    r"(?:^|\()\s*(?:Ảnh|Nguồn ảnh|Ảnh minh họa|Ảnh minh hoạ)\s*:"
    r"|(?:^|[.(])\s*Ảnh minh h(?:ọa|oạ)\s*\.?\)?\s*$"
    r"|[.!?]\s+(?:Ảnh|Nguồn ảnh)\s*:\s*[^.:;\n]{1,60}$",
    re.IGNORECASE,
)


def _paragraph(original: str, offset: int) -> str:
    start = original.rfind("\n", 0, offset) + 1
    end = original.find("\n", offset)
    return original[start : end if end >= 0 else len(original)]


def _same_target(fact: TargetFact) -> tuple[object, ...]:
    indicator = fact.indicator_key or " ".join(fact.indicator_text.lower().split())
    return (indicator, fact.value, fact.upper_value, fact.comparator, fact.unit, fact.year,
            fact.scope, fact.set_by.key if fact.set_by else None)  # fmt: skip


# "Đến năm 2030, TP.HCM phấn đấu kinh tế số đóng góp khoảng 40% GRDP": a subheading, a short
# line with no closing punctuation, restating the paragraph under it
_SUBHEADING_WORDS = 20


def _is_subheading(paragraph: str) -> bool:
    words = paragraph.split()
    return 0 < len(words) <= _SUBHEADING_WORDS and not re.search(r"[.!?;:…)]\s*$", paragraph)


def _is_display(original: str, offset: int) -> bool:
    """Whether ``offset`` lies in a photo caption, a subheading or a headline (a short first
    line): a target there that the body also states is the body's."""
    paragraph = _paragraph(original, offset)
    if _CAPTION.search(paragraph) or _is_subheading(paragraph):
        return True
    first = re.search(r"[^\n]*\S[^\n]*", original)
    return bool(first) and offset < first.end() and len(first.group().split()) <= 40


# "Thanh An 09/09/2024 10:16": a byline with the date and time between headline and sapo
_BYLINE = re.compile(r"^[^\n]{0,60}\b\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2})?\s*$")


def _in_opening(original: str, offset: int, past_byline: bool = False) -> bool:
    """Whether ``offset`` lies in a news text's headline or sapo (its first two paragraphs; with
    ``past_byline``, a byline between them not counted)."""
    paragraphs = [
        p
        for p in re.finditer(r"[^\n]*\S[^\n]*", original)
        if not (past_byline and _BYLINE.match(p.group()))
    ][:2]
    return bool(paragraphs) and offset < paragraphs[-1].end()


def _same_figure(fact: TargetFact) -> tuple[object, ...]:
    """What a headline or sapo repeats of a body target: the measure and its figure (the scope
    and the setting document the body's context gives may be missing from the opening)."""
    indicator = fact.indicator_key or " ".join(fact.indicator_text.lower().split())
    twin = indicator.removesuffix("-local").replace("-grdp", "-gdp")  # the national twin
    # the comparator is left out: a headline rounds it ("đóng góp khoảng 10% …" for the body's
    # "chiếm 10% GRDP")
    # "133 triệu đồng/người" in the headline for the body's "133 triệu đồng/năm": one rate
    unit = "money per head" if money_per_head(fact.unit) else fact.unit
    return (twin, fact.value, fact.upper_value, fact.year, unit)


def _announces(fact: TargetFact, body_figures: set[tuple[object, ...]]) -> bool:
    """Whether a headline or sapo figure repeats a body figure; a bare "%" there ("khoảng 10%
    tổng sản phẩm nội địa") may stand for the body's "% GRDP"."""
    figure = _same_figure(fact)
    if figure in body_figures:
        return True
    return fact.unit == "%" and any(body[:4] == figure[:4] for body in body_figures)


def drop_repeats(facts: list[TargetFact], original: str) -> list[TargetFact]:
    """One target where a headline, sapo or photo caption repeats the body's ("Bình Dương phấn
    đấu đến năm 2030, tỷ lệ doanh nghiệp … đạt 40%. (Ảnh: cand.com.vn)"; "Bố trí ít nhất 3% ngân
    sách cho khoa học công nghệ" as headline, sapo and last paragraph): the body's reading is
    kept and the repeats dropped. Equal targets both in the body are left alone."""
    body: dict[tuple[object, ...], TargetFact] = {}
    body_figures: set[tuple[object, ...]] = set()
    later: set[tuple[object, ...]] = set()  # the figures the body states after a sapo
    for fact in facts:
        if fact.value is not None and not _is_display(original, fact.evidence.start):
            body.setdefault(_same_target(fact), fact)
            if not _in_opening(original, fact.evidence.start):
                body_figures.add(_same_figure(fact))
            if not _in_opening(original, fact.evidence.start, past_byline=True):
                # the body may name the setting document where the sapo does not; a sapo saying
                # "trên 90%" for the body's "90%" is kept
                later.add((*_same_figure(fact), fact.comparator))
    kept, seen = [], set()
    for fact in facts:
        key = _same_target(fact)
        display = fact.value is not None and _is_display(original, fact.evidence.start)
        opening = fact.value is not None and _in_opening(original, fact.evidence.start)
        if display and (key in body or key in seen):
            continue  # a caption or headline repeating a target read elsewhere
        if (display or opening) and _announces(fact, body_figures):
            continue  # a headline or sapo announcing a figure the body states
        sapo = fact.value is not None and _in_opening(original, fact.evidence.start, True)
        if sapo and not opening and (*_same_figure(fact), fact.comparator) in later:
            continue  # a sapo after a byline ("Thanh An 09/09/2024 10:16") stating a body target
        if display:
            seen.add(key)
        kept.append(fact)
    return kept
