"""Length models per language pair: how the letters of a human translation relate to its source's."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from termcheck.lang import scripts
from termcheck.lang.codes import base_code

_LETTERS = re.compile(r"[^\W_]+")


def letters(text: str) -> int:
    """Letters and digits of a text in any script (Han characters count one each)."""
    return sum(map(len, _LETTERS.findall(text)))  # runs, not one string per letter


@dataclass(frozen=True, slots=True)
class PairLength:
    """log(target letters / source letters) ~ center ± sigma(L), sigma(L) = sqrt(s0^2 + k / L).

    `spread` is the robust spread over all pairs measured; `n` how many; `data` where from
    ("UN sample", "tatoeba", or "default" for a conservative guess without data).
    """

    center: float
    spread: float
    s0: float
    k: float
    n: int
    data: str

    def sigma(self, source_letters: int) -> float:
        return math.sqrt(self.s0 ** 2 + self.k / max(source_letters, 1))

    def z(self, source: str, target: str) -> float | None:
        """How many sigmas the target's length is from the expected one (None for an empty side)."""
        s, t = letters(source), letters(target)
        if not s or not t:
            return None
        return (math.log(t / s) - self.center) / self.sigma(s)

    def reversed(self) -> PairLength:
        return PairLength(-self.center, self.spread, self.s0, self.k, self.n, self.data)


# printed by benchmarks/calibrate_lengths.py (UN sample: 8,000 official zh-en pairs; tatoeba: short
# everyday sentences, the wrong pairs its README names left out)
MEASURED: dict[tuple[str, str], PairLength] = {
    ('de', 'en'): PairLength(-0.174, 0.2, 0.183, 0.168, 379, 'tatoeba'),
    ('en', 'de'): PairLength(0.174, 0.2, 0.12, 1.135, 379, 'tatoeba'),
    ('en', 'fr'): PairLength(0.159, 0.206, 0.138, 0.503, 586, 'tatoeba'),
    ('en', 'zh'): PairLength(-1.229, 0.194, 0.165, 4.226, 8000, 'UN sample'),
    ('es', 'zh'): PairLength(-1.099, 0.298, 0.12, 2.346, 904, 'tatoeba'),
    ('fr', 'en'): PairLength(-0.159, 0.206, 0.167, 0.364, 586, 'tatoeba'),
    ('fr', 'zh'): PairLength(-1.182, 0.269, 0.12, 4.445, 766, 'tatoeba'),
    ('ru', 'zh'): PairLength(-1.168, 0.394, 0.298, 1.101, 507, 'tatoeba'),
    ('zh', 'en'): PairLength(1.229, 0.194, 0.144, 0.645, 8000, 'UN sample'),
    ('zh', 'es'): PairLength(1.099, 0.298, 0.137, 0.49, 904, 'tatoeba'),
    ('zh', 'fr'): PairLength(1.182, 0.269, 0.12, 0.742, 766, 'tatoeba'),
    ('zh', 'ru'): PairLength(1.168, 0.394, 0.151, 0.825, 507, 'tatoeba'),
}

# without data: the log ratio of one script's letters to another's, from the measured pairs' medians
# (a Han character carries about as much as three Latin or Cyrillic letters), and a wide spread
_SCRIPT_CENTER = {("Han", "Latin"): 1.15, ("Han", "Cyrillic"): 1.15, ("Latin", "Cyrillic"): 0.0,
                  ("Latin", "Latin"): 0.0, ("Cyrillic", "Cyrillic"): 0.0, ("Han", "Han"): 0.0}
DEFAULT_SPREAD = 0.45


def lookup(source_lang: str, target_lang: str) -> PairLength:
    """The model for a pair: measured, or measured the other way round, or a conservative default."""
    src, tgt = base_code(source_lang), base_code(target_lang)
    if (src, tgt) in MEASURED:
        return MEASURED[(src, tgt)]
    if (tgt, src) in MEASURED:
        return MEASURED[(tgt, src)].reversed()
    a, b = scripts.script_of(src), scripts.script_of(tgt)
    if (a, b) in _SCRIPT_CENTER:
        center = _SCRIPT_CENTER[(a, b)]
    elif (b, a) in _SCRIPT_CENTER:
        center = -_SCRIPT_CENTER[(b, a)]
    else:
        center = 0.0
    return PairLength(center, DEFAULT_SPREAD, DEFAULT_SPREAD, 4.0, 0, "default")
