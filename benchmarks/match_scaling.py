"""Time term matching against glossaries of 1k, 10k and 100k entries on the same UN corpus.

Usage: python benchmarks/match_scaling.py [--sizes 1000 10000 100000] [--segments 8000]

Glossary entries are built from the corpus itself (Chinese substrings of 2-6 characters and
English word n-grams of 1-4 words, sampled with a fixed seed), so that terms really occur.
Reports automaton build time (wall; read back from the cache folder after a first run) and matching
throughput in CPU time, the best of --repeat passes (source + target matching and the per-segment term
analysis, i.e. what the terminology checks consume).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

from termcheck.glossary.analysis import analyse
from termcheck.glossary.match import Matcher
from termcheck.glossary.model import Entry, Glossary, Status, Term
from termcheck.model import Segment

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "real-parallel" / "un-zh-en.ref.jsonl"


def corpus(n: int) -> list[Segment]:
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")][:n]
    return [Segment(str(i + 1), r["zh"], r["en"], i) for i, r in enumerate(rows)]


def glossary(segments: list[Segment], size: int, seed: int = 13) -> Glossary:
    rng = random.Random(seed)
    zh_terms: set[str] = set()
    en_terms: set[str] = set()
    while len(zh_terms) < size or len(en_terms) < size:
        seg = rng.choice(segments)
        han = re.findall(r"[\u4e00-\u9fff]{2,}", seg.source or "")
        if han and len(zh_terms) < size:
            run = rng.choice(han)
            k = rng.randint(2, min(6, len(run)))
            i = rng.randint(0, len(run) - k)
            zh_terms.add(run[i:i + k])
        words = re.findall(r"[A-Za-z][A-Za-z-]+", seg.target or "")
        if len(words) >= 4 and len(en_terms) < size:
            k = rng.randint(1, 4)
            i = rng.randint(0, len(words) - k)
            en_terms.add(" ".join(words[i:i + k]))
    zh_list, en_list = sorted(zh_terms)[:size], sorted(en_terms)[:size]
    rng.shuffle(en_list)
    entries = []
    for i, (z, e) in enumerate(zip(zh_list, en_list, strict=True)):
        status = Status.FORBIDDEN if i % 10 == 0 else Status.PREFERRED
        entries.append(Entry(f"t{i}", (Term(z, "zh"), Term(e, "en", status))))
    return Glossary(tuple(entries))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--segments", type=int, default=8000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    segs = corpus(a.segments)
    print(f"corpus: {len(segs)} UN segments ({sum(len(s.source) for s in segs)} zh chars)")
    print(f"{'entries':>8} {'build s':>8} {'match CPU s':>11} {'segments/s':>11} {'us/segment':>11} {'term uses':>10}")
    for size in a.sizes:
        g = glossary(segs, size)
        t0 = time.perf_counter()
        m = Matcher(g)
        build = time.perf_counter() - t0
        for s in segs[:50]:  # warm up: jieba loads its dictionary lazily on the first short hit
            analyse(m, s)
        best = float("inf")
        uses = 0
        for _ in range(a.repeat):  # CPU time: on a shared virtual machine wall time also counts the neighbours
            t0 = time.process_time()
            uses = sum(len(analyse(m, s).uses) for s in segs)
            best = min(best, time.process_time() - t0)
        print(f"{size:>8} {build:>8.2f} {best:>11.2f} {len(segs) / best:>11.0f} {best / len(segs) * 1e6:>11.1f} "
              f"{uses:>10}")


if __name__ == "__main__":
    main()
