#!/usr/bin/env python3
"""CPU time of the analysis stage alone (term matching, batch-local checks, corpus checks' preparation), in one
process, on the first N UN pairs cycling through the human and both machine translations: start-up, reading
and writing left out, so two versions compare on what they do per segment.

    python benchmarks/analyse_stage.py [--pairs 8000]
    PYTHONPATH=/path/to/older/checkout python benchmarks/analyse_stage.py   # the same for another version

One run per process (a second pass in the same process would find texts already analysed); this virtual
machine's speed drifts, so compare versions by alternating runs and taking the best of each.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DATA, pairs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=8000)
    a = ap.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found", file=sys.stderr)
        return 0
    import termcheck
    from termcheck import runner
    from termcheck.config import build
    from termcheck.glossary.load import load
    from termcheck.model import Segment

    segs = [Segment(str(i + 1), s, t, i) for i, (s, t) in enumerate(pairs(a.pairs))]
    run = runner.Run(load(), build())
    # releases before the repetitions memo took a work item as a tuple and kept nothing between batches
    current = isinstance(getattr(runner, "Work", None), type)
    run.warm_up(runner.Work((), segs) if current else ((), segs))  # what loads lazily is loaded before the clock
    t0 = time.process_time()
    items = runner.work_items(runner.batches(segs, build().batch_size))
    if current:
        for work in run.known(items):  # as `Run.execute` feeds the stage
            run.remember(run.analyse(work)[2])
    else:
        for work in items:
            run.analyse(work)
    spent = time.process_time() - t0
    print(f"{termcheck.__file__}: {a.pairs:,} pairs, analysis stage {spent:.2f} s CPU "
          f"({1e6 * spent / a.pairs:.0f} us per pair)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
