"""Parquet tables of pairs, read with polars in batches of rows (columns chosen like CSV's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from termcheck.errors import InputError
from termcheck.model import Origin, Segment
from termcheck.readers.base import ReadOptions
from termcheck.readers.columns import pick

BATCH = 10_000


def _failures() -> tuple[type[BaseException], ...]:
    """What polars raises on a broken file: its errors, OS errors, and a Rust panic (pyo3's PanicException
    derives from BaseException, not Exception)."""
    import polars as pl

    return (OSError, pl.exceptions.PolarsError, pl.exceptions.PanicException)


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


def read(path: Path, opts: ReadOptions, fmt: str | None = None) -> Iterator[Segment]:
    """One segment per row; the id from an `id` column, else the 1-based row number."""
    import polars as pl

    failures = _failures()
    try:
        schema = pl.read_parquet_schema(path)
    except failures as e:
        raise InputError(f"not a readable Parquet file: {_first_line(e)}", file=str(path)) from None
    names = list(schema)
    cols = pick(names, opts, path, None)
    if cols is None:
        raise InputError(f"no source/target columns (columns: {', '.join(names)}; use --source-column/"
                         "--target-column)", file=str(path))
    wanted = {"source": cols.source, "target": cols.target, "reference": cols.reference, "id": cols.id,
              "doc": cols.doc}
    chosen = {role: names[i] for role, i in wanted.items() if i is not None}
    for role in ("source", "target", "reference", "doc"):
        if role in chosen and schema[chosen[role]] not in (pl.String, pl.Null):
            raise InputError(f"column {chosen[role]!r} is {schema[chosen[role]]}, expected text", file=str(path))
    frame = pl.scan_parquet(path).select([pl.col(c).alias(r) for r, c in chosen.items()])
    if "id" in chosen:
        frame = frame.with_columns(pl.col("id").cast(pl.String))
    index = opts.start_index
    doc = opts.doc or path.name
    n = 0
    try:
        for batch in frame.collect_batches(chunk_size=BATCH):
            for row in batch.iter_rows(named=True):
                n += 1
                seg_id = row["id"] if row.get("id") not in (None, "") else str(n)
                yield Segment(seg_id, row.get("source"), row["target"], index, row.get("doc") or doc,
                              row.get("reference"), Origin(str(path), None, f"row {n}"), None,
                              opts.source_lang, opts.target_lang)
                index += 1
    except failures as e:
        raise InputError(f"cannot read Parquet: {_first_line(e)}", file=str(path)) from None
    if not n and not opts.allow_empty:  # a gate must not pass a file it never checked
        raise InputError("no rows: nothing to check", file=str(path))
