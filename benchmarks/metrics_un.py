"""Quality metrics of two real MT systems on 8,000 UN zh-en pairs, and which one is better.

    python benchmarks/metrics_un.py [--limit N] [--glossary FILE] [--reference-metrics bleu,chrf,ter]

For each system (opus-mt and the second public model in ../shared/real-parallel) it runs termcheck
once (bundled glossary unless --glossary) against the human English as reference and prints
corpus BLEU, chrF++, TER (sacrebleu), term success and forbidden-rendering rates and the MQM-style
score; it checks that BLEU/chrF++/TER equal sacrebleu's own corpus_score on the same lines; then
it runs the paired bootstrap test `termcheck compare` runs (1,000 resamples, seed 12345) on the
same two runs and prints its verdict. The equivalent command line:

    termcheck compare ../shared/real-parallel/un-zh-en.mt-opusmt.jsonl \
        ../shared/real-parallel/un-zh-en.mt-liam.jsonl \
        --reference ../shared/real-parallel/un-zh-en.ref.jsonl --names opus-mt,liam
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout, whatever termcheck is installed
DATA = ROOT.parent / "shared" / "real-parallel"
SYSTEMS = {"opus-mt": "un-zh-en.mt-opusmt.jsonl", "liam": "un-zh-en.mt-liam.jsonl"}


def jsonl(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return rows[:limit] if limit else rows


def main() -> int:
    from sacrebleu.metrics import BLEU, CHRF, TER

    from termcheck.cli.compare import evaluate, metric_stats, pair_rows
    from termcheck.config import Config
    from termcheck.glossary.load import load
    from termcheck.metrics import compare as stats
    from termcheck.metrics.reference import parse_names
    from termcheck.model import Segment
    from termcheck.pipeline import glossary_label
    from termcheck.report.compare import render

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N pairs")
    ap.add_argument("--glossary", action="append", type=Path, help="glossary (default: the bundled one)")
    ap.add_argument("--reference-metrics", default="bleu,chrf,ter", help="reference metrics (TER is the slow one)")
    ap.add_argument("--samples", type=int, default=1000)
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found", file=sys.stderr)
        return 0

    ref_rows = jsonl(DATA / "un-zh-en.ref.jsonl", args.limit)
    names = parse_names(args.reference_metrics)
    config = Config(options={"reference": {"metrics": list(names)}})
    glossary = load(args.glossary)
    label = glossary_label(args.glossary)
    systems = []
    print(f"{len(ref_rows):,} pairs; glossary {label}@{glossary.digest} ({len(glossary)} entries)\n")
    print("| system | BLEU | chrF++ | TER | term success | forbidden renderings | MQM score | penalty / 1,000 words "
          "| findings | seconds |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, file in SYSTEMS.items():
        rows = jsonl(DATA / file, args.limit)
        segs = [Segment(str(i + 1), r["zh"], m["result"], i, "un", r["en"])
                for i, (r, m) in enumerate(zip(ref_rows, rows, strict=True))]
        t0 = time.perf_counter()
        system = evaluate(name, DATA / file, segs, glossary, config, label, quiet=True)
        seconds = time.perf_counter() - t0
        systems.append(system)
        m = system.report.metrics
        hyps, refs = [s.target for s in segs], [[s.reference for s in segs]]
        for key, metric in (("bleu", BLEU()), ("chrf", CHRF(word_order=2)), ("ter", TER())):
            if key in names:
                expected = round(metric.corpus_score(hyps, refs).score, 4)
                if m["reference"][key]["score"] != expected:
                    raise SystemExit(f"{name} {key}: termcheck {m['reference'][key]['score']} != sacrebleu {expected}")
        ref = m["reference"]
        score = {k: f"{ref[k]['score']:.2f}" if k in ref else "-" for k in ("bleu", "chrf", "ter")}
        t, q = m["terms"], m["mqm"]
        print(f"| {name} | {score['bleu']} | {score['chrf']} | {score['ter']} | {t['success_rate']:.2f}% "
              f"({t['correct']:,} of {t['source_terms']:,}) | {t['forbidden_rate']:.2f}% | {q['score']:.2f} | "
              f"{q['penalty_per_1000_words']:.2f} | {system.report.summary['findings']:,} | {seconds:.0f} |")
    print("\n(reference scores equal sacrebleu's corpus_score on the same lines: checked)\n")
    rows_a, rows_b, _ = pair_rows(*systems)
    metrics, skipped = metric_stats(*systems, rows_a, rows_b)
    t0 = time.perf_counter()
    result = stats.compare(metrics, samples=args.samples, seed=12345, skipped=skipped)
    sys.stdout.write(render("terminal", result, systems, len(rows_a)).decode())
    print(f"\n(paired bootstrap: {time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
