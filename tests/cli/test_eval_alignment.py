"""``policygraph eval-alignment`` as a user runs it: on the real build (``--store``) and the real
gold, one row per batch whose totals are the gold's required provincial targets; bad folders
are one-line errors naming them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bench.alignment_verdicts import batch_of

pytestmark = pytest.mark.slow
GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold"


def _required_provincial_targets() -> Counter:
    counts: Counter = Counter()
    for path in GOLD.glob("*.json"):
        for target in json.loads(path.read_text(encoding="utf-8")).get("targets", []):
            national = str(target.get("scope") or "").lower() == "national"
            if not national and not target.get("optional"):
                counts[batch_of(path.stem)] += 1
    return counts


def test_json_report_counts_every_required_provincial_target(policygraph):
    done = policygraph("eval-alignment", str(GOLD), "--json", "--quiet")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    totals = {name: row["total"] for name, row in report["batches"].items()}
    assert totals == dict(_required_provincial_targets())
    for name, row in report["batches"].items():
        assert 0 <= row["right"] <= row["total"], name
        pairs = sum(sum(observed.values()) for observed in row["confusion"].values())
        assert pairs >= row["total"], name  # at least one (target, national) pair each
    right = sum(t["right"] for t in report["targets"])
    assert right == sum(row["right"] for row in report["batches"].values())


def test_text_report_and_bad_folders(policygraph, tmp_path):
    done = policygraph("eval-alignment", str(GOLD), "--quiet")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("batch   right/total          missed")
    assert "confusion over (target, national target) pairs" in done.stdout
    missing = tmp_path / "no-such-gold"
    done = policygraph("eval-alignment", str(missing))
    assert done.returncode == 2 and str(missing) in done.stderr
    (tmp_path / "curated").mkdir()
    done = policygraph("eval-alignment", str(GOLD), "--data-dir", str(tmp_path))
    assert done.returncode == 2 and "curated" in done.stderr
