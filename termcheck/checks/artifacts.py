"""Machine-translation debris: broken sentence fragments, doubled words, loops, stray punctuation, prompts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from operator import eq
from typing import Any, ClassVar

from termcheck import lang as langs
from termcheck import shortcuts
from termcheck.checks.base import Batch, Check, register
from termcheck.errors import ConfigError
from termcheck.lang import repeats, typography
from termcheck.lang.en import double_ok as en_double_ok
from termcheck.model import Finding, Segment, Severity, Span

_BREAK = re.compile(r"(?P<prev>\S*?)(?P<stop>[.!?])(?P<space>\s+)(?P<open>[\"'“‘(\[]*)(?P<next>[-‐–]?\w+)")
_STOP_SPACE = re.compile(r"[.!?]\s")
_TOKEN = re.compile(r"\w+(?:['’‐-]\w+)*|[^\w\s]")
_WORD = re.compile(r"\w+(?:['’‐-]\w+)*")
_DOUBLED = re.compile(r"\b(?P<w>[^\W\d_]+)(?P<gap>\s+)(?P=w)\b", re.I)
_PUNCT_DEBRIS = [
    (re.compile(r"(?<!\.)\.\s+\.(?!\.)"), "a doubled full stop"),
    (re.compile(r"(?<!\.)\.\.(?!\.)"), "a doubled full stop"),
    (re.compile(r",\s*,|;\s*;|:\s*:"), "doubled punctuation"),
    (re.compile(r"[,;:]\s*\.(?!\.)"), "punctuation before a full stop"),
    (re.compile(r"\(\s*\)|\[\s*\]"), "empty brackets"),
    (re.compile(r"(?<=\w)\s+[,;](?=\s|$)|(?<=[a-z])\s+\.(?=\s*$)"), "detached punctuation"),
]
_PROMPT = re.compile(
    r"^\s*(?:translation|translated text|english translation|english version|here is the (?:english )?translation"
    r"[^:\n]*|sure[,!.]?\s*here[^:\n]*)\s*:"
    r"|\bas an ai(?: language model)?\b|\bi(?:'m| am) sorry,? but\b|\bi cannot translate\b"
    r"|<unk>|</?s>|<pad>|<\|[a-z_]+\|>|\[(?:UNK|SEP|CLS|PAD|MASK)\]|\u2581|@@ |```"
    r"|&(?:amp|lt|gt|quot|apos|nbsp|#\d+|#x[0-9a-f]+);",
    re.I,
)
_PROMPT_NEEDS = (":", "as an ai", "sorry", "cannot translate", "<", "[", "@@ ", "```", "&")


@dataclass(frozen=True, slots=True)
class Artifact:
    """One piece of debris: where, what, how bad."""

    span: Span
    message: str
    severity: Severity
    suggestion: str | None = None
    count: int = 0  # for a doubled word or a repeated phrase: how many times it is said
    echo: str | None = None  # text that is no artifact when the source has it too (`&amp;` quoted)


def _is_abbreviation(prev: str, abbreviations: frozenset[str]) -> bool:
    """`U.S.`, `e.g.`, `No.`, `J.` (an initial), `etc.` (the language's abbreviations): the period does not
    end a sentence."""
    word = prev.lstrip("\"'“‘([")
    if not word:
        return True
    if "." in word or (len(word) == 1 and word.isalpha()):
        return True
    return word.lower() in abbreviations


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def sentence_breaks(text: str, abbreviations: frozenset[str] = frozenset()) -> Iterator[Artifact]:
    """A sentence end followed by a fragment in lower case or behind a stray hyphen.

    "common points. understandings." (a fragment continuing the sentence), "results. positive
    results." (a fragment repeating it), "states. -United themselves" (a scrambled compound).
    """
    if shortcuts.on() and _STOP_SPACE.search(text) is None:
        return  # every break is a stop followed by a space: most sentences have none before their end
    for m in _BREAK.finditer(text):
        nxt = m["next"]
        stray = nxt[0] in "-‐–"
        word = nxt.lstrip("-‐–")
        if m["stop"] == "." and _is_abbreviation(m["prev"], abbreviations):
            continue
        if not stray and not (word[:1].islower() and word[:1].isalpha()):
            continue
        if not stray and any(c.isupper() for c in word[1:]):
            continue  # iPhone, mRNA
        if m["stop"] != "." and not stray:
            continue  # "?" and "!" inside quotes are often followed by lower case
        # the fragment: up to the next sentence end or the end of the text
        frag_start = m.start("next")
        end_m = re.compile(r"[.!?](?=\s|$)|$").search(text, frag_start)
        frag_end = end_m.start() if end_m else len(text)
        fragment = text[frag_start:frag_end]
        frag_words = _words(fragment)
        before = _words(text[max(0, m.start() - 80):m.end("stop")])[-6:]
        start = m.start("prev") if m["prev"] else m.start("stop")
        repeated = [w for w in frag_words if w in before and len(w) > 3]
        if stray:
            shown = text[start:m.end("next")]
            yield Artifact((start, m.end("next")), f"a stray hyphen after a sentence break (“{shown}”): the words "
                           "around it are scrambled", Severity.MAJOR)
        elif repeated:
            yield Artifact((start, frag_end + (1 if end_m and end_m.group() else 0)),
                           f"the fragment “{fragment.strip()}” after a sentence break repeats “{repeated[0]}”",
                           Severity.MAJOR)
        elif len(frag_words) <= 4:
            yield Artifact((start, frag_end + (1 if end_m and end_m.group() else 0)),
                           f"a sentence break followed by the fragment “{fragment.strip()}”: it belongs to the "
                           "sentence before", Severity.MAJOR)
        else:
            yield Artifact((m.start("stop"), m.end("next")), "a sentence starts in lower case after a full stop",
                           Severity.MINOR)


def doubled_words(text: str, double_ok: Callable[[str], bool] | None = en_double_ok) -> Iterator[Artifact]:
    """"the the": the same word twice in a row, unless the language says it is fine ("that that",
    "bye bye": `double_ok`), and not names like "Salih Salih"."""
    for m in _DOUBLED.finditer(text):
        w = m["w"]
        if (double_ok is not None and double_ok(w)) or (
                w[0].isupper() and text[m.end("gap")].isupper() and w.lower() != "the"):
            continue
        yield Artifact(m.span(), f"doubled word “{m.group()}”", Severity.MINOR, w, 2)


def repetitions(text: str, min_loop: int = 3, max_n: int = 8) -> Iterator[Artifact]:
    """A phrase said twice in a row ("of the of the"), or any phrase looping three times or more.

    At each position the unit whose repetitions cover the most words wins (the shorter on a tie), so
    a loop is counted in its own unit ("Bern, " six times, not "Bern, Bern, " three times).
    """
    if shortcuts.on() and not _follows_itself([w.lower() for w in _TOKEN.findall(text)], max_n):
        return  # no phrase of up to max_n tokens comes twice in a row: nothing below could be found
    toks = [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    words = [t[0] for t in toks]
    i = 0
    while i < len(toks):
        best: tuple[int, int] | None = None  # (n, reps)
        for n in range(1, max_n + 1):
            if i + 2 * n > len(toks) or words[i] != words[i + n]:
                continue
            unit = words[i:i + n]
            if not any(w[0].isalnum() for w in unit) or words[i + n:i + 2 * n] != unit:
                continue
            reps = 2
            while words[i + reps * n:i + (reps + 1) * n] == unit:
                reps += 1
            if (reps >= min_loop or (n >= 2 and sum(w[0].isalpha() for w in unit) >= 2)) and (
                    best is None or reps * n > best[0] * best[1]):
                best = (n, reps)
        if best is None:
            i += 1
            continue
        n, reps = best
        span = (toks[i][1], toks[i + reps * n - 1][2])
        base = _period(words[i:i + n])  # "a b a b" said twice is "a b" said four times
        reps, n = reps * (n // base), base
        phrase = text[toks[i][1]:toks[i + n - 1][2]]
        msg = f"“{phrase}” repeated {reps} times" if reps >= min_loop else f"doubled phrase “{phrase}”"
        yield Artifact(span, msg, Severity.MAJOR, phrase, reps)
        i += reps * n


def _follows_itself(words: list[str], max_n: int) -> bool:
    """Whether some run of n <= max_n tokens is followed by the same n tokens: n equal pairs in a row among
    the token pairs n apart (the condition of every repetition `repetitions` reports), compared in C."""
    for n in range(1, max_n + 1):
        if 2 * n > len(words):
            break
        if b"\x01" * n in bytes(map(eq, words, words[n:])):
            return True
    return False


def _period(unit: list[str]) -> int:
    """The length of the shortest sub-unit the unit repeats (its own length when none)."""
    n = len(unit)
    return next(p for p in range(1, n + 1) if n % p == 0 and unit == unit[:p] * (n // p))


def punctuation_debris(text: str, space_before: str = "") -> Iterator[Artifact]:
    """". .", ",,", ",.", "()", and punctuation detached from its word ("word ,"), except the marks
    the language writes after a space (`space_before`: French " ;")."""
    seen: set[tuple[int, int]] = set()
    for rx, what in _PUNCT_DEBRIS:
        for m in rx.finditer(text):
            a, b = m.span()
            if what == "detached punctuation" and text[a:b].strip() in space_before:
                continue
            if what == "punctuation before a full stop" and b < len(text) and text[b:b + 1].isalnum():
                continue
            if any(a < y and x < b for x, y in seen):
                continue
            seen.add((a, b))
            yield Artifact((a, b), f"{what}: “{text[a:b]}”", Severity.MINOR, text[a:b].replace(" ", "")[-1:])


def prompt_text(text: str) -> Iterator[Artifact]:
    """Leftover prompt or tool output: "Translation:", "As an AI", <unk>, &amp;, ``` ..."""
    if text.isascii() and shortcuts.on():  # in ASCII text every pattern needs one of these, in any case
        low = text.lower()
        if not any(s in low for s in _PROMPT_NEEDS):
            return
    for m in _PROMPT.finditer(text):
        yield Artifact(m.span(), f"leftover tool or prompt text: “{m.group().strip()}”", Severity.MAJOR,
                       echo=m.group().strip())


# in order of precedence: where two overlap, the first one reports
DETECTORS = {
    "prompt_text": prompt_text,
    "sentence_breaks": sentence_breaks,
    "repetitions": repetitions,
    "doubled_words": doubled_words,
    "punctuation": punctuation_debris,
}


@register
class Artifacts(Check):
    """Machine-translation artifacts: fragments after a sentence break, doubled words, loops, debris.

    Needs no source text; with one, a doubled word or a repeated phrase is left alone when the source
    repeats itself as often (a slogan said three times, a value said twice). A broken sentence
    ("common points. understandings.", "results. positive results.", "states. -United themselves"),
    a doubled phrase or a loop, and leftover prompt or tool text are major; a doubled word
    ("the the") and stray punctuation (". .", " ,") are minor.
    """

    id = "fluency.artifact"
    category = "fluency/grammar"
    severity = Severity.MAJOR
    needs = frozenset({"target"})
    options: ClassVar[Mapping[str, Any]] = {"detectors": list(DETECTORS)}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unknown = set(self.opts["detectors"]) - set(DETECTORS)
        if unknown:
            raise ConfigError(f"fluency.artifact: unknown detector(s) {', '.join(sorted(unknown))} "
                              f"(known: {', '.join(DETECTORS)})")
        self.detectors = [DETECTORS[n] for n in DETECTORS if n in self.opts["detectors"]]

    @staticmethod
    def _detect(detector: Callable[..., Iterator[Artifact]], text: str, seg: Segment) -> Iterator[Artifact]:
        """Run a detector with what the target language writes on purpose (doubles, spaced punctuation)."""
        if detector is doubled_words:
            ok = typography.double_ok(seg.target_lang)
            return doubled_words(text, ok) if ok is not None else iter(())
        if detector is punctuation_debris:
            return punctuation_debris(text, typography.space_before(seg.target_lang))
        if detector is sentence_breaks:  # a language whose abbreviations are unknown is not judged
            abbreviations = langs.module(seg.target_lang).abbreviations
            return sentence_breaks(text, abbreviations) if abbreviations is not None else iter(())
        return detector(text)

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        text = seg.target or ""
        found: list[Artifact] = []
        for detector in self.detectors:
            for art in self._detect(detector, text, seg):
                if not any(a.span[0] < art.span[1] and art.span[0] < a.span[1] for a in found):
                    found.append(art)
        # each repetition of the source explains one repetition of the target, said as often or less
        available = repeats.counts(seg.source, seg.source_lang) if any(a.count for a in found) else []
        for art in sorted(found, key=lambda a: a.span):
            use = next((c for c in available if c >= art.count), None) if art.count else None
            if use is not None:
                available.remove(use)
                continue  # the source says it as often: a repetition on purpose, not debris
            if art.echo and seg.source and art.echo.casefold() in seg.source.casefold():
                continue  # the source has it too: quoted, not left over
            yield self.finding(seg, art.message, severity=art.severity, target_span=art.span,
                               suggestion=art.suggestion, score=float(art.count) if art.count else None)
