"""Which columns of a table hold the source, target, reference, segment id and document name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from termcheck.errors import InputError
from termcheck.lang import base_code
from termcheck.readers.base import ReadOptions

SOURCE_NAMES = ("source", "src", "source_text")
TARGET_NAMES = ("target", "tgt", "translation", "mt", "hypothesis", "result", "output", "target_text")
REFERENCE_NAMES = ("reference", "ref", "references")
ID_NAMES = ("id", "segment_id", "seg_id", "segment", "tuid", "key")
DOC_NAMES = ("doc", "document", "doc_id", "file")
_LANG_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True, slots=True)
class Columns:
    """Positions (in the header) of the columns a reader takes; None where absent."""

    source: int | None
    target: int
    reference: int | None = None
    id: int | None = None
    doc: int | None = None

    @property
    def width(self) -> int:
        return 1 + max(i for i in (self.source, self.target, self.reference, self.id, self.doc) if i is not None)


def _find(header: Sequence[str], names: Sequence[str], lang: str | None) -> int | None:
    lowered = [h.strip().lower() for h in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    if lang:
        for i, h in enumerate(lowered):
            if _LANG_CODE.match(h) and base_code(h) == base_code(lang):
                return i
    return None


def _chosen(header: Sequence[str], name: str, option: str, path: Path, line: int | None) -> int:
    lowered = [h.strip().lower() for h in header]
    if name.strip().lower() not in lowered:
        raise InputError(f"no column {name!r} for {option} (columns: {', '.join(header)})", file=str(path), line=line)
    return lowered.index(name.strip().lower())


def language_columns(header: Sequence[str]) -> list[str]:
    """The columns named by a language code (`zh`, `en`, `pt-BR`), not by one of the names a column is otherwise
    taken by (`id` is no Indonesian), in order."""
    taken = {*SOURCE_NAMES, *TARGET_NAMES, *REFERENCE_NAMES, *ID_NAMES, *DOC_NAMES}
    return [h.strip() for h in header if _LANG_CODE.match(h.strip()) and h.strip().lower() not in taken]


def pick(header: Sequence[str], opts: ReadOptions, path: Path, line: int | None = 1) -> Columns | None:
    """The columns by the options, else by their names (source/target, or the language codes zh/en);
    None when the header names no text column at all (a table without a header)."""
    src = (_chosen(header, opts.source_column, "--source-column", path, line) if opts.source_column
           else _find(header, SOURCE_NAMES, opts.source_lang))
    tgt = (_chosen(header, opts.target_column, "--target-column", path, line) if opts.target_column
           else _find(header, TARGET_NAMES, opts.target_lang))
    ref = (_chosen(header, opts.reference_column, "--reference-column", path, line) if opts.reference_column
           else _find(header, REFERENCE_NAMES, None))
    if src is None and tgt is None:
        return None
    others = [h for h in language_columns(header) if base_code(h) not in (base_code(opts.source_lang),
                                                                          base_code(opts.target_lang))]
    if src is None and not opts.source_column and others:  # a table in another pair: its source would go unread
        raise InputError(f"no source column for {opts.source_lang!r}, but columns named {', '.join(map(repr, others))}:"
                         " give the pair with --source-lang/--target-lang (or --source-column)", file=str(path),
                         line=line)
    if tgt is None:
        raise InputError(f"no target column (looked for {', '.join(TARGET_NAMES)}, {opts.target_lang}; "
                         "or give --target-column)", file=str(path), line=line)
    if src == tgt:
        raise InputError(f"source and target are the same column {header[tgt]!r}", file=str(path), line=line)
    return Columns(src, tgt, ref, _find(header, ID_NAMES, None), _find(header, DOC_NAMES, None))


def headerless(width: int, opts: ReadOptions, path: Path) -> Columns:
    """A table without a header: source, target and (with three columns) reference, in that order."""
    if opts.source_column or opts.target_column or opts.reference_column:
        raise InputError("the first row names no such column: a table without a header has no column names",
                         file=str(path), line=1)
    if width < 2:
        raise InputError("one column only: expected a header naming the source and target columns, or "
                         "source and target columns without a header", file=str(path), line=1)
    return Columns(0, 1, 2 if width >= 3 else None)
