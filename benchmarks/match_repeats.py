"""Term matching on one segment repeating a term 12k/24k/48k times: the longest-match pass must stay O(n log n)."""

from __future__ import annotations

import sys
import time

from termcheck.glossary.load import load
from termcheck.glossary.match import Matcher


def main() -> None:
    matcher = Matcher(load())
    term = next(t.text for e in matcher.glossary.entries for t in e.terms if t.lang == "zh" and len(t.text) >= 4)
    for n in (12_000, 24_000, 48_000):
        text = term * n
        t0 = time.perf_counter()
        hits = matcher.source_hits(text)
        print(f"{n:>6} repeats of {term}: {len(hits)} hits in {time.perf_counter() - t0:.2f} s", file=sys.stdout)


if __name__ == "__main__":
    main()
