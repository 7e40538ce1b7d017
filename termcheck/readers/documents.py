"""Folders of documents: NAME.zh.txt + NAME.en.txt (+ NAME.ref.en.txt), each pair one document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from termcheck.errors import InputError
from termcheck.lang import base_code
from termcheck.model import Segment
from termcheck.readers.base import ReadOptions


@dataclass(frozen=True, slots=True)
class Document:
    """One document of a folder: its name and its source, target and optional reference files."""

    name: str
    source: Path
    target: Path
    reference: Path | None = None


def _split_name(path: Path) -> tuple[str, str, bool] | None:
    """`NAME.zh.txt` -> (NAME, zh, False); `NAME.ref.en.txt` -> (NAME, en, True); gzip'd names too."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    if not name.lower().endswith(".txt"):
        return None
    parts = name[:-4].split(".")
    if len(parts) < 2 or not parts[-1]:
        return None
    if len(parts) >= 3 and parts[-2].lower() == "ref":
        return ".".join(parts[:-2]), parts[-1], True
    return ".".join(parts[:-1]), parts[-1], False


def is_document_file(path: Path, opts: ReadOptions) -> bool:
    """Whether a file is part of a document pair in the run's languages."""
    parsed = _split_name(path)
    return parsed is not None and base_code(parsed[1]) in (base_code(opts.source_lang), base_code(opts.target_lang))


def find_documents(files: list[Path], opts: ReadOptions) -> list[Document]:
    """The document pairs among the files of a folder; a source or reference without its target, or a
    target without its source, is an error naming the missing file."""
    src_lang, tgt_lang = base_code(opts.source_lang), base_code(opts.target_lang)
    found: dict[tuple[Path, str], dict[str, Path]] = {}
    for f in files:
        parsed = _split_name(f)
        if parsed is None:
            continue
        name, lang, is_ref = parsed
        lang = base_code(lang)
        if lang not in (src_lang, tgt_lang) or (is_ref and lang != tgt_lang):
            continue
        role = "reference" if is_ref else ("source" if lang == src_lang else "target")
        found.setdefault((f.parent, name), {})[role] = f
    docs = []
    for (folder, name), roles in sorted(found.items(), key=lambda kv: (str(kv[0][0]), kv[0][1])):
        if "target" not in roles:
            have = roles.get("source") or roles["reference"]
            raise InputError(f"no translation beside it (expected {folder / f'{name}.{opts.target_lang}.txt'})",
                             file=str(have))
        if "source" not in roles:
            raise InputError(f"no source text beside it (expected {folder / f'{name}.{opts.source_lang}.txt'})",
                             file=str(roles["target"]))
        docs.append(Document(name, roles["source"], roles["target"], roles.get("reference")))
    return docs


def read_document(doc: Document, opts: ReadOptions) -> Iterator[Segment]:
    """The segments of one document: line-aligned when the line counts agree, else sentence-aligned."""
    from termcheck.readers.plaintext import read_pair

    return read_pair(doc.source, doc.target, doc.reference, replace(opts, doc=doc.name))
