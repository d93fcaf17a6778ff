"""The audits as text: a terminal table, Markdown, CSV and JSON (HTML is ``coverage``)."""

from __future__ import annotations

import csv
import io
from typing import Any

import orjson

from graph_api.audit.alignment import AlignmentReport, Finding
from graph_api.audit.ownership import OwnershipReport, chain_text
from graph_api.audit.scorecard import Scorecard, national_only, scorecards
from graph_api.audit.themes import TaskAlignmentReport
from ontology.wording import counted

FORMATS = ("table", "md", "csv", "json")
MAX_QUOTE = 160
ALIGNMENT_COLUMNS = (
    "province",
    "indicator",
    "verdict",
    "provincial_target",
    "national_target",
    "national_document",
    "match",
    "reason",
    "provincial_quote",
    "national_quote",
    "provincial_iri",
    "national_iri",
)
OWNERSHIP_COLUMNS = (
    "task",
    "role",
    "assigned",
    "holder",
    "assignee_gone",
    "chain",
    "decided_by",
    "note",
    "document",
    "quote",
)


def alignment_record(finding: Finding) -> dict[str, Any]:
    """One finding as a flat record (the columns of the table, CSV and Markdown outputs)."""
    national, provincial = finding.national, finding.provincial
    target = national or provincial
    return {
        "province": finding.province_label,
        "indicator": target.indicator_label if target else "",
        "verdict": str(finding.verdict),
        "provincial_target": provincial.wording() if provincial else "",
        "national_target": national.wording() if national else "",
        "national_document": (national.document_label or "") if national else "",
        "match": finding.match or "",
        "reason": finding.reason,
        "provincial_quote": (provincial.quote or "") if provincial else "",
        "national_quote": (national.quote or "") if national else "",
        "provincial_iri": provincial.target if provincial else "",
        "national_iri": national.target if national else "",
    }


def ownership_record(holding) -> dict[str, Any]:
    return {
        "task": holding.task,
        "role": holding.role,
        "assigned": holding.assigned_label,
        "holder": holding.holder_label,
        "assignee_gone": "yes" if holding.assignee_gone else "no",
        "chain": chain_text(holding),
        "decided_by": " ; ".join(s.decided_by for s in holding.chain if s.decided_by),
        "note": holding.note,
        "document": holding.document_label or "",
        "quote": holding.quote or "",
    }


def render_alignment(report: AlignmentReport, fmt: str) -> str:
    records = [alignment_record(f) for f in report.findings]
    if fmt == "json":
        return _json(
            {
                "provinces": report.provinces,
                "summary": alignment_summary(report),
                "findings": [f.as_dict() for f in report.findings],
                # what the province pages and /alignment show: one row per national indicator
                # a province addresses with its headline verdict, the rest listed apart
                "scorecards": {p: card.as_dict() for p, card in scorecards(report).items()},
                "national_only": national_only(report),
            }
        )
    if fmt == "csv":
        return _csv(records, ALIGNMENT_COLUMNS)
    if fmt == "md":
        return _markdown(records, ALIGNMENT_COLUMNS)
    lines = []
    cards = scorecards(report)
    for province, label in report.provinces.items():
        lines.append(label)
        lines.append(f"  scorecard: {scorecard_summary(cards[province])}")
        for finding in report.for_province(province):
            record = alignment_record(finding)
            lines.append(
                f"  {record['verdict']:<15} {_clip(record['indicator'], 60)}: "
                f"{record['provincial_target'] or '—'} vs {record['national_target'] or '—'}"
                + (f" [{record['national_document']}]" if record["national_document"] else "")
            )
            lines.append(f"      {finding.reason}")
            if record["provincial_quote"]:
                lines.append(f'      provincial: "{_clip(record["provincial_quote"])}"')
            if record["national_quote"]:
                lines.append(f'      national:   "{_clip(record["national_quote"])}"')
    counts = ", ".join(f"{k}: {v}" for k, v in alignment_summary(report).items())
    lines.append(f"({counted(len(report.findings), 'finding')} — {counts})")
    return "\n".join(lines)


def scorecard_summary(card: Scorecard) -> str:
    """``1 stronger, 2 weaker, 1 other horizon; 32 not addressed; 5 local only``."""
    counts = ", ".join(f"{n} {verdict}" for verdict, n in card.counts().items() if n)
    return (
        f"{counts or 'no comparison'}; {len(card.unaddressed)} national indicators not "
        f"addressed; {len(card.local_only)} local only"
    )


