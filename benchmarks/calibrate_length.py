#!/usr/bin/env python3
"""Calibrate the zh->en length model of accuracy.omission / accuracy.addition on real UN pairs.

Fits, on the 8,000 human pairs of ../shared/real-parallel: expected English letters =
HAN_FACTOR * Han characters + Latin letters and digits of the source; the log ratio of actual
to expected length; and its spread as a function of the expected length,
sigma(L) = sqrt(S0^2 + K / L) (fitted to the robust spread, 1.4826 * MAD, per length bin).
Prints the constants to paste into termcheck/checks/length.py and the share of human and MT
segments beyond z thresholds. Usage (from the project root):

    python benchmarks/calibrate_length.py
"""

from __future__ import annotations

import itertools
import json
import math
import statistics as st
import sys
from pathlib import Path

from termcheck.checks.length import MODEL, LengthModel, measure_source, measure_target

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "real-parallel"
BINS = [10, 20, 40, 80, 160, 320, 640, 100_000]


def load(name: str, src: str, tgt: str) -> list[tuple[str, str]]:
    with open(DATA / name, encoding="utf-8") as f:
        return [(r[src], r[tgt]) for r in map(json.loads, f)]


def fit(pairs: list[tuple[str, str]]) -> LengthModel:
    meas = [(measure_source(zh), measure_target(en)) for zh, en in pairs]
    factor = st.median((e - o) / h for (h, o), e in meas if h >= 20 and o <= h * 0.1)
    res = [(factor * h + o, math.log(e / (factor * h + o))) for (h, o), e in meas if factor * h + o >= 10 and e]
    center = st.median(r for _, r in res)
    xs, ys = [], []
    for lo, hi in itertools.pairwise(BINS):
        rs = [r for x, r in res if lo <= x < hi]
        if len(rs) >= 50:
            mad = 1.4826 * st.median(abs(r - center) for r in rs)
            xs.append(1 / st.median(x for x, r in res if lo <= x < hi))
            ys.append(mad * mad)
    # least squares for ys = s0^2 + k * xs
    mx, my = st.fmean(xs), st.fmean(ys)
    k = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    s0sq = max(my - k * mx, 1e-4)
    return LengthModel(round(factor, 3), round(center, 4), round(math.sqrt(s0sq), 4), round(k, 4))


def main() -> int:
    if not DATA.is_dir():
        print(f"no data at {DATA}", file=sys.stderr)
        return 0
    human = load("un-zh-en.ref.jsonl", "zh", "en")
    model = fit(human)
    print(f"fitted:    {model}")
    print(f"committed: {MODEL}")
    systems = {"human": human, "opusmt": load("un-zh-en.mt-opusmt.jsonl", "source", "result"),
               "liam": load("un-zh-en.mt-liam.jsonl", "source", "result")}
    print("\nshare of segments beyond z (committed model, expected length >= its minimum):")
    print(f"{'z':>6} " + " ".join(f"{n + ' short':>13} {n + ' long':>12}" for n in systems))
    scores = {n: [MODEL.score(zh, en) for zh, en in pairs] for n, pairs in systems.items()}
    for z in (3.0, 3.5, 4.0, 4.5, 5.0, 6.0):
        cells = []
        for sc in scores.values():
            short = sum(1 for s in sc if s is not None and s[0] <= -z) / len(sc)
            long = sum(1 for s in sc if s is not None and s[0] >= z) / len(sc)
            cells.append(f"{short:13.3%} {long:12.3%}")
        print(f"{z:6.1f} " + " ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
