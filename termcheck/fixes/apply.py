"""Applying fixes to a segment: right to left, never one over another's span, and never one that
makes a new finding (each applied fix is re-checked)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from termcheck.checks.base import Check
from termcheck.checks.base import select as pick
from termcheck.model import Finding, Fix, Segment
from termcheck.runner import Run


@dataclass(frozen=True)
class Outcome:
    """What fixing one segment did: its new target, the findings fixed, those left with why."""

    segment: Segment
    target: str
    fixed: tuple[Finding, ...] = ()
    skipped: tuple[tuple[Finding, str], ...] = ()

    @property
    def changed(self) -> bool:
        return self.target != (self.segment.target or "")


def chosen(select: Sequence[str], ignore: Sequence[str]) -> Callable[[str], bool]:
    """Whether a check's fixes apply, by dotted id prefixes as `--select`/`--ignore` choose checks
    (an id that matches no check is a ConfigError, as there)."""
    ids = frozenset(c.id for c in pick(tuple(select) or ("",), tuple(ignore)))
    return ids.__contains__


def _key(f: Finding) -> tuple[str, str, str]:
    return (f.check, f.term or "", f.message)


def _corpus_level(check: Check) -> bool:
    """Checks that judge a document as a whole (they report on `finish`) cannot re-check one sentence."""
    return type(check).finish is not Check.finish


class Fixer:
    """Applies the fixes of a run's findings, re-checking each corrected sentence with the run's checks."""

    def __init__(self, run: Run, *, unsafe: bool = False, applies: Callable[[str], bool] | None = None) -> None:
        self.run = run
        self.unsafe = unsafe
        self.applies = applies or (lambda check_id: True)
        self.checks = [c for c in run.checks if not _corpus_level(c)]

    def findings(self, seg: Segment) -> list[Finding]:
        """The sentence-level findings of one segment."""
        batch = self.run.match([seg])
        return [f for c in self.checks for f in c.check_batch(batch)]

    def _reason(self, f: Finding) -> str | None:
        """Why a finding's fix is not tried, or None when it is."""
        if f.fix is None:
            return "no fix"
        if not self.applies(f.check):
            return "not selected"
        if not f.fix.safe and not self.unsafe:
            return f"unsafe: {f.fix.note}" if f.fix.note else "unsafe"
        return None

    def fix(self, seg: Segment, found: Iterable[Finding]) -> Outcome:
        """Apply the segment's fixes right to left; a fix overlapping one applied, or making a finding
        the segment did not have, is skipped."""
        found = list(found)
        skipped: list[tuple[Finding, str]] = []
        todo: list[Finding] = []
        for f in found:
            reason = self._reason(f)
            (skipped.append((f, reason)) if reason else todo.append(f))
        text = seg.target or ""
        if not todo:
            return Outcome(seg, text, (), tuple(skipped))
        before = Counter(_key(f) for f in self.findings(seg))
        todo.sort(key=lambda f: (-f.fix.span[0], -f.fix.span[1], f.check))  # type: ignore[union-attr]
        taken: list[Fix] = []
        fixed: list[Finding] = []
        for f in todo:
            fx = f.fix
            assert fx is not None
            if any((fx.span[0] < t.span[1] and t.span[0] < fx.span[1]) or fx.span == t.span for t in taken):
                skipped.append((f, "overlaps another fix"))
                continue
            trial = text[:fx.span[0]] + fx.replacement + text[fx.span[1]:]
            after = Counter(_key(g) for g in self.findings(replace(seg, target=trial)))
            new = after - before
            if new:
                skipped.append((f, f"would create a new finding ({next(iter(new))[0]})"))
                continue
            text = trial
            taken.append(fx)
            fixed.append(f)
        return Outcome(seg, text, tuple(fixed), tuple(skipped))
