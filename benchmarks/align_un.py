#!/usr/bin/env python3
"""Alignment quality on the UN sample turned into documents, with sentences deleted on one side.

Consecutive UN pairs are joined into paragraphs of 5–20 pairs (one paragraph a line on each side)
and paragraphs into documents; in each document a few pairs lose their English side (omissions)
and a few lose their Chinese side (additions). Both documents are split into sentences by
termcheck's splitters and aligned as one stream of sentences (paragraph lines are not used as
anchors). Reports the precision of the 1-1 links found, precision/recall of all sentence links,
and how many deleted sentences come out as unaligned (omission/addition) beads.

    python benchmarks/align_un.py [--doc-pairs 120] [--omit 3] [--add 1] [--seed 1] [--docs N]
                                  [--glossary FILE] [--semantic] [--lexical-weight 0]

--lexical-weight 0 aligns without the bilingual dictionary (lengths and anchors only, as before it).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

from termcheck.align.aligner import align_sentences
from termcheck.align.dp import DEFAULT
from termcheck.align.sentences import split_document

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "real-parallel" / "un-zh-en.ref.jsonl"


def build(pairs: list[dict], rng: random.Random, doc_pairs: int, omit: int, add: int):
    """Documents: zh lines, en lines, per line the (start, end, pair id) of each pair, deleted pair ids."""
    docs = []
    for start in range(0, len(pairs) - doc_pairs + 1, doc_pairs):
        ids = list(range(start, start + doc_pairs))
        chosen = rng.sample(ids, omit + add)
        no_en, no_zh = set(chosen[:omit]), set(chosen[omit:])
        zh_lines, en_lines, zh_pos, en_pos = [], [], [], []
        i = 0
        while i < len(ids):
            run = ids[i:i + rng.randint(5, 20)]
            i += len(run)
            for side, lines, pos, skip, sep in (("zh", zh_lines, zh_pos, no_zh, ""),
                                                 ("en", en_lines, en_pos, no_en, " ")):
                text, spans = "", []
                for k in run:
                    if k in skip:
                        continue
                    text += sep if text else ""
                    spans.append((len(text), len(text) + len(pairs[k][side].strip()), k))
                    text += pairs[k][side].strip()
                lines.append(text)
                pos.append(spans)
        docs.append((zh_lines, en_lines, zh_pos, en_pos, no_en, no_zh))
    return docs


def gold_ids(sentences: list, positions: list[list[tuple[int, int, int]]]) -> list[frozenset[int]]:
    """The pairs each sentence overlaps (a sentence run across two pairs has both)."""
    out = []
    for s in sentences:
        a, b = s.start, s.start + len(s.text)
        out.append(frozenset(k for x, y, k in positions[s.line - 1] if x < b and a < y))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--doc-pairs", type=int, default=120, help="UN pairs per document")
    ap.add_argument("--omit", type=int, default=3, help="pairs per document whose English is deleted")
    ap.add_argument("--add", type=int, default=1, help="pairs per document whose Chinese is deleted")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--glossary", type=Path, action="append", help="glossary for term anchors (default: none)")
    ap.add_argument("--docs", type=int, help="only the first N documents")
    ap.add_argument("--skip-prior", type=float, help="prior of a 1-0 / 0-1 bead (default: the aligner's)")
    ap.add_argument("--anchor-weight", type=float, help="nats per shared anchor (default: the aligner's)")
    ap.add_argument("--semantic", action=argparse.BooleanOptionalAction, default=False,
                    help="add sentence-embedding similarity (needs termcheck[semantic]; default: off)")
    ap.add_argument("--semantic-weight", type=float, help="nats per unit of cosine (default: the aligner's)")
    ap.add_argument("--lexical-weight", type=float,
                    help="weight of the dictionary evidence, 0 = lengths and anchors only (default: the aligner's)")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    pairs = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    pairs = [p for p in pairs if p["zh"].strip() and p["en"].strip()]
    matcher = None
    if args.glossary:
        from termcheck.glossary.load import load
        from termcheck.glossary.match import Matcher

        matcher = Matcher(load(args.glossary))
    rng = random.Random(args.seed)
    docs = build(pairs, rng, args.doc_pairs, args.omit, args.add)[:args.docs]
    params = DEFAULT
    if args.skip_prior is not None:
        params = replace(params, priors={**params.priors, (1, 0): args.skip_prior, (0, 1): args.skip_prior})
    if args.anchor_weight is not None:
        params = replace(params, anchor_weight=args.anchor_weight)
    if args.semantic_weight is not None:
        params = replace(params, semantic_weight=args.semantic_weight)
    if args.lexical_weight is not None:
        params = replace(params, lexical_weight=args.lexical_weight)
    one_one = one_one_ok = links = links_ok = gold_links = 0
    deleted = deleted_found = false_skips = beads_total = near = 0
    by_side = {"omitted": [0, 0], "added": [0, 0]}  # found, deleted
    sentences = 0
    t0 = time.perf_counter()
    for zh_lines, en_lines, zh_gold, en_gold, no_en, no_zh in docs:
        zs = split_document(zh_lines, "zh")
        es = split_document(en_lines, "en")
        zg = gold_ids(zs, zh_gold)
        eg = gold_ids(es, en_gold)
        sentences += len(zs) + len(es)
        beads = align_sentences(zs, es, "zh", "en", matcher, params, args.semantic)
        beads_total += len(beads)
        for b in beads:
            src = range(*b.source)
            tgt = range(*b.target)
            if b.kind == "1-1":
                one_one += 1
                one_one_ok += bool(zg[b.source[0]] & eg[b.target[0]])
            for s in src:
                for t in tgt:
                    links += 1
                    links_ok += bool(zg[s] & eg[t])
            if not tgt:
                for s in src:
                    if zg[s] <= no_en:
                        deleted_found += 1
                        by_side["omitted"][0] += 1
                    else:
                        false_skips += 1
            if not src:
                for t in tgt:
                    if eg[t] <= no_zh:
                        deleted_found += 1
                        by_side["added"][0] += 1
                    else:
                        false_skips += 1
        by_side["omitted"][1] += sum(1 for g in zg if g <= no_en)
        by_side["added"][1] += sum(1 for g in eg if g <= no_zh)
        deleted += sum(1 for g in zg if g <= no_en) + sum(1 for g in eg if g <= no_zh)
        lone_s = {b.source[0] for b in beads if b.kind == "1-0"}
        lone_t = {b.target[0] for b in beads if b.kind == "0-1"}
        near += sum(1 for i, g in enumerate(zg) if g <= no_en and lone_s & {i - 1, i, i + 1})
        near += sum(1 for i, g in enumerate(eg) if g <= no_zh and lone_t & {i - 1, i, i + 1})
        gold_links += sum(1 for z in zg for e in eg if z & e)
    secs = time.perf_counter() - t0
    print(f"documents={len(docs)} pairs/doc={args.doc_pairs} sentences={sentences} beads={beads_total} "
          f"time={secs:.1f}s")
    print(f"1-1 links: {one_one_ok}/{one_one} correct = {100 * one_one_ok / max(one_one, 1):.2f}%")
    print(f"all sentence links: precision {100 * links_ok / max(links, 1):.2f}%  "
          f"recall {100 * links_ok / max(gold_links, 1):.2f}%")
    print(f"deleted sentences reported unaligned: {deleted_found}/{deleted} = "
          f"{100 * deleted_found / max(deleted, 1):.1f}%; within one sentence: {near}/{deleted} = "
          f"{100 * near / max(deleted, 1):.1f}%; other unaligned sentences: {false_skips}")
    print("  by side: " + "; ".join(f"{name} {f}/{n}" for name, (f, n) in by_side.items())
          + " (omitted: Chinese sentences whose English was deleted; added: English sentences whose Chinese was)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
