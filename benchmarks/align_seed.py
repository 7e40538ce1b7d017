#!/usr/bin/env python3
"""Omissions in the seed readout: delete each English sentence in turn, align the paragraph, and count
how often the omission is reported at the right Chinese sentence (or one off).

    python benchmarks/align_seed.py [--glossary FILE] [--semantic]

Default glossary: the bundled one (its terms are anchors). --semantic needs termcheck[semantic].
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from termcheck.align.segments import aligned_segments
from termcheck.glossary.load import load
from termcheck.glossary.match import Matcher

CORPORA = Path(__file__).resolve().parents[1] / "corpora"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--glossary", type=Path, action="append")
    ap.add_argument("--semantic", action="store_true")
    args = ap.parse_args(argv)
    zh = (CORPORA / "readout-2024-02-16.zh.txt").read_text(encoding="utf-8").splitlines()
    en = (CORPORA / "readout-2024-02-16.mt.lines.en.txt").read_text(encoding="utf-8").splitlines()
    matcher = Matcher(load(args.glossary))
    exact = near = 0
    for k in range(len(en)):
        draft = " ".join(en[:k] + en[k + 1:])
        segs = list(aligned_segments(("zh", zh), ("en", [draft]), None, doc="seed", matcher=matcher,
                                     semantic=args.semantic))
        lone = [int(s.id) for s in segs if s.alignment == "1-0"]
        ok = lone == [k + 1]
        exact += ok
        near += ok or (len(lone) == 1 and abs(lone[0] - (k + 1)) == 1)
        print(f"sentence {k + 1:>2} deleted: unaligned {lone} {'ok' if ok else ''}")
    n = len(en)
    print(f"omission at the right sentence: {exact}/{n}; within one sentence: {near}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
