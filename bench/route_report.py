"""The every-route table of ``docs/benchmarks.md``: each route against its goal, at each scale.

A route's figure is its slowest request (by median) among its cases that answered 2xx, so a
route with a fast and a slow case is judged by the slow one; for a streamed answer the goal is
on the first byte. Disk, memory and Virtuoso side by side; growth from the smaller scales.
"""

from __future__ import annotations

from typing import Any

MODES = (("routes_disk", "disk"), ("routes_memory", "memory"))


def slowest(route: dict[str, Any]) -> dict[str, Any] | None:
    """The route's slowest successful request (by median), or None when none answered 200."""
    answered = [
        (url, figures)
        for url, figures in route.get("requests", {}).items()
        if 200 <= figures.get("status", 0) < 300 and "median_ms" in figures
    ]
    if not answered:
        return None
    url, figures = max(answered, key=lambda item: item[1]["median_ms"])
    return {"url": url, **figures}


def judged_ms(route: dict[str, Any], request: dict[str, Any]) -> float:
    return request["first_byte_median_ms"] if route.get("streamed") else request["median_ms"]


def _cell(route: dict[str, Any] | None) -> str:
    request = slowest(route) if route else None
    if request is None:
        return "—"
    cell = f"{request['median_ms']:,.1f} / {request['p95_ms']:,.1f}"
    if route and route.get("streamed"):
        cell += f" (first byte {request['first_byte_median_ms']:,.1f})"
    return cell


def _verdict(route: dict[str, Any] | None) -> str:
    request = slowest(route) if route else None
    if route is None or request is None:
        return "—"
    ratio = judged_ms(route, request) / route["goal_ms"]
    return f"{ratio:.2f}" + ("" if ratio <= 1 else " **over**")


def route_table(scales: list[dict[str, Any]], scale: dict[str, Any]) -> list[str]:
    """One row per route at ``scale``: disk, memory, Virtuoso, ratio to goal, growth."""
    smaller = [s for s in scales if s["scale"] < scale["scale"] and s.get("routes_disk")]
    previous = max(smaller, key=lambda s: s["scale"]) if smaller else None
    virtuoso = scale.get("virtuoso", {}).get("routes", {})
    header = "| route | goal ms | disk: median / p95 ms | memory: median / p95 ms |"
    rule = "|---|---:|---:|---:|"
    if virtuoso:
        header += " Virtuoso: median / p95 ms |"
        rule += "---:|"
    header += " disk ÷ goal |"
    rule += "---:|"
    if previous:
        header += f" growth from {previous['quads']:,} (disk) |"
        rule += "---:|"
    lines = [header, rule]
    disk_routes = scale.get("routes_disk", {})
    for name, route in sorted(disk_routes.items()):
        row = f"| `{name}` | {route['goal_ms']:,.0f} | {_cell(route)} "
        row += f"| {_cell(scale.get('routes_memory', {}).get(name))} |"
        if virtuoso:
            row += f" {_cell(virtuoso.get(name))} |"
        row += f" {_verdict(route)} |"
        if previous:
            row += f" {_growth(previous['routes_disk'].get(name), route)} |"
        lines.append(row)
    slow = [
        f"`{name}` → `{request['url']}`"
        for name, route in sorted(disk_routes.items())
        if (request := slowest(route)) and judged_ms(route, request) > route["goal_ms"]
    ]
    failed = [
        f"`{url}` ({figures.get('status', figures.get('error'))})"
        for route in disk_routes.values()
        for url, figures in route.get("requests", {}).items()
        if not 200 <= figures.get("status", 0) < 300 and figures.get("status") not in (400, 404)
    ]
    lines += ["", f"Over the goal on disk: {', '.join(slow) if slow else 'none'}."]
    if failed:
        lines.append(f"Requests that did not answer 2xx, 400 or 404: {', '.join(failed)}.")
    return lines


def _growth(before: dict[str, Any] | None, after: dict[str, Any]) -> str:
    old, new = (slowest(before) if before else None), slowest(after)
    if not old or not new or old["median_ms"] <= 0:
        return "—"
    return f"{new['median_ms'] / old['median_ms']:.1f}×"
