"""Chinese: NFKC and Traditional-to-Simplified normalization with offsets, jieba word boundaries."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import logging
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from termcheck import diskcache
from termcheck.lang import scripts
from termcheck.lang.european import Typo
from termcheck.lang.memo import shared
from termcheck.lang.unspaced import per_char
from termcheck.lang.unspaced import split_sentences as split_sentences  # the module protocol's, shared
from termcheck.lang.zh_segment import BLOCK, Segmenter, Words
from termcheck.text import Normalized

BoundaryFilter = Callable[[str, int, int], bool]


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@shared
def normalize(text: str) -> Normalized:
    """NFKC (full-width to half-width), lower case, Traditional to Simplified; offsets kept."""
    if unicodedata.is_normalized("NFKC", text) and text.lower() == text:
        norm = Normalized(text)
    else:
        norm = per_char(text)
    if norm.text.isascii():
        return norm
    simplified = _t2s().convert(norm.text)
    if simplified == norm.text:
        return norm
    if len(simplified) != len(norm.text):  # a phrase conversion changed length: go char by char
        simplified = "".join(_t2s().convert(c) if len(_t2s().convert(c)) == 1 else c for c in norm.text)
    return Normalized(simplified, norm.starts, norm.ends)


def term_keys(term: str) -> tuple[str, ...]:
    """A Chinese term is matched as a substring of the normalized text."""
    key = normalize(term.strip()).text
    return (key,) if key else ()


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, int], int]:
    """jieba's dictionary as jieba reads it (word → frequency, prefixes → 0; total), for jieba's own
    tagger (`zh_terms`). Kept in termcheck's cache folder as a pickle, which loads four times faster than
    jieba's own cache."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return diskcache.remember("jieba", _jieba_key(), _read_jieba)


def _jieba_file() -> Path:
    """jieba's dictionary file (a word, its frequency and a tag per line), found without importing jieba
    (a sixth of a second a run)."""
    spec = importlib.util.find_spec("jieba")
    return Path(spec.origin if spec is not None and spec.origin else ".").parent / "dict.txt"


def _jieba_key() -> bytes:
    source = _jieba_file()
    size = source.stat().st_size if source.is_file() else -1
    return f"{importlib.metadata.version('jieba')}|{source}|{size}".encode()


def _read_jieba() -> tuple[dict[str, int], int]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok.FREQ, tok.total


def _read_words() -> Words:
    """jieba's dictionary file read as jieba's `gen_pfdict` reads it (a word's last line gives its
    frequency, the total counts every line), straight into the automaton."""
    freq: dict[str, int] = {}
    total = 0
    with _jieba_file().open(encoding="utf-8") as f:
        for line in f:
            parts = line.strip().split(" ")
            if len(parts) >= 2:
                freq[parts[0]] = int(parts[1])
                total += int(parts[1])
    return Words.build(freq, total)


@lru_cache(maxsize=1)
def _words() -> Words:
    """jieba's dictionary as an automaton (`zh_segment`), read once per process and kept in the cache
    folder: what segmentation needs, shared whole by forked workers."""
    return diskcache.remember("jieba-words", _jieba_key(), _read_words)


class _Segmenter:
    """jieba's segmentation with the glossary's terms added as words (on a copy of nothing: the
    dictionary's automaton is shared, the added words are the segmenter's own)."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = sorted(set(words))
        self._seg: Segmenter | None = None

    @lru_cache(maxsize=4096)  # noqa: B019 - one segmenter per glossary, bounded cache
    def boundaries(self, text: str) -> frozenset[int]:
        return self._cuts(text)

    def _cuts(self, text: str) -> frozenset[int]:
        if self._seg is None:
            self._seg = Segmenter(_words(), self._words, floor=10_000)
        cuts = {0}
        pos = 0
        for word in self._seg.cut(text):
            pos += len(word)
            cuts.add(pos)
        return frozenset(cuts)

    @lru_cache(maxsize=4096)  # noqa: B019 - one segmenter per glossary, bounded cache
    def _runs(self, text: str) -> tuple[list[int], list[int], list[frozenset[int] | None]]:
        """Where the runs of characters jieba segments together start and end (`zh_segment.BLOCK`), and
        each run's word boundaries once asked for (filled in as hits ask)."""
        found = [m.span() for m in BLOCK.finditer(text)]
        return [a for a, _ in found], [b for _, b in found], [None] * len(found)

    @lru_cache(maxsize=8192)  # noqa: B019 - one segmenter per glossary, bounded cache
    def _run_cuts(self, run: str) -> frozenset[int]:
        """The word boundaries inside one run."""
        return self._cuts(run)

    def __call__(self, text: str, start: int, end: int) -> bool:
        # jieba segments each run of Han characters, Latin letters and digits on its own, so the run holding
        # the hit decides alone (the same verdict as the whole sentence's words), and a run recurs far more
        # often than its sentence
        starts, ends, kept = self._runs(text)
        k = bisect_right(starts, start) - 1
        if k < 0 or end > ends[k]:  # not inside one run: the whole sentence's words
            cuts = self.boundaries(text)
            return start in cuts and end in cuts
        lo = starts[k]
        run_cuts = kept[k]
        if run_cuts is None:
            run_cuts = kept[k] = self._run_cuts(text[lo:ends[k]])
        return start - lo in run_cuts and end - lo in run_cuts


_is_han = scripts.is_han


# hits of this many characters or fewer are checked against jieba's word boundaries
SHORT_TERM = 3


