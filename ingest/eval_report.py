"""The evaluation report: per-kind counts and measures, every miss and false hit, as a table
for people and JSON for machines."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ingest.attribute_scores import AttributeScores
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
    attributes: AttributeScores = field(default_factory=AttributeScores)
    per_file: dict[str, tuple[dict[str, KindScore], AttributeScores]] = field(default_factory=dict)

    def add(
        self,
        stem: str,
        scores: Mapping[str, KindScore],
        misses: list[Finding],
        false_hits: list[Finding],
        attributes: AttributeScores | None = None,
    ) -> None:
        self.sources.append(stem)
        attributes = attributes or AttributeScores()
        self.per_file[stem] = (dict(scores), attributes)
        self.attributes.add(attributes)
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
            "scores": _scores_dict(self.scores),
            "attributes": self.attributes.to_dict(),
            "files": {
                stem: {"scores": _scores_dict(scores), "attributes": attributes.to_dict()}
                for stem, (scores, attributes) in self.per_file.items()
            },
            "misses": [vars(f) for f in self.misses],
            "false_hits": [vars(f) for f in self.false_hits],
            "attribute_errors": self.attributes.errors,
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
        lines.append("")
        lines.extend(_attribute_lines(self.attributes))
        for title, findings in (("Misses", self.misses), ("False hits", self.false_hits)):
            lines.append("")
            lines.append(f"{title} ({len(findings)}):")
            lines.extend(f"  [{f.kind}] {f.source}: {_summary(f.kind, f.item)}" for f in findings)
        if self.attributes.errors:
            lines.append("")
            lines.append(f"Attributes wrong on matched items ({len(self.attributes.errors)}):")
            lines.extend(
                f"  [{e['attribute']}] {e['source']}: gold {e['gold']!r}, "
                f"predicted {e['predicted']!r} «{e['item']}»"
                for e in self.attributes.errors
            )
        if self.unscored_sources:
            lines.append("")
            lines.append(
                "Predictions without gold (not scored): " + ", ".join(self.unscored_sources)
            )
        return "\n".join(lines)


def _scores_dict(scores: Mapping[str, KindScore]) -> dict[str, Any]:
    return {
        kind: {
            "tp": s.tp,
            "fp": s.fp,
            "fn": s.fn,
            "precision": round(s.precision, 4),
            "recall": round(s.recall, 4),
            "f1": round(s.f1, 4),
        }
        for kind, s in scores.items()
    }


def _attribute_lines(attributes: AttributeScores) -> list[str]:
    """Accuracy of scope, indicator and deadline on matched items; coordinator set P/R/F1."""
    lines = [f"{'attribute (on matched items)':<30} {'right':>6} {'of':>5} {'acc':>6}"]
    for name, accuracy in attributes.accuracy.items():
        value = "-" if accuracy.value is None else f"{accuracy.value:.3f}"
        lines.append(f"{name:<30} {accuracy.right:>6} {accuracy.measured:>5} {value:>6}")
    c = attributes.coordinators
    lines.append(
        f"{'assignment_coordinators':<30} TP {c.tp} FP {c.fp} FN {c.fn}  "
        f"P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f}"
    )
    return lines


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
