"""`termcheck compare A B`: check two translations of one source and test which is better."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termcheck import pipeline
from termcheck.cli import progress
from termcheck.cli.common import add_metric_arguments, add_run_arguments, csv_list, metric_options, use_color
from termcheck.config import Config, build, discover
from termcheck.errors import ConfigError, InputError
from termcheck.fileio import write_atomic
from termcheck.glossary.model import Glossary
from termcheck.metrics.reference import ReferenceMetrics
from termcheck.model import Segment
from termcheck.report.model import Report

HELP = "which of two translations is better: metrics with paired bootstrap confidence intervals and p-values"

if TYPE_CHECKING:  # numpy and the statistics load only when a comparison runs
    import numpy as np

    from termcheck.metrics import compare as stats

LABELS = {"bleu": ("BLEU", True), "chrf": ("chrF++", True), "ter": ("TER", False)}


@dataclass(frozen=True)
class System:
    """One translation: its name, file, report and the per-segment statistics kept for the test."""

    name: str
    path: str
    report: Report
    reference: ReferenceMetrics | None


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("a", type=Path, metavar="A", help="first translation: plain text (one segment a line, with "
                   "--source) or an aligned file (TMX, XLIFF, TSV/CSV, JSONL, Parquet)")
    p.add_argument("b", type=Path, metavar="B", help="second translation of the same source, in the same form")
    p.add_argument("--source", type=Path, help="source text, one segment a line, line-aligned with A and B")
    p.add_argument("--reference", type=Path, help="reference translation: plain text one segment a line, or an "
                   "aligned file whose target is the reference; adds BLEU, chrF++ and TER")
    p.add_argument("--glossary", action="append", type=Path, help="glossary (TBX, CSV, TSV or a folder); "
                   "repeatable; default: the bundled official glossary")
    p.add_argument("--names", help="names of the two systems, comma-separated (default: the file names)")
    p.add_argument("--unit", choices=("segment", "document"), default="segment",
                   help="what the bootstrap resamples (default: segment, as sacrebleu does)")
    p.add_argument("--samples", type=int, default=1000, help="bootstrap resamples (default 1000)")
    p.add_argument("--seed", type=int, default=12345, help="random seed of the resampling (default 12345, "
                   "sacrebleu's)")
    p.add_argument("--alpha", type=float, default=0.05, help="significance level (default 0.05)")
    p.add_argument("--format", choices=("terminal", "json"), default="terminal", help="output format")
    p.add_argument("--output", "-o", type=Path, help="write the comparison here (default: standard output)")
    add_run_arguments(p)
    p.add_argument("--source-column", help="column/key holding the source text in aligned files")
    p.add_argument("--target-column", help="column/key holding the translation in aligned files")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    add_metric_arguments(p, breakdowns=False)


def _reference_texts(path: Path, opts: Any, n: int) -> list[str]:
    """A reference file's segments: the lines of a text file, or the targets of an aligned file."""
    from termcheck.readers import format_of, read_file
    from termcheck.readers.plaintext import lines

    if format_of(path) is None:
        texts = lines(path, opts)
    else:
        plain = replace(opts, source_column=None, target_column=None, reference_column=None)
        texts = [s.target or "" for s in read_file(path, plain)]
    if len(texts) != n:
        raise InputError(f"has {len(texts)} segments but the translations have {n}", file=str(path))
    return texts


def read_system(path: Path, args: argparse.Namespace, opts: Any) -> list[Segment]:
    """The segments of one translation, with the source and reference attached."""
    from termcheck.readers import format_of, read_file
    from termcheck.readers.plaintext import read_pair

    if args.source is not None or (format_of(path) is None and args.input_format is None):
        return list(read_pair(args.source, path, args.reference, opts))
    segments = list(read_file(path, opts, args.input_format))
    if args.reference is not None:
        refs = _reference_texts(args.reference, opts, len(segments))
        segments = [replace(s, reference=r) for s, r in zip(segments, refs, strict=True)]
    return segments


def evaluate(name: str, path: Path, segments: list[Segment], glossary: Glossary, config: Config, label: str,
             quiet: bool) -> System:
    """Check one translation, keeping the per-segment statistics the paired test needs."""
    with progress.bar(not quiet and progress.interactive()) as tick:
        report = pipeline.check(pipeline.Inputs(segments=segments), glossary, config, glossary_name=label,
                                progress=tick, keep_stats=True)
    return System(name, str(path), report, report.reference_stats)


def _column(system: System, name: str, rows: list[int]) -> np.ndarray:
    import numpy as np

    col = system.report.metrics.get("per_segment", {}).get(name, [])
    return np.array([float(col[i] or 0) if i < len(col) else 0.0 for i in rows], dtype=np.float64)


