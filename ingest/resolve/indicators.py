"""Indicators: the curated indicator a stated target measures, by name similarity and unit.

The whole indicator phrase is compared with every label and altLabel of the curated scheme;
a phrase that fits none stays unresolved (``None``) and becomes a candidate for review, never
a guess. National and provincial counterparts (``…-gdp``/``…-grdp``, ``x``/``x-local``) are
told apart by what the text says ("GRDP", "của tỉnh", "trên địa bàn") or, failing that, by
the target's scope.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ingest.resolve.catalogue import Catalogue, IndicatorEntry
from ingest.resolve.measure_words import count_penalty, money_per_head, provinces_penalty
from ingest.resolve.measure_words import penalty as measure_penalty
from ontology.text_keys import name_key, unit_words_key


@lru_cache(maxsize=8192)
def _profile(text: str) -> tuple[Counter[str], int, frozenset[str]]:
    """Trigram counts, their total and the token set of a name (labels repeat across calls)."""
    padded = f"  {' '.join(name_key(text))} "
    grams = Counter(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams, sum(grams.values()), frozenset(name_key(text))


# Short forms of measures a plan writes once spelt out ("Tỷ trọng KTS đạt 20% GDP"): compared
# as the words they stand for, on both sides, so "KTS" meets "kinh tế số" in any label
_SHORT_FORMS = {"KTS": "kinh tế số", "TMĐT": "thương mại điện tử", "CĐS": "chuyển đổi số"}
_SHORT_FORM = re.compile(r"\b(" + "|".join(_SHORT_FORMS) + r")\b")


def _spelt_out(text: str) -> str:
    return _SHORT_FORM.sub(lambda m: _SHORT_FORMS[m.group(1)], text)


def name_key_text(text: str) -> str:
    """A name's key words joined, so one name can be looked for inside another."""
    return f" {' '.join(name_key(text))} "


def _similarity(query: str, label: str) -> float:
    query, label = _spelt_out(query), _spelt_out(label)
    (a, a_total, qa), (b, b_total, la) = _profile(query), _profile(label)
    overlap = sum((a & b).values())
    trigram = 2 * overlap / (a_total + b_total or 1)
    token = len(qa & la) / (len(la) or 1)
    return 0.5 * trigram + 0.5 * token


# "kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 15%": a share within each of several
# wholes is another measure than the share those wholes take together
_EACH = re.compile(r"\btrong\s+(?:từng|mỗi)\b", re.IGNORECASE)
# "100% bộ, ngành, địa phương ban hành … kế hoạch phát triển kinh tế số": a share of the bodies
# that act, not the measure they act on (the digital economy's share of GDP, cashless payments)
_BODIES = re.compile(r"\bbộ,\s*ngành\b", re.IGNORECASE)
# "người dân và doanh nghiệp hài lòng về việc giải quyết thủ tục hành chính": what follows
# "về (việc)"/"đối với" is what the measured people are asked about, not what is measured
_ABOUT = re.compile(r"\s(?:về việc|về|đối với)\s", re.IGNORECASE)
# "dịch vụ công trực tuyến toàn trình có ứng dụng AI hỗ trợ người dân, doanh nghiệp": whom a
# service serves closes the phrase; it says nothing of what is measured (no use by those people)
_SERVED = re.compile(
    r"\s+(?:hỗ trợ|phục vụ)\s+(?:cho\s+)?(?:người dân|doanh nghiệp|người dùng|cá nhân|tổ chức)"
    r"\b.*$",
    re.IGNORECASE | re.DOTALL,
)
_PROVINCIAL_WORDS = re.compile(r"GRDP|của tỉnh|trên địa bàn|toàn tỉnh|cấp tỉnh", re.IGNORECASE)
_NATIONAL_WORDS = re.compile(r"\bGDP\b|quốc gia|toàn quốc|cả nước", re.IGNORECASE)


