#!/usr/bin/env python3
"""False alarms on human translations in other pairs: the tatoeba files (each read both ways) and the UN
sample read as en->zh, checked with `python -m termcheck check` and the bundled glossary.

Prints, per direction, the share of pairs with a major or critical finding and the checks behind
them, and the findings per check at any severity. The pairs the tatoeba README names as wrong are
left out (they are right to be flagged). Usage (from the project root):

    python benchmarks/pairs_false_alarms.py [-n 2500] [--only fr-zh,zh-fr] [--show 5]
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from termcheck.lang.codes import resolve

DATA = next((p / "shared" / "real-parallel" for p in Path(__file__).resolve().parents
             if (p / "shared" / "real-parallel").is_dir()), Path("../shared/real-parallel"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from calibrate_lengths import WRONG  # noqa: E402


def write_tmx(pairs: list[tuple[str, str]], src: str, tgt: str, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench" '
                f'creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="{src}" '
                f'datatype="plaintext"/><body>\n')
        for i, (a, b) in enumerate(pairs, 1):
            f.write(f'<tu tuid="{i}"><tuv xml:lang="{src}"><seg>{escape(a)}</seg></tuv>'
                    f'<tuv xml:lang="{tgt}"><seg>{escape(b)}</seg></tuv></tu>\n')
        f.write("</body></tmx>\n")


def directions(n: int) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((DATA / "tatoeba").glob("*.tsv")):
        a, b = (resolve(c) for c in path.stem.split("-"))
        rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
        pairs = [(r[2], r[3]) for r in rows if len(r) == 4 and r[2] not in WRONG
                 and not r[2].rstrip().endswith("compré un bolígrafo.")]
        out[f"{a}-{b}"] = pairs
        out[f"{b}-{a}"] = [(y, x) for x, y in pairs]
    with open(DATA / "un-zh-en.ref.jsonl", encoding="utf-8") as f:
        out["en-zh UN"] = [(r["en"], r["zh"]) for r in map(json.loads, f)][:n]
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=2500, help="UN pairs to read as en->zh")
    ap.add_argument("--only", default="", help="directions to run, comma-separated (fr-zh, en-zh UN)")
    ap.add_argument("--show", type=int, default=3, help="major findings to print per direction")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"no data at {DATA}", file=sys.stderr)
        return 0
    only = {d.strip() for d in args.only.split(",") if d.strip()}
    with tempfile.TemporaryDirectory() as tmp:
        for name, pairs in directions(args.n).items():
            if only and name not in only:
                continue
            src, tgt = name.split()[0].split("-")
            tmx, out = Path(tmp) / "in.tmx", Path(tmp) / "out.json"
            write_tmx(pairs, src, tgt, tmx)
            p = subprocess.run([sys.executable, "-m", "termcheck", "check", str(tmx), "--format", "json",
                                "--output", str(out), "--source-lang", src, "--target-lang", tgt],
                               capture_output=True, text=True)
            if p.returncode not in (0, 1):
                print(f"{name}: termcheck exited {p.returncode}: {p.stderr.strip()[-300:]}")
                continue
            found = json.loads(out.read_text(encoding="utf-8"))["findings"]
            major = [x for x in found if x.get("severity") in ("major", "critical")]
            segs = {x["segment"] for x in major}
            print(f"{name:9} {len(segs) / len(pairs):6.2%} of {len(pairs):5} with a major finding  "
                  f"{dict(collections.Counter(x['check'] for x in major).most_common())}")
            print(f"          all severities: {dict(collections.Counter(x['check'] for x in found).most_common())}")
            for x in major[:args.show]:
                print(f"          {x['check']}: {x['message'][:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
