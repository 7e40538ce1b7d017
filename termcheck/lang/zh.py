"""Chinese: NFKC and Traditional-to-Simplified normalization with offsets, jieba word boundaries."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

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


class _Segmenter:
    """A private jieba tokenizer with the glossary's terms added (never the global one)."""

    def __init__(self, words: Iterable[str]) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._tok = jieba.Tokenizer()
        self._words = sorted(set(words))
        self._ready = False

    def _init(self) -> None:
        self._tok.initialize()
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


# hits of this many characters or fewer are checked against jieba's word boundaries
SHORT_TERM = 3


def word_boundaries(words: Iterable[str]) -> Callable[[str], frozenset[int]]:
    """The segmenter's word boundaries (character offsets) in a text, with `words` added as words."""
    return _Segmenter(words).boundaries


def boundary_filter(words: Iterable[str]) -> BoundaryFilter:
    """A check that a hit of a short term (中美) is not part of a longer word (中美洲)."""
    seg = _Segmenter(words)

    def ok(text: str, start: int, end: int) -> bool:
        return end - start > SHORT_TERM or seg(text, start, end)

    return ok
