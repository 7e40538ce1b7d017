"""The glossary tests itself: every entry's test sentences run through the real checks.

For each entry, its correct pair (the source-language test sentence and the target-language one
using the preferred rendering) must draw no terminology finding for the entry, and must be
recognized as the entry on both sides; each wrong sentence (the example of a forbidden or
deprecated rendering) must be flagged by `terminology.forbidden` for the entry, on the span of that
rendering, and a rendering wrong in any context also with no source at all. The source sentence
with each other form of the entry in place of the one it uses (台独 for 台湾独立), and converted to
Traditional characters, must still be recognized. All entries are tested at once with
the whole glossary, as users run it, so an entry whose term another entry swallows fails here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from termcheck import pipeline
from termcheck.config import Config, build
from termcheck.glossary import keys
from termcheck.glossary.analysis import analyse
from termcheck.glossary.match import Matcher, identifies
from termcheck.glossary.model import Entry, Glossary, Status, Term
from termcheck.model import Finding, Origin, Segment

FORBIDDEN = "terminology.forbidden"


@dataclass(frozen=True, slots=True)
class Case:
    """One test segment: which entry, what kind of test, and (for wrong ones) which term."""

    entry: int
    kind: str  # correct | form | traditional | wrong | wrong-no-source
    source: str | None
    target: str
    term: int | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """One failed expectation, named by entry."""

    entry: str
    kind: str
    message: str
    origin: Origin | None = None

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"{where}{self.entry}: {self.kind}: {self.message}"


@dataclass(frozen=True)
class Result:
    """What the self-test ran and what failed, per entry id."""

    entries: int
    cases: int
    failures: tuple[Failure, ...]

    def for_entry(self, entry_id: str) -> list[Failure]:
        return [f for f in self.failures if f.entry == entry_id]

    @property
    def ok(self) -> bool:
        return not self.failures


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _pairs(src: list[str], tgt: list[str]) -> list[tuple[str, str]]:
    n = max(len(src), len(tgt))
    return [(src[min(i, len(src) - 1)], tgt[min(i, len(tgt) - 1)]) for i in range(n)] if src and tgt else []


def cases(glossary: Glossary, source_lang: str = "zh", target_lang: str = "en") -> tuple[list[Case], list[Failure]]:
    """The test segments of every entry, and failures for entries that cannot be tested."""
    out: list[Case] = []
    fails: list[Failure] = []
    for ei, e in enumerate(glossary.entries):
        if not e.terms_in(target_lang):  # a glossary without this language for the entry: nothing to test
            continue
        src = [x for t in e.terms_in(source_lang, ok=True) for x in t.examples]
        tgt = [x for t in e.terms_in(target_lang, ok=True) for x in t.examples]
        if not src or not tgt:
            missing = " and ".join(n for n, xs in ((f"test_{source_lang}", src), (f"test_{target_lang}", tgt))
                                   if not xs)
            fails.append(Failure(e.id, "correct", f"no test sentence ({missing}): the entry is untested", e.origin))
        for s, t in _pairs(src, tgt):
            out.append(Case(ei, "correct", s, t))
        if src and tgt:
            out.extend(Case(ei, "form", s, tgt[0]) for s in _other_forms(e, source_lang, src[0]))
        if src and tgt and source_lang.startswith("zh"):
            trad = _s2t().convert(src[0])
            if trad != src[0]:
                out.append(Case(ei, "traditional", trad, tgt[0]))
        for ti, term in enumerate(e.terms):
            if term.lang != target_lang or term.status.ok:
                continue
            if not term.examples and term.status in (Status.FORBIDDEN, Status.DEPRECATED):
                fails.append(Failure(e.id, "wrong", f"{term.status} rendering {term.text!r} has no wrong sentence",
                                     e.origin))
            for x in term.examples:
                if src:
                    out.append(Case(ei, "wrong", src[0], x, ti))
                if term.any_context:
                    out.append(Case(ei, "wrong-no-source", None, x, ti))
    return out, fails


def _other_forms(entry: Entry, lang: str, sentence: str) -> list[str]:
    """The test sentence with each other correct source form in place of the one it uses (台独 -> 台湾独立)."""
    forms = [t.text for t in entry.terms_in(lang) if identifies(entry, t)]
    used = next((f for f in sorted(forms, key=len, reverse=True) if f in sentence), None)
    if used is None:
        return []
    return [sentence.replace(used, f, 1) for f in forms if f != used]


def segments(test_cases: list[Case]) -> Iterator[Segment]:
    """One segment (and one document, so consistency never crosses tests) per case."""
    for i, c in enumerate(test_cases):
        yield Segment(str(i + 1), c.source, c.target, index=i, doc=f"selftest-{i + 1}")


def run(glossary: Glossary, config: Config | None = None) -> Result:
    """Run every entry's tests through the terminology checks with the whole glossary."""
    config = config or build(select=("terminology",))
    test_cases, fails = cases(glossary, config.source_lang, config.target_lang)
    report = pipeline.check(pipeline.Inputs(segments=segments(test_cases)), glossary, config, glossary_name="selftest")
    matcher = Matcher(glossary, config.source_lang, config.target_lang)
    found: dict[str, list[Finding]] = {}
    for f in report.findings:
        found.setdefault(f.segment, []).append(f)
    for i, c in enumerate(test_cases):
        fails.extend(_judge(matcher, c, found.get(str(i + 1), []), config.target_lang))
    unique: dict[tuple[str, str], Failure] = {}
    for f in fails:  # one source sentence, one report
        unique.setdefault((f.entry, f.message), f)
    fails = sorted(unique.values(), key=lambda f: (f.origin.file if f.origin else "",
                                                   (f.origin.line or 0) if f.origin else 0, f.entry))
    return Result(len(glossary), len(test_cases), tuple(fails))


