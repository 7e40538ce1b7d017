"""Amounts and dates written against the target language's conventions: "300 RMB", "on the 9th", "2023-02-11"."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from types import ModuleType
from typing import Any, ClassVar

from termcheck import lang as langs
from termcheck.checks.base import Batch, Check, register
from termcheck.lang import base_code
from termcheck.lang.numeric import DAY, MONTH, NUMBER, ORDINAL, Quantity
from termcheck.model import Finding, Segment, Severity

# language code -> module with `format_issues(text)` and `undated_day(text, span)` (how amounts and dates are written)
CONVENTION_MODULES = {"en": "termcheck.lang.en_conventions"}


@cache
def conventions(code: str) -> ModuleType | None:
    """The number-format conventions of a language, or None when termcheck knows none."""
    name = CONVENTION_MODULES.get(base_code(code))
    return importlib.import_module(name) if name else None


def _beside_month(q: Quantity, mentions: Sequence[Quantity]) -> bool:
    return any(m.kind == MONTH and (0 <= q.span[0] - m.span[1] <= 2 or 0 <= m.span[0] - q.span[1] <= 2)
               for m in mentions)


def bare_days(source: Sequence[Quantity]) -> set[float]:
    """The days of a month a source states with no month anywhere (9日 "the 9th"; not 2月9日, nor the 6日 of
    3月5日和6日, which takes the month before it)."""
    if any(q.kind == MONTH for q in source):
        return set()
    return {q.value for q in source if q.kind == DAY}


@register
class LocaleFormat(Check):
    """An amount or a date written against the target language's conventions ("300 RMB", "on the 9th").

    Conventions live in the language's conventions module (`lang/en_conventions`): the ISO code
    before the amount, no ordinal suffix in a date, all-digit dates written out in prose, and a day
    of the month named with its month. A form the source itself writes is left alone; a day is
    judged only where the source states that number as a day without a month.
    """

    id = "locale.format"
    category = "locale-convention"
    severity = Severity.MINOR
    needs = frozenset({"target"})
    options: ClassVar[Mapping[str, Any]] = {"undated_days": True}

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        rules = conventions(seg.target_lang)
        target, source = seg.target or "", seg.source or ""
        if rules is None or not target:
            return
        found = [issue for issue in rules.format_issues(target) if issue.text not in source]
        if self.opts["undated_days"] and source:
            found += self._undated(rules.undated_day, seg)
        seen: set[tuple[int, int]] = set()
        for issue in sorted(found, key=lambda f: f.span):
            if issue.span in seen:
                continue
            seen.add(issue.span)
            how = f": written as {issue.suggestion} in {seg.target_lang}" if issue.suggestion else \
                f": a day without its month (the {seg.target_lang} convention names the month with the day)"
            f = self.finding(seg, f"{issue.text}{how}", target_span=issue.span, suggestion=issue.suggestion)
            yield replace(f, category=f"{self.category}/{issue.kind}")

    def _undated(self, undated: Callable[[str, tuple[int, int]], Any], seg: Segment) -> list[Any]:
        """Target numbers the source states as a day without a month, written in the target without one too."""
        read_src = langs.module(seg.source_lang).quantities
        read_tgt = langs.module(seg.target_lang).quantities
        if read_src is None or read_tgt is None:
            return []
        src = read_src(seg.source or "")
        days = bare_days(src)
        if not days:
            return []
        counts = {q.value for q in src if q.kind != DAY}  # a 7 or 7th may render 7项 or 第7次 rather than 7日
        tgt = read_tgt(seg.target or "")
        out = []
        for q in tgt:
            if q.value in days and q.kind in (NUMBER, ORDINAL) and q.value not in counts and not _beside_month(q, tgt):
                issue = undated(seg.target or "", q.span)
                if issue is not None:
                    out.append(issue)
        return out
