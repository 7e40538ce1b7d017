"""Plain text: a source file and a target file, one segment a line, line-aligned."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from termcheck.errors import InputError
from termcheck.model import Origin, Segment
from termcheck.readers.base import ReadOptions
from termcheck.readers.encoding import read_text


def lines(path: Path, opts: ReadOptions) -> list[str]:
    """The lines of a text file, without a final empty line."""
    text = read_text(path, opts.encoding)
    out = text.split("\n")
    if out and out[-1] == "":
        out.pop()
    return out


def read_pair(source: Path | None, target: Path, reference: Path | None, opts: ReadOptions) -> Iterator[Segment]:
    """Line i of each file is one segment; line counts must agree."""
    tgt = lines(target, opts)
    src = lines(source, opts) if source is not None else None
    ref = lines(reference, opts) if reference is not None else None
    for other, path in ((src, source), (ref, reference)):
        if other is not None and len(other) != len(tgt):
            raise InputError(f"has {len(other)} lines but {target} has {len(tgt)}: the files are not "
                             "line-aligned", file=str(path), line=min(len(other), len(tgt)) + 1)
    doc = opts.doc or target.name
    index = opts.start_index
    for i, t in enumerate(tgt):
        s = src[i] if src is not None else None
        if not t.strip() and (s is None or not s.strip()):
            continue
        yield Segment(str(i + 1), s, t, index, doc, ref[i] if ref is not None else None,
                      Origin(str(source if source is not None else target), i + 1), Origin(str(target), i + 1),
                      opts.source_lang, opts.target_lang)
        index += 1
