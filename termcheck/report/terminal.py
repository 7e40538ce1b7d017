"""The terminal report: each flagged sentence with its spans highlighted, then a summary."""

from __future__ import annotations

import io
from collections import defaultdict

from rich.console import Console
from rich.text import Text

from termcheck.model import Finding, Severity
from termcheck.report.model import Report
from termcheck.report.safe import visible

STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.MAJOR: "bold red",
    Severity.MINOR: "yellow",
    Severity.INFO: "cyan",
}
SPAN_STYLE = {
    Severity.CRITICAL: "bold underline red",
    Severity.MAJOR: "underline red",
    Severity.MINOR: "underline yellow",
    Severity.INFO: "underline cyan",
}


# past this many flagged segments the terminal report summarizes instead of scrolling
MAX_SEGMENTS = 200
DOCUMENTS_LISTED = 20


def _v(text: object) -> str:
    """Input text as shown: control characters (ESC, CR, NUL...) as visible pictures, one for one."""
    return visible(str(text), keep="\t")


def _safe(line: Text | str) -> Text:
    """A line built elsewhere (metrics) with its control characters made visible; styles kept."""
    if isinstance(line, str):
        return Text(_v(line))
    out = line.copy()
    out.plain = _v(out.plain)
    return out


def _highlight(text: str, spans: list[tuple[tuple[int, int], Severity]]) -> Text:
    t = Text(_v(text))
    for (a, b), sev in sorted(spans, key=lambda s: s[1]):
        t.stylize(SPAN_STYLE[sev], a, b)
    return t


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def render(report: Report, *, color: bool = False, width: int | None = None) -> bytes:
    """Findings grouped by segment, in document order, then counts and the verdict."""
    buf = io.StringIO()
    # on a terminal rich wraps to its width; into a file or pipe lines are left whole
    con = Console(file=buf, force_terminal=color, no_color=not color, width=width or (None if color else 10_000),
                  highlight=False, emoji=False, soft_wrap=not color)
    groups: dict[tuple[int, str, str], list[Finding]] = defaultdict(list)
    for f in report.findings:
        groups[(f.index, f.doc, f.segment)].append(f)
    texts = {(s.doc, s.id): s for s in report.segments}
    shown = list(groups.items())
    hidden = shown[MAX_SEGMENTS:]
    for (_, doc, seg_id), fs in shown[:MAX_SEGMENTS]:
        where = str(fs[0].origin) if fs[0].origin else f"{doc} {seg_id}"
        con.print(Text.assemble((f"segment {_v(seg_id)}", "bold"), ("  " + _v(where), "dim")))
        seg = texts.get((doc, seg_id))
        tspans = [(f.target_span, f.severity) for f in fs if f.target_span]
        sspans = [(f.source_span, f.severity) for f in fs if f.source_span]
        if seg is not None and seg.source:
            con.print(Text(f"  {_v(seg.source_lang)}  ", style="dim") + _highlight(seg.source, sspans))
        if seg is not None and seg.target is not None:
            con.print(Text(f"  {_v(seg.target_lang)}  ", style="dim") + _highlight(seg.target, tspans))
        for f in fs:
            line = Text("  ")
            line.append(f"{f.severity!s:8}", style=STYLE[f.severity])
            line.append(f" {f.check}", style="bold")
            if f.target_text:
                line.append("  ")
                line.append(_v(f.target_text), style=SPAN_STYLE[f.severity])
            if f.source_text:
                line.append(f"  ← {_v(f.source_text)}", style="dim")
            con.print(line)
            con.print(Text("           " + _v(f.message)))
            safe = f.fix is not None and f.fix.safe
            same = safe and f.fix.span == f.target_span and f.fix.replacement == f.suggestion  # type: ignore[union-attr]
            if f.suggestion:
                con.print(Text.assemble(("           → ", "green"), (_v(f.suggestion), "bold green"),
                                        ("   safe fix" if same else "", "dim")))
            if safe and not same:
                a, b = f.fix.span  # type: ignore[union-attr]
                old = seg.target[a:b] if seg is not None and seg.target is not None else ""
                con.print(Text.assemble(("           safe fix: ", "dim"), (f"“{_v(old)}” → " if old else "", "dim"),
                                        (f"“{_v(f.fix.replacement)}”", "green")))  # type: ignore[union-attr]
            elif not safe and f.target_span is not None:
                why = f": {_v(f.fix.note)}" if f.fix is not None and f.fix.note else ""
                con.print(Text(f"           no safe fix{why}", style="dim"))
        con.print()
    if hidden:
        n_hidden = sum(len(fs) for _, fs in hidden)
        con.print(Text(f"… {_n(len(hidden), 'more flagged segment')} ({_n(n_hidden, 'finding')}) not shown: write "
                       "the whole report with --format html, json or csv and --output FILE", style="bold"))
        by_doc: dict[str, int] = defaultdict(int)
        for (_, doc, _), fs in groups.items():
            by_doc[doc] += len(fs)
        worst = sorted(by_doc.items(), key=lambda kv: (-kv[1], kv[0]))
        con.print(Text(f"Documents with the most findings ({len(worst)} with any):", style="bold"))
        for doc, n in worst[:DOCUMENTS_LISTED]:
            con.print(Text(f"  {n:5}  {_v(doc)}"))
        con.print()
    s = report.summary
    sev = "  ".join(f"{k} {v}" for k, v in s["by_severity"].items())
    con.print(Text.assemble(("Summary  ", "bold"), f"{_n(s['findings'], 'finding')} in {s['flagged_segments']} of "
                            f"{s['segments']} segments   {sev}"))
    for check, n in s["by_check"].items():
        con.print(Text(f"  {n:5}  {_v(check)}"))
    if isinstance(s.get("baseline"), dict):
        b = s["baseline"]
        con.print(Text(_v(f"  baseline {b['file']}: {b['known']} known findings accepted (not shown), {b['new']} new, "
                          f"{b['fixed']} fixed"), style="dim"))
    for key, value in report.metrics.items():
        if isinstance(value, (int, float, str)):
            con.print(Text(_v(f"  {key}: {value}")))
    from termcheck.report.metrics_text import metric_lines

    for metric_line in metric_lines(report.metrics):
        con.print(_safe(metric_line))
    con.print(Text(_v(report.signature.get("text", "")), style="dim"))
    if report.gate is not None:
        verdict = Text("PASS", style="bold green") if report.gate.passed else Text("FAIL", style="bold red")
        con.print(Text.assemble(verdict, "  ", _v(" ".join(report.gate.reasons))))
    return buf.getvalue().encode("utf-8")
