"""The benchmark runs in parts and the report is assembled from the newest result of each
(:mod:`bench.parts`): checked on two part files ``python -m bench.run`` wrote at a tiny scale
(``--part scale-3000 virtuoso-3000``, kept in ``tests/bench/data``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench import parts
from bench.report import MARKER, render, write_markdown

DATA = Path(__file__).parent / "data"
SAVED = sorted(DATA.glob("*-*.json"))


@pytest.fixture
def results(tmp_path) -> Path:
    for path in SAVED:
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_the_saved_parts_are_real_runs():
    names = {parts.record_name(json.loads(p.read_text())) for p in SAVED}
    assert names == {"scale-3000", "virtuoso-3000"}
    for path in SAVED:
        record = json.loads(path.read_text())
        assert record["command"].startswith("python -m bench.run --part scale-3000 virtuoso-3000")
        assert record["started"]["at"] <= record["finished"]["at"]
        assert record["started"]["commit"] and record["started"]["load"] is not None


def test_the_report_assembles_each_parts_newest_result_with_its_conditions(results):
    chosen = parts.newest(results)
    assert set(chosen) == {"scale-3000", "virtuoso-3000"}
    assembled = parts.assemble(chosen)
    [scale] = assembled["scales"]
    assert scale["routes_disk"] and scale["virtuoso"]["routes"]  # both parts in one scale
    text = render(assembled)
    for record in chosen.values():  # each part's dates, load and commit beside it
        start, end = record["started"], record["finished"]
        head = f"| {parts.record_name(record)} |"
        row = next(line for line in text.splitlines() if line.startswith(head))
        assert start["at"] in row and end["at"] in row and start["commit"] in row
        assert f"{start['load']:g} → {end['load']:g}" in row
        assert record["file"] in row
    assert f"## {scale['quads']:,} quads" in text
    assert "Virtuoso: median / p95 ms" in text  # the Virtuoso part's column in the route table
    assert "| route | goal ms |" in text


def test_a_newer_run_of_a_part_replaces_only_that_part(results):
    [scale_file] = [p for p in results.glob("*.json") if p.name.endswith("-scale-3000.json")]
    record = json.loads(scale_file.read_text())
    newer = {**record, "started": {**record["started"], "at": "2099-01-01T00:00:00+0000"}}
    newer["scale"] = {**record["scale"], "quads": 12_345}
    (results / "20990101T000000-scale-3000.json").write_text(json.dumps(newer))
    chosen = parts.newest(results)
    assert chosen["scale-3000"]["file"] == "20990101T000000-scale-3000.json"
    assert chosen["virtuoso-3000"]["file"] != chosen["scale-3000"]["file"]
    assert "## 12,345 quads" in render(parts.assemble(chosen))


def test_the_notes_are_kept_and_bad_names_refused(results, tmp_path):
    page = tmp_path / "benchmarks.md"
    page.write_text("old tables\n" + MARKER + "\nhand-written notes\n", encoding="utf-8")
    write_markdown(parts.assemble(parts.newest(results)), page)
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks") and text.endswith(MARKER + "\nhand-written notes\n")
    assert "old tables" not in text
    with pytest.raises(ValueError, match="--part 'scale-'"):
        parts.check("scale-")
    assert parts.default_parts([10, 20], [20], 0, "10") == [
        "build-stages",
        "scale-10",
        "scale-20",
        "virtuoso-20",
    ]
