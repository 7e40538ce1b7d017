"""Calibrate accuracy.meaning: sentence similarity of human UN pairs against mismatched pairs.

    python benchmarks/calibrate_meaning.py [-n 1500]

Needs the semantic extra (pip install "termcheck[semantic]"). Prints percentiles of the cosine
similarity of human zh-en pairs (low end) and of shuffled, unrelated pairs (high end), and the
share of each that the default threshold flags.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from termcheck.align.semantic import available, embed
from termcheck.checks.meaning import Meaning

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "real-parallel" / "un-zh-en.ref.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1500)
    a = ap.parse_args()
    if not available():
        raise SystemExit('needs the semantic extra: pip install "termcheck[semantic]"')
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")][: a.n]
    z, e = embed([r["zh"] for r in rows]), embed([r["en"] for r in rows])
    human = (z * e).sum(axis=1)
    shuffled = (z * e[np.random.default_rng(1).permutation(len(rows))]).sum(axis=1)
    print(f"{len(rows)} pairs   percentile: human pairs (low end) | mismatched pairs (high end)")
    for q in (0.1, 0.5, 1, 2, 5, 50):
        print(f"  {q:>4}%   {np.percentile(human, q):.3f} | {np.percentile(shuffled, 100 - q):.3f}")
    t = Meaning.options["min_similarity"]
    print(f"threshold {t}: flags {np.mean(human < t):.2%} of human pairs, {np.mean(shuffled < t):.2%} of mismatched")


if __name__ == "__main__":
    main()
