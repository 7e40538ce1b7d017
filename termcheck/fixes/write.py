"""Writing fixed targets back in the input's own format: only the target text changes, byte for byte
everything else (plain text, TSV/CSV/JSONL, TMX, XLIFF spliced in their raw text; Parquet rewritten)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from termcheck.errors import InputError
from termcheck.fixes.apply import Outcome
from termcheck.fixes.markup import Units, tmx_target, xliff_target
from termcheck.fixes.raw import CharMap, Edit, edits, splice
from termcheck.fixes.tables import Lines, csv_map, header, jsonl_map, text_map, tsv_map
from termcheck.model import Segment
from termcheck.readers import format_of
from termcheck.readers.base import ReadOptions
from termcheck.readers.encoding import HEAD, detect, read_bytes


def target_file(seg: Segment) -> str | None:
    """The file a segment's target was read from."""
    origin = seg.target_origin or seg.origin
    return origin.file if origin is not None else None


def _decode(path: Path, data: bytes, encoding: str | None) -> tuple[str, str]:
    """The raw text (line breaks as they are) and its codec; a file that would not encode back to the
    same bytes is refused."""
    if data[:2] == b"\x1f\x8b":
        raise InputError("is gzip-compressed: decompress it to fix it, or use --diff", file=str(path))
    codec = detect(data[:HEAD], path, encoding)
    raw = data.decode(codec)
    if raw.encode(codec) != data:
        raise InputError(f"cannot write {codec} back byte for byte; use --diff", file=str(path))
    return raw, codec


def _mapper(path: Path, fmt: str | None, raw: str, opts: ReadOptions) -> Callable[[Segment], CharMap]:
    """A function from a segment to its target's CharMap in this file."""
    from termcheck.readers.tmx import INLINE
    from termcheck.readers.xliff import V1, V2

    lines = Lines(raw, str(path))
    if fmt is None:
        return lambda seg: text_map(lines, seg)
    if fmt in ("tsv", "csv"):
        delimiter = "\t" if fmt == "tsv" else ","
        cols, _ = header(lines, opts, delimiter)
        return (lambda seg: tsv_map(lines, seg, cols)) if fmt == "tsv" else (lambda seg: csv_map(lines, seg, cols))
    if fmt == "jsonl":
        return lambda seg: jsonl_map(lines, seg, opts)
    if fmt == "tmx":
        tus = Units(raw, lines, ("tu",))
        return lambda seg: tmx_target(raw, tus, seg, INLINE)
    if fmt == "xliff":
        units = Units(raw, lines, ("trans-unit", "unit"))
        return lambda seg: xliff_target(raw, units, seg, V1, V2)
    raise InputError(f"cannot write {fmt} files back", file=str(path))


def fixed_bytes(path: Path, outcomes: Sequence[Outcome], opts: ReadOptions, fmt: str | None = None,
                notes: list[str] | None = None) -> bytes:
    """The file's bytes with the outcomes' fixes applied (its own bytes when nothing changed).

    A segment whose target cannot be found again where it was read (a sentence joined from two
    lines, say) is left as it is, with a note in `notes`; without `notes` that is an error.
    """
    data = read_bytes(path)
    changed = [o for o in outcomes if o.fixed]
    if not changed:
        return data
    fmt = fmt or format_of(path)
    if fmt == "parquet":
        return _parquet(path, changed, opts)
    raw, codec = _decode(path, data, opts.encoding)
    locate = _mapper(path, fmt, raw, opts)
    all_edits: list[Edit] = []
    for o in changed:
        try:
            cmap: CharMap = locate(o.segment)
        except InputError as e:
            if notes is None:
                raise
            notes.append(f"{e} (segment {o.segment.id} left as it was)")
            continue
        all_edits.extend(edits(cmap, o.segment.target or "", [f.fix for f in o.fixed if f.fix is not None],
                               seq0=len(all_edits)))
    out = splice(raw, all_edits)
    return out.encode(codec)  # a BOM read (utf-8-sig, utf-16) is written again


def _parquet(path: Path, changed: Sequence[Outcome], opts: ReadOptions) -> bytes:
    """Parquet is rewritten whole with the target column's fixed rows (other columns as read)."""
    import io

    import polars as pl

    from termcheck.readers.columns import pick

    frame = pl.read_parquet(path)
    cols = pick(list(frame.columns), opts, path, None)
    assert cols is not None
    name = frame.columns[cols.target]
    values = frame[name].to_list()
    for o in changed:
        unit = o.segment.origin.unit if o.segment.origin is not None else None
        row = int(unit.split()[-1]) - 1 if unit and unit.startswith("row ") else -1
        if not 0 <= row < len(values) or values[row] != o.segment.target:
            raise InputError("cannot write the fix back: the target is not where it was read", file=str(path))
        values[row] = o.target
    buf = io.BytesIO()
    frame.with_columns(pl.Series(name, values, dtype=frame[name].dtype)).write_parquet(buf)
    return buf.getvalue()
