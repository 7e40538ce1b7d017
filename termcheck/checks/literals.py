"""Literals: URLs, e-mail addresses, placeholders and Latin-script names or codes must survive translation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from termcheck.checks.base import Batch, Check, register
from termcheck.lang import scripts
from termcheck.model import Finding, Segment, Severity, Span

URL = "url"
EMAIL = "e-mail address"
PLACEHOLDER = "placeholder"
TAG = "markup tag"
LATIN = "Latin-script name or code"

_EXACT = [
    (re.compile(r"(?<![A-Za-z0-9])(?:https?://|www\.)[A-Za-z0-9._~/?#=&%+:@!$*,;()-]*[A-Za-z0-9/#=&%+_-]"), URL),
    (re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"), EMAIL),
    (re.compile(r"\{\{?\s*[\w.]*\s*\}?\}|%(?:\([\w]+\))?[sdif]|\$\{\w+\}"), PLACEHOLDER),
    (re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+=(?:\"[^\"]*\"|'[^']*'))*\s*/?>"), TAG),
]
_LATIN_LETTER = "A-Za-z\u00c0-\u024f"
# a Latin word, possibly with digits and inner punctuation: Vincent, al-Zawawi, JIU/REP/2014/8, 29G.36, P-2
_LATIN_TOKEN = re.compile(rf"[0-9]*[{_LATIN_LETTER}][{_LATIN_LETTER}0-9'’./-]*[{_LATIN_LETTER}0-9]|[{_LATIN_LETTER}]")


@dataclass(frozen=True, slots=True)
class Literal:
    """Something of the source that the target must contain unchanged (or nearly: case, accents, spacing)."""

    span: Span
    text: str
    kind: str


def _fold(text: str) -> str:
    """Lower case, accents removed, everything but letters and digits dropped: `Al-Zawawi` ~ `al Zawawi`."""
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).lower()


_PARTS = re.compile(r"[A-Z][a-z\u00df-\u024f]+|[a-z\u00df-\u024f]+|[A-Z\u00c0-\u00de]+(?![a-z])|\d+")


def _present(text: str, folded_target: str) -> bool:
    """The literal, or each of its parts (Al-JabalMukaber: al, jabal, mukaber), is in the folded target."""
    if _fold(text) in folded_target:
        return True
    parts = [_fold(p) for p in _PARTS.findall(text)]
    return len(parts) > 1 and all(p in folded_target for p in parts if p)


def literals(source: str) -> Iterator[Literal]:
    """URLs, e-mail addresses, placeholders and tags, then runs of Latin-script words, of a source text."""
    taken: list[Span] = []
    for rx, kind in _EXACT:
        for m in rx.finditer(source):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                taken.append(m.span())
                yield Literal(m.span(), m.group(), kind)
    run: list[re.Match[str]] = []
    for m in _LATIN_TOKEN.finditer(source):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if run and source[run[-1].end():m.start()].strip(" "):
            yield from _latin_run(run)
            run = []
        run.append(m)
    yield from _latin_run(run)


def _latin_run(run: list[re.Match[str]]) -> Iterator[Literal]:
    """A run of Latin words (a name, a title) as one literal per word, for one finding per run."""
    for m in run:
        if len(_fold(m.group())) >= 2:
            yield Literal(m.span(), m.group(), LATIN)


_TARGET_WORD = re.compile(r"[^\W_]+(?:['’./-][^\W_]+)*")


def closest(text: str, target: str, min_similarity: float) -> Span | None:
    """The span of the target words most like `text` (a misspelled name: Tsaava -> Tsava), if close enough."""
    found = closest_scored(text, target, min_similarity)
    return found[0] if found else None


def closest_scored(text: str, target: str, min_similarity: float) -> tuple[Span, float] | None:
    """`closest` with its similarity (0-100)."""
    from rapidfuzz import fuzz

    want = _fold(text)
    n = len(text.split())
    words = list(_TARGET_WORD.finditer(target))
    best: tuple[float, Span] | None = None
    for size in {max(1, n - 1), n, n + 1}:
        for i in range(len(words) - size + 1):
            got = _fold(" ".join(w.group() for w in words[i:i + size]))
            if not got or got == want:
                continue
            score = fuzz.ratio(want, got)
            if score >= min_similarity and (best is None or score > best[0]):
                best = (score, (words[i].start(), words[i + size - 1].end()))
    return (best[1], best[0]) if best else None


@register
class Literals(Check):
    """URLs, e-mail addresses, placeholders, tags and Latin-script names or codes of the source are missing.

    These pass into the translation as they are: a URL, e-mail address, placeholder ({0}, %s) or
    tag of the source that is not in the target is major. A name or code in Latin letters
    (Vincent Bouvier, JIU/REP/2014/8) is compared without case, accents or spacing: written
    differently in the target (Tsaava -> Tsava, Aramo -> Arabo) it is major, at the target's
    spelling; absent, minor. Only for sources not written in Latin script.
    """

    id = "accuracy.literal"
    category = "accuracy/mistranslation"
    severity = Severity.MAJOR
    needs = frozenset({"source", "target"})
    options: ClassVar[Mapping[str, Any]] = {"names": True, "name_severity": "minor", "min_similarity": 80.0}

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        source, target = seg.source or "", seg.target or ""
        if not source.strip() or not target.strip() or scripts.script_of(seg.source_lang) == scripts.LATIN:
            return
        folded = ""
        missing_names: list[Literal] = []
        for lit in literals(source):
            folded = folded or _fold(target)  # only for a source with literals (314 of 8,000 UN sentences)
            if lit.kind == LATIN:
                if self.opts["names"] and not _present(lit.text, folded):
                    missing_names.append(lit)
            elif not (lit.text in target or (lit.kind in (URL, EMAIL) and _fold(lit.text) in folded)):
                near = closest(lit.text, target, self.opts["min_similarity"]) if lit.kind in (URL, EMAIL) else None
                what = (f"the target writes it {target[near[0]:near[1]]!r}" if near else "it is not in the target")
                yield self.finding(seg, f"the source has the {lit.kind} {lit.text!r} but {what}",
                                   source_span=lit.span, target_span=near, suggestion=lit.text)
        # one finding per run of missing words that stand next to each other in the source
        groups: list[list[Literal]] = []
        for lit in missing_names:
            if groups and not source[groups[-1][-1].span[1]:lit.span[0]].strip(" -"):
                groups[-1].append(lit)
            else:
                groups.append([lit])
        for g in groups:
            span = (g[0].span[0], g[-1].span[1])
            text = source[span[0]:span[1]]
            scored = closest_scored(text, target, self.opts["min_similarity"])
            if scored is not None:
                near, similarity = scored
                yield self.finding(seg, f"the source has {text!r} but the target writes it "
                                   f"{target[near[0]:near[1]]!r}", source_span=span, target_span=near,
                                   suggestion=text, score=round(similarity / 100, 4))
                continue
            yield self.finding(seg, f"the Latin-script name or code {text!r} of the source is not in the target",
                               severity=Severity.parse(self.opts["name_severity"]), source_span=span,
                               suggestion=text)
