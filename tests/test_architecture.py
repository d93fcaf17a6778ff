"""The parts and their allowed arrows, checked by import-linter (contracts in pyproject.toml)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _contracts() -> list[dict]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return pyproject["tool"]["importlinter"]["contracts"]


def test_architecture_doc_lists_the_layers_of_the_contracts():
    """docs/architecture.md draws the parts; the import-linter layers are the source of truth."""
    layers = next(c["layers"] for c in _contracts() if c["type"] == "layers")
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = doc.split("## Parts and allowed arrows", 1)[1]
    block = re.search(r"```text\n(.*?)```", section, re.S)[1]
    drawn = [re.split(r"\s{2,}", line.strip())[0] for line in block.splitlines() if line.strip()]
    assert drawn == layers, f"docs/architecture.md draws {drawn}; pyproject.toml has {layers}"


def test_architecture_doc_names_every_forbidden_arrow():
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for contract in (c for c in _contracts() if c["type"] == "forbidden"):
        for source in contract["source_modules"]:
            for target in contract["forbidden_modules"]:
                assert f"`{source}` never imports `{target}`" in doc, (source, target)


def test_test_modules_have_unique_names():
    """The tests are collected by basename (no packages under tests/): two test files with one
    name stop pytest before the first test runs, as tests/*/test_errors.py once did."""
    seen: dict[str, list[str]] = {}
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path.name not in {"conftest.py", "__init__.py"}:
            seen.setdefault(path.name, []).append(str(path.relative_to(ROOT)))
    assert {name: paths for name, paths in seen.items() if len(paths) > 1} == {}
