"""Breakdowns as polars DataFrames from the Python API, and their export to CSV and Parquet."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import termcheck
from termcheck.cli import main
from termcheck.config import Config
from termcheck.metrics.frames import BREAKDOWNS, export, findings_frame, frames
from termcheck.model import Segment
from termcheck.report.model import Report

GLOSSARY = Path(__file__).parent / "data" / "metrics-glossary.csv"

SEGMENTS = [
    Segment("1", "中美关系很重要。", "Sino-American relations matter.", 0, "a.txt"),
    Segment("2", "我们反对台独。", "We oppose the independence of Taiwan.", 1, "a.txt"),
    Segment("3", "去风险。", "De-risking.", 2, "a.txt"),
    Segment("1", "去风险。", "Risk reduction.", 3, "b.txt"),
    Segment("2", "维护核心利益。", "Defend core interests.", 4, "b.txt"),
]


@pytest.fixture(scope="module")
def report() -> Report:
    return termcheck.check(SEGMENTS, glossary=[GLOSSARY], config=Config(select=("terminology",)))


def test_findings_frame_has_a_row_per_finding_with_its_penalty(report) -> None:
    f = findings_frame(report)
    assert isinstance(f, pl.DataFrame) and f.height == len(report.findings)
    weights = report.metrics["mqm"]["weights"]
    assert f["penalty"].to_list() == [float(weights[str(x.severity)]) for x in report.findings]
    assert f["penalty"].sum() == report.metrics["mqm"]["penalty"]


def test_every_breakdown_is_a_dataframe(report) -> None:
    tables = frames(report)
    assert list(tables) == list(BREAKDOWNS)
    assert all(isinstance(v, pl.DataFrame) for v in tables.values())


def test_by_document(report) -> None:
    docs = frames(report)["documents"]
    assert docs["doc"].to_list() == ["a.txt", "b.txt"]
    assert docs["segments"].to_list() == [3, 2]
    assert docs["words"].to_list() == [3 + 6 + 1, 2 + 3]
    # a: major (Sino-American relations, 5) + critical (independence of Taiwan, 25); b: major (risk reduction)
    assert docs["penalty"].to_list() == [30.0, 5.0]
    assert docs["critical"].to_list() == [1, 0] and docs["major"].to_list() == [1, 1]
    assert docs["mqm_score"].to_list() == [100 * (1 - 30 / 10), 100 * (1 - 5 / 5)]
    assert docs["term_occurrences"].to_list() == [3, 2] and docs["term_correct"].to_list() == [1, 1]
    assert docs["term_success_rate"].to_list() == [33.33, 50.0]
    assert docs["penalty"].sum() == report.metrics["mqm"]["penalty"]


def test_by_check_and_category_match_the_summary(report) -> None:
    tables = frames(report)
    checks = tables["checks"]
    assert dict(zip(checks["check"], checks["findings"], strict=True)) == report.summary["by_check"]
    cats = tables["categories"]
    assert dict(zip(cats["category"], cats["findings"], strict=True)) == report.summary["by_category"]
    assert checks["penalty"].sum() == cats["penalty"].sum() == report.metrics["mqm"]["penalty"]


def test_by_term(report) -> None:
    terms = frames(report)["terms"]
    row = terms.filter(pl.col("term") == "de-risking").to_dicts()[0]
    assert (row["occurrences"], row["correct"], row["forbidden"], row["other"]) == (2, 1, 1, 0)
    assert row["success_rate"] == 50.0 and row["findings"] >= 1 and row["source"] == "去风险"
    assert terms["correct"].sum() == report.metrics["terms"]["correct"]
    assert terms["occurrences"].sum() == report.metrics["terms"]["source_terms"]


def test_segments_and_renderings(report) -> None:
    tables = frames(report)
    seg = tables["segments"]
    assert seg.columns[:2] == ["segment", "doc"] and seg.height == len(SEGMENTS)
    assert seg["penalty"].to_list() == [5.0, 25.0, 0.0, 5.0, 0.0]
    ren = tables["renderings"]
    assert ren.filter(pl.col("term") == "de-risking")["segments"].to_list() == [["a.txt:3"], ["b.txt:1"]]


def test_empty_report_gives_empty_frames() -> None:
    report = termcheck.check([Segment("1", None, "Nothing to see.", 0, "d")], glossary=[GLOSSARY])
    tables = frames(report)
    assert tables["findings"].height == 0 and tables["renderings"].height == 0 and tables["terms"].height == 0
    assert tables["documents"]["findings"].to_list() == [0]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_round_trips(report, tmp_path: Path, fmt: str) -> None:
    paths = export(report, tmp_path / "out", fmt)
    assert sorted(p.name for p in paths) == sorted(f"{name}.{fmt}" for name in BREAKDOWNS)
    tables = frames(report)
    read = pl.read_csv if fmt == "csv" else pl.read_parquet
    docs = read(tmp_path / "out" / f"documents.{fmt}")
    assert docs["penalty"].to_list() == tables["documents"]["penalty"].to_list()
    ren = read(tmp_path / "out" / f"renderings.{fmt}")
    first = ren.filter(pl.col("term") == "de-risking")["segments"].to_list()[0]
    assert first == (["a.txt:3"] if fmt == "parquet" else "a.txt:3")


def test_cli_breakdowns_option(seed: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "breakdowns"
    code = main(["check", "--glossary", str(GLOSSARY), "--source", str(seed["zh"]), "--target", str(seed["mt"]),
                 "--breakdowns", str(out), "--breakdowns-format", "parquet", "--format", "json", "--output",
                 str(tmp_path / "r.json"), "-q"])
    assert code == 1  # the seed fails the gate; the breakdowns are written all the same
    assert pl.read_parquet(out / "documents.parquet")["segments"].to_list() == [18]
    bad = main(["check", "--glossary", str(GLOSSARY), "--target", str(seed["mt"]), "--breakdowns", str(seed["mt"])])
    assert bad == 2 and "not a directory" in capsys.readouterr().err
