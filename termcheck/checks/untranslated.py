"""Untranslated text: source-script characters left in the target, a copied source, an empty target."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from termcheck import lang
from termcheck.checks.base import Batch, Check, register
from termcheck.lang import scripts
from termcheck.lang.base import acronym_or_code
from termcheck.lang.european import protected
from termcheck.model import Finding, Segment, Severity


def _same(a: str, b: str) -> bool:
    return " ".join(unicodedata.normalize("NFKC", a).split()) == " ".join(unicodedata.normalize("NFKC", b).split())


def _in_brackets(text: str, start: int, end: int) -> bool:
    """The run stands alone inside brackets: `guanxi (关系)` is a deliberate gloss."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    return before.endswith(("(", "（", "[")) and after.startswith((")", "）", "]"))


@register
class Untranslated(Check):
    """Text left untranslated: source-script text in the target, the source copied, an empty target.

    Each run of source-script characters in the target that the target language does not keep
    (its module's `keeps_foreign`: acronyms, codes and names in Chinese) is flagged at its span (a run that stands
    alone in brackets, a deliberate gloss like "guanxi (关系)", as minor). Runs in target-only
    mode too: the source language is still known.
    """

    id = "accuracy.untranslated"
    category = "accuracy/untranslated"
    severity = Severity.MAJOR
    needs = frozenset({"target"})
    options: ClassVar[Mapping[str, Any]] = {"gloss_severity": "minor", "min_run": 1}

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        target = seg.target or ""
        src_script, tgt_script = scripts.script_of(seg.source_lang), scripts.script_of(seg.target_lang)
        if seg.source is not None and seg.source.strip() and not target.strip():
            yield self.finding(seg, "the target is empty", source_span=(0, len(seg.source)))
            return
        if src_script == tgt_script or not target.strip():
            return
        keeps = lang.module(seg.target_lang).keeps_foreign or (lambda run, _script: acronym_or_code(run))
        addresses = protected(target)
        left = [(a, b) for a, b in scripts.word_runs(target, src_script)
                if b - a >= self.opts["min_run"] and not keeps(target[a:b], src_script)  # APEC, G20, iPhone, Tom
                and not any(x <= a and b <= y for x, y in addresses)]  # an address is never translated
        if left and seg.source and _same(seg.source, target):
            yield self.finding(seg, "the target is a copy of the source", target_span=(0, len(target)),
                               source_span=(0, len(seg.source)))
            return
        for start, end in left:
            gloss = _in_brackets(target, start, end)
            msg = (f"“{target[start:end]}” is left untranslated ({src_script} script)"
                   + (" (a gloss in brackets: check it is intended)" if gloss else ""))
            yield self.finding(seg, msg, target_span=(start, end),
                               severity=Severity.parse(self.opts["gloss_severity"]) if gloss else None)
