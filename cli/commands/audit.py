"""``policygraph audit``: the alignment, ownership and task-theme audits over the store."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from cli.commands import open_store
from cli.task_refs import resolve_task
from graph_api.settings import Settings

HELP = "audit alignment with the national targets, task themes, and who owns each task today"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from error


def add_arguments(parser: argparse.ArgumentParser) -> None:
    audits = parser.add_subparsers(dest="audit", required=True)
    alignment = audits.add_parser(
        "alignment", help="each national target against the provinces' targets on its indicator"
    )
    alignment.add_argument("--province", help="one province: slug or name (default: all)")
    alignment.add_argument(
        "--format", choices=["table", "md", "csv", "json", "html"], default="table"
    )
    ownership = audits.add_parser(
        "ownership", help="each task's assigned agency and the agency holding it on a date"
    )
    ownership.add_argument(
        "--on", type=_date, default=date.today(), help="the date (YYYY-MM-DD; default: today)"
    )
    ownership.add_argument("--province", help="only the tasks of this province")
    ownership.add_argument(
        "--task",
        help="only this task, as cited: document number, appendix, task number "
        "(e.g. '03/NQ-CP PL2 52' or '03/NQ-CP, Phụ lục II, nhiệm vụ 52'), or its slug or IRI",
    )
    ownership.add_argument(
        "--gone", action="store_true", help="only assignments whose agency no longer exists"
    )
    ownership.add_argument("--format", choices=["table", "md", "csv", "json"], default="table")
    tasks = audits.add_parser("tasks", help="which national themes each province has tasks for")
    tasks.add_argument("--province", help="one province: slug or name (default: all)")
    tasks.add_argument("--format", choices=["table", "md", "csv", "json"], default="table")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from graph_api.audit import render
    from graph_api.audit.alignment import audit_alignment
    from graph_api.audit.coverage import render_coverage
    from graph_api.audit.ownership import audit_ownership
    from graph_api.audit.provinces import province_labels, resolve_province
    from graph_api.audit.themes import audit_tasks

    store = open_store(settings)
    try:
        if args.audit == "alignment":
            report = audit_alignment(store, args.province)
            if args.format == "html":
                print(render_coverage(report), end="")
            else:
                print(render.render_alignment(report, args.format))
        elif args.audit == "ownership":
            province = None
            if args.province:
                province = resolve_province(args.province, province_labels(store))
            task = resolve_task(store, args.task).task if args.task else None
            report = audit_ownership(store, args.on, task=task, province=province)
            print(render.render_ownership(report, args.format, gone_only=args.gone))
        else:
            print(render.render_tasks(audit_tasks(store, args.province), args.format))
    except LookupError as error:
        print(f"policygraph audit: {error}", file=sys.stderr)
        return 2
    finally:
        store.close()
    return 0
