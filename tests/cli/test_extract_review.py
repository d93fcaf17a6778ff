"""``policygraph extract`` and ``policygraph review`` as a curator runs them, in a subprocess, on
the development texts in data/sources (no built store needed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "data" / "sources"
POLICYGRAPH = [sys.executable, "-m", "cli", "--data-dir", str(ROOT / "data")]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*POLICYGRAPH, *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_extract_json_gives_each_fact_its_line_context_and_guesses():
    """Lạng Sơn's notice 2881: the second and third tasks keep the lead of the first sentence."""
    path = SOURCES / "dev-lang-son-cv2881-chuyen-doi-so.txt"
    done = run("extract", "--json", "--quiet", str(path))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["source"] == "dev-lang-son-cv2881-chuyen-doi-so"
    original = path.read_text(encoding="utf-8").splitlines()
    for record in report["facts"]:
        first_words = " ".join(record["quote"].split()[:3])
        assert first_words in " ".join(original[record["line"] - 1].split()), record
    tasks = [r for r in report["facts"] if r["kind"] == "assignment"]
    carried = [r for r in tasks if "lead carried over from an earlier sentence" in r["guesses"]]
    assert [r["quote"].split(",")[0] for r in carried] == ["Rà soát", "Chủ trì"]
    assert all(r["document"] is None or ":" in r["document"] for r in report["facts"])


def test_extract_text_flags_guesses_and_gold_output_stays_gold():
    path = SOURCES / "dev-tuyen-quang-kh60.txt"
    done = run("extract", "--quiet", str(path))
    assert done.returncode == 0, done.stderr
    block = next(b for b in done.stdout.split("\n\n") if b.startswith("AGENCY Ban Chỉ đạo"))
    assert "GUESSED: agency Ban Chỉ đạo resolved by a bare short form" in block
    assert "line 19: «" in block and "under: Phần I. ĐÁNH GIÁ" in block
    gold = run("extract", "--gold", "--quiet", str(path))
    assert {"documents", "agencies"} <= set(json.loads(gold.stdout))


def test_extract_json_and_gold_together_is_a_usage_error():
    done = run("extract", "--json", "--gold", str(SOURCES / "dev-tuyen-quang-kh60.txt"))
    assert done.returncode == 2 and "--gold" in done.stderr
