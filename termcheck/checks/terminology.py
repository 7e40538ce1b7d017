"""Terminology checks: forbidden renderings, missing official renderings, near misses, consistency."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, ClassVar

from termcheck import lang as langs
from termcheck.checks.base import Batch, Check, register
from termcheck.glossary.model import Entry, Status
from termcheck.model import Finding, Segment, Severity


def _quote(s: str) -> str:
    return f"“{s}”"


def _label(entry: Entry, src: str) -> str:
    return f"{src} ({entry.id})"


class _TermCheck(Check):
    needs = frozenset({"target"})

    def entry(self, i: int) -> Entry:
        return self.ctx.entry(i)

    def suggestion(self, entry: Entry) -> str | None:
        term = entry.preferred(self.ctx.target_lang)
        return term.text if term else None


@register
class Forbidden(_TermCheck):
    """A rendering marked forbidden for a source term is in the target."""

    id = "terminology.forbidden"
    category = "terminology/wrong-term"
    severity = Severity.MAJOR

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        terms = batch.terms[i]
        for use in terms.uses:
            entry = self.entry(use.entry)
            src = seg.source[use.source_span[0]:use.source_span[1]] if seg.source else ""
            for hit in use.wrong:
                yield self._finding(seg, entry, hit, src, use.source_span)
        for hit in terms.stray:
            yield self._finding(seg, self.entry(hit.entry), hit, None, None)

    def _finding(self, seg: Segment, entry: Entry, hit: object, src: str | None,
                 source_span: tuple[int, int] | None) -> Finding:
        term = entry.terms[hit.term]
        sev = entry.severity
        if term.status is Status.SUPERSEDED:
            sev = Severity.MINOR
        elif term.status is Status.DEPRECATED:
            sev = entry.severity.lowered()
        pref = self.suggestion(entry)
        kind = {Status.SUPERSEDED: "an outdated", Status.DEPRECATED: "a deprecated"}.get(term.status, "a wrong")
        if src:
            msg = f"{_quote(term.text)} is {kind} rendering of {_label(entry, src)}; official: {_quote(pref or '?')}"
        else:
            got = _quote(seg.target[hit.start:hit.end])
            msg = f"{got} is wrong in any context; did you mean {_quote(pref or '?')}?"
        if entry.note:
            msg += f". Note: {entry.note}"
        return self.finding(seg, msg, severity=sev, source_span=source_span, target_span=(hit.start, hit.end),
                            suggestion=pref, term=entry.id)


@register
class NearMissCheck(_TermCheck):
    """The target holds a garbled form close to the expected rendering."""

    id = "terminology.near-miss"
    category = "terminology/wrong-term"
    severity = Severity.MAJOR
    options: ClassVar[Mapping[str, Any]] = {"min_score": 82.0}

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        found = batch.near
        for use in batch.terms[i].uses:
            nm = found.get((i, use.entry))
            if nm is None:
                continue
            entry = self.entry(use.entry)
            src = seg.source[use.source_span[0]:use.source_span[1]] if seg.source else ""
            got = seg.target[nm.start:nm.end]
            yield self.finding(
                seg, f"{_quote(got)} looks like a garbled {_quote(nm.expected)} ({_label(entry, src)})",
                severity=entry.severity.lowered(), source_span=use.source_span, target_span=(nm.start, nm.end),
                suggestion=nm.expected, term=entry.id, score=round(nm.score, 1))


@register
class Missing(_TermCheck):
    """A source term is in the source but none of its official renderings is in the target."""

    id = "terminology.missing"
    category = "terminology/inconsistent-with-termbase"
    severity = Severity.MINOR
    needs = frozenset({"source", "target"})

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        if not seg.target.strip():
            return
        near = batch.near if self.ctx.is_selected("terminology.near-miss") else {}
        for use in batch.terms[i].uses:
            if use.status != "missing" or (i, use.entry) in near:
                continue
            entry = self.entry(use.entry)
            src = seg.source[use.source_span[0]:use.source_span[1]]
            pref = self.suggestion(entry)
            yield self.finding(seg, f"{_label(entry, src)} is not rendered officially: expected {_quote(pref or '?')}",
                               severity=entry.severity.lowered(), source_span=use.source_span,
                               suggestion=pref, term=entry.id)


@register
class Inconsistent(_TermCheck):
    """One source term rendered in different ways within one document."""

    id = "terminology.inconsistent"
    category = "terminology/inconsistent-use"
    severity = Severity.MINOR
    corpus = True

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # (doc, entry) -> rendering -> [count, the first KEEP findings-without-message]
        self._seen: dict[tuple[str, int], dict[str, list]] = {}
        self._doc: str | None = None
        self._ok_texts = {t.text for e in self.ctx.glossary.entries for t in e.terms if t.status.ok}

    def check_batch(self, batch: Batch) -> Iterable[Finding]:
        """Documents arrive one after another: a finished document is judged and forgotten."""
        for i, seg in enumerate(batch.segments):
            if seg.doc != self._doc:
                if self._doc is not None:
                    yield from self._judge(lambda key, doc=self._doc: key[0] == doc)
                self._doc = seg.doc
            if self.applies(seg):
                self._observe(seg, batch, i)

    def _observe(self, seg: Segment, batch: Batch, i: int) -> None:
        for use in batch.terms[i].uses:
            entry = self.entry(use.entry)
            hits = sorted(use.ok + use.wrong, key=lambda h: h.start)
            kinds = self._seen.setdefault((seg.doc, use.entry), {})
            for hit in hits:
                kinds.setdefault(entry.terms[hit.term].text, [0, []])
            for hit in hits:
                slot = kinds[entry.terms[hit.term].text]
                slot[0] += 1
                # while a term has one rendering only its first use is kept (nothing to report yet)
                if (len(kinds) > 1 or not slot[1]) and len(slot[1]) < KEEP:
                    slot[1].append(self.finding(seg, "", source_span=use.source_span,
                                                target_span=(hit.start, hit.end), term=entry.id))

    def _compatible(self, a: str, b: str) -> bool:
        return compatible(a, b, self.ctx.target_lang)

    def finish(self) -> Iterable[Finding]:
        return self._judge(lambda key: True)

    def _judge(self, which: Callable[[tuple[str, int]], bool]) -> Iterator[Finding]:
        """Findings for the (document, term) pairs selected, which are then forgotten."""
        from dataclasses import replace

        ok_texts = self._ok_texts
        for key in [k for k in self._seen if which(k)]:
            kinds = self._seen.pop(key)
            if len(kinds) < 2:
                continue
            entry = self.entry(key[1])
            # the majority rendering (ties: the official one, then the first seen) is the reference
            pref = self.suggestion(entry)
            order = list(kinds)
            main = max(order, key=lambda r: (kinds[r][0], r == pref, -order.index(r)))
            first = kinds[main][1][0]
            with_main = {f.index for f in kinds[main][1]}
            for rendering, (count, fs) in kinds.items():
                if rendering == main or (rendering in ok_texts and main in ok_texts
                                         and self._compatible(rendering, main)):
                    continue
                more = f" ({count} times in all; {len(fs)} listed)" if count > len(fs) else ""
                for f in fs:
                    if f.index in with_main:  # both forms in one sentence: an apposition, not a slip
                        continue
                    msg = (f"{f.source_text or entry.id} is rendered {_quote(f.target_text or rendering)} here but "
                           f"{_quote(first.target_text or main)} in segment {first.segment} of the same document"
                           f"{more}")
                    yield replace(f, message=msg, suggestion=first.target_text or main)


# occurrences kept per (document, term, rendering) for the report once the term has two renderings;
# past that, and before, they are only counted
KEEP = 100


_ARTICLES = frozenset({"the", "a", "an"})


def compatible(a: str, b: str, lang: str) -> bool:
    """Two correct renderings that are one form and its short form or acronym are consistent (the
    language's term keys, articles and acronyms decide)."""
    module = langs.get(lang)
    keys = module.term_keys
    articles = getattr(module, "ARTICLES", _ARTICLES)
    ka = [w for w in keys(a)[0].split() if w not in articles]
    kb = [w for w in keys(b)[0].split() if w not in articles]
    if _subsequence(ka, kb) or _subsequence(kb, ka):
        return True
    sa, sb = a.replace(".", "").rstrip("s"), b.replace(".", "").rstrip("s")
    acronym = getattr(module, "acronym", _acronym)
    return acronym(a) == sb or acronym(b) == sa


def _subsequence(short: list[str], long: list[str]) -> bool:
    """Whether the words of `short` appear in `long` in order (gaps allowed)."""
    it = iter(long)
    return all(w in it for w in short)


def _acronym(text: str) -> str:
    """`World Health Organization` -> `WHO` (capitalized words only)."""
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", text))