def _judge(matcher: Matcher, c: Case, findings: list[Finding], target_lang: str) -> Iterator[Failure]:
    entry = matcher.glossary.entries[c.entry]
    mine = [f for f in findings if f.term == entry.id]

    def fail(msg: str) -> Failure:
        return Failure(entry.id, c.kind, msg, entry.origin)

    seg = Segment("t", c.source, c.target, target_lang=target_lang)
    use = next((u for u in analyse(matcher, seg).uses if u.entry == c.entry), None)
    if c.source is not None and use is None:
        yield fail(f"source {c.source!r}: {_unrecognized(matcher, c)}")
        return
    if c.kind in ("form", "traditional"):  # only the source side is new here
        return
    if c.kind == "correct":
        for f in mine:
            yield fail(f"{f.check} on {c.target!r}: {f.message}")
        if not mine and use is not None and not use.ok:
            yield fail(f"target {c.target!r}: none of the entry's correct renderings is recognized")
        return
    term = entry.terms[c.term]
    hits = [f for f in mine if f.check == FORBIDDEN and f.target_text is not None
            and keys.same(target_lang, f.target_text, term.text)]
    if not hits:
        got = "; ".join(f"{f.check}: {f.message}" for f in mine) or "no finding for the entry"
        where = "with no source" if c.source is None else f"with source {c.source!r}"
        yield fail(f"wrong sentence {c.target!r} ({term.status} {term.text!r}, {where}) is not flagged "
                   f"as {FORBIDDEN} on {term.text!r}: {got}{_swallowed(matcher, c, term)}")


def _unrecognized(matcher: Matcher, c: Case) -> str:
    """Why the entry's source term is not found: absent, cut by the word segmenter, or swallowed."""
    side = matcher.source
    all_hits = side.candidates(c.source or "")
    own = [h for h in all_hits if h.entry == c.entry]
    entry = matcher.glossary.entries[c.entry]
    forms = [t.text for t in entry.terms_in(matcher.source_lang) if identifies(entry, t)]
    if not own:
        if any(keys.contains(matcher.source_lang, c.source or "", f) for f in forms):
            return "the entry's form is there but the word segmenter puts it inside a longer word"
        return f"holds none of the entry's forms ({', '.join(forms)})"
    kept = matcher.source_hits(c.source)
    for h in own:
        over = [k for k in kept if k.start < h.end and h.start < k.end and k.entry != c.entry]
        if over:
            o = matcher.glossary.entries[over[0].entry]
            return (f"the entry's form {c.source[h.start:h.end]!r} is swallowed by the longer "
                    f"{c.source[over[0].start:over[0].end]!r} of entry {o.id!r} ({o.origin})")
    return "the entry is not recognized"


def _swallowed(matcher: Matcher, c: Case, term: Term) -> str:
    """A wrong rendering lost to a longer rendering of another entry in the target."""
    hits = matcher.target.candidates(c.target)
    own = [h for h in hits if h.entry == c.entry and matcher.term(h) is term]
    if not own:
        return f" (the matcher does not find {term.text!r} in the sentence)"
    src = {h.entry for h in matcher.source_hits(c.source)}
    kept = matcher.target_hits(c.target, src)
    for h in own:
        over = [k for k in kept if k.start < h.end and h.start < k.end and k.entry != c.entry]
        if over:
            o: Entry = matcher.glossary.entries[over[0].entry]
            return f" (swallowed by {c.target[over[0].start:over[0].end]!r} of entry {o.id!r})"
    return ""
