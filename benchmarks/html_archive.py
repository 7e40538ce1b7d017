#!/usr/bin/env python3
"""The HTML report of an archive: size, and how long headless Chromium takes to show its first screen.

    python benchmarks/html_archive.py [--segments 1000000] [--jobs 2]

The UN sample's machine translations (opus-mt and liam, 16,000 pairs) are repeated, 1,000 segments to a
document, to the size asked for, written as JSON Lines, and checked with `termcheck check --format html`
(default checks, bundled glossary). Then Chromium (Debian's `chromium`) loads the file and takes a
screenshot of the first screen; its wall time is the time to first screen. Needs ../shared/real-parallel.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "real-parallel"


def rows() -> list[dict[str, str]]:
    out = []
    for name in ("un-zh-en.mt-opusmt.jsonl", "un-zh-en.mt-liam.jsonl"):
        with (DATA / name).open(encoding="utf-8") as f:
            out += [{"source": r["source"], "target": r["result"]} for r in map(json.loads, f)]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--segments", type=int, default=1_000_000)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        src = folder / "archive.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for i, r in enumerate(islice(cycle(rows()), args.segments)):
                f.write(json.dumps({"doc": f"doc{i // 1000:05d}", **r}, ensure_ascii=False) + "\n")
        out = folder / "report.html"
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "termcheck", "check", "--no-config", "-q", str(src), "--format", "html",
                        "-o", str(out), "--jobs", str(args.jobs), "--fail-on", "never"], check=True)
        check_s = time.perf_counter() - t0
        size = out.stat().st_size / 1e6
        print(f"{args.segments:,} segments: check and HTML report {check_s:.0f} s, report {size:.1f} MB")
        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        if browser is None:
            print("(no chromium: first-screen time not measured)")
            return 0
        t0 = time.perf_counter()
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--no-first-run", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={folder / 'profile'}", f"--screenshot={folder / 'first.png'}",
                        "--window-size=1280,900", out.as_uri()], check=True, capture_output=True, timeout=300)
        print(f"first screen in headless Chromium: {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
