"""JSON Lines: one object a line, with source/target (or zh/en, ...) keys; streamed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from termcheck.errors import InputError
from termcheck.model import Origin, Segment
from termcheck.readers.base import ReadOptions
from termcheck.readers.columns import Columns, pick
from termcheck.readers.encoding import iter_lines
from termcheck.text import without_surrogates


def _text(obj: dict, key: str | None, path: Path, line: int, escaped: bool) -> str | None:
    """A text value; lone surrogates (from `\\ud800`-style escapes, so only where the line has an escape:
    `escaped`) become U+FFFD."""
    if key is None:
        return None
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return without_surrogates(value) if escaped else value
    raise InputError(f"{key!r} is {type(value).__name__}, expected text", file=str(path), line=line)


def read(path: Path, opts: ReadOptions, fmt: str | None = None) -> Iterator[Segment]:
    """One segment per line; the keys are chosen like CSV columns, per object (keys may vary)."""
    index = opts.start_index
    doc = opts.doc or path.name
    n = 0
    picked: dict[tuple[str, ...], Columns] = {}  # the columns chosen for each set of keys met
    for line, raw in enumerate(iter_lines(path, opts.encoding), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            raise InputError(f"malformed JSON: {e.msg} (column {e.colno})", file=str(path), line=line) from None
        except RecursionError:
            raise InputError("malformed JSON: nested too deeply", file=str(path), line=line) from None
        if not isinstance(obj, dict):
            raise InputError(f"expected a JSON object, got {type(obj).__name__}", file=str(path), line=line)
        keys = list(obj)
        shape = tuple(keys)
        cols = picked.get(shape)
        if cols is None:
            cols = pick(keys, opts, path, line)
            if cols is None:
                raise InputError(f"no source/target keys (keys: {', '.join(keys)}; use --source-column/"
                                 "--target-column)", file=str(path), line=line)
            picked[shape] = cols  # the next lines mostly have the same keys
        n += 1
        # a decoded line holds no lone surrogate: only a JSON escape (`\\u`) makes one
        escaped = "\\u" in raw
        raw_id = obj.get(keys[cols.id]) if cols.id is not None else None
        seg_id = (without_surrogates(str(raw_id)) if escaped else str(raw_id)) if raw_id not in (None, "") else str(n)
        doc_value = _text(obj, keys[cols.doc], path, line, escaped) if cols.doc is not None else None
        yield Segment(seg_id, _text(obj, keys[cols.source], path, line, escaped) if cols.source is not None else None,
                      _text(obj, keys[cols.target], path, line, escaped), index, doc_value or doc,
                      _text(obj, keys[cols.reference], path, line, escaped) if cols.reference is not None else None,
                      Origin(str(path), line), None, opts.source_lang, opts.target_lang)
        index += 1
    if not n and not opts.allow_empty:  # a gate must not pass a file it never checked
        raise InputError("no JSON objects: nothing to check", file=str(path))
