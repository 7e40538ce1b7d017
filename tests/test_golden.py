"""Reports are byte-identical to the recorded ones on fixed inputs: a refactor that changes a byte fails here.

A change meant to alter reports regenerates them, and says so in its commit:
    TERMCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from termcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "golden"
SEED = "corpora/readout-2024-02-16"
MINI = "tests/data/seed-mini.csv"

RUNS = {
    "seed-lines.json": ["--source", f"{SEED}.zh.txt", "--target", f"{SEED}.mt.lines.en.txt", "--reference",
                        f"{SEED}.ref.en.txt", "--glossary", MINI, "--format", "json"],
    "seed-paragraph.json": ["--source", f"{SEED}.zh.txt", "--target", f"{SEED}.mt.en.txt", "--glossary", MINI,
                            "--format", "json"],
    "seed-lines.sarif": ["--source", f"{SEED}.zh.txt", "--target", f"{SEED}.mt.lines.en.txt", "--glossary", MINI,
                         "--format", "sarif"],
    "memory-tmx.json": ["tests/data/readers/memory.tmx", "--glossary", MINI, "--format", "json"],
}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_report_is_byte_identical_to_the_recorded_one(name: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / name
    assert main(["check", "--no-config", "-q", "--fail-on", "never", *RUNS[name], "-o", str(out)]) == 0
    if os.environ.get("TERMCHECK_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        (GOLDEN / name).write_bytes(out.read_bytes())
        pytest.skip("golden report rewritten")
    assert out.read_bytes() == (GOLDEN / name).read_bytes()
