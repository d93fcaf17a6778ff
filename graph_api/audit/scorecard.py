"""A province's scorecard: the alignment findings as an analyst reads them.

One row per national indicator the province addresses, with one headline verdict: the province
is held to the strictest national statement of the same year (57-NQ/TW's "trên 40%" over
03/NQ-CP's "≥ 40%"), a comparison across years counts only where no same-year one exists. The
other comparisons stay in the row, each once (a target restated by two national documents is
one comparison naming both). National indicators that concern provinces but that the province
sets no target on are listed apart, briefly; those measured only for the country never appear.
The page, the overview and ``/api/audit/alignment`` all read these, so they give the same verdicts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from graph_api.audit.alignment import AlignmentReport, Finding, TargetRow, Verdict

COMPARED = (  # verdicts of a compared pair, in the scorecard's order
    Verdict.STRONGER,
    Verdict.EQUAL,
    Verdict.WEAKER,
    Verdict.OTHER_HORIZON,
    Verdict.NOT_COMPARABLE,
)
STRICTNESS = {Verdict.WEAKER: 0, Verdict.EQUAL: 1, Verdict.STRONGER: 2}  # against the strictest


@dataclass(frozen=True)
class Comparison:
    """One provincial target against one national statement; ``documents`` are every national
    document stating it (the same wording in 57-NQ/TW and 03/NQ-CP is one comparison)."""

    finding: Finding
    documents: tuple[str, ...]  # labels ("57-NQ/TW")
    document_iris: tuple[str, ...] = ()  # the same documents' IRIs

    @property
    def verdict(self) -> Verdict:
        return self.finding.verdict

    @property
    def national(self) -> TargetRow:
        assert self.finding.national is not None
        return self.finding.national

    @property
    def provincial(self) -> TargetRow:
        assert self.finding.provincial is not None
        return self.finding.provincial

    def as_dict(self) -> dict[str, Any]:
        return {
            "verdict": str(self.verdict),
            "value_comparison": self.finding.value_comparison,
            "reason": self.finding.reason,
            "match": self.finding.match,
            "national_documents": list(self.documents),
            "national": _target_dict(self.national),
            "provincial": _target_dict(self.provincial),
        }


@dataclass(frozen=True)
class Row:
    indicator: str
    indicator_label: str
    headline: Comparison
    others: tuple[Comparison, ...]

    @property
    def verdict(self) -> Verdict:
        return self.headline.verdict

    def as_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "indicator_label": self.indicator_label,
            "verdict": str(self.verdict),
            "headline": self.headline.as_dict(),
            "others": [c.as_dict() for c in self.others],
        }


@dataclass(frozen=True)
class Statement:
    """A national target's wording and the documents stating it (for the brief lists)."""

    wording: str
    documents: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True)
class Unaddressed:
    """A national indicator concerning provinces on which the province sets no target."""

    indicator: str
    indicator_label: str
    statements: tuple[Statement, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "indicator_label": self.indicator_label,
            "national": [vars(s) | {"documents": list(s.documents)} for s in self.statements],
        }


@dataclass(frozen=True)
class Scorecard:
    province: str
    label: str  # with the merger, as the audit names it
    rows: tuple[Row, ...]
    unaddressed: tuple[Unaddressed, ...]
    local_only: tuple[TargetRow, ...]

    @property
    def name(self) -> str:
        """The province's own name, without the merger note."""
        return self.label.split(" (→")[0]

    def counts(self) -> dict[Verdict, int]:
        """Rows per headline verdict, every compared verdict present (zeros included)."""
        counts = dict.fromkeys(COMPARED, 0)
        for row in self.rows:
            counts[row.verdict] += 1
        return counts

    def as_dict(self) -> dict[str, Any]:
        return {
            "province": self.province,
            "label": self.label,
            "summary": {str(v): n for v, n in self.counts().items()},
            "addressed": len(self.rows),
            "not_addressed": len(self.unaddressed),
            "local_only_count": len(self.local_only),
            "rows": [r.as_dict() for r in self.rows],
            "not_addressed_indicators": [u.as_dict() for u in self.unaddressed],
            "local_only": [_target_dict(t) for t in self.local_only],
        }


def scorecards(report: AlignmentReport) -> dict[str, Scorecard]:
    """Every province's scorecard, from one pass over the report's findings."""
    by_province: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_province[finding.province].append(finding)
    return {
        province: scorecard(province, label, by_province.get(province, []))
        for province, label in report.provinces.items()
    }


def scorecard(province: str, label: str, findings: list[Finding]) -> Scorecard:
    """One province's scorecard from its findings."""
    compared: dict[str, list[Comparison]] = defaultdict(list)
    labels: dict[str, str] = {}
    for comparison in _once_each([f for f in findings if f.verdict in COMPARED]):
        compared[comparison.national.indicator].append(comparison)
        labels[comparison.national.indicator] = comparison.national.indicator_label
    rows = []
    for indicator, comparisons in compared.items():
        ordered = sorted(comparisons, key=_headline_order)
        rows.append(Row(indicator, labels[indicator], ordered[0], tuple(ordered[1:])))
    rows.sort(key=lambda r: (COMPARED.index(r.verdict), r.indicator_label))
    missing = [f.national for f in findings if f.verdict is Verdict.MISSING and f.national]
    local = [f.provincial for f in findings if f.verdict is Verdict.LOCAL_ONLY and f.provincial]
    local.sort(key=lambda t: (t.indicator_label, t.year or 0, t.target))
    return Scorecard(province, label, tuple(rows), unaddressed(missing), tuple(local))


