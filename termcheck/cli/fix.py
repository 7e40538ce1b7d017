"""`termcheck fix`: apply the safe fixes, as a diff or written back in the input's own format."""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from termcheck import config as configs
from termcheck import pipeline
from termcheck.cli.check import inputs_of, resolve_with_pair
from termcheck.cli.common import add_run_arguments, csv_list
from termcheck.errors import ConfigError
from termcheck.fileio import check_writable, write_atomic
from termcheck.fixes.apply import Outcome, chosen
from termcheck.glossary.load import load
from termcheck.report.model import Report

HELP = "apply the safe fixes: show them as a diff, or write the corrected translation"


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", type=Path, help="aligned inputs: TMX, XLIFF, TSV/CSV, JSONL, Parquet")
    p.add_argument("--source", type=Path, help="source text, one segment a line")
    p.add_argument("--target", type=Path, help="target (translation) text to fix, one segment a line")
    p.add_argument("--reference", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--glossary", action="append", type=Path, help="glossary (TBX, CSV, TSV or a folder); "
                   "repeatable; default: the bundled official glossary")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--diff", action="store_true", help="print a unified diff per fixed segment (the default)")
    how.add_argument("--output", "-o", type=Path, help="write the corrected translation here (one input only)")
    how.add_argument("--in-place", action="store_true", help="rewrite the inputs (atomically: temp file, rename)")
    p.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes that need a reviser's eye "
                   "(numbers, names, a guessed mark, a loop, two candidate repairs)")
    p.add_argument("--quiet", "-q", action="store_true", help="no summary on stderr")
    add_run_arguments(p)
    p.add_argument("--source-column", help="column holding the source text")
    p.add_argument("--target-column", help="column holding the translation")
    p.add_argument("--align", action=argparse.BooleanOptionalAction, default=None,
                   help="sentence-align plain-text documents (default: only when their line counts differ)")
    p.set_defaults(reference_column=None, semantic=False)


def _origin(o: Outcome) -> str:
    seg = o.segment
    origin = seg.target_origin or seg.origin
    return str(origin) if origin is not None else f"{seg.doc} {seg.id}"


def diff(outcomes: Sequence[Outcome]) -> str:
    """A unified diff per changed segment, in document order."""
    out: list[str] = []
    for o in outcomes:
        if not o.changed:
            continue
        old = (o.segment.target or "").split("\n")
        new = o.target.split("\n")
        seg = o.segment
        origin = seg.target_origin
        if origin is not None and origin.line is not None and seg.alignment is None and len(old) == 1:
            # a line of a plain-text file: a patch that `patch -p1` or `git apply` takes
            out += [f"--- a/{origin.file}", f"+++ b/{origin.file}", f"@@ -{origin.line} +{origin.line} @@",
                    f"-{old[0]}", *(f"+{line}" for line in new)]
            continue
        where = _origin(o)
        out.extend(difflib.unified_diff(old, new, f"a/{where}", f"b/{where}", lineterm="", n=0))
    return "".join(line + "\n" for line in out)


def _files(outcomes: Sequence[Outcome], report: Report) -> dict[str, list[Outcome]]:
    from termcheck.fixes.write import target_file

    files: dict[str, list[Outcome]] = {}
    for seg in report.segments:
        name = target_file(seg)
        if name is not None:
            files.setdefault(name, [])
    for o in outcomes:
        name = target_file(o.segment)
        if name is not None:
            files.setdefault(name, []).append(o)
    return files


def _summary(fixed: pipeline.Fixed, after: Report) -> list[str]:
    n = sum(len(o.fixed) for o in fixed.outcomes)
    lines = [f"fixed {n} of {len(fixed.report.findings)} findings in "
             f"{sum(o.changed for o in fixed.outcomes)} segments; {len(after.findings)} left after re-checking"]
    skipped = Counter(reason.split(":")[0].split(" (")[0] for o in fixed.outcomes for _, reason in o.skipped)
    lines += [f"  {k:5}  {why}" for why, k in sorted(skipped.items())]
    left = Counter(f.check for f in after.findings)
    lines += [f"  {k:5}  left: {check}" for check, k in sorted(left.items())]
    return lines


def run(args: argparse.Namespace) -> int:
    from termcheck.fixes.write import fixed_bytes

    cli_select, cli_ignore = csv_list(args.select), csv_list(args.ignore)
    args.select, args.ignore = None, None  # on the command line they choose fixes; the run keeps all its checks
    inputs = inputs_of(args)
    settings = resolve_with_pair(args)
    config = configs.build(settings, select=csv_list(args.select) or None, ignore=csv_list(args.ignore),
                           fail_on="never", source_lang=args.source_lang, target_lang=args.target_lang)
    glossary = load(args.glossary, (config.source_lang, config.target_lang))
    applies = chosen(cli_select, cli_ignore)  # an unknown check id is an error, as in `check`
    fixed = pipeline.fix(inputs, glossary, config, glossary_name=pipeline.glossary_label(args.glossary),
                         unsafe=args.unsafe_fixes, applies=applies)
    if args.output is not None or args.in_place:
        files = _files(fixed.outcomes, fixed.report)
        if args.output is not None and len(files) != 1:
            raise ConfigError(f"--output takes one input file, these inputs hold {len(files)}")
        fmt = None if args.target is not None else args.input_format
        written: list[Path] = []
        for name, outs in files.items():
            dest = args.output if args.output is not None else Path(name)
            check_writable(dest)
            notes: list[str] = []
            data = fixed_bytes(Path(name), outs, replace(inputs.read, source_lang=config.source_lang,
                                                         target_lang=config.target_lang), fmt, notes)
            for note in notes:
                sys.stderr.write(f"termcheck: note: {note}\n")
            write_atomic(dest, data)
            written.append(dest)
        if args.target is not None:
            again = replace(inputs, target=written[0] if written else inputs.target)
        else:
            again = replace(inputs, paths=tuple(written) if args.output is not None else inputs.paths)
    else:
        sys.stdout.write(diff(fixed.outcomes))
        sys.stdout.flush()
        corrected = {o.segment.index: o.target for o in fixed.outcomes}
        segs = [replace(s, target=corrected.get(s.index, s.target)) for s in fixed.report.segments]
        again = pipeline.Inputs(segments=segs)
    after = pipeline.check(again, glossary, config, policy=None)
    if not args.quiet:
        for line in _summary(fixed, after):
            sys.stderr.write(f"termcheck: {line}\n")
    return 0
