"""Targets in prose: an indicator, a value with its comparator and unit, a year, a scope.

A quantity is a target when its sentence, paragraph or section speaks of goals ("mục tiêu",
"phấn đấu", "đến năm 2030", "dự kiến", "Tầm nhìn") and not of results ("ước đạt", "đã đạt",
"tăng hơn gấp đôi"). The year is the one written with the figure ("45% (năm 2025)"), else the
last "năm YYYY"/"năm học YYYY-YYYY" before it in the sentence, else the section's. Ranks
("nhóm 10 … dẫn đầu", "Top 7") are values with comparator lte and unit "thứ bậc". This module
walks the text and assembles each target; the unit, year, rank and result rules live in
``target_units``, ``target_years``, ``target_ranks`` and ``target_results``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace

from ingest.extract.context import ExtractionContext
from ingest.extract.sentences import Span, paragraphs, sentence_at, sentences
from ingest.extract.target_context import (
    continues_list,
    drop_repeats,
    goal_horizon,
    heading_year,
    is_caption,
    rank_measure,
    rank_topics,
    split_rank,
)
from ingest.extract.target_lists import (
    LIST_LEAD,
    RESULT,
    is_figure_list,
    is_result,
    list_quantifier,
    qualitative_targets,
)
from ingest.extract.target_phrases import (
    YEAR_ITEM,
    after_phrase,
    contribution_label,
    coverer,
    indicator_label,
    indicator_phrase,
    path_measure,
    shares_of,
    starts_list_item,
    year_path_measure,
)
from ingest.extract.target_placing import placing
from ingest.extract.target_ranks import (
    AMONG_CITIES,
    AMONG_PROVINCES,
    RANK_BEFORE,
    RANK_SCOPE,
    RANK_TAIL,
    one_of_label,
    one_of_leaders,
    rank_aware_key,
    rank_phrase,
    rank_scope,
    with_later_measure,
)
from ingest.extract.target_respective import respective_figures, respective_target, shifted
from ingest.extract.target_results import is_equivalent, reports_past
from ingest.extract.target_units import (
    NOT_A_COUNT_BEFORE,
    OWN_AGENDA,
    TIME_UNITS,
    count_unit,
    whole_of,
)
from ingest.extract.target_years import (
    plan_year,
    sections,
    sentence_deadline,
    tree_section,
    year_of,
)
from ingest.model import SourceText, TargetFact
from ingest.text.numbers import Quantity, find_quantities

_GOAL = re.compile(
    r"mục tiêu|phấn đấu|chỉ tiêu|hướng đến|hướng tới|dự kiến|tầm nhìn|đề ra|đặt ra|(?:đến|tới) "
    r"năm \d{4}|"
    r"tối thiểu|ít nhất|bảo đảm|đảm bảo|thu hút|bố trí|nhằm|kế hoạch|sẽ|bắt đầu từ",
    re.IGNORECASE,
)
_INDEX_BEFORE = re.compile(r"(?:chỉ số|HDI|\bPII\b|\bDTI\b)[^;.]{0,40}$", re.IGNORECASE)
# "năm 2026 đạt 60%, năm 2030 đạt 90%", "…; đến tháng 12/2021 đạt tỷ lệ là 100%": the words
# before the second value are only its year (or month) and the same rate
_YEAR_ONLY = re.compile(
    r"(?:và\s+)?(?:(?:đến|tới|vào|trong)\s+)?(?:năm\s+\d{4}|tháng\s+\d{1,2}\s*/\s*\d{4})\s*"
    r"(?:đạt(?:\s+(?:tỷ|tỉ) lệ)?(?:\s+là)?|là|phấn đấu đạt|:)?\s*",
    re.IGNORECASE,
)
# What a clause says it will do, as opposed to a verb that may report a result ("thu hút")
_INTENT = re.compile(
    r"dự kiến|\bsẽ\b|phấn đấu|mục tiêu|chỉ tiêu|(?:đến|tới) năm|nhằm|kế hoạch", re.IGNORECASE
)
# "… ít nhất 3% ngân sách … và tiếp tục nâng tỷ lệ lên 2% GDP": the same measure, raised
_RAISE_SAME = re.compile(
    r"(?:và\s+)?(?:tiếp tục\s+)?(?:nâng|tăng)\s+(?:tỷ lệ|tỉ lệ)(?:\s+này)?(?:\s+lên)?",
    re.IGNORECASE,
)
# "hoàn thành 100% các chỉ tiêu … ở thời điểm hiện tại": a figure stated as of now is a result
_AS_OF_NOW = re.compile(
    r"(?:ở|tại|đến) thời điểm (?:hiện tại|này)|tính đến thời điểm|hiện ở mức", re.IGNORECASE
)
_FOR_LEVEL = re.compile(r"(?:^|\s)đối với\s+(?=cấp\s|khu vực\s|vùng\s)", re.IGNORECASE)
_GOAL_OPENING = re.compile(r"\b(?:với|nhằm|theo)\s+(?:các\s+)?mục tiêu\b", re.IGNORECASE)
_TAIL_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d\d)\s*$")
# Words between a figure and the phrase it counts that the label leaves out ("70% số xã")
_SKIPPED = re.compile(r"\s*(?:(?:của|các|số)\s+)*", re.IGNORECASE)


def extract(source: SourceText, context: ExtractionContext) -> Iterable[TargetFact]:
    """Targets found around quantities in goal-stating sentences."""
    text = source.normalised
    goal_sections = sections(text)
    own_year = plan_year(text)  # the year of a year plan the text opens with, else None
    facts: list[TargetFact] = []
    paragraph_spans = paragraphs(text)
    led_in = False  # whether the paragraph before set out goals ("Đại hội xác định …")
    horizon: int | None = None  # the goal year the paragraph before ended with
    goals_before = False  # whether the paragraph before stated goals
    path = ""  # the measure a lead ending with ":" announced for the year items under it
    for paragraph in paragraph_spans:
        paragraph_text = paragraph.of(text)
        # "Số xã, … hoàn thành chuyển đổi số theo từng năm, cụ thể như sau:" then "- Năm 2022: 94
        # xã, phường, thị trấn.": each year item of the path is a target of its own year
        item = YEAR_ITEM.match(paragraph_text) if path else None
        year_item = item is not None
        if not year_item and not is_caption(paragraph_text):
            lead_end = paragraph_text.rstrip().endswith(":")
            results = is_result(text, paragraph.start, paragraph.end)
            path = year_path_measure(paragraph_text) if lead_end and not results else ""
        caption = is_caption(paragraph_text)  # a photo caption interrupts a list, ends none
        in_section, section_year = goal_sections.get(paragraph.start, (False, None))
        if not in_section:  # "1.1. Mục tiêu … đến năm 2025" over "a) Về …" and its items
            in_section, section_year = tree_section(context.tree, paragraph.start)
            section_year = section_year if in_section else None
        # "Ngoài ra, thành phố hướng tới đạt …", "Khi đó, 100% …", "Về kinh tế số, …": after a
        # paragraph of goals, the same list with the same horizon
        continued = goals_before and continues_list(paragraph_text)
        paragraph_sentences = sentences(text, paragraph)
        carried_list = led_in and is_figure_list(text, paragraph_sentences)
        # "Theo đó đến 2030, … đặt mục tiêu …" then "Tốc độ tăng trưởng … đạt bình quân từ
        # 11%/năm trở lên; …": a list of bare figures carried over paragraphs keeps the horizon
        if section_year is None and (continued or carried_list):
            section_year = horizon
        goal_carry = in_section or carried_list or continued or year_item
        stated_goals = goal_carry
        # "100% bộ, ngành … . 100% bộ, ngành …" then "Trên 90% doanh nghiệp …, trên 30% …": a
        # list of bare figures after the goals goes on in the next paragraph of figures
        if not caption:
            led_in = bool(LIST_LEAD.search(paragraph_text)) or carried_list
        for sentence in paragraph_sentences:
            sentence_text = sentence.of(text)
            # "Đến năm 2030 hoàn thiện … . Bảo đảm 100% cuộc họp …": an earlier sentence of the
            # paragraph gave the horizon of the ones after it
            section_year = heading_year(sentence_text) or section_year
            goal = goal_carry or bool(_GOAL.search(sentence_text))
            goal_carry = goal_carry or bool(_GOAL.search(sentence_text))
            stated_goals = stated_goals or goal
            if not goal:
                continue
            previous: TargetFact | None = None
            previous_end = sentence.start
            governing: str | None = None  # "Có hơn 30 DN …, 300 cán bộ …": "hơn" for each
            respective = respective_figures(text, sentence)  # "A, B tương ứng x%, y%"
            for quantity in find_quantities(sentence_text):
                q = shifted(quantity, sentence.start)
                year = section_year if section_year is not None else own_year
                if q.start in respective:
                    fact = respective_target(text, respective[q.start], sentence, year, source,
                                             context)  # fmt: skip
                    facts.extend([fact] if fact else [])
                    continue
                governing = list_quantifier(text, sentence, q, governing)
                if governing and q.comparator == "eq" and not q.comparator_word:
                    q = replace(q, comparator=governing)
                year = section_year if section_year is not None else own_year
                year = int(item.group(1)) if item else year  # the path's item states its year
                fact = _target(text, q, sentence, previous, previous_end, year, source, context,
                               path if year_item else "")  # fmt: skip
                if fact and fact.unit == "thứ bậc" and not AMONG_CITIES.match(text, q.end):
                    topics = rank_topics(sentence_text, q.end - sentence.start)
                    provincial = fact.scope != "viet-nam"
                    among = bool(AMONG_PROVINCES.match(text, q.end))
                    split = split_rank(fact, topics, context.catalogue, provincial, among)
                    facts.extend(split[:-1])
                    fact = split[-1]
                    if fact.indicator_key is None:  # no measure before the figure nor after it
                        key = rank_measure(text, q, sentence.start, previous, context.catalogue,
                                           provincial)  # fmt: skip
                        fact = replace(fact, indicator_key=key)
                between = text[previous_end : q.start]
                shared = with_later_measure(previous, fact, between) if fact and previous else None
                if shared and previous:  # "… top 25 và đến năm 2030, … top 20 tỉnh … có chỉ số …"
                    facts[facts.index(previous)] = shared
                if fact:
                    facts.append(fact)
                    previous = fact
                    previous_end = source_end(source, fact)
            facts.extend(qualitative_targets(text, sentence, section_year, source, context))
            section_year = (
                goal_horizon(sentence_text) or sentence_deadline(sentence_text) or section_year
            )
        if not caption:
            horizon, goals_before = section_year, stated_goals
        elif section_year is not None:  # "… đến năm 2030, kinh phí chi cho R&D đạt 2% GDP. Ảnh
            horizon = section_year  # minh họa.": a caption may still name the list's horizon
    return drop_repeats(facts, source.original)


def share_of(unit: str | None) -> bool:
    """Whether a unit states a share ("%", "% GRDP")."""
    return bool(unit and unit.startswith("%"))


def source_end(source: SourceText, fact: TargetFact) -> int:
    """The normalised offset where a target's evidence ends."""
    # offset_map is non-decreasing: the first normalised index mapped at or after ``end``
    return bisect_left(source.offset_map, fact.evidence.end)