def _says_national(said: str, provincial: bool | None) -> bool:
    """Whether the words name the country's measure. A province's own target written "20% GDP"
    (Nam Định's "Tỷ trọng KTS đạt 20% GDP") is its GRDP: bare "GDP" names the country only
    when the target's scope is not the province's."""
    words = {m.group().upper() for m in _NATIONAL_WORDS.finditer(said)}
    return bool(words - {"GDP"}) or ("GDP" in words and provincial is not True)


def _misses_head(text: str, labels: tuple[str, ...] | list[str]) -> bool:
    """Whether a phrase with an "about" complement ("tỉ lệ người dân … hài lòng về việc giải
    quyết thủ tục hành chính") meets a label only by the complement: its head (before "về")
    shares little with every label that has no complement of its own."""
    about = _ABOUT.search(text)
    if not about:
        return False
    head = text[: about.start()]
    return all(_similarity(head, label) < 0.35 for label in labels if not _ABOUT.search(label))


# "tăng bình quân", "tăng hằng năm": the verb alone names no measure (not "tăng trưởng")
_BARE_RISE = re.compile(
    r"\s*tăng(?!\s+trưởng)(?:\s+(?:bình quân|trung bình|hằng năm|hàng năm|mỗi năm))*\s*",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"\b(DTI|PII|PCI|PAPI|GII|HDI|EGDI|SIPAS|PAR Index|TFP|TEP)\b")


def _by_acronym(text: str, unit: str | None, catalogue: Catalogue) -> str | None:
    """The indicator whose altLabel is the index acronym the text names ("Chỉ số DTI của tỉnh
    … nhóm Top 20"): an acronym names one index, however long the phrase around it."""
    found = {m.group(1) for m in _ACRONYM.finditer(text)}
    if len(found) != 1:
        return None
    (acronym,) = found
    for indicator in catalogue.indicators.values():
        if acronym in indicator.labels:
            same_kind = (
                not unit
                or not indicator.default_unit
                or _is_percent(unit) == _is_percent(indicator.default_unit)
            )
            return indicator.key if same_kind else None
    return None


def _is_percent(unit: str) -> bool:
    return unit.strip().startswith("%")


def _rate_differs(unit: str, default_unit: str) -> bool:
    """Whether a count per something ("người/vạn dân") meets an indicator of another unit: the
    per-population rate names its measure, "Số cán bộ … 11 người trên một vạn dân" is no
    count of enterprises however alike the words."""
    if "/" not in unit or _is_percent(unit):
        return False
    return _rate_key(unit) != _rate_key(default_unit)


def _rate_key(unit: str) -> str:
    """A rate's unit as words, its thousands written either way ("/1.000 dân" = "/1000 dân")."""
    if money_per_head(unit):
        return "money per head"
    return re.sub(r"(?<=\d)[.,](?=\d{3}\b)", "", unit_words_key(unit))


_LOCAL_SUFFIXES = ("-grdp", "-local")


def _counterpart(key: str, catalogue: Catalogue, provincial: bool) -> str:
    """The national or provincial twin of ``key`` the target's level asks for, if curated:
    by the scheme's naming (``x-gdp``/``x-grdp``, ``x``/``x-local``), else the one closeMatch of
    the other level (``cashless-transaction-share`` ↔ ``cashless-payment-share-local``)."""
    named = _named_twin(key, catalogue, provincial)
    if named != key:
        return named
    if key.endswith(_LOCAL_SUFFIXES) == provincial:
        return key
    entry = catalogue.indicators.get(key)
    twins = [
        match
        for match in (entry.close_matches if entry else ())
        if match in catalogue.indicators and match.endswith(_LOCAL_SUFFIXES) == provincial
    ]
    return twins[0] if len(twins) == 1 else key


