"""Sentence alignment by dynamic programming over beads (Gale–Church length model plus lexical anchors)."""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from termcheck.align.lengths import LengthModel


@dataclass(frozen=True, slots=True)
class Bead:
    """Source sentences [source[0], source[1]) translated by target sentences [target[0], target[1])."""

    source: tuple[int, int]
    target: tuple[int, int]
    cost: float = 0.0

    @property
    def kind(self) -> str:
        """`1-1`, `2-1`, `1-0` (source sentence with no translation), `0-1` (target with no source), ..."""
        return f"{self.source[1] - self.source[0]}-{self.target[1] - self.target[0]}"


def _default_priors() -> dict[tuple[int, int], float]:
    return {(1, 1): 0.89, (1, 0): 0.005, (0, 1): 0.005, (2, 1): 0.045, (1, 2): 0.045, (2, 2): 0.011,
            (3, 1): 0.002, (1, 3): 0.002}


@dataclass(frozen=True)
class Params:
    """Bead priors (Gale–Church, with 1-3/3-1 added for over-split machine output) and anchor weight."""

    priors: Mapping[tuple[int, int], float] = field(default_factory=_default_priors)
    anchor_weight: float = 2.0  # nats per anchor (number, name, glossary term) shared by a bead's two sides
    paragraph_cost: float = 5.0  # nats for a bead joining sentences of two paragraphs (lines) of one side
    band: int = 30  # initial half-width of the search band, in sentences

    def prior_cost(self, a: int, b: int) -> float:
        return -math.log(self.priors[(a, b)])


DEFAULT = Params()


class _Scorer:
    """Bead costs from sentence lengths and anchors."""

    def __init__(self, ls: Sequence[float], lt: Sequence[float], sa: Sequence[Counter[str]],
                 ta: Sequence[Counter[str]], model: LengthModel, params: Params,
                 sp: Sequence[int] | None = None, tp: Sequence[int] | None = None) -> None:
        self.sp = sp or [0] * len(ls)
        self.tp = tp or [0] * len(lt)
        self.cs = [0.0, *_cumsum(ls)]
        self.ct = [0.0, *_cumsum(lt)]
        self.sa, self.ta = sa, ta
        self.model = model
        self.params = params
        self.prior = {k: params.prior_cost(*k) for k in params.priors}

    def cost(self, i: int, j: int, a: int, b: int) -> float:
        """Cost of the bead ending at source i, target j, taking a source and b target sentences."""
        c = self.prior[(a, b)]
        if a and b:
            c += self.model.cost(self.cs[i] - self.cs[i - a], self.ct[j] - self.ct[j - b])
            shared = _shared(self.sa, i - a, i, self.ta, j - b, j)
            if shared:
                c -= self.params.anchor_weight * shared
        if a > 1 and self.sp[i - a] != self.sp[i - 1]:
            c += self.params.paragraph_cost * (self.sp[i - 1] - self.sp[i - a])
        if b > 1 and self.tp[j - b] != self.tp[j - 1]:
            c += self.params.paragraph_cost * (self.tp[j - 1] - self.tp[j - b])
        return c


def _cumsum(xs: Sequence[float]) -> list[float]:
    out, t = [], 0.0
    for x in xs:
        t += x
        out.append(t)
    return out


def _shared(sa: Sequence[Counter[str]], s0: int, s1: int, ta: Sequence[Counter[str]], t0: int, t1: int) -> int:
    if s1 - s0 == 1:
        src = sa[s0]
    else:
        src = Counter()
        for k in range(s0, s1):
            src.update(sa[k])
    if not src:
        return 0
    if t1 - t0 == 1:
        tgt = ta[t0]
    else:
        tgt = Counter()
        for k in range(t0, t1):
            tgt.update(ta[k])
    return sum(min(v, tgt[k]) for k, v in src.items() if k in tgt)


def _band(cs: Sequence[float], ct: Sequence[float], width: int) -> tuple[list[int], list[int]]:
    """Per source position, the target positions searched: around the length-proportional diagonal."""
    n, m = len(cs) - 1, len(ct) - 1
    ts, tt = cs[-1] or 1.0, ct[-1] or 1.0
    lo, hi = [], []
    for i in range(n + 1):
        centre = bisect.bisect_left(ct, cs[i] / ts * tt) if n else 0
        lo.append(max(0, centre - width))
        hi.append(min(m, centre + width))
    lo[0], hi[-1] = 0, m
    for i in range(1, n + 1):  # consecutive rows overlap, so every row can be reached
        lo[i] = min(lo[i], hi[i - 1])
    return lo, hi


def align(source_lengths: Sequence[float], target_lengths: Sequence[float],
          source_anchors: Sequence[Counter[str]], target_anchors: Sequence[Counter[str]],
          model: LengthModel, params: Params = DEFAULT, source_paragraphs: Sequence[int] | None = None,
          target_paragraphs: Sequence[int] | None = None) -> list[Bead]:
    """The cheapest sequence of beads covering both sides, in order.

    `*_paragraphs` give each sentence's paragraph number (non-decreasing): a bead joining sentences
    of different paragraphs of one side costs more.
    """
    n, m = len(source_lengths), len(target_lengths)
    scorer = _Scorer(source_lengths, target_lengths, source_anchors, target_anchors, model, params,
                     source_paragraphs, target_paragraphs)
    width = max(params.band, abs(n - m) + 10)
    while True:
        lo, hi = _band(scorer.cs, scorer.ct, width)
        beads, touched = _search(n, m, lo, hi, scorer)
        if not touched or width >= max(n, m):
            return beads
        width *= 2


def _search(n: int, m: int, lo: list[int], hi: list[int], scorer: _Scorer) -> tuple[list[Bead], bool]:
    inf = math.inf
    kinds = list(scorer.prior)
    cost: list[list[float]] = []
    back: list[list[tuple[int, int]]] = []
    for i in range(n + 1):
        row_c = [inf] * (hi[i] - lo[i] + 1)
        row_b = [(0, 0)] * len(row_c)
        for j in range(lo[i], hi[i] + 1):
            if i == 0 and j == 0:
                row_c[0] = 0.0
                continue
            best, arg = inf, (0, 0)
            for a, b in kinds:
                pi, pj = i - a, j - b
                if pi < 0 or pj < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                prev = cost[pi][pj - lo[pi]] if pi < i else row_c[pj - lo[i]]
                if prev == inf:
                    continue
                c = prev + scorer.cost(i, j, a, b)
                if c < best:
                    best, arg = c, (a, b)
            row_c[j - lo[i]] = best
            row_b[j - lo[i]] = arg
        cost.append(row_c)
        back.append(row_b)
    beads: list[Bead] = []
    i, j = n, m
    touched = False
    while i > 0 or j > 0:
        a, b = back[i][j - lo[i]]
        if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
            touched = True
        c = cost[i][j - lo[i]] - cost[i - a][j - b - lo[i - a]]
        beads.append(Bead((i - a, i), (j - b, j), c))
        i, j = i - a, j - b
    beads.reverse()
    return beads, touched
