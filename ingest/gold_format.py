"""The gold annotation format (``gold-format.md``): its vocabularies, reading gold files and
their sources, and checking that an annotation is well-formed.

Used by the scorer (:mod:`ingest.evaluate`) and by the tests that check every gold file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ontology.vocabulary import GOLD_DOCUMENT_TYPES

KINDS = ("documents", "agencies", "assignments", "targets", "implements")
DOCUMENT_TYPES = (*GOLD_DOCUMENT_TYPES, "Other")  # what a gold file may give as a type
LEVELS = ("national", "provincial", "district", "other")
COMPARATORS = ("eq", "gt", "gte", "lt", "lte", "approx", "range")
SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm")

_DEADLINE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?|-Q[1-4])?$")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# --- files ------------------------------------------------------------------------------------


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Every ``*.json`` gold file in a directory, by stem."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(Path(gold_dir).glob("*.json"))
    }


def find_source(sources_dir: Path, stem: str) -> Path | None:
    """The plain-text source file for a stem (``.txt``, ``.md``, ``.html``), if present."""
    for suffix in SOURCE_SUFFIXES:
        candidate = Path(sources_dir) / f"{stem}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def load_source_texts(sources_dir: Path | None, stems: Iterable[str]) -> dict[str, str]:
    """The texts of the sources that exist in ``sources_dir``, by stem."""
    if sources_dir is None:
        return {}
    texts = {}
    for stem in stems:
        path = find_source(sources_dir, stem)
        if path is not None:
            texts[stem] = path.read_text(encoding="utf-8")
    return texts


# --- format checks ----------------------------------------------------------------------------


def validate_annotation(annotation: Mapping[str, Any]) -> list[str]:
    """Problems with a gold-format dict (types, enums, required fields); empty when it is valid."""
    problems: list[str] = []

    def check(condition: bool, message: str) -> None:
        if not condition:
            problems.append(message)

    def is_str_or_none(value: Any) -> bool:
        return value is None or isinstance(value, str)

    allowed_top = {*KINDS[:4], "notes", "coverage"}
    for key in annotation:
        check(key in allowed_top, f"unknown top-level key {key!r}")
    for i, doc in enumerate(annotation.get("documents", [])):
        where = f"documents[{i}]"
        check(doc.get("type") in DOCUMENT_TYPES, f"{where}: type {doc.get('type')!r}")
        check(doc.get("number") or doc.get("title"), f"{where}: needs a number or a title")
        for name in ("number", "title", "date", "issuer"):
            check(is_str_or_none(doc.get(name)), f"{where}: {name} must be a string or null")
        if doc.get("date"):
            check(
                re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc["date"]) is not None, f"{where}: date format"
            )
        implements = doc.get("implements", [])
        check(
            isinstance(implements, list) and all(isinstance(x, str) for x in implements),
            f"{where}: implements must be a list of strings",
        )
    for i, agency in enumerate(annotation.get("agencies", [])):
        where = f"agencies[{i}]"
        check(isinstance(agency.get("name"), str) and agency["name"], f"{where}: name")
        check(agency.get("level") in LEVELS, f"{where}: level {agency.get('level')!r}")
        check(is_str_or_none(agency.get("abbrev")), f"{where}: abbrev")
        check(is_str_or_none(agency.get("province")), f"{where}: province")
    for i, item in enumerate(annotation.get("assignments", [])):
        where = f"assignments[{i}]"
        check(isinstance(item.get("task"), str) and item["task"], f"{where}: task")
        check(isinstance(item.get("lead"), str) and item["lead"], f"{where}: lead")
        coordinators = item.get("coordinators", [])
        check(
            isinstance(coordinators, list) and all(isinstance(x, str) for x in coordinators),
            f"{where}: coordinators must be a list of strings",
        )
        deadline = item.get("deadline")
        check(
            deadline is None or (isinstance(deadline, str) and _DEADLINE.match(deadline)),
            f"{where}: deadline {deadline!r}",
        )
    for i, target in enumerate(annotation.get("targets", [])):
        where = f"targets[{i}]"
        check(isinstance(target.get("indicator"), str), f"{where}: indicator")
        check(isinstance(target.get("scope"), str) and target["scope"], f"{where}: scope")
        check(isinstance(target.get("quote"), str) and target["quote"], f"{where}: quote")
        check(is_str_or_none(target.get("indicator_ref")), f"{where}: indicator_ref")
        value = target.get("value")
        year = target.get("year")
        check(year is None or (isinstance(year, int) and 1900 < year < 2200), f"{where}: year")
        qualitative = value is None and not any(
            target.get(k) for k in ("comparator", "unit", "value_max")
        )  # "Đạt mức tiên tiến …": a qualitative target carries no number
        if value is None and (target.get("optional") or qualitative):
            continue
        check(target.get("comparator") in COMPARATORS, f"{where}: comparator")
        check(_is_number(value), f"{where}: value {value!r}")
        value_max = target.get("value_max")
        if target.get("comparator") == "range":
            check(_is_number(value_max) and value_max > value, f"{where}: value_max")
        else:
            check(value_max is None, f"{where}: value_max only for ranges")
        check(isinstance(target.get("unit"), str) and target["unit"], f"{where}: unit")
    for kind in KINDS[:4]:
        for i, item in enumerate(annotation.get(kind, [])):
            check(isinstance(item.get("optional", False), bool), f"{kind}[{i}]: optional")
    coverage = annotation.get("coverage")
    if coverage is not None:
        kinds = coverage.get("kinds", list(KINDS))
        check(all(k in KINDS for k in kinds), f"coverage: kinds {kinds!r}")
    return problems
