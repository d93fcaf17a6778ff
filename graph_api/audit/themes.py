"""Task alignment: which national themes each province has tasks for, and which it has none for.

The national themes are the themes of the national tasks (those with no province: Appendix II of
03/NQ-CP and the like); when no national task carries a theme, every theme of the scheme counts.
A task's province is ``pg:inProvince``, which the build derives (its lead agency's province, else
its document's), so a province's tasks and themes are read by lookups, with one query for the
province asked and one for the national tasks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph_api.audit.provinces import province_labels, resolve_province
from graph_api.named_queries import load_query
from graph_api.store import IRI, Store


@dataclass(frozen=True)
class Theme:
    theme: str
    label_vi: str
    label_en: str
    notation: str | None = None


@dataclass
class ProvinceThemes:
    province: str
    label: str
    tasks_by_theme: dict[str, list[str]] = field(default_factory=dict)  # theme → task IRIs
    missing_themes: list[str] = field(default_factory=list)  # national themes with no task
    untagged_tasks: list[str] = field(default_factory=list)  # tasks with no theme

    def as_dict(self) -> dict[str, Any]:
        return {
            "province": self.province,
            "label": self.label,
            "tasks_by_theme": self.tasks_by_theme,
            "missing_themes": self.missing_themes,
            "untagged_tasks": self.untagged_tasks,
        }


@dataclass
class TaskAlignmentReport:
    themes: dict[str, Theme]
    national_tasks_by_theme: dict[str, list[str]]
    provinces: list[ProvinceThemes]

    def national_themes(self) -> list[str]:
        return [t for t in self.themes if self.national_tasks_by_theme.get(t)] or list(self.themes)

    def as_dict(self) -> dict[str, Any]:
        return {
            "themes": {iri: vars(theme) for iri, theme in self.themes.items()},
            "national_themes": self.national_themes(),
            "national_tasks_by_theme": self.national_tasks_by_theme,
            "provinces": [p.as_dict() for p in self.provinces],
        }


def theme_coverage(
    themes: dict[str, Theme], task_rows: list[dict[str, Any]], provinces: dict[str, str]
) -> TaskAlignmentReport:
    """The report from rows of task, theme and province (none for a national task)."""
    national: dict[str, list[str]] = defaultdict(list)
    by_province: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    untagged: dict[str, list[str]] = defaultdict(list)
    for row in task_rows:
        task, theme, province = row["task"], row.get("theme"), row.get("province")
        if province is None:
            if theme:
                national[theme].append(task)
        elif theme:
            by_province[province][theme].append(task)
        else:
            untagged[province].append(task)
    report = TaskAlignmentReport(themes, dict(national), [])
    wanted = report.national_themes()
    for province, label in provinces.items():
        covered = {t: sorted(tasks) for t, tasks in sorted(by_province[province].items())}
        report.provinces.append(
            ProvinceThemes(
                province,
                label,
                covered,
                [t for t in wanted if t not in covered],
                sorted(untagged[province]),
            )
        )
    return report


def read_themes(store: Store) -> dict[str, Theme]:
    """The curated themes by IRI, each with its labels (a missing one falls back to the other,
    then to the IRI) and notation."""
    return {
        row["theme"]: Theme(
            row["theme"],
            row.get("label_vi") or row["theme"],
            row.get("label_en") or row.get("label_vi") or row["theme"],
            row.get("notation"),
        )
        for row in store.select(load_query("audit_themes"))
    }


def audit_tasks(
    store: Store, province: str | None = None, provinces: dict[str, str] | None = None
) -> TaskAlignmentReport:
    """Task alignment for every province of the corpus, or for one (IRI, slug or name);
    ``provinces`` (IRI → label, as ``province_labels`` gives) when the caller has them."""
    provinces = dict(provinces) if provinces is not None else province_labels(store)
    if province is not None:
        chosen = resolve_province(province, provinces)
        provinces = {chosen: provinces[chosen]}
    themes = read_themes(store)
    rows = store.select(load_query("audit_national_task_themes"))
    # one query per province: at 10⁶ quads all of them at once is 54,000 rows in one answer
    # (7.4 s on Virtuoso, near the time limit, and 5× that at 5·10⁶), one province 1,600
    for iri in provinces:
        rows += store.select(load_query("audit_province_task_themes"), {"province": IRI(iri)})
    return theme_coverage(themes, rows, provinces)
