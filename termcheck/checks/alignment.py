"""Alignment checks: sentences of aligned documents left without a counterpart (omissions, additions)."""

from __future__ import annotations

from collections.abc import Iterable

from termcheck.align.lengths import calibrated
from termcheck.checks.base import Batch, Check, register
from termcheck.model import Finding, Segment, Severity

_FINAL = ".!?。！？;；:：…"
_CLOSING = "\"'”’」』)）]】"


def looks_like_heading(text: str) -> bool:
    """A short line with no sentence-final punctuation: a heading, a dateline, a byline, a list label."""
    t = text.strip().rstrip(_CLOSING).strip()
    if not t or t[-1] in _FINAL:
        return False
    wide = sum(1 for c in t if ord(c) >= 0x2E80)
    return (wide <= 25) if wide > len(t) / 2 else (len(t.split()) <= 8)


class _Unaligned(Check):
    side: str

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        if seg.alignment is None:
            return
        text = seg.source if self.side == "source" else seg.target
        other = seg.target if self.side == "source" else seg.source
        if text is None or other is not None or not text.strip():
            return
        heading = looks_like_heading(text)
        span = (0, len(text))
        message = self.message + (" (a short line without final punctuation: a heading or dateline?)"
                                   if heading else "")
        # the aligner's precision is measured where its length model is (zh <-> en); elsewhere it rests on
        # Gale-Church's generic model, and what it leaves unaligned is reported one step lower
        severity = (Severity.INFO if heading
                    else None if calibrated(seg.source_lang, seg.target_lang) else Severity.MINOR)
        if self.side == "source":
            yield self.finding(seg, message, source_span=span, severity=severity)
        else:
            yield self.finding(seg, message, target_span=span, severity=severity)


@register
class Omission(_Unaligned):
    """Source sentence with no translation in the aligned document (possible omission).

    Only for documents that were sentence-aligned (plain-text documents whose lines do not match,
    or with --align). Short lines without final punctuation (headings) are reported as info; in a pair
    without a calibrated length model (only zh <-> en has one) as minor.
    """

    id = "alignment.omission"
    category = "accuracy/omission"
    severity = Severity.MAJOR
    needs = frozenset({"source"})
    side = "source"
    message = "no sentence of the translation aligns with this source sentence: possibly left out"


@register
class Addition(_Unaligned):
    """Translated sentence with no source sentence in the aligned document (possible addition).

    Only for documents that were sentence-aligned. Short lines without final punctuation
    (headings, datelines such as ` date 2024-02-17 `) are reported as info; in a pair without a
    calibrated length model (only zh <-> en has one) as minor.
    """

    id = "alignment.addition"
    category = "accuracy/addition"
    severity = Severity.MAJOR
    needs = frozenset({"target"})
    side = "target"
    message = "this sentence of the translation aligns with no source sentence: possibly added"
