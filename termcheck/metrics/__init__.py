"""Metrics: accumulators that observe every batch and report numbers at the end.

A metric reduces each batch to a few counts and sums them for the corpus (as sacrebleu does);
`result` returns a mapping merged into the report's `metrics`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from termcheck.checks.base import Batch, CheckContext
from termcheck.errors import ConfigError
from termcheck.model import Finding


class Metric(Protocol):
    def observe(self, batch: Batch) -> None: ...

    def result(self, findings: Sequence[Finding]) -> dict[str, Any]: ...


@dataclass(frozen=True)
class MetricContext:
    """What a metric may know of its run: what checks know, its options, and whether to keep per-segment columns."""

    check: CheckContext
    # configuration sections by name (`mqm`, `reference`)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # keep per-segment columns (metrics["per_segment"]): for HTML, breakdowns and the API
    per_segment: bool = True


# factories taking the MetricContext; metric modules register themselves here (explicitly, in order)
_FACTORIES: list[Callable[[MetricContext], Metric]] = []
# in the order their results appear in the report's `metrics` (a contract: reports are compared byte for byte)
METRIC_MODULES: list[str] = [
    "termcheck.metrics.reference",
    "termcheck.metrics.mqm",
    "termcheck.metrics.terms",
]


def register(factory: Callable[[MetricContext], Metric]) -> Callable[[MetricContext], Metric]:
    _FACTORIES.append(factory)
    return factory


def metric_factories() -> list[Callable[[MetricContext], Metric]]:
    """The registered metrics in METRIC_MODULES order (whatever order their modules happened to be imported in:
    the report's `metrics` keys follow it)."""
    import importlib

    for name in METRIC_MODULES:
        importlib.import_module(name)
    order = {name: i for i, name in enumerate(METRIC_MODULES)}
    return sorted(_FACTORIES, key=lambda f: order.get(f.__module__, len(order)))


def metric_options(ctx: MetricContext, key: str, known: set[str], label: str) -> dict[str, Any]:
    """A metric's options from the run's config; an unknown one is a ConfigError naming the known ones."""
    opts = dict(ctx.options.get(key, {}))
    unknown = set(opts) - known
    if unknown:
        names, known_names = ", ".join(sorted(unknown)), ", ".join(sorted(known))
        raise ConfigError(f"unknown {label} option(s): {names} (known: {known_names})")
    return opts
