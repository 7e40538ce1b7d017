"""Chinese: NFKC and Traditional-to-Simplified normalization with offsets, jieba word boundaries."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from termcheck.text import Normalized

BoundaryFilter = Callable[[str, int, int], bool]


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _per_char(text: str) -> Normalized:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, c in enumerate(text):
        n = c if c.isascii() else unicodedata.normalize("NFKC", c)
        n = n.lower()
        chars.append(n)
        starts.extend([i] * len(n))
        ends.extend([i + 1] * len(n))
    return Normalized("".join(chars), starts, ends)


def normalize(text: str) -> Normalized:
    """NFKC (full-width to half-width), lower case, Traditional to Simplified; offsets kept."""
    if unicodedata.is_normalized("NFKC", text) and text.lower() == text:
        norm = Normalized(text)
    else:
        norm = _per_char(text)
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
    """jieba's dictionary, read once per process: each segmenter adds its words to its own copy."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok.FREQ, tok.total


class _Segmenter:
    """A private jieba tokenizer with the glossary's terms added (never the global one)."""

    def __init__(self, words: Iterable[str]) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._tok = jieba.Tokenizer()
        self._words = sorted(set(words))
        self._ready = False

    def _init(self) -> None:
        freq, total = _dictionary()
        self._tok.FREQ, self._tok.total, self._tok.initialized = dict(freq), total, True
        for w in self._words:
            self._tok.add_word(w, freq=max(self._tok.suggest_freq(w, tune=False), 10_000))
        self._ready = True

    @lru_cache(maxsize=4096)  # noqa: B019 - one segmenter per glossary, bounded cache
    def boundaries(self, text: str) -> frozenset[int]:
        if not self._ready:
            self._init()
        cuts = {0}
        pos = 0
        for word in self._tok.cut(text, HMM=False):
            pos += len(word)
            cuts.add(pos)
        return frozenset(cuts)

    def __call__(self, text: str, start: int, end: int) -> bool:
        cuts = self.boundaries(text)
        return start in cuts and end in cuts


def _is_han(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or c >= "\U00020000"


# hits of this many characters or fewer are checked against jieba's word boundaries
SHORT_TERM = 3


def word_boundaries(words: Iterable[str]) -> Callable[[str], frozenset[int]]:
    """The segmenter's word boundaries (character offsets) in a text, with `words` added as words."""
    return _Segmenter(words).boundaries


@lru_cache(maxsize=1)
def _plain_tokenizer() -> Any:
    """A jieba tokenizer on jieba's dictionary as read, shared, not copied: no word is ever added to it."""
    import jieba

    tok = jieba.Tokenizer()
    tok.FREQ, tok.total = _dictionary()
    tok.initialized = True
    return tok


def is_word(text: str) -> bool:
    """Whether jieba's dictionary has the text as a word (步步, 天天, 谢谢: reduplicated words)."""
    return _dictionary()[0].get(text, 0) > 0


def words(text: str) -> list[str]:
    """jieba's words of a text, by its own dictionary (unknown words are not guessed: they come out
    character by character)."""
    return _plain_tokenizer().lcut(text, HMM=False)


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


# --- sentence splitting -------------------------------------------------------------------------

_ZH_END = "。！？!?"
_ZH_SEMI = "；;"
_ZH_CLOSE = "”’\"'」』）)》〉】〕"


def split_sentences(text: str, *, semicolon: bool = True) -> list[tuple[int, int]]:
    """Sentence spans of a Chinese text: after 。！？ (and ； unless `semicolon=False`) and closing quotes.

    Line breaks always end a sentence; spans exclude surrounding whitespace; a piece holding no
    letter, digit or Han character (a stray 。 or ”) is kept with the sentence before it.
    """
    ends = _ZH_END + (_ZH_SEMI if semicolon else "")
    cuts: list[int] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            cuts.append(i)
            i += 1
            continue
        if c in ends:
            j = i + 1
            while j < n and (text[j] in ends or text[j] in _ZH_CLOSE or text[j] == "…"):
                j += 1
            cuts.append(j)
            i = j
            continue
        i += 1
    return _spans(text, cuts)


def _spans(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Trimmed non-empty pieces between cut points; contentless pieces join the one before (same line)."""
    out: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        a, b = start, cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        start = cut
        if a == b:
            continue
        if out and not any(ch.isalnum() for ch in text[a:b]) and "\n" not in text[out[-1][1]:a]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


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
