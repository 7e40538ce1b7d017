"""Bilingual dictionary evidence for alignment (CC-CEDICT): how many words of one side find a translation."""

from __future__ import annotations

import copy
import itertools
import math
import sys
from collections.abc import Callable, Sequence
from typing import Any

from termcheck import lang as langs
from termcheck.align.cedict import STOP, WORD, Dictionary, dictionary, english_key
from termcheck.lang import memo

RECALL_RANGE = (0.3, 0.9)  # a document's measured recall is kept within these bounds


def chinese_words(text: str, entries: dict[str, tuple[str, ...]], longest: int) -> set[str]:
    """The dictionary words of a Chinese sentence: jieba's words, and where jieba's word is not in the
    dictionary, the longest dictionary words read left to right inside it (粮食安全 → 粮食, 安全)."""
    zh = langs.get("zh")
    out: set[str] = set()
    pending = ""
    for word in zh.words(zh.normalize(text).text):
        if word in entries:
            if len(pending) > 1:  # a dictionary word has two characters or more
                out.update(_longest_first(pending, entries, longest))
            out.add(word)
            pending = ""
        else:
            pending += word
    out.update(_longest_first(pending, entries, longest))
    return out


def _longest_first(text: str, entries: dict[str, tuple[str, ...]], longest: int) -> list[str]:
    out = []
    p = 0
    while p < len(text) - 1:
        for n in range(min(longest, len(text) - p), 1, -1):
            if text[p:p + n] in entries:
                out.append(text[p:p + n])
                p += n
                break
        else:
            p += 1
    return out


def english_words(text: str, vocabulary: frozenset[str]) -> set[str]:
    """The keys of an English sentence that some dictionary gloss has."""
    out = set()
    for w in WORD.findall(text):
        if len(w) > 1 and w.lower() not in STOP:
            k = english_key(w)
            if k in vocabulary:
                out.add(k)
    return out


# distinct texts whose dictionary words a process keeps (about 0.3 KB each: the words themselves are shared)
KEEP = 20_000
_PER_TEXT: list[tuple[Dictionary, memo.Distinct, memo.Distinct]] = []


def _per_text(book: Dictionary) -> tuple[memo.Distinct, memo.Distinct]:
    """`chinese_words` and `english_words` of a text with this dictionary, each computed once per distinct text
    among the last KEEP (the same source aligned or checked against several translations, a sentence
    repeated far away), as sorted tuples of interned strings."""
    if not _PER_TEXT or _PER_TEXT[0][0] is not book:
        _PER_TEXT[:] = [(book, memo.Distinct(lambda t: _kept(chinese_words(t, book.entries, book.longest)), KEEP),
                         memo.Distinct(lambda t: _kept(english_words(t, book.vocabulary)), KEEP))]
    return _PER_TEXT[0][1], _PER_TEXT[0][2]


def _kept(words: set[str]) -> tuple[str, ...]:
    return tuple(sorted(map(sys.intern, words)))


