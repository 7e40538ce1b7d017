"""Term matching: one Aho-Corasick automaton per language side, longest match wins.

A source is scanned once by its side's automaton, whatever the number of terms; a target, for the
renderings of its source's entries (and the terms wrong in any context): each of their keys looked up
in the text when they are few, the automaton otherwise. What grows with the glossary is the number
of hits to confirm.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import ahocorasick

from termcheck import diskcache as cache
from termcheck import lang as langs
from termcheck.glossary.model import Entry, Glossary, Status, Term
from termcheck.text import Normalized


class Hit(NamedTuple):
    """A glossary term found in a text: entry and term indices, [start, end) in the original text (a named
    tuple: matching a large glossary makes millions of them)."""

    entry: int
    term: int
    start: int
    end: int


Ref = tuple[int, int]  # (entry, term) indices
# a scan restricted to some entries and some (entry, term) pairs
Only = tuple[set[int] | frozenset[int], frozenset[Ref]] | None


# a restricted scan looks up each key of its entries in the text while they are at most this many
LOOKUPS = 64


def _every(entry: Entry, term: Term) -> bool:
    return True


class SideMatcher:
    """The automaton for one language: keys of the given terms in that language's normalized space."""

    def __init__(self, glossary: Glossary, lang: str, keep: Callable[[Entry, Term], bool]) -> None:
        self.lang = lang
        self.module = langs.get(lang)
        self._auto = ahocorasick.Automaton()
        keyed: dict[str, list[tuple[int, int]]] = {}
        caps: dict[tuple[int, int], frozenset[str]] = {}
        caps_keys = getattr(self.module, "caps_keys", None)
        inflected = getattr(self.module, "inflected_keys", None)  # a correct rendering's declined forms
        words: list[str] = []
        for ei, entry in enumerate(glossary.entries):
            for ti, term in enumerate(entry.terms):
                if term.lang != lang and langs.base_code(term.lang) != langs.base_code(lang):
                    continue
                if not keep(entry, term):
                    continue
                words.append(term.text)
                own = self.module.term_keys(term.text)
                more = inflected(term.text) if inflected is not None and term.status.ok else ()
                for key in dict.fromkeys((*own, *more)):
                    keyed.setdefault(key, []).append((ei, ti))
                if caps_keys is not None and (ck := caps_keys(term.text)):
                    caps[(ei, ti)] = ck
        self._caps = caps
        self._caps_ok = getattr(self.module, "caps_ok", None)
        self._proper_ok = getattr(self.module, "proper_noun_ok", None)
        # wrong renderings only: a false match there is a false alarm, for correct ones it is harmless
        self._wrong = {(ei, ti): glossary.entries[ei].terms[ti].text for refs in keyed.values() for ei, ti in refs
                       if not glossary.entries[ei].terms[ti].status.ok}
        for key, refs in keyed.items():
            # whether a term of this key has a case or proper-noun condition (most have none: their hits are kept
            # as found)
            checked = any(r in caps or r in self._wrong for r in refs)
            self._auto.add_word(key, (len(key), tuple(refs), checked))
        self.size = len(keyed)
        # per entry and per (entry, term): its keys, for a scan restricted to a few entries (`_scan`)
        entry_keys: dict[int, set[str]] = {}
        pair_keys: dict[tuple[int, int], set[str]] = {}
        for key, refs in keyed.items():
            for ref in refs:
                entry_keys.setdefault(ref[0], set()).add(key)
                pair_keys.setdefault(ref, set()).add(key)
        self._entry_keys = {ei: tuple(sorted(ks)) for ei, ks in entry_keys.items()}
        self._pair_keys = {ref: tuple(sorted(ks)) for ref, ks in pair_keys.items()}
        self._pairs_seen: tuple[frozenset[tuple[int, int]], frozenset[str]] | None = None
        if keyed:
            self._auto.make_automaton()
        self._words = words
        self._boundary = self.module.boundary_filter(words) if words else None
        self._padded = bool(keyed) and next(iter(keyed)).startswith(" ")

    def __getstate__(self) -> dict[str, object]:
        """What is kept between runs (termcheck.diskcache): the automaton and tables, not the language
        module's functions, which are looked up again."""
        state = dict(self.__dict__)
        for name in ("module", "_caps_ok", "_proper_ok", "_boundary", "_pairs_seen"):
            state.pop(name, None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._pairs_seen = None
        self.module = langs.get(self.lang)
        self._caps_ok = getattr(self.module, "caps_ok", None)
        self._proper_ok = getattr(self.module, "proper_noun_ok", None)
        self._boundary = self.module.boundary_filter(self._words) if self._words else None

    @classmethod
    def built(cls, glossary: Glossary, lang: str, keep: Callable[[Entry, Term], bool], role: str) -> SideMatcher:
        """The side's matcher, kept between runs for the same glossary content, language and role."""
        key = f"{glossary.digest}|{lang}|{role}".encode()
        return cache.remember("matcher", key, lambda: cls(glossary, lang, keep))

    def candidates(self, text: str, only: Only = None) -> list[Hit]:
        """Every hit of every term (overlapping), already checked for word boundaries and case; with `only`
        (entries, (entry, term) pairs), just the hits of those entries and of those terms."""
        if not self.size or not text:
            return []
        forms = getattr(self.module, "match_forms", None)
        norms = forms(text) if forms is not None else (self.module.normalize(text),)
        out: list[Hit] = []
        for norm in norms:
            out.extend(self._scan(text, norm, only))
        return list(dict.fromkeys(out)) if len(norms) > 1 else out

    def longest(self, text: str) -> list[Hit]:
        """`longest(self.candidates(text))`, with a hit's word boundary and case checked only when no longer
        hit kept overlaps it: in a dense glossary most hits lie inside a longer one and are never checked
        (the checks are pure, and a hit that fails one changes nothing: the same hits come out). The same
        greedy pass as the module's `longest`, over raw spans: making a `Hit` of every raw hit and handing them
        to `longest` with a lazy check cost more than checking them all first (100k entries: ~3.6 s against
        ~3.4 s; this pass ~2.0 s, on 8,000 UN sentences)."""
        if not self.size or not text:
            return []
        forms = getattr(self.module, "match_forms", None)
        norms = forms(text) if forms is not None else (self.module.normalize(text),)
        shift = 1 if self._padded else 0
        spans: list[tuple[int, int, int, tuple[Ref, ...], bool]] = []  # (-length, start, end, refs, checked)
        for norm in norms:
            starts, ends = norm.starts, norm.ends
            for end, (length, refs, checked) in self._auto.iter(norm.text):
                a, b = end - length + 1 + shift, end + 1 - shift
                start, stop = (a, b) if starts is None or ends is None else (starts[a], ends[b - 1])
                spans.append((start - stop, start, stop, refs, checked))
        spans.sort()  # longest first, then leftmost: the order `longest` keeps hits in
        boundary = self._boundary
        kept: list[Hit] = []
        kept_starts: list[int] = []  # the kept spans, sorted by start (and so by end)
        kept_ends: list[int] = []
        k, n = 0, len(spans)
        while k < n:
            _, start, stop, refs, checked = spans[k]
            k += 1
            if k < n and spans[k][1] == start and spans[k][2] == stop:  # the span's other keys (other normal forms)
                group = [spans[k - 1]]
                while k < n and spans[k][1] == start and spans[k][2] == stop:
                    group.append(spans[k])
                    k += 1
                refs = tuple(sorted({r for item in group for r in item[3]}))
                checked = any(item[4] for item in group)
            i = bisect.bisect_left(kept_starts, stop)
            if (i and kept_ends[i - 1] > start) or (boundary is not None and not boundary(text, start, stop)):
                continue  # inside a longer hit kept (or overlapping one further left), or across a word boundary
            entries: set[int] = set()
            for ei, ti in refs:  # in (entry, term) order
                if ei in entries or (checked and not self._conditions_hold(text, ei, ti, start, stop)):
                    continue  # two terms of one entry with one key: the first
                entries.add(ei)
                kept.append(Hit(ei, ti, start, stop))
            if entries:
                kept_starts.insert(i, start)
                kept_ends.insert(i, stop)
        kept.sort(key=lambda h: (h.start, h.end, h.entry, h.term))
        return kept

    def _conditions_hold(self, text: str, ei: int, ti: int, start: int, stop: int) -> bool:
        """A term's case and proper-noun conditions at a hit."""
        ck = self._caps.get((ei, ti))
        if ck and self._caps_ok is not None and not self._caps_ok(text, (start, stop), ck):
            return False
        wrong = self._wrong.get((ei, ti))
        return not (wrong and self._proper_ok is not None and not self._proper_ok(text, (start, stop), wrong))

    def _scan(self, text: str, norm: Normalized, only: Only = None) -> list[Hit]:
        out: list[Hit] = []
        starts, ends = norm.starts, norm.ends
        shift = 1 if self._padded else 0
        boundary = self._boundary
        entries, pairs = only if only is not None else ((), frozenset())
        keys = self._restricted(entries, pairs) if only is not None else None
        found = self._auto.iter(norm.text) if keys is None else self._occurrences(norm.text, keys)
        for end, (length, refs, checked) in found:
            if only is not None:
                if len(refs) == 1:  # most keys hold one term: no list to build
                    if refs[0][0] not in entries and refs[0] not in pairs:
                        continue
                else:
                    refs = [r for r in refs if r[0] in entries or r in pairs]
                    if not refs:
                        continue
            a, b = end - length + 1 + shift, end + 1 - shift
            start, stop = (a, b) if starts is None or ends is None else (starts[a], ends[b - 1])
            if boundary is not None and not boundary(text, start, stop):
                continue
            if not checked:
                out.extend([Hit(ei, ti, start, stop) for ei, ti in refs])
                continue
            holds = self._conditions_hold
            out.extend([Hit(ei, ti, start, stop) for ei, ti in refs if holds(text, ei, ti, start, stop)])
        return out

    def _restricted(self, entries: set[int] | frozenset[int], pairs: frozenset[tuple[int, int]]) -> list[str] | None:
        """The keys of a restricted scan, when few enough to look each one up (a large glossary's automaton
        finds many terms of other entries in a text, each thrown away); None: scan with the automaton."""
        seen = self._pairs_seen
        if seen is None or seen[0] is not pairs:
            seen = self._pairs_seen = (pairs, frozenset(k for p in pairs for k in self._pair_keys.get(p, ())))
        keys = set(seen[1])
        if len(keys) > LOOKUPS:
            return None
        for ei in entries:
            keys.update(self._entry_keys.get(ei, ()))
            if len(keys) > LOOKUPS:
                return None
        return sorted(keys)

    def _occurrences(self, text: str, keys: list[str]) -> Iterator[tuple[int, tuple[int, tuple[Ref, ...], bool]]]:
        """What the automaton's `iter` yields for these keys alone: (end index, value) of every occurrence."""
        get = self._auto.get
        for key in keys:
            i = text.find(key)
            if i < 0:
                continue
            value, n = get(key), len(key) - 1
            while i >= 0:
                yield i + n, value
                i = text.find(key, i + 1)


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


def identifies(entry: Entry, term: Term) -> bool:
    """Whether a term recognizes its concept in a source text.

    Every preferred term does. An admitted term does when it is in a rendering language (not the
    entry's first, the glossary's own source language) and says more than a word: several words or
    an acronym (`PRC`, `UN Charter`). A lone admitted word (`China`, `Council`, `Parties`) is
    there to be accepted in a target, where it refers back to the concept; in a source it names
    many other things. Admitted forms of the first language (`zh_admitted` 中国 for
    中华人民共和国) are accepted in a target only.
    """
    if term.status is Status.PREFERRED:
        return True
    if not term.status.ok or not entry.terms or term.lang == entry.terms[0].lang:
        return False
    letters = re.sub(r"[\W_]", "", term.text)
    return len(term.text.split()) > 1 or (len(letters) > 1 and letters.isupper())


class Matcher:
    """Source and target matching for one glossary and one language pair."""

    def __init__(self, glossary: Glossary, source_lang: str = "zh", target_lang: str = "en", *,
                 remember: int = 0) -> None:
        """`remember`: keep the hits of up to that many recent texts, so a text matched twice in one run
        (a sentence aligned, then checked) is scanned once."""
        self.glossary = glossary
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.source = SideMatcher.built(glossary, source_lang, identifies, "source")
        self.target = SideMatcher.built(glossary, target_lang, _every, "target")
        # entries with a correct rendering in the target language: only these can be checked
        tgt = langs.base_code(target_lang)
        self.rendered = frozenset(ei for ei, e in enumerate(glossary.entries)
                                  if any(t.status.ok and langs.base_code(t.lang) == tgt for t in e.terms))
        # target terms wrong in any context: reported even where the source has no term of theirs
        self._any_context = frozenset((ei, ti) for ei, e in enumerate(glossary.entries)
                                      for ti, t in enumerate(e.terms) if t.any_context)
        self._remember = remember
        self._memo: dict[tuple[bool, str], list[Hit]] = {}

    def _recall(self, source: bool, text: str, compute: Callable[[str], list[Hit]]) -> list[Hit]:
        if not self._remember:
            return compute(text)
        key = (source, text)
        hits = self._memo.get(key)
        if hits is None:
            if len(self._memo) >= self._remember:
                self._memo.clear()
            hits = self._memo[key] = compute(text)
        return hits

    def entry(self, hit: Hit) -> Entry:
        return self.glossary.entries[hit.entry]

    def term(self, hit: Hit) -> Term:
        return self.glossary.entries[hit.entry].terms[hit.term]

    def source_hits(self, text: str | None) -> list[Hit]:
        """Glossary source terms in a source text, longest match first."""
        return list(self._recall(True, text or "", self.source.longest))

    def target_candidates(self, text: str | None) -> list[Hit]:
        """Every target-language glossary term found in a text (before the longest-match pass)."""
        return list(self._recall(False, text or "", self.target.candidates))

    def target_hits(self, text: str | None, entries: set[int] | None = None) -> list[Hit]:
        """Target renderings; with `entries`, only those of the source's entries and any-context ones."""
        if entries is None:
            cands = self.target_candidates(text)
        elif self._remember and (False, text or "") in self._memo:  # every candidate known: pick
            anywhere = self._any_context
            cands = [h for h in self._memo[(False, text or "")] if h.entry in entries or (h.entry, h.term) in anywhere]
        else:  # the scan keeps only these (a large glossary has many terms the source does not hold)
            cands = self.target.candidates(text or "", (entries, self._any_context))
        return longest(cands, rank=lambda h: 0 if h.entry in (entries or ()) else 1)
