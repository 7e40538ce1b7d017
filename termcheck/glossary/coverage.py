"""Glossary coverage: the term-like n-grams of a corpus's source side that the glossary lacks, ranked."""

from __future__ import annotations

import csv
import importlib
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from termcheck import lang as langs
from termcheck.errors import ConfigError, InputError
from termcheck.glossary.match import Matcher
from termcheck.glossary.model import Glossary
from termcheck.text import formula_safe


@dataclass(frozen=True, slots=True)
class Text:
    """One line or segment of source text and where it is (file:line, file#unit)."""

    origin: str
    text: str


@dataclass(frozen=True)
class Missing:
    """A term-like n-gram the glossary does not cover.

    `count`: occurrences in the corpus; `quoted`: how many of them were in quotation marks;
    `texts`: lines/segments it occurs in; `contains`: ids of glossary entries found inside it (a
    longer term built on a known one); `form`: its most frequent spelling; `first`: where it is first seen.
    """

    key: str
    form: str
    count: int
    quoted: int
    texts: int
    first: str
    contains: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, object]:
        return {"term": self.form, "count": self.count, "quoted": self.quoted, "texts": self.texts,
                "contains": list(self.contains), "first_seen": self.first}


def term_module(source_lang: str) -> ModuleType:
    """The language's term-candidate module (`termcheck.lang.<code>_terms`)."""
    code = langs.base_code(source_lang)
    try:
        module = importlib.import_module(f"termcheck.lang.{code}_terms")
    except ModuleNotFoundError:
        module = None
    if module is None or not hasattr(module, "term_candidates"):
        raise ConfigError(f"glossary coverage: no term finder for source language {source_lang!r} (known: zh)")
    return module


def _files(path: Path) -> list[Path]:
    if not path.exists():
        raise InputError("no such file or folder", file=str(path))
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not any(x.startswith(".") for x in p.parts))
        if not files:
            raise InputError("folder holds no files", file=str(path))
        return files
    return [path]


def read_texts(paths: Iterable[Path], source_lang: str = "zh", target_lang: str = "en",
               encoding: str | None = None) -> Iterator[Text]:
    """The source side of each input: aligned files (TMX, XLIFF, CSV/TSV, JSONL, Parquet) through the
    project's readers, any other file as plain text, one text a line; folders file by file, in name order."""
    from termcheck.readers import format_of, read_file
    from termcheck.readers.base import ReadOptions
    from termcheck.readers.encoding import read_text

    opts = ReadOptions(encoding=encoding, source_lang=source_lang, target_lang=target_lang)
    for path in paths:
        for file in _files(Path(path)):
            if format_of(file) is None:
                for i, line in enumerate(read_text(file, encoding).split("\n"), 1):
                    if line.strip():
                        yield Text(f"{file}:{i}", line)
                continue
            for seg in read_file(file, opts):
                if seg.source and seg.source.strip():
                    yield Text(str(seg.origin) if seg.origin is not None else f"{file}#{seg.id}", seg.source)


@dataclass
class _Tally:
    count: int = 0
    quoted: int = 0
    texts: int = 0
    first: str = ""
    forms: dict[str, int] = field(default_factory=dict)
    contains: set[str] = field(default_factory=set)


def missing_terms(texts: Iterable[Text], glossary: Glossary, *, source_lang: str = "zh", target_lang: str = "en",
                  min_count: int = 2, max_words: int = 4) -> list[Missing]:
    """Term-like n-grams of the texts that no glossary entry covers, most frequent first.

    A candidate is covered when it is a glossary term or lies inside (or across the edge of) one
    found in that text; one that holds a glossary term inside a longer phrase stays, with the
    entry ids in `contains`. A candidate no more frequent than a longer one holding it is left out
    (it is only ever part of that one). Ties: quoted more often, longer, then by key.
    """
    if min_count < 1:
        raise ConfigError("--min-count must be at least 1")
    finder = term_module(source_lang)
    matcher = Matcher(glossary, source_lang, target_lang)
    tally: dict[str, _Tally] = {}
    for item in texts:
        hits = [(h.start, h.end, glossary.entries[h.entry].id) for h in matcher.source_hits(item.text)]
        seen: set[str] = set()
        for cand in finder.term_candidates(item.text, max_words):
            inside = _inside(cand.start, cand.end, hits)
            if inside is None:
                continue
            t = tally.setdefault(cand.key, _Tally(first=item.origin))
            t.count += 1
            t.quoted += cand.quoted
            t.texts += cand.key not in seen
            seen.add(cand.key)
            form = item.text[cand.start:cand.end]
            t.forms[form] = t.forms.get(form, 0) + 1
            t.contains.update(inside)
    kept = {k: t for k, t in tally.items() if t.count >= min_count}
    parts = _subsumed(kept)
    out = [Missing(k, min(t.forms, key=lambda f: (-t.forms[f], f)), t.count, t.quoted, t.texts, t.first,
                   tuple(sorted(t.contains)))
           for k, t in kept.items() if k not in parts]
    out.sort(key=lambda m: (-m.count, -m.quoted, -len(m.key), m.key))
    return out


def _inside(start: int, end: int, hits: list[tuple[int, int, str]]) -> list[str] | None:
    """Ids of the glossary terms strictly inside [start, end); None when a term covers or straddles it."""
    inside: list[str] = []
    for a, b, eid in hits:
        if b <= start or end <= a:
            continue
        if start <= a and b <= end and (a, b) != (start, end):
            inside.append(eid)
            continue
        return None
    return inside


def _subsumed(kept: dict[str, _Tally]) -> set[str]:
    """Keys only ever seen as part of a longer candidate (as often or more): not terms of their own.
    A quoted phrase always stays."""
    out: set[str] = set()
    for key, t in kept.items():
        n = len(key)
        for i in range(n):
            for j in range(i + 1, n + 1 if i else n):
                sub = kept.get(key[i:j])
                if sub is not None and not sub.quoted and sub.count <= t.count:
                    out.add(key[i:j])
    return out


def render(found: Sequence[Missing], fmt: str = "text", top: int | None = None) -> str:
    """The list as text (a ranked table), CSV (text cells that a spreadsheet would run as a formula get a
    leading apostrophe) or JSON; `top` keeps the first N."""
    rows = list(found[:top] if top else found)
    if fmt == "json":
        data = [{"rank": i, **m.as_dict()} for i, m in enumerate(rows, 1)]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["rank", "term", "count", "quoted", "texts", "contains", "first_seen"])
        for i, m in enumerate(rows, 1):
            w.writerow([i, formula_safe(m.form), m.count, m.quoted, m.texts, formula_safe("|".join(m.contains)),
                        formula_safe(m.first)])
        return buf.getvalue()
    lines = [f"{'rank':>4}  {'count':>5}  {'quoted':>6}  term"]
    for i, m in enumerate(rows, 1):
        extra = f"  (contains {', '.join(m.contains)})" if m.contains else ""
        lines.append(f"{i:>4}  {m.count:>5}  {m.quoted:>6}  {m.form}{extra}  [{m.first}]")
    return "\n".join(lines) + "\n"
