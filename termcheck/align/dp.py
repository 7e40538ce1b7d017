"""Sentence alignment by dynamic programming over beads (Gale–Church length model plus lexical anchors)."""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

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
    # a short piece (under `fragment` target characters) that is not the last of its bead: fragments of
    # over-split text belong to the sentence before them more often than to the one after
    fragment: float = 25.0
    fragment_cost: float = 1.0
    # consecutive sentences without counterpart (a skipped paragraph) are one gap: opening it costs the
    # 1-0 prior, each further sentence `gap_extend` (as affine gaps in sequence alignment); without this
    # a long gap is scattered among chance length matches
    gap_extend: float = 1.0
    # with sentence embeddings (termcheck[semantic]): nats per unit of cosine similarity above the
    # document's baseline (the median similarity of unrelated sentences)
    semantic_weight: float = 12.0
    # with a bilingual dictionary (zh–en: CC-CEDICT): weight of its log-likelihood ratio (lexicon.Lexical)
    lexical_weight: float = 1.0
    # share of a translation's words whose dictionary translation shows beyond chance, until measured on
    # the document's first alignment (each side's own, from its 1-1 beads)
    lexical_recall: float = 0.6
    band: int = 30  # initial half-width of the search band, in sentences
    corridor: int = 8  # half-width of the search around an earlier alignment, in sentences

    def prior_cost(self, a: int, b: int) -> float:
        return -math.log(self.priors[(a, b)])


DEFAULT = Params()


class _Scorer:
    """Bead costs from sentence lengths and anchors."""

    def __init__(self, ls: Sequence[float], lt: Sequence[float], sa: Sequence[Mapping[str, float]],
                 ta: Sequence[Mapping[str, float]], model: LengthModel, params: Params,
                 sp: Sequence[int] | None = None, tp: Sequence[int] | None = None, similarity: Any = None,
                 lexical: Any = None) -> None:
        self.similarity = similarity
        self.lexical = lexical
        self.sp = sp or [0] * len(ls)
        self.tp = tp or [0] * len(lt)
        self.s_short = [x * model.ratio < params.fragment for x in ls]
        self.t_short = [x < params.fragment for x in lt]
        self.cs = [0.0, *_cumsum(ls)]
        self.ct = [0.0, *_cumsum(lt)]
        self.sa, self.ta = sa, ta
        self.model = model
        self.params = params
        self.prior = {k: params.prior_cost(*k) for k in params.priors}
        longest = max(max(a, b) for a, b in params.priors)
        self._src = _runs(sa, longest)
        self._tgt = _runs(ta, longest)

    def cost(self, i: int, j: int, a: int, b: int) -> float:
        """Cost of the bead ending at source i, target j, taking a source and b target sentences (a, b ≥ 1)."""
        c = self.prior[(a, b)]
        c += self.model.cost(self.cs[i] - self.cs[i - a], self.ct[j] - self.ct[j - b])
        src = self._src[a - 1][i - a]
        if src:
            tgt = self._tgt[b - 1][j - b]
            if tgt:
                c -= self.params.anchor_weight * _shared(src, tgt)
        if self.similarity is not None:
            sim = self.similarity(i - a, i, j - b, j)
            c -= self.params.semantic_weight * (sim - self.similarity.baseline)
        if self.lexical is not None:
            c -= self.params.lexical_weight * self.lexical(i - a, i, j - b, j)
        if a > 1:
            c += self.params.fragment_cost * sum(self.s_short[i - a:i - 1])
            if self.sp[i - a] != self.sp[i - 1]:
                c += self.params.paragraph_cost * (self.sp[i - 1] - self.sp[i - a])
        if b > 1:
            c += self.params.fragment_cost * sum(self.t_short[j - b:j - 1])
            if self.tp[j - b] != self.tp[j - 1]:
                c += self.params.paragraph_cost * (self.tp[j - 1] - self.tp[j - b])
        return c


def _cumsum(xs: Sequence[float]) -> list[float]:
    out, t = [], 0.0
    for x in xs:
        t += x
        out.append(t)
    return out