def alignment_summary(report: AlignmentReport) -> dict[str, int]:
    counts: dict[str, int] = {}
    for finding in report.findings:
        counts[str(finding.verdict)] = counts.get(str(finding.verdict), 0) + 1
    return dict(sorted(counts.items()))


def render_ownership(report: OwnershipReport, fmt: str, *, gone_only: bool = False) -> str:
    holdings = report.gone() if gone_only else report.holdings
    if fmt == "json":
        return _json(
            {
                "on": report.on.isoformat(),
                "holdings": [h.as_dict() for h in holdings],
                "assignee_gone": sorted({h.task for h in report.gone()}),
            }
        )
    records = [ownership_record(h) for h in holdings]
    if fmt == "csv":
        return _csv(records, OWNERSHIP_COLUMNS)
    if fmt == "md":
        return _markdown(records, OWNERSHIP_COLUMNS)
    lines = [f"Task owners on {report.on.isoformat()}"]
    for holding in holdings:
        lines.append(f"{holding.task.rsplit('/', 1)[-1]}  ({holding.role})")
        if holding.description:
            lines.append(f"    task:     {_clip(holding.description)}")
        if holding.quote:
            lines.append(f'    quote:    "{_clip(holding.quote)}"')
        lines.append(f"    assigned: {holding.assigned_label}")
        lines.append(f"    holder:   {holding.holder_label}")
        for step in holding.chain:
            when = step.date.isoformat() if step.date else "undated"
            lines.append(f"      {when}: {step.event_label or step.event or 'succeeded by'}")
            if step.decided_by:
                lines.append(f"          decided by: {_clip(step.decided_by)}")
        if holding.note:
            lines.append(f"    note:     {holding.note}")
    gone = report.gone()
    lines.append(
        f"({counted(len(holdings), 'assignment')}; {len(gone)} "
        f"{'names' if len(gone) == 1 else 'name'} an agency that no longer exists, "
        f"in {counted(len({h.task for h in gone}), 'task')})"
    )
    return "\n".join(lines)


def render_tasks(report: TaskAlignmentReport, fmt: str) -> str:
    if fmt == "json":
        return _json(report.as_dict())
    records = []
    for province in report.provinces:
        for theme in report.themes:
            tasks = province.tasks_by_theme.get(theme, [])
            national = report.national_tasks_by_theme.get(theme, [])
            records.append(
                {
                    "province": province.label,
                    "theme": report.themes[theme].label_en,
                    "national_tasks": len(national),
                    "provincial_tasks": len(tasks),
                    "status": _theme_status(theme, province, report),
                }
            )
    columns = ("province", "theme", "national_tasks", "provincial_tasks", "status")
    if fmt == "csv":
        return _csv(records, columns)
    if fmt == "md":
        return _markdown(records, columns)
    lines = []
    for province in report.provinces:
        lines.append(province.label)
        for record in (r for r in records if r["province"] == province.label):
            lines.append(
                f"  {record['status']:<12} {record['theme']:<60} provincial "
                f"{record['provincial_tasks']:>3}  national {record['national_tasks']:>3}"
            )
        if province.untagged_tasks:
            untagged = len(province.untagged_tasks)
            carry = "carries" if untagged == 1 else "carry"
            lines.append(f"  ({counted(untagged, 'task')} {carry} no theme)")
    return "\n".join(lines)


def _theme_status(theme: str, province, report: TaskAlignmentReport) -> str:
    if province.tasks_by_theme.get(theme):
        return "covered"
    if theme in province.missing_themes:
        return "no task"
    return "not national"


def _clip(text: str, limit: int = MAX_QUOTE) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _json(data: Any) -> str:
    """``data`` as ``json.dumps(…, ensure_ascii=False, indent=2, default=str)`` writes it, byte
    for byte on these reports, by orjson: the standard library's encoder is pure Python when
    indenting (1.4 s of the 12.5 MB all-provinces alignment at 10⁶ quads, orjson 0.09 s)."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2, default=str).decode()


def _csv(records: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue().rstrip("\n")


def _markdown(records: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    def cell(value: Any) -> str:
        return " ".join(str(value).split()).replace("|", "\\|")

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(r.get(c, "")) for c in columns) + " |" for r in records]
    return "\n".join(lines)