def metric_stats(a: System, b: System, rows_a: list[int], rows_b: list[int]) -> tuple[list[stats.MetricStats],
                                                                                        dict[str, str]]:
    """The per-segment statistics of every metric both systems have, paired row by row."""
    import numpy as np

    from termcheck.metrics import compare as stats

    out: list[stats.MetricStats] = []
    skipped: dict[str, str] = {}
    if a.reference is not None and b.reference is not None:
        for name in a.reference.names:
            metric = a.reference.metrics[name]
            width = len(next(r for r in a.reference.stats[name] if r is not None))

            def matrix(sys_: System, rows: list[int], name: str = name, width: int = width) -> np.ndarray:
                st = sys_.reference.stats[name]  # type: ignore[union-attr]
                return np.array([st[i] if st[i] is not None else [0.0] * width for i in rows], dtype=np.float64)

            label, higher = LABELS[name]
            out.append(stats.MetricStats(name, label, higher, matrix(a, rows_a), matrix(b, rows_b),
                                         lambda s, m=metric: float(m._compute_score_from_stats(s).score),
                                         float32=True, signature=a.report.metrics["reference"][name]["signature"]))
    else:
        skipped["reference"] = "no reference (give --reference for BLEU, chrF++ and TER)"
    occ_a = _column(a, "term_occurrences", rows_a)
    if occ_a.sum() > 0:
        out.append(stats.MetricStats(
            "term_success", "term success %", True,
            np.column_stack([_column(a, "term_correct", rows_a), occ_a]),
            np.column_stack([_column(b, "term_correct", rows_b), _column(b, "term_occurrences", rows_b)]),
            stats.ratio_score(), signature=a.report.metrics["terms"]["signature"]))
    else:
        skipped["term_success"] = "no glossary term in the source"
    words_a, words_b = _column(a, "words", rows_a), _column(b, "words", rows_b)
    if words_a.sum() > 0 and words_b.sum() > 0:
        out.append(stats.MetricStats(
            "mqm", "MQM score", True, np.column_stack([_column(a, "penalty", rows_a), words_a]),
            np.column_stack([_column(b, "penalty", rows_b), words_b]), stats.mqm_score,
            signature=a.report.metrics["mqm"]["signature"]))
    else:
        skipped["mqm"] = "a translation without words"
    return out, skipped


def pair_rows(a: System, b: System) -> tuple[list[int], list[int], list[str]]:
    """Row numbers of the segments both translations have (by document and segment id), and their documents."""
    pa, pb = a.report.metrics.get("per_segment", {}), b.report.metrics.get("per_segment", {})
    keys_b = {k: i for i, k in enumerate(zip(pb.get("doc", []), pb.get("segment", []), strict=True))}
    rows_a, rows_b, docs = [], [], []
    for i, key in enumerate(zip(pa.get("doc", []), pa.get("segment", []), strict=True)):
        j = keys_b.get(key)
        if j is not None:
            rows_a.append(i)
            rows_b.append(j)
            docs.append(key[0])
    if len(rows_a) < 2:
        raise InputError(f"{a.path} and {b.path} have fewer than 2 segments in common (paired by document and "
                         "segment id): are they translations of the same source?")
    return rows_a, rows_b, docs


def _names(args: argparse.Namespace) -> tuple[str, str]:
    if args.names:
        names = [n.strip() for n in args.names.split(",")]
        if len(names) != 2 or not all(names):
            raise ConfigError("--names: give two names, comma-separated")
        return names[0], names[1]
    a, b = args.a.name, args.b.name
    return (a, b) if a != b else (str(args.a), str(args.b))


def _config(args: argparse.Namespace) -> tuple[Config, list[Path] | None]:
    """The run's Config and glossaries: the configuration file (as `check` finds it), flags overriding it."""
    from termcheck.cli.common import load_settings

    path = args.config if args.config is not None else (None if args.no_config else discover(Path.cwd()))
    settings = load_settings(path)
    ignore = tuple(settings.values.get("ignore") or ()) + csv_list(args.ignore)
    config = build(settings, select=csv_list(args.select) or None, ignore=ignore or None,
                   source_lang=args.source_lang, target_lang=args.target_lang, options=metric_options(args))
    return config, args.glossary or settings.values.get("glossary")


def run(args: argparse.Namespace) -> int:
    import numpy as np

    from termcheck.glossary.load import load
    from termcheck.metrics import compare as stats
    from termcheck.readers.base import ReadOptions
    from termcheck.report.compare import render

    if args.samples < 1:
        raise ConfigError("--samples must be at least 1")
    if not 0 < args.alpha < 1:
        raise ConfigError("--alpha must be between 0 and 1")
    names = _names(args)
    config, glossaries = _config(args)
    glossary = load(glossaries, (config.source_lang, config.target_lang))
    label = pipeline.glossary_label(glossaries)
    # one document name for both (plain text names its document after the file), never re-aligned
    doc = args.source.name if args.source is not None else "corpus"
    opts = ReadOptions(encoding=args.encoding, source_lang=config.source_lang, target_lang=config.target_lang,
                       source_column=args.source_column, target_column=args.target_column, doc=doc, align=False)
    systems = [evaluate(n, p, read_system(p, args, opts), glossary, config, label, args.quiet)
               for n, p in zip(names, (args.a, args.b), strict=True)]
    rows_a, rows_b, docs = pair_rows(*systems)
    metrics, skipped = metric_stats(*systems, rows_a, rows_b)
    units = None
    if args.unit == "document":
        index = {d: i for i, d in enumerate(dict.fromkeys(docs))}
        if len(index) < 2:
            raise ConfigError("--unit document needs at least 2 documents (this input has 1)")
        units = np.array([index[d] for d in docs])
    result = stats.compare(metrics, units=units, samples=args.samples, seed=args.seed, alpha=args.alpha,
                           skipped=skipped)
    color = args.output is None and use_color(sys.stdout)
    data = render(args.format, result, systems, len(rows_a), color=color)
    if args.output is not None:
        write_atomic(args.output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0
