"""CSV and Parquet of findings: one row per finding, fixed columns, readable back by polars."""

from __future__ import annotations

import io
from dataclasses import replace

import polars as pl
import pytest
from reportdata import HOSTILE, sample

from termcheck.fingerprint import fingerprint
from termcheck.report import renderer
from termcheck.report.tabular import SCHEMA


def _read(fmt: str, data: bytes) -> pl.DataFrame:
    return pl.read_csv(io.BytesIO(data), schema=SCHEMA) if fmt == "csv" else pl.read_parquet(io.BytesIO(data))


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_one_row_per_finding_round_trips(fmt):
    report = sample()
    df = _read(fmt, renderer(fmt)(report))
    assert df.columns == list(SCHEMA)
    assert df.height == len(report.findings)
    for row, f in zip(df.iter_rows(named=True), report.findings, strict=True):
        assert (row["check"], row["severity"], row["segment"], row["doc"]) == (f.check, str(f.severity), f.segment,
                                                                               f.doc)
        assert row["target_text"] == f.target_text
        assert (row["target_start"], row["target_end"]) == (f.target_span or (None, None))
        assert row["file"] == f.origin.file and row["line"] == f.origin.line
        assert row["fingerprint"] == fingerprint(f)
    assert HOSTILE[HOSTILE.index("<script>"):][:17] in df["target_text"].to_list()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_empty_report_keeps_the_columns(fmt):
    df = _read(fmt, renderer(fmt)(replace(sample(passed=True), findings=())))
    assert df.height == 0 and df.columns == list(SCHEMA)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_deterministic_bytes(fmt):
    assert renderer(fmt)(sample()) == renderer(fmt)(sample())


def test_csv_quotes_commas_quotes_and_newlines():
    f = replace(sample().findings[0], message='a, "b"\nc')
    df = _read("csv", renderer("csv")(replace(sample(), findings=(f,))))
    assert df["message"][0] == 'a, "b"\nc'
