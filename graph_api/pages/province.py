"""The province page: its plans and their chain up to 57-NQ/TW, its tasks by lead agency, the
merger that made today's province, and the alignment scorecard against national targets.

The scorecard is the alignment audit read for one province, one row per national indicator the
province addresses; the same comparison stated by two national documents is shown once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from graph_api.audit.alignment import Finding, Verdict, audit_alignment
from graph_api.audit.provinces import province_labels
from graph_api.pages.document import tree
from graph_api.pages.facts import entity_names, load_facts
from graph_api.routes.common import select
from graph_api.store_terms import IRI
from ontology.text_keys import fold

COMPARED = (  # verdicts of a compared pair, in the scorecard's order
    Verdict.STRONGER,
    Verdict.EQUAL,
    Verdict.WEAKER,
    Verdict.OTHER_HORIZON,
    Verdict.NOT_COMPARABLE,
)
VERDICT_WORDS = {  # verdict: (Vietnamese, English, CSS class)
    Verdict.STRONGER: ("mạnh hơn", "stronger", "stronger"),
    Verdict.EQUAL: ("bằng", "equal", "equal"),
    Verdict.WEAKER: ("yếu hơn", "weaker", "weaker"),
    Verdict.OTHER_HORIZON: ("khác mốc thời gian", "other horizon", "horizon"),
    Verdict.NOT_COMPARABLE: ("không so sánh được", "not comparable", "incomparable"),
}
WORDS = {  # key: (Vietnamese, English)
    "merged": ("Sáp nhập vào", "Merged into"),
    "merged_on": ("ngày", "on"),
    "decided_by": ("theo", "under"),
    "plans": ("Kế hoạch, chương trình của tỉnh", "The province's plans"),
    "chain": ("triển khai", "implements"),
    "tasks_by_agency": ("Nhiệm vụ theo cơ quan chủ trì", "Tasks by lead agency"),
    "no_lead": ("(chưa rõ cơ quan chủ trì)", "(lead agency unknown)"),
    "scorecard": ("Đối chiếu mục tiêu với quốc gia", "Targets against national ones"),
    "indicator": ("Chỉ số", "Indicator"),
    "verdict": ("Đánh giá", "Verdict"),
    "national": ("Quốc gia", "National"),
    "provincial": ("Tỉnh", "Province"),
    "summary": ("Tóm tắt", "Summary"),
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
}


@dataclass(frozen=True)
class Comparison:
    """One national target against one provincial target, as a scorecard line."""

    verdict: str
    css: str
    national: str
    national_document: str | None
    national_quote: str | None
    provincial: str
    provincial_document: str | None
    provincial_document_label: str | None
    provincial_quote: str | None
    summary: str


@dataclass(frozen=True)
class ScoreRow:
    indicator: str
    indicator_label: str
    comparisons: tuple[Comparison, ...]


def verdict_word(verdict: str, lang: str) -> str:
    words = VERDICT_WORDS.get(Verdict(verdict))
    return (words[0] if lang == "vi" else words[1]) if words else verdict


def readable(quote: str | None) -> str | None:
    """A quote as read: a row of a Markdown table (an appendix's list of targets) as its cells."""
    if quote is None or "|" not in quote:
        return quote
    return " · ".join(cell.strip() for cell in quote.split("|") if cell.strip())


def comparison(finding: Finding, lang: str, restated: tuple[str, ...] = ()) -> Comparison:
    """A finding as a line of the scorecard, with its one-line summary in ``lang``; ``restated``
    names the other national documents that set the same target."""
    national, provincial = finding.national, finding.provincial
    assert national is not None and provincial is not None
    documents = ", ".join(dict.fromkeys(d for d in (national.document_label, *restated) if d))
    word = verdict_word(finding.verdict, lang)
    if lang == "vi":
        summary = (
            f"Tỉnh đặt {provincial.wording()}, quốc gia ({documents}) đặt "
            f"{national.wording()}: {word}"
        )
    else:
        summary = (
            f"The province sets {provincial.wording()}, the nation ({documents}) "
            f"{national.wording()}: {word}"
        )
    if finding.verdict == Verdict.OTHER_HORIZON and finding.value_comparison:
        value_word = verdict_word(finding.value_comparison, lang)
        summary += f" ({WORDS['value_too'][0 if lang == 'vi' else 1].format(word=value_word)})"
    return Comparison(
        verdict=word,
        css=VERDICT_WORDS[finding.verdict][2],
        national=national.wording(),
        national_document=documents,
        national_quote=readable(national.quote),
        provincial=provincial.wording(),
        provincial_document=provincial.document,
        provincial_document_label=provincial.document_label,
        provincial_quote=readable(provincial.quote),
        summary=summary + ".",
    )


def scorecard(findings: list[Finding], lang: str) -> list[ScoreRow]:
    """One row per national indicator the province addresses; the same pair of wordings with the
    same verdict (a target restated by 57-NQ/TW and 03/NQ-CP) counted once."""
    rows: dict[str, list[Finding]] = defaultdict(list)
    labels: dict[str, str] = {}
    restated: dict[tuple, list[str]] = {}  # the first finding's key → the documents restating it
    for found in findings:
        if found.verdict not in COMPARED or found.national is None or found.provincial is None:
            continue
        key = (
            found.national.indicator,
            found.national.wording(),
            found.provincial.target,
            found.verdict,
        )
        if key in restated:
            restated[key].append(found.national.document_label or "")
            continue
        restated[key] = []
        rows[found.national.indicator].append(found)
        labels[found.national.indicator] = found.national.indicator_label

    def line(found: Finding) -> Comparison:
        national, provincial = found.national, found.provincial
        assert national is not None and provincial is not None
        key = (national.indicator, national.wording(), provincial.target, found.verdict)
        return comparison(found, lang, tuple(restated[key]))

    return [
        ScoreRow(
            indicator,
            labels[indicator],
            tuple(
                line(f) for f in sorted(rows[indicator], key=lambda f: COMPARED.index(f.verdict))
            ),
        )
        for indicator in sorted(rows, key=lambda i: labels[i])
    ]


async def predating(request: Request, findings: list[Finding], lang: str) -> list[str]:
    """A warning for each provincial document issued before a national one it is compared to."""
    pairs = {
        (f.provincial.document, f.national.document)
        for f in findings
        if f.verdict in COMPARED
        and f.provincial is not None
        and f.national is not None
        and f.provincial.document
        and f.national.document
    }
    documents = sorted({d for pair in pairs for d in pair})
    if not documents:
        return []
    rows = await select(request, "page_document_issued", {"document": [IRI(d) for d in documents]})
    issued = {row["document"]: str(row["issued"])[:10] for row in rows if row.get("issued")}
    names = await entity_names(request, documents, lang)
    number = {
        f.national.document: f.national.document_label
        for f in findings
        if f.national is not None and f.national.document
    }
    template = WORDS["predates"][0 if lang == "vi" else 1]
    later: dict[str, list[str]] = defaultdict(list)  # provincial document → national ones after it
    for provincial, national in sorted(pairs):
        mine, theirs = issued.get(provincial), issued.get(national)
        if mine and theirs and mine < theirs:
            later[provincial].append(f"{number.get(national) or names.get(national)} ({theirs})")
    warnings = [
        template.format(
            provincial=names.get(provincial, provincial),
            p_date=issued[provincial],
            national=", ".join(sorted(set(nationals), key=lambda n: n[-11:-1])),  # by date
        )
        for provincial, nationals in sorted(later.items())
    ]
    return warnings


async def province_context(request: Request, iri: str, lang: str) -> dict[str, Any]:
    facts = await load_facts(request, iri, lang)
    bindings = {"province": IRI(iri)}
    mergers = await select(request, "page_province_merger", bindings)
    into_names = await entity_names(request, [row["into"] for row in mergers], lang)
    plans = []
    for row in await select(request, "page_province_documents", bindings):
        up = await select(request, "document_implements", {"document": IRI(row["document"])})
        types = sorted({r["type"] for r in up if r.get("type")})
        kinds = await entity_names(request, types, lang)
        plans.append(
            {
                "iri": row["document"],
                "issued": str(row["issued"])[:10] if row.get("issued") else None,
                "chain": tree(row["document"], up, "ancestor", "from", kinds),
            }
        )
    plan_names = await entity_names(request, [p["iri"] for p in plans], lang)
    for plan in plans:
        plan["label"] = plan_names.get(plan["iri"], plan["iri"])
    plans.sort(key=lambda p: (p["issued"] or "9999", p["label"]))
    by_agency: dict[str, set[str]] = defaultdict(set)
    for row in await select(request, "page_province_tasks", bindings):
        by_agency[row.get("agency") or ""].add(row["task"])
    agency_names = await entity_names(request, [a for a in by_agency if a], lang)
    findings: list[Finding] = []
    audited = {p["slug"] for p in await province_list(request)}
    if iri.rsplit("/", 1)[-1] in audited:  # the audit knows the provinces with a plan or target
        report = await run_in_threadpool(audit_alignment, request.app.state.store, iri)
        findings = report.for_province(iri)
    words = {key: pair[0 if lang == "vi" else 1] for key, pair in WORDS.items()}
    return {
        "facts": facts,
        "title": facts.title,
        "pw": words,
        "mergers": [
            {
                "into": row["into"],
                "into_label": into_names.get(row["into"], row["into"]),
                "on": str(row["on"])[:10] if row.get("on") else None,
                "decision": row.get("decision"),
                "event": row.get("event"),
            }
            for row in mergers
        ],
        "plans": plans,
        "agencies": sorted(
            (
                {
                    "iri": agency or None,
                    "label": agency_names.get(agency, words["no_lead"]),
                    "count": len(tasks),
                }
                for agency, tasks in by_agency.items()
            ),
            key=lambda a: (-a["count"], a["label"]),
        ),
        "scorecard": scorecard(findings, lang),
        "warnings": await predating(request, findings, lang),
        "today": date.today(),
    }


async def is_province(request: Request, iri: str) -> bool:
    """Whether the place ``iri`` is a province (other places keep the plain page of facts)."""
    return bool(await select(request, "page_is_province", {"province": IRI(iri)}))


async def province_list(request: Request) -> list[dict[str, str]]:
    """The provinces the corpus speaks of (name, with its merger), for the home page and
    ``/provinces``; read once per release, as the successions are (0.27 s on the real build)."""
    state = request.app.state
    release = getattr(state.store, "release", None)
    cached = getattr(state, "province_list", None)
    if cached is None or cached[0] != release:
        labels = await run_in_threadpool(province_labels, state.store)
        provinces = [
            {"slug": iri.rsplit("/", 1)[-1], "label": label} for iri, label in labels.items()
        ]
        provinces.sort(key=lambda p: fold(p["label"]))
        state.province_list = cached = (release, provinces)
    return cached[1]
