"""Lexical anchors for alignment: numbers, Latin-script names and acronyms, glossary terms on both sides."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from termcheck.lang import memo

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_THOUSANDS = re.compile(r",(?=\d{3}(?:\D|$))")


def _number_key(raw: str) -> str:
    raw = _THOUSANDS.sub("", raw).replace(",", ".")
    if "." in raw:
        whole, _, frac = raw.partition(".")
        frac = frac.rstrip("0")
        return (whole.lstrip("0") or "0") + ("." + frac if frac else "")
    return raw.lstrip("0") or "0"


def number_anchors(text: str, lang: str) -> Counter[str]:
    """Numbers of a text as anchors (`n:2024`, `n:6.8`, `month:2`): read by the language's number
    parser where termcheck has one (六十九 = sixty-nine = 69, 2月 = February), else digits only.
    Weak mentions (一 in 一个, "one") are left out unless written in digits (list numbers: 10.)."""
    from termcheck.checks.numbers import extractor

    read = extractor(lang)
    if read is None:
        text = unicodedata.normalize("NFKC", text)
        return Counter("n:" + _number_key(m.group()) for m in _NUMBER.finditer(text))
    out: Counter[str] = Counter()
    for q in read(text):
        if q.strong or any(c.isdigit() and c.isascii() for c in unicodedata.normalize("NFKC", q.text)):
            kind, value = min(q.keys)
            out[f"{kind}:{value:g}"] += 1
    return out


# punctuation that translations keep: brackets, quotes (pairs), colons; half an anchor each
_MARKS = {"(": "(", "（": "(", "“": "\"", "「": "\"", "《": "\"", ":": ":", "：": ":"}
_STRAIGHT_QUOTES = re.compile(r'"[^"]*"')
MARK_WEIGHT = 0.5
_MARK_KEYS = tuple((ch, "p:" + key) for ch, key in _MARKS.items())
_ANY_MARK = re.compile("[" + re.escape("".join(_MARKS)) + '"]')


def mark_anchors(text: str) -> Counter[str]:
    """Brackets, quotations and colons, each worth `MARK_WEIGHT` of an anchor (`p:(`, `p:"`, `p::`)."""
    out: Counter[str] = Counter()
    if _ANY_MARK.search(text) is None:
        return out
    for ch, key in _MARK_KEYS:
        n = text.count(ch)
        if n:
            out[key] += MARK_WEIGHT * n
    out['p:"'] += MARK_WEIGHT * len(_STRAIGHT_QUOTES.findall(text))
    return +out


def surface_anchors(text: str, latin: bool, lang: str = "") -> Counter[str]:
    """Numbers (`n:2024`, `n:6.8`), punctuation marks and, when `latin`, Latin-script words (`w:apec`)."""
    out = number_anchors(text, lang)
    out.update(mark_anchors(text))
    if latin:
        out.update(_latin_words(text))
    return out


def _latin_words(text: str) -> list[str]:
    """The Latin-script words of a text as anchors (`w:apec`), in order."""
    return ["w:" + w.lower() for w in _LATIN.findall(unicodedata.normalize("NFKC", text)) if len(w) > 1]


def glossary_anchors(matcher: Any, text: str, side: str) -> Counter[str]:
    """Glossary entries found in a text (`g:<entry index>`); on the target side any rendering counts,
    forbidden ones included: a wrong rendering still shows which source term the sentence translates."""
    if side == "source":
        hits = matcher.source_hits(text)
    else:
        from termcheck.glossary.match import longest

        hits = longest(matcher.target_candidates(text))
    return Counter(f"g:{h.entry}" for h in hits)


# distinct texts whose anchors a process keeps (per language) when documents are aligned or shifts are looked
# for: the same source against several translations, a sentence repeated far away (on UN text about 0.6 KB a
# Chinese text, 0.9 KB an English one with its Latin words)
KEEP = 20_000


@dataclass(frozen=True, slots=True)
class _Surface:
    """What `document_anchors` reads of one text: its surface anchors (numbers, marks) as items in order, its
    Latin-script words, and the letters and Latin letters of its first 2,000 characters."""

    anchors: tuple[tuple[str, float], ...]
    latin_words: tuple[str, ...]
    letters: int
    latin: int


def _surface(text: str, lang: str) -> _Surface:
    head = text[:2000]
    latin = len(_ASCII_LETTER.findall(head))
    letters = latin if head.isascii() else sum(map(str.isalpha, head))  # in ASCII every letter is Latin
    # the same words recur from text to text: one string each (a kept English text's words cost a pointer each)
    words = tuple(map(sys.intern, _latin_words(text)))
    return _Surface(tuple(surface_anchors(text, False, lang).items()), words, letters, latin)


_KEPT: dict[str, memo.Distinct] = {}


def _kept_surface(lang: str) -> memo.Distinct:
    """`_surface(text, lang)`, once per distinct text among the last KEEP."""
    kept = _KEPT.get(lang)
    if kept is None:
        kept = _KEPT[lang] = memo.Distinct(lambda t: _surface(t, lang), KEEP)
    return kept


def _mostly_latin(surfaces: Sequence[_Surface]) -> bool:
    """Whether most letters of the texts' first 2,000 characters each are Latin (ASCII) letters."""
    letters = sum(s.letters for s in surfaces)
    return letters > 0 and sum(s.latin for s in surfaces) / letters > 0.5


def document_anchors(source: Sequence[str], target: Sequence[str], matcher: Any = None, source_lang: str = "zh",
                     target_lang: str = "en") -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """Anchors per sentence of both sides (key -> count), keeping only keys that occur on both sides of the
    document.

    Latin-script words are anchors only when one side is not written in Latin script (a name or
    acronym kept in a Chinese text); numbers and glossary entries always are.
    """
    src_of, tgt_of = _kept_surface(source_lang), _kept_surface(target_lang)
    src_surface, tgt_surface = [src_of(t) for t in source], [tgt_of(t) for t in target]
    # plain dicts in the order a Counter would have (a few thousand sentences a batch: Counter's own
    # bookkeeping was most of the time here)
    src: list[dict[str, float]] = [dict(s.anchors) for s in src_surface]
    tgt: list[dict[str, float]] = [dict(s.anchors) for s in tgt_surface]
    if _mostly_latin(src_surface) != _mostly_latin(tgt_surface):
        # as surface_anchors(t, True) adds them, less the words one side lacks (dropped below in any case)
        src_words = [s.latin_words for s in src_surface]
        tgt_words = [s.latin_words for s in tgt_surface]
        shared = set().union(*src_words) & set().union(*tgt_words)
        for counts, words in ((src, src_words), (tgt, tgt_words)):
            for c, ws in zip(counts, words, strict=True):
                for w in ws:
                    if w in shared:
                        c[w] = c.get(w, 0) + 1
    if matcher is not None:
        for sides, texts, side in ((src, source, "source"), (tgt, target, "target")):
            for c, t in zip(sides, texts, strict=True):
                for k, v in glossary_anchors(matcher, t, side).items():
                    c[k] = c.get(k, 0) + v
    both = set().union(*src) & set().union(*tgt) if src and tgt else set()
    return ([c if c.keys() <= both else {k: v for k, v in c.items() if k in both} for c in src],
            [c if c.keys() <= both else {k: v for k, v in c.items() if k in both} for c in tgt])
