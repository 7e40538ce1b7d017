#!/usr/bin/env python3
"""How often the glossary's Chinese terms occur in Chinese text: per entry, the lines that hold it.

    python benchmarks/glossary_frequency.py [--glossary FILE]... [--only FILE_NAME]... [--top N] [TEXT...]

TEXT: plain Chinese text, one segment a line, or a .jsonl file (its "zh" or "source" field). With no TEXT,
the shared corpora are read when present: ../shared/real-parallel/un-zh-en.ref.jsonl (UN, human),
../shared/mqm-dev/wmt23-general-zhen.mqm.tsv (WMT23 news sources) and the seed readout. Terms are
found as the checker finds them (word segmentation, longest match), so a form swallowed by a longer
entry is not counted. --only restricts the report to entries from glossary files of that name.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

from termcheck.glossary.load import load
from termcheck.glossary.match import Matcher

ROOT = Path(__file__).resolve().parents[1]
# ../shared next to the project (a git worktree under ../wt/ looks one level further up)
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
              ROOT.parent / "shared")


def _lines(path: Path) -> list[str]:
    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [r.get("zh") or r.get("source") or "" for r in rows]
    if path.name.endswith(".mqm.tsv"):
        csv.field_size_limit(sys.maxsize)
        with path.open(encoding="utf-8", newline="") as f:
            rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            return sorted({re.sub(r"</?v>", "", r["source"]) for r in rows})
    return path.read_text(encoding="utf-8").splitlines()


def _default_texts() -> list[Path]:
    names = ("real-parallel/un-zh-en.ref.jsonl", "mqm-dev/wmt23-general-zhen.mqm.tsv", "seed/readout-2024-02-16.zh.txt")
    return [SHARED / n for n in names if (SHARED / n).exists()]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", nargs="*", type=Path)
    ap.add_argument("--glossary", type=Path, action="append")
    ap.add_argument("--only", action="append", default=[], help="report entries of glossary files with this name")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)
    texts = args.texts or _default_texts()
    if not texts:
        print("no text given and no shared corpora found", file=sys.stderr)
        return 2
    matcher = Matcher(load(args.glossary))
    entries = matcher.glossary.entries
    wanted = {i for i, e in enumerate(entries)
              if not args.only or (e.origin is not None and Path(str(e.origin.file)).name in args.only)}
    total: Counter[int] = Counter()
    for path in texts:
        lines = _lines(path)
        found: Counter[int] = Counter()
        for line in lines:
            found.update({h.entry for h in matcher.source_hits(line)} & wanted)
        total.update(found)
        print(f"{path.name}: {len(lines)} lines, {len(found)} of {len(wanted)} entries occur")
    print(f"all texts: {len(total)} of {len(wanted)} entries occur at least once")
    for i, n in total.most_common(args.top):
        print(f"{n:6}  {entries[i].id}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
