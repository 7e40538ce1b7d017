"""`termcheck glossary lint|convert|show|test|coverage`: the tools that keep a glossary honest."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

from termcheck.cli.common import Parser, use_color, write_stdout
from termcheck.errors import ConfigError
from termcheck.fileio import write_atomic

HELP = "glossary tools: lint, convert, show, test, coverage"

_GLOSSARY_HELP = "glossary (TBX, CSV, TSV or a folder); repeatable, later ones override by id; default: the bundled one"


def _inputs(args: argparse.Namespace) -> list[Path]:
    """The glossaries given, else the bundled one, named relative to here when it is below (for file:line)."""
    from termcheck.glossary.load import bundled_path

    items = list(getattr(args, "files", None) or []) + list(args.glossary or [])
    if items:
        return items
    path = bundled_path().resolve()
    rel = Path(os.path.relpath(path))
    return [rel if not rel.parts or rel.parts[0] != ".." else path]


def run_lint(args: argparse.Namespace) -> int:
    from termcheck.glossary.lint import RULES, lint

    ignore = {r.strip() for v in args.ignore or () for r in v.split(",") if r.strip()}
    unknown = sorted(ignore - set(RULES))
    if unknown:
        raise ConfigError(f"--ignore: unknown rule {unknown[0]!r} (rules: {', '.join(sorted(RULES))})")
    problems = lint(_inputs(args), source_lang=args.source_lang, ignore=ignore)
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    if args.format == "json":
        write_stdout((json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2) + "\n").encode())
    else:
        write_stdout("".join(f"{p}\n" for p in problems).encode())
    sys.stderr.write(f"{errors} error(s), {warnings} warning(s)\n")
    return 1 if errors or (args.strict and warnings) else 0


def run_convert(args: argparse.Namespace) -> int:
    from termcheck.glossary import csvfmt, tbx
    from termcheck.glossary.load import load

    fmt = args.to or {".csv": "csv", ".tsv": "tsv", ".tbx": "tbx", ".xml": "tbx"}.get(args.output.suffix.lower())
    if fmt is None:
        raise ConfigError(f"cannot tell the output format from {args.output.name!r}: use --to csv|tsv|tbx")
    glossary = load([args.input])
    entries = glossary.entries
    source_lang = entries[0].langs[0]
    if fmt == "tbx":
        data = tbx.dump(entries, args.tbx_version, source_lang=source_lang)
        back = tbx.read(args.output, data)
    else:
        text = csvfmt.dump(entries, "\t" if fmt == "tsv" else ",")
        data = text.encode()
        back = csvfmt.parse(text, str(args.output), "\t" if fmt == "tsv" else ",")
    lost = [a.id for a, b in zip(entries, back, strict=True) if replace(a, origin=None) != replace(b, origin=None)]
    write_atomic(args.output, data)
    if lost:
        sys.stderr.write(f"warning: {len(lost)} entr{'y' if len(lost) == 1 else 'ies'} cannot be held exactly in "
                         f"{fmt} (e.g. several test sentences on one wrong rendering): {', '.join(lost[:10])}\n")
    sys.stderr.write(f"{len(entries)} entries written to {args.output}\n")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from termcheck.glossary import show
    from termcheck.glossary.load import load

    glossary = load(_inputs(args))
    matches = show.find(glossary, args.term)
    if not matches:
        near = show.suggestions(glossary, args.term)
        hint = f"; did you mean: {', '.join(near)}" if near else ""
        sys.stderr.write(f"no glossary entry for {args.term!r}{hint}\n")
        if args.format == "json":
            write_stdout(b"[]\n")
        return 1
    if args.format == "json":
        write_stdout(show.render_json(matches))
    else:
        write_stdout(show.render_terminal(matches, args.source_lang, color=use_color(sys.stdout)))
    return 0


def run_test(args: argparse.Namespace) -> int:
    from termcheck import selftest
    from termcheck.config import build
    from termcheck.glossary.load import load

    glossary = load(_inputs(args))
    config = build(select=("terminology",), source_lang=args.source_lang, target_lang=args.target_lang)
    result = selftest.run(glossary, config)
    write_stdout("".join(f"{f}\n" for f in result.failures).encode())
    bad = len({f.entry for f in result.failures})
    sys.stderr.write(f"{result.entries} entries, {result.cases} test sentences: "
                     f"{'all pass' if result.ok else f'{len(result.failures)} failure(s) in {bad} entries'}\n")
    return 0 if result.ok else 1


def run_coverage(args: argparse.Namespace) -> int:
    from termcheck.glossary import coverage
    from termcheck.glossary.load import load

    if args.top is not None and args.top < 1:
        raise ConfigError("--top must be at least 1")
    glossary = load(_inputs(argparse.Namespace(glossary=args.glossary)))
    texts = coverage.read_texts(args.files, args.source_lang, args.target_lang, args.encoding)
    found = coverage.missing_terms(texts, glossary, source_lang=args.source_lang, target_lang=args.target_lang,
                                   min_count=args.min_count)
    write_stdout(coverage.render(found, args.format, args.top).encode())
    sys.stderr.write(f"{len(found)} term-like n-gram(s) not in the glossary\n")
    return 0


def arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="glossary_command", metavar="ACTION", parser_class=Parser)

    lint = sub.add_parser("lint", help="check glossary files for duplicates, conflicts and broken test sentences",
                          description="Lint glossary files (default: the bundled glossary). One line per problem: "
                          "file:line: level[rule] entry: message. Exit 1 on errors (and warnings with --strict).")
    lint.add_argument("files", nargs="*", type=Path, help="glossary files or folders")
    lint.add_argument("--glossary", action="append", type=Path, help=_GLOSSARY_HELP)
    lint.add_argument("--format", choices=("text", "json"), default="text")
    lint.add_argument("--strict", action="store_true", help="warnings fail too")
    lint.add_argument("--ignore", action="append", help="rules to skip (comma-separated)")
    lint.add_argument("--source-lang", default="zh", help="the glossary's source language (default zh)")
    lint.set_defaults(_glossary_run=run_lint)

    conv = sub.add_parser("convert", help="convert between CSV/TSV and TBX (2008 or 2019)",
                          description="Convert a glossary between CSV, TSV and TBX; the format of OUT comes from "
                          "its suffix (.csv, .tsv, .tbx) or --to. The output is written atomically.")
    conv.add_argument("input", type=Path, help="glossary file or folder to read")
    conv.add_argument("output", type=Path, help="file to write")
    conv.add_argument("--to", choices=("csv", "tsv", "tbx"), help="output format (default: from OUT's suffix)")
    conv.add_argument("--tbx-version", choices=("2008", "2019"), default="2019",
                      help="TBX dialect: 2008 (martif) or 2019 (ISO 30042:2019, default)")
    conv.set_defaults(_glossary_run=run_convert)

    show = sub.add_parser("show", help="everything known about a term, by Chinese form or English rendering",
                          description="Show glossary entries for a term: an id, a Chinese form (Traditional "
                          "accepted) or a rendering of any status, matched as the checker matches it.")
    show.add_argument("term")
    show.add_argument("--glossary", action="append", type=Path, help=_GLOSSARY_HELP)
    show.add_argument("--format", choices=("terminal", "json"), default="terminal")
    show.add_argument("--source-lang", default="zh", help=argparse.SUPPRESS)
    show.set_defaults(_glossary_run=run_show)

    test = sub.add_parser("test", help="run every entry's test sentences through the checks",
                          description="Self-test a glossary: each entry's correct sentence pair must draw no "
                          "finding for it, each wrong sentence must be flagged. Exit 1 on any failure.")
    test.add_argument("--glossary", action="append", type=Path, help=_GLOSSARY_HELP)
    test.add_argument("--source-lang", default="zh")
    test.add_argument("--target-lang", default="en")
    test.set_defaults(_glossary_run=run_test)

    cov = sub.add_parser("coverage", help="list the term-like n-grams of a corpus that the glossary lacks",
                         description="Rank the Chinese n-grams of a corpus that look like fixed terms (frequent "
                         "noun phrases, quoted phrases) and that no glossary entry covers. FILE: plain text, or "
                         "an aligned file (TMX, XLIFF, CSV/TSV, JSONL, Parquet) whose source side is read; "
                         "folders are read file by file.")
    cov.add_argument("files", nargs="+", type=Path, metavar="FILE", help="corpus files or folders")
    cov.add_argument("--glossary", action="append", type=Path, help=_GLOSSARY_HELP)
    cov.add_argument("--top", type=int, help="show the first N (default: all)")
    cov.add_argument("--min-count", type=int, default=2, help="least number of occurrences (default 2)")
    cov.add_argument("--format", choices=("text", "csv", "json"), default="text")
    cov.add_argument("--source-lang", default="zh")
    cov.add_argument("--target-lang", default="en")
    cov.add_argument("--encoding", help="encoding of plain-text files (default: detected)")
    cov.set_defaults(_glossary_run=run_coverage)


def run(args: argparse.Namespace) -> int:
    action = getattr(args, "_glossary_run", None)
    if action is None:
        raise ConfigError("glossary: give an action: lint, convert, show, test or coverage")
    return action(args)
