#!/usr/bin/env python3
"""Throughput: termcheck against Translate Toolkit's pofilter and sacrebleu's chrF++ on the same UN pairs, in
one run, as ratios of wall time; and a large run with --jobs 1 and --jobs N (pairs/s, peak RSS).

    python benchmarks/throughput.py [--pairs 40000] [--big 1000000] [--jobs 2] [--dask local:2]
        [--big-glossary 10000] [--big-jobs 1,N] [--big-distinct]

Needs ../shared/real-parallel (8,000 UN pairs with two machine translations: the pairs cycle through the
human and both machine translations) and, for the peer, `pip install translate-toolkit`. Each tool runs as
its own process on the same units; peak RSS is that process's maximum resident size, the process tree PSS
the peak of the memory of it and its workers together (benchmarks/procmem.py).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from itertools import cycle, islice
from pathlib import Path

import procmem

DATA = Path(__file__).resolve().parents[2] / "shared" / "real-parallel"


def pairs(n: int) -> list[tuple[str, str]]:
    ref = [json.loads(x) for x in (DATA / "un-zh-en.ref.jsonl").open(encoding="utf-8")]
    out = [(r["zh"], r["en"]) for r in ref]
    for name in ("un-zh-en.mt-liam.jsonl", "un-zh-en.mt-opusmt.jsonl"):
        out += [(r["zh"], m["result"]) for r, m in zip(ref, map(json.loads, (DATA / name).open(encoding="utf-8")),
                                                        strict=True)]
    return list(islice(cycle(out), n))


def numbered(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Every pair made distinct: its number added to both sides (a number the translation keeps)."""
    return [(f"{s}（第{n}号）", f"{t} (No. {n})") for n, (s, t) in enumerate(rows, 1)]


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS of the command's process and peak PSS of its process tree (MB)."""
    m = procmem.run(cmd)
    if m.exit not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {m.exit}: {m.stderr[-2000:]}")
    return m.seconds, m.peak_rss_mb, m.tree_pss_mb


