"""jieba's dictionary segmentation (its `cut` without HMM), word for word, on an Aho-Corasick automaton.

jieba builds a graph of every dictionary word starting at each character (a dict lookup per prefix,
in Python) and picks the path of highest summed log frequency. Here the words come out of one C scan
of an automaton over the same dictionary; the path is chosen by the same sums in the same order, ties
to the longer word as jieba's `max` breaks them, so the words are the same (tests compare them on a
corpus and on generated text). The automaton lives outside Python's objects: worker processes forked
from the main one share it whole, where a dict's entries are copied page by page as they are read.
Words added to a segmenter (a glossary's terms) get the frequency jieba's `add_word(word,
max(suggest_freq(word), floor))` gives them, one after another in the order given, as jieba does.
"""

from __future__ import annotations

import math
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

# jieba's own patterns: runs it segments (each run on its own), what it passes through, what it joins into one token
BLOCK = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+", re.U)
_HAN = re.compile(f"({BLOCK.pattern})", re.U)
_SKIP = re.compile("(\r\n|\\s)", re.U)
_ENG = re.compile("[a-zA-Z0-9]", re.U)


@dataclass(frozen=True, eq=False)
class Words:
    """A frequency dictionary as an automaton: each word of positive frequency with its index, and per
    index the word's frequency, length and natural log of frequency. Words of frequency 0 (jieba keeps
    every prefix of a word so) are not words: `freq` gives them 0 as jieba's table does."""

    automaton: ahocorasick.Automaton
    freqs: array
    lengths: array
    logs: array
    total: int

    @classmethod
    def build(cls, freq: dict[str, int], total: int) -> Words:
        auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        freqs, lengths, logs = array("q"), array("I"), array("d")
        for word, f in freq.items():
            if f > 0:
                auto.add_word(word, len(freqs))
                freqs.append(f)
                lengths.append(len(word))
                logs.append(math.log(f))
        if len(freqs):
            auto.make_automaton()
        return cls(auto, freqs, lengths, logs, total)

    def freq(self, text: str, default: int | None = None) -> int | None:
        """jieba's FREQ.get(text, default): a word's frequency, 0 for a prefix of a word, else `default`."""
        i = self.automaton.get(text, -1) if len(self.freqs) else -1
        if i >= 0:
            return self.freqs[i]
        return 0 if len(self.freqs) and self.automaton.match(text) else default

    def has(self, text: str) -> bool:
        """Whether the text is a word (positive frequency)."""
        return bool(len(self.freqs)) and self.automaton.get(text, -1) >= 0


