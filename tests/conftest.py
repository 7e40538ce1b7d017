"""Shared fixtures: paths to the worked example, the mini glossary and the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def seed() -> dict[str, Path]:
    stem = CORPORA / "readout-2024-02-16"
    return {
        "zh": stem.with_suffix(".zh.txt"),
        "mt": stem.with_suffix(".mt.lines.en.txt"),
        "mt_paragraph": stem.with_suffix(".mt.en.txt"),
        "ref": stem.with_suffix(".ref.en.txt"),
        "expected": stem.with_suffix(".expected.tsv"),
    }


@pytest.fixture
def mini_glossary() -> Path:
    return DATA / "seed-mini.csv"
