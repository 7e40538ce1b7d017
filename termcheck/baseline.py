"""Baselines: record the findings a project has accepted, so that only new findings fail the gate.

A baseline file is JSON::

    {
      "format": "termcheck-baseline",
      "version": 1,
      "termcheck": "0.1.0",
      "signature": "termcheck:0.1.0|glossary:...",
      "findings": [
        {"fingerprint": "9f1c...", "check": "terminology.forbidden", "severity": "major",
         "doc": "readout.en.txt", "segment": "10", "source_text": "去风险",
         "target_text": "risk reduction", "message": "..."},
        ...
      ]
    }

Only `fingerprint` is used for matching (see `termcheck.fingerprint`: check id, a digest of the
segment's normalized content, the spanned texts and the term); the other fields are there for
people reviewing the file. A fingerprint listed n times accepts up to n findings with that
fingerprint (the same sentence can occur twice in a document). The file is deterministic:
same findings, same bytes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from termcheck.errors import InputError
from termcheck.fingerprint import fingerprint
from termcheck.model import Finding
from termcheck.report.model import Report

FORMAT = "termcheck-baseline"
VERSION = 1


@dataclass(frozen=True)
class Baseline:
    """Accepted findings: fingerprint -> how many are accepted."""

    counts: Mapping[str, int]
    path: str = ""

    def __len__(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Split:
    """Findings of a run against a baseline: new ones, known ones, and how many known ones are gone."""

    new: tuple[Finding, ...]
    known: tuple[Finding, ...]
    fixed: int


def entry(f: Finding) -> dict[str, Any]:
    """One finding as a baseline entry."""
    return {"fingerprint": fingerprint(f), "check": f.check, "severity": str(f.severity), "doc": f.doc,
            "segment": f.segment, "source_text": f.source_text, "target_text": f.target_text,
            "message": f.message}


def dumps(findings: Iterable[Finding], signature: str = "") -> bytes:
    """The baseline file accepting these findings."""
    from termcheck import __version__

    data = {"format": FORMAT, "version": VERSION, "termcheck": __version__, "signature": signature,
            "findings": [entry(f) for f in findings]}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def from_report(report: Report) -> bytes:
    """The baseline file accepting every finding of a report."""
    return dumps(report.findings, str(report.signature.get("text", "")))


def loads(data: bytes | str, path: str = "<baseline>") -> Baseline:
    """Parse a baseline file; anything but the documented format is an InputError naming the file."""
    try:
        doc = json.loads(data)
    except json.JSONDecodeError as e:
        raise InputError(f"not a termcheck baseline: invalid JSON ({e.msg})", file=path, line=e.lineno) from None
    except UnicodeDecodeError:
        raise InputError("not a termcheck baseline: not UTF-8 text", file=path) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InputError(f"not a termcheck baseline (expected \"format\": \"{FORMAT}\"; create one with "
                         "`termcheck baseline create`)", file=path)
    if doc.get("version") != VERSION:
        raise InputError(f"unsupported baseline version {doc.get('version')!r} (this termcheck reads {VERSION})",
                         file=path)
    entries = doc.get("findings")
    if not isinstance(entries, list):
        raise InputError("baseline has no \"findings\" list", file=path)
    counts: Counter[str] = Counter()
    for i, e in enumerate(entries):
        fp = e.get("fingerprint") if isinstance(e, dict) else None
        if not isinstance(fp, str) or not fp:
            raise InputError(f"baseline finding #{i + 1} has no \"fingerprint\"", file=path)
        counts[fp] += 1
    return Baseline(dict(counts), path)


def load(path: str | Path) -> Baseline:
    """Read a baseline file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such baseline file (create one with `termcheck baseline create`)", file=str(p)) from None
    except OSError as e:
        raise InputError(f"cannot read baseline: {e.strerror}", file=str(p)) from None
    return loads(data, str(p))


def split(findings: Sequence[Finding], baseline: Baseline) -> Split:
    """Match findings (in report order) against the baseline; unmatched ones are new."""
    left = Counter(baseline.counts)
    new: list[Finding] = []
    known: list[Finding] = []
    for f in findings:
        fp = fingerprint(f)
        if left[fp] > 0:
            left[fp] -= 1
            known.append(f)
        else:
            new.append(f)
    return Split(tuple(new), tuple(known), sum(left.values()))


def apply(report: Report, baseline: Baseline) -> Report:
    """The report with only the new findings, its counts redone, and `summary["baseline"]` added."""
    from termcheck.report.model import summarize

    parts = split(report.findings, baseline)
    old = report.summary
    summary = dict(summarize(parts.new, int(old.get("segments", 0)), ()))
    for key in ("segments", "documents"):
        if key in old:
            summary[key] = old[key]
    summary["baseline"] = {"file": baseline.path, "accepted": len(baseline), "known": len(parts.known),
                           "new": len(parts.new), "fixed": parts.fixed}
    return replace(report, findings=parts.new, summary=summary)


def _arguments(p: Any) -> None:
    from termcheck.cli import _Parser, add_check_arguments

    sub = p.add_subparsers(dest="baseline_action", metavar="ACTION", parser_class=_Parser, required=True)
    create = sub.add_parser("create", help="run the checks and record every finding as accepted",
                            description="Run `termcheck check` on the inputs and write a baseline file accepting "
                            "every finding; later runs with --baseline FILE then fail only on new findings.")
    add_check_arguments(create)
    create.set_defaults(output=None)
    import argparse

    unused = {"format", "baseline", "min_term_success", "max_mqm_penalty", "min_chrf", "breakdowns"}
    for action in create._actions:
        if action.dest == "output":
            action.help = "baseline file to write (default: termcheck-baseline.json)"
        elif action.dest in unused:  # report and gate options mean nothing here
            action.help = argparse.SUPPRESS


def _run(args: Any) -> int:
    import sys

    from termcheck.cli import check_report, write_atomic

    report = check_report(args, use_baseline=False)
    out = Path(args.output) if args.output is not None else Path("termcheck-baseline.json")
    write_atomic(out, from_report(report))
    if not args.quiet:
        n = len(report.findings)
        sys.stderr.write(f"termcheck: wrote {out}: {n} finding{'s' if n != 1 else ''} accepted\n")
    return 0


def _register() -> None:
    from termcheck.cli import command

    _run.arguments = _arguments  # type: ignore[attr-defined]
    command("baseline", "record the current findings as accepted (baseline create), so only new ones fail")(_run)


_register()
