"""Terminology with the bundled glossary on human translations read in several directions.

Usage: python benchmarks/terms_pairs.py [-n 2500] [--show 10] [--shared ../shared]

Reads the UN pairs of ../shared/real-parallel as zh->en and en->zh, and the Tatoeba pairs
fra-zho (as zh->fr), eng-zho (as en->zh) and eng-fra (as en->fr). Prints per direction the
pairs, terminology findings (all and major+), pairs with a major+ finding, and the term counts
of metrics.terms; with --show, the most frequent findings.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
from pathlib import Path

from termcheck import check
from termcheck.config import Config
from termcheck.model import Segment, Severity

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CODES = {"fra": "fr", "eng": "en", "zho": "zh"}


def un(data: Path, n: int) -> list[dict[str, str]]:
    with (data / "un-zh-en.ref.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line, _ in zip(f, range(n), strict=False)]


def tatoeba(data: Path, name: str) -> list[dict[str, str]]:
    first, second = CODES[name[:3]], CODES[name[4:7]]
    with (data / "tatoeba" / f"{name}.tsv").open(encoding="utf-8") as f:
        return [{first: r["src"], second: r["tgt"]} for r in csv.DictReader(f, delimiter="\t")]


def run(label: str, rows: list[dict[str, str]], src: str, tgt: str, show: int) -> None:
    segs = [Segment(str(i + 1), r[src], r[tgt], i, f"p{i + 1}") for i, r in enumerate(rows)]
    report = check(segs, glossary=[ROOT / "glossaries" / "official"],
                   config=Config(select=("terminology",), source_lang=src, target_lang=tgt))
    major = [f for f in report.findings if f.severity >= Severity.MAJOR]
    t = report.metrics["terms"]
    print(f"{label:10} {src}->{tgt} {len(segs):5} pairs  findings {len(report.findings):5}  major+ {len(major):3} "
          f"in {len({f.segment for f in major})} pairs  source terms {t['source_terms']}  success "
          f"{t['success_rate']}%  no_rendering {t['no_rendering']}")
    for (check_id, term, text), k in collections.Counter(
            (f.check, f.term, f.source_text) for f in report.findings).most_common(show):
        print(f"    {k:4} {check_id} {term} {text!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=2500, help="UN pairs to read")
    ap.add_argument("--show", type=int, default=0, help="most frequent findings to print per direction")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    a = ap.parse_args()
    data = a.shared / "real-parallel"
    rows = un(data, a.n)
    for src, tgt in (("zh", "en"), ("en", "zh")):
        run("UN", rows, src, tgt, a.show)
    for name, src, tgt in (("fra-zho", "zh", "fr"), ("eng-zho", "en", "zh"), ("eng-fra", "en", "fr")):
        run("tatoeba", tatoeba(data, name), src, tgt, a.show)


if __name__ == "__main__":
    main()
