"""The one gate: a report plus a policy -> pass/fail (exit 0/1), with the reasons."""

from __future__ import annotations

from dataclasses import dataclass

from termcheck.model import Severity
from termcheck.report.model import GateResult, Report


@dataclass(frozen=True)
class Policy:
    """What makes a run fail."""

    fail_on: Severity = Severity.MAJOR


def decide(report: Report, policy: Policy) -> GateResult:
    """Fail when a finding is at or above `fail_on`."""
    reasons: list[str] = []
    bad = [f for f in report.findings if f.severity >= policy.fail_on]
    if bad:
        worst = max(f.severity for f in bad)
        checks = sorted({f.check for f in bad})
        segs = len({(f.doc, f.segment) for f in bad})
        reasons.append(f"{len(bad)} finding(s) of severity {policy.fail_on} or worse (worst: {worst}) in "
                       f"{segs} segment(s), from {', '.join(checks)}.")
    return GateResult(not reasons, tuple(reasons), {"fail_on": str(policy.fail_on)})
