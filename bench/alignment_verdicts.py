"""End-to-end alignment verdicts (issue 13's "≥ 85% alignment verdicts right"): what the user sees.

For every required gold *provincial* target the **expected** verdicts come from the gold alone:
the target against the gold *national* targets, paired and judged by the audit's own
:func:`graph_api.audit.alignment.pair_targets` (same SKOS matches, directions and comparison
rules, read from the curated scheme in the built store). The **observed** verdicts are the
audit's findings on the built graph for the extracted twin of that target, found as ``eval``'s
scorer finds it (same source, comparator, value, year, unit; quotes overlap). A target is right
when its twin exists, is provincial and meets the same national targets with the same verdicts.

National targets are told apart by (indicator, comparator, value, upper, year); only those of
sources that have a gold file count on both sides (a national text with no gold, e.g.
20-NQ/TW, can give no expected verdict): a target compared only with such texts is *local only*
here, and the comparisons set aside are counted. A gold target without an ``indicator_ref`` key
(some of batch T's; the seeds and national files key every target) takes the curated indicator
the catalogue's resolver gives for its gold quote (then its description); such targets are
counted as ``resolved``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph_api.audit.alignment import Verdict, audit_alignment, indicator_matches, pair_targets
from graph_api.audit.targets import TargetRow, target_rows
from graph_api.named_queries import load_query
from graph_api.store import Store
from graph_api.store_terms import IRI
from ingest.gold_format import load_gold, load_source_texts
from ingest.matching import coverage_region, match_one_to_one
from ingest.pairing import SourceContext, target_score
from ingest.resolve import Catalogue
from ingest.resolve.indicators import resolve_indicator

INDICATOR = "https://w3id.org/policygraph/id/indicator/"
NONE = "none"  # the key of "no curated indicator" (never a national counterpart)
MISSED = "target missed"  # no extracted twin
NATIONAL_SCOPE = "twin is national"  # the twin was given national scope
NOT_COMPARED = "not compared"  # one side has no comparison with that national target
LOCAL = "—"  # the national key of a local-only verdict
FIRST_BATCHES = ("seeds", "P")  # then the lettered batches in the order of their letters


def batch_of(stem: str) -> str:
    """The development batch of a gold file (tests/gold/README.md): seeds with the national
    texts, then P (``dev-*``), then each lettered batch M, Q, R … (``dev-<letter>-*``)."""
    if not stem.startswith("dev-"):
        return "seeds"
    letter = stem[4:6]
    return letter[0].upper() if letter[1:] == "-" and letter[0].isalpha() else "P"


@dataclass
class TargetVerdict:
    """One gold provincial target: the verdicts expected from the gold and those observed."""

    source: str
    batch: str
    quote: str
    wording: str  # the gold target as a formula, e.g. "> 50 % (2030)"
    indicator: str
    indicator_resolved: bool  # no indicator_ref in the gold: resolved from its quote
    expected: dict[str, str]  # national key → verdict
    observed: dict[str, str]
    twin: str | None = None  # the extracted target's IRI
    twin_quote: str | None = None
    reasons: dict[str, str] = field(default_factory=dict)  # national key → expected's reason
    set_aside: int = 0  # comparisons with national texts that have no gold

    @property
    def right(self) -> bool:
        return self.twin is not None and self.expected == self.observed

    def as_dict(self) -> dict[str, Any]:
        return {**vars(self), "right": self.right}


def _batch_order(name: str) -> tuple[int, str]:
    return (FIRST_BATCHES.index(name), "") if name in FIRST_BATCHES else (len(FIRST_BATCHES), name)


@dataclass
class VerdictReport:
    targets: list[TargetVerdict] = field(default_factory=list)

    def batches(self) -> dict[str, dict[str, Any]]:
        """Per batch: right, total, resolved indicators, set-aside comparisons and the
        confusion (expected verdict → observed verdict → count) over (target, national) pairs."""
        out: dict[str, dict[str, Any]] = {}
        names = sorted({t.batch for t in self.targets}, key=_batch_order)
        for name in names:
            mine = [t for t in self.targets if t.batch == name]
            if not mine:
                continue
            confusion: dict[str, Counter] = defaultdict(Counter)
            for target in mine:
                for expected, observed in pairs_of(target):
                    confusion[expected][observed] += 1
            out[name] = {
                "right": sum(t.right for t in mine),
                "total": len(mine),
                "missed": sum(t.twin is None for t in mine),
                "indicator_resolved": sum(t.indicator_resolved for t in mine),
                "set_aside": sum(t.set_aside for t in mine),
                "confusion": {e: dict(sorted(o.items())) for e, o in sorted(confusion.items())},
            }
        return out

    def to_json(self) -> str:
        data = {"batches": self.batches(), "targets": [t.as_dict() for t in self.targets]}
        return json.dumps(data, ensure_ascii=False, indent=1)

    def to_text(self) -> str:
        lines = ["batch   right/total          missed  resolved  set aside"]
        for name, row in self.batches().items():
            share = row["right"] / row["total"]
            lines.append(
                f"{name:<7} {row['right']:>3}/{row['total']:<3} ({share:6.1%})"
                f"  {row['missed']:>6}  {row['indicator_resolved']:>8}  {row['set_aside']:>9}"
            )
        lines += ["", "confusion over (target, national target) pairs: expected → observed"]
        for name, row in self.batches().items():
            lines.append(f"{name}:")
            for expected, observed in row["confusion"].items():
                cells = ", ".join(f"{o} {n}" for o, n in observed.items())
                lines.append(f"  {expected:<15} → {cells}")
        wrong = [t for t in self.targets if not t.right]
        lines += ["", f"wrong ({len(wrong)}):"]
        for t in wrong:
            lines.append(f"  [{t.batch}] {t.source}: {t.quote[:70]!r}")
            observed = t.observed if t.twin else MISSED
            lines.append(f"      expected {t.expected}; observed {observed}")
            for key, reason in t.reasons.items():
                if t.expected.get(key) != t.observed.get(key):
                    lines.append(f"      ({key}: {reason})")
        return "\n".join(lines)


def pairs_of(target: TargetVerdict) -> list[tuple[str, str]]:
    """(expected, observed) per national key either side names."""
    if target.twin is None or target.observed.get(LOCAL) == NATIONAL_SCOPE:
        why = MISSED if target.twin is None else NATIONAL_SCOPE
        return [(verdict, why) for verdict in target.expected.values()]
    keys = sorted(set(target.expected) | set(target.observed))
    return [
        (target.expected.get(key, NOT_COMPARED), target.observed.get(key, NOT_COMPARED))
        for key in keys
    ]


def national_key(row: TargetRow) -> str:
    """A national target as both sides can name it: indicator, comparator, value, upper, year."""
    key = row.indicator.rsplit("/", 1)[-1]
    value = "" if row.value is None else f"{row.value:g}"
    upper = "" if row.upper is None else f"–{row.upper:g}"
    return f"{key} {row.comparator or ''} {value}{upper} ({row.year or '-'})"


def verdicts_of(findings: list, gold_sources: Mapping[str, set[str]]) -> tuple[dict[str, str], int]:
    """National key → verdict of a provincial target's findings, keeping only national targets
    stated in a source with gold; how many were set aside. None left: local only."""
    verdicts: dict[str, str] = {}
    set_aside = 0
    for finding in findings:
        if finding.verdict is Verdict.MISSING:
            continue
        if finding.national is None:
            verdicts[LOCAL] = str(finding.verdict)
        elif gold_sources.get(finding.national.target):
            verdicts[national_key(finding.national)] = str(finding.verdict)
        else:
            set_aside += 1
    return verdicts or {LOCAL: str(Verdict.LOCAL_ONLY)}, set_aside


def evaluate_alignment(
    gold_dir: Path, sources_dir: Path, store: Store, catalogue: Catalogue
) -> VerdictReport:
    """Expected against observed verdicts for every required gold provincial target."""
    gold = load_gold(gold_dir)
    texts = load_source_texts(sources_dir, gold)
    raw = target_rows(store, None)
    rows = [TargetRow.from_row(row) for row in raw]
    # twins are sought among every extracted target, those on candidate indicators included
    # (the audit never compares them: their verdict is "local only", not "target missed")
    every = target_rows(store, None, "audit_targets_all")
    units = {row["target"]: row.get("unit") for row in every}  # as extracted (no default unit)
    by_source: dict[str, list[TargetRow]] = defaultdict(list)
    for row in map(TargetRow.from_row, every):
        by_source[_stem(row.source)].append(row)
    findings = audit_alignment(store).findings
    # a restated target is folded into a representative: each IRI → the representative's IRI
    folded: dict[str, str] = {}
    of_target: dict[str, list] = defaultdict(list)
    for finding in findings:
        if finding.provincial is not None:
            mine = finding.provincial
            of_target[mine.target].append(finding)
            for iri in (mine.target, *mine.duplicates):
                folded[iri] = mine.target
    sources_of = _sources_of_national(rows, findings, set(gold))
    matches = indicator_matches(store.select(load_query("audit_indicator_matches")))
    resolved = _GoldIndicators(store, catalogue)
    national = [
        resolved.row(stem, index, item, "national")
        for stem, annotation in gold.items()
        for index, item in enumerate(annotation.get("targets", []))
        if _is_national(item) and not item.get("optional")
    ]
    national = [row for row in national if row.indicator != INDICATOR + NONE]
    report = VerdictReport()
    for stem, annotation in gold.items():
        kinds = (annotation.get("coverage") or {}).get("kinds")
        if kinds and "targets" not in kinds:
            continue
        items = annotation.get("targets", [])
        twins = _twins(annotation, items, by_source.get(stem, []), units, texts.get(stem))
        for index, item in enumerate(items):
            if _is_national(item) or item.get("optional"):
                continue
            mine = resolved.row(stem, index, item, "provincial")
            expected = pair_targets(national, [mine], matches, {})
            expected_verdicts = {
                national_key(f.national) if f.national else LOCAL: str(f.verdict) for f in expected
            }
            twin = twins.get(index)
            reasons = {national_key(f.national): f.reason for f in expected if f.national}
            verdict = TargetVerdict(
                stem,
                batch_of(stem),
                item.get("quote") or "",
                mine.wording(),
                mine.indicator.rsplit("/", 1)[-1],
                "indicator_ref" not in item,
                expected_verdicts,
                {},
                twin.target if twin else None,
                twin.quote if twin else None,
                reasons,
            )
            if twin is not None and twin.level == "national":
                verdict.observed = {LOCAL: NATIONAL_SCOPE}
            elif twin is not None:
                seen = of_target.get(folded.get(twin.target, twin.target), [])
                verdict.observed, verdict.set_aside = verdicts_of(seen, sources_of)
            report.targets.append(verdict)
    return report


class _GoldIndicators:
    """Gold targets as the audit's rows: the annotated (or resolved) curated indicator, with its
    direction, default unit and applicability read from the built store's curated scheme."""

    def __init__(self, store: Store, catalogue: Catalogue) -> None:
        self.store, self.catalogue = store, catalogue
        self.info: dict[str, dict[str, str]] = {}

    def key(self, item: Mapping[str, Any], level: str) -> str:
        if "indicator_ref" in item:
            return item["indicator_ref"] or NONE
        provincial = level == "provincial"
        unit = item.get("unit")
        for text in (item.get("quote"), item.get("indicator")):
            found = resolve_indicator(text or "", unit, self.catalogue, provincial=provincial)
            if found:
                return found
        return NONE

    def row(self, stem: str, index: int, item: Mapping[str, Any], level: str) -> TargetRow:
        iri = INDICATOR + self.key(item, level)
        if iri not in self.info:
            found: dict[str, str] = {}
            for row in self.store.select(load_query("audit_indicators"), {"indicator": [IRI(iri)]}):
                found.setdefault(row["property"], row["value"])
            self.info[iri] = found
        info = self.info[iri]
        return TargetRow(
            target=f"gold:{stem}#{index}",
            indicator=iri,
            indicator_label=info.get("label") or iri,
            scope=level if level == "national" else str(item.get("scope")),
            scope_label=str(item.get("scope")),
            level=level,
            comparator=item.get("comparator"),
            value=item.get("value"),
            upper=item.get("value_max"),
            unit=item.get("unit") or info.get("default_unit"),
            year=item.get("year"),
            direction=info.get("direction"),
            quote=item.get("quote"),
            source=stem,
            applies_to_provinces=str(info.get("applies", "true")).lower() != "false",
        )


