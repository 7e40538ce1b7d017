"""CSV and TSV pairs, streamed row by row: a header naming the columns (see columns.py) or none."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from termcheck.errors import InputError
from termcheck.model import Origin, Segment
from termcheck.readers.base import ReadOptions
from termcheck.readers.columns import Columns, headerless, pick
from termcheck.readers.encoding import iter_lines
from termcheck.text import semicolon_separated

csv.field_size_limit(1 << 24)


def delimiter_of(path: Path, fmt: str | None = None, encoding: str | None = None) -> str:
    """A table's separator: tab for TSV, else a comma, or a semicolon where the first line has them and no comma."""
    if fmt == "tsv":
        return "\t"
    name = path.name.lower().removesuffix(".gz")
    if fmt != "csv" and name.endswith((".tsv", ".tab")):
        return "\t"
    return ";" if semicolon_separated(next(iter_lines(path, encoding), "")) else ","


def read(path: Path, opts: ReadOptions, fmt: str | None = None) -> Iterator[Segment]:
    """One segment per row; the id comes from an `id` column, else the 1-based row number.

    CSV follows RFC 4180 (quoted fields may hold commas, quotes and line breaks); TSV is one row a
    line with no quoting, so quotes in the text are read as they are.
    """
    delimiter = delimiter_of(path, fmt, opts.encoding)
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    reader = csv.reader(iter_lines(path, opts.encoding), delimiter=delimiter, quoting=quoting, strict=True)
    index = opts.start_index
    doc = opts.doc or path.name
    cols: Columns | None = None
    header_width = 0
    n = 0
    last = 0
    try:
        for row in reader:
            line, last = last + 1, reader.line_num
            if cols is None:
                if not any(c.strip() for c in row):
                    continue
                header_width = len(row)
                row[0] = row[0].lstrip("\ufeff")
                cols = pick(row, opts, path, line)
                if cols is not None:
                    continue
                cols = headerless(len(row), opts, path)
            if not any(c.strip() for c in row):
                continue
            n += 1
            if len(row) != header_width:
                raise InputError(f"row has {len(row)} fields, expected {header_width}", file=str(path), line=line)
            seg_id = row[cols.id].strip() if cols.id is not None and row[cols.id].strip() else str(n)
            yield Segment(seg_id, row[cols.source] if cols.source is not None else None, row[cols.target], index,
                          row[cols.doc] if cols.doc is not None and row[cols.doc] else doc,
                          row[cols.reference] if cols.reference is not None else None, Origin(str(path), line), None,
                          opts.source_lang, opts.target_lang)
            index += 1
    except csv.Error as e:
        raise InputError(f"malformed {'TSV' if delimiter == chr(9) else 'CSV'}: {e}", file=str(path),
                         line=reader.line_num) from None
    if cols is None:
        raise InputError("empty file", file=str(path), line=1)
    if not n and not opts.allow_empty:  # a gate must not pass a file it never checked
        raise InputError("no rows after the header: nothing to check", file=str(path))
