"""Time every report format, and the baseline split, on a real MT run of the UN sample.

Usage: python benchmarks/reports.py [--segments 8000] [--mt opusmt|liam] [--repeat 3]

The report is computed once (all checks and metrics, bundled glossary, segments kept); then each
renderer turns it into bytes `--repeat` times and the best time is shown with the output size.
Needs ../shared/real-parallel (not part of the project).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from termcheck import baseline
from termcheck.api import check
from termcheck.gate import Policy, apply
from termcheck.model import Origin, Segment
from termcheck.report import FORMATS, renderer

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "real-parallel"


def segments(n: int, mt: str) -> list[Segment]:
    path = DATA / f"un-zh-en.mt-{mt}.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][:n]
    return [Segment(str(i + 1), r["source"], r["result"], i, path.name, None, Origin(str(path), i + 1))
            for i, r in enumerate(rows)]


def best(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--segments", type=int, default=8000)
    ap.add_argument("--mt", default="opusmt", choices=["opusmt", "liam"])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    segs = segments(args.segments, args.mt)
    t = time.perf_counter()
    report = apply(check(segs, keep_segments=True), Policy())
    print(f"{len(segs)} segments, {len(report.findings)} findings; check run {time.perf_counter() - t:.1f} s")
    print(f"{'format':<10} {'seconds':>8} {'MB':>8}")
    for fmt in sorted(FORMATS):
        seconds, data = best(lambda fmt=fmt: renderer(fmt)(report), args.repeat)
        print(f"{fmt:<10} {seconds:8.3f} {len(data) / 1e6:8.2f}")  # type: ignore[arg-type]
    accepted = baseline.loads(baseline.from_report(report))
    seconds, _ = best(lambda: baseline.apply(report, accepted), args.repeat)
    print(f"{'baseline':<10} {seconds:8.3f} {'':>8}  (split {len(report.findings)} findings against a baseline)")


if __name__ == "__main__":
    main()