def unaddressed(targets: list[TargetRow]) -> tuple[Unaddressed, ...]:
    """National targets grouped by indicator, each wording once with the documents stating it."""
    by_indicator: dict[str, dict[str, list[TargetRow]]] = defaultdict(lambda: defaultdict(list))
    labels = {}
    for target in targets:
        by_indicator[target.indicator][target.wording()].append(target)
        labels[target.indicator] = target.indicator_label
    return tuple(
        Unaddressed(
            indicator,
            labels[indicator],
            tuple(
                Statement(
                    wording,
                    tuple(sorted({t.document_label for t in same if t.document_label})),
                    tuple(sorted(t.target for t in same)),
                )
                for wording, same in sorted(by_indicator[indicator].items(), key=_by_year)
            ),
        )
        for indicator in sorted(by_indicator, key=lambda i: labels[i])
    )


def national_only(report: AlignmentReport) -> list[dict[str, Any]]:
    """The national indicators measured only for the country, each once, with the reason."""
    seen: dict[str, dict[str, Any]] = {}
    for target in report.national:
        if not target.applies_to_provinces:
            entry = seen.setdefault(
                target.indicator,
                {
                    "indicator": target.indicator,
                    "indicator_label": target.indicator_label,
                    "reason": target.applicability_note,
                    "reason_en": target.applicability_note_en,
                    "targets": 0,
                },
            )
            entry["targets"] += 1
    return sorted(seen.values(), key=lambda e: e["indicator_label"])


def predating(
    cards: list[Scorecard], issued: dict[str, str]
) -> dict[str, list[tuple[str, str, list[tuple[str, str]]]]]:
    """Province → [(provincial document, its date, [(national document label, date)])] for each
    provincial document issued before a national one it is compared with (``issued``: document
    IRI → ``YYYY-MM-DD``)."""
    warnings: dict[str, list[tuple[str, str, list[tuple[str, str]]]]] = {}
    for card in cards:
        later: dict[str, dict[str, str]] = defaultdict(dict)
        for row in card.rows:
            for comparison in (row.headline, *row.others):
                mine = comparison.provincial.document
                for national in _national_documents(comparison):
                    theirs, label = national
                    if mine and issued.get(mine) and issued.get(theirs, "") > issued[mine]:
                        later[mine][label] = issued[theirs]
        if later:
            warnings[card.province] = [
                (document, issued[document], sorted(nationals.items(), key=lambda n: n[1]))
                for document, nationals in sorted(later.items())
            ]
    return warnings


def documents_of(cards: list[Scorecard]) -> set[str]:
    """The provincial and national documents the scorecards compare (for their dates)."""
    found = set()
    for card in cards:
        for row in card.rows:
            for comparison in (row.headline, *row.others):
                if comparison.provincial.document:
                    found.add(comparison.provincial.document)
                found.update(iri for iri, _ in _national_documents(comparison))
    return found


def _national_documents(comparison: Comparison) -> list[tuple[str, str]]:
    """(IRI, label) of the national documents stating the comparison's national target."""
    return list(zip(comparison.document_iris, comparison.documents, strict=True))


def _once_each(findings: list[Finding]) -> list[Comparison]:
    """The findings with the same national wording, provincial target and verdict merged: one
    comparison naming every national document that states it."""
    merged: dict[tuple, list[Finding]] = {}
    for finding in sorted(findings, key=lambda f: f.national.document_label or ""):
        national, provincial = finding.national, finding.provincial
        key = (national.indicator, national.wording(), provincial.target, finding.verdict)
        merged.setdefault(key, []).append(finding)
    comparisons = []
    for same in merged.values():
        documents = {f.national.document: f.national.document_label for f in same}
        documents = {iri: label or iri for iri, label in documents.items() if iri}
        comparisons.append(Comparison(same[0], tuple(documents.values()), tuple(documents)))
    return comparisons


def _headline_order(comparison: Comparison) -> tuple:
    verdict = comparison.verdict
    if verdict in STRICTNESS:
        group, rank = 0, STRICTNESS[verdict]
    elif verdict is Verdict.NOT_COMPARABLE:
        group, rank = 1, 0
    else:
        value = comparison.finding.value_comparison or ""
        group, rank = 2, {str(v): n for v, n in STRICTNESS.items()}.get(value, 3)
    return (
        group,
        rank,
        -(comparison.provincial.year or 0),
        -(comparison.national.year or 0),
        comparison.documents,
        comparison.national.target,
        comparison.provincial.target,
    )


def _by_year(item: tuple[str, list[TargetRow]]) -> tuple:
    return (item[1][0].year or 9999, item[0])


def _target_dict(target: TargetRow) -> dict[str, Any]:
    """A target in the scorecard's JSON: its IRI and wording (its quote, source and values are
    in the report's findings, which name it by the same IRI)."""
    return {
        "target": target.target,
        "indicator": target.indicator,
        "wording": target.wording(),
        "year": target.year,
        "document": target.document,
        "document_label": target.document_label,
    }
