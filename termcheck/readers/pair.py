"""The language pair a file declares (for a run given no pair): TMX and XLIFF by their language attributes, a
table (CSV, TSV, JSON Lines, Parquet) by two columns named by language codes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from termcheck.lang import base_code
from termcheck.readers.columns import SOURCE_NAMES, TARGET_NAMES, language_columns
from termcheck.readers.encoding import iter_lines
from termcheck.readers.xml import XML_LANG, local, stream

# units of a TMX looked at for its two languages, at most
UNITS = 50
_TMX = (".tmx", ".tmx.gz")
_XLIFF = (".xlf", ".xliff", ".xlf.gz", ".xliff.gz")
_TABLE = (".csv", ".tsv", ".tab", ".csv.gz", ".tsv.gz", ".tab.gz")
_JSONL = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


def declared_pair(path: Path) -> tuple[str, str] | None:
    """(source, target) as the file says: TMX by its header's `srclang` and the other language of its first
    units (their first two languages in order, without a header's), XLIFF by `srcLang`/`trgLang` or a
    <file>'s `source-language`/`target-language`, a table by its two columns named by language codes (in
    order). None for other files, or where the file does not say (the reader then reports what is wrong
    with it)."""
    name = path.name.lower()
    try:
        if name.endswith(_TMX):
            return _tmx(path)
        if name.endswith(_XLIFF):
            return _xliff(path)
        if name.endswith(_TABLE):
            return _by_columns(_table_header(path))
        if name.endswith(_JSONL):
            return _by_columns(_jsonl_keys(path))
        if name.endswith(".parquet"):
            import polars as pl

            return _by_columns(list(pl.read_parquet_schema(path)))
    except Exception:  # a file that cannot be read so far (broken XML, JSON, Parquet): the reader reports it
        return None
    return None


def _by_columns(header: list[str]) -> tuple[str, str] | None:
    """The pair of a table whose text columns are named by language codes (and none `source`/`target`)."""
    lowered = {h.strip().lower() for h in header}
    if lowered & {*SOURCE_NAMES, *TARGET_NAMES}:
        return None
    codes = language_columns(header)
    return (base_code(codes[0]), base_code(codes[1])) if len(codes) == 2 else None


def _table_header(path: Path) -> list[str]:
    from termcheck.readers.tabular import delimiter_of

    return next(csv.reader([next(iter_lines(path), "")], delimiter=delimiter_of(path)), [])


def _jsonl_keys(path: Path) -> list[str]:
    for line in iter_lines(path):
        if line.strip():
            obj = json.loads(line)
            return list(obj) if isinstance(obj, dict) else []
    return []


def _tmx(path: Path) -> tuple[str, str] | None:
    source = ""
    units = 0
    for event, el in stream(path, ("header", "tu"), None):
        if event != "end":
            continue
        if local(el) == "header":
            srclang = el.get("srclang") or ""
            source = base_code(srclang) if srclang and srclang != "*all*" else ""
            continue
        langs = list(dict.fromkeys(base_code(t.get(XML_LANG) or t.get("lang") or "") for t in el
                                   if local(t) == "tuv"))
        langs = [x for x in langs if x]
        units += 1
        if len(langs) == 2 and (not source or source in langs):
            return (source, next(x for x in langs if x != source)) if source else (langs[0], langs[1])
        if units >= UNITS:
            return None
    return None


def _xliff(path: Path) -> tuple[str, str] | None:
    for event, el in stream(path, ("xliff", "file"), None):
        if event != "start":
            continue
        src = el.get("srcLang") or el.get("source-language")
        tgt = el.get("trgLang") or el.get("target-language")
        if src and tgt:
            return base_code(src), base_code(tgt)
        if local(el) == "file":
            return None
    return None
