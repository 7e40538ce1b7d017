"""Punctuation: full-width punctuation in alphabetic text, unbalanced brackets and quotes, each language's norms."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any, ClassVar

from termcheck import lang
from termcheck.checks.base import Batch, Check, register
from termcheck.lang import scripts
from termcheck.model import Finding, Segment, Severity, Span

# Chinese and full-width punctuation, and what English uses instead (curly quotes “” are English)
REPLACEMENT = {
    "，": ",", "。": ".", "、": ",", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")",
    "【": "[", "】": "]", "〔": "[", "〕": "]", "《": "“", "》": "”", "〈": "‘", "〉": "’", "「": "“", "」": "”",
    "『": "‘", "』": "’", "～": "~", "　": " ", "……": "…", "——": "—", "＂": '"', "＇": "'",
}
_WIDE = re.compile(r"……|——|[，。、；：！？（）【】〔〕《》〈〉「」『』～　\uff01-\uff5e]")
_HAN = re.compile(f"[{scripts.PATTERNS[scripts.HAN]}]")
BRACKETS = {"(": ")", "[": "]", "（": "）", "【": "】", "《": "》", "「": "」", "『": "』"}
PAIRS = {**BRACKETS, "“": "”"}  # English
_LIST_ITEM = re.compile(r"^\s*(?:\(?[a-z]{1,3}\)|\(?[0-9]{1,3}\)|\(?[ivxlc]{1,6}\))", re.I)
_ENUM_CLOSE = re.compile(r"(?:^|[\s;:,])[a-z0-9]{1,3}\)$", re.I)  # "; b) the second item"
_QUOTED_ZH = re.compile(r"“([^“”]{1,40})”|\"([^\"]{1,40})\"|「([^「」]{1,40})」|『([^『』]{1,40})』")


def wide_punctuation(text: str) -> Iterator[tuple[Span, str, str]]:
    """Full-width or Chinese punctuation in a text, with the English replacement (not next to Chinese)."""
    for m in _WIDE.finditer(text):
        a, b = m.span()
        if _HAN.match(text[a - 1:a] or " ") or _HAN.match(text[b:b + 1] or " "):
            continue  # part of an untranslated run: accuracy.untranslated reports it
        s = m.group()
        yield (a, b), s, REPLACEMENT.get(s) or unicodedata.normalize("NFKC", s)


def unbalanced(text: str, pairs: Mapping[str, str] = PAIRS) -> list[tuple[int, str]]:
    """Positions of brackets and quotes (`pairs`: opening -> closing) with no partner, and of a last odd
    straight quote."""
    lst = _LIST_ITEM.match(text)
    start = lst.end() if lst else 0
    closers = {v: k for k, v in pairs.items()}
    stack: list[tuple[int, str]] = []
    bad: list[tuple[int, str]] = []
    for m in _marks(tuple(pairs.items())).finditer(text, start):  # the characters the loop does anything with
        i, c = m.start(), m.group()
        if c in pairs:
            stack.append((i, c))
        elif c in closers:
            if stack and stack[-1][1] == closers[c]:
                stack.pop()
            elif any(o == closers[c] for _, o in stack):
                while stack and stack[-1][1] != closers[c]:
                    bad.append(stack.pop())
                stack.pop()
            elif not (c == ")" and _ENUM_CLOSE.search(text, 0, i + 1)):
                bad.append((i, c))
    bad.extend(stack)
    if text.count('"') % 2:
        bad.append((text.rindex('"'), '"'))
    return sorted(bad)


@lru_cache(maxsize=16)
def _marks(pairs: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """One character of the pairs' opening or closing marks (a longer mark never equals one character)."""
    marks = sorted({c for pair in pairs for c in pair if len(c) == 1})
    return re.compile("|".join(map(re.escape, marks)) or "(?!)")


def quoted_regions(text: str, pairs: Mapping[str, str] | None = None) -> list[Span]:
    """Spans inside quotation marks: “…”, ‘…’, the language's own (`pairs`) and pairs of straight quotes."""
    out = [m.span() for m in re.finditer(r"“[^“”]*”|‘[^‘’]*’(?!\w)", text)]
    for o, c in (pairs or {}).items():
        out += [m.span() for m in re.finditer(f"{re.escape(o)}[^{re.escape(o + c)}]*{re.escape(c)}", text)]
    straight = [i for i, c in enumerate(text) if c == '"']
    out += [(straight[k], straight[k + 1] + 1) for k in range(0, len(straight) - 1, 2)]
    singles = [m.start() for m in re.finditer(r"(?<!\w)'|'(?!\w)", text)]
    out += [(singles[k], singles[k + 1] + 1) for k in range(0, len(singles) - 1, 2)]
    return out


def source_quoted_spans(source: str) -> list[Span]:
    """Spans of the phrases quoted in a Chinese source (“台独”), without the quotation marks."""
    out = []
    for m in _QUOTED_ZH.finditer(source):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        out.append(m.span(g))
    return out


