"""Target alignment: each national target against the provincial targets on the same indicator.

"The same indicator" is what the SKOS scheme says: the same concept, or one declared an exact,
close, broader or narrower match. A pair of targets gets one verdict: *stronger*, *equal* or
*weaker* (same year, comparable units, compared as intervals along the indicator's direction),
*other horizon* (different or unstated year; the value is still compared where it can be),
*not comparable* (different unit or rank scope, no value, no direction). A national target with
no provincial target on its indicator is *missing* for that province; a provincial target whose
indicator no national target uses is *local only*. Every finding keeps both quotes.

A national target whose indicator is curated ``pg:appliesToProvinces false`` (a rank among
countries, submarine cables) is never compared with a province nor missing in one. A target
stated twice for one place (a caption repeating the body, two plans of the province) is read
once: the first by IRI stands, the others are listed in its ``duplicates``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from functools import lru_cache
from typing import Any

from graph_api.audit.intervals import Direction, Strength, compare_intervals, interval_of
from graph_api.audit.provinces import province_labels, resolve_province
from graph_api.audit.targets import TargetRow, once_each, target_rows
from graph_api.named_queries import load_query
from graph_api.store import Store
from graph_api.store_terms import IRI
from ontology.text_keys import fold, unit_words_key

SYMMETRIC = {"exactMatch": "exactMatch", "closeMatch": "closeMatch"}
INVERSE = {"broadMatch": "narrowMatch", "narrowMatch": "broadMatch", **SYMMETRIC}


class Verdict(StrEnum):
    STRONGER = "stronger"
    EQUAL = "equal"
    WEAKER = "weaker"
    OTHER_HORIZON = "other horizon"
    NOT_COMPARABLE = "not comparable"
    MISSING = "missing"
    LOCAL_ONLY = "local only"


@dataclass(frozen=True)
class Finding:
    """One verdict: a national target against a provincial one (either may be absent)."""

    verdict: Verdict
    province: str
    province_label: str
    national: TargetRow | None
    provincial: TargetRow | None
    match: str | None = None  # "same", "exactMatch", "closeMatch", "broadMatch", "narrowMatch"
    reason: str = ""
    value_comparison: str | None = None  # other horizon: how the values compare anyway

    def as_dict(self) -> dict[str, Any]:
        """As ``dataclasses.asdict`` gives it, without its deep copies (thousands of findings)."""
        data = {name: getattr(self, name) for name in FINDING_FIELDS}
        data["verdict"] = str(self.verdict)
        for side in ("national", "provincial"):
            if data[side] is not None:
                data[side] = dict(vars(data[side]))
        return data


FINDING_FIELDS = tuple(f.name for f in fields(Finding))


@dataclass
class AlignmentReport:
    provinces: dict[str, str]  # province IRI → label (with its merger, if any)
    national: list[TargetRow]
    findings: list[Finding] = field(default_factory=list)

    def for_province(self, province: str) -> list[Finding]:
        return [f for f in self.findings if f.province == province]


# "% tổng chi NSNN" (03/NQ-CP) and "% tổng chi ngân sách" (57-NQ/TW, for the same target): the
# state budget's abbreviation and its spelt-out name are the budget a share is taken of
_STATE_BUDGET = re.compile(r"\bnsnn\b|\bngan sach nha nuoc\b")


def _unit_key(unit: str) -> str:
    return _STATE_BUDGET.sub("ngan sach", unit_words_key(unit))


@lru_cache(maxsize=4096)  # a few units, compared for every pair
def comparable_units(first: str | None, second: str | None) -> bool:
    """Whether two normalised unit strings measure the same thing (``% GRDP`` ~ ``% GDP``,
    ``% tổng chi NSNN`` ~ ``% tổng chi ngân sách``)."""
    if not first or not second:
        return first == second or not (first or second)
    return _unit_key(first) == _unit_key(second)


def judge(national: TargetRow, provincial: TargetRow, match: str = "same") -> Finding:
    """The verdict for one provincial target against one national target on the same indicator."""

    def finding(verdict: Verdict, reason: str, value_comparison: str | None = None) -> Finding:
        return Finding(
            verdict,
            provincial.scope,
            provincial.scope_label,
            national,
            provincial,
            match,
            reason,
            value_comparison,
        )

    strength = None
    reason = ""
    if None in (national.value, provincial.value, national.comparator, provincial.comparator):
        reason = "a target states no value"
    elif not comparable_units(national.unit, provincial.unit):
        reason = f"different units: {provincial.unit or '(none)'} vs {national.unit or '(none)'}"
    elif (
        national.rank_scope
        and provincial.rank_scope
        and (fold(national.rank_scope) != fold(provincial.rank_scope))
    ):
        reason = f"different rank scopes: {provincial.rank_scope} vs {national.rank_scope}"
    else:
        direction = national.direction or provincial.direction
        try:
            mine = interval_of(provincial.comparator, provincial.value, provincial.upper)
            theirs = interval_of(national.comparator, national.value, national.upper)
        except ValueError as error:
            reason = str(error)
        else:
            if direction in (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER):
                strength = compare_intervals(mine, theirs, Direction(direction))
            elif mine == theirs:
                strength = Strength.EQUAL
            else:
                reason = "the indicator has no direction (pg:direction)"
    if national.year != provincial.year:
        horizon = _horizon(national.year, provincial.year)
        if strength is None:
            return finding(Verdict.OTHER_HORIZON, f"{horizon}; values not comparable: {reason}")
        return finding(Verdict.OTHER_HORIZON, f"{horizon}; value {strength}", str(strength))
    if strength is None:
        return finding(Verdict.NOT_COMPARABLE, reason)
    return finding(Verdict(str(strength)), f"{provincial.wording()} vs {national.wording()}")


def _horizon(national_year: int | None, provincial_year: int | None) -> str:
    if provincial_year is None:
        return f"the provincial target states no year (national: {national_year})"
    if national_year is None:
        return f"provincial target for {provincial_year}; the national one states no year"
    when = "sooner" if provincial_year < national_year else "later"
    return f"provincial target for {provincial_year}, {when} than the national {national_year}"


def indicator_matches(rows: Iterable[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """indicator → {matched indicator → relation}, read both ways (broad one way is narrow the
    other); an indicator always matches itself as ``same``."""
    matches: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        relation = row["relation"]
        matches[row["indicator"]].setdefault(row["matched"], relation)
        matches[row["matched"]].setdefault(row["indicator"], INVERSE[relation])
    return matches


def pair_targets(
    national: list[TargetRow],
    provincial: list[TargetRow],
    matches: dict[str, dict[str, str]],
    provinces: dict[str, str],
) -> list[Finding]:
    """Every finding: each provincial target against the national targets on its indicator
    (those of its own year when there are any, else all of them), *missing* for each national
    target with no provincial target on its indicator in a province, *local only* for the rest."""

    national_order = {t.target: index for index, t in enumerate(national)}
    national = [t for t in national if t.applies_to_provinces]
    on_indicator: dict[str, list[TargetRow]] = defaultdict(list)  # looked up, not scanned
    for theirs in national:
        on_indicator[theirs.indicator].append(theirs)
    findings: list[Finding] = []
    covered: set[tuple[str, str]] = set()  # (province, national target)
    for mine in provincial:
        related = {**matches.get(mine.indicator, {}), mine.indicator: "same"}
        counterparts = [
            (theirs, rel)
            for indicator, rel in related.items()
            for theirs in on_indicator[indicator]
        ]
        counterparts.sort(key=lambda pair: national_order[pair[0].target])
        if not counterparts:
            reason = "no national target on this indicator or a matching one"
            label = provinces.get(mine.scope, mine.scope_label)
            findings.append(
                Finding(Verdict.LOCAL_ONLY, mine.scope, label, None, mine, None, reason)
            )
            continue
        same_year = [(t, r) for t, r in counterparts if t.year == mine.year]
        label = provinces.get(mine.scope, mine.scope_label)
        for theirs, rel in same_year or counterparts:
            findings.append(replace(judge(theirs, mine, rel), province_label=label))
        for theirs, _ in counterparts:
            covered.add((mine.scope, theirs.target))
    for province, label in provinces.items():
        for theirs in national:
            if (province, theirs.target) not in covered:
                reason = "no provincial target on this indicator or a matching one"
                findings.append(
                    Finding(Verdict.MISSING, province, label, theirs, None, None, reason)
                )
    return findings


def audit_alignment(
    store: Store, province: str | None = None, provinces: dict[str, str] | None = None
) -> AlignmentReport:
    """The alignment report over the whole store, or for one province (IRI, slug or name);
    ``provinces`` (IRI → label, as ``province_labels`` gives) when the caller has them."""
    provinces = dict(provinces) if provinces is not None else province_labels(store)
    scopes: dict[str, list[IRI]] | None = None  # None: every target of the store
    if province is not None:
        chosen = resolve_province(province, provinces)
        provinces = {chosen: provinces[chosen]}
        nations = [IRI(row["nation"]) for row in store.select(load_query("audit_nations"))]
        scopes = {"scope": [*nations, IRI(chosen)]}  # the query reads only these places' targets
    targets = once_each([TargetRow.from_row(row) for row in target_rows(store, scopes)])
    national = [t for t in targets if t.level == "national"]
    provincial = [t for t in targets if t.level == "provincial" and t.scope in provinces]
    matches = indicator_matches(store.select(load_query("audit_indicator_matches")))
    findings = pair_targets(national, provincial, matches, provinces)
    findings.sort(key=_finding_order)
    return AlignmentReport(provinces, national, findings)


def _finding_order(finding: Finding) -> tuple:
    target = finding.national or finding.provincial
    return (
        finding.province_label,
        target.indicator_label if target else "",
        finding.national.year or 0 if finding.national else 0,
        finding.provincial.year or 0 if finding.provincial else 0,
        finding.national.target if finding.national else "",
    )
