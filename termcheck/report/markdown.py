"""The Markdown report: a summary and one table row per finding (for PRs and wikis)."""

from __future__ import annotations

from termcheck.report.model import Report
from termcheck.report.safe import visible


def _cell(s: object) -> str:
    text = visible("" if s is None else str(s), keep="\n")  # NUL, ESC, CR... as visible pictures
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def render(report: Report, *, color: bool = False) -> bytes:
    s = report.summary
    out = ["# termcheck report", ""]
    if report.gate is not None:
        out.append(f"**{'PASS' if report.gate.passed else 'FAIL'}**" +
                   (": " + visible(" ".join(report.gate.reasons)) if report.gate.reasons else ""))
        out.append("")
    sev = ", ".join(f"{k} {v}" for k, v in s["by_severity"].items())
    out.append(f"{s['findings']} findings in {s['flagged_segments']} of {s['segments']} segments ({sev}).")
    out.append("")
    out.append(f"`{visible(report.signature.get('text', ''))}`")
    out.append("")
    if report.findings:
        out.append("| segment | severity | check | target | source | message | suggestion |")
        out.append("|---|---|---|---|---|---|---|")
        for f in report.findings:
            seg = f"{f.doc}:{f.segment}" if f.doc else f.segment
            out.append("| " + " | ".join(_cell(x) for x in (seg, f.severity, f.check, f.target_text,
                                                             f.source_text, f.message, f.suggestion)) + " |")
    return ("\n".join(out) + "\n").encode("utf-8")