def _named_twin(key: str, catalogue: Catalogue, provincial: bool) -> str:
    """The twin the scheme's key naming gives, else ``key``."""
    pairs = (("-gdp", "-grdp"), ("", "-local"))
    for national_suffix, local_suffix in pairs:
        if provincial and key.endswith(national_suffix) and not key.endswith(local_suffix):
            twin = key[: len(key) - len(national_suffix)] + local_suffix
            if twin in catalogue.indicators:
                return twin
        if not provincial and key.endswith(local_suffix) and local_suffix:
            twin = key[: len(key) - len(local_suffix)] + national_suffix
            if twin in catalogue.indicators:
                return twin
    return key


_PROVINCIAL_INDEX = re.compile(r"cấp tỉnh|địa phương|provincial", re.IGNORECASE)


def _ranks_provinces(indicator: IndicatorEntry) -> bool:
    """A ranking counted among provinces (PCI, PII, DTI, PAPI …), by its curated labels."""
    return (indicator.default_unit or "").strip() == "thứ bậc" and any(
        _PROVINCIAL_INDEX.search(label) for label in indicator.labels
    )


def resolve_indicator(
    text: str,
    unit: str | None,
    catalogue: Catalogue,
    threshold: float = 0.55,
    provincial: bool | None = None,
    among_provinces: bool = False,
) -> str | None:
    """The curated indicator a stated indicator fits best, or None when none fits well enough.

    ``provincial`` (the target's scope, when known) picks between national and provincial
    counterparts when the text itself does not say ("GRDP", "trên địa bàn" / "GDP").
    ``among_provinces`` (a rank "nhóm 5 tỉnh, thành dẫn đầu …") admits only the rankings of
    provinces: such a rank is never the country's place in a world index (GII, IMD …).
    """
    named = _by_acronym(text, unit, catalogue)
    if named:
        return named
    if _BARE_RISE.fullmatch(text):
        return None  # "…, tăng bình quân 14-15%/năm": a rise of what the clause before named
    text = _SERVED.sub("", text)
    best: tuple[float, str] | None = None
    for indicator in catalogue.indicators.values():
        if among_provinces and not _ranks_provinces(indicator):
            continue
        score = max((_similarity(text, label) for label in indicator.labels), default=0.0)
        if _EACH.search(text) and not any(_EACH.search(label) for label in indicator.labels):
            score -= 0.4  # "kinh tế số trong từng ngành": a share within each sector, no total
        # who is counted, at which tier and level, trained or on trial, what for
        score -= measure_penalty(text, indicator.labels)
        score -= count_penalty(unit, indicator.default_unit, indicator.labels)
        score -= provinces_penalty(unit, indicator.default_unit, provincial)
        if _misses_head(text, indicator.labels):
            score -= 0.4  # the label fits only the complement ("về việc …"), not the measure
        if _BODIES.search(text) and not any(_BODIES.search(label) for label in indicator.labels):
            score -= 0.4  # a share of bodies measures the bodies
        if unit and indicator.default_unit:
            same_kind = _is_percent(unit) == _is_percent(indicator.default_unit)
            if not same_kind:  # "10%/năm" is no GRDP per capita in "triệu đồng"
                score -= 0.4
            elif (unit.strip() == "thứ bậc") != (indicator.default_unit.strip() == "thứ bậc"):
                score -= 0.4  # a rank ("nhóm 100 thành phố …") is no count, nor a count a rank
            elif "gdp" in unit.lower() and "gdp" not in indicator.default_unit.lower():
                # "2% GDP" is no share of the budget ("% tổng chi NSNN"); a bare "%" may be
                score -= 0.6 if indicator.default_unit.strip() != "%" else 0.1
            elif _rate_differs(unit, indicator.default_unit):
                score -= 0.4
        if best is None or score > best[0]:
            best = (score, indicator.key)
    if not best or best[0] < threshold:
        return None
    said = f"{text} {unit or ''}"
    if _PROVINCIAL_WORDS.search(said):
        level = True
    elif _says_national(said, provincial):
        level = False
    else:
        level = provincial
    return best[1] if level is None else _counterpart(best[1], catalogue, level)
