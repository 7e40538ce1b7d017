"""SARIF 2.1.0: rules from the checks, results located at file, line and column, for code-scanning UIs."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from termcheck.fingerprint import fingerprint
from termcheck.model import Finding, Origin, Segment, Severity, Span
from termcheck.report.model import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "termcheckFingerprint/v1"
LEVEL = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.INFO: "note"}


def level(severity: Severity | str) -> str:
    """SARIF level of a severity: critical and major are errors, minor a warning, info a note."""
    return LEVEL[Severity.parse(severity)]


def rule_name(check_id: str) -> str:
    """`terminology.near-miss` -> `TerminologyNearMiss` (SARIF names are identifiers, ids stay dotted)."""
    return "".join(w[:1].upper() + w[1:] for w in re.split(r"[^0-9A-Za-z]+", check_id) if w)


def uri(path: str) -> str:
    """A file path as a SARIF URI: relative paths stay relative (to the repository), absolute ones are file URIs."""
    if PureWindowsPath(path).drive:
        return "file:///" + quote(PureWindowsPath(path).as_posix(), safe="/:")
    posix = PurePosixPath(path.replace("\\", "/"))
    text = quote(posix.as_posix())
    return "file://" + text if posix.is_absolute() else text


def _rules(report: Report) -> list[dict[str, Any]]:
    checks: dict[str, Mapping[str, Any]] = {c["id"]: c for c in report.checks}
    for f in report.findings:  # a finding from a check the report does not list still gets a rule
        checks.setdefault(f.check, {"id": f.check, "category": f.category, "severity": str(f.severity),
                                    "title": f.check})
    rules = []
    for cid in sorted(checks):
        c = checks[cid]
        category = str(c.get("category", ""))
        rules.append({
            "id": cid,
            "name": rule_name(cid),
            "shortDescription": {"text": str(c.get("title") or cid)},
            "defaultConfiguration": {"level": level(c.get("severity", "major"))},
            "properties": {"category": category, "severity": str(c.get("severity", "major")),
                           "tags": ["translation", category.split("/")[0]] if category else ["translation"]},
        })
    return rules


def _region(origin: Origin, text: str | None, span: Span | None, offset: int | None) -> dict[str, Any] | None:
    """The region of a span; columns where it is known where the segment's text starts on its line
    (`offset` characters in) and the span lies on that line."""
    if origin.line is None:
        return None
    region: dict[str, Any] = {"startLine": origin.line}
    if (offset is not None and span is not None and text is not None and 0 <= span[0] <= span[1] <= len(text)
            and "\n" not in text[:span[1]]):
        region.update(startColumn=offset + span[0] + 1, endColumn=offset + span[1] + 1,
                      snippet={"text": text[span[0]:span[1]]})
    return region


def _offset(origin: Origin, whole_line: bool) -> int | None:
    """Where a segment's text starts on its line: at 0 when it is the whole line, at the origin's column
    for a sentence cut from a paragraph, unknown otherwise."""
    if whole_line:
        return 0
    return origin.column - 1 if origin.column is not None else None


def _physical(origin: Origin, region: dict[str, Any] | None) -> dict[str, Any]:
    loc: dict[str, Any] = {"artifactLocation": {"uri": uri(origin.file)}}
    if region is not None:
        loc["region"] = region
    return loc


def _logical(f: Finding) -> list[dict[str, Any]]:
    name = f"segment {f.segment}"
    return [{"name": name, "fullyQualifiedName": f"{f.doc}/{name}" if f.doc else name, "kind": "element"}]


def _message(f: Finding) -> str:
    text = f.message.rstrip()
    if f.suggestion and f.suggestion not in text:
        text += f" Suggestion: “{f.suggestion}”."
    return text


def _result(f: Finding, rule_index: int, seg: Segment | None, baseline: bool) -> dict[str, Any]:
    res: dict[str, Any] = {"ruleId": f.check, "ruleIndex": rule_index, "level": level(f.severity),
                           "message": {"text": _message(f)}}
    # the target text of a line-aligned plain-text pair is exactly its line: columns come straight from
    # the span; a sentence of an aligned document starts at its origin's column
    exact = seg is not None and seg.target_origin is not None and seg.alignment is None
    on_target = seg is not None and seg.target_origin is not None and f.origin == seg.target_origin
    location: dict[str, Any] = {"logicalLocations": _logical(f)}
    region = None
    if f.origin is not None:
        offset = _offset(f.origin, exact) if on_target else None
        region = _region(f.origin, seg.target if seg else None, f.target_span, offset)
        location = {"physicalLocation": _physical(f.origin, region), **location}
    res["locations"] = [location]
    if seg is not None and seg.target_origin is not None and seg.origin is not None and f.source_span:
        src_region = _region(seg.origin, seg.source, f.source_span, _offset(seg.origin, exact))
        res["relatedLocations"] = [{"id": 1, "physicalLocation": _physical(seg.origin, src_region),
                                    "message": {"text": f"source: {f.source_text}"}}]
    if f.fix is not None and f.fix.safe and f.origin is not None and on_target and seg is not None:
        fixed = _region(f.origin, seg.target, f.fix.span, _offset(f.origin, exact))
        if fixed is not None and "startColumn" in fixed:
            res["fixes"] = [{"description": {"text": f"Use “{f.fix.replacement}”"},
                             "artifactChanges": [{"artifactLocation": {"uri": uri(f.origin.file)},
                                                  "replacements": [{"deletedRegion": {
                                                      "startLine": fixed["startLine"],
                                                      "startColumn": fixed["startColumn"],
                                                      "endColumn": fixed["endColumn"]},
                                                      "insertedContent": {"text": f.fix.replacement}}]}]}]
    res["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint(f)}
    if baseline:
        res["baselineState"] = "new"
    props = {"category": f.category, "severity": str(f.severity), "doc": f.doc, "segment": f.segment,
             "source_text": f.source_text, "target_text": f.target_text, "suggestion": f.suggestion,
             "term": f.term, "score": f.score}
    res["properties"] = {k: v for k, v in props.items() if v is not None and v != ""}
    return res


def sarif_dict(report: Report) -> dict[str, Any]:
    """The whole SARIF log as plain data."""
    rules = _rules(report)
    index = {r["id"]: i for i, r in enumerate(rules)}
    segments = {(s.doc, s.id): s for s in report.segments}
    baseline = "baseline" in report.summary
    results = [_result(f, index[f.check], segments.get((f.doc, f.segment)), baseline) for f in report.findings]
    from termcheck.version import __version__

    run_props: dict[str, Any] = {"signature": dict(report.signature), "summary": dict(report.summary)}
    if report.metrics:
        run_props["metrics"] = dict(report.metrics)
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if report.gate is not None:
        invocation["exitCode"] = report.gate.exit_code
        run_props["gate"] = {"passed": report.gate.passed, "reasons": list(report.gate.reasons),
                             **dict(report.gate.policy)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "termcheck", "version": __version__, "semanticVersion": __version__,
                                "rules": rules}},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": run_props,
        }],
    }


def render(report: Report, *, color: bool = False) -> bytes:
    """Deterministic SARIF JSON (no timestamps)."""
    return (json.dumps(sarif_dict(report), ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")