_LAST_WORD = re.compile(r"[^\W_]+$")
_FOOTNOTE_END = re.compile(r"[.!?][\"”’)\]]*\[?\d{1,3}\]?\s*$")  # "... website.3", "... planning.[23]"
_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


def missing_final_stop(source: str, target: str) -> Span | None:
    """The target's last word, when the source ends a sentence (。！？) and the target ends in a letter or digit."""
    if not source.rstrip().endswith(("。", "！", "？", "!", "?")) or _FOOTNOTE_END.search(target):
        return None
    m = _LAST_WORD.search(target.rstrip())
    return m.span() if m else None


def whitespace(target: str, source: str | None) -> Iterator[tuple[Span, str]]:
    """Double spaces between words; space at the start or end that the source does not have."""
    for m in _DOUBLE_SPACE.finditer(target):
        yield m.span(), "double space"
    src = source if source is not None else ""
    lead = len(target) - len(target.lstrip())
    if lead and target.strip() and not src[:1].isspace():
        yield (0, lead), "space at the start of the target"
    trail = len(target) - len(target.rstrip())
    if trail and target.strip() and not src[-1:].isspace():
        yield (len(target) - trail, len(target)), "space at the end of the target"


@register
class Punctuation(Check):
    """Punctuation: full-width punctuation in alphabetic text, unbalanced brackets or quotes, dropped quotes.

    Quotation marks and typography norms come from the target language's module (French spaces
    before ; : ! ? and inside « », Spanish ¿…?, German „…“, Russian «…», full-width marks in
    Chinese and repeated 。。 ，，); a language without a module gets brackets only.

    A term the Chinese puts in quotation marks (“台独”) whose glossary rendering the English gives
    without them is flagged at the rendering. Curly quotes “” are English and never flagged. Also
    a target that does not end its sentence where the source does (minor), and double spaces or
    stray leading/trailing space (info).
    """

    id = "fluency.punctuation"
    category = "fluency/punctuation"
    severity = Severity.MINOR
    needs = frozenset({"target"})
    options: ClassVar[Mapping[str, Any]] = {"wide": True, "unbalanced": True, "quoted_terms": True, "final": True,
                                            "whitespace": True, "typography": True}

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        target = seg.target or ""
        module = lang.module(seg.target_lang)
        han_target = module.script == scripts.HAN
        pairs = {**BRACKETS, **(module.quote_pairs or {})}
        if self.opts["wide"] and not han_target:
            for span, s, repl in wide_punctuation(target):
                yield self.finding(seg, f"Chinese or full-width punctuation {s!r} in {seg.target_lang} text",
                                   target_span=span, suggestion=repl)
        if self.opts["unbalanced"]:
            src_bad = unbalanced(seg.source) if seg.source else []
            if not src_bad:
                for pos, c in unbalanced(target, pairs):
                    yield self.finding(seg, f"unbalanced {c!r}: no matching "
                                       + ("opening" if c in pairs.values() else "closing") + " mark",
                                       target_span=(pos, pos + 1))
        if self.opts["quoted_terms"] and seg.source and not han_target:
            yield from self._quoted_terms(seg, batch, i, module.quote_pairs)
        if self.opts["final"] and seg.source and not han_target:
            span = missing_final_stop(seg.source, target)
            if span is not None:
                yield self.finding(seg, "the source ends its sentence but the target has no closing punctuation",
                                   target_span=span, suggestion=target[span[0]:span[1]] + ".")
        if self.opts["typography"] and module.typography is not None:
            for typo in module.typography(target):
                yield self.finding(seg, f"{typo.message} ({module.name} typography)", target_span=typo.span,
                                   suggestion=typo.suggestion)
        if self.opts["whitespace"]:
            for span, what in whitespace(target, seg.source):
                yield self.finding(seg, what, severity=Severity.INFO, target_span=span, suggestion=" " if
                                   what.startswith("double") else "")

    def _quoted_terms(self, seg: Segment, batch: Batch, i: int,
                      pairs: Mapping[str, str] | None) -> Iterator[Finding]:
        quoted = source_quoted_spans(seg.source or "")
        if not quoted:
            return
        target = seg.target or ""
        regions = quoted_regions(target, pairs)
        for use in batch.terms[i].uses:
            s0, s1 = use.source_span
            if not any(a <= s0 and s1 <= b and (s1 - s0) * 2 >= b - a for a, b in quoted):
                continue
            for hit in use.ok:
                if any(a <= hit.start and hit.end <= b for a, b in regions):
                    continue
                shown = target[hit.start:hit.end]
                yield self.finding(seg, f"the source quotes {seg.source[s0:s1]} but the target does not quote "
                                   f"“{shown}”", source_span=use.source_span, target_span=(hit.start, hit.end),
                                   suggestion=f"“{shown}”", term=self.ctx.entry(use.entry).id)