class Segmenter:
    """jieba's `cut(text, HMM=False)` on `base`, with `added` words added in order."""

    def __init__(self, base: Words, added: Iterable[str] = (), floor: int = 0) -> None:
        self.base = base
        self.total = base.total
        self._extra: dict[str, int] = {}  # added words: frequency (prefixes of added words: 0)
        self._extra_auto: ahocorasick.Automaton | None = None
        for word in added:
            self._add(word, max(self.suggest_freq(word), floor))
        extra = [(w, f) for w, f in self._extra.items() if f > 0]
        self._extra_logs = [math.log(f) for _, f in extra]
        self._extra_lengths = [len(w) for w, _ in extra]
        if extra:
            auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
            for i, (w, _) in enumerate(extra):
                auto.add_word(w, i)
            auto.make_automaton()
            self._extra_auto = auto

    def freq(self, text: str, default: int | None = None) -> int | None:
        """The segmenter's FREQ.get(text, default), added words included."""
        f = self._extra.get(text)
        return f if f is not None else self.base.freq(text, default)

    def _add(self, word: str, freq: int) -> None:
        """jieba's add_word: the word's frequency, the total grows by it, its prefixes become known (0)."""
        self._extra[word] = freq
        self.total += freq
        known = self.base.automaton.match if len(self.base.freqs) else (lambda _: False)
        for k in range(1, len(word)):  # a prefix the dictionary has (as a word or a word's prefix) stays as it is
            if word[:k] not in self._extra and not known(word[:k]):
                self._extra[word[:k]] = 0

    def suggest_freq(self, word: str) -> int:
        """jieba's suggest_freq(word, tune=False): a frequency that keeps the word whole."""
        p = 1.0
        for piece in self._cut(word):
            p *= self.freq(piece, 1) / float(self.total)  # type: ignore[operator]
        return max(int(p * self.total) + 1, self.freq(word, 1))  # type: ignore[type-var]

    def cut(self, text: str) -> list[str]:
        """The words of a text, as jieba's `lcut(text, HMM=False)` gives them."""
        return list(self._cut(text))

    def _cut(self, text: str) -> Iterator[str]:
        logtotal = math.log(self.total)  # once a text (the total changes only while words are added)
        for block in _HAN.split(text):
            if not block:
                continue
            if _HAN.match(block):
                yield from _words(block, _best(self._edges(block), logtotal))
            else:
                for piece in _SKIP.split(block):
                    if _SKIP.match(piece):
                        yield piece
                    else:
                        yield from piece

    def _edges(self, block: str) -> list[list[tuple[int, float]] | None]:
        """Per start, the dictionary words there: (last character, log frequency), from one automaton scan,
        and the added words found there (listed beside the dictionary's own entry for the same word)."""
        edges: list[list[tuple[int, float]] | None] = [None] * len(block)
        lengths, logs = self.base.lengths, self.base.logs
        for end, i in self.base.automaton.iter(block) if len(self.base.freqs) else ():
            start = end - lengths[i] + 1
            e = edges[start]
            if e is None:
                edges[start] = [(end, logs[i])]
            else:
                e.append((end, logs[i]))
        # an added word's frequency is at least the dictionary's own for it (jieba's suggest_freq keeps the
        # larger), so where both are there the best path takes the added one: listing both picks the same
        if self._extra_auto is not None:
            extra_lengths, extra_logs = self._extra_lengths, self._extra_logs
            for end, i in self._extra_auto.iter(block):
                _put(edges, end - extra_lengths[i] + 1, end, extra_logs[i])
        elif self._extra:  # while words are being added: look them up
            for start in range(len(block)):
                for end in range(start, len(block)):
                    f = self._extra.get(block[start:end + 1])
                    if f:
                        _put(edges, start, end, math.log(f))
        return edges


def _put(edges: list[list[tuple[int, float]] | None], start: int, end: int, log_freq: float) -> None:
    e = edges[start]
    if e is None:
        edges[start] = [(end, log_freq)]
    else:
        e.append((end, log_freq))


def _best(edges: list[list[tuple[int, float]] | None], logtotal: float) -> list[int]:
    """jieba's `calc`: from the end back, each position's best (score, end) over its words, a word
    adding log(freq) - log(total); a position without one is a word of its own at log(1) - log(total).
    The same sums in the same order, so the same floats; ties go to the larger end, as jieba's `max`."""
    n = len(edges)
    score = [0.0] * (n + 1)
    nxt = [0] * n
    alone = 0.0 - logtotal
    for i in range(n - 1, -1, -1):
        e = edges[i]
        if e is None:
            score[i] = alone + score[i + 1]
            nxt[i] = i
            continue
        best_end, lf = e[0]
        best = lf - logtotal + score[best_end + 1]
        for end, lf in e[1:]:
            v = lf - logtotal + score[end + 1]
            if v > best or (v == best and end > best_end):
                best, best_end = v, end
        score[i] = best
        nxt[i] = best_end
    return nxt


def _words(block: str, nxt: list[int]) -> Iterator[str]:
    """The words along the route; single ASCII letters and digits in a row are joined (as jieba does)."""
    x, n, buf = 0, len(block), ""
    while x < n:
        y = nxt[x] + 1
        word = block[x:y]
        if y - x == 1 and _ENG.match(word):
            buf += word
        else:
            if buf:
                yield buf
                buf = ""
            yield word
        x = y
    if buf:
        yield buf
