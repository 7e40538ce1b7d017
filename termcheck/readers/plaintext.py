"""Plain text: a source file and a target file, one segment a line, or sentence-aligned documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from termcheck.errors import InputError
from termcheck.model import Origin, Segment
from termcheck.readers.base import DocumentAligner, ReadOptions
from termcheck.readers.encoding import read_text


def lines(path: Path, opts: ReadOptions) -> list[str]:
    """The lines of a text file, without a final empty line."""
    text = read_text(path, opts.encoding)
    out = text.split("\n")
    if out and out[-1] == "":
        out.pop()
    return out


def _aligner(opts: ReadOptions, path: Path | None) -> DocumentAligner:
    if opts.aligner is None:
        raise InputError("is not line-aligned with the other files, and no aligner was given to read it",
                         file=str(path))
    return opts.aligner


def read_pair(source: Path | None, target: Path, reference: Path | None, opts: ReadOptions) -> Iterator[Segment]:
    """Line i of each file is one segment when the line counts agree; otherwise (or with `opts.align`)
    the documents are split into sentences and aligned, one segment per aligned group of sentences.

    A reference whose lines do not match the source's is aligned to the source's lines.
    """
    tgt = lines(target, opts)
    src = lines(source, opts) if source is not None else None
    ref = lines(reference, opts) if reference is not None else None
    doc = opts.doc or target.name
    if not opts.allow_empty and not any(t.strip() for t in tgt) and (src is None or not any(s.strip() for s in src)):
        raise InputError("no text: nothing to check", file=str(target))  # a gate must not pass an empty file
    counts_differ = src is not None and len(src) != len(tgt)
    if src is not None and (opts.align or (opts.align is None and counts_differ)):
        assert source is not None
        yield from _aligner(opts, source).segments(
            (str(source), src), (str(target), tgt),
            (str(reference), ref) if reference is not None and ref is not None else None,
            doc=doc, start_index=opts.start_index, source_lang=opts.source_lang, target_lang=opts.target_lang)
        return
    if src is not None and ref is not None and len(ref) != len(src) and opts.align is None:
        ref = _aligner(opts, reference).reference_by_line(src, ref, source_lang=opts.source_lang,
                                                          target_lang=opts.target_lang)
    for other, path in ((src, source), (ref, reference)):
        if other is not None and len(other) != len(tgt):
            hint = " (drop --no-align to align them sentence by sentence)" if src is not None else ""
            raise InputError(f"has {len(other)} lines but {target} has {len(tgt)}: the files are not "
                             f"line-aligned{hint}", file=str(path), line=min(len(other), len(tgt)) + 1)
    index = opts.start_index
    for i, t in enumerate(tgt):
        s = src[i] if src is not None else None
        if not t.strip() and (s is None or not s.strip()):
            continue
        yield Segment(str(i + 1), s, t, index, doc, ref[i] if ref is not None else None,
                      Origin(str(source if source is not None else target), i + 1), Origin(str(target), i + 1),
                      opts.source_lang, opts.target_lang)
        index += 1
