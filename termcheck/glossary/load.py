"""Load glossaries from files or folders (CSV, TSV, TBX); the bundled default lives in glossaries/."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from termcheck.errors import GlossaryError
from termcheck.glossary import csvfmt, tbx
from termcheck.glossary.model import Glossary

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


def load_file(path: Path) -> Glossary:
    """One glossary file."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise GlossaryError(f"cannot read glossary: {e.strerror}", file=str(path)) from None
    suffix = path.suffix.lower()
    if suffix in (".tbx", ".xml") or data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<"):
        entries = tbx.read(path, data)
    elif suffix in (".csv", ".tsv", ".txt"):
        entries = csvfmt.read(path, _decode(path, data))
    else:
        raise GlossaryError("unknown glossary format (expected .csv, .tsv or .tbx)", file=str(path))
    return Glossary(tuple(entries), (str(path),))


def load(paths: Iterable[str | Path] | None = None) -> Glossary:
    """Load and merge glossaries (later files override entries with the same id).

    No paths means the bundled default. A folder loads all its glossary files in name order.
    """
    items = [Path(p) for p in paths] if paths else [bundled_path()]
    merged = Glossary(())
    for item in items:
        if item.is_dir():
            files = sorted(p for p in item.iterdir() if p.suffix.lower() in SUFFIXES)
            if not files:
                raise GlossaryError("folder holds no glossary files", file=str(item))
        elif item.exists():
            files = [item]
        else:
            raise GlossaryError("no such glossary file", file=str(item))
        for f in files:
            merged = merged.merged(load_file(f))
    if not merged.entries:
        raise GlossaryError("glossary has no entries", file=str(items[0]))
    return merged
