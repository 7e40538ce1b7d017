"""The HTML review report: one self-contained file, summary and charts on top, segments side by side below."""

from __future__ import annotations

import base64
import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib.resources import files
from itertools import pairwise
from typing import Any

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from termcheck.lang import names
from termcheck.model import Finding, Segment, Severity
from termcheck.report.model import Report
from termcheck.report.safe import visible

SEVERITIES = [str(s) for s in sorted(Severity, reverse=True)]  # critical, major, minor, info
# the most segment rows one HTML report shows (an archive's report stays small enough to open)
MAX_ROWS = 10_000


@dataclass(frozen=True)
class Piece:
    """A run of text covered by the same findings (`ids` empty: plain text; `gap`: an insertion point)."""

    text: str
    ids: tuple[str, ...] = ()
    severity: str | None = None
    gap: bool = False
    title: str = ""


@dataclass
class Row:
    """One segment as the report shows it."""

    doc: str
    id: str
    index: int
    source: list[Piece] | None
    target: list[Piece] | None
    reference: str | None
    where: str
    findings: list[tuple[str, Finding]] = field(default_factory=list)

    @property
    def severities(self) -> str:
        return " ".join(sorted({str(f.severity) for _, f in self.findings}, key=SEVERITIES.index))

    @property
    def checks(self) -> str:
        return " ".join(sorted({f.check for _, f in self.findings}))


def pieces(text: str, spans: Sequence[tuple[int, int, str, Severity]]) -> list[Piece]:
    """Cut `text` at every span boundary; each piece knows the findings covering it (overlaps allowed)."""
    n = len(text)
    spans = [(max(0, a), min(n, b), fid, sev) for a, b, fid, sev in spans if a <= b and a <= n and b >= 0]
    cuts = sorted({0, n, *(a for a, *_ in spans), *(b for _, b, *_ in spans)})
    out: list[Piece] = []
    for a, b in pairwise(cuts):
        for ga, gb, fid, sev in spans:  # zero-length spans (something missing here) show as a caret
            if ga == gb == a:
                out.append(Piece("", (fid,), str(sev), gap=True))
        cover = [(fid, sev) for sa, sb, fid, sev in spans if sa <= a and b <= sb and sa < sb]
        piece = Piece(text[a:b], tuple(f for f, _ in cover), str(max(s for _, s in cover)) if cover else None)
        if out and not out[-1].gap and out[-1].ids == piece.ids:
            out[-1] = Piece(out[-1].text + piece.text, piece.ids, piece.severity)
        else:
            out.append(piece)
    out.extend(Piece("", (fid,), str(sev), gap=True) for a, b, fid, sev in spans if a == b == n)
    return [p for p in out if p.text or p.gap]


def _titled(ps: list[Piece], fs: list[tuple[str, Finding]]) -> list[Piece]:
    """Pieces with a hover text naming their findings (severity, check, suggestion)."""
    labels = {fid: f"{f.severity} · {f.check}" + (f" → {f.suggestion}" if f.suggestion else "") for fid, f in fs}
    return [replace(p, title="\n".join(labels[i] for i in p.ids if i in labels)) if p.ids else p for p in ps]


def _rows(report: Report) -> list[Row]:
    """Every kept segment (or, without them, every flagged one) with its findings and highlighted texts."""
    by_seg: dict[tuple[str, str], list[tuple[str, Finding]]] = defaultdict(list)
    for i, f in enumerate(report.findings):
        by_seg[(f.doc, f.segment)].append((f"f{i + 1}", f))
    segs: list[Segment] = list(report.segments)
    known = {(s.doc, s.id) for s in segs}
    rows: list[Row] = []
    for s in segs:
        fs = by_seg.get((s.doc, s.id), [])
        src = [(f.source_span[0], f.source_span[1], fid, f.severity) for fid, f in fs if f.source_span]
        tgt = [(f.target_span[0], f.target_span[1], fid, f.severity) for fid, f in fs if f.target_span]
        where = str(s.target_origin or s.origin or "")
        rows.append(Row(s.doc, s.id, s.index, _titled(pieces(s.source, src), fs) if s.source is not None else None,
                        _titled(pieces(s.target, tgt), fs) if s.target is not None else None, s.reference, where,
                        fs))
    for (doc, seg_id), fs in by_seg.items():  # findings whose segment was not kept: their spans only
        if (doc, seg_id) not in known:
            f0 = fs[0][1]
            rows.append(Row(doc, seg_id, f0.index, None, None, None, str(f0.origin or ""), fs))
    rows.sort(key=lambda r: (r.index, r.doc, r.id))
    return rows


