"""Load glossaries from files or folders (CSV, TSV, TBX); the bundled default lives in glossaries/."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from termcheck import diskcache as cache
from termcheck.errors import GlossaryError
from termcheck.fileio import ensure_regular_file
from termcheck.glossary import csvfmt, tbx
from termcheck.glossary.model import Entry, Glossary

SUFFIXES = (".csv", ".tsv", ".tbx", ".xml")


def bundled_path() -> Path:
    """The bundled official glossary: installed as package data, or the repo's glossaries/official."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_glossaries" / "official", here.parent / "glossaries" / "official"):
        if candidate.is_dir():
            return candidate
    raise GlossaryError("the bundled glossary is missing from this installation", file=str(here))


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise GlossaryError(f"not UTF-8 (byte offset {e.start})", file=str(path),
                            line=data.count(b"\n", 0, e.start) + 1) from None


def read_bytes(path: Path) -> bytes:
    """A glossary file's bytes, or a GlossaryError naming it (only regular files are read)."""
    ensure_regular_file(path, "glossary", GlossaryError)
    try:
        return path.read_bytes()
    except OSError as e:
        raise GlossaryError(f"cannot read glossary: {e.strerror}", file=str(path)) from None


def is_tbx(path: Path, data: bytes) -> bool:
    """TBX by suffix, or any file that starts like XML."""
    return path.suffix.lower() in (".tbx", ".xml") or data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<")


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text (BOM or not); anything else is a GlossaryError with the line of the bad byte."""
    return _decode(path, data)


def read_entries(path: Path, *, unique: bool = True, pair: tuple[str, str] | None = None) -> list[Entry]:
    """The entries of one glossary file, in file order (`unique=False` keeps repeated ids; `pair`: the languages
    `source`/`target` columns stand for)."""
    data = read_bytes(path)
    if is_tbx(path, data):
        return tbx.read(path, data)
    if path.suffix.lower() in (".csv", ".tsv", ".txt"):
        return csvfmt.parse(_decode(path, data), str(path), "\t" if path.suffix.lower() == ".tsv" else None,
                            unique=unique, pair=pair)
    raise GlossaryError("unknown glossary format (expected .csv, .tsv or .tbx)", file=str(path))


def files_of(item: Path) -> list[Path]:
    """A glossary file itself, or the glossary files of a folder in name order."""
    if item.is_dir():
        files = sorted(p for p in item.iterdir() if p.suffix.lower() in SUFFIXES)
        if not files:
            raise GlossaryError("folder holds no glossary files", file=str(item))
        return files
    if item.exists():
        ensure_regular_file(item, "glossary", GlossaryError)
        return [item]
    raise GlossaryError("no such glossary file", file=str(item))


def load_file(path: Path, pair: tuple[str, str] | None = None) -> Glossary:
    """One glossary file (`pair`: the languages `source`/`target` columns stand for)."""
    return Glossary(tuple(read_entries(path, pair=pair)), (str(path),))


def load(paths: Iterable[str | Path] | None = None, pair: tuple[str, str] | None = None) -> Glossary:
    """Load and merge glossaries (later files override entries with the same id).

    No paths means the bundled default. A folder loads all its glossary files in name order. `pair`: the run's
    (source, target) languages, which columns named `source`/`target` (a CAT tool's export) stand for.
    """
    items = [Path(p) for p in paths] if paths else [bundled_path()]
    files = [f for item in items for f in files_of(item)]
    key = hashlib.sha256(repr(pair).encode())
    for f in files:  # what the glossary is made of: its files' names and bytes
        key.update(f"{f}\0{f.resolve()}\0".encode() + hashlib.sha256(read_bytes(f)).digest())
    return cache.remember("glossary", key.digest(), lambda: _merge(items, files, pair))


def _merge(items: list[Path], files: list[Path], pair: tuple[str, str] | None = None) -> Glossary:
    merged = Glossary(())
    for f in files:
        merged = merged.merged(load_file(f, pair))
    if not merged.entries:
        raise GlossaryError("glossary has no entries", file=str(items[0]))
    return merged
