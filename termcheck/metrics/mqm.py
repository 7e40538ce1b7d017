"""An MQM-style error score from the findings: penalty points by severity per target word.

    penalty                = sum over findings of weight[severity]   (default minor 1, major 5, critical 25)
    penalty_per_1000_words = 1000 * penalty / words
    score                  = 100 * (1 - penalty / words)             (can go below 0, as in MQM)

`words` counts the target's words: runs of letters and digits (hyphenated and apostrophe forms are
one word), each Han or kana character counting as one word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from termcheck.checks.base import Batch
from termcheck.errors import ConfigError
from termcheck.lang import memo, scripts
from termcheck.metrics import MetricContext, metric_options, register
from termcheck.model import Finding, Severity
from termcheck.version import __version__

DEFAULT_WEIGHTS: dict[str, float] = {"info": 0, "minor": 1, "major": 5, "critical": 25}
# the key of the MQM options in Config.options (`[tool.termcheck.mqm]`: weights = {minor = 1, ...})
OPTIONS_KEY = "mqm"

_CJK = "\u3040-\u30ff" + scripts.HAN_CHARS  # kana and Han: a word each
_WORDS = re.compile(rf"[{_CJK}]|\d+(?:[.,:]\d+)*|[^\W_{_CJK}]+(?:[-‐‑'’][^\W_{_CJK}]+)*")


def word_count(text: str | None) -> int:
    """Words in a text (Han and kana characters one each)."""
    return len(_WORDS.findall(text)) if text else 0


# distinct targets whose word count a run keeps (by digest: ~0.1 KB each): an archive repeats its sentences
KEEP = 50_000


def parse_weights(spec: str | Mapping[str, Any] | None) -> dict[str, float]:
    """Weights from `minor=1,major=5,critical=25` or a mapping; unnamed severities keep their default."""
    if spec is None:
        return dict(DEFAULT_WEIGHTS)
    if isinstance(spec, str):
        items: dict[str, Any] = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            name, eq, value = part.partition("=")
            if not eq:
                raise ConfigError(f"MQM weight {part!r}: expected SEVERITY=POINTS, e.g. major=5")
            items[name.strip()] = value.strip()
        spec = items
    out = dict(DEFAULT_WEIGHTS)
    for name, value in spec.items():
        try:
            sev = str(Severity.parse(name))
        except ValueError as e:
            raise ConfigError(f"MQM weights: {e}") from None
        try:
            points = float(value)
        except (TypeError, ValueError):
            raise ConfigError(f"MQM weight for {sev}: {value!r} is not a number") from None
        if points < 0 or points != points:
            raise ConfigError(f"MQM weight for {sev}: {value!r} must be a number >= 0")
        out[sev] = points
    return out


def _compact(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def signature(weights: Mapping[str, float]) -> str:
    """The formula and the weights, as one line."""
    w = ",".join(f"{k}={_compact(weights[k])}" for k in ("info", "minor", "major", "critical"))
    return f"mqm|penalty:{w}|per:1000-words|score:100*(1-penalty/words)|words:regex+cjk-chars|termcheck:{__version__}"


def score(penalty: float, words: int) -> tuple[float | None, float | None]:
    """(penalty per 1,000 words, quality score), None when there are no words."""
    if not words:
        return None, None
    return round(1000.0 * penalty / words, 4), round(100.0 * (1.0 - penalty / words), 4)


class MqmMetric:
    """Counts target words per segment; the penalties come from the run's final findings."""

    def __init__(self, ctx: MetricContext) -> None:
        opts = metric_options(ctx, OPTIONS_KEY, {"weights"}, "MQM")
        self.weights = parse_weights(opts.get("weights"))
        self.per_segment = ctx.per_segment
        self.index: list[int] = []
        self.ids: list[str] = []
        self.docs: list[str] = []
        self.words: list[int] = []
        self.total_words = 0
        self._count = memo.Distinct(word_count, KEEP)  # each distinct target counted once

    def observe(self, batch: Batch) -> None:
        count = self._count
        for seg in batch.segments:
            n = count(seg.target) if seg.target else 0
            self.total_words += n
            if self.per_segment:
                self.index.append(seg.index)
                self.ids.append(seg.id)
                self.docs.append(seg.doc)
                self.words.append(n)

    def penalties(self, findings: Sequence[Finding]) -> list[int | float]:
        """Penalty points per observed segment (findings are tied to segments by their run index)."""
        where = {k: i for i, k in enumerate(self.index)}
        out = [0.0] * len(self.index)
        for f in findings:
            i = where.get(f.index)
            if i is not None:
                out[i] += self.weights[str(f.severity)]
        return [_compact(x) for x in out]

    def segment_columns(self, findings: Sequence[Finding]) -> dict[str, list[Any]]:
        if not self.per_segment:
            return {}
        return {"segment": list(self.ids), "doc": list(self.docs), "words": list(self.words),
                "penalty": self.penalties(findings)}

    def result(self, findings: Sequence[Finding]) -> dict[str, Any]:
        penalty = sum(self.weights[str(f.severity)] for f in findings)
        words = self.total_words
        per_1000, quality = score(penalty, words)
        return {"mqm": {
            "penalty": _compact(penalty),
            "words": words,
            "penalty_per_1000_words": per_1000,
            "score": quality,
            "weights": {k: _compact(v) for k, v in self.weights.items()},
            "signature": signature(self.weights),
        }}


register(MqmMetric)