def _runs(anchors: Sequence[Mapping[str, float]], longest: int) -> list[list[dict[str, float]]]:
    """runs[k-1][i]: the anchors of sentences i .. i+k-1 together, for k up to `longest`."""
    out = [[dict(c) for c in anchors]]
    for k in range(2, longest + 1):
        row = []
        for i in range(len(anchors)):
            merged: dict[str, float] = {}
            for c in anchors[i:i + k]:
                for key, v in c.items():
                    merged[key] = merged.get(key, 0) + v
            row.append(merged)
        out.append(row)
    return out


def _shared(src: dict[str, float], tgt: dict[str, float]) -> float:
    if len(tgt) < len(src):
        src, tgt = tgt, src
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
          source_anchors: Sequence[Mapping[str, float]], target_anchors: Sequence[Mapping[str, float]],
          model: LengthModel, params: Params = DEFAULT, source_paragraphs: Sequence[int] | None = None,
          target_paragraphs: Sequence[int] | None = None, similarity: Any = None,
          lexical: Any = None, near: Sequence[Bead] | None = None) -> list[Bead]:
    """The cheapest sequence of beads covering both sides, in order.

    `*_paragraphs` give each sentence's paragraph number (non-decreasing): a bead joining sentences
    of different paragraphs of one side costs more. `similarity(s0, s1, t0, t1)` (optional, with a
    `baseline` attribute) scores how alike two groups of sentences are in meaning; `lexical(s0, s1,
    t0, t1)` (optional) is dictionary evidence that they translate each other, in nats. `near`: an
    earlier alignment; the search keeps within `params.corridor` sentences of it (widening where the
    path runs along the corridor's edge) instead of around the length diagonal.
    """
    n, m = len(source_lengths), len(target_lengths)
    scorer = _Scorer(source_lengths, target_lengths, source_anchors, target_anchors, model, params,
                     source_paragraphs, target_paragraphs, similarity, lexical)
    if near is not None:
        width = params.corridor
        lo, hi = _corridor(near, n, m, width)
    else:
        width = max(params.band, abs(n - m) + 10)
        lo, hi = _band(scorer.cs, scorer.ct, width)
    beads, touched = _search(n, m, lo, hi, scorer)
    # a path at the band's edge, or (around the diagonal) one with a long run of unaligned sentences,
    # may be a detour forced by the band (a long gap runs far off the diagonal): search a band twice as
    # wide while that finds a cheaper path (scattered single omissions do not: on a document of
    # thousands of sentences each wider search costs seconds)
    while (touched or (near is None and _longest_gap(beads) >= width // 4)) and width < max(n, m):
        width *= 2
        lo, hi = _corridor(near, n, m, width) if near is not None else _band(scorer.cs, scorer.ct, width)
        wider, touched = _search(n, m, lo, hi, scorer)
        if sum(b.cost for b in wider) >= sum(b.cost for b in beads) - 1e-9:
            break
        beads = wider
    return beads


def _longest_gap(beads: Sequence[Bead]) -> int:
    """The longest run of consecutive unaligned sentences of one side in a path."""
    longest = run = 0
    kind = ""
    for b in beads:
        k = b.kind if b.kind in ("1-0", "0-1") else ""
        run = run + 1 if k and k == kind else (1 if k else 0)
        kind = k
        longest = max(longest, run)
    return longest


def _corridor(beads: Sequence[Bead], n: int, m: int, width: int) -> tuple[list[int], list[int]]:
    """Per source position, the target positions within `width` of those an alignment passes through."""
    first: list[int | None] = [None] * (n + 1)
    last: list[int | None] = [None] * (n + 1)
    for b in beads:
        for i, j in ((b.source[0], b.target[0]), (b.source[1], b.target[1])):
            first[i] = j if first[i] is None else min(first[i], j)
            last[i] = j if last[i] is None else max(last[i], j)
    prev = 0
    for i in range(n + 1):  # inside a bead of several source sentences: the bead's targets so far
        if first[i] is None:
            first[i] = last[i] = prev
        prev = last[i]
    lo = [max(0, j - width) for j in first]
    hi = [min(m, j + width) for j in last]
    lo[0], hi[-1] = 0, m
    for i in range(1, n + 1):  # consecutive rows overlap, so every row can be reached
        lo[i] = min(lo[i], hi[i - 1])
    return lo, hi


def _search(n: int, m: int, lo: list[int], hi: list[int], scorer: _Scorer) -> tuple[list[Bead], bool]:
    """Best path within the band; gaps are affine (a run of unaligned sentences is one gap)."""
    inf = math.inf
    kinds = [k for k in scorer.prior if k[0] and k[1]]
    # the last bead of a cell's best path, as an index into `moves` (rows are typed arrays: a search
    # over thousands of sentences holds millions of cells)
    moves = (*kinds, (1, 0), (0, 1), (0, 0))
    skip_s, skip_t, none = len(kinds), len(kinds) + 1, len(kinds) + 2
    open_s, open_t = scorer.prior[(1, 0)], scorer.prior[(0, 1)]
    ext = scorer.params.gap_extend
    best: list[array[float]] = []  # best cost at (i, j), whatever the last bead
    gs: list[array[float]] = []  # best cost ending with an unaligned source sentence
    gt: list[array[float]] = []  # best cost ending with an unaligned target sentence
    back: list[bytearray] = []  # the last bead of the best path (index into `moves`)
    gs_open: list[bytearray] = []  # whether the gap ending here opens here
    gt_open: list[bytearray] = []
    cost = scorer.cost
    for i in range(n + 1):
        width = hi[i] - lo[i] + 1
        rb, rs, rt = array("d", [inf]) * width, array("d", [inf]) * width, array("d", [inf]) * width
        rk = bytearray([none]) * width
        ro_s, ro_t = bytearray(width), bytearray(width)
        li = lo[i]
        up = i - 1 >= 0
        for j in range(li, hi[i] + 1):
            x = j - li
            if i == 0 and j == 0:
                rb[0] = 0.0
                continue
            b_val, b_kind = inf, none
            for k, (a, b) in enumerate(kinds):
                pi, pj = i - a, j - b
                if pi < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                prev = best[pi][pj - lo[pi]]
                if prev == inf:
                    continue
                c = prev + cost(i, j, a, b)
                if c < b_val:
                    b_val, b_kind = c, k
            if up and lo[i - 1] <= j <= hi[i - 1]:  # source sentence i-1 left unaligned
                y = j - lo[i - 1]
                o, e = best[i - 1][y] + open_s, gs[i - 1][y] + ext
                rs[x], ro_s[x] = (o, True) if o <= e else (e, False)
                if rs[x] < b_val:
                    b_val, b_kind = rs[x], skip_s
            if j > li:  # target sentence j-1 left unaligned
                o, e = rb[x - 1] + open_t, rt[x - 1] + ext
                rt[x], ro_t[x] = (o, True) if o <= e else (e, False)
                if rt[x] < b_val:
                    b_val, b_kind = rt[x], skip_t
            rb[x], rk[x] = b_val, b_kind
        best.append(rb)
        gs.append(rs)
        gt.append(rt)
        back.append(rk)
        gs_open.append(ro_s)
        gt_open.append(ro_t)
    beads: list[Bead] = []
    i, j = n, m
    touched = False
    state = None  # None: take the best bead at (i, j); "s"/"t": inside a gap
    while i > 0 or j > 0:
        x = j - lo[i]
        if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
            touched = True
        if state == "s" or (state is None and back[i][x] == skip_s):
            here = gs[i][x]
            opened = gs_open[i][x]
            prev = best[i - 1][j - lo[i - 1]] if opened else gs[i - 1][j - lo[i - 1]]
            beads.append(Bead((i - 1, i), (j, j), here - prev))
            i, state = i - 1, (None if opened else "s")
        elif state == "t" or (state is None and back[i][x] == skip_t):
            here = gt[i][x]
            opened = gt_open[i][x]
            prev = best[i][x - 1] if opened else gt[i][x - 1]
            beads.append(Bead((i, i), (j - 1, j), here - prev))
            j, state = j - 1, (None if opened else "t")
        else:
            a, b = moves[back[i][x]]
            beads.append(Bead((i - a, i), (j - b, j), best[i][x] - best[i - a][j - b - lo[i - a]]))
            i, j = i - a, j - b
    beads.reverse()
    return beads, touched
