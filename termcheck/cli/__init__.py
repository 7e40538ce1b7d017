"""The command line: `termcheck check`, `termcheck checks`, ... (contract in ARCHITECTURE.md §3).

One module per subcommand, each with `HELP`, `arguments(parser)` and `run(args) -> exit code`. This
package imports the library; nothing in the library imports it.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
import threading
from collections.abc import Sequence

from termcheck.cli.common import EXIT_INTERNAL, EXIT_USAGE, Parser, languages
from termcheck.errors import TermcheckError
from termcheck.version import __version__

# subcommand name -> its module (explicit, never discovered), in the order `--help` lists them
COMMANDS: dict[str, str] = {
    "check": "termcheck.cli.check",
    "fix": "termcheck.cli.fix",
    "checks": "termcheck.cli.checks",
    "glossary": "termcheck.cli.glossary",
    "baseline": "termcheck.cli.baseline",
    "align": "termcheck.cli.align",
    "compare": "termcheck.cli.compare",
}


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="termcheck", description="Check translations of official texts against an official "
                    "glossary (Chinese-English first; any pair, with modules for zh, en, fr, es, ru, de).")
    parser.add_argument("--version", action="version", version=f"termcheck {__version__}")
    parser.add_argument("--debug", action="store_true", help="on an internal error, show the traceback")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.arguments(p)
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        p.set_defaults(_run=module.run)
    return parser


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM (what CI sends on cancel) unwinds like Ctrl-C: temp files are removed, no report is half-written."""
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit code: 0 pass, 1 gate failed, 2 usage/input/configuration error,
    3 an internal error (a bug: one line here, the traceback with --debug), 130 interrupted."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    previous = signal.signal(signal.SIGTERM, _terminate) if _main_thread() else None
    try:
        languages(args)
        return args._run(args)
    except TermcheckError as e:
        sys.stderr.write(f"termcheck: error: {_one_line(str(e))}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("termcheck: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug, not the user's input: say so in one line, keep the traceback for --debug
        if args.debug:
            raise
        sys.stderr.write(f"termcheck: internal error: {type(e).__name__}: {_one_line(str(e))[:300]} "
                         "(a bug in termcheck; rerun with --debug for the traceback)\n")
        return EXIT_INTERNAL
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _one_line(text: str) -> str:
    return " ".join(text.split())
