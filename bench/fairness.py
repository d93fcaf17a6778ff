"""Is /sparql fair? A cheap ``ASK {}`` client's latency while other clients loop runaway queries.

    python -m bench.fairness [--seconds 30] [--timeout 10] [--runaway 0,2,4] [--hog]

Builds the real store from data/ (into a temporary folder), starts ``policygraph serve`` on
127.0.0.1 for each phase, and runs one cheap client next to 0, 2, 4… runaway clients, each
looping an ORDER BY over a cross product (it sorts billions of rows, so only the time limit or
the memory ceiling ends it). Every client sends from its own loopback address (127.0.0.2,
127.0.0.10…: all of 127.0.0.0/8 is the loopback interface), because the server tells clients
apart by their address. Prints the cheap client's p50/p95/max, its status codes, the runaway
clients' status codes, and the peak resident memory of the query workers (sampled every 0.1 s).
``--hog`` adds a phase where one client sends the same query alone, to report the peak RSS of
the worker running it and the answer it got.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import shutil
import tempfile
import threading
import time
from pathlib import Path

import httpx
import psutil

from bench.server import Server
from bench.timing import percentile

ROOT = Path(__file__).resolve().parents[1]
CHEAP = "ASK {}"
RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
RUNAWAY_KINDS = {
    "order": RUNAWAY,  # memory and CPU: ends at the memory ceiling or the time limit
    "count": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",  # CPU only
    "braces": "SELECT * WHERE " + "{" * 10_000 + "}" * 10_000,  # refused by the guard (400)
}


def build_store(folder: Path) -> Path:
    """The real build of data/curated and data/sources, made in ``folder``."""
    from ingest.build import build, current_store_path

    for part in ("curated", "sources"):
        shutil.copytree(ROOT / "data" / part, folder / part)
    build(folder / "curated", folder / "sources", folder / "build", validate=False)
    return current_store_path(folder / "build")


def client_for(url: str, address: str) -> httpx.Client:
    """An HTTP client whose connections leave from loopback ``address``."""
    transport = httpx.HTTPTransport(local_address=address)
    return httpx.Client(base_url=url, transport=transport, timeout=120)


class Phase:
    """One cheap client and ``runaway`` looping clients against one server, for ``seconds``."""

    def __init__(
        self,
        server: Server,
        runaway: int,
        seconds: float,
        runaway_query: str = RUNAWAY,
        head_start: float = 0.5,
    ) -> None:
        self.server = server
        self.head_start = head_start  # seconds the runaway clients loop before the cheap one
        self.runaway = runaway
        self.seconds = seconds
        self.runaway_query = runaway_query
        self.cheap_ms: list[float] = []
        self.cheap_status: collections.Counter[int] = collections.Counter()
        self.runaway_status: collections.Counter[int] = collections.Counter()
        self.peak_worker_rss = 0
        self.messages: dict[int, str] = {}  # the first error message of each status
        self._stop = threading.Event()

    def _loop_runaway(self, address: str) -> None:
        with client_for(self.server.url, address) as client:
            while not self._stop.is_set():
                try:
                    response = client.get("/sparql", params={"query": self.runaway_query})
                    status = response.status_code
                    if status != 200:
                        self.messages.setdefault(status, response.text[:200])
                except httpx.HTTPError as error:
                    status = 0
                    self.messages.setdefault(status, repr(error))
                self.runaway_status[status] += 1

    def _loop_cheap(self) -> None:
        with client_for(self.server.url, "127.0.0.2") as client:
            while not self._stop.is_set():
                started = time.perf_counter()
                try:
                    status = client.get("/sparql", params={"query": CHEAP}).status_code
                except httpx.HTTPError:
                    status = 0
                self.cheap_ms.append((time.perf_counter() - started) * 1000)
                self.cheap_status[status] += 1
                time.sleep(0.05)

    def _sample_memory(self) -> None:
        server = psutil.Process(self.server.process.pid)
        while not self._stop.wait(0.1):
            for child in server.children(recursive=True):
                with contextlib.suppress(psutil.Error):  # a worker killed meanwhile
                    self.peak_worker_rss = max(self.peak_worker_rss, child.memory_info().rss)

    def run(self) -> Phase:
        threads = [threading.Thread(target=self._sample_memory)]
        threads += [
            threading.Thread(target=self._loop_runaway, args=(f"127.0.0.{10 + i}",))
            for i in range(self.runaway)
        ]
        for thread in threads:
            thread.start()
        time.sleep(self.head_start if self.runaway else 0)  # runaway queries reach workers first
        cheap = threading.Thread(target=self._loop_cheap)
        cheap.start()
        time.sleep(self.seconds)
        self._stop.set()
        cheap.join()
        for thread in threads:
            thread.join()
        return self

    def report(self) -> str:
        samples = self.cheap_ms or [float("nan")]
        return (
            f"{self.runaway} runaway clients: cheap ASK p50 {percentile(samples, 0.5):.0f} ms, "
            f"p95 {percentile(samples, 0.95):.0f} ms, max {max(samples):.0f} ms, "
            f"{len(self.cheap_ms)} requests, statuses {dict(self.cheap_status)}; "
            f"runaway statuses {dict(self.runaway_status)}; "
            f"peak worker RSS {self.peak_worker_rss / 2**20:.0f} MB"
            + "".join(f"\n  {status}: {text}" for status, text in sorted(self.messages.items()))
        )


def hog_phase(server: Server) -> str:
    """One client alone sends the runaway query once: its answer and the worker's peak RSS."""
    phase = Phase(server, 0, 0)
    sampler = threading.Thread(target=phase._sample_memory)
    sampler.start()
    started = time.perf_counter()
    with client_for(server.url, "127.0.0.3") as client:
        response = client.get("/sparql", params={"query": RUNAWAY})
    seconds = time.perf_counter() - started
    phase._stop.set()
    sampler.join()
    message = response.json().get("message", "") if response.status_code != 200 else ""
    return (
        f"memory hog alone: HTTP {response.status_code} after {seconds:.1f} s, "
        f"peak worker RSS {phase.peak_worker_rss / 2**20:.0f} MB; {message[:160]}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.fairness", description=__doc__)
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each phase")
    parser.add_argument("--timeout", type=float, default=10.0, help="server's query time limit")
    parser.add_argument("--workers", type=int, default=2, help="server's query workers")
    parser.add_argument("--runaway", default="0,2,4", help="runaway client counts, one a phase")
    parser.add_argument(
        "--query", choices=sorted(RUNAWAY_KINDS), default="order", help="what runaway clients send"
    )
    parser.add_argument("--hog", action="store_true", help="also measure the memory hog alone")
    parser.add_argument("--store", type=Path, help="a built store (default: build data/ now)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fairness-") as scratch:
        store = args.store or build_store(Path(scratch))
        print(
            f"load average {psutil.getloadavg()[0]:.1f}; {args.workers} workers, "
            f"time limit {args.timeout:g} s, {args.seconds:g} s a phase, runaway: {args.query}"
        )
        options = {"store": store, "workers": args.workers, "timeout": args.timeout}
        for count in (int(part) for part in args.runaway.split(",") if part.strip()):
            with Server(**options) as server:
                phase = Phase(server, count, args.seconds, RUNAWAY_KINDS[args.query])
                print(phase.run().report(), flush=True)
        if args.hog:
            with Server(**options) as server:
                print(hog_phase(server), flush=True)


if __name__ == "__main__":
    main()