def _abridge(rows: list[Row]) -> tuple[list[Row], int]:
    """At most MAX_ROWS rows: past that, segments shown only as neighbours go first, then the least severe
    flagged ones (the JSON and CSV reports keep every finding). The rows kept, and how many were left out."""
    if len(rows) <= MAX_ROWS:
        return rows, 0
    rank = {sev: i for i, sev in enumerate(SEVERITIES)}

    def weight(r: Row) -> tuple[int, int]:
        worst = min((rank[str(f.severity)] for _, f in r.findings), default=len(SEVERITIES))
        return worst, r.index

    kept = sorted(sorted(rows, key=weight)[:MAX_ROWS], key=lambda r: (r.index, r.doc, r.id))
    return kept, len(rows) - len(kept)


def _documents(rows: list[Row]) -> list[dict[str, Any]]:
    docs: dict[str, list[Row]] = {}
    for r in rows:
        docs.setdefault(r.doc, []).append(r)
    return [{"name": name, "key": f"d{i + 1}", "rows": rs} for i, (name, rs) in enumerate(docs.items())]


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, Mapping) or key not in data:
            return None
        data = data[key]
    return data


def _fmt(x: Any, digits: int = 1) -> str:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return "–" if x is None else str(x)
    return f"{x:,.{digits}f}" if isinstance(x, float) and not float(x).is_integer() else f"{int(x):,}"


def _cards(report: Report) -> list[dict[str, str]]:
    """The headline metrics that are present, each with one line of context."""
    m = report.metrics
    cards = []
    rate = _get(m, "terms", "success_rate")
    if rate is not None:
        cards.append({"label": "Term success", "value": f"{_fmt(rate)}%",
                      "note": f"{_fmt(_get(m, 'terms', 'correct'))} of {_fmt(_get(m, 'terms', 'source_terms'))} "
                              "glossary terms rendered officially"})
    score = _get(m, "mqm", "score")
    if score is not None:
        cards.append({"label": "MQM score", "value": _fmt(score),
                      "note": f"{_fmt(_get(m, 'mqm', 'penalty_per_1000_words'))} penalty points per 1,000 words: "
                              "an error density from automatic checks, not a human rating"})
    for key, label in (("chrf", "chrF"), ("bleu", "BLEU"), ("ter", "TER")):
        value = _get(m, "reference", key, "score")
        if value is not None:
            cards.append({"label": label, "value": _fmt(value), "note": "against the reference"})
    return cards


def _flat(data: Any, prefix: str = "") -> list[tuple[str, str]]:
    """Scalar metrics as (dotted key, value) rows; long lists (per-segment columns, tables) are left out."""
    out: list[tuple[str, str]] = []
    if isinstance(data, Mapping):
        for k, v in data.items():
            out.extend(_flat(v, f"{prefix}.{k}" if prefix else str(k)))
    elif isinstance(data, (list, tuple)):
        if len(data) <= 8 and all(not isinstance(x, (Mapping, list, tuple)) for x in data):
            out.append((prefix, ", ".join(_fmt(x, 4) for x in data)))
    else:
        out.append((prefix, _fmt(data, 4)))
    return out