def po_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def write_jsonl(path: Path, rows: list[tuple[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for s, t in rows:
            f.write(json.dumps({"source": s, "target": t}, ensure_ascii=False) + "\n")


def write_inputs(folder: Path, rows: list[tuple[str, str]]) -> dict[str, Path]:
    paths = {"jsonl": folder / "pairs.jsonl", "po": folder / "pairs.po", "src": folder / "src.txt",
             "hyp": folder / "hyp.txt", "ref": folder / "ref.txt"}
    write_jsonl(paths["jsonl"], rows)
    with paths["po"].open("w", encoding="utf-8") as f:
        f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for i, (s, t) in enumerate(rows):
            f.write(f'msgctxt "{i}"\nmsgid "{po_escape(s)}"\nmsgstr "{po_escape(t)}"\n\n')
    flat = [(s.replace("\n", " "), t.replace("\n", " ")) for s, t in rows]
    paths["hyp"].write_text("".join(t + "\n" for _, t in flat), encoding="utf-8")
    # a reference for chrF++: the next pair's target (what is timed is the metric, not its value)
    paths["ref"].write_text("".join(t + "\n" for _, t in flat[1:] + flat[:1]), encoding="utf-8")
    return paths


def termcheck_cmd(path: Path, out: Path, jobs: int, dask: str = "", glossaries: tuple[Path, ...] = ()) -> list[str]:
    how = ["--dask", dask] if dask else ["--jobs", str(jobs)]
    extra = [x for g in glossaries for x in ("--glossary", str(g))]
    return [sys.executable, "-m", "termcheck", "check", "--no-config", "-q", str(path), "--format", "json",
            "-o", str(out), *how, "--fail-on", "never", *extra]


def synthetic_glossary(path: Path, rows: list[tuple[str, str]], n: int, seed: int = 13) -> int:
    """`n` entries made from the pairs themselves, written to `path` (CSV), as a glossary a translation follows:
    a Chinese run of 4-6 characters found in one source sentence only, rendered by a 2-3-word n-gram that every
    translation of that sentence holds (the terms occur and are matched on both sides; findings stay as
    rare as with a real glossary). Returns the number of terms, the bundled glossary's included."""
    import random
    import re

    from termcheck.glossary.csvfmt import dump
    from termcheck.glossary.load import bundled_path, load
    from termcheck.glossary.model import Entry, Term

    targets: dict[str, list[str]] = {}
    for zh, en in rows:
        targets.setdefault(zh, []).append(en)
    sources = sorted(targets)
    everything = "\n".join(sources)
    rng = random.Random(seed)
    made: dict[str, Entry] = {}
    for _ in range(200 * n):
        if len(made) >= n:
            break
        zh = rng.choice(sources)
        runs = re.findall(r"[\u4e00-\u9fff]{4,}", zh)
        words = re.findall(r"[A-Za-z][A-Za-z-]+", targets[zh][0])
        if not runs or len(words) < 3:
            continue
        run = rng.choice(runs)
        k = rng.randint(4, min(6, len(run)))
        i = rng.randint(0, len(run) - k)
        m = rng.randint(2, 3)
        j = rng.randint(0, len(words) - m)
        term, rendering = run[i:i + k], " ".join(words[j:j + m])
        whole = re.compile(rf"(?<![\w-]){re.escape(rendering)}(?![\w-])")
        if term in made or everything.count(term) != 1 or not all(whole.search(t) for t in targets[zh]):
            continue
        made[term] = Entry(f"s{len(made)}", (Term(term, "zh"), Term(rendering, "en")))
    path.write_text(dump(list(made.values())), encoding="utf-8")
    return sum(len(e.terms) for e in load([bundled_path()]).entries) + 2 * len(made)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=40_000)
    ap.add_argument("--big", type=int, default=0, help="also a run of this many pairs with --jobs 1 and --jobs N")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--dask", default="", help="also a run on this dask scheduler (e.g. local:2)")
    ap.add_argument("--big-glossary", type=int, default=0,
                    help="the big run with the bundled glossary plus this many entries made from the pairs")
    ap.add_argument("--big-jobs", default="1,N", help="the big run's --jobs values (default: 1 and --jobs)")
    ap.add_argument("--big-distinct", action="store_true",
                    help="number every pair of the big run (no repetition: nothing is analysed only once)")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small = pairs(args.pairs)
        paths = write_inputs(folder, small)
        rows = []
        t1, m1, p1 = timed(termcheck_cmd(paths["jsonl"], folder / "r1.json", 1))
        rows.append(("termcheck --jobs 1", t1, m1, p1))
        tn, mn, pn = timed(termcheck_cmd(paths["jsonl"], folder / "rn.json", args.jobs))
        rows.append((f"termcheck --jobs {args.jobs}", tn, mn, pn))
        same = (folder / "r1.json").read_bytes() == (folder / "rn.json").read_bytes()
        if args.dask:
            rows.append((f"termcheck --dask {args.dask}",
                         *timed(termcheck_cmd(paths["jsonl"], folder / "rd.json", 1, args.dask))))
            same_dask = (folder / "r1.json").read_bytes() == (folder / "rd.json").read_bytes()
        pofilter = shutil.which("pofilter")
        if pofilter:
            rows.append(("pofilter (translate-toolkit)", *timed([pofilter, str(paths["po"]), str(folder / "out.po")])))
        sacrebleu = shutil.which("sacrebleu")
        if sacrebleu:
            rows.append(("sacrebleu chrF++", *timed([sacrebleu, str(paths["ref"]), "-i", str(paths["hyp"]), "-m",
                                                     "chrf", "--chrf-word-order", "2", "-b"])))
        print(f"{args.pairs:,} UN pairs ({len(set(small)):,} distinct; human and two MT systems), bundled glossary, "
              "default checks\n")
        print("| tool | seconds | pairs/s | peak RSS MB | process tree PSS MB | time / termcheck --jobs 1 |")
        print("|---|---|---|---|---|---|")
        for name, sec, mb, pss in rows:
            print(f"| {name} | {sec:.1f} | {args.pairs / sec:,.0f} | {mb:.0f} | {pss:.0f} | {sec / t1:.2f} |")
        if pofilter:
            po = next(r for r in rows if r[0].startswith("pofilter"))[1]
            print(f"\ntermcheck / pofilter: --jobs 1 {t1 / po:.2f}x, --jobs {args.jobs} {tn / po:.2f}x")
        print(f"--jobs {args.jobs} / --jobs 1: {tn / t1:.2f}x; JSON byte-identical: {same}")
        if args.dask:
            print(f"--dask {args.dask}: JSON byte-identical to --jobs 1: {same_dask}")
        if args.big:
            big = folder / "big.jsonl"
            rows_big = numbered(pairs(args.big)) if args.big_distinct else pairs(args.big)
            write_jsonl(big, rows_big)
            glossaries: tuple[Path, ...] = ()
            what = "bundled glossary"
            if args.big_glossary:
                from termcheck.glossary.load import bundled_path

                extra = folder / "synthetic.csv"
                terms = synthetic_glossary(extra, pairs(24_000), args.big_glossary)
                glossaries = (bundled_path(), extra)
                what = f"bundled glossary + {args.big_glossary:,} entries from the pairs ({terms:,} terms)"
            distinct = len(set(rows_big))
            print(f"\n{args.big:,} pairs ({distinct:,} distinct), {what}:\n\n| run | seconds | pairs/s | peak RSS MB | "
                  "process tree PSS MB |\n|---|---|---|---|---|")
            for j in args.big_jobs.split(","):
                jobs = args.jobs if j == "N" else int(j)
                sec, mb, pss = timed(termcheck_cmd(big, folder / f"big{jobs}.json", jobs, glossaries=glossaries))
                print(f"| --jobs {jobs} | {sec:.0f} | {args.big / sec:,.0f} | {mb:.0f} | {pss:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
