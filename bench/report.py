"""``docs/benchmarks.md`` from the benchmark's results: tables, the targets, the kept notes.

``python -m bench.report [--results DIR] [--out PATH]`` assembles the newest result of each part
(:mod:`bench.parts`) and prints each part's dates, load and commit at the head. Everything above
the ``<!-- notes -->`` marker is regenerated; the notes below it (the analysis written by
people) are kept as they are.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bench import parts as bench_parts
from bench.route_report import route_table

MARKER = "<!-- notes -->"
# (label, where the figure is, threshold ms): medians at 10⁶ through the API unless said;
# "http_max" is the slowest API path except those with a target of their own
OWN_TARGET = {"alignment_audit_all"}
TARGETS = (
    ("every named API query < 100 ms", "http_max", 100.0),
    ("alignment audit, all provinces < 1 s", ("http", "alignment_audit_all"), 1000.0),
    ("alignment audit, one province < 100 ms", ("http", "alignment_audit_province"), 100.0),
    ("/api/search < 50 ms", ("http", "search"), 50.0),
    ("everything that implements X < 50 ms (store)", ("store", "implementers_transitive"), 50.0),
    ("HTTP overhead < 3 ms", ("http", "http_overhead_ms"), 3.0),
)


def _ms(entry: Any) -> str:
    if not isinstance(entry, dict):
        return "—"
    if "median_ms" in entry:
        value = entry["median_ms"]
        return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"
    if "over_cap_s" in entry:
        return f"> {entry['over_cap_s']:g} s"
    if "status" in entry:
        return f"HTTP {entry['status']}"
    if "error" in entry:
        return "error"
    return "—"


def _median(entry: Any) -> float | None:
    return entry.get("median_ms") if isinstance(entry, dict) else None


def _ratio(slow: Any, fast: Any) -> str:
    a, b = _median(slow), _median(fast)
    if isinstance(slow, dict) and "over_cap_s" in slow and b:
        return f"> {slow['over_cap_s'] * 1000 / b:,.0f}×"
    if a is None or not b:
        return "—"
    return f"{a / b:,.0f}×"


def machine_lines(results: dict[str, Any]) -> list[str]:
    m = results.get("machine") or {}
    lines = [
        f"- Machine: {m.get('cpu')}, {m.get('cores')} cores, {m.get('memory_gb')} GB RAM, "
        f"Linux {m.get('kernel')}; Python {m.get('python')}, pyoxigraph {m.get('pyoxigraph')}, "
        f"rdflib {m.get('rdflib')}.",
    ]
    if "parts" not in results:  # one whole run
        lines.append(f"- Run: {results['started']} → {results.get('finished', '(unfinished)')}.")
        lines.append(f"- Command: `{results['command']}`")
    return lines


def parts_table(parts: list[dict[str, Any]]) -> list[str]:
    """Each part's run: its dates, the 1-minute load average at its start and end, the commit
    measured (figures of different days, loads and commits are read side by side as such)."""
    lines = [
        "| part | started → finished | load average (start → end) | commit | file |",
        "|---|---|---|---|---|",
    ]
    for part in parts:
        start, end = part["started"], part.get("finished") or {}
        load = "—" if start.get("load") is None else f"{start['load']:g} → {end.get('load', 0):g}"
        lines.append(
            f"| {part['part']} | {start.get('at', '')} → {end.get('at', '(unfinished)')} "
            f"| {load} | {start.get('commit') or '—'} | `{part.get('file')}` |"
        )
    commands = sorted({part["command"] for part in parts if part.get("command")})
    lines += ["", "Commands: " + "; ".join(f"`{command}`" for command in commands) + "."]
    return lines


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} s"


def build_table(scales: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| quads | generate | on-disk build | peak MB | in-memory load | peak MB "
        "| serving index | rdflib load | peak MB | Virtuoso load |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in scales:
        disk, mem, rdf = s.get("build_disk", {}), s.get("load_memory", {}), s.get("rdflib", {})
        virt = s.get("virtuoso", {})
        lines.append(
            f"| {s.get('quads') or 0:,} | {_seconds(s.get('synth_s'))} "
            f"| {_seconds(disk.get('seconds'))} "
            f"| {disk.get('peak_rss_mb', '—')} | {_seconds(mem.get('seconds'))} "
            f"| {mem.get('peak_rss_mb', '—')} "
            f"| {_seconds(s.get('serving_index_s'))} "
            f"| {_seconds(rdf.get('seconds'))} "
            f"| {rdf.get('peak_rss_mb', '—')} "
            f"| {_seconds(virt.get('load_s'))} |"
        )
    return lines


def query_table(s: dict[str, Any]) -> list[str]:
    disk, mem = s.get("oxigraph_disk", {}), s.get("oxigraph_memory", {})
    rdf = s.get("rdflib", {}).get("queries", {})
    virt = s.get("virtuoso", {})
    lines = [
        "| query | rows | Oxigraph disk median / p95 | Oxigraph memory median / p95 "
        "| rdflib median | rdflib ÷ memory | Virtuoso median |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, entry in mem.items():
        d = disk.get(name, {})
        lines.append(
            f"| {name} | {entry.get('rows', '—')} | {_ms(d)} / {d.get('p95_ms', '—')} "
            f"| {_ms(entry)} / {entry.get('p95_ms', '—')} | {_ms(rdf.get(name))} "
            f"| {_ratio(rdf.get(name), entry)} | {_ms(virt.get(name))} |"
        )
    return lines


def http_table(s: dict[str, Any]) -> list[str]:
    disk, mem = s.get("http_disk", {}), s.get("http_memory", {})
    lines = [
        "| API path | served from disk: median / p95 | served in memory: median / p95 |",
        "|---|---:|---:|",
    ]
    for name, entry in mem.items():
        if not isinstance(entry, dict):
            continue
        d = disk.get(name, {})
        lines.append(
            f"| `{entry.get('path', '/sparql (10 rows)')}` | {_ms(d)} / {d.get('p95_ms', '—')} "
            f"| {_ms(entry)} / {entry.get('p95_ms', '—')} |"
        )
    lines.append(
        f"| HTTP overhead of /sparql over the direct call | {disk.get('http_overhead_ms', '—')} "
        f"| {mem.get('http_overhead_ms', '—')} |"
    )
    return lines


def target_lines(scales: list[dict[str, Any]]) -> list[str]:
    embedded = [s for s in scales if s["scale"] <= 1_000_000 and "http_disk" in s]
    if not embedded:
        return ["No scale up to 10⁶ quads measured through the API."]
    largest = max(embedded, key=lambda s: s["scale"])
    lines = [
        f"At {largest['quads']:,} quads, medians; the better of the two serving modes:",
        "",
        "| target | disk | memory | met? |",
        "|---|---:|---:|---|",
    ]
    for label, where, limit in TARGETS:
        values = []
        for mode in ("disk", "memory"):
            http = largest.get(f"http_{mode}", {})
            store = largest.get(f"oxigraph_{mode}", {})
            if where == "http_max":
                medians = [
                    _median(v)
                    for k, v in http.items()
                    if isinstance(v, dict) and k not in OWN_TARGET
                ]
                known = [m for m in medians if m is not None]
                values.append(max(known) if known else None)
            elif where[0] == "http":
                entry = http.get(where[1])
                values.append(entry if isinstance(entry, float) else _median(entry))
            else:
                values.append(_median(store.get(where[1])))
        known = [v for v in values if v is not None]
        best = min(known) if known else None
        verdict = (
            "—" if best is None else "yes" if best < limit else f"no: {best / limit:.1f}× over"
        )
        shown = " | ".join("—" if v is None else f"{v:,.1f} ms" for v in values)
        lines.append(f"| {label} | {shown} | {verdict} |")
    return lines


def render(results: dict[str, Any]) -> str:
    scales = results["scales"]
    parts = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (`python -m bench.run`) from",
        "`bench/results/*.json`; the notes at the end are written by hand.",
        "",
    ]
    parts += [*machine_lines(results), ""]
    if "parts" in results:
        parts += [
            "Assembled from the newest result of each part (`python -m bench.run --part …`):",
            "",
            *parts_table(results["parts"]),
            "",
        ]
    if "ingestion" in results:
        i = results["ingestion"]
        parts += [
            "## Ingestion (extraction of the real corpus repeated)",
            "",
            f"{i.get('documents')} documents, {i.get('kilobytes', 0):,.0f} KB in "
            f"{i.get('seconds', 0):.1f} s: **{i.get('documents_per_s')} documents/s, "
            f"{i.get('kb_per_s')} KB/s**, peak {i.get('peak_rss_mb')} MB.",
            "",
        ]
    if results.get("build_stages"):
        parts += [
            "## Build stages (`python -m bench.build_scale`: copies of the real texts)",
            "",
            "Each size built cold, then with one more document (warm cache); seconds.",
            "",
            *stage_table(results["build_stages"]),
            "",
        ]
    parts += ["## Build and load", "", *build_table(scales), ""]
    if scales:
        parts += ["## Targets (issue 7, point 3)", "", *target_lines(scales), ""]
    for s in scales:
        if "oxigraph_disk" not in s and "virtuoso" not in s:
            continue
        parts += [
            f"## {s.get('quads') or 0:,} quads",
            "",
            "Direct store calls (`Store.select`, the API's SQL-free path), ms:",
            "",
            *query_table(s),
            "",
        ]
        parts += ["Through a live `policygraph serve` on 127.0.0.1 (2 query workers), ms:", ""]
        parts += [*http_table(s), ""]
        if s.get("ready_http_disk_s") is not None:
            parts += [
                f"Server start to first answer (`policygraph serve`, 2 query workers): "
                f"{s['ready_http_disk_s']} s on disk, {s.get('ready_http_memory_s')} s in memory "
                "(loading the graph into memory first).",
                "",
            ]
        if s.get("routes_disk"):
            parts += [
                "Every route of the app (`bench/route_cases.py`; a route without a case stops",
                "the run), its slowest request, through a live server; ms:",
                "",
                *route_table(scales, s),
                "",
            ]
    return "\n".join(parts)


def stage_table(rows: list[dict[str, Any]]) -> list[str]:
    """The build stages per corpus size, as ``bench.build_scale`` prints them."""
    built = [row for row in rows if "stages" in row]
    stages = sorted({stage for row in built for stage in row["stages"]})
    head = ["docs", "KB", "run", "load", "wall s", "peak RSS MB", "quads", *stages]
    lines = ["| " + " | ".join(head) + " |", "|" + "---:|" * len(head)]
    for row in built:
        cells = [f"{row['documents']:,}", row["kb"], row["run"], row.get("load", "")]
        cells += [row["wall_seconds"], row["peak_rss_mb"], f"{row['quads']:,}"]
        cells += [f"{row['stages'][s]:.1f}" if s in row["stages"] else "" for s in stages]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    lines += [f"Build failed: {row['error']}" for row in rows if "error" in row]
    return lines


def write_markdown(results: dict[str, Any], path: Path) -> None:
    notes = ""
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if MARKER in text:
            notes = text[text.index(MARKER) :]
    path.write_text(render(results) + "\n" + (notes or MARKER + "\n"), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.report", description=__doc__)
    parser.add_argument("--results", type=Path, default=bench_parts.RESULTS)
    parser.add_argument("--out", type=Path, default=bench_parts.ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    write_markdown(bench_parts.assemble(bench_parts.newest(args.results)), args.out)


if __name__ == "__main__":
    main()
