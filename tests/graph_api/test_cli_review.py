"""The reviewer's commands: ``policygraph extract`` and ``policygraph eval``."""

from __future__ import annotations

import json
from pathlib import Path

from cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SEED_002 = ROOT / "data" / "sources" / "002_164b680af517698d.txt"


def test_extract_prints_each_fact_with_a_verbatim_quote(capsys):
    assert main(["--data-dir", str(ROOT / "data"), "extract", str(SEED_002)]) == 0
    out = capsys.readouterr().out
    assert "TASK " in out and "lead: Sở Khoa học và Công nghệ [so-khcn-binh-duong]" in out
    assert "coordinating: Sở Thông tin và Truyền thông [so-tttt-binh-duong]" in out
    original = SEED_002.read_text(encoding="utf-8")
    quote = next(line for line in out.splitlines() if "giao Sở Khoa học" in line)
    start, end = quote.split("[", 1)[1].split("]", 1)[0].split(":")
    assert "giao Sở Khoa học và Công nghệ chủ trì" in original[int(start) : int(end)]


def test_extract_json_is_gold_format(capsys):
    assert main(["--data-dir", str(ROOT / "data"), "extract", "--gold", str(SEED_002)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"documents", "agencies", "assignments", "targets"} <= set(data)
    assert any(a["lead"].startswith("Sở Khoa học") for a in data["assignments"])


def test_eval_scores_seeds_above_the_bar(capsys):
    code = main(
        [
            "--data-dir",
            str(ROOT / "data"),
            "eval",
            "--json",
            str(ROOT / "tests" / "gold"),
            str(ROOT / "data" / "sources"),
        ]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    text = json.dumps(report)
    assert "documents" in text and "targets" in text


def test_extract_missing_file_is_a_clear_error(capsys, tmp_path):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err
