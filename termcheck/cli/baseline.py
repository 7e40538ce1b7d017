"""`termcheck baseline create`: record the current findings as accepted, so only new ones fail the gate."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from termcheck.baseline import from_report
from termcheck.cli import check
from termcheck.cli.common import Parser
from termcheck.fileio import write_atomic

HELP = "record the current findings as accepted (baseline create), so only new ones fail"
DEFAULT_FILE = "termcheck-baseline.json"


def arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="baseline_action", metavar="ACTION", parser_class=Parser, required=True)
    create = sub.add_parser("create", help="run the checks and record every finding as accepted",
                            description="Run `termcheck check` on the inputs and write a baseline file accepting "
                            "every finding; later runs with --baseline FILE then fail only on new findings.")
    check.arguments(create, report=False)  # report and gate options mean nothing here
    create.add_argument("--output", "-o", type=Path, default=Path(DEFAULT_FILE),
                        help=f"baseline file to write (default: {DEFAULT_FILE})")


def run(args: argparse.Namespace) -> int:
    report = check.check_report(args)
    write_atomic(args.output, from_report(report))
    if not args.quiet:
        n = len(report.findings)
        sys.stderr.write(f"termcheck: wrote {args.output}: {n} finding{'s' if n != 1 else ''} accepted\n")
    return 0
