"""Which of two translations is better: paired bootstrap resampling over segments or documents.

For every metric both systems are reduced to per-unit sufficient statistics (sacrebleu's for
BLEU/chrF++/TER, correct/occurrences for the term success rate, penalty/words for the MQM score);
each resample draws units with replacement (numpy's default_rng(seed), the same index matrix
sacrebleu's `--paired-bs` draws), sums the statistics of the drawn units and recomputes the
metric. The p-value and confidence intervals are computed as sacrebleu's paired bootstrap test
computes them (Koehn 2004): with units = segments, the BLEU/chrF++/TER numbers equal
`sacrebleu REF -i A B --paired-bs`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

CHUNK = 100  # resamples drawn at a time (keeps the index matrix small on big corpora)
# a metric measured on fewer units than this names no winner: the bootstrap cannot see its variance
MIN_UNITS = 10


@dataclass(frozen=True)
class MetricStats:
    """One metric for both systems: per-unit statistics and how to score a sum of them."""

    name: str
    label: str
    higher_is_better: bool
    a: np.ndarray  # (units, k)
    b: np.ndarray
    score: Callable[[np.ndarray], float]
    float32: bool = False  # sum in float32 before scoring, as sacrebleu does
    signature: str = ""


@dataclass(frozen=True)
class MetricResult:
    """The outcome for one metric."""

    name: str
    label: str
    higher_is_better: bool
    a: float
    b: float
    a_mean: float
    a_ci: float
    b_mean: float
    b_ci: float
    delta: float
    delta_low: float
    delta_high: float
    p_value: float
    better: str | None  # "a", "b" or None (no significant difference)
    signature: str = ""
    units: int = 0  # units holding something of this metric (a term, a word, a reference)

    @property
    def too_few(self) -> bool:
        return self.units < MIN_UNITS

    def as_dict(self) -> dict[str, Any]:
        def r(x: float) -> float | None:
            return None if x != x else round(float(x), 4)

        return {
            "metric": self.name, "label": self.label, "higher_is_better": self.higher_is_better,
            "a": {"score": r(self.a), "mean": r(self.a_mean), "ci": r(self.a_ci)},
            "b": {"score": r(self.b), "mean": r(self.b_mean), "ci": r(self.b_ci)},
            "delta": r(self.delta), "delta_ci": [r(self.delta_low), r(self.delta_high)],
            "p_value": r(self.p_value), "better": self.better, "units": self.units, "too_few_units": self.too_few,
            "signature": self.signature,
        }


@dataclass(frozen=True)
class Comparison:
    """All metrics, and the settings that reproduce them."""

    results: tuple[MetricResult, ...]
    units: int
    unit: str
    samples: int
    seed: int
    alpha: float
    skipped: dict[str, str] = field(default_factory=dict)

    def verdict(self) -> tuple[str | None, str]:
        """The better system ("a", "b" or None) and a sentence saying so and how sure it is."""
        wins = {s: [r for r in self.results if r.better == s] for s in ("a", "b")}
        n = len(self.results)
        if not n:
            return None, "nothing to compare"
        if wins["a"] and wins["b"]:
            return None, (f"mixed: A is better on {', '.join(r.label for r in wins['a'])}, B on "
                          f"{', '.join(r.label for r in wins['b'])} (p < {self.alpha:g})")
        for s in ("a", "b"):
            if wins[s]:
                ps = max(r.p_value for r in wins[s])
                return s, (f"{s.upper()} is better: significantly on {len(wins[s])} of {n} metrics "
                           f"({', '.join(r.label for r in wins[s])}; p <= {ps:.4f}), worse on none")
        return None, f"no significant difference on any of {n} metrics (p >= {self.alpha:g})"


def unit_sums(stats: np.ndarray, units: np.ndarray | None, n_units: int) -> np.ndarray:
    """Per-segment statistics summed per unit (documents); unchanged when units are segments."""
    if units is None:
        return stats
    out = np.zeros((n_units, stats.shape[1]), dtype=np.float64)
    np.add.at(out, units, stats)
    return out


def resample_counts(n_units: int, samples: int, seed: int) -> np.ndarray:
    """How often each unit is drawn in each resample: (samples, units), from sacrebleu's index matrix."""
    rng = np.random.default_rng(seed)
    out = np.empty((samples, n_units), dtype=np.float64)
    for start in range(0, samples, CHUNK):
        rows = min(CHUNK, samples - start)
        idx = rng.choice(n_units, size=(rows, n_units), replace=True)
        flat = idx + (np.arange(rows) * n_units)[:, None]
        out[start:start + rows] = np.bincount(flat.ravel(), minlength=rows * n_units).reshape(rows, n_units)
    return out


