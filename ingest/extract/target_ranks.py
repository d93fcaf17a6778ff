"""Ranks as targets ("nhóm 10 tỉnh, thành phố dẫn đầu", "Top 7"): where the rank phrase starts
and ends, and among whom the rank is counted (provinces, cities, the region, the world).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.extract.sentences import Span
from ingest.model import TargetFact
from ingest.resolve import Catalogue, resolve_indicator
from ingest.text.numbers import Quantity

AMONG_PROVINCES = re.compile(
    r"\s+(?:tỉnh,\s*thành(?: phố)?|tỉnh,\s*thành|tỉnh thành|địa phương|tỉnh)\b", re.IGNORECASE
)
# "nhóm 100 thành phố có hệ sinh thái khởi nghiệp … toàn cầu": a rank among cities is neither a
# country's place in a world index nor a province's among provinces: no curated indicator fits
AMONG_CITIES = re.compile(r"\s+(?:thành phố|đô thị)\b(?!\s*,)", re.IGNORECASE)
# The rest of a rank phrase: "nhóm 10 tỉnh, thành phố dẫn đầu" keeps its "tỉnh, thành phố"
# and a field listed after "về" ("về đổi mới sáng tạo, chuyển đổi số")
# "top 25 và đến năm 2030, … top 20 …": a "và" opening another year's rank ends the phrase
RANK_TAIL = re.compile(
    r"(?:(?!\s+và\s+(?:(?:đến|tới|vào|trong)\s+)?(?:năm\s+)?(?:20|21)\d\d\b)"
    r"(?:[^,;.]|,\s*thành(?: phố)?\b|,\s*(?=(?:chuyển đổi số|đổi mới sáng tạo|khoa học)\b)))*"
)
# "Chỉ số đổi mới sáng tạo toàn cầu (GII) đứng vị trí ≤ 30": a place is a rank too
RANK_BEFORE = re.compile(r"(?:nhóm|Top|top|TOP|\bvị trí(?: thứ)?|\bthứ hạng)\s+$")
RANK_SCOPE = re.compile(
    r"dẫn đầu\s+(thế giới|khu vực|Đông Nam Á|châu Á|cả nước|ASEAN)|(thế giới|Đông Nam Á|cả nước)"
)


# "đưa Hà Tĩnh trở thành 1 trong 15 tỉnh thành phố … có chỉ số cao nhất về …": one of the N
# provinces (or countries) that lead is a place within the first N
_ONE_OF = re.compile(r"(?:^|\s)(?:1|một)\s+trong\s+(?:số\s+)?$", re.IGNORECASE)
_AMONG_COUNTRIES = re.compile(r"\s+(?:nước|quốc gia|nền kinh tế)\b", re.IGNORECASE)
_LEADING = re.compile(r"cao nhất|dẫn đầu|tốt nhất|hàng đầu|đứng đầu", re.IGNORECASE)


def one_of_leaders(text: str, q: Quantity, sentence: Span) -> bool:
    """Whether the figure is the N of "1 trong N tỉnh, thành phố … cao nhất": a rank ≤ N."""
    if not _ONE_OF.search(text, max(sentence.start, q.start - 12), q.start):
        return False
    if not (AMONG_PROVINCES.match(text, q.end) or _AMONG_COUNTRIES.match(text, q.end)):
        return False
    # the clause may run over a line broken inside the phrase ("15 tỉnh thành\nphố …"): read
    # to its ";" or "." rather than to the line's end
    stops = [i for i in (text.find(";", q.end), text.find(".", q.end)) if i >= 0]
    return bool(_LEADING.search(text, q.end, min([q.end + 120, *stops])))


def one_of_label(text: str, q: Quantity) -> str:
    """The measure of "1 trong N tỉnh, thành phố … có chỉ số cao nhất về X": the place among
    those named, read over line breaks to the clause's end ("thứ hạng trong các tỉnh thành phố
    … có chỉ số cao nhất về Chính phủ số, kinh tế số")."""
    clause = re.match(r"[^;.]*", text[q.end : q.end + 200]).group()
    clause = re.split(r"\s+của\s+cả\s+nước|\s+trên\s+cả\s+nước", clause)[0]
    return f"thứ hạng trong các {' '.join(clause.split())}"


def rank_scope(text: str, q: Quantity, sentence: Span, scope_match: re.Match | None) -> str:
    """Among whom a rank is counted: "Đông Nam Á", "thế giới", "cả nước" — or, when no such
    word follows, the words after the number ("Top 7 tổ chức này"), so a rank is never scopeless."""
    if scope_match:
        return scope_match.group(1) or scope_match.group(2)
    if AMONG_PROVINCES.match(text, q.end):
        return "cả nước"  # "nhóm 10 tỉnh, thành phố dẫn đầu": a rank among provinces
    after = re.match(r"[^,;.()\n]{1,60}", text[q.end : sentence.end])
    words = after.group().split()[:5] if after else []
    return " ".join(words) or "không nêu"


def rank_phrase(text: str, q: Quantity, sentence: Span) -> tuple[str, int]:
    """ "nằm trong nhóm 10 địa phương dẫn đầu cả nước về X": the rank phrase from its verb."""
    head = text[sentence.start : q.start]
    verb = max(head.rfind(";"), head.rfind(","), -1) + 1
    start = sentence.start + verb
    start += len(text[start : q.start]) - len(text[start : q.start].lstrip())
    tail = re.match(RANK_TAIL, text[q.end : sentence.end])
    return text[start : q.end + (tail.end() if tail else 0)].strip(), start


# "… đến năm 2025 nằm trong top 25 và đến năm 2030, Đồng Tháp nằm trong top 20 tỉnh, thành phố
# có chỉ số chuyển đổi số tốt nhất": the earlier year's rank leaves its measure to the later one
_THEN = re.compile(r"\s*,?\s*và\b", re.IGNORECASE)


def with_later_measure(earlier: TargetFact, later: TargetFact, between: str) -> TargetFact | None:
    """A rank with no measure of its own (``earlier``) counted on the measure of the next rank
    of the same sentence, for another year, joined by "và" (``between``); else None."""
    shares = (
        earlier.unit == later.unit == "thứ bậc"
        and earlier.indicator_key is None
        and later.indicator_key is not None
        and earlier.year != later.year
        and bool(_THEN.match(between))
        and ";" not in between
    )
    if not shares:
        return None
    return replace(earlier, indicator_key=later.indicator_key, indicator_text=later.indicator_text)


def rank_aware_key(
    text: str,
    q: Quantity,
    indicator_text: str,
    unit: str | None,
    catalogue: Catalogue,
    national: bool,
    rank: bool,
) -> str | None:
    """The curated indicator of a figure; a rank is resolved among the rankings of its group."""
    if rank and AMONG_CITIES.match(text, q.end):
        return None
    return resolve_indicator(
        indicator_text,
        unit,
        catalogue,
        provincial=not national,
        among_provinces=rank and bool(AMONG_PROVINCES.match(text, q.end)),
    )
