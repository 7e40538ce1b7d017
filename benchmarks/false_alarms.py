#!/usr/bin/env python3
"""False alarms and flag rates per check on real UN text: human reference vs two machine translations.

Reads ../shared/real-parallel (not part of the project), runs termcheck with the bundled glossary
on the first N pairs of the human reference and of each MT system, and prints, per check and
severity, the share of segments flagged. Usage (from the project root):

    python benchmarks/false_alarms.py [-n 2500] [--select accuracy,fluency] [--show major] [--sample 10]
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import time
from pathlib import Path

from termcheck.api import check
from termcheck.config import Config
from termcheck.model import Segment, Severity

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "real-parallel"
SYSTEMS = {"human": ("un-zh-en.ref.jsonl", "zh", "en"), "opusmt": ("un-zh-en.mt-opusmt.jsonl", "source", "result"),
           "liam": ("un-zh-en.mt-liam.jsonl", "source", "result")}


def segments(name: str, n: int) -> list[Segment]:
    file, src, tgt = SYSTEMS[name]
    with open(DATA / file, encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(n), f, strict=False)]
    return [Segment(str(i + 1), r[src], r[tgt], i, name) for i, r in enumerate(rows)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=2500)
    ap.add_argument("--select", default="", help="comma-separated check id prefixes (default: all)")
    ap.add_argument("--show", default="", help="print findings of this severity or worse (human and MT)")
    ap.add_argument("--sample", type=int, default=0, help="print a random sample of this many MT findings")
    ap.add_argument("--systems", default="human,opusmt,liam")
    a = ap.parse_args()
    if not DATA.is_dir():
        print(f"no data at {DATA}: nothing to measure", file=sys.stderr)
        return 0
    select = tuple(p for p in a.select.split(",") if p) or ("",)
    rng = random.Random(0)
    for name in a.systems.split(","):
        segs = segments(name, a.n)
        t0 = time.perf_counter()
        rep = check(segs, config=Config(select=select))
        elapsed = time.perf_counter() - t0
        by: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
        major: set[str] = set()
        for f in rep.findings:
            by[(f.check, str(f.severity))].add(f.segment)
            if f.severity >= Severity.MAJOR:
                major.add(f.segment)
        print(f"\n{name}: {len(major) / len(segs):.2%} of {len(segs)} segments with a major or critical finding "
              f"({1000 * elapsed / len(segs):.2f} ms per segment, glossary loading included)")
        for (chk, sev), ids in sorted(by.items()):
            print(f"  {chk:26} {sev:8} {len(ids):5} segments  {len(ids) / len(segs):6.2%}")
        texts = {s.id: s for s in segs}
        shown = [f for f in rep.findings if a.show and f.severity >= Severity.parse(a.show)]
        if a.sample and name != "human":
            shown = rng.sample(list(rep.findings), min(a.sample, len(rep.findings)))
        for f in shown:
            s = texts[f.segment]
            print(f"  s{f.segment} {f.check} {f.severity}: {f.message}\n      target: {f.target_text!r} -> "
                  f"{f.suggestion!r}\n      zh: {s.source[:160]}\n      en: {s.target[:240]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
