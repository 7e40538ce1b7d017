#!/usr/bin/env python3
"""Calibrate the zh→en length model of termcheck.align.lengths on ../shared/real-parallel.

Prints the ratio (Σ English / Σ Chinese length) and variance (Σ (en − ratio·zh)² / Σ zh) to put in
`MODELS`, with lengths counted exactly as the aligner counts them.

    python benchmarks/calibrate_align.py [../shared/real-parallel/un-zh-en.ref.jsonl]
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from termcheck.align.lengths import MODELS, weighted_length

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "real-parallel" / "un-zh-en.ref.jsonl"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.exists():
        print(f"no data at {path}", file=sys.stderr)
        return 2
    model = MODELS[("zh", "en")]
    pairs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            zh = weighted_length(row["zh"], model.source_ascii)
            en = weighted_length(row["en"], model.target_ascii)
            if zh > 0 and en > 0:
                pairs.append((zh, en))
    ratio = sum(e for _, e in pairs) / sum(z for z, _ in pairs)
    variance = sum((e - ratio * z) ** 2 for z, e in pairs) / sum(z for z, _ in pairs)
    deltas = sorted(abs(e - ratio * z) / math.sqrt(variance * z) for z, e in pairs)
    print(f"pairs={len(pairs)} ratio={ratio:.4f} variance={variance:.2f} "
          f"(ascii weights zh={model.source_ascii} en={model.target_ascii})")
    print(f"|delta| median={deltas[len(deltas) // 2]:.3f} p95={deltas[int(len(deltas) * 0.95)]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
