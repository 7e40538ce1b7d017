#!/usr/bin/env python3
"""Calibrate the per-pair length table of termcheck/lang/lengths.py on real human translations.

Reads ../shared/real-parallel: the UN sample (zh-en, read both ways) and tatoeba/ (six pairs,
each read both ways). For every direction: the log ratio of target to source letters
(`lengths.letters`), its median and robust spread (1.4826 * MAD), and sigma(L) =
sqrt(s0^2 + k / L) fitted per source-length bin, after dropping the pairs that README names as
wrong translations. Prints the table as Python data to paste into lengths.py, then the share of
pairs beyond |z| > 3 under the committed table. Usage (from the project root):

    python benchmarks/calibrate_lengths.py
"""

from __future__ import annotations

import itertools
import json
import math
import statistics as st
import sys
from pathlib import Path

from termcheck.lang import lengths
from termcheck.lang.codes import resolve

# ../shared/real-parallel from the project root (or from any directory above it: worktrees)
DATA = next((p / "shared" / "real-parallel" for p in Path(__file__).resolve().parents
             if (p / "shared" / "real-parallel").is_dir()), Path("../shared/real-parallel"))
BINS = [1, 8, 16, 32, 64, 128, 100_000]
# short sentences cannot show how tight long texts are: the spread never goes below this for long
# texts (the UN zh-en fit, on long official texts, gives 0.14)
S0_FLOOR = 0.12
# pairs the tatoeba README names as wrong translations (first column only: enough to drop them)
WRONG = {"Salut", "Are you listening?", "He can do it better than me.", "They climbed Mt. Fuji last week.",
         "Warum nehmen die Tom?", "Too late! Tom has already left.", "I have just one thing to ask of you.",
         "Por favor no ponga eso en la mesa.", "No dejó de llover toda la noche.",
         "Compré el libro por doscientos yenes."}


def tatoeba() -> dict[str, list[tuple[str, str]]]:
    """'fr-zh' -> [(French, Chinese)] for every tatoeba file, wrong pairs left out."""
    out: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((DATA / "tatoeba").glob("*.tsv")):
        rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
        a, b = (resolve(c) for c in path.stem.split("-"))
        out[f"{a}-{b}"] = [(r[2], r[3]) for r in rows if len(r) == 4 and r[2] not in WRONG
                           and not r[2].rstrip().endswith("compré un bolígrafo.")]
    return out


def un() -> list[tuple[str, str]]:
    with open(DATA / "un-zh-en.ref.jsonl", encoding="utf-8") as f:
        return [(r["zh"], r["en"]) for r in map(json.loads, f)]


def fit(pairs: list[tuple[str, str]]) -> tuple[float, float, float, float, int]:
    """(median log ratio, robust spread, s0, k, n) of target to source letters."""
    res = [(s, math.log(t / s)) for s, t in ((lengths.letters(a), lengths.letters(b)) for a, b in pairs) if s and t]
    center = st.median(r for _, r in res)
    spread = 1.4826 * st.median(abs(r - center) for _, r in res)
    xs, ys = [], []
    for lo, hi in itertools.pairwise(BINS):
        rs = [r for x, r in res if lo <= x < hi]
        if len(rs) >= 40:
            mad = 1.4826 * st.median(abs(r - center) for r in rs)
            xs.append(1 / st.median(x for x, _ in res if lo <= x < hi))
            ys.append(mad * mad)
    s0, k = spread, 0.0
    if len(xs) >= 2:
        mx, my = st.fmean(xs), st.fmean(ys)
        k = max(sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs), 0.0)
        s0 = math.sqrt(max(my - k * mx, 1e-4))
    s0 = max(s0, S0_FLOOR)
    return round(center, 3), round(spread, 3), round(s0, 3), round(k, 3), len(res)


def main() -> int:
    if not DATA.is_dir():
        print(f"no data at {DATA}", file=sys.stderr)
        return 0
    sets: dict[tuple[str, str], tuple[list[tuple[str, str]], str]] = {}
    zh_en = un()
    sets[("zh", "en")] = (zh_en, "UN sample")
    sets[("en", "zh")] = ([(b, a) for a, b in zh_en], "UN sample")
    for name, pairs in tatoeba().items():
        a, b = name.split("-")
        for src, tgt, rows in ((a, b, pairs), (b, a, [(y, x) for x, y in pairs])):
            if (src, tgt) not in sets:
                sets[(src, tgt)] = (rows, "tatoeba")
    print("MEASURED = {")
    for (src, tgt), (rows, source) in sorted(sets.items()):
        c, spread, s0, k, n = fit(rows)
        print(f"    ({src!r}, {tgt!r}): PairLength({c}, {spread}, {s0}, {k}, {n}, {source!r}),")
    print("}")
    print("\nunder the committed table: share of pairs with |z| > 3, and the |z| that 99.5% of pairs stay within"
          " (robust spreads understate heavy tails: set thresholds from the second number)")
    for (src, tgt), (rows, source) in sorted(sets.items()):
        model = lengths.lookup(src, tgt)
        zs = [model.z(a, b) for a, b in rows]
        az = sorted(abs(z) for z in zs if z is not None)
        out = sum(1 for z in az if z > 3)
        q = az[min(len(az) - 1, int(0.995 * len(az)))]
        print(f"  {src}->{tgt:3} {source:10} {out / len(rows):6.2%} of {len(rows):5}   |z| 99.5%: {q:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