def _ci(scores: np.ndarray) -> tuple[float, float, float]:
    """Mean, and the 95% interval's bounds (sacrebleu's: the n//40-th values from each end)."""
    s = np.sort(scores)
    lo = len(s) // 40
    return float(s.mean()), float(s[lo]), float(s[len(s) - lo - 1])


def _scores(m: MetricStats, stats: np.ndarray, counts: np.ndarray) -> np.ndarray:
    sums = counts @ stats
    if m.float32:
        sums = sums.astype(np.float32)
    return np.array([m.score(row) for row in sums], dtype=np.float64)


def paired_test(m: MetricStats, counts: np.ndarray, alpha: float) -> MetricResult:
    """Paired bootstrap test of one metric (sacrebleu's statistic and p-value)."""
    a, b = float(m.score(m.a.sum(axis=0))), float(m.score(m.b.sum(axis=0)))
    units = int(np.count_nonzero(m.a.any(axis=1) | m.b.any(axis=1)))
    sa, sb = _scores(m, m.a, counts), _scores(m, m.b, counts)
    # a resample may hold no term at all (a rate over nothing): such resamples are left out
    keep = ~(np.isnan(sa) | np.isnan(sb))
    if not keep.any():
        nan = float("nan")
        return MetricResult(m.name, m.label, m.higher_is_better, a, b, nan, nan, nan, nan, b - a, nan, nan, 1.0,
                            None, m.signature, units)
    sa, sb = sa[keep], sb[keep]
    a_mean, a_lo, a_hi = _ci(sa)
    b_mean, b_lo, b_hi = _ci(sb)
    _, d_lo, d_hi = _ci(sb - sa)
    diffs = np.abs(sb - sa)
    centred = diffs - diffs.mean()
    # sacrebleu's p-value; no observed difference is no evidence of one (sacrebleu would say 1/(n+1))
    p = (int(np.sum(centred > abs(b - a))) + 1) / (len(sa) + 1) if a != b else 1.0
    better = None
    if p < alpha and a != b and units >= MIN_UNITS:
        better = "b" if (b > a) == m.higher_is_better else "a"
    return MetricResult(m.name, m.label, m.higher_is_better, a, b, a_mean, (a_hi - a_lo) / 2, b_mean,
                        (b_hi - b_lo) / 2, b - a, d_lo, d_hi, p, better, m.signature, units)


def compare(metrics: Sequence[MetricStats], *, units: np.ndarray | None = None, samples: int = 1000,
            seed: int = 12345, alpha: float = 0.05, skipped: dict[str, str] | None = None) -> Comparison:
    """Run the paired test for every metric; `units[i]` is segment i's document (None: segments)."""
    n_units = int(units.max()) + 1 if units is not None and len(units) else (len(metrics[0].a) if metrics else 0)
    if metrics and n_units < 2:
        raise ValueError("a paired bootstrap needs at least 2 units")
    counts = resample_counts(n_units, samples, seed) if metrics else np.zeros((0, 0))
    results = []
    for m in metrics:
        mu = MetricStats(m.name, m.label, m.higher_is_better, unit_sums(m.a, units, n_units),
                         unit_sums(m.b, units, n_units), m.score, m.float32, m.signature)
        results.append(paired_test(mu, counts, alpha))
    return Comparison(tuple(results), n_units, "segment" if units is None else "document", samples, seed, alpha,
                      dict(skipped or {}))


def ratio_score(scale: float = 100.0) -> Callable[[np.ndarray], float]:
    """`scale * x / y` of a (x, y) sum; NaN when y is 0."""
    return lambda s: scale * float(s[0]) / float(s[1]) if s[1] else float("nan")


def mqm_score(s: np.ndarray) -> float:
    """100 * (1 - penalty / words) of a (penalty, words) sum."""
    return 100.0 * (1.0 - float(s[0]) / float(s[1])) if s[1] else float("nan")
