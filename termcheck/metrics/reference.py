"""Reference-based metrics through sacrebleu: corpus and per-segment BLEU, chrF++ and TER, with signatures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from termcheck.checks.base import Batch
from termcheck.errors import ConfigError
from termcheck.lang import base_code
from termcheck.metrics import MetricContext, metric_options, register
from termcheck.model import Finding

# sacrebleu tokenizer for BLEU by target language; everything else is tokenized with 13a
_TOKENIZERS = {"zh": "zh", "ja": "char"}
NAMES = ("bleu", "chrf", "ter")
DIGITS = 4
# the key of the reference-metric options in Config.options: {"metrics": ["bleu", "chrf"]} skips TER
OPTIONS_KEY = "reference"


def parse_names(spec: str | Sequence[str] | None) -> tuple[str, ...]:
    """`bleu,chrf` (or a list) -> the metric names in canonical order; unknown names are errors."""
    if spec is None:
        return NAMES
    parts = [p.strip().lower() for p in (spec.split(",") if isinstance(spec, str) else spec) if p.strip()]
    parts = [{"chrf++": "chrf", "chrf2++": "chrf"}.get(p, p) for p in parts]
    unknown = [p for p in parts if p not in NAMES]
    if unknown or not parts:
        what = ", ".join(unknown) or "empty list"
        raise ConfigError(f"reference metrics: unknown {what} (known: {', '.join(NAMES)})")
    return tuple(n for n in NAMES if n in parts)


def tokenizer_for(lang: str) -> str:
    """The BLEU tokenizer sacrebleu would pick for a target language (13a for English)."""
    return _TOKENIZERS.get(base_code(lang), "13a")


def make_metrics(target_lang: str = "en") -> dict[str, Any]:
    """sacrebleu metric objects: corpus BLEU, sentence BLEU (effective order), chrF++ and TER."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    tok = tokenizer_for(target_lang)
    return {
        "bleu": BLEU(tokenize=tok, force=True),
        "bleu_sentence": BLEU(tokenize=tok, force=True, effective_order=True),
        "chrf": CHRF(word_order=2),
        "ter": TER(),
    }


def _add(total: list[float] | None, stats: Sequence[Sequence[float]]) -> list[float] | None:
    for row in stats:
        total = list(row) if total is None else [a + b for a, b in zip(total, row, strict=True)]
    return total


def _num(x: float) -> float:
    return round(float(x), DIGITS)


def score_dict(name: str, score: Any, signature: str) -> dict[str, Any]:
    """One sacrebleu score as JSON-friendly fields (the score rounded as `sacrebleu -w 4` prints it)."""
    out: dict[str, Any] = {"score": _num(score.score), "signature": signature}
    if name == "bleu":
        out.update(precisions=[_num(p) for p in score.precisions], bp=_num(score.bp),
                   ratio=_num(score.sys_len / score.ref_len) if score.ref_len else None,
                   hyp_len=int(score.sys_len), ref_len=int(score.ref_len))
    elif name == "ter":
        out.update(num_edits=_num(score.num_edits), ref_length=_num(score.ref_length))
    return out


class ReferenceMetrics:
    """Per segment: sacrebleu's sufficient statistics, once; summed for the corpus score.

    Sentence scores come from each segment's own statistics (BLEU with effective order, as
    `sacrebleu --sentence-level` does); corpus scores from their sums, exactly as sacrebleu
    computes them. `keep_stats` keeps the per-segment statistics (for paired bootstrap tests).
    """

    def __init__(self, ctx: MetricContext) -> None:
        opts = metric_options(ctx, OPTIONS_KEY, {"metrics"}, "reference")
        self.names = parse_names(opts.get("metrics"))
        self.target_lang = ctx.check.target_lang
        self.metrics: dict[str, Any] = {}  # made at the first reference seen: no sacrebleu import without one
        self.totals: dict[str, list[float] | None] = dict.fromkeys(self.names)
        self.sentence: dict[str, list[float | None]] = {n: [] for n in self.names}
        # per observed segment (None without a reference), only with keep_stats
        self.stats: dict[str, list[list[float] | None]] = {n: [] for n in self.names}
        self.keep_stats = False
        self.per_segment = ctx.per_segment
        self.n = 0
        self.seen = 0

    def observe(self, batch: Batch) -> None:
        pos = [i for i, s in enumerate(batch.segments) if s.target is not None and s.reference is not None]
        base = self.seen
        self.seen += len(batch.segments)
        for name in self.names:
            if self.per_segment:
                self.sentence[name].extend([None] * len(batch.segments))
            if self.keep_stats:
                self.stats[name].extend([None] * len(batch.segments))
        if not pos:
            return
        if not self.metrics:
            self.metrics = make_metrics(self.target_lang)
        hyps = [batch.segments[i].target or "" for i in pos]
        refs = [[batch.segments[i].reference or "" for i in pos]]
        for name in self.names:
            metric = self.metrics[name]
            stats = metric._extract_corpus_statistics(hyps, refs)
            self.totals[name] = _add(self.totals[name], stats)
            per = self.metrics["bleu_sentence"] if name == "bleu" else metric
            for i, row in zip(pos, stats, strict=True):
                if self.per_segment:
                    self.sentence[name][base + i] = _num(per._compute_score_from_stats(list(row)).score)
                if self.keep_stats:
                    self.stats[name][base + i] = [float(x) for x in row]
        self.n += len(pos)

    def signatures(self) -> dict[str, str]:
        return {name: self.metrics[name].get_signature().format() for name in self.names}

    def segment_columns(self, findings: Sequence[Finding]) -> dict[str, list[Any]]:
        if not self.n or not self.per_segment:
            return {}
        return dict(self.sentence)

    def result(self, findings: Sequence[Finding]) -> dict[str, Any]:
        if not self.n:
            return {}
        sigs = self.signatures()
        out: dict[str, Any] = {"segments": self.n}
        for name in self.names:
            metric = self.metrics[name]
            score = metric._compute_score_from_stats(self.totals[name])
            out[name] = score_dict(name, score, sigs[name])
        return {"reference": out}


register(ReferenceMetrics)
