"""Scores of the attributes users rely on, measured on items that already matched.

A target found with the wrong scope or the wrong indicator, or an assignment found with its
coordinators or deadline wrong, still counts as a hit for its kind; these measures say how often
the attributes of the hits are right: target ``scope`` and ``indicator_ref`` (accuracy),
assignment ``deadline`` (accuracy) and ``coordinators`` (set precision/recall/F1, micro-averaged).
Only non-optional gold items are measured; ``indicator_ref`` only where the gold gives the key
(``null`` is a key: "no curated indicator fits").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ingest.matching import KindScore
from ingest.pairing import AgencyKey, province_key

ATTRIBUTES = ("target_scope", "target_indicator", "assignment_deadline")
NATIONAL = "national"


@dataclass
class Accuracy:
    """Right / measured, for one attribute."""

    right: int = 0
    measured: int = 0

    @property
    def value(self) -> float | None:
        return self.right / self.measured if self.measured else None

    def add(self, other: Accuracy) -> None:
        self.right += other.right
        self.measured += other.measured

    def to_dict(self) -> dict[str, Any]:
        value = self.value
        return {
            "right": self.right,
            "measured": self.measured,
            "accuracy": None if value is None else round(value, 4),
        }


@dataclass
class AttributeScores:
    """Attribute accuracies and the coordinator set score of one file, or summed over files."""

    accuracy: dict[str, Accuracy] = field(
        default_factory=lambda: {name: Accuracy() for name in ATTRIBUTES}
    )
    coordinators: KindScore = field(default_factory=lambda: KindScore("coordinators"))
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: AttributeScores) -> None:
        for name, accuracy in other.accuracy.items():
            self.accuracy[name].add(accuracy)
        self.coordinators.tp += other.coordinators.tp
        self.coordinators.fp += other.coordinators.fp
        self.coordinators.fn += other.coordinators.fn
        self.errors.extend(other.errors)

    def to_dict(self) -> dict[str, Any]:
        c = self.coordinators
        return {
            **{name: accuracy.to_dict() for name, accuracy in self.accuracy.items()},
            "assignment_coordinators": {
                "tp": c.tp,
                "fp": c.fp,
                "fn": c.fn,
                "precision": round(c.precision, 4),
                "recall": round(c.recall, 4),
                "f1": round(c.f1, 4),
            },
        }


def scope_key(scope: str | None) -> str:
    """``national``, ``Việt Nam`` and ``null`` are the nation; a province compares by its key."""
    key = province_key(scope)
    return NATIONAL if key in ("", "national", "viet nam", "quoc gia") else key


def _record(
    scores: AttributeScores, stem: str, name: str, gold: Any, predicted: Any, item: str
) -> None:
    accuracy = scores.accuracy[name]
    accuracy.measured += 1
    if gold == predicted:
        accuracy.right += 1
    else:
        scores.errors.append(
            {"source": stem, "attribute": name, "gold": gold, "predicted": predicted, "item": item}
        )


def score_targets(
    scores: AttributeScores,
    stem: str,
    pairs: list[tuple[Mapping[str, Any], Mapping[str, Any]]],
) -> None:
    """Scope and indicator accuracy over matched (gold, predicted) target pairs."""
    for gold, predicted in pairs:
        if gold.get("optional"):
            continue
        quote = (gold.get("quote") or "")[:80]
        _record(
            scores,
            stem,
            "target_scope",
            scope_key(gold.get("scope")),
            scope_key(predicted.get("scope")),
            quote,
        )
        if "indicator_ref" in gold:
            _record(
                scores,
                stem,
                "target_indicator",
                gold["indicator_ref"],
                predicted.get("indicator_ref"),
                quote,
            )


def score_assignments(
    scores: AttributeScores,
    stem: str,
    pairs: list[tuple[Mapping[str, Any], Mapping[str, Any]]],
    agency_key: AgencyKey,
) -> None:
    """Deadline accuracy and coordinator set counts over matched assignment pairs.

    Coordinators compare by agency key, each with the province its side's agency list gives it.
    """
    c = scores.coordinators
    for gold, predicted in pairs:
        if gold.get("optional"):
            continue
        task = (gold.get("task") or "")[:80]
        deadlines = gold.get("deadline"), predicted.get("deadline")
        _record(scores, stem, "assignment_deadline", *deadlines, task)
        gold_set = _coordinator_set(gold, agency_key)
        predicted_set = _coordinator_set(predicted, agency_key)
        c.tp += len(gold_set & predicted_set)
        c.fp += len(predicted_set - gold_set)
        c.fn += len(gold_set - predicted_set)
        if gold_set != predicted_set:
            scores.errors.append(
                {
                    "source": stem,
                    "attribute": "assignment_coordinators",
                    "gold": sorted(gold.get("coordinators") or []),
                    "predicted": sorted(predicted.get("coordinators") or []),
                    "item": task,
                }
            )


def _coordinator_set(item: Mapping[str, Any], agency_key: AgencyKey) -> set[str]:
    provinces = item.get("_coordinator_provinces") or {}
    return {agency_key(name, provinces.get(name)) for name in item.get("coordinators") or []}


def score_file(stem: str, agency_key: AgencyKey) -> tuple[AttributeScores, Callable]:
    """A fresh file score and the ``on_pairs`` callback of ``evaluate_one`` that fills it."""
    scores = AttributeScores()

    def on_pairs(kind: str, pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
        if kind == "targets":
            score_targets(scores, stem, pairs)
        elif kind == "assignments":
            score_assignments(scores, stem, pairs, agency_key)

    return scores, on_pairs
