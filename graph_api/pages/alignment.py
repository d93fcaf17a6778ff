"""The scorecard in words (Vietnamese first, English on ``?lang=en``) and the ``/alignment``
overview: one line per province with its counts and a link to its scorecard, then the national
targets with how many provinces address them.

The verdicts come from ``graph_api.audit.scorecard``, the same that ``/api/audit/alignment``
answers; this module only words them and adds the documents' dates for the "predates" warning.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from graph_api.audit.alignment import TargetRow, Verdict, audit_alignment
from graph_api.audit.provinces import province_labels
from graph_api.audit.scorecard import (
    COMPARED,
    Comparison,
    Row,
    Scorecard,
    documents_of,
    national_only,
    predating,
    scorecards,
)
from graph_api.pages.facts import entity_names
from graph_api.routes.common import select
from graph_api.store_terms import IRI
from ontology.text_keys import fold

VERDICT_WORDS = {  # verdict: (Vietnamese, English, CSS class)
    Verdict.STRONGER: ("mạnh hơn", "stronger", "stronger"),
    Verdict.EQUAL: ("bằng", "equal", "equal"),
    Verdict.WEAKER: ("yếu hơn", "weaker", "weaker"),
    Verdict.OTHER_HORIZON: ("khác mốc thời gian", "other horizon", "horizon"),
    Verdict.NOT_COMPARABLE: ("không so sánh được", "not comparable", "incomparable"),
}
WORDS = {  # key: (Vietnamese, English)
    "scorecard": ("Đối chiếu mục tiêu với quốc gia", "Targets against national ones"),
    "overview": ("Đối chiếu mục tiêu", "Target alignment"),
    "intro": (
        "Mỗi tỉnh: số chỉ tiêu quốc gia tỉnh đã đặt mục tiêu, theo kết quả so sánh với mục tiêu "
        "quốc gia cùng năm (mục tiêu chặt nhất khi nhiều văn bản cùng nêu).",
        "Each province: the national indicators it sets targets on, by how its target compares "
        "with the national one of the same year (the strictest where several documents set one).",
    ),
    "province": ("Tỉnh/thành", "Province"),
    "indicator": ("Chỉ số", "Indicator"),
    "verdict": ("Đánh giá", "Verdict"),
    "national": ("Quốc gia", "National"),
    "provincial": ("Tỉnh", "Province"),
    "summary": ("Tóm tắt", "Summary"),
    "others": ("So sánh khác", "Other comparisons"),
    "addressed": ("Đã đặt mục tiêu", "Addressed"),
    "not_addressed": (
        "Chỉ tiêu quốc gia áp dụng cho tỉnh nhưng tỉnh chưa đặt mục tiêu",
        "National targets that concern provinces but the province sets none on",
    ),
    "not_addressed_short": ("Chưa đặt", "Not addressed"),
    "local_only": (
        "Chỉ tiêu riêng của tỉnh (không có chỉ tiêu quốc gia tương ứng)",
        "The province's own targets (no national counterpart)",
    ),
    "local_only_short": ("Chỉ tiêu riêng", "Own targets"),
    "national_targets": (
        "Chỉ tiêu quốc gia áp dụng cho cấp tỉnh",
        "National targets for provinces",
    ),
    "provinces_addressing": ("Số tỉnh đã đặt mục tiêu", "Provinces addressing it"),
    "national_only": (
        "Chỉ tiêu chỉ đo ở cấp quốc gia (không tính là tỉnh còn thiếu)",
        "Indicators measured only for the country (never missing in a province)",
    ),
    "reason": ("Lý do", "Why"),
    "documents": ("Văn bản", "Documents"),
    "predates_flag": ("Văn bản tỉnh ban hành trước", "Provincial document predates"),
    "predates": (
        "Lưu ý: {provincial} (ban hành {p_date}) ra đời trước {national}; "
        "mục tiêu của tỉnh chưa thể căn cứ vào các văn bản quốc gia này.",
        "Note: {provincial} (issued {p_date}) predates {national}; the province's "
        "targets could not follow these national documents.",
    ),
    "no_comparison": (
        "Chưa có chỉ tiêu nào của tỉnh so sánh được với chỉ tiêu quốc gia.",
        "No target of the province can be set against a national one.",
    ),
    "value_too": ("giá trị {word}", "value {word}"),
    "sentence": (
        "Tỉnh đặt {mine}, quốc gia ({documents}) đặt {theirs}: {word}",
        "The province sets {mine}, the nation ({documents}) {theirs}: {word}",
    ),
    "summary_none": ("chưa có chỉ tiêu so sánh được", "no comparable target"),
    "summary_missing": ("{n} chỉ tiêu quốc gia chưa đặt", "{n} national indicators not addressed"),
    "summary_local": ("{n} chỉ tiêu riêng", "{n} own targets"),
    "yes": ("có", "yes"),
}


def pick(key: str, lang: str) -> str:
    return WORDS[key][0 if lang == "vi" else 1]


def words(lang: str) -> dict[str, str]:
    return {key: pick(key, lang) for key in WORDS}


def verdict_word(verdict: str, lang: str) -> str:
    found = VERDICT_WORDS.get(Verdict(verdict))
    return (found[0] if lang == "vi" else found[1]) if found else verdict


def readable(quote: str | None) -> str | None:
    """A quote as read: a row of a Markdown table (an appendix's list of targets) as its cells."""
    if quote is None or "|" not in quote:
        return quote
    return " · ".join(cell.strip() for cell in quote.split("|") if cell.strip())


def summary_line(card: Scorecard, lang: str, name: str | None = None) -> str:
    """``Bình Dương: 1 mạnh hơn, 2 yếu hơn, 1 khác mốc thời gian; 32 chỉ tiêu quốc gia chưa
    đặt; 5 chỉ tiêu riêng.``"""
    counts = [f"{n} {verdict_word(v, lang)}" for v, n in card.counts().items() if n]
    parts = [", ".join(counts) or pick("summary_none", lang)]
    if card.unaddressed:
        parts.append(pick("summary_missing", lang).format(n=len(card.unaddressed)))
    if card.local_only:
        parts.append(pick("summary_local", lang).format(n=len(card.local_only)))
    return f"{name or card.name}: {'; '.join(parts)}."


def comparison_view(comparison: Comparison, lang: str) -> dict[str, Any]:
    national, provincial = comparison.national, comparison.provincial
    word = verdict_word(comparison.verdict, lang)
    documents = ", ".join(comparison.documents)
    sentence = pick("sentence", lang).format(
        mine=provincial.wording(), documents=documents, theirs=national.wording(), word=word
    )
    value = comparison.finding.value_comparison
    if comparison.verdict is Verdict.OTHER_HORIZON and value:
        sentence += f" ({pick('value_too', lang).format(word=verdict_word(value, lang))})"
    return {
        "verdict": word,
        "css": VERDICT_WORDS[comparison.verdict][2],
        "national": national.wording(),
        "national_document": documents,
        "national_documents": list(
            zip(comparison.document_iris, comparison.documents, strict=True)
        ),
        "national_quote": readable(national.quote),
        "national_source": national.source,
        "provincial": provincial.wording(),
        "provincial_document": provincial.document,
        "provincial_document_label": provincial.document_label,
        "provincial_quote": readable(provincial.quote),
        "provincial_source": provincial.source,
        "summary": sentence + ".",
    }


def row_view(row: Row, lang: str, names: dict[str, str]) -> dict[str, Any]:
    return {
        "indicator": row.indicator,
        "indicator_label": names.get(row.indicator, row.indicator_label),
        **comparison_view(row.headline, lang),
        "others": [comparison_view(c, lang) for c in row.others],
    }


def target_line(target: TargetRow) -> str:
    document = f" — {target.document_label}" if target.document_label else ""
    return f"{target.wording()}{document}"


async def card_view(request: Request, card: Scorecard, lang: str, name: str) -> dict[str, Any]:
    """The scorecard's words for the province page: rows, summary, warnings and the two lists."""
    indicators = [r.indicator for r in card.rows] + [u.indicator for u in card.unaddressed]
    indicators += [t.indicator for t in card.local_only]
    names = await entity_names(request, indicators, lang)
    issued = await issued_dates(request, documents_of([card]))
    return {
        "summary": summary_line(card, lang, name),
        "rows": [row_view(row, lang, names) for row in card.rows],
        "unaddressed": [
            {
                "indicator": u.indicator,
                "label": names.get(u.indicator, u.indicator_label),
                "statements": [
                    f"{s.wording} ({', '.join(s.documents)})" if s.documents else s.wording
                    for s in u.statements
                ],
            }
            for u in card.unaddressed
        ],
        "local_only": [
            {
                "indicator": t.indicator,
                "label": names.get(t.indicator, t.indicator_label),
                "target": t.target,
                "line": target_line(t),
            }
            for t in card.local_only
        ],
        "warnings": await warnings(request, card, issued, lang),
    }


async def issued_dates(request: Request, documents: set[str]) -> dict[str, str]:
    if not documents:
        return {}
    bound = {"document": [IRI(d) for d in sorted(documents)]}
    rows = await select(request, "page_document_issued", bound)
    return {row["document"]: str(row["issued"])[:10] for row in rows if row.get("issued")}


async def warnings(
    request: Request, card: Scorecard, issued: dict[str, str], lang: str
) -> list[str]:
    """A warning for each provincial document issued before a national one it is compared to."""
    found = predating([card], issued).get(card.province, [])
    names = await entity_names(request, [document for document, _, _ in found], lang)
    return [
        pick("predates", lang).format(
            provincial=names.get(document, document),
            p_date=date,
            national=", ".join(f"{label} ({when})" for label, when in nationals),
        )
        for document, date, nationals in found
    ]


async def alignment_context(request: Request, lang: str) -> dict[str, Any]:
    """The overview: every province's counts, the national targets and who addresses them."""
    provinces = await audited_provinces(request)
    report = await run_in_threadpool(audit_alignment, request.app.state.store, None, provinces)
    cards = scorecards(report)
    issued = await issued_dates(request, documents_of(list(cards.values())))
    late = predating(list(cards.values()), issued)
    addressing: dict[str, list[str]] = defaultdict(list)
    for card in cards.values():
        for row in card.rows:
            addressing[row.indicator].append(card.province)
    national = [t for t in report.national if t.applies_to_provinces]
    indicators = sorted({t.indicator for t in national})
    only = national_only(report)
    names = await entity_names(
        request, [*indicators, *cards, *(e["indicator"] for e in only)], lang
    )
    provinces = [
        {
            "slug": card.province.rsplit("/", 1)[-1],
            "label": card.label if lang == "vi" else names.get(card.province, card.label),
            "counts": [
                {"n": n, "word": verdict_word(v, lang), "css": VERDICT_WORDS[v][2]}
                for v, n in card.counts().items()
            ],
            "addressed": len(card.rows),
            "not_addressed": len(card.unaddressed),
            "local_only": len(card.local_only),
            "predates": [d for _, d, _ in late.get(card.province, [])],
            "summary": summary_line(card, lang),
        }
        for card in sorted(cards.values(), key=lambda c: fold(c.label))
    ]
    statements: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for target in national:
        statements[target.indicator][target.wording()].add(target.document_label or "")
    targets = [
        {
            "indicator": indicator,
            "label": names.get(indicator, indicator),
            "statements": [
                f"{wording} ({', '.join(sorted(d for d in documents if d))})"
                for wording, documents in sorted(statements[indicator].items())
            ],
            "provinces": [
                {"slug": p.rsplit("/", 1)[-1], "label": cards[p].name}
                for p in sorted(addressing[indicator], key=lambda p: fold(cards[p].name))
            ],
        }
        for indicator in indicators
    ]
    targets.sort(key=lambda t: (-len(t["provinces"]), fold(t["label"])))
    return {
        "title": pick("overview", lang),
        "aw": words(lang),
        "verdicts": [(verdict_word(v, lang), VERDICT_WORDS[v][2]) for v in COMPARED],
        "provinces": provinces,
        "targets": targets,
        "national_only": [
            {
                "indicator": entry["indicator"],
                "label": names.get(entry["indicator"], entry["indicator_label"]),
                "reason": entry["reason"] if lang == "vi" else entry["reason_en"],
            }
            for entry in only
        ],
    }


async def province_list(request: Request) -> list[dict[str, str]]:
    """The provinces the corpus speaks of (name, with its merger), for the home page and
    ``/provinces``; read once per release, as the successions are (0.27 s on the real build)."""
    state = request.app.state
    release = getattr(state.store, "release", None)
    cached = getattr(state, "province_list", None)
    if cached is None or cached[0] != release:
        labels = await run_in_threadpool(province_labels, state.store)
        provinces = [
            {"iri": iri, "slug": iri.rsplit("/", 1)[-1], "label": label}
            for iri, label in labels.items()
        ]
        provinces.sort(key=lambda p: fold(p["label"]))
        state.province_list = cached = (release, provinces)
    return cached[1]


async def audited_provinces(request: Request) -> dict[str, str]:
    """Province IRI → label (with its merger) as the alignment audit names them, from the list
    read once per release."""
    return {p["iri"]: p["label"] for p in await province_list(request)}
