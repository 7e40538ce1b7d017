"""Findings as a table (CSV or Parquet through polars): one row per finding, for spreadsheets and pipelines."""

from __future__ import annotations

import io

import polars as pl

from termcheck.fingerprint import fingerprint
from termcheck.report.model import Report
from termcheck.report.safe import FORMULA_STARTS

SCHEMA: dict[str, type[pl.DataType] | pl.DataType] = {
    "doc": pl.String, "segment": pl.String, "check": pl.String, "category": pl.String, "severity": pl.String,
    "message": pl.String, "suggestion": pl.String, "source_text": pl.String, "target_text": pl.String,
    "source_start": pl.Int64, "source_end": pl.Int64, "target_start": pl.Int64, "target_end": pl.Int64,
    "term": pl.String, "score": pl.Float64, "file": pl.String, "line": pl.Int64, "unit": pl.String,
    "fingerprint": pl.String,
}


def frame(report: Report) -> pl.DataFrame:
    """The findings as a DataFrame with a fixed schema (also when there are none)."""
    rows = []
    for f in report.findings:
        s, t, o = f.source_span, f.target_span, f.origin
        rows.append({
            "doc": f.doc, "segment": f.segment, "check": f.check, "category": f.category,
            "severity": str(f.severity), "message": f.message, "suggestion": f.suggestion,
            "source_text": f.source_text, "target_text": f.target_text,
            "source_start": s[0] if s else None, "source_end": s[1] if s else None,
            "target_start": t[0] if t else None, "target_end": t[1] if t else None,
            "term": f.term, "score": f.score, "file": o.file if o else None, "line": o.line if o else None,
            "unit": o.unit if o else None, "fingerprint": fingerprint(f),
        })
    return pl.DataFrame(rows, schema=SCHEMA) if rows else pl.DataFrame(schema=SCHEMA)


def spreadsheet_safe(df: pl.DataFrame) -> pl.DataFrame:
    """Text cells that a spreadsheet would run as formulas (starting with =, +, -, @, tab or CR: OWASP's
    CSV injection rule) get a leading apostrophe; other columns and cells are unchanged."""
    starts = "^[" + "".join("\\" + c if c in "-+" else c for c in FORMULA_STARTS) + "]"
    return df.with_columns(
        pl.when(pl.col(c).str.contains(starts)).then(pl.lit("'") + pl.col(c)).otherwise(pl.col(c)).alias(c)
        for c, dtype in df.schema.items() if dtype == pl.String)


def render_csv(report: Report, *, color: bool = False) -> bytes:
    """UTF-8 CSV with a header row; spans are 0-based [start, end) character offsets. Text cells that
    would start a spreadsheet formula get a leading apostrophe (JSON and Parquet keep the raw text)."""
    buf = io.BytesIO()
    spreadsheet_safe(frame(report)).write_csv(buf)
    return buf.getvalue()


def render_parquet(report: Report, *, color: bool = False) -> bytes:
    """Parquet (zstd), readable by polars, DuckDB, pandas, Spark."""
    buf = io.BytesIO()
    frame(report).write_parquet(buf, compression="zstd", statistics=False)
    return buf.getvalue()
