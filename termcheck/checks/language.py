"""Wrong language: a target not in the target language, a source not in the source language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from termcheck import shortcuts
from termcheck.checks.base import Batch, Check, register
from termcheck.lang import base_code, detect, names, scripts
from termcheck.model import Finding, Segment, Severity

SCRIPT_REASON = "it is mostly in"


def _name(code: str) -> str:
    return names.name(code)


def _lang_matches(detected: str, lang: str) -> bool:
    return base_code(detected) == base_code(lang)


def _running_text(words: list[str], min_words: int) -> bool:
    """Enough words (`detect.words` of a text), most of them not capitalized: not a name, a heading or a list
    of names."""
    return len(words) >= min_words and sum(w[:1].isupper() for w in words) <= len(words) / 2


def judge(text: str, lang: str, *, min_letters: int, min_words: int, min_prob: float,
          other_script: str | None = None) -> tuple[str, float] | None:
    """Why `text` is not in `lang`, as (reason, confidence), or None when it is (or is too short to say).

    The script comes first (a Cyrillic paragraph in an English file); for text in the expected
    script, frequent function words settle most cases, and langdetect judges the rest, only on
    running text long enough to judge. `other_script` (the source language's script, for a target)
    is left to the untranslated-text check.
    """
    expected = scripts.script_of(lang)
    if expected != scripts.LATIN and text and shortcuts.on() and 2 * scripts.count(text, expected) >= len(text):
        return None  # half the characters are the language's own letters: so is at least half of all letters
    letters = scripts.counts(text)
    total = sum(letters.values())
    if total < min_letters:
        return None
    share = letters[expected] / total
    if share < 0.5:
        dominant = letters.most_common(1)[0][0]
        if dominant in (other_script, "Other") or (
                dominant == scripts.LATIN and not _running_text(detect.words(text), min_words)):
            return None
        return f"{SCRIPT_REASON} {dominant} script", 1 - share
    if expected != scripts.LATIN:
        return None  # the script is the language's own: settled
    words = detect.words(text)
    if not _running_text(words, min_words):
        return None
    # a frequent function word settles it: the first one found is enough (the share is above 0)
    fw = (detect.has_function_word(words, base_code(lang)) if shortcuts.on()
          else detect.function_word_share(text, base_code(lang)))
    if fw:
        return None
    guesses = detect.languages(text)
    if not guesses or any(_lang_matches(g, lang) for g, _ in guesses):
        return None
    best, prob = guesses[0]
    if prob < min_prob:
        return None
    return f"it reads as {_name(best)}", prob


def is_backed(text: str, why: str, prob: float, min_words: int, min_prob: float) -> bool:
    """Whether a verdict of `judge` can back a major finding: a text in another script, or a guess on
    running text of `min_words` words or more (a short sentence is where language identification errs)."""
    if why.startswith(SCRIPT_REASON):
        return True
    return len(detect.words(text)) >= min_words and prob >= min_prob


@register
class WrongLanguage(Check):
    """The target is not in the target language, or the source not in the source language.

    Judged by script first, then by frequent function words and forms only the language writes
    (English contractions), then by langdetect (seeded), and only on text long enough to judge; a
    langdetect guess is major only on running text of `major_min_words` words or more, else minor.
    The guess's probability is kept as the finding's score. A target in the source's own script is left to
    accuracy.untranslated; a source that is not Chinese is reported as minor (it is the input
    that is odd, not the translation).
    """

    id = "accuracy.language"
    category = "accuracy/wrong-language"
    severity = Severity.MAJOR
    needs = frozenset({"target"})
    # calibrated by benchmarks/calibrate_language.py: langdetect is near-certain (p > 0.9999) on most
    # short English sentences it gets wrong, so its probability alone cannot back a major finding;
    # length can: no false alarm from `major_min_words` words on (Tatoeba, UN, WMT23 English)
    options: ClassVar[Mapping[str, Any]] = {"min_letters": 20, "min_words": 6, "min_probability": 0.95,
                                            "major_min_words": 12, "major_probability": 0.999,
                                            "source_severity": "minor"}

    def warm(self) -> None:
        detect.load()

    def _severity(self, text: str, why: str, prob: float) -> Severity:
        backed = is_backed(text, why, prob, self.opts["major_min_words"], self.opts["major_probability"])
        return self.severity if backed else Severity.MINOR

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        kw = {"min_letters": self.opts["min_letters"], "min_words": self.opts["min_words"],
              "min_prob": self.opts["min_probability"]}
        target = seg.target or ""
        verdict = judge(target, seg.target_lang, other_script=scripts.script_of(seg.source_lang), **kw)
        if verdict:
            why, score = verdict
            yield self.finding(seg, f"the target is not in {_name(seg.target_lang)}: {why}",
                               severity=self._severity(target, why, score), target_span=(0, len(target)),
                               score=round(score, 6))
        if seg.source and scripts.script_of(seg.source_lang) != scripts.script_of(seg.target_lang):
            verdict = judge(seg.source, seg.source_lang, other_script=None, **kw)
            if verdict and scripts.counts(seg.source)[scripts.script_of(seg.source_lang)] == 0:
                why, score = verdict
                yield self.finding(seg, f"the source is not in {_name(seg.source_lang)}: {why}",
                                   severity=Severity.parse(self.opts["source_severity"]),
                                   source_span=(0, len(seg.source)), score=round(score, 4))
