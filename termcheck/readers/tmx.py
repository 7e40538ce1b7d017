"""TMX 1.4: streamed with lxml iterparse; languages from xml:lang, tuid as segment id, inline tags kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from termcheck.errors import InputError
from termcheck.lang import base_code
from termcheck.model import InlineTag, Origin, Segment
from termcheck.readers.base import ReadOptions
from termcheck.readers.xml import XML_LANG, Inline, local, release, stream

# bpt/ept/ph/it/ut hold native code; hi and sub hold text
INLINE = Inline(code={"bpt", "ept", "ph", "it", "ut"}, empty=set(), paired={"hi"}, ref_attrs=("i", "x"))


def read(path: Path, opts: ReadOptions, fmt: str | None = None) -> Iterator[Segment]:
    """One segment per <tu> holding the target language; the source may be absent (target-only)."""
    src_lang, tgt_lang = base_code(opts.source_lang), base_code(opts.target_lang)
    index = opts.start_index
    n = 0
    doc = opts.doc or path.name
    root = False
    found = 0
    langs: dict[str, None] = {}  # languages seen, in order (for the message when none is the target's)
    declared = ""  # the header's srclang
    with_source = False  # whether a unit so far held the run's source language
    for event, el in stream(path, ("tmx", "header", "tu"), opts.encoding):
        if local(el) == "tmx":
            root = root or el.getparent() is None
            continue
        if local(el) == "header":
            if event == "end":
                declared = base_code(el.get("srclang") or "") if el.get("srclang") not in (None, "*all*") else ""
            continue
        if event == "start":
            continue
        if not root:
            break
        n += 1
        texts: dict[str, tuple[str, list[InlineTag]]] = {}
        unit: dict[str, None] = {}  # the unit's languages, in order
        for tuv in el:
            if local(tuv) != "tuv":
                continue
            lang = base_code(tuv.get(XML_LANG) or tuv.get("lang") or "")
            unit.setdefault(lang)
            if len(langs) < 20:
                langs.setdefault(lang or "(none)")
            seg = next((c for c in tuv if local(c) == "seg"), None)
            if seg is None:
                raise InputError("<tuv> without <seg>", file=str(path), line=tuv.sourceline)
            if lang not in texts and lang in (src_lang, tgt_lang):
                side = "source" if lang == src_lang else "target"
                texts[lang] = INLINE.text(seg, side, path)
        with_source = with_source or src_lang in texts
        if tgt_lang in texts and not with_source and set(unit) - {src_lang, tgt_lang, ""}:
            _other_pair(path, el.sourceline, list(unit), src_lang, tgt_lang, declared)
        if tgt_lang in texts:
            tuid = el.get("tuid") or str(n)
            src = texts.get(src_lang)
            tgt = texts[tgt_lang]
            tags = tuple((src[1] if src else []) + tgt[1])
            yield Segment(tuid, src[0] if src else None, tgt[0], index, doc, None,
                          Origin(str(path), el.sourceline, tuid), None, opts.source_lang, opts.target_lang, tags)
            index += 1
            found += 1
        release(el)
    if not root:
        raise InputError("not a TMX file (no <tmx> root element)", file=str(path), line=1)
    if not found and not opts.allow_empty:
        _nothing(path, n, tgt_lang, langs)


def _other_pair(path: Path, line: int | None, unit: list[str], src: str, tgt: str, declared: str) -> None:
    """A unit (the first to hold the target language, before any held the source one) in another language pair than
    the run's is an error: its target would be checked without its source, or the source taken for the target."""
    found = [x for x in unit if x]
    pair = ""
    if declared in found and len(found) == 2:  # the header says which of the two is the source
        other = next(x for x in found if x != declared)
        pair = f" --source-lang {declared} --target-lang {other}"
    raise InputError(f"the units hold {', '.join(map(repr, found))} but not the run's source language {src!r} "
                     f"(the run checks {src} -> {tgt}): give the pair with{pair or ' --source-lang/--target-lang'}",
                     file=str(path), line=line)


def _nothing(path: Path, units: int, lang: str, langs: dict[str, None]) -> None:
    """A TMX that gave no segment is an error saying why (a gate must not pass a file it never checked)."""
    if not units:
        raise InputError("no <tu> translation units: nothing to check", file=str(path))
    seen = f"languages found: {', '.join(langs)}" if langs else "no <tuv> at all"
    raise InputError(f"no unit has a target in language {lang!r} ({units} units; {seen}): nothing to check "
                     "(use --target-lang)", file=str(path))
