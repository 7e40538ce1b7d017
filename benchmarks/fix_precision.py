#!/usr/bin/env python3
"""How often a safe fix lands on a real error: `termcheck fix` on WMT23 zh-en machine translation
with professional MQM annotations (../shared/mqm-dev, not part of the project).

For each system's segment, the safe fixes termcheck derives are compared with the raters' error
spans in the target: a fix "lands" when its span overlaps a span some rater marked (any category
but No-error); a fix on a segment every rater marked No-error is a fix nobody asked for. Usage
(from the project root):

    python benchmarks/fix_precision.py [--show 20]
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

from termcheck import config as configs
from termcheck import pipeline
from termcheck.glossary.load import load
from termcheck.model import Segment

# the shared data lie beside the project (or beside the folder of its worktrees)
SHARED = next((p / "shared" for p in Path(__file__).resolve().parents if (p / "shared").is_dir()), Path("shared"))
DATA = SHARED / "mqm-dev" / "wmt23-general-zhen.mqm.tsv"


def _unmark(text: str) -> tuple[str, tuple[int, int] | None]:
    a = text.find("<v>")
    b = text.find("</v>")
    if a < 0 or b < a:
        return text.replace("<v>", "").replace("</v>", ""), None
    return text[:a] + text[a + 3:b] + text[b + 4:], (a, b - 3)


def rows() -> dict[tuple[str, str], dict]:
    """(system, segment) -> source, target, the raters' error spans, whether every rater said No-error."""
    out: dict[tuple[str, str], dict] = {}
    with open(DATA, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r["severity"] == "HOTW-test":
                continue
            target, span = _unmark(r["target"])
            source, _ = _unmark(r["source"])
            item = out.setdefault((r["system"], r["globalSegId"]), {"source": source, "target": target,
                                                                   "spans": [], "clean": True})
            if r["severity"] != "No-error" and r["category"] != "No-error":
                item["clean"] = False
                if span is not None:
                    item["spans"].append(span)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, default=10, help="print this many fixes that land on no annotated span")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"no data at {DATA}", file=sys.stderr)
        return 2
    items = rows()
    keys = sorted(items)
    segs = [Segment(f"{s}/{g}", items[(s, g)]["source"], items[(s, g)]["target"], i, s)
            for i, (s, g) in enumerate(keys)]
    fixed = pipeline.fix(pipeline.Inputs(segments=segs), load(None), configs.build(configs.Settings()))
    counts: collections.Counter[str] = collections.Counter()
    missed = []
    for o in fixed.outcomes:
        key = keys[o.segment.index]
        item = items[key]
        for f in o.fixed:
            assert f.fix is not None
            a, b = f.fix.span
            lands = any(a < y and x < b for x, y in item["spans"])
            counts[f"{f.check} fixes"] += 1
            counts[f"{f.check} land on a marked error"] += lands
            counts[f"{f.check} on a segment all raters call clean"] += item["clean"]
            if not lands:
                missed.append((f.check, item["target"][max(0, a - 30):b + 30], f.fix.replacement))
    print(f"{len(segs)} system segments, {sum(len(o.fixed) for o in fixed.outcomes)} safe fixes applied, "
          f"{sum(1 for o in fixed.outcomes for f in o.skipped if f[0].fix is not None)} fixes not applied")
    for key in sorted(counts):
        print(f"  {counts[key]:5}  {key}")
    for check, around, repl in missed[:args.show]:
        print(f"  [{check}] …{around}…  ->  {repl!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
