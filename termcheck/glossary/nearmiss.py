"""Near misses: a window of the target that looks like a garbled form of an expected rendering."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from termcheck import lang as langs
from termcheck.glossary.analysis import SegmentTerms
from termcheck.glossary.model import Glossary
from termcheck.model import Segment, pickled_by_fields

_WORD = re.compile(r"[^\W_]+(?:[-‐‑'’][^\W_]+)*")


def _fold(s: str) -> str:
    return re.sub(r"[\W_]+", " ", s.lower().replace("-", "").replace("‐", "")).strip()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class NearMiss:
    """The best window of the target resembling an expected rendering."""

    start: int
    end: int
    expected: str
    score: float


def near_miss(target: str, renderings: Iterable[str], min_score: float,
              declined: Callable[[str, str], bool] | None = None) -> NearMiss | None:
    """Best word window of `target` close to (but not equal to) one of `renderings`; with `declined` (the target
    language's, where it declines at word ends) a window whose words differ from the rendering's only as
    declined forms do is no near miss."""
    words = [(m.start(), m.end(), _fold(m.group())) for m in _WORD.finditer(target)]
    best: NearMiss | None = None
    for rendering in renderings:
        exp = _fold(rendering)
        n = len(exp.split())
        if not exp:
            continue
        if declined is not None and any(  # the rendering is there, declined (ministros dos negócios): no near miss
                all(declined(w[2], e) for w, e in zip(words[i:i + n], exp.split(), strict=True))
                for i in range(0, max(0, len(words) - n + 1))):
            return None
        for size in {max(1, n - 1), n, n + 1}:
            for i in range(0, max(0, len(words) - size + 1)):
                window = " ".join(w[2] for w in words[i:i + size])
                if window == exp or abs(len(window) - len(exp)) > max(3, len(exp) // 3):
                    continue
                if exp.replace(" ", "") in window.replace(" ", "") or window.replace(" ", "") in exp.replace(" ", ""):
                    continue  # an affixed or shortened form (international / national) is another word
                score = fuzz.ratio(exp, window)
                if n == 1 and size == 1:
                    score = max(score, JaroWinkler.normalized_similarity(exp, window) * 100 - 5)
                if score >= min_score and (best is None or score > best.score):
                    best = NearMiss(words[i][0], words[i + size - 1][1], rendering, score)
    return best


def batch_near_misses(segments: Sequence[Segment], terms: Sequence[SegmentTerms], glossary: Glossary, lang: str,
                      min_score: float) -> dict[tuple[int, int], NearMiss]:
    """Near misses for every missing term use of a batch: (segment position, entry) -> the near miss."""
    out: dict[tuple[int, int], NearMiss] = {}
    declined = getattr(langs.get(lang), "declined", None)
    for i, (seg, found) in enumerate(zip(segments, terms, strict=True)):
        if not seg.target:
            continue
        for use in found.uses:
            if use.status == "missing":
                renderings = [t.text for t in glossary.entries[use.entry].terms_in(lang, ok=True)]
                nm = near_miss(seg.target, renderings, min_score, declined)
                if nm is not None:
                    out[(i, use.entry)] = nm
    return out
