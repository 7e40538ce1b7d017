"""The report: findings, summary counts, metrics, signature and the gate's verdict."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
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
    findings: tuple[Finding, ...]
    segments: tuple[Segment, ...] = ()
    gate: GateResult | None = None
    checks: tuple[Mapping[str, Any], ...] = ()
    # the reference metrics' per-segment statistics, when a run kept them (compare's paired test); never rendered
    reference_stats: Any = field(default=None, compare=False, repr=False)


def summarize(findings: Iterable[Finding], n_segments: int, documents: Iterable[str]) -> dict[str, Any]:
    """Counts by severity, check and category; segments with a finding; documents seen."""
    findings = list(findings)
    by_sev = Counter(str(f.severity) for f in findings)
    return {
        "segments": n_segments,
        "documents": len(set(documents)),
        "findings": len(findings),
        "flagged_segments": len({(f.doc, f.segment) for f in findings}),
        "by_severity": {str(s): by_sev.get(str(s), 0) for s in sorted(Severity, reverse=True)},
        "by_check": dict(sorted(Counter(f.check for f in findings).items())),
        "by_category": dict(sorted(Counter(f.category for f in findings).items())),
    }
