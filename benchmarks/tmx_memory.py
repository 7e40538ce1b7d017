#!/usr/bin/env python3
"""Peak memory while streaming a large TMX: generate one from the UN sample, read it, report peak RSS.

    python benchmarks/tmx_memory.py [--size-mb 1024] [--path /tmp/termcheck-big.tmx] [--check]

Builds the file once (UN pairs repeated, unique tuids, inline tags in every tenth unit; kept out of
the project), then in a fresh subprocess reads every segment with termcheck's TMX reader and prints
segments, seconds and peak RSS (resource.getrusage). With --check it also runs the full
`termcheck check FILE --format json` on it (every check, the bundled glossary) in a subprocess,
measured the same way, and the peak of the whole process tree (main process and `--jobs` workers)
sampled every half second: RSS summed, and PSS (pages the forked workers share with the main process
counted once); `--check-args "--select terminology.forbidden"` narrows it, `--check-args "--jobs 2"`.

    python benchmarks/tmx_memory.py --size-mb 1024 --path /tmp/big1024.tmx --check
    python benchmarks/tmx_memory.py --size-mb 128 --path /tmp/big128d.tmx --distinct --check
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import subprocess
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

import procmem

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "real-parallel" / "un-zh-en.ref.jsonl"


def generate(path: Path, size: int, data: Path, distinct: bool = False) -> int:
    """Write a TMX of at least `size` bytes; return its number of units. `distinct`: number every
    sentence (both sides), so no two units repeat (the worst case for the consistency checks' memory)."""
    pairs = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    n = 0
    written = 0
    with path.open("w", encoding="utf-8") as f:
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="bench" '
                'creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="zh" '
                'o-tmf="x"/>\n<body>\n')
        f.write(head)
        written += len(head.encode())
        while written < size:
            for p in pairs:
                n += 1
                en, zh = escape(p["en"]), escape(p["zh"])
                if distinct:
                    en, zh = f"{en} (No. {n})", f"{zh}（第{n}号）"
                if n % 10 == 0:
                    en = f'<bpt i="1">&lt;b&gt;</bpt>{en}<ept i="1">&lt;/b&gt;</ept>'
                tu = (f'<tu tuid="u{n}"><tuv xml:lang="zh-CN"><seg>{zh}</seg></tuv>'
                      f'<tuv xml:lang="en-US"><seg>{en}</seg></tuv></tu>\n')
                f.write(tu)
                written += len(tu.encode())
                if written >= size:
                    break
        f.write("</body>\n</tmx>\n")
    return n


def read_only(path: str) -> None:
    """Child process: stream every segment, print count, seconds, peak RSS in MB."""
    from termcheck.readers import read_file
    from termcheck.readers.base import ReadOptions

    t0 = time.perf_counter()
    n = chars = 0
    for seg in read_file(Path(path), ReadOptions()):
        n += 1
        chars += len(seg.target or "")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"segments": n, "target_chars": chars, "seconds": round(time.perf_counter() - t0, 1),
                      "peak_rss_mb": round(peak, 1)}))


def check(path: Path, extra: list[str]) -> dict:
    """`termcheck check` on the file in a subprocess: seconds, exit code, peak RSS of the child, and the
    peak over time of the whole process tree's RSS and PSS (main process and its workers, sampled)."""
    out = path.with_suffix(".report.json")
    m = procmem.run([sys.executable, "-m", "termcheck", "check", str(path), "--format", "json", "-o", str(out),
                     "--quiet", "--fail-on", "never", *extra])
    findings = len(json.loads(out.read_text(encoding="utf-8"))["findings"]) if out.exists() else None
    out.unlink(missing_ok=True)
    return {"exit": m.exit, "seconds": round(m.seconds, 1), "findings": findings,
            "peak_rss_mb": round(m.peak_rss_mb, 1), "tree_peak_rss_mb": round(m.tree_rss_mb, 1),
            "tree_peak_pss_mb": round(m.tree_pss_mb, 1), "stderr": m.stderr.strip()[-300:]}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--path", type=Path, default=Path("/tmp/termcheck-big.tmx"))
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--distinct", action="store_true", help="generate: number every sentence, no repeats")
    ap.add_argument("--check", action="store_true", help="also run `termcheck check` on the file")
    ap.add_argument("--check-args", default="", help="more arguments for `termcheck check` (default: none)")
    ap.add_argument("--read-only", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.read_only:
        read_only(args.read_only)
        return 0
    size = args.size_mb * 1024 * 1024
    if not args.path.exists() or args.path.stat().st_size < size:
        if not args.data.exists():
            print(f"no data at {args.data}", file=sys.stderr)
            return 2
        t0 = time.perf_counter()
        units = generate(args.path, size, args.data, args.distinct)
        print(f"generated {args.path} ({args.path.stat().st_size / 2**20:.0f} MB, {units} units) "
              f"in {time.perf_counter() - t0:.0f}s")
    print(f"file: {args.path} ({os.path.getsize(args.path) / 2**20:.0f} MB)")
    p = subprocess.run([sys.executable, __file__, "--read-only", str(args.path)], capture_output=True, text=True)
    print("read:", p.stdout.strip() or p.stderr.strip()[-500:])
    if args.check:
        print("check:", json.dumps(check(args.path, shlex.split(args.check_args))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
