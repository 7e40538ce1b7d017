"""The command line: `termcheck check`, `termcheck checks`, ... (contract in ARCHITECTURE.md §3)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from termcheck import __version__
from termcheck.errors import ConfigError, TermcheckError
from termcheck.report.model import Report

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _csv_list(values: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(p.strip() for v in values or () for p in v.split(",") if p.strip())


def write_atomic(path: Path, data: bytes | Callable[[BinaryIO], object]) -> None:
    """Write to a temp file beside `path` and rename: never a half-written report. `data` is the
    bytes, or a function writing them to the open file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            if callable(data):
                data(f)
            else:
                f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600: a report is an ordinary file (readable as the umask says)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def use_color(stream: object) -> bool:
    """Colors only on a terminal, and never with NO_COLOR set."""
    return bool(getattr(stream, "isatty", lambda: False)()) and "NO_COLOR" not in os.environ


# subcommand name -> (function adding its arguments, function running it); other modules add theirs
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {}


def command(name: str, help_text: str) -> Callable:
    """Register a subcommand: decorate `run(args) -> exit code`; `run.arguments(parser)` adds options."""

    def wrap(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = (help_text, getattr(run, "arguments", lambda p: None), run)
        return run

    return wrap


def add_run_arguments(p: argparse.ArgumentParser) -> None:
    """Options every command that runs the checks shares: selection, languages, config, reading."""
    p.add_argument("--select", action="append", help="only checks with these dotted id prefixes (comma-separated)")
    p.add_argument("--ignore", action="append", help="skip checks with these dotted id prefixes (comma-separated)")
    p.add_argument("--source-lang", help="source language code (default zh)")
    p.add_argument("--target-lang", help="target language code (default en)")
    p.add_argument("--config", type=Path, help="configuration file (termcheck.toml, or a pyproject.toml with "
                   "[tool.termcheck]); default: the one in the working directory. Flags override it")
    p.add_argument("--no-config", action="store_true", help="ignore configuration files in the working directory")
    p.add_argument("--input-format", help="reader to use instead of guessing from the suffix")
    p.add_argument("--encoding", help="input encoding (default: detected)")


def add_check_arguments(p: argparse.ArgumentParser) -> None:
    from termcheck.report import FORMATS

    p.add_argument("inputs", nargs="*", type=Path, help="aligned inputs: TMX, TSV/CSV, ... or folders of them")
    p.add_argument("--source", type=Path, help="source text, one segment a line")
    p.add_argument("--target", type=Path, help="target (translation) text, one segment a line")
    p.add_argument("--reference", type=Path, help="reference translation, one segment a line")
    p.add_argument("--glossary", action="append", type=Path, help="glossary (TBX, CSV, TSV or a folder); "
                   "repeatable, later ones override; default: the bundled official glossary")
    p.add_argument("--format", choices=sorted(FORMATS), help="report format (default: terminal)")
    p.add_argument("--output", "-o", type=Path, help="write the report here (default: standard output)")
    p.add_argument("--fail-on", help="fail (exit 1) on findings of this severity or worse: "
                   "critical, major (default), minor, info, or never")
    p.add_argument("--quiet", "-q", action="store_true", help="nothing on stderr but errors (no progress bar, "
                   "no status line)")
    from termcheck import gate

    gate.add_arguments(p)
    add_run_arguments(p)
    from termcheck.readers import add_arguments as add_reader_arguments

    add_reader_arguments(p)
    from termcheck.metrics import options as metric_options

    metric_options.add_arguments(p)


def check_report(args: argparse.Namespace, *, use_baseline: bool = True) -> Report:
    """Run the `termcheck check` pipeline on parsed arguments: the report, with the gate's verdict."""
    from dataclasses import replace

    from termcheck import gate, progress, report
    from termcheck.api import glossary_label
    from termcheck.config import Config, resolve_args
    from termcheck.glossary.load import load
    from termcheck.readers import read_inputs, reader_options
    from termcheck.readers.plaintext import read_pair
    from termcheck.runner import Run

    if args.inputs and (args.source or args.target):
        raise ConfigError("give either input files or --source/--target, not both")
    if not args.inputs and args.target is None:
        raise ConfigError("nothing to check: give input files, or --target (with --source) text files")
    if args.source and not args.target:
        raise ConfigError("--source needs --target")
    settings = resolve_args(args)  # --config or ./termcheck.toml, ./pyproject.toml: fills unset flags
    if not use_baseline:  # `baseline create` writes the file that --baseline (or the config) names
        args.baseline = None
    policy = gate.policy_from_args(args)  # bad bounds or baseline file: exit 2 before reading anything
    config = Config(select=_csv_list(args.select) or ("",), ignore=_csv_list(args.ignore), fail_on=policy.fail_on,
                    source_lang=args.source_lang, target_lang=args.target_lang,
                    severity=settings.severity, options=settings.options,
                    batch_size=settings.values.get("batch_size", Config.batch_size))
    from termcheck.metrics.options import config_options

    if getattr(args, "semantic", False):  # --semantic also turns on the meaning check
        meaning = {**config.options.get("accuracy.meaning", {}), "enabled": True}
        config = replace(config, options={**config.options, "accuracy.meaning": meaning})
    config = replace(config, options={**config.options, **config_options(args)},
                     per_segment=args.format in report.NEEDS_PER_SEGMENT or bool(getattr(args, "breakdowns", None)))
    glossary = load(args.glossary)
    run = Run(glossary, config, glossary_label(args.glossary))
    opts = reader_options(args, run.matcher)
    if args.target is not None:
        segments = read_pair(args.source, args.target, args.reference, opts)
    else:
        segments = read_inputs(args.inputs, opts, args.input_format)
    # every segment for formats that show them all; the terminal report shows flagged ones only
    keep = "all" if args.format in report.NEEDS_SEGMENTS else ("flagged" if args.format == "terminal" else "none")
    with progress.bar(not getattr(args, "quiet", False) and progress.interactive()) as tick:
        rep = run.execute(segments, keep_segments=keep, progress=tick)
    return gate.apply(rep, policy)


def run_check(args: argparse.Namespace) -> int:
    from termcheck import progress, report

    rep = check_report(args)
    from termcheck.metrics.options import export_breakdowns

    export_breakdowns(args, rep)
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


run_check.arguments = add_check_arguments  # type: ignore[attr-defined]
command("check", "check translations against the glossary and report findings")(run_check)


def _list_checks(args: argparse.Namespace) -> int:
    from termcheck.checks.base import REGISTRY, load_all

    load_all()
    rows = [REGISTRY[k].info() for k in sorted(REGISTRY)]
    w = max(len(r.id) for r in rows)
    for r in rows:
        print(f"{r.id:<{w}}  {r.severity!s:<8}  {r.category:<40}  {r.title}")
    return 0


command("checks", "list the checks: id, default severity, MQM category, title")(_list_checks)

# modules that register more subcommands (explicit, never discovered)
COMMAND_MODULES: list[str] = ["termcheck.glossary.cli", "termcheck.baseline", "termcheck.align.cli",
                              "termcheck.metrics.compare_cli"]


def build_parser() -> argparse.ArgumentParser:
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(name)
    parser = _Parser(prog="termcheck", description="Check English translations of Chinese official texts "
                     "against an official glossary.")
    parser.add_argument("--version", action="version", version=f"termcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (help_text, add_args, run) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_args(p)
        p.set_defaults(_run=run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args._run(args)
    except TermcheckError as e:
        sys.stderr.write(f"termcheck: error: {e}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("termcheck: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
