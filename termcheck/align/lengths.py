"""Length models for sentence alignment: how long a translation is expected to be, per language pair."""

from __future__ import annotations

import math
from dataclasses import dataclass

from termcheck import lang as langs


@dataclass(frozen=True, slots=True)
class LengthModel:
    """Gale–Church: target length ≈ `ratio` × source length, variance `variance` × source length.

    Lengths count non-space characters, ASCII ones weighted by `source_ascii`/`target_ascii`
    (a Latin name or a number inside Chinese text is about as long as in its English rendering,
    so it counts as a quarter of a Chinese character).
    """

    ratio: float
    variance: float
    source_ascii: float = 1.0
    target_ascii: float = 1.0

    def source_length(self, text: str) -> float:
        return weighted_length(text, self.source_ascii)

    def target_length(self, text: str) -> float:
        return weighted_length(text, self.target_ascii)

    def cost(self, ls: float, lt: float) -> float:
        """-log P(|δ|) of a source length `ls` and target length `lt` (both > 0)."""
        mean = (ls + lt / self.ratio) / 2
        delta = abs(lt - ls * self.ratio) / math.sqrt(self.variance * max(mean, 1.0))
        return _neg_log_two_tail(delta)


def weighted_length(text: str, ascii_weight: float) -> float:
    """Non-space characters, ASCII ones weighted."""
    n = 0.0
    for ch in text:
        if ch.isspace():
            continue
        n += ascii_weight if ch.isascii() else 1.0
    return n


def _neg_log_two_tail(z: float) -> float:
    """-log(2·(1 - Φ(z))) for z ≥ 0, without underflow for large z."""
    p = math.erfc(z / math.sqrt(2))
    if p > 1e-300:
        return -math.log(p)
    return z * z / 2 + math.log(z * math.sqrt(math.pi / 2))


# Calibrated by benchmarks/calibrate_align.py on ../shared/real-parallel (8,000 UN zh–en pairs):
# ratio = Σ target / Σ source, variance = Σ (target − ratio·source)² / Σ source.
MODELS: dict[tuple[str, str], LengthModel] = {
    ("zh", "en"): LengthModel(ratio=3.4215, variance=14.36, source_ascii=0.25, target_ascii=1.0),
}
# Gale and Church (1993) for languages of similar length
GENERIC = LengthModel(ratio=1.0, variance=6.8)


def calibrated(source_lang: str, target_lang: str) -> bool:
    """Whether the pair (either way) has a length model measured on real translations (else Gale–Church's)."""
    s, t = langs.base_code(source_lang), langs.base_code(target_lang)
    return (s, t) in MODELS or (t, s) in MODELS


def length_model(source_lang: str, target_lang: str) -> LengthModel:
    """The calibrated model for a pair; the inverse of a calibrated one; else Gale–Church's generic one."""
    s, t = langs.base_code(source_lang), langs.base_code(target_lang)
    if (s, t) in MODELS:
        return MODELS[(s, t)]
    if (t, s) in MODELS:
        m = MODELS[(t, s)]
        return LengthModel(1 / m.ratio, m.variance / m.ratio**3, m.target_ascii, m.source_ascii)
    return GENERIC
