"""The benchmark in parts: each part of ``make bench`` saved on its own, the report assembled from
the newest result of each.

A whole run takes 2–2.5 hours on a quiet machine, which a shared machine rarely has in one
piece; a part (one scale, the Virtuoso column at one scale, the build stages, ingestion) takes
minutes to an hour, so each can be run when the machine is quiet
(``python -m bench.run --part scale-1000000``). Each part's file records when it ran, the load
average at its start and end, and the commit it measured, and the report prints them beside
the part's figures: parts of different days and commits are read as such.

A part's file is ``bench/results/<timestamp>-<part>.json``; a whole run's older file (no
``part``) still gives its parts, the newest whole run only, when no part file is newer.
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
PART = re.compile(r"^(scale|virtuoso)-(\d+)$|^(build-stages|ingestion)$")


def check(name: str) -> str:
    """``name`` if it names a part, else ValueError saying which names do."""
    if not PART.match(name):
        raise ValueError(
            f"--part {name!r}: a part is scale-N, virtuoso-N (N quads), build-stages or ingestion"
        )
    return name


def default_parts(
    scales: list[int], virtuoso_scales: list[int], ingest: int, build_sizes: str
) -> list[str]:
    """The parts of a whole run, in the order it runs them."""
    parts = ["ingestion"] if ingest else []
    parts += ["build-stages"] if build_sizes else []
    for scale in scales:
        parts.append(f"scale-{scale}")
        if scale in virtuoso_scales:
            parts.append(f"virtuoso-{scale}")
    parts += [f"virtuoso-{s}" for s in virtuoso_scales if s not in scales]
    return parts


def kind(name: str) -> str:
    """``scale``, ``virtuoso``, ``build-stages`` or ``ingestion``."""
    return name.split("-")[0] if name.startswith(("scale-", "virtuoso-")) else name


def machine() -> dict[str, Any]:
    """The machine and the libraries measured (printed once at the head of the report)."""
    model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            mem_kb = int(line.split()[1])
    import pyoxigraph
    import rdflib

    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "pyoxigraph": pyoxigraph.__version__,
        "rdflib": rdflib.__version__,
    }


def conditions(root: Path) -> dict[str, Any]:
    """When and on what a part runs: time, 1-minute load average, commit (``+dirty`` when the
    worktree differs from it)."""
    return {
        "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "load": round(os.getloadavg()[0], 2),
        "commit": commit(root),
    }


def commit(root: Path) -> str:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "--short=10", "HEAD") or "unknown"
    return head + ("+dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def save(directory: Path, part: str, record: dict[str, Any]) -> Path:
    """Write one part's record (atomically: an assembly never reads half a file)."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = record["started"]["at"][:19].replace("-", "").replace(":", "")
    path = directory / f"{stamp}-{part}.json"
    partial = path.with_name(path.name + ".tmp")
    partial.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(partial, path)
    return path


def _parts_of(path: Path, data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Part name → record, from a part's file or a whole run's (its parts share its dates)."""
    if "part" in data:
        return {data["part"]: {**data, "file": path.name}}
    started = {"at": data.get("started", ""), "load": None, "commit": None}
    finished = {"at": data.get("finished", ""), "load": None, "commit": None}
    common = {
        "started": started,
        "finished": finished,
        "command": data.get("command"),
        "machine": data.get("machine"),
        "file": path.name,
    }
    found: dict[str, dict[str, Any]] = {}
    if data.get("ingestion"):
        found["ingestion"] = {**common, "part": "ingestion", "ingestion": data["ingestion"]}
    if data.get("build_stages"):
        found["build-stages"] = {
            **common,
            "part": "build-stages",
            "build_stages": data["build_stages"],
        }
    for scale in data.get("scales", []):
        figures = {key: value for key, value in scale.items() if key != "virtuoso"}
        found[f"scale-{scale['scale']}"] = {**common, "part": "scale", "scale": figures}
        if scale.get("virtuoso"):
            found[f"virtuoso-{scale['scale']}"] = {
                **common,
                "part": "virtuoso",
                "scale": {key: scale.get(key) for key in ("scale", "quads", "synth_s")},
                "virtuoso": scale["virtuoso"],
            }
    return found


def newest(directory: Path) -> dict[str, dict[str, Any]]:
    """Part name → the newest record of it among the part files and the newest whole run."""
    chosen: dict[str, dict[str, Any]] = {}
    whole: tuple[str, Path, dict[str, Any]] | None = None
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ValueError(f"{path}: not a benchmark result: {error}") from error
        if "part" not in data:
            if whole is None or data.get("started", "") >= whole[0]:
                whole = (data.get("started", ""), path, data)
            continue
        record = {**data, "file": path.name}
        name = record_name(record)
        if name not in chosen or record["started"]["at"] >= chosen[name]["started"]["at"]:
            chosen[name] = record
    if whole is not None:
        for name, record in _parts_of(whole[1], whole[2]).items():
            if name not in chosen or record["started"]["at"] > chosen[name]["started"]["at"]:
                chosen[name] = record
    return chosen


def record_name(record: dict[str, Any]) -> str:
    """The part name of a record (``scale-N`` and ``virtuoso-N`` carry their scale)."""
    if record["part"] in ("scale", "virtuoso"):
        return f"{record['part']}-{record['scale']['scale']}"
    return record["part"]


def assemble(records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The parts as one results dict (what :func:`bench.report.render` reads), with
    ``parts``: each part's name, file, dates, load and commit."""
    scales: dict[int, dict[str, Any]] = {}
    results: dict[str, Any] = {"scales": [], "parts": []}
    for name in sorted(records, key=_order):
        record = records[name]
        results["parts"].append(
            {
                "part": name,
                "file": record.get("file"),
                "started": record["started"],
                "finished": record.get("finished") or {},
                "command": record.get("command"),
            }
        )
        results.setdefault("machine", record.get("machine"))
        if record["part"] == "scale":
            scale = record["scale"]
            scales[scale["scale"]] = {**scales.get(scale["scale"], {}), **scale}
        elif record["part"] == "virtuoso":
            scale = record["scale"]
            known = scales.setdefault(scale["scale"], dict(scale))
            known["virtuoso"] = record["virtuoso"]
        elif record["part"] == "build-stages":
            results["build_stages"] = record["build_stages"]
        elif record["part"] == "ingestion":
            results["ingestion"] = record["ingestion"]
    results["scales"] = [scales[key] for key in sorted(scales)]
    return results


def _order(name: str) -> tuple[int, int, str]:
    match = PART.match(name)
    if match and match.group(2):
        return (1, int(match.group(2)), match.group(1))
    return (0, 0, name)
