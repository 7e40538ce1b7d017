"""Breakdowns as polars DataFrames: findings, segments, renderings, and by document, check, category, term.

Pure functions of a Report (its findings and metrics): nothing is recounted from the texts.
"""

from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from termcheck.fileio import write_atomic
from termcheck.fingerprint import fingerprint
from termcheck.model import Severity
from termcheck.text import FORMULA_STARTS

if TYPE_CHECKING:
    from termcheck.report.model import Report

SEVERITIES = [str(s) for s in sorted(Severity, reverse=True)]  # critical, major, minor, info
OK_STATUSES = ("preferred", "admitted")

RENDERINGS_SCHEMA: dict[str, Any] = {
    "term": pl.String, "source": pl.String, "rendering": pl.String, "status": pl.String,
    "count": pl.Int64, "share": pl.Float64, "segments": pl.List(pl.String),
}


FINDINGS_SCHEMA: dict[str, type[pl.DataType] | pl.DataType] = {
    "doc": pl.String, "segment": pl.String, "check": pl.String, "category": pl.String, "severity": pl.String,
    "message": pl.String, "suggestion": pl.String, "source_text": pl.String, "target_text": pl.String,
    "source_start": pl.Int64, "source_end": pl.Int64, "target_start": pl.Int64, "target_end": pl.Int64,
    "term": pl.String, "score": pl.Float64, "file": pl.String, "line": pl.Int64, "unit": pl.String,
    "fingerprint": pl.String,
}


def findings_table(report: Report) -> pl.DataFrame:
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
    return pl.DataFrame(rows, schema=FINDINGS_SCHEMA) if rows else pl.DataFrame(schema=FINDINGS_SCHEMA)


def spreadsheet_safe(df: pl.DataFrame) -> pl.DataFrame:
    """Text cells that a spreadsheet would run as formulas (starting with =, +, -, @, tab or CR: OWASP's
    CSV injection rule) get a leading apostrophe; other columns and cells are unchanged."""
    starts = "^[" + "".join("\\" + c if c in "-+" else c for c in FORMULA_STARTS) + "]"
    return df.with_columns(
        pl.when(pl.col(c).str.contains(starts)).then(pl.lit("'") + pl.col(c)).otherwise(pl.col(c)).alias(c)
        for c, dtype in df.schema.items() if dtype == pl.String)


def _weights(report: Report) -> Mapping[str, float]:
    from termcheck.metrics.mqm import DEFAULT_WEIGHTS

    return report.metrics.get("mqm", {}).get("weights", DEFAULT_WEIGHTS)


def findings_frame(report: Report) -> pl.DataFrame:
    """One row per finding (the columns of the CSV/Parquet report), with its MQM penalty points."""
    w = {k: float(v) for k, v in _weights(report).items()}
    return findings_table(report).with_columns(
        pl.col("severity").replace_strict(w, default=0.0, return_dtype=pl.Float64).alias("penalty"))


def segments_frame(report: Report) -> pl.DataFrame:
    """One row per segment: words, penalty, term counts and sentence BLEU/chrF++/TER where computed."""
    cols = report.metrics.get("per_segment") or {"segment": [], "doc": []}
    schema = {k: (pl.String if k in ("segment", "doc") else pl.Float64 if k in ("bleu", "chrf", "ter", "penalty")
                  else pl.Int64) for k in cols}
    return pl.DataFrame(dict(cols), schema=schema)


def renderings_frame(report: Report) -> pl.DataFrame:
    """The renderings table: one row per (term, rendering), `other` for renderings the glossary lacks."""
    rows = report.metrics.get("renderings") or []
    return pl.DataFrame(rows, schema=RENDERINGS_SCHEMA, orient="row") if rows else pl.DataFrame(
        schema=RENDERINGS_SCHEMA)


def _severity_counts(findings: pl.DataFrame, by: str) -> pl.DataFrame:
    """Findings, per-severity counts, flagged segments and penalty per value of `by`."""
    return findings.group_by(by).agg(
        pl.len().cast(pl.Int64).alias("findings"),
        *[(pl.col("severity") == s).sum().cast(pl.Int64).alias(s) for s in SEVERITIES],
        pl.struct("doc", "segment").n_unique().cast(pl.Int64).alias("flagged_segments"),
        pl.col("penalty").sum().alias("penalty"),
    )


def by_check(report: Report) -> pl.DataFrame:
    """Per check: its category, findings by severity, flagged segments and penalty points."""
    f = findings_frame(report)
    out = _severity_counts(f, "check").join(f.group_by("check").agg(pl.col("category").first()), on="check")
    return out.select("check", "category", "findings", *SEVERITIES, "flagged_segments", "penalty").sort(
        ["penalty", "findings", "check"], descending=[True, True, False])


