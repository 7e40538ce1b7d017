"""Metric options on the command line: MQM weights, reference metrics, and breakdown export for `check`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from termcheck.config import register_section
from termcheck.errors import ConfigError

BREAKDOWN_FORMATS = ("csv", "parquet")

# `[tool.termcheck.reference]` metrics = ["bleu", "chrf"] (the `mqm` table, weights = {...}, is known already)
register_section("reference", frozenset({"metrics"}))


def add_arguments(p: argparse.ArgumentParser, *, breakdowns: bool = True) -> None:
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


def config_options(args: argparse.Namespace) -> dict[str, Any]:
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


def export_breakdowns(args: argparse.Namespace, report: Any) -> list[Path]:
    """Write the breakdowns when `--breakdowns DIR` was given; the files written."""
    directory = getattr(args, "breakdowns", None)
    if directory is None:
        return []
    from termcheck.metrics.frames import export

    return export(report, directory, getattr(args, "breakdowns_format", "csv"))
