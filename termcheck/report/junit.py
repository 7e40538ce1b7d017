"""JUnit XML: one test case per document and check; failing cases list the segments; one case for the gate.

A case fails when it holds a finding at or above the gate's `--fail-on` severity, so the XML fails
exactly when termcheck's exit code says so; findings below it are listed in the case's system-out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from termcheck.model import Finding, Severity
from termcheck.report.model import Report

# characters XML 1.0 cannot carry (input text is untrusted): replaced, never dropped silently
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
NO_DOC = "(no document)"


def _clean(text: object) -> str:
    return _NOT_XML.sub("\ufffd", "" if text is None else str(text))


def _threshold(report: Report) -> Severity | None:
    if report.gate is None:
        return Severity.MAJOR
    value = report.gate.policy.get("fail_on", "major")
    return None if value == "never" else Severity.parse(value)


def _line(f: Finding) -> str:
    where = f" ({f.origin})" if f.origin else ""
    text = f"segment {f.segment}{where}: {f.severity}"
    if f.target_text:
        text += f" “{f.target_text}”"
    if f.source_text:
        text += f" ← {f.source_text}"
    text += f": {f.message}"
    if f.suggestion:
        text += f" → {f.suggestion}"
    return text


def _case(parent: ET.Element, classname: str, name: str, findings: list[Finding],
          threshold: Severity | None) -> bool:
    case = ET.SubElement(parent, "testcase", {"classname": _clean(classname), "name": _clean(name), "time": "0"})
    failing = [f for f in findings if threshold is not None and f.severity >= threshold]
    if failing:
        worst = max(f.severity for f in failing)
        n = len(failing)
        fail = ET.SubElement(case, "failure", {"message": f"{n} finding{'s' if n != 1 else ''} of severity "
                                               f"{threshold} or worse (worst: {worst})", "type": str(worst)})
        fail.text = _clean("\n".join(_line(f) for f in failing))
    rest = [f for f in findings if threshold is None or f.severity < threshold]
    if rest:
        ET.SubElement(case, "system-out").text = _clean("\n".join(_line(f) for f in rest))
    return bool(failing)


def render(report: Report, *, color: bool = False) -> bytes:
    threshold = _threshold(report)
    by_doc: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    docs = list(dict.fromkeys([s.doc for s in report.segments] + [f.doc for f in report.findings]))
    for f in report.findings:
        by_doc[f.doc][f.check].append(f)
    checks = sorted({c["id"] for c in report.checks} | {f.check for f in report.findings})
    root = ET.Element("testsuites", {"name": "termcheck"})
    total = failures = 0
    for doc in docs:
        suite = ET.SubElement(root, "testsuite", {"name": _clean(doc or NO_DOC)})
        n_fail = sum(_case(suite, doc or NO_DOC, check, by_doc[doc].get(check, []), threshold) for check in checks)
        suite.attrib.update({"tests": str(len(checks)), "failures": str(n_fail), "errors": "0", "skipped": "0",
                             "time": "0"})
        total += len(checks)
        failures += n_fail
    if report.gate is not None:
        suite = ET.SubElement(root, "testsuite", {"name": "termcheck.gate"})
        props = ET.SubElement(suite, "properties")
        for key, value in [("signature", report.signature.get("text", "")), *report.gate.policy.items()]:
            ET.SubElement(props, "property", {"name": _clean(key), "value": _clean(value)})
        case = ET.SubElement(suite, "testcase", {"classname": "termcheck", "name": "gate", "time": "0"})
        if not report.gate.passed:
            fail = ET.SubElement(case, "failure", {"message": _clean(" ".join(report.gate.reasons)), "type": "gate"})
            fail.text = _clean("\n".join(report.gate.reasons))
        suite.attrib.update({"tests": "1", "failures": "0" if report.gate.passed else "1", "errors": "0",
                             "skipped": "0", "time": "0"})
        total += 1
        failures += 0 if report.gate.passed else 1
    root.attrib.update({"tests": str(total), "failures": str(failures), "errors": "0", "time": "0"})
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8",
                                                                   xml_declaration=False) + b"\n"
