"""Term matching: one Aho-Corasick automaton per language side, longest match wins.

Matching cost grows with the text, not with the glossary: every segment is scanned once per
side, whatever the number of terms.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import ahocorasick

from termcheck import lang as langs
from termcheck.glossary.model import Entry, Glossary, Term
from termcheck.text import Normalized


@dataclass(frozen=True, slots=True)
class Hit:
    """A glossary term found in a text: entry and term indices, [start, end) in the original text."""

    entry: int
    term: int
    start: int
    end: int


class SideMatcher:
    """The automaton for one language: keys of the given terms in that language's normalized space."""

    def __init__(self, glossary: Glossary, lang: str, keep: Callable[[Term], bool]) -> None:
        self.lang = lang
        self.module = langs.get(lang)
        self._auto = ahocorasick.Automaton()
        keyed: dict[str, list[tuple[int, int]]] = {}
        caps: dict[tuple[int, int], frozenset[str]] = {}
        caps_keys = getattr(self.module, "caps_keys", None)
        words: list[str] = []
        for ei, entry in enumerate(glossary.entries):
            for ti, term in enumerate(entry.terms):
                if term.lang != lang and langs.base_code(term.lang) != langs.base_code(lang):
                    continue
                if not keep(term):
                    continue
                words.append(term.text)
                for key in self.module.term_keys(term.text):
                    keyed.setdefault(key, []).append((ei, ti))
                if caps_keys is not None and (ck := caps_keys(term.text)):
                    caps[(ei, ti)] = ck
        for key, refs in keyed.items():
            self._auto.add_word(key, (len(key), tuple(refs)))
        self.size = len(keyed)
        if keyed:
            self._auto.make_automaton()
        self._caps = caps
        self._caps_ok = getattr(self.module, "caps_ok", None)
        self._proper_ok = getattr(self.module, "proper_noun_ok", None)
        # wrong renderings only: a false match there is a false alarm, for correct ones it is harmless
        self._wrong = {(ei, ti): glossary.entries[ei].terms[ti].text for refs in keyed.values() for ei, ti in refs
                       if not glossary.entries[ei].terms[ti].status.ok}
        self._boundary = self.module.boundary_filter(words) if words else None
        self._padded = bool(keyed) and next(iter(keyed)).startswith(" ")

    def candidates(self, text: str) -> list[Hit]:
        """Every hit of every term (overlapping), already checked for word boundaries and case."""
        if not self.size or not text:
            return []
        forms = getattr(self.module, "match_forms", None)
        norms = forms(text) if forms is not None else (self.module.normalize(text),)
        out: list[Hit] = []
        for norm in norms:
            out.extend(self._scan(text, norm))
        return list(dict.fromkeys(out)) if len(norms) > 1 else out

    def _scan(self, text: str, norm: Normalized) -> list[Hit]:
        out: list[Hit] = []
        for end, (length, refs) in self._auto.iter(norm.text):
            a, b = end - length + 1, end + 1
            if self._padded:
                a, b = a + 1, b - 1
            start, stop = norm.original_span(a, b)
            if self._boundary is not None and not self._boundary(text, start, stop):
                continue
            for ei, ti in refs:
                ck = self._caps.get((ei, ti))
                if ck and self._caps_ok is not None and not self._caps_ok(text, (start, stop), ck):
                    continue
                wrong = self._wrong.get((ei, ti))
                if wrong and self._proper_ok is not None and not self._proper_ok(text, (start, stop), wrong):
                    continue
                out.append(Hit(ei, ti, start, stop))
        return out


def longest(hits: Iterable[Hit], rank: Callable[[Hit], int] = lambda h: 0) -> list[Hit]:
    """Keep the longest hits; a hit overlapping a longer one is dropped, same-span hits all stay.

    `rank` breaks ties between same-length overlapping hits (lower first). O(n log n): the kept spans
    never overlap one another (only equal spans share), so one bisection over them finds a clash.
    """
    ordered = sorted(hits, key=lambda h: (h.start - h.end, rank(h), h.start, h.entry, h.term))
    kept: list[Hit] = []
    same: set[tuple[int, int, int]] = set()
    starts: list[int] = []  # the distinct kept spans, sorted by start (and so by end)
    ends: list[int] = []
    for h in ordered:
        if (h.entry, h.start, h.end) in same:  # two terms of one entry with one key: keep the first
            continue
        i = bisect.bisect_left(starts, h.end)  # spans [0, i) start before h ends
        if i and ends[i - 1] > h.start and (starts[i - 1], ends[i - 1]) != (h.start, h.end):
            continue  # overlaps a longer (or better-ranked) kept span
        if not (i and (starts[i - 1], ends[i - 1]) == (h.start, h.end)):
            starts.insert(i, h.start)
            ends.insert(i, h.end)
        kept.append(h)
        same.add((h.entry, h.start, h.end))
    kept.sort(key=lambda h: (h.start, h.end, h.entry, h.term))
    return kept


class Matcher:
    """Source and target matching for one glossary and one language pair."""

    def __init__(self, glossary: Glossary, source_lang: str = "zh", target_lang: str = "en") -> None:
        self.glossary = glossary
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.source = SideMatcher(glossary, source_lang, lambda t: t.status.ok)
        self.target = SideMatcher(glossary, target_lang, lambda t: True)

    def entry(self, hit: Hit) -> Entry:
        return self.glossary.entries[hit.entry]

    def term(self, hit: Hit) -> Term:
        return self.glossary.entries[hit.entry].terms[hit.term]

    def source_hits(self, text: str | None) -> list[Hit]:
        """Glossary source terms in a source text, longest match first."""
        return longest(self.source.candidates(text or ""))

    def target_hits(self, text: str | None, entries: set[int] | None = None) -> list[Hit]:
        """Target renderings; with `entries`, only those of the source's entries and any-context ones."""
        cands = self.target.candidates(text or "")
        if entries is not None:
            cands = [h for h in cands if h.entry in entries or self.term(h).any_context]
        return longest(cands, rank=lambda h: 0 if h.entry in (entries or ()) else 1)
