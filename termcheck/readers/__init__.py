"""Readers: each streams Segments from one kind of file; chosen by suffix or --input-format."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from termcheck.errors import InputError
from termcheck.model import Segment
from termcheck.readers.base import ReadOptions

# format name -> (module path, suffixes)
READERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "tmx": ("termcheck.readers.tmx", (".tmx",)),
    "tsv": ("termcheck.readers.tabular", (".tsv", ".tab")),
    "csv": ("termcheck.readers.tabular", (".csv",)),
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
        raise InputError(f"unknown input format (known suffixes: {known}; or use --input-format)", file=str(path))
    if fmt not in READERS:
        raise InputError(f"unknown input format {fmt!r} (known: {', '.join(READERS)})", file=str(path))
    if not path.exists():
        raise InputError("no such file", file=str(path))
    module = importlib.import_module(READERS[fmt][0])
    return module.read(path, opts)


def read_inputs(paths: Iterable[Path], opts: ReadOptions, fmt: str | None = None) -> Iterator[Segment]:
    """Segments of several files or folders, in order, with a running index."""
    index = opts.start_index
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file() and format_of(p)) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise InputError("folder holds no readable files", file=str(path))
        for f in files:
            for seg in read_file(f, ReadOptions(**{**opts.__dict__, "start_index": index}), fmt):
                index = seg.index + 1
                yield seg
