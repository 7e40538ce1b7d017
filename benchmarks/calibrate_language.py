#!/usr/bin/env python3
"""Calibrate accuracy.language on real text: false alarms on English by length, recall on other languages.

English: the English side of the Tatoeba pairs (short everyday sentences), the UN human reference and
the WMT23 MT outputs of ../shared/mqm-dev; other languages: the German, French, Spanish and Russian
sides of the Tatoeba pairs, judged as if they were English targets. Prints, per word-count bucket,
how many English texts the check flags (minor / major) and how many foreign texts it flags.
Usage (from the project root):

    python benchmarks/calibrate_language.py
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

from termcheck.checks.language import WrongLanguage, is_backed, judge
from termcheck.lang import detect

_HERE = Path(__file__).resolve()
SHARED = next((p / "shared" for p in _HERE.parents[1:] if (p / "shared" / "real-parallel").is_dir()),
              _HERE.parents[2] / "shared")
BUCKETS = (6, 9, 12, 16, 24, 10_000)


def tatoeba() -> dict[str, list[str]]:
    out: dict[str, list[str]] = collections.defaultdict(list)
    for path in sorted((SHARED / "real-parallel" / "tatoeba").glob("*.tsv")):
        with open(path, encoding="utf-8") as f:
            next(f)
            for line in f:
                sl, tl, s, t = line.rstrip("\n").split("\t")
                out[sl].append(s)
                out[tl[:3]].append(t)
    return out


def english() -> dict[str, list[str]]:
    sets = {"tatoeba-en": tatoeba()["eng"]}
    un = SHARED / "real-parallel" / "un-zh-en.ref.jsonl"
    if un.is_file():
        with open(un, encoding="utf-8") as f:
            sets["un-ref-en"] = [json.loads(line)["en"] for line in f]
    mqm = SHARED / "mqm-dev" / "wmt23-general-zhen.mqm.tsv"
    if mqm.is_file():
        with open(mqm, encoding="utf-8") as f:
            next(f)
            sets["wmt23-mt-en"] = sorted({line.split("\t")[6].replace("<v>", "").replace("</v>", "") for line in f})
    return sets


def bucket(text: str) -> int:
    n = len(detect.words(text))
    return next(b for b in BUCKETS if n < b)


def verdicts(texts: list[str], show: bool = False) -> dict[int, collections.Counter[str]]:
    opts = WrongLanguage.options
    out: dict[int, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for t in texts:
        v = judge(t, "en", other_script="Han", min_letters=opts["min_letters"], min_words=opts["min_words"],
                  min_prob=opts["min_probability"])
        b = bucket(t)
        out[b]["texts"] += 1
        if v is not None:
            major = is_backed(t, v[0], v[1], opts["major_min_words"], opts["major_probability"])
            out[b]["major" if major else "minor"] += 1
            if show and major:
                print(f"  {v}: {t[:200]}")
    return out


def main() -> int:
    if not (SHARED / "real-parallel").is_dir():
        print(f"no data at {SHARED}: nothing to measure", file=sys.stderr)
        return 0
    tat = tatoeba()
    sets = {**english(), **{f"tatoeba-{k}": tat[k] for k in ("deu", "fra", "spa", "rus")}}
    print(f"{'set':14} {'words <':>8} {'texts':>6} {'minor':>6} {'major':>6}")
    for name, texts in sets.items():
        for b, c in sorted(verdicts(texts, show=not name.startswith("tatoeba-") or name == "tatoeba-en").items()):
            print(f"{name:14} {b:8} {c['texts']:6} {c['minor']:6} {c['major']:6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