def by_category(report: Report) -> pl.DataFrame:
    """Per MQM category: findings by severity, flagged segments and penalty points."""
    out = _severity_counts(findings_frame(report), "category")
    return out.select("category", "findings", *SEVERITIES, "flagged_segments", "penalty").sort(
        ["penalty", "findings", "category"], descending=[True, True, False])


def _rate(part: str, whole: str, scale: float = 100.0) -> pl.Expr:
    return pl.when(pl.col(whole) > 0).then((scale * pl.col(part) / pl.col(whole)).round(4)).otherwise(None)


def by_document(report: Report) -> pl.DataFrame:
    """Per document: segments, words, findings by severity, MQM penalty and score, term success rate."""
    seg = segments_frame(report)
    if "words" not in seg.columns:
        seg = seg.with_columns(pl.lit(0, pl.Int64).alias("words"), pl.lit(0.0).alias("penalty"))
    terms = [c for c in ("term_occurrences", "term_correct", "term_forbidden") if c in seg.columns]
    docs = seg.group_by("doc").agg(pl.len().cast(pl.Int64).alias("segments"), pl.col("words").sum(),
                                   pl.col("penalty").sum(), *[pl.col(c).sum() for c in terms])
    counts = _severity_counts(findings_frame(report), "doc").drop("penalty")
    out = docs.join(counts, on="doc", how="left").with_columns(
        pl.col("findings", "flagged_segments", *SEVERITIES).fill_null(0))
    out = out.with_columns(
        _rate("penalty", "words", 1000.0).alias("penalty_per_1000_words"),
        pl.when(pl.col("words") > 0).then((100.0 * (1 - pl.col("penalty") / pl.col("words"))).round(4))
        .otherwise(None).alias("mqm_score"))
    if terms:
        out = out.with_columns(_rate("term_correct", "term_occurrences").round(2).alias("term_success_rate"))
    first = ["doc", "segments", "words", "findings", *SEVERITIES, "flagged_segments", "penalty",
             "penalty_per_1000_words", "mqm_score"]
    return out.select(first + [c for c in out.columns if c not in first]).sort("doc")


def by_term(report: Report) -> pl.DataFrame:
    """Per glossary term: occurrences in the source, how they were rendered, findings and penalty."""
    r = renderings_frame(report)
    uses = r.group_by("term").agg(
        pl.col("source").first(),
        pl.col("count").sum().alias("occurrences"),
        pl.col("count").filter(pl.col("status").is_in(OK_STATUSES)).sum().alias("correct"),
        pl.col("count").filter(~pl.col("status").is_in([*OK_STATUSES, "other"])).sum().alias("forbidden"),
        pl.col("count").filter(pl.col("status") == "other").sum().alias("other"),
    )
    f = findings_frame(report).filter(pl.col("term").is_not_null())
    found = _severity_counts(f, "term").select("term", "findings", *SEVERITIES, "penalty")
    out = uses.join(found, on="term", how="full", coalesce=True).with_columns(
        pl.col("occurrences", "correct", "forbidden", "other", "findings", *SEVERITIES).fill_null(0).cast(pl.Int64),
        pl.col("penalty").fill_null(0.0))
    out = out.with_columns(_rate("correct", "occurrences").round(2).alias("success_rate"))
    return out.select("term", "source", "occurrences", "correct", "forbidden", "other", "success_rate",
                      "findings", *SEVERITIES, "penalty").sort(["occurrences", "term"], descending=[True, False])


BREAKDOWNS = {
    "documents": by_document,
    "checks": by_check,
    "categories": by_category,
    "terms": by_term,
    "renderings": renderings_frame,
    "segments": segments_frame,
    "findings": findings_frame,
}


def frames(report: Report) -> dict[str, pl.DataFrame]:
    """Every breakdown of a report, by name."""
    return {name: make(report) for name, make in BREAKDOWNS.items()}


def to_bytes(frame: pl.DataFrame, fmt: str) -> bytes:
    """A frame as CSV (list cells joined with `|`) or Parquet."""
    buf = BytesIO()
    if fmt == "csv":
        lists = [c for c, t in frame.schema.items() if isinstance(t, pl.List)]
        spreadsheet_safe(frame.with_columns(pl.col(c).list.join("|") for c in lists)).write_csv(buf)
    elif fmt == "parquet":
        frame.write_parquet(buf)
    else:
        raise ValueError(f"unknown breakdown format {fmt!r}")
    return buf.getvalue()


def export(report: Report, directory: Path, fmt: str = "csv") -> list[Path]:
    """Write every breakdown to `directory/<name>.<fmt>` (each file atomically); the paths written."""
    data = {name: to_bytes(frame, fmt) for name, frame in frames(report).items()}  # all or nothing
    directory = Path(directory)
    if directory.parent.is_dir() and not directory.exists():  # the folder named, never its parents
        directory.mkdir()
    paths = []
    for name, payload in data.items():
        path = Path(directory) / f"{name}.{fmt}"
        write_atomic(path, payload)
        paths.append(path)
    return paths
