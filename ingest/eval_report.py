"""The evaluation report: per-kind counts and measures, every miss and false hit, as a table
for people and JSON for machines."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ingest.gold_format import KINDS
from ingest.matching import Finding, KindScore

# --- the report -------------------------------------------------------------------------------


@dataclass
class Report:
    """Per-kind counts and measures (micro-averaged over files), with every miss and false hit."""

    scores: dict[str, KindScore] = field(default_factory=lambda: {k: KindScore(k) for k in KINDS})
    misses: list[Finding] = field(default_factory=list)
    false_hits: list[Finding] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    unscored_sources: list[str] = field(default_factory=list)

    def add(
        self,
        stem: str,
        scores: Mapping[str, KindScore],
        misses: list[Finding],
        false_hits: list[Finding],
    ) -> None:
        self.sources.append(stem)
        for kind, score in scores.items():
            total = self.scores[kind]
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        self.misses.extend(misses)
        self.false_hits.extend(false_hits)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "unscored_sources": self.unscored_sources,
            "scores": {
                kind: {
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                }
                for kind, s in self.scores.items()
            },
            "misses": [vars(f) for f in self.misses],
            "false_hits": [vars(f) for f in self.false_hits],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    def to_text(self) -> str:
        lines = [f"{'kind':<12} {'TP':>5} {'FP':>5} {'FN':>5} {'P':>6} {'R':>6} {'F1':>6}"]
        for kind, s in self.scores.items():
            lines.append(
                f"{kind:<12} {s.tp:>5} {s.fp:>5} {s.fn:>5} "
                f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
            )
        for title, findings in (("Misses", self.misses), ("False hits", self.false_hits)):
            lines.append("")
            lines.append(f"{title} ({len(findings)}):")
            lines.extend(f"  [{f.kind}] {f.source}: {_summary(f.kind, f.item)}" for f in findings)
        if self.unscored_sources:
            lines.append("")
            lines.append(
                "Predictions without gold (not scored): " + ", ".join(self.unscored_sources)
            )
        return "\n".join(lines)


def _summary(kind: str, item: Mapping[str, Any]) -> str:
    """One readable line for a finding."""
    if kind == "documents":
        return f"{item.get('type')} {item.get('number') or ''} {item.get('title') or ''}".strip()
    if kind == "agencies":
        return f"{item.get('name')} ({item.get('province') or item.get('level') or '-'})"
    if kind == "assignments":
        task = item.get("task") or ""
        task = task if len(task) <= 90 else task[:87] + "…"
        return f"{item.get('lead')} ← {task} [{item.get('deadline')}]"
    if kind == "targets":
        value = item.get("value")
        if item.get("comparator") == "range":
            value = f"{value}–{item.get('value_max')}"
        return (
            f"{item.get('indicator')}: {item.get('comparator')} {value} {item.get('unit')} "
            f"({item.get('year')}) «{item.get('quote')}»"
        )
    return f"{item.get('document')} → {item.get('implements')}"
