"""Targets in lists and results: what a list of figures inherits and what is no target.

A list may state its targets without a cue word, after a paragraph that sets goals ("Đại hội
xác định giai đoạn 2025-2030 …" then "Tốc độ tăng trưởng … bình quân đạt 10%. Quy mô GRDP …");
a quantifier opening a list ("Có hơn 30 DN KH-CN, 300 cán bộ …, 50 DN …") governs its items;
a figure in a clause of results ("đã đạt", "ước đạt", "so với cùng kỳ") is no target, though a
goal set in the past ("đã đặt rõ mục tiêu") still is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.extract.context import ExtractionContext
from ingest.extract.sentences import Span
from ingest.extract.target_phrases import is_noun_phrase, starts_list_item
from ingest.extract.target_placing import placing
from ingest.extract.target_years import paired_year
from ingest.model import SourceText, TargetFact
from ingest.resolve import resolve_indicator
from ingest.text.numbers import Quantity, find_quantities

RESULT = re.compile(
    r"ước đạt|đã đạt|đạt được|tăng hơn gấp|gấp \d|liên tiếp vượt|so với cùng kỳ|"
    r"(?<!đến )(?<!tới )năm \d{4} là|"
    r"\bđã\b|lên gần|từ trên|tính đến|đến nay|hiện nay|hiện có|thời gian qua|những năm qua|"
    # "chỉ đạt" = "only reached", not "chứng chỉ đạt" ("lao động … có bằng cấp, chứng chỉ đạt …")
    r"(?<!viên )(?<!nghiệp )mới đạt|(?<!chứng )(?<!địa )chỉ đạt|so với năm trước|"
    r"so với cùng thời điểm|"
    r"tăng \d+(?:,\d+)?% so với",
    re.IGNORECASE,
)
# "Văn kiện Đại hội … đã đặt rõ mục tiêu …", "Trung ương đã đề ra": goals set in the past are
# still goals; "đã" there is no result, nor in "đã đặt ra 6 mục tiêu cụ thể (…)": a count of them
# "Tỉnh … đã xây dựng Kế hoạch chuyển đổi số với … mục tiêu đến 2025, 80% …": a plan adopted in
# the past with its goals
_GOAL_SET = re.compile(
    r"đã\s+(?:đặt(?:\s+(?:ra|rõ))?|đề ra|xác định|nêu rõ|thông qua|thống nhất)\s+"
    r"(?:các\s+|\d{1,3}\s+)?(?:mục tiêu|chỉ tiêu)"
    r"|đã\s+(?:xây dựng|ban hành|phê duyệt|thông qua)\s+(?:kế hoạch|đề án|chương trình)\b"
    r"[^.;:%]{0,80}?\b(?:với|có|đặt|đề ra)\s+(?:các\s+|một số\s+)?(?:mục tiêu|chỉ tiêu)",
    re.IGNORECASE,
)
# A paragraph that sets out goals, so that a paragraph of bare figures after it lists them
LIST_LEAD = re.compile(r"mục tiêu|chỉ tiêu|xác định|phấn đấu|đề ra|tầm nhìn", re.IGNORECASE)


# A clause of a figure list: up to ";" or to a comma before the next figure ("Trên 90% doanh
# nghiệp …, trên 30% doanh nghiệp …")
_CLAUSE = re.compile(r"(?:[^;,]|,(?!\s*(?:trên|hơn|khoảng|dưới)?\s*\d))+")


def is_figure_list(text: str, spans: list[Span]) -> bool:
    """A paragraph of two or more clauses, each stating a figure and none a result ("Tốc độ
    tăng trưởng … bình quân đạt 10%. Quy mô GRDP … 589.730 tỷ đồng. …", "Hằng năm, tỷ lệ … đạt
    80% trở lên; kết nạp đảng viên mới đạt từ 1.500 đến 1.600 đảng viên."): after a paragraph
    that sets goals, a list of targets without a cue word."""
    clauses: list[tuple[int, int]] = []
    for span in spans:
        lead_in: int | None = None  # "Đồng thời, 100% …": a lead-in with no figure opens the next
        for m in _CLAUSE.finditer(span.of(text)):
            start, end = span.start + m.start(), span.start + m.end()
            if not m.group().strip():
                continue
            short = len(m.group().split()) <= 4 and text[end : end + 1] == ","
            if lead_in is None and short and not find_quantities(m.group()):
                lead_in = start
                continue
            clauses.append((start if lead_in is None else lead_in, end))
            lead_in = None
        if lead_in is not None:
            clauses.append((lead_in, span.end))
    if len(clauses) < 2:
        return False
    return all(
        find_quantities(text[start:end]) and not is_result(text, start, end)
        for start, end in clauses
    )


def is_result(text: str, start: int, end: int) -> bool:
    """Whether the clause before a figure reports a result ("đã đạt", "ước đạt" …), a goal set
    in the past ("đã đặt rõ mục tiêu") excepted."""
    return any(
        not (match.group().lower() == "đã" and _GOAL_SET.match(text, match.start()))
        for match in RESULT.finditer(text, start, end)
    )


# "Có hơn 30 DN KH-CN, …": "there are more than" opens the list
_THERE_ARE = re.compile(r"\bcó\s*$", re.IGNORECASE)
# "- Tối thiểu 90% hồ sơ … cấp tỉnh, 80% … cấp huyện và 60% … cấp xã": a minimum opening a
# clause governs the figures of that clause (up to its ";")
_CLAUSE_OPENING = re.compile(r"(?:.*[:;])?[\s\-–+*•]*$", re.DOTALL)
_MINIMUM = {"tối thiểu", "ít nhất"}
# "Bình Phước phấn đấu ít nhất 70% số xã …, 70% đơn vị … và 50% …": a verb whose object is the
# list, so the minimum stands before all its items (not "X đạt tối thiểu 9%", X's own minimum)
_MEASURE_AFTER = re.compile(
    r"(?:phấn đấu|\bcó|bảo đảm|đảm bảo|mục tiêu là|\blà)\s*$", re.IGNORECASE
)


def list_quantifier(text: str, sentence: Span, q: Quantity, governing: str | None) -> str | None:
    """The comparator a list's opening quantifier gives its later items ("Có hơn 30 DN KH-CN,
    300 cán bộ …, 50 DN …": each "more than"), or None when ``q`` opens no such list and
    ``governing`` is not carried to it."""
    if q.comparator_word in ("hơn", "trên") and _THERE_ARE.search(text, sentence.start, q.start):
        return q.comparator
    before = text[sentence.start : q.start]
    word = (q.comparator_word or "").lower()
    if (
        word in _MINIMUM
        and q.comparator == "gte"
        and (_CLAUSE_OPENING.fullmatch(before) or _MEASURE_AFTER.search(before))
    ):
        return "gte"
    if governing and paired_year(text, sentence.start, q.start):
        return governing  # "(năm 2030 đạt 100%)" is the item's later level, not a new item
    plain = q.comparator == "eq" and not q.comparator_word
    if governing and plain and starts_list_item(before):
        if governing == "gte" and before.rstrip().endswith(";"):
            return None  # the minimum's clause has ended
        return governing
    return None


# "trình độ, năng lực công nghệ … của doanh nghiệp đạt mức khá của cả nước": a level as target
_LEVEL = re.compile(
    r"\s(?:đạt|ở|lên)\s+"
    r"(mức\s+(?:khá|tiên tiến|trên trung bình|trung bình khá|trung bình|cao|tốt|xuất sắc)"
    r"(?:\s+(?:của|trong|so với)\s+(?:cả nước|khu vực|thế giới|toàn quốc))?)(?=[\s.,;…]|$)",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r".*(?:[;:]|\.\s|^)\s*", re.DOTALL)


@dataclass(frozen=True)
class Level:
    """A qualitative target: what reaches the level, the level, where the clause lies."""

    indicator: str
    statement: str
    start: int
    end: int


def qualitative_levels(text: str, sentence: Span) -> Iterator[Level]:
    """The "X đạt mức khá" clauses of a sentence that state no figure: X is the indicator (a
    whole noun phrase, else nothing is read), "mức khá …" the statement."""
    for match in _LEVEL.finditer(text, sentence.start, sentence.end):
        head_start = text.rfind(";", sentence.start, match.start()) + 1 or sentence.start
        head_start = max(head_start, sentence.start)
        clause = text[head_start : match.end()]
        if find_quantities(clause):
            continue  # "đạt mức tiên tiến trong nhóm 5 địa phương": the figure is the target
        head = text[head_start : match.start()].strip(" ,-–")
        head = re.sub(r"^(?:phấn đấu|tiến tới|hướng tới|mục tiêu)\s+", "", head, flags=re.I)
        if not is_noun_phrase(head) or len(head.split()) > 20:
            continue
        start = head_start + text[head_start:].find(head)
        yield Level(head, match.group(1), start, match.end())


def qualitative_targets(
    text: str, sentence: Span, year: int | None, source: SourceText, context: ExtractionContext
) -> list[TargetFact]:
    """Targets stated as a level, not a figure ("… của doanh nghiệp đạt mức khá của cả nước"):
    kept with their statement, no value, so the audit never compares them as numbers."""
    facts = []
    for found in qualitative_levels(text, sentence):
        set_by, national = placing(text, found.start, sentence, source, context)
        facts.append(
            TargetFact(
                indicator_text=found.indicator,
                evidence=source.evidence(found.start, found.end),
                indicator_key=resolve_indicator(
                    found.indicator, None, context.catalogue, provincial=not national
                ),
                year=year,
                scope="viet-nam" if national else context.province,
                set_by=set_by,
                qualitative=found.statement,
            )
        )
    return facts