def _target(
    text: str,
    q: Quantity,
    sentence: Span,
    previous: TargetFact | None,
    previous_end: int,
    section_year: int | None,
    source: SourceText,
    context: ExtractionContext,
    path: str = "",
) -> TargetFact | None:
    """The target a quantity states, or None; ``path`` is the measure of the year-by-year path
    the quantity's paragraph is an item of ("- Năm 2022: 94 xã, phường, thị trấn.")."""
    before = text[max(sentence.start, q.start - 20) : q.start]
    clause_start = max(
        text.rfind(";", sentence.start, q.start),
        text.rfind(". ", sentence.start, q.start),
        sentence.start,
    )
    clause_end = min((i for i in (text.find(";", q.end), text.find(".", q.end)) if i >= 0),
                     default=sentence.end)  # fmt: skip
    # "Lực lượng Công an đã phát huy …; phát triển ứng dụng VNeID …, thu hút trung bình 1,5 triệu
    # lượt truy cập mỗi ngày; …": the clauses after a results opening report results too
    first_end = text.find(";", sentence.start, clause_start + 1)
    results_list = (
        first_end >= 0
        and is_result(text, sentence.start, first_end)
        and not _INTENT.search(text, clause_start, q.start)
    )
    # "… đã đồng bộ … 98.713.820 nhân khẩu … với mục tiêu cấp số định danh cá nhân cho 100% công
    # dân …": the goal named after the results opens the figure's own clause
    goal_opening = list(_GOAL_OPENING.finditer(text, clause_start, q.start))
    own_start = goal_opening[-1].start() if goal_opening else clause_start
    if (
        results_list
        or is_result(text, own_start, q.start)
        or RESULT.search(text[q.start : q.end + 25])
        or _AS_OF_NOW.search(text, q.end, min(clause_end, sentence.end))
    ):
        return None
    if 1900 <= q.value <= 2100 and not q.unit:
        return None
    if (
        previous
        and previous.value == q.value
        and re.fullmatch(r"[^,;()]*\s(?:cho|tại|của|trong|với)\s+", text[previous_end : q.start])
    ):
        return None  # "405 phòng … cho 405 trường": whom the target serves, not another target
    rank = RANK_BEFORE.search(text[max(sentence.start, q.start - 14) : q.start]) or (
        one_of_leaders(text, q, sentence)
    )
    comparator, unit, end = q.comparator, q.unit, q.end
    if rank:
        comparator, unit = "lte", "thứ bậc"
    elif not unit and q.value < 1 and _INDEX_BEFORE.search(text, sentence.start, q.start):
        unit = "chỉ số"  # "chỉ số phát triển con người (HDI) duy trì trên 0,7"
    elif not unit or not unit.startswith("%"):
        if NOT_A_COUNT_BEFORE.search(before):
            return None
        unit, end = count_unit(text, q)
        if not unit or unit.lower() in TIME_UNITS or OWN_AGENDA.match(text, q.start):
            return None
    if comparator == "eq" and re.search(
        r"(?:tối thiểu|ít nhất)\s+(?:có\s+)?$", before, re.IGNORECASE
    ):
        comparator = "gte"
    unit, end = whole_of(text, q, unit, end)
    year, year_end = year_of(text, q, sentence, section_year, end, unit or "")
    # a sentence stating an intent anywhere before the figure sets goals, whatever their year
    if is_equivalent(text, q.start, clause_start) or reports_past(
        text, sentence.start, q.start, year, context.reference_date
    ):
        return None
    end = max(end, year_end)
    phrase, phrase_start = indicator_phrase(text, q.start, max(previous_end, sentence.start))
    list_item = starts_list_item(text[sentence.start : q.start])
    # "25 nhiệm vụ KH-CN cấp tỉnh triển khai, 20 công trình …": the words before a list item's
    # figure end the previous item
    label = indicator_label(
        "" if list_item else phrase,
        text,
        end,
        unit,
        share=bool(unit and unit.startswith("%")),
        list_item=list_item,
        share_of=shares_of(text, sentence.start, q.start),
        covered_by=coverer(text, clause_start, q.start) if list_item else "",
    )
    after = after_phrase(text, end)
    whole = after.split(",")[0].strip()
    if after not in label and whole and label.endswith(f" trong {whole}"):
        after = whole  # "chiếm 25% tổng sản phẩm trên địa bàn GRDP, năng suất …": the whole only
    read_after = bool(after) and after in label  # the label is the phrase after the figure
    if rank:
        phrase, phrase_start = rank_phrase(text, q, sentence)
        tail = re.match(RANK_TAIL, text[q.end : sentence.end])
        end = q.end + (tail.end() if tail else 0)
        # "… nhóm 10 tỉnh, thành phố dẫn đầu cả nước về chuyển đổi số năm 2025": the year that
        # ends the rank's span is the rank's
        tail_year = _TAIL_YEAR.search(tail.group()) if tail else None
        year = int(tail_year.group(1)) if tail_year else year
    inherited_key: str | None = None
    carried = previous is not None and (
        not phrase
        or bool(_YEAR_ONLY.fullmatch(phrase) or _RAISE_SAME.fullmatch(phrase))
        or phrase.lower() in {"và", "hoặc"}
    )  # "khoảng 45% (năm 2025), trên 50% (năm 2030)", "20% GDP và khoảng 30% GDP vào năm 2030"
    if carried and list_item and share_of(unit) and after.startswith("có ") and not read_after:
        # "80% dân số trưởng thành có định danh điện tử VNeID và 50% có chữ ký số cá nhân": the
        # same population with another attribute, a measure of its own
        label, read_after, carried = f"tỉ lệ {after}", True, False
    start = min(phrase_start, q.start) if phrase and not (list_item and read_after) else q.start
    if read_after and not rank:  # the quote holds what the figure counts
        after_start = text.find(after, end)
        # "ít nhất 70% số xã có hợp tác xã": the quote runs over the words the label drops
        skipped = after_start >= 0 and _SKIPPED.fullmatch(text, end, after_start)
        end = after_start + len(after) if 0 <= after_start <= end + 3 or skipped else end
    if rank and previous and previous.unit == "thứ bậc" and re.search(r"\bnày\b", phrase):
        # "giữ vững Top 21 của tổ chức … (ICF), đưa Bình Dương vào Top 7 tổ chức này"
        indicator_text, inherited_key = previous.indicator_text, previous.indicator_key
    elif rank is True:  # "1 trong 15 tỉnh thành phố … có chỉ số cao nhất về …"
        indicator_text = one_of_label(text, q)
    elif rank:
        indicator_text = phrase
    elif carried and previous and not ((list_item or not phrase) and read_after):
        indicator_text = previous.indicator_text
    elif (
        previous
        and list_item
        and _FOR_LEVEL.match(after)
        and _FOR_LEVEL.search(previous.indicator_text)
    ):
        # "100% hồ sơ công việc … đối với cấp tỉnh; 90% đối với cấp huyện": the same measure for
        # another level
        indicator_text = f"{_FOR_LEVEL.split(previous.indicator_text)[0].strip()} {after}"
    elif label:
        indicator_text = label
    elif contribution := contribution_label(
        phrase, unit, previous.indicator_text if previous else ""
    ):
        indicator_text = contribution  # "…, đóng góp khoảng 60-62% GRDP"
    else:
        indicator_text = ""  # no noun phrase to name the indicator: not a target we can state
    if not indicator_text and previous is None and (not phrase or _YEAR_ONLY.fullmatch(phrase)):
        # "GRDP bình quân đầu người sẽ tăng dần qua các năm: năm 2026 đạt 133,5 triệu đồng; …"
        indicator_text = path_measure(text[sentence.start : phrase_start])
    if path and (not indicator_text or indicator_text.strip() == (unit or "").strip()):
        indicator_text = path  # the item names only its unit: the lead named the measure
    if not indicator_text:
        return None
    set_by, national = placing(text, q.start, sentence, source, context)
    scope_match = RANK_SCOPE.search(text, q.end, min(sentence.end, q.end + 60)) if rank else None
    return TargetFact(
        indicator_text=indicator_text or unit or "",
        evidence=source.evidence(start, end),
        indicator_key=inherited_key
        or rank_aware_key(text, q, indicator_text, unit, context.catalogue, national, bool(rank)),
        value=q.value,
        upper_value=q.upper_value,
        comparator=comparator,
        unit=unit,
        year=year,
        scope="viet-nam" if national else context.province,
        set_by=set_by,
        rank_scope=rank_scope(text, q, sentence, scope_match) if rank else None,
    )


def sentence_of(text: str, offset: int) -> Span | None:
    """The sentence containing ``offset`` (a helper for callers quoting a target's context)."""
    return sentence_at(sentences(text), offset)