class Lexical:
    """Dictionary evidence that groups of consecutive sentences translate each other, in nats.

    A word of either side is matched when one of its dictionary translations is in the group on the
    other side. In a true translation a word is matched with probability p + (1 - p)·r (r: `recall`),
    in unrelated text with p, its chance of a match by chance: the share of the document's sentences
    it matches, scaled to the number of words the group holds. A matched word adds log(1 + r(1 - p)/p),
    a rare word more than a common one; an unmatched word adds log(1 - r). A sentence left without
    counterpart scores 0, so a sentence none of whose words finds its translation costs more inside a
    bead than alone: that is what tells an omitted sentence from one translated together with its
    neighbour.
    """

    def __init__(self, chinese: Sequence[str], english: Sequence[str], recall: float = 0.6,
                 chinese_is_source: bool = True, book: Dictionary | None = None) -> None:
        book = book or dictionary() or Dictionary({}, frozenset(), 0)  # no data: no word is matched
        zh_of, en_of = _per_text(book)
        zh_words = [zh_of(t) for t in chinese]
        en_keys = [en_of(t) for t in english]
        postings: dict[str, int] = {}  # English key → the English sentences holding it (a bit each)
        for j, keys in enumerate(en_keys):
            bit = 1 << j
            for k in keys:
                postings[k] = postings.get(k, 0) | bit
        # per distinct Chinese word of the document (a word recurs in many sentences): its translations that
        # occur in the English document, and the English sentences holding any of them (a bit each) with the
        # word's chance to match by chance (`_Side`)
        en_sizes = [len(keys) for keys in en_keys]
        zh_chance = _chance(en_sizes)
        found: dict[str, tuple[tuple[str, ...], tuple[int, float]]] = {}
        holding: dict[str, int] = {}  # Chinese word → the Chinese sentences holding it (a bit each)
        zh_keys: list[set[str]] = []
        zh_rows: list[_Row] = []
        for i, words in enumerate(zh_words):
            bit = 1 << i
            keys: set[str] = set()
            pairs = []
            anything = 0
            # words in a fixed order (sorted by `_kept`, not a set's, which changes with the hash seed): the evidence
            # is summed in it, so every process gets the same floats to the last bit
            for w in words:
                hit = found.get(w)
                if hit is None:
                    there, mask = self._found(book.entries[w], postings)
                    hit = found[w] = (there, (mask, zh_chance(mask.bit_count())))
                    holding[w] = bit
                else:
                    holding[w] |= bit
                keys.update(hit[0])
                anything |= hit[1][0]
                pairs.append(hit[1])
            zh_keys.append(keys)
            zh_rows.append((anything, len(words), pairs))
        # English key → the Chinese sentences offering it: those holding a word it translates (per distinct
        # word, not per sentence and key)
        back: dict[str, int] = {}
        for w, (there, _) in found.items():
            mask = holding[w]
            for k in there:
                back[k] = back.get(k, 0) | mask
        # a group's chance to match a word by chance grows with what it holds: a heading adds little
        zh_sizes = [len(keys) for keys in zh_keys]
        en_chance = _chance(zh_sizes)
        per_key: dict[str, tuple[int, float]] = {}
        en_rows: list[_Row] = []
        for keys in en_keys:  # sorted by `_kept`
            pairs = []
            anything = 0
            for k in keys:
                pair = per_key.get(k)
                if pair is None:
                    mask = back.get(k, 0)
                    pair = per_key[k] = (mask, en_chance(mask.bit_count()))
                anything |= pair[0]
                pairs.append(pair)
            en_rows.append((anything, len(keys), pairs))
        self._sides = ((zh_rows, en_sizes), (en_rows, zh_sizes))
        self.zh = _Side(*self._sides[0], recall)
        self.en = _Side(*self._sides[1], recall)
        self.chinese_is_source = chinese_is_source

    @staticmethod
    def _found(keys: tuple[str, ...], postings: dict[str, int]) -> tuple[tuple[str, ...], int]:
        """Of a Chinese word's translations, those the English document holds, and the sentences holding one."""
        there = tuple(k for k in keys if k in postings)
        mask = 0
        for k in there:
            mask |= postings[k]
        return there, mask

    def __call__(self, s0: int, s1: int, t0: int, t1: int) -> float:
        """Log-likelihood ratio that source sentences [s0, s1) and target sentences [t0, t1) are translations."""
        if not self.chinese_is_source:
            s0, s1, t0, t1 = t0, t1, s0, s1
        v = 0.0
        for i in range(s0, s1):
            v += self.zh.score(i, t0, t1 - t0)
        for j in range(t0, t1):
            v += self.en.score(j, s0, s1 - s0)
        return v

    def pair(self, source: int, target: int) -> float:
        """`self(source, source + 1, target, target + 1)`, the same float, without the caches a bead search needs
        (alignment.shift asks each pair once)."""
        zh, en = (source, target) if self.chinese_is_source else (target, source)
        v = 0.0
        v += self.zh.one(zh, en)
        v += self.en.one(en, zh)
        return v

    def fitted(self, beads: Sequence[Any], min_beads: int = 5, tolerance: float = 0.02) -> Lexical:
        """This evidence with each side's recall measured on a first alignment's 1-1 beads: a close
        translation shows more of its words' dictionary translations than a free one, and each language
        has its own share of words a dictionary does not render. Self when that hardly differs."""
        ones = [(b.source[0], b.target[0]) if self.chinese_is_source else (b.target[0], b.source[0])
                for b in beads if b.kind == "1-1"]
        if len(ones) < min_beads:
            return self
        sides = []
        for side, pairs in ((self.zh, ones), (self.en, [(j, i) for i, j in ones])):
            hits = room = 0.0
            for here, there in pairs:
                h, r = side.expected(here, there)
                hits += h
                room += r
            recall = min(max(hits / room, RECALL_RANGE[0]), RECALL_RANGE[1]) if room > 0 else side.recall
            sides.append(recall)
        if all(abs(r - s.recall) <= tolerance for r, s in zip(sides, (self.zh, self.en), strict=True)):
            return self
        other = copy.copy(self)
        other.zh = _Side(*self._sides[0], sides[0])
        other.en = _Side(*self._sides[1], sides[1])
        return other


