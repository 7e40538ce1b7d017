"""Omission and addition: a target far shorter or longer than a zh->en translation of the source would be."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from termcheck.checks.base import Batch, Check, register
from termcheck.lang import base_code, lengths, memo, repeats, scripts
from termcheck.lang.zh import numeral_runs
from termcheck.model import Finding, Segment, Severity

MODEL_HAN_FACTOR = 3.587  # English letters per Han character (see MODEL)
_HAN = scripts.HAN_RE
_ALNUM = re.compile(r"[A-Za-z0-9]")
_LETTER = re.compile(r"[^\W_]")


@memo.shared  # accuracy.omission and accuracy.addition both measure each segment
def measure_source(zh: str) -> tuple[int, int]:
    """(Han characters, Latin letters and digits) of a Chinese text; a number written in characters
    counts as the digits it is written with in English (二〇一五年 -> 2015: 4, 第一百二十三条 -> 123: 3),
    never more than its characters would."""
    s = unicodedata.normalize("NFKC", zh)
    han, other = len(_HAN.findall(s)), len(_ALNUM.findall(s))
    for start, end, value in numeral_runs(s):
        chars = len(_HAN.findall(s, start, end))  # 〇 is no Han character: it was not counted
        if len(str(value)) < MODEL_HAN_FACTOR * chars:
            han -= chars
            other += len(str(value))
    return han, other


@memo.shared
def measure_target(en: str) -> int:
    """Letters and digits of an English text (spaces and punctuation do not count)."""
    return len(_LETTER.findall(en))


@dataclass(frozen=True, slots=True)
class LengthModel:
    """Expected English length = factor * Han + Latin/digits; log ratio ~ center ± sigma(L).

    sigma(L) = sqrt(s0^2 + k / L): short segments vary more. `score` is the z value of the log
    ratio of actual to expected length (negative: shorter than expected).
    """

    han_factor: float
    center: float
    s0: float
    k: float
    min_expected: float = 20.0

    def expected(self, source: str) -> float:
        han, other = measure_source(source)
        return self.han_factor * han + other

    def sigma(self, expected: float) -> float:
        return math.sqrt(self.s0 ** 2 + self.k / expected)

    def score(self, source: str, target: str) -> tuple[float, float, float] | None:
        """(z, actual/expected ratio, expected length), or None when the source is too short to judge."""
        exp = self.expected(source)
        if exp < self.min_expected:
            return None
        actual = max(measure_target(target), 1)
        r = math.log(actual / exp) - self.center
        return r / self.sigma(exp), actual / exp, exp


# Calibrated by benchmarks/calibrate_length.py on the 8,000 human pairs of ../shared/real-parallel
# (UN Parallel Corpus dev+test, zh->en).
MODEL = LengthModel(han_factor=MODEL_HAN_FACTOR, center=-0.0043, s0=0.1015, k=2.2547)
MODELS = {("zh", "en"): MODEL}


@dataclass(frozen=True, slots=True)
class PairModel:
    """Any other pair: the language pair's letter-ratio model (termcheck.lang.lengths), measured on human
    translations where there are some, else a wide default; its findings are never more than minor."""

    pair: lengths.PairLength
    min_letters: int = 12

    def score(self, source: str, target: str) -> tuple[float, float, float] | None:
        s, t = lengths.letters(source), lengths.letters(target)
        if s < self.min_letters or not t:
            return None
        expected = s * math.exp(self.pair.center)
        return (math.log(t / s) - self.pair.center) / self.pair.sigma(s), t / expected, expected


class _LengthCheck(Check):
    needs = frozenset({"source", "target"})

    def model(self, seg: Segment) -> LengthModel | PairModel | None:
        pair = (base_code(seg.source_lang), base_code(seg.target_lang))
        if pair in MODELS:
            return MODELS[pair]
        return PairModel(lengths.lookup(*pair)) if pair[0] != pair[1] else None

    def scored(self, seg: Segment, *, repeats_once: bool = False) -> tuple[float, float, float] | None:
        """(z, ratio, expected length); with `repeats_once`, against the source with each of its
        repetitions said once (a translation may say 哈哈哈哈 or 好的好的 once)."""
        model = self.model(seg)
        if model is None or not (seg.source or "").strip() or not (seg.target or "").strip():
            return None
        source = repeats.once(seg.source or "", seg.source_lang) if repeats_once else seg.source or ""
        return model.score(source, seg.target or "")


@register
class Omission(_LengthCheck):
    """The target is much shorter than a translation of the source would be: something may be missing.

    Judged against a zh->en length model calibrated on 8,000 human UN translations, with each
    repetition of the source said once (a translation may say it once); the z score is kept in
    the finding. Minor beyond `z`; major when the target is also under `major_ratio` of the
    expected length and the source is long enough to be sure (`major_min_expected` letters).
    """

    id = "accuracy.omission"
    category = "accuracy/omission"
    severity = Severity.MINOR
    options: ClassVar[Mapping[str, Any]] = {"z": 4.5, "major_z": 6.0, "major_ratio": 0.45, "major_min_expected": 80.0}

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        s = self.scored(seg)
        if s is None or s[0] > -self.opts["z"]:
            return
        s = self.scored(seg, repeats_once=True)  # only ever shorter: worth it only for an outlier
        if s is None:
            return
        z, ratio, exp = s
        if z > -self.opts["z"]:
            return
        o = self.opts
        major = (z <= -o["major_z"] and ratio <= o["major_ratio"] and exp >= o["major_min_expected"]
                 and not isinstance(self.model(seg), PairModel))
        yield self.finding(seg, f"the target is {ratio:.0%} of the length a translation of this source usually has "
                           f"(z = {z:.1f}): part of the source may be untranslated",
                           severity=Severity.MAJOR if major else None, score=round(z, 3))


@register
class Addition(_LengthCheck):
    """The target is much longer than a translation of the source would be: something may be added.

    The same calibrated model as accuracy.omission, in the other direction.
    """

    id = "accuracy.addition"
    category = "accuracy/addition"
    severity = Severity.MINOR
    options: ClassVar[Mapping[str, Any]] = {"z": 4.5}

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        s = self.scored(seg)
        if s is None:
            return
        z, ratio, _ = s
        if z >= self.opts["z"]:
            yield self.finding(seg, f"the target is {ratio:.1f} times the length a translation of this source usually "
                               f"has (z = {z:.1f}): it may add content not in the source", score=round(z, 3))
