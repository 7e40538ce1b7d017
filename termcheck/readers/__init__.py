"""Readers: each streams Segments from one kind of file; chosen by suffix or --input-format."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from termcheck.errors import InputError
from termcheck.fileio import ensure_regular_file
from termcheck.model import Segment
from termcheck.readers.base import ReadOptions

# format name -> (module path, suffixes)
READERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "tmx": ("termcheck.readers.tmx", (".tmx",)),
    "xliff": ("termcheck.readers.xliff", (".xlf", ".xliff", ".sdlxliff", ".mxliff", ".mqxliff")),
    "tsv": ("termcheck.readers.tabular", (".tsv", ".tab")),
    "csv": ("termcheck.readers.tabular", (".csv",)),
    "jsonl": ("termcheck.readers.jsonl", (".jsonl", ".ndjson")),
    "parquet": ("termcheck.readers.parquet", (".parquet",)),
}


def format_of(path: Path) -> str | None:
    """The reader name for a file's suffix (a trailing .gz is looked through)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for fmt, (_, suffixes) in READERS.items():
        if name.endswith(suffixes):
            return fmt
    return None


def read_file(path: Path, opts: ReadOptions, fmt: str | None = None) -> Iterator[Segment]:
    """Segments of one file, by the named format or the file's suffix."""
    fmt = fmt or format_of(path)
    if fmt is None:
        known = ", ".join(s for _, sfx in READERS.values() for s in sfx)
        hint = ("; plain-text documents go with --source/--target, or as NAME.zh.txt + NAME.en.txt in a folder"
                if path.suffix.lower() == ".txt" else "")
        raise InputError(f"unknown input format (known suffixes: {known}; or use --input-format){hint}",
                         file=str(path))
    if fmt not in READERS:
        raise InputError(f"unknown input format {fmt!r} (known: {', '.join(READERS)})", file=str(path))
    ensure_regular_file(path)
    module = importlib.import_module(READERS[fmt][0])
    return module.read(path, opts, fmt)


def _items(path: Path, opts: ReadOptions, fmt: str | None) -> list[Any]:
    """A folder's readable files and document pairs, in path order."""
    from termcheck.readers.documents import find_documents, is_document_file

    if not path.is_dir():
        return [path]
    files = sorted(p for p in path.rglob("*") if p.is_file() and not any(x.startswith(".") for x in p.parts))
    items: list[Any] = [p for p in files if (format_of(p) if fmt is None else format_of(p) == fmt)]
    if fmt is None:
        items.extend(find_documents([p for p in files if is_document_file(p, opts)], opts))
    if not items:
        raise InputError("folder holds no readable files (TMX, XLIFF, TSV/CSV, JSONL, Parquet, or "
                         f"NAME.{opts.source_lang}.txt + NAME.{opts.target_lang}.txt documents)", file=str(path))
    return sorted(items, key=lambda it: str(it.source if hasattr(it, "source") else it))


def read_inputs(paths: Iterable[Path], opts: ReadOptions, fmt: str | None = None) -> Iterator[Segment]:
    """Segments of several files or folders, in order, with a running index."""
    from termcheck.readers.documents import Document, read_document

    index = opts.start_index
    for path in paths:
        if not path.exists():
            raise InputError("no such file or folder", file=str(path))
        for item in _items(path, opts, fmt):
            sub = replace(opts, start_index=index)
            segs = read_document(item, sub) if isinstance(item, Document) else read_file(item, sub, fmt)
            for seg in segs:
                index = seg.index + 1
                yield seg