def _breakdowns(report: Report) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Findings by category (by severity) and score per document, from the metrics breakdowns."""
    try:
        from termcheck.metrics.frames import by_category, by_document
    except ImportError:  # pragma: no cover - the metrics package is part of termcheck
        cats = [{"label": k, "total": v, "parts": [("", v)]} for k, v in report.summary.get("by_category", {}).items()]
        return cats, []
    cats = [{"label": r["category"], "total": r["findings"], "parts": [(s, r[s]) for s in SEVERITIES if r[s]]}
            for r in by_category(report).iter_rows(named=True)] if report.findings else []
    docs = []
    if report.metrics.get("per_segment"):
        for r in by_document(report).iter_rows(named=True):
            docs.append({"label": r["doc"] or "(no document)", "score": r["mqm_score"],
                         "per1k": r["penalty_per_1000_words"], "findings": r["findings"], "segments": r["segments"],
                         "terms": r.get("term_success_rate")})
    return cats, docs


def _short(label: str, n: int = 30) -> str:
    """A label cut in the middle (file names differ at both ends)."""
    return label if len(label) <= n else label[: n // 2 - 1] + "…" + label[-(n - n // 2):]


def _bar_chart(rows: list[dict[str, Any]], width: int = 520) -> dict[str, Any]:
    """Geometry of a horizontal stacked bar chart (labels left, bars right)."""
    label_w, bar_h, gap = 200, 18, 8
    top = max((r["total"] for r in rows), default=0) or 1
    scale = (width - label_w - 50) / top
    bars = []
    for i, r in enumerate(rows):
        y, x, parts = i * (bar_h + gap), label_w, []
        for sev, n in r["parts"]:
            w = max(n * scale, 1.5)
            parts.append({"x": round(x, 1), "w": round(w, 1), "severity": sev or "none", "n": n})
            x += w
        bars.append({"y": y, "label": r["label"], "short": _short(str(r["label"])), "total": r["total"],
                     "parts": parts, "end": round(x + 6, 1)})
    return {"width": width, "height": max(len(rows) * (bar_h + gap) - gap, bar_h), "bar_h": bar_h,
            "label_w": label_w, "bars": bars, "extra": 0}


def _doc_chart(docs: list[dict[str, Any]], width: int = 520) -> dict[str, Any]:
    """Penalty points per 1,000 words per document (longer is worse), labelled with the MQM score."""
    rows = [{"label": d["label"], "total": d["per1k"] or 0, "parts": [("major", d["per1k"] or 0)]} for d in docs]
    chart = _bar_chart(rows, width)
    chart["extra"] = 250  # room for the note right of the longest bar
    for bar, d in zip(chart["bars"], docs, strict=True):
        bar["note"] = (f"score {_fmt(d['score'])} · {_fmt(d['per1k'])}/1k words · {d['findings']} findings"
                       if d["score"] is not None else f"{d['findings']} findings")
    return chart


def _finalize(value: Any) -> Any:
    """Control characters of shown text as visible pictures (tabs and line breaks kept); markup marked
    safe (the CSS and script assets) passes as it is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value, keep="\t\n\r")
    return value


def _environment() -> Environment:
    # every value shown goes through `visible`: no raw NUL or other control character reaches the HTML
    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, finalize=_finalize)
    env.filters["fmt"] = _fmt
    return env


def _asset(name: str) -> str:
    return files("termcheck.report").joinpath("templates", name).read_text(encoding="utf-8")


def context(report: Report) -> dict[str, Any]:
    """Everything the template shows; no counting beyond what the report and its breakdowns hold."""
    rows, left_out = _abridge(_rows(report))
    cats, docs = _breakdowns(report)
    s = report.summary
    pair = str(report.signature.get("pair", "zh-en")).split("-", 1)
    shown = len(rows)
    checks = sorted({c["id"] for c in report.checks} | set(s.get("by_check", {})))
    renderings = [r for r in report.metrics.get("renderings") or [] if isinstance(r, Mapping)]
    return {
        "report": report, "summary": s, "gate": report.gate, "severities": SEVERITIES,
        "documents": _documents(rows), "checks": checks, "by_check": s.get("by_check", {}),
        "cards": _cards(report), "metrics_rows": [r for r in _flat({k: v for k, v in report.metrics.items()
                                                                    if k not in ("per_segment", "renderings")})],
        "category_chart": _bar_chart(cats) if cats else None, "doc_chart": _doc_chart(docs) if docs else None,
        "renderings": renderings, "signature": report.signature.get("text", ""),
        "baseline": s.get("baseline"),
        "source_name": names.name(pair[0]), "target_name": names.name(pair[-1]),
        "abridged": {"shown": shown, "left_out": left_out} if left_out or shown < s.get("segments", 0) else None,
    }


def render(report: Report, *, color: bool = False) -> bytes:
    """One self-contained HTML file: inline CSS, JS and SVG, no network; deterministic bytes."""
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    template = _environment().from_string(_asset("report.html.j2"))
    html = template.render(**context(report), css=_asset("report.css"), script=script, script_hash=digest)
    return html.encode("utf-8")
