"""``policygraph synth``: write a national-scale synthetic graph as N-Quads (for benchmarks)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from graph_api.settings import Settings

HELP = "write a synthetic national-scale graph (curated data included) as N-Quads"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scale", type=int, default=100_000, help="about this many quads")
    parser.add_argument("--seed", type=int, default=57, help="the same seed gives the same file")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .nq file to write")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from bench.synth import write_file

    if args.scale < 1:
        raise ValueError("--scale must be positive")
    started = time.perf_counter()
    count = write_file(args.output, args.scale, args.seed, settings.curated_dir)
    seconds = time.perf_counter() - started
    print(f"{count} quads written to {args.output} in {seconds:.1f} s", file=sys.stderr)
    return 0
