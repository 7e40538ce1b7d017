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

from termcheck import renames
from termcheck.errors import InputError
from termcheck.fileio import ensure_regular_file
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
    # renamed check ids the file still uses (its findings are matched under their new ids)
    notes: tuple[str, ...] = ()

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
    from termcheck.version import __version__

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
    checks: list[str] = []
    for i, e in enumerate(entries):
        fp = e.get("fingerprint") if isinstance(e, dict) else None
        if not isinstance(fp, str) or not fp:
            raise InputError(f"baseline finding #{i + 1} has no \"fingerprint\"", file=path)
        counts[fp] += 1
        if isinstance(e.get("check"), str):
            checks.append(e["check"])
    return Baseline(dict(counts), path, tuple(f"{path}: {n}" for n in renames.notes(checks)))


def load(path: str | Path) -> Baseline:
    """Read a baseline file."""
    p = Path(path)
    if p.exists():  # regular files only: a FIFO would block, /dev/zero never end
        ensure_regular_file(p, "baseline")
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
        if left[fp] <= 0:  # recorded before its check was renamed: known under the old id
            fp = next((old for o in renames.old_ids(f.check) if left[old := fingerprint(replace(f, check=o))] > 0), fp)
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
