#!/usr/bin/env python3
"""Where a run's CPU goes: the main process's own and its workers' (with `--jobs N`), and the wall time.

    python benchmarks/cpu_split.py check pairs.jsonl --jobs 2 --format json -o out.json

The arguments are termcheck's; the run is made in this process (as `termcheck` would), so the CPU time of
this process is the main process's, and that of its children the workers'. Prints one line on stderr.
"""

from __future__ import annotations

import resource
import sys
import time


def main(argv: list[str]) -> int:
    from termcheck.cli import main as termcheck

    start = time.perf_counter()
    try:
        code = termcheck(argv)
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"wall {time.perf_counter() - start:.1f} s, CPU: main process {own.ru_utime + own.ru_stime:.1f} s, "
          f"workers {workers.ru_utime + workers.ru_stime:.1f} s (exit {code})", file=sys.stderr)
    return code or 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