def _is_national(item: Mapping[str, Any]) -> bool:
    return str(item.get("scope") or "").strip().lower() == "national"


def _stem(source: str | None) -> str:
    return (source or "").rsplit("/", 1)[-1]


def _sources_of_national(
    rows: list[TargetRow], findings: list, gold_stems: set[str]
) -> dict[str, set[str]]:
    """National target IRI → the gold sources stating it (itself or a folded restatement)."""
    source_of = {row.target: _stem(row.source) for row in rows}
    out: dict[str, set[str]] = {}
    for finding in findings:
        if finding.national is not None and finding.national.target not in out:
            iris = (finding.national.target, *finding.national.duplicates)
            out[finding.national.target] = {source_of.get(i) for i in iris} & gold_stems
    return out


def _twins(
    annotation: Mapping[str, Any],
    items: list[dict[str, Any]],
    extracted: list[TargetRow],
    units: Mapping[str, str | None],
    text: str | None,
) -> dict[int, TargetRow]:
    """Gold target index → the extracted target ``eval``'s scorer pairs with it (one-to-one,
    best first, over every target of the source)."""
    ctx = SourceContext(text, coverage_region(annotation, text))
    predicted = [
        {
            "comparator": row.comparator,
            "value": row.value,
            "value_max": row.upper,
            "year": row.year,
            "unit": units.get(row.target),
            "quote": row.quote or "",
        }
        for row in extracted
    ]
    pairs, _, _ = match_one_to_one(items, predicted, lambda g, p: target_score(g, p, ctx))
    return {g: extracted[p] for g, p in pairs}
