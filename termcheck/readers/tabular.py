"""Tabular pairs: TSV and CSV with a header (source/target or language-code columns) or without."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from termcheck.errors import InputError
from termcheck.model import Origin, Segment
from termcheck.readers.base import ReadOptions
from termcheck.readers.encoding import read_text

SOURCE_NAMES = ("source", "src", "zh")
TARGET_NAMES = ("target", "tgt", "mt", "translation", "en")
REFERENCE_NAMES = ("reference", "ref")


def _pick(header: list[str], chosen: str | None, names: tuple[str, ...], lang: str, path: Path) -> int | None:
    lowered = [h.strip().lower() for h in header]
    if chosen is not None:
        if chosen.lower() not in lowered:
            raise InputError(f"no column {chosen!r} (columns: {', '.join(header)})", file=str(path), line=1)
        return lowered.index(chosen.lower())
    for name in (*names, lang.lower()):
        if name in lowered:
            return lowered.index(name)
    return None


def read(path: Path, opts: ReadOptions) -> Iterator[Segment]:
    """One segment per row; the id comes from an `id` column, else the 1-based row number."""
    text = read_text(path, opts.encoding)
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") or path.name.endswith(".tsv.gz") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows:
        raise InputError("empty file", file=str(path), line=1)
    header = rows[0]
    si = _pick(header, opts.source_column, SOURCE_NAMES, opts.source_lang, path)
    ti = _pick(header, opts.target_column, TARGET_NAMES, opts.target_lang, path)
    has_header = si is not None or ti is not None
    if has_header and ti is None:
        raise InputError(f"no target column (looked for {', '.join(TARGET_NAMES)})", file=str(path), line=1)
    if not has_header:
        si, ti = 0, 1
    ri = _pick(header, opts.reference_column, REFERENCE_NAMES, "", path) if has_header else None
    di = _pick(header, None, ("id",), "", path) if has_header else None
    doc_i = _pick(header, None, ("doc", "document"), "", path) if has_header else None
    index = opts.start_index
    body = rows[1:] if has_header else rows
    for n, row in enumerate(body, start=1):
        line = n + (1 if has_header else 0)
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise InputError(f"row has {len(row)} fields, expected {len(header)}", file=str(path), line=line)
        seg_id = row[di] if di is not None and row[di].strip() else str(n)
        yield Segment(seg_id, row[si] if si is not None else None, row[ti], index,
                      row[doc_i] if doc_i is not None else (opts.doc or path.name),
                      row[ri] if ri is not None else None, Origin(str(path), line), None,
                      opts.source_lang, opts.target_lang)
        index += 1
