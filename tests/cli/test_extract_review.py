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
    assert "GUESSED: agency Ban Chỉ đạo chuyển đổi số tỉnh resolved by a partial" in block
    assert "line 19: «" in block and "under: Phần I. ĐÁNH GIÁ" in block
    gold = run("extract", "--gold", "--quiet", str(path))
    assert {"documents", "agencies"} <= set(json.loads(gold.stdout))


def test_extract_json_and_gold_together_is_a_usage_error():
    done = run("extract", "--json", "--gold", str(SOURCES / "dev-tuyen-quang-kh60.txt"))
    assert done.returncode == 2 and "--gold" in done.stderr


def test_review_lists_unresolved_agencies_and_candidate_indicators(tmp_path):
    """Two development texts: Phú Thọ's review (an uncurated "Văn phòng Tỉnh ủy") and Điện Biên's
    targets (the share of electronic documents exchanged online, no curated indicator; its
    three-level meetings now resolve to the curated online-meetings share)."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "curated", data / "curated")
    (data / "sources").mkdir()
    for stem in ("dev-phu-tho-tong-ket-2026", "dev-m-dien-bien-cds"):
        for path in SOURCES.glob(f"{stem}.*"):
            shutil.copy(path, data / "sources" / path.name)
    done = subprocess.run(
        [sys.executable, "-m", "cli", "--data-dir", str(data), "review", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    office = next(a for a in report["agencies"] if a["key"] == "vp-tinh-uy-phu-tho")
    assert office["count"] == 1 and office["sources"] == ["dev-phu-tho-tong-ket-2026"]
    assert office["examples"][0]["line"] == 11
    assert office["examples"][0]["file"] == "dev-phu-tho-tong-ket-2026.txt"
    label = (
        "tỉ lệ văn bản điện tử của cơ quan, đơn vị được trao đổi, liên thông trên môi trường mạng"
    )
    exchanged = next(i for i in report["indicators"] if i["label"] == label)
    assert exchanged["count"] == 1 and [e["line"] for e in exchanged["examples"]] == [2]
    assert not any("cuộc họp" in i["label"] for i in report["indicators"])
