"""The command line: `termcheck check`, `termcheck checks`, ... (contract in ARCHITECTURE.md §3).

One module per subcommand, each with `HELP`, `arguments(parser)` and `run(args) -> exit code`. This
package imports the library; nothing in the library imports it.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from termcheck.cli.common import EXIT_USAGE, Parser
from termcheck.errors import TermcheckError
from termcheck.version import __version__

# subcommand name -> its module (explicit, never discovered), in the order `--help` lists them
COMMANDS: dict[str, str] = {
    "check": "termcheck.cli.check",
    "checks": "termcheck.cli.checks",
    "glossary": "termcheck.cli.glossary",
    "baseline": "termcheck.cli.baseline",
    "align": "termcheck.cli.align",
    "compare": "termcheck.cli.compare",
}


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="termcheck", description="Check English translations of Chinese official texts "
                    "against an official glossary.")
    parser.add_argument("--version", action="version", version=f"termcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.arguments(p)
        p.set_defaults(_run=module.run)
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
