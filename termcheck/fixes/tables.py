"""Where a target lies in plain text, TSV, CSV and JSON Lines files (see raw.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from json.decoder import scanstring
from pathlib import Path

from termcheck.fixes.raw import CharMap, mismatch, plain
from termcheck.model import Segment
from termcheck.readers.base import ReadOptions
from termcheck.readers.columns import Columns, headerless, pick


@dataclass
class Lines:
    """A decoded file's line starts (1-based line k starts at starts[k - 1])."""

    raw: str
    path: str

    def __post_init__(self) -> None:
        self.starts = [0] + [i + 1 for i, c in enumerate(self.raw) if c == "\n"]

    def start(self, line: int | None) -> int:
        if line is None or not 1 <= line <= len(self.starts):
            raise mismatch(self.path, line, "the segment's line is not in the file")
        return self.starts[line - 1]

    def end(self, line: int) -> int:
        """Where the line's text ends (before its line break)."""
        nl = self.raw.find("\n", self.start(line))
        nl = len(self.raw) if nl < 0 else nl
        return nl - 1 if nl > 0 and self.raw[nl - 1] == "\r" else nl


def text_map(lines: Lines, seg: Segment) -> CharMap:
    """Plain text: the target's line, or the sentence of a paragraph starting at the origin's column."""
    origin = seg.target_origin or seg.origin
    assert origin is not None
    target = seg.target or ""
    column = origin.column or 1
    if seg.alignment is not None and origin.column is None:
        raise mismatch(lines.path, origin.line, "a sentence aligned out of a paragraph has no column to find it by")
    start = lines.start(origin.line) + column - 1
    if lines.raw[start:start + len(target)] != target:
        raise mismatch(lines.path, origin.line, "the target text is not where it was read")
    return plain(start, target)


def header(lines: Lines, opts: ReadOptions, delimiter: str) -> tuple[Columns, int]:
    """The target's columns, and the header's width, as the table reader chooses them."""
    import csv
    import io

    for k, s in enumerate(lines.starts, start=1):
        row_text = lines.raw[s:lines.end(k)]
        quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
        row = next(csv.reader(io.StringIO(row_text), delimiter=delimiter, quoting=quoting), [])
        if not any(c.strip() for c in row):
            continue
        row[0] = row[0].lstrip("\ufeff")
        cols = pick(row, opts, Path(lines.path), k)
        return (cols if cols is not None else headerless(len(row), opts, Path(lines.path)),
                len(row))
    raise mismatch(lines.path, 1, "empty file")


def tsv_map(lines: Lines, seg: Segment, cols: Columns) -> CharMap:
    origin = seg.origin
    assert origin is not None
    s = lines.start(origin.line)
    fields = lines.raw[s:lines.end(origin.line or 0)].split("\t")
    start = s + sum(len(f) + 1 for f in fields[:cols.target])
    if cols.target >= len(fields) or fields[cols.target] != seg.target:
        raise mismatch(lines.path, origin.line, "the target column is not where it was read")

    def escape(text: str) -> str:
        if "\t" in text or "\n" in text:
            raise mismatch(lines.path, origin.line, "a tab or line break cannot go into a TSV field")
        return text
    return plain(start, seg.target or "", escape)


def csv_map(lines: Lines, seg: Segment, cols: Columns) -> CharMap:
    """RFC 4180: a quoted field's `""` is one character; an unquoted field cannot take , " or a line break."""
    origin = seg.origin
    assert origin is not None
    raw, i = lines.raw, lines.start(origin.line)
    for _ in range(cols.target):  # skip the fields before the target's
        if raw[i:i + 1] == '"':
            i += 1
            while True:
                q = raw.index('"', i)
                if raw[q + 1:q + 2] == '"':
                    i = q + 2
                    continue
                i = q + 1
                break
        while raw[i:i + 1] not in (",", "\n", "\r", ""):
            i += 1
        i += 1
    ranges: list[tuple[int, int]] = []
    quoted = raw[i:i + 1] == '"'
    if quoted:
        i += 1
        while True:
            if raw[i] == '"':
                if raw[i + 1:i + 2] == '"':
                    ranges.append((i, i + 2))
                    i += 2
                    continue
                break
            ranges.append((i, i + 1))
            i += 1
    else:
        while raw[i:i + 1] not in (",", "\n", "\r", ""):
            ranges.append((i, i + 1))
            i += 1

    def escape(text: str) -> str:
        if quoted:
            return text.replace('"', '""')
        if any(c in text for c in ',"\n\r'):
            raise mismatch(lines.path, origin.line, "the fix needs quoting in an unquoted CSV field")
        return text
    cmap = CharMap(tuple(ranges), escape, i)
    if cmap.text(raw, lambda s: '"' if s == '""' else s) != seg.target:
        raise mismatch(lines.path, origin.line, "the target column is not where it was read")
    return cmap


def jsonl_map(lines: Lines, seg: Segment, opts: ReadOptions) -> CharMap:
    """The target key's string value on the object's line; escapes map to their one character."""
    origin = seg.origin
    assert origin is not None
    raw, s = lines.raw, lines.start(origin.line)
    line = raw[s:lines.end(origin.line or 0)]
    obj = json.loads(line)
    keys = list(obj)
    cols = pick(keys, opts, Path(lines.path), origin.line)
    if cols is None:
        raise mismatch(lines.path, origin.line, "no target key")
    wanted = keys[cols.target]
    i = line.index("{") + 1
    dec = json.JSONDecoder()
    while True:
        i = line.index('"', i)
        key, i = scanstring(line, i + 1)
        i = line.index(":", i) + 1
        while line[i].isspace():
            i += 1
        if key == wanted and line[i] == '"':
            break
        _, i = dec.raw_decode(line, i)
    ranges: list[tuple[int, int]] = []
    i += 1
    while line[i] != '"':
        n = 1
        if line[i] == "\\":
            n = 6 if line[i + 1] == "u" else 2
            if n == 6 and 0xD800 <= int(line[i + 2:i + 6], 16) < 0xDC00:
                n = 12  # a surrogate pair is one character
        ranges.append((s + i, s + i + n))
        i += n
    ascii_only = "\\u" in line

    def escape(text: str) -> str:
        return json.dumps(text, ensure_ascii=ascii_only)[1:-1]
    cmap = CharMap(tuple(ranges), escape, s + i)
    if cmap.text(raw, lambda r: json.loads(f'"{r}"')) != seg.target:
        raise mismatch(lines.path, origin.line, "the target value is not where it was read")
    return cmap
