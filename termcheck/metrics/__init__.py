"""Metrics: accumulators that observe every batch and report numbers at the end.

A metric reduces each batch to a few counts and sums them for the corpus (as sacrebleu does);
`result` returns a mapping merged into the report's `metrics`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from termcheck.checks.base import Batch
from termcheck.model import Finding


class Metric(Protocol):
    def observe(self, batch: Batch) -> None: ...

    def result(self, findings: Sequence[Finding]) -> dict[str, Any]: ...


# factories taking the Run; metric modules register themselves here (explicitly, in order)
_FACTORIES: list[Callable[[Any], Metric]] = []
METRIC_MODULES: list[str] = [
    "termcheck.metrics.reference",
    "termcheck.metrics.terms",
    "termcheck.metrics.mqm",
    "termcheck.metrics.segments",
]


def register(factory: Callable[[Any], Metric]) -> Callable[[Any], Metric]:
    _FACTORIES.append(factory)
    return factory


def metric_factories() -> list[Callable[[Any], Metric]]:
    import importlib

    for name in METRIC_MODULES:
        importlib.import_module(name)
    return list(_FACTORIES)


def metric_options(run: Any, key: str, known: set[str], label: str) -> dict[str, Any]:
    """A metric's options from the run's config; an unknown one is a ConfigError naming the known ones."""
    from termcheck.errors import ConfigError

    opts = dict(run.config.options.get(key, {}))
    unknown = set(opts) - known
    if unknown:
        names, known_names = ", ".join(sorted(unknown)), ", ".join(sorted(known))
        raise ConfigError(f"unknown {label} option(s): {names} (known: {known_names})")
    return opts
