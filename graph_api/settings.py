"""One settings object, read once at start-up from CLI flags and ``POLICYGRAPH_*`` variables.

Nothing else in the code reads the environment: every function gets what it needs from here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

ENV_PREFIX = "POLICYGRAPH_"


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    host: str = "127.0.0.1"
    port: int = 8000
    store: str | None = None  # None: the embedded store of the current build; else a SPARQL URL
    store_update: str | None = None  # remote engine: SPARQL Update or Graph Store endpoint
    # remote engine: the serving index of the release loaded into it (default: the current
    # build's); trusted only when its data fingerprint matches (graph_api/serving_index_remote)
    serving_index: Path | None = None
    query_timeout: float = 10.0  # seconds, per query
    parse_timeout: float = 10.0  # seconds of this process's CPU to parse and check one request
    max_rows: int = 10_000  # result rows returned by /sparql and the REST answers
    max_request_bytes: int = 1_000_000  # query text and request bodies
    query_workers: int = 2  # worker processes that run queries (killed at the timeout)
    standby_workers: int = 1  # started in advance, to take a killed worker's place at once
    # False: answer as soon as one query worker is ready, the others start behind it (fast
    # start); True: wait for every serving worker first (steady-state benchmarks and load tests)
    workers_before_serving: bool = False
    worker_memory_mb: int = 1024  # resident memory ceiling of each query worker (0: none)
    client_concurrency: int = 2  # /sparql queries one client address may run at once
    client_queue: int = 16  # more it may have waiting (of the 40 request threads); then 503
    reserved_workers: int = 1  # workers kept for clients whose recent queries were all short
    light_client_seconds: float = 1.0  # "short": under this many seconds
    allow_updates: bool = False
    update_token: str | None = None
    in_memory: bool = False  # load the built store into memory at start instead of reading disk
    cors_origins: tuple[str, ...] = ("*",)
    # HTTP connection limits (graph_api/http_limits.py; docs/architecture.md "HTTP limits")
    header_timeout: float = 10.0  # seconds to send a whole request head
    max_pending_heads: int = 100  # connections still sending their head; more closes the oldest
    keep_alive_timeout: int = 20  # idle seconds between requests (over httpx's 5 s pool expiry)
    max_connections: int = 500  # open connections beyond which requests get 503
    view_cache_entries: int = 64  # /views pages and previews kept per release (0: none)

    @property
    def curated_dir(self) -> Path:
        return self.data_dir / "curated"

    @property
    def sources_dir(self) -> Path:
        return self.data_dir / "sources"

    @property
    def build_dir(self) -> Path:
        return self.data_dir / "build"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ``POLICYGRAPH_<FIELD>`` variables, then explicit overrides (CLI flags)."""
        environ = dict(os.environ if environ is None else environ)
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = environ.get(ENV_PREFIX + f.name.upper())
            if raw is not None:
                values[f.name] = _coerce(f.name, f.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)


def _coerce(name: str, kind: Any, raw: str) -> Any:
    kind = str(kind)
    try:
        if "Path" in kind:
            return Path(raw)
        if kind.startswith("bool"):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if kind.startswith("int"):
            return int(raw)
        if kind.startswith("float"):
            return float(raw)
        if kind.startswith("tuple"):
            return tuple(part.strip() for part in raw.split(",") if part.strip())
    except ValueError as error:
        raise ValueError(f"{ENV_PREFIX}{name.upper()}={raw!r}: {error}") from error
    return raw