def word_boundaries(words: Iterable[str]) -> Callable[[str], frozenset[int]]:
    """The segmenter's word boundaries (character offsets) in a text, with `words` added as words."""
    return _Segmenter(words).boundaries


@lru_cache(maxsize=1)
def _plain() -> Segmenter:
    """A segmenter on jieba's dictionary alone: no word is ever added to it."""
    return Segmenter(_words())


def is_word(text: str) -> bool:
    """Whether jieba's dictionary has the text as a word (步步, 天天, 谢谢: reduplicated words)."""
    return _words().has(text)


def words(text: str) -> list[str]:
    """jieba's words of a text, by its own dictionary (unknown words are not guessed: they come out
    character by character)."""
    return _plain().cut(text)


def boundary_filter(words: Iterable[str]) -> BoundaryFilter:
    """A check that a hit of a short term (中美) is not part of a longer word (中美洲)."""
    seg = _Segmenter(words)

    def ok(text: str, start: int, end: int) -> bool:
        if end - start > SHORT_TERM:
            return True
        # next to punctuation, Latin or the text's ends a hit cannot be part of a longer word
        if (start == 0 or not _is_han(text[start - 1])) and (end == len(text) or not _is_han(text[end])):
            return True
        return seg(text, start, end)

    return ok


# sentence splitting: `split_sentences` (after 。！？), shared with the languages of `unspaced`


# --- protocol (termcheck.lang.base.LanguageModule) ----------------------------------------------

NAME = "Chinese"
NUMBERS_MODULE = "termcheck.lang.zh_numbers"
quote_pairs = {"“": "”", "‘": "’", "「": "」", "『": "』"}
space_before_marks = ""
_UNITS = frozenset("km kg cm mm ml mg m g t h s min kw kwh mw gw gb mb kb tb ppm hz ghz mhz".split())


_PARTICLES = frozenset("al el de del da di du der den van von la le bin ibn bint y e dos das do".split())


def keeps_foreign(run: str, script: str) -> bool:
    """Latin in Chinese text that belongs there: acronyms, codes, brand names, units, names written in
    capitals (Tom, Maria Eugenia Correa, Ruwaysat al-Alam) and single letters (list items (a), notes b)."""
    from termcheck.lang.base import acronym_or_code

    if script != "Latin":
        return False
    words = run.split()
    if len(words) == 1 and len(run) == 1:
        return True
    if all(acronym_or_code(w) or w.lower() in _UNITS for w in words):
        return True
    parts = [p for w in words for p in w.split("-") if p]
    return any(p[:1].isupper() for p in parts) and all(p[:1].isupper() or p.lower() in _PARTICLES for p in parts)


def grammatical_double(word: str) -> bool:
    """Chinese doubles words by grammar (看看, 常常, 谢谢): a repeated word is never debris by itself."""
    return True


_HAN_RX = scripts.HAN_CHARS
_ASCII_AFTER_HAN = re.compile(f"(?<=[{_HAN_RX}])([,;:?!]|\\.(?![\\w.]))")
_HEADING_NUMBER = re.compile(r"(?:^|\n)\s*[一二三四五六七八九十百]+\.$")  # "三. 结论和建议": a heading number
_WIDE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}


def typography(text: str) -> list[Typo]:
    """Half-width , ; : ? ! . right after Chinese characters (Chinese uses full-width marks), and full-width
    punctuation doubled by mistake (。。 ，，), which machine output leaves as debris."""
    out = [Typo(m.span(), f"half-width {m.group()!r} in Chinese text", _WIDE[m.group()])
           for m in _ASCII_AFTER_HAN.finditer(text) if not _HEADING_NUMBER.search(text, 0, m.end())]
    for m in re.finditer(r"([。，、；：])\1+", text):
        out.append(Typo(m.span(), f"repeated punctuation {m.group()!r}", m.group(1)))
    return sorted(out, key=lambda t: t.span)


# --- numerals written in characters -------------------------------------------------------------

# a run of two or more numeral characters, or a list marker: 一、 (一) （二）
_NUMERAL = re.compile("[〇零一二两三四五六七八九十百千万亿]{2,}|(?<=[（(])[一二三四五六七八九十](?=[）)])"
                      "|(?<![^\\s，。；：！？、（(])[一二三四五六七八九十](?=、)")
_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10 ** 4, "亿": 10 ** 8}


def numeral_value(run: str) -> int:
    """The value of a run of numeral characters: 二〇一五 (read digit by digit) = 2015, 一百二十三 = 123,
    三百万 = 3,000,000."""
    if all(c in _DIGIT for c in run):
        return int("".join(str(_DIGIT[c]) for c in run))
    yi = wan = section = digit = 0  # the parts above 亿, between 万 and 亿, and below 万
    for c in run:
        if c in _DIGIT:
            digit = _DIGIT[c]
        elif c in _UNIT:
            section += (digit or 1) * _UNIT[c]
            digit = 0
        elif c == "万":
            wan += (section + digit or 1) * _BIG[c]
            section = digit = 0
        else:
            yi = (yi + wan + section + digit or 1) * _BIG[c]
            wan = section = digit = 0
    return yi + wan + section + digit


def numeral_runs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of each run of two or more numeral characters, and of each list marker
    (一、 or （二）); a lone 一 or 十 elsewhere is mostly part of a word (统一, 十分)."""
    return [(m.start(), m.end(), numeral_value(m.group())) for m in _NUMERAL.finditer(text)]
