"""The one gate: a report plus a policy -> pass/fail (exit 0/1), with the reasons in plain words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from termcheck import baseline as baselines
from termcheck.baseline import Baseline
from termcheck.config import DEFAULT_FAIL_ON
from termcheck.model import Finding, Severity
from termcheck.report.model import GateResult, Report


@dataclass(frozen=True)
class Floor:
    """A bound on one metric: where it lives in `report.metrics`, which way it may not go, how to say it."""

    option: str
    path: tuple[str, ...]
    label: str
    lower: bool  # True: the metric may not fall below the bound; False: may not rise above it
    unit: str
    missing_hint: str


FLOORS: dict[str, Floor] = {
    "min_term_success": Floor("--min-term-success", ("terms", "success_rate"), "term success rate", True, "%",
                              "no glossary term was found in the source, or term metrics were not computed"),
    "max_mqm_penalty": Floor("--max-mqm-penalty", ("mqm", "penalty_per_1000_words"), "MQM penalty", False,
                             " per 1,000 words", "the MQM score was not computed"),
    "min_chrf": Floor("--min-chrf", ("reference", "chrf", "score"), "chrF", True, "",
                      "chrF needs a reference translation (--reference, or a reference column)"),
}


@dataclass(frozen=True)
class Policy:
    """What makes a run fail: findings at or above `fail_on` (None: never), metric bounds, a baseline."""

    fail_on: Severity | None = DEFAULT_FAIL_ON
    min_term_success: float | None = None
    max_mqm_penalty: float | None = None
    min_chrf: float | None = None
    baseline: Baseline | None = None
    # an input that holds no segment passes (instead of failing: a gate that checked nothing protects nothing)
    allow_empty: bool = False

    def describe(self) -> dict[str, Any]:
        """The policy as plain data (shown in reports next to the verdict)."""
        out: dict[str, Any] = {"fail_on": str(self.fail_on) if self.fail_on is not None else "never"}
        for name in FLOORS:
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        if self.baseline is not None:
            out["baseline"] = self.baseline.path
        if self.allow_empty:
            out["allow_empty"] = True
        return out


def metric_value(metrics: Mapping[str, Any], path: Sequence[str]) -> float | None:
    """The number at `path` in the nested metrics, or None when any step is missing or not a number."""
    node: Any = metrics
    for key in path:
        if not isinstance(node, Mapping) or key not in node:
            return None
        node = node[key]
    if isinstance(node, bool) or not isinstance(node, (int, float)):
        return None
    return float(node)


def _num(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _where(f: Finding) -> str:
    where = str(f.origin) if f.origin else (f"{f.doc} segment {f.segment}" if f.doc else f"segment {f.segment}")
    return f"{where} “{f.target_text}”" if f.target_text else where


def _severity_reason(bad: Sequence[Finding], fail_on: Severity, baseline: Baseline | None) -> str:
    worst = max(f.severity for f in bad)
    by_check = Counter(f.check for f in bad)
    checks = ", ".join(f"{c} ×{n}" if n > 1 else c for c, n in sorted(by_check.items(), key=lambda x: (-x[1], x[0])))
    segs = len({(f.doc, f.segment) for f in bad})
    new = "new " if baseline is not None else ""
    n = len(bad)
    head = (f"{n} {new}finding{'s' if n != 1 else ''} of severity {fail_on} or worse (worst: {worst}) "
            f"in {segs} segment{'s' if segs != 1 else ''}, from {checks}")
    first = sorted(bad, key=lambda f: (-f.severity, f.sort_key()))[:3]
    shown = "; ".join(_where(f) for f in first)
    more = f" and {n - len(first)} more" if n > len(first) else ""
    return f"{head}: {shown}{more}."


def decide(report: Report, policy: Policy) -> GateResult:
    """Pass or fail with the reasons: findings at or above `fail_on`, then every metric bound broken.

    A bound set on a metric the run did not compute fails too, saying so: a gate that quietly passes
    because a number is missing protects nothing.
    """
    reasons: list[str] = []
    empty = not report.summary.get("segments") and not policy.allow_empty
    if empty:
        reasons.append("Nothing was checked: the input holds no segment to check (an empty file, no target text, "
                       "or the wrong languages or columns); --allow-empty accepts an empty input.")
    if policy.fail_on is not None:
        bad = [f for f in report.findings if f.severity >= policy.fail_on]
        if bad:
            reasons.append(_severity_reason(bad, policy.fail_on, policy.baseline))
    for name, floor in FLOORS.items():
        bound = getattr(policy, name)
        if bound is None:
            continue
        value = metric_value(report.metrics, floor.path)
        if value is None:
            reasons.append(f"{floor.option} {_num(bound)} is set but the {floor.label} is not available in this "
                           f"run ({floor.missing_hint}).")
        elif floor.lower and value < bound:
            reasons.append(f"The {floor.label} is {_num(value)}{floor.unit}, below the floor of "
                           f"{_num(bound)}{floor.unit} ({floor.option}).")
        elif not floor.lower and value > bound:
            reasons.append(f"The {floor.label} is {_num(value)}{floor.unit}, above the ceiling of "
                           f"{_num(bound)}{floor.unit} ({floor.option}).")
    return GateResult(not reasons, tuple(reasons), policy.describe(), checked_nothing=empty)


def apply(report: Report, policy: Policy) -> Report:
    """Filter known findings through the baseline (if any), then attach the verdict."""
    if policy.baseline is not None:
        report = baselines.apply(report, policy.baseline)
    return replace(report, gate=decide(report, policy))
