"""Findings as a table (CSV or Parquet through polars): one row per finding, for spreadsheets and pipelines."""

from __future__ import annotations

import io

from termcheck.metrics.frames import FINDINGS_SCHEMA as SCHEMA
from termcheck.metrics.frames import findings_table, spreadsheet_safe
from termcheck.report.model import Report

__all__ = ["SCHEMA", "render_csv", "render_parquet", "spreadsheet_safe"]


def render_csv(report: Report, *, color: bool = False) -> bytes:
    """UTF-8 CSV with a header row; spans are 0-based [start, end) character offsets. Text cells that
    would start a spreadsheet formula get a leading apostrophe (JSON and Parquet keep the raw text)."""
    buf = io.BytesIO()
    spreadsheet_safe(findings_table(report)).write_csv(buf)
    return buf.getvalue()


def render_parquet(report: Report, *, color: bool = False) -> bytes:
    """Parquet (zstd), readable by polars, DuckDB, pandas, Spark."""
    buf = io.BytesIO()
    findings_table(report).write_parquet(buf, compression="zstd", statistics=False)
    return buf.getvalue()