# a sentence of one side: the other side's sentences any of its words matches, its number of words, and each
# word's (mask of the other side's sentences it matches, log(1 - q) per unit of their size)
_Row = tuple[int, int, list[tuple[int, float]]]


def _chance(other_sizes: Sequence[int]) -> Callable[[int], float]:
    """log(1 - q) per word of the other side for a word matching `bits` of its sentences: q from the share of
    the other side's sentences it matches, spread over their mean size (the same value for the same count)."""
    other = len(other_sizes)
    mean = max(sum(other_sizes) / max(other, 1), 1.0)
    per_count: dict[int, float] = {}

    def per_unit(bits: int) -> float:
        v = per_count.get(bits)
        if v is None:
            v = per_count[bits] = math.log1p(-(bits + 0.5) / (other + 1)) / mean
        return v
    return per_unit


class _Side:
    """The words of one side's sentences, each with the sentences of the other side it matches."""

    def __init__(self, rows: list[_Row], other_sizes: list[int], recall: float) -> None:
        # per sentence: the other side's sentences any of its words matches, its number of words, and per word:
        # its mask and log(1 - q), q its chance to match one word of the other side by chance (`_chance`)
        self.rows = rows
        self.cum = [0, *itertools.accumulate(other_sizes)]
        self.recall = recall
        self.miss = math.log(1 - recall)
        self._scores: dict[tuple[int, int, int], float] = {}
        self._gains: dict[tuple[float, int], float] = {}

    def expected(self, i: int, j: int) -> tuple[float, float]:
        """For sentence i against sentence j of the other side, taken as its translation: the matches
        beyond chance (Σ matched - p) and the room for them (Σ 1 - p), whose ratio estimates the recall."""
        size = self.cum[j + 1] - self.cum[j]
        hits = room = 0.0
        for mask, per_unit in self.rows[i][2]:
            p = -math.expm1(per_unit * size)
            hits += ((mask >> j) & 1) - p
            room += 1 - p
        return hits, room

    def score(self, i: int, lo: int, k: int) -> float:
        """Sentence i's words against k consecutive sentences of the other side from `lo`, in nats."""
        key = (i, lo, k)
        total = self._scores.get(key)
        if total is not None:
            return total
        window = ((1 << k) - 1) << lo
        anything, n, row = self.rows[i]
        total = self.miss * n
        if anything & window:
            size = self.cum[lo + k] - self.cum[lo]
            for mask, per_unit in row:
                if mask & window:
                    total += self._gain(per_unit, size)
        self._scores[key] = total
        return total

    def one(self, i: int, j: int) -> float:
        """`score(i, j, 1)` (the same sums in the same order), not kept."""
        anything, n, row = self.rows[i]
        total = self.miss * n
        bit = 1 << j
        if anything & bit:
            size = self.cum[j + 1] - self.cum[j]
            for mask, per_unit in row:
                if mask & bit:
                    total += self._gain(per_unit, size)
        return total

    def _gain(self, per_unit: float, size: int) -> float:
        """What a matched word adds beyond an unmatched one's log(1 - r), against `size` words."""
        key = (per_unit, size)
        g = self._gains.get(key)
        if g is None:
            stay = math.exp(per_unit * size)  # no chance match among `size` words: (1 - q)^size
            g = self._gains[key] = math.log1p(self.recall * stay / max(1 - stay, 1e-9)) - self.miss
        return g
