"""`termcheck check`: check translations against the glossary, report the findings, gate the run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from termcheck import config as configs
from termcheck import pipeline, renames
from termcheck.cli import progress
from termcheck.cli.common import (
    add_gate_arguments,
    add_metric_arguments,
    add_reader_arguments,
    add_run_arguments,
    csv_list,
    metric_options,
    policy_from_args,
    resolve_args,
    use_color,
)
from termcheck.errors import ConfigError, InputError
from termcheck.fileio import write_atomic
from termcheck.glossary.load import load
from termcheck.parallel import usable_cores
from termcheck.readers.base import ReadOptions
from termcheck.report.model import Report

HELP = "check translations against the glossary and report findings"


def arguments(p: argparse.ArgumentParser, *, report: bool = True) -> None:
    """The options of `termcheck check`; without `report`, those of the report and the gate are left out
    (`baseline create` records findings and renders nothing)."""
    from termcheck.report import FORMATS

    p.add_argument("inputs", nargs="*", type=Path, help="aligned inputs: TMX, TSV/CSV, ... or folders of them")
    p.add_argument("--source", type=Path, help="source text, one segment a line")
    p.add_argument("--target", type=Path, help="target (translation) text, one segment a line")
    p.add_argument("--reference", type=Path, help="reference translation, one segment a line")
    p.add_argument("--glossary", action="append", type=Path, help="glossary (TBX, CSV, TSV or a folder); "
                   "repeatable, later ones override; default: the bundled official glossary")
    if report:
        p.add_argument("--format", choices=sorted(FORMATS), help="report format (default: terminal)")
        p.add_argument("--output", "-o", type=Path, help="write the report here (default: standard output)")
        p.add_argument("--fail-on", help="fail (exit 1) on findings of this severity or worse: "
                       f"critical, {configs.DEFAULT_FAIL_ON} (default), minor, info, or never")
    p.add_argument("--quiet", "-q", action="store_true", help="nothing on stderr but errors (no progress bar, "
                   "no status line)")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="check batches in N worker processes (default: the "
                   "usable cores; 1 keeps everything in one process); the report is the same either way")
    p.add_argument("--dask", metavar="SCHEDULER", help="check batches on a dask.distributed cluster: tcp://host:8786, "
                   "or local:N for N local worker processes (needs: pip install 'termcheck[dask]')")
    p.add_argument("--allow-empty", action="store_true", help="an input holding no segment passes (by default "
                   "a run that checked nothing is an error, exit 2)")
    if report:
        add_gate_arguments(p)
    add_run_arguments(p)
    add_reader_arguments(p)
    if report:
        add_metric_arguments(p)


def inputs_of(args: argparse.Namespace) -> pipeline.Inputs:
    """Where the segments come from, as the command line says."""
    if args.inputs and (args.source or args.target):
        raise ConfigError("give either input files or --source/--target, not both")
    if not args.inputs and args.target is None:
        raise ConfigError("nothing to check: give input files, or --target (with --source) text files")
    if args.source and not args.target:
        raise ConfigError("--source needs --target")
    read = ReadOptions(encoding=getattr(args, "encoding", None), source_column=getattr(args, "source_column", None),
                       target_column=getattr(args, "target_column", None),
                       reference_column=getattr(args, "reference_column", None), align=getattr(args, "align", None),
                       allow_empty=bool(getattr(args, "allow_empty", False)))
    return pipeline.Inputs(source=args.source, target=args.target, reference=args.reference,
                           paths=tuple(args.inputs), input_format=args.input_format, read=read,
                           semantic=bool(getattr(args, "semantic", False)))


def pair_of(path: Path) -> tuple[str, str] | None:
    """The pair a TMX, XLIFF or language-named table declares, as termcheck names languages; None where it declares
    none (or one termcheck does not know: the reader then says what the file holds)."""
    from termcheck.readers.pair import declared_pair

    found = declared_pair(path) if path.is_file() else None
    if found is None or found[0] == found[1]:
        return None
    try:
        return configs.language(found[0]), configs.language(found[1])
    except ConfigError:
        return None


def resolve_with_pair(args: argparse.Namespace) -> configs.Settings:
    """`resolve_args` (the configuration fills unset flags), and given no pair there or on the command line, the pair
    the first input declares (`pair_of`)."""
    no_pair = args.source_lang is None and args.target_lang is None
    settings = resolve_args(args)  # --config or ./termcheck.toml, ./pyproject.toml: fills unset flags
    if no_pair and not {"source_lang", "target_lang"} & set(settings.values) and args.inputs:
        declared = pair_of(Path(args.inputs[0]))  # a TMX, XLIFF or language-named table: checked as it says
        if declared is not None:
            args.source_lang, args.target_lang = declared
    return settings


def _script_notes(args: argparse.Namespace) -> list[str]:
    """For plain-text --source/--target files, a note where a file's letters are mostly of another script than its
    language is written in (a Japanese source checked as the default Chinese): the language flags fix it."""
    from termcheck.lang.scripts import fits
    from termcheck.readers.encoding import iter_text

    out = []
    for side, path, lang in (("source", args.source, args.source_lang), ("target", args.target, args.target_lang)):
        if path is None or not Path(path).is_file():
            continue
        try:  # decoded as the reader will (GB18030, Big5, UTF-16 ...)
            sample = next(iter_text(Path(path), getattr(args, "encoding", None)), "")[:4000]
        except (InputError, OSError):
            continue  # the reader reports it
        script = fits(sample, lang)
        if script is not None:
            what = "holds Japanese kana" if script == "Kana" else f"is mostly in {script} script"
            out.append(f"the {side} text {Path(path).name} {what}, but is checked as {lang!r}: "
                       f"give its language with --{side}-lang")
    return out


def check_report(args: argparse.Namespace) -> Report:
    """Run the `termcheck check` pipeline on parsed arguments: the report, with the gate's verdict."""
    from termcheck import report

    inputs = inputs_of(args)
    settings = resolve_with_pair(args)
    script_notes = _script_notes(args)
    policy = policy_from_args(args)  # bad bounds or baseline file: exit 2 before reading anything
    notes = [*settings.notes, *script_notes, *renames.notes([*csv_list(args.select), *csv_list(args.ignore)]),
             *(policy.baseline.notes if policy.baseline is not None else ())]
    for note in notes if not args.quiet else ():
        sys.stderr.write(f"termcheck: note: {note}\n")
    fmt = getattr(args, "format", None)
    options = dict(metric_options(args))
    if getattr(args, "semantic", False):  # --semantic also turns on the meaning check and the shift check's score
        options["accuracy.meaning"] = {"enabled": True}
        options["alignment.shift"] = {"semantic": True}
    config = configs.build(settings, select=csv_list(args.select) or None, ignore=csv_list(args.ignore),
                           fail_on="never" if policy.fail_on is None else str(policy.fail_on),
                           source_lang=args.source_lang, target_lang=args.target_lang, options=options,
                           per_segment=fmt in report.NEEDS_PER_SEGMENT or bool(getattr(args, "breakdowns", None)))
    jobs = args.jobs if args.jobs is not None else usable_cores()
    if jobs < 1:
        raise ConfigError(f"--jobs must be at least 1 (got {jobs})")
    glossary = load(args.glossary, (config.source_lang, config.target_lang))
    # every segment for formats that show them all; the terminal report shows flagged ones only
    keep = ("context" if fmt == "html" else "all" if fmt in report.NEEDS_SEGMENTS
            else "flagged" if fmt == "terminal" else "none")
    with progress.bar(not args.quiet and progress.interactive()) as tick:
        rep = pipeline.check(inputs, glossary, config, glossary_name=pipeline.glossary_label(args.glossary),
                             policy=policy, keep_segments=keep, progress=tick, jobs=jobs, dask=args.dask)
    if rep.gate is not None and rep.gate.checked_nothing:  # one line, exit 2, no report
        named = [*args.inputs] if args.inputs else [args.target]
        raise InputError(rep.gate.reasons[0][0].lower() + rep.gate.reasons[0][1:].rstrip("."),
                         file=", ".join(str(p) for p in named))
    return rep


def run(args: argparse.Namespace) -> int:
    from termcheck import report

    rep = check_report(args)
    if getattr(args, "breakdowns", None) is not None:
        from termcheck.metrics.frames import export  # polars loads only when tables are asked for

        export(rep, args.breakdowns, args.breakdowns_format)
    color = args.output is None and use_color(sys.stdout)
    write = report.writer(args.format, color=color)
    if args.output is not None:
        write_atomic(args.output, lambda f: write(rep, f))
        if not args.quiet:
            sys.stderr.write(progress.status_line(rep, str(args.output)) + "\n")
    else:
        write(rep, sys.stdout.buffer)
        sys.stdout.flush()
    return rep.gate.exit_code if rep.gate is not None else 0
