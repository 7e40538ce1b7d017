"""Numbers, amounts, percentages, dates and ordinals must match between source and target."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from typing import Any, ClassVar

from termcheck import lang as langs
from termcheck.checks.base import Batch, Check, register
from termcheck.lang import currency, scripts
from termcheck.lang.numeric import ABOVE, BELOW, DAY, LIST, MONTH, NUMBER, ORDINAL, PERCENT, POINTS, Quantity, bounded
from termcheck.model import Finding, Segment, Severity

_LATIN = re.compile(r"[A-Za-z]{3}")
_BOUND_NAME = {ABOVE: "lower bound (more than)", BELOW: "upper bound (nearly, less than)"}
Extractor = Callable[[str], list[Quantity]]


@cache
def extractor(code: str) -> Extractor | None:
    """The number reader of a language (its module's `quantities`), or None when termcheck has none for it."""
    return langs.module(code).quantities


def match(src: Sequence[Quantity], tgt: Sequence[Quantity]) -> dict[int, int]:
    """A maximum matching of source to target mentions sharing a value key: {source i: target j}.

    Strong mentions are matched first, so that a weak one (一 in 一个) never takes the only
    counterpart of a strong one.
    """
    owner: dict[int, int] = {}
    order = sorted(range(len(src)), key=lambda i: not src[i].strong)

    def augment(i: int, seen: set[int]) -> bool:
        for j, q in enumerate(tgt):
            if j in seen or not (src[i].keys & q.keys):
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in order:
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _family(q: Quantity) -> str:
    return "month" if any(k[0] == "month" for k in q.keys) else "n"


def _date_like(q: Quantity, mentions: Sequence[Quantity]) -> bool:
    """A year (1900-2100) or a day next to a month: dates are repeated or left out freely ("in 2015 ... in
    September 2015", "12 August 1949" said twice), so their counts are not compared."""
    if q.value == int(q.value) and 1900 <= q.value <= 2100:
        return True
    return any(m.kind == MONTH and (0 <= q.span[0] - m.span[1] <= 2 or 0 <= m.span[0] - q.span[1] <= 2)
               for m in mentions)


def _significant(value: float) -> str:
    """The significant digits of a value, whatever its scale: 12, 1.2e7 and 0.12 -> '12'."""
    return f"{value:.8e}".split("e")[0].replace(".", "").replace("-", "").rstrip("0") if bounded(value) else ""


def _pair_score(s: Quantity, t: Quantity, ns: int, nt: int) -> float:
    """How likely target mention t is the changed rendering of source mention s.

    Same family (a month for a month), same kind (a percent for a percent), similar digits (6.8 and
    8.6, 2.3e12 and 2.3e9), then a similar position in the sentence.
    """
    score = 4.0 if _family(s) == _family(t) else 0.0
    score += 1.0 if s.kind == t.kind else 0.0
    digits = sorted(_significant(s.value)), sorted(_significant(t.value))
    if digits[0] == digits[1]:
        score += 1.0
    return score - abs(s.span[0] / max(ns, 1) - t.span[0] / max(nt, 1))


def pair_changed(lost: Sequence[Quantity], extra: Sequence[Quantity], ns: int,
                 nt: int) -> list[tuple[Quantity, Quantity]]:
    """Pair unmatched source and target numbers, best pairs first: each pair is a changed number."""
    cands = sorted(((_pair_score(s, t, ns, nt), i, j) for i, s in enumerate(lost) for j, t in enumerate(extra)),
                   key=lambda c: (-c[0], c[1], c[2]))
    used_s: set[int] = set()
    used_t: set[int] = set()
    pairs = []
    for _score, i, j in cands:
        if i not in used_s and j not in used_t:
            used_s.add(i)
            used_t.add(j)
            pairs.append((lost[i], extra[j]))
    return sorted(pairs, key=lambda p: p[1].span)


@register
class NumberMismatch(Check):
    """Numbers, amounts, percentages, dates and ordinals differ between source and target.

    A number the target changed (百分之六点八 -> 8.6 percent, 2.3万亿 -> 2.3 billion) is flagged at
    the target number with the expected value as the suggestion; a number that is only missing
    from the target, or only added to it, is less certain and reported as minor.
    """

    id = "accuracy.number"
    category = "accuracy/mistranslation"
    severity = Severity.MAJOR
    needs = frozenset({"source", "target"})
    options: ClassVar[Mapping[str, Any]] = {"report_missing": True, "report_added": True, "missing_severity": "minor",
               "added_severity": "minor", "currency_severity": "minor", "fewer_severity": "minor",
               "bound_severity": "minor", "day_severity": "minor", "report_list": False,
               "list_severity": "minor"}

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        src_x, tgt_x = extractor(seg.source_lang), extractor(seg.target_lang)
        if src_x is None or tgt_x is None or not seg.source or not seg.target:
            return
        src, tgt = src_x(seg.source), tgt_x(seg.target)
        if scripts.script_of(seg.source_lang) != scripts.LATIN and _LATIN.search(seg.source):
            # dates written in the target's language inside the source ("6 February 2015" in a Chinese text)
            src = sorted([*src, *(q for q in tgt_x(seg.source) if q.kind == MONTH)], key=lambda q: q.span)
        if not src and not tgt:
            return
        matched = match(src, tgt)
        used = set(matched.values())
        src_keys = frozenset().union(*(q.keys for q in src))
        tgt_keys = frozenset().union(*(q.keys for q in tgt))
        # a value present on the other side (only fewer times) is a repetition, not an error
        lost = [q for k, q in enumerate(src) if k not in matched and q.strong and not q.keys & tgt_keys]
        extra = [q for k, q in enumerate(tgt) if k not in used and q.strong and not q.keys & src_keys]
        yield from self._currencies(seg, src, tgt, matched)
        yield from self._bounds(seg, src, tgt, matched)
        yield from self._fewer(seg, src, tgt, matched)
        yield from self._days(seg, src, tgt, matched)
        if self.opts["report_list"]:
            yield from self._listed(seg, src, tgt, matched)
        yield from self._named_currencies(seg, src, tgt, matched)
        pairs = pair_changed(lost, extra, len(seg.source), len(seg.target))
        for s, t in pairs:
            yield self.finding(seg, f"the source has {s.text} ({s.shows()}) but the target has {t.text}",
                               source_span=s.span, target_span=t.span, suggestion=s.shows(), score=t.value)
        paired = {id(t) for _, t in pairs}
        lost = [q for q in lost if all(q is not s for s, _ in pairs)]
        if self.opts["report_added"]:
            for t in extra:
                if id(t) not in paired:
                    yield self.finding(seg, f"{t.text} in the target has no counterpart in the source",
                                       severity=Severity.parse(self.opts["added_severity"]),
                                       target_span=t.span, score=t.value)
        if self.opts["report_missing"]:
            for s in lost:
                yield self.finding(seg, f"{s.text} ({s.shows()}) in the source is missing from the target",
                                   severity=Severity.parse(self.opts["missing_severity"]),
                                   source_span=s.span, suggestion=s.shows(), score=s.value)

    def _currencies(self, seg: Segment, src: Sequence[Quantity], tgt: Sequence[Quantity],
                    matched: Mapping[int, int]) -> Iterable[Finding]:
        """One amount in two currencies: 5000元 rendered as "5,000 dollars"."""
        for i, j in sorted(matched.items()):
            s, t = src[i], tgt[j]
            if s.unit and t.unit and not currency.same(s.unit, t.unit):
                yield self.finding(seg, f"the source has {s.text} in {s.unit} but the target has {t.text} in {t.unit}",
                                   severity=Severity.parse(self.opts["currency_severity"]), source_span=s.span,
                                   target_span=t.span, suggestion=f"{s.shows()} {s.unit}", score=t.value)

    def _bounds(self, seg: Segment, src: Sequence[Quantity], tgt: Sequence[Quantity],
                matched: Mapping[int, int]) -> Iterable[Finding]:
        """A bound turned round: 逾92万 ("over") rendered as "nearly 920,000" (an approximation word on one
        side only, or "about" against either, is no finding); percentage points rendered as per cent."""
        for i, j in sorted(matched.items()):
            s, t = src[i], tgt[j]
            if s.kind == POINTS and t.kind == PERCENT:  # the reverse is often a translator's precision
                yield self.finding(seg, f"the source has {s.text} ({s.kind}) but the target has {t.text} ({t.kind})",
                                   severity=Severity.parse(self.opts["bound_severity"]), source_span=s.span,
                                   target_span=t.span, suggestion=s.shows(), score=t.value)
            if {s.bound, t.bound} == {ABOVE, BELOW} and s.strong and t.strong and s.kind == t.kind:
                yield self.finding(seg, f"the source puts {s.text} as a {_BOUND_NAME[s.bound]} but the target as a "
                                        f"{_BOUND_NAME[t.bound]}", severity=Severity.parse(self.opts["bound_severity"]),
                                   source_span=s.span, target_span=t.span, score=t.value)

    def _fewer(self, seg: Segment, src: Sequence[Quantity], tgt: Sequence[Quantity],
               matched: Mapping[int, int]) -> Iterable[Finding]:
        """A count or percentage one side states more often than the other: one left out, or one added.

        Dates, years and ordinals are left alone (English says "February 10 and 11" for 2月10日和2月11日); a
        value absent from the other side altogether is reported as missing or added instead."""
        used = set(matched.values())
        for side, mine, other, free in (("source", src, tgt, [i for i in range(len(src)) if i not in matched]),
                                        ("target", tgt, src, [j for j in range(len(tgt)) if j not in used])):
            by_value: dict[float, Quantity] = {}
            for k in free:
                q = mine[k]
                if q.strong and q.kind in (NUMBER, PERCENT, POINTS) and not _date_like(q, mine):
                    by_value.setdefault(q.value, q)
            for value, q in sorted(by_value.items()):
                n_mine = sum(1 for x in mine if x.strong and x.keys & q.keys)
                n_other = sum(1 for x in other if x.keys & q.keys)
                if n_other == 0 or n_mine <= n_other:
                    continue
                what = "one of them may be left out" if side == "source" else "one of them may be added"
                other_side = "target" if side == "source" else "source"
                span = {"source_span": q.span} if side == "source" else {"target_span": q.span}
                yield self.finding(seg, f"{q.text} ({q.shows()}) occurs {n_mine} times in the {side} but {n_other} "
                                        f"in the {other_side}: {what}",
                                   severity=Severity.parse(self.opts["fewer_severity"]), suggestion=q.shows(),
                                   score=value, **span)

    def _days(self, seg: Segment, src: Sequence[Quantity], tgt: Sequence[Quantity],
              matched: Mapping[int, int]) -> Iterable[Finding]:
        """A day of the month the source states more often than the target: a dateline's date left out
        (中新网2月11日电 ... 11日消息 -> "on February 11" once). Months are left alone (English says "February
        10 and 11"), and so is a target that repeats a date (English names a date again where Chinese says
        它); a day absent from the target altogether is reported as missing."""
        free = [src[k] for k in range(len(src)) if k not in matched and _is_day(src[k], src)]
        for value in sorted({q.value for q in free}):
            q = next(d for d in free if d.value == value)
            n_src = sum(1 for x in src if x.value == value and _is_day(x, src))
            n_tgt = sum(1 for x in tgt if x.keys & q.keys)
            if n_tgt == 0 or n_src <= n_tgt:
                continue
            yield self.finding(seg, f"the day {q.text} occurs {n_src} times in the source but {n_tgt} in the target: "
                                    "a date may be left out", severity=Severity.parse(self.opts["day_severity"]),
                               source_span=q.span, suggestion=q.shows(), score=value)

    def _listed(self, seg: Segment, src: Sequence[Quantity], tgt: Sequence[Quantity],
                matched: Mapping[int, int]) -> Iterable[Finding]:
        """The number of a list item the target drops: "1. 多关注…" -> "Pay more attention…" (the source numbers
        the item, the target has no item number and no mention of that value). Off by default: aligned corpora
        often keep paragraph numbers on one side only (the UN sample's Chinese side has none)."""
        if any(q.kind == LIST for q in tgt):
            return
        for k, q in enumerate(src):
            if q.kind == LIST and k not in matched and not any(t.keys & q.keys for t in tgt):
                yield self.finding(seg, f"the source numbers this item {q.text} but the target has no item number",
                                   severity=Severity.parse(self.opts["list_severity"]), source_span=q.span,
                                   suggestion=q.shows(), score=q.value)

    def _named_currencies(self, seg: Segment, src: Sequence[Quantity], tgt: Sequence[Quantity],
                          matched: Mapping[int, int]) -> Iterable[Finding]:
        """A currency the target names that the source does not: 上万元 -> "tens of thousands of dollars" (the
        source names another currency), or 500万 -> "5 million yuan" (the source names none, and the amount
        is the source's). A pair of amounts in two currencies is reported by `_currencies` instead."""
        src_named, tgt_named = langs.module(seg.source_lang).currencies, langs.module(seg.target_lang).currencies
        if src_named is None or tgt_named is None:
            return
        codes = [c for _, c in src_named(seg.source or "")]
        paired = {tgt[j].unit for i, j in matched.items() if src[i].unit and tgt[j].unit}
        amounts = {tgt[j].unit for j in matched.values() if tgt[j].strong}
        seen: set[str] = set()
        target, sev = seg.target or "", Severity.parse(self.opts["currency_severity"])
        for span, code in tgt_named(target):
            if code in seen or code in paired or any(currency.same(code, c) for c in codes):
                continue
            seen.add(code)
            if codes:
                yield self.finding(seg, f"the target names {target[span[0]:span[1]]} ({code}) where the source names "
                                        f"{', '.join(dict.fromkeys(codes))}", severity=sev, target_span=span,
                                   suggestion=" / ".join(dict.fromkeys(codes)))
            elif code in amounts:
                yield self.finding(seg, f"the target gives an amount in {target[span[0]:span[1]]} ({code}) but the "
                                        "source names no currency", severity=sev, target_span=span)


def _is_day(q: Quantity, mentions: Sequence[Quantity]) -> bool:
    """A day of the month: 11日, or a number of 1-31 written next to a month name ("February 11", "11 February")."""
    if q.kind == DAY:
        return True
    return (q.kind in (NUMBER, ORDINAL) and q.strong and q.value == int(q.value) and 1 <= q.value <= 31
            and any(m.kind == MONTH and (0 <= q.span[0] - m.span[1] <= 2 or 0 <= m.span[0] - q.span[1] <= 2)
                    for m in mentions))
