"""The report: findings, summary counts, metrics, signature and the gate's verdict."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from termcheck.model import Finding, Segment, Severity


@dataclass(frozen=True)
class GateResult:
    """Pass or fail, and why (one sentence per reason)."""

    passed: bool
    reasons: tuple[str, ...] = ()
    policy: Mapping[str, Any] = field(default_factory=dict)
    # the run read no segment at all: a gate that checked nothing fails as an input error, not a verdict
    checked_nothing: bool = False

    @property
    def exit_code(self) -> int:
        """0 pass, 1 fail, 2 when nothing was checked (the input, not the translation, is at fault)."""
        return 0 if self.passed else (2 if self.checked_nothing else 1)


@dataclass(frozen=True)
class Report:
    """What a run found. Renderers turn it into bytes; none of them counts or decides anything."""

    version: str
    signature: Mapping[str, Any]
    summary: Mapping[str, Any]
    metrics: Mapping[str, Any]
    # sorted; a tuple, or for a run of more than findingstore.LIMIT findings a sequence read back from a
    # temporary file each time it is iterated
    findings: Sequence[Finding]
    segments: tuple[Segment, ...] = ()
    gate: GateResult | None = None
    checks: tuple[Mapping[str, Any], ...] = ()
    # the reference metrics' per-segment statistics, when a run kept them (compare's paired test); never rendered
    reference_stats: Any = field(default=None, compare=False, repr=False)


def summarize(findings: Iterable[Finding], n_segments: int, documents: Iterable[str]) -> dict[str, Any]:
    """Counts by severity, check and category; segments with a finding; documents seen."""
    by_sev: Counter[str] = Counter()
    by_check: Counter[str] = Counter()
    by_category: Counter[str] = Counter()
    flagged: set[tuple[str, str]] = set()
    count = 0
    for f in findings:  # one pass: the findings of an archive's run may be read back from disk
        count += 1
        by_sev[str(f.severity)] += 1
        by_check[f.check] += 1
        by_category[f.category] += 1
        flagged.add((f.doc, f.segment))
    return {
        "segments": n_segments,
        "documents": len(set(documents)),
        "findings": count,
        "flagged_segments": len(flagged),
        "by_severity": {str(s): by_sev.get(str(s), 0) for s in sorted(Severity, reverse=True)},
        "by_check": dict(sorted(by_check.items())),
        "by_category": dict(sorted(by_category.items())),
    }
