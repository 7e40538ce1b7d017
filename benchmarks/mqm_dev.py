#!/usr/bin/env python3
"""Precision and recall of termcheck's findings against professional MQM annotations (WMT23 zh-en).

Reads ../shared/mqm-dev/wmt23-general-zhen.mqm.tsv (not part of the project): 10 MT systems x 377
news segments, 3 raters each. Runs termcheck (library API, default checks, bundled glossary) on each
system's segments and compares the findings with the raters' error annotations:

- precision by segment: share of flagged segments that carry a rater-marked error (any severity);
- precision by span: share of findings with a target span that overlaps a rater's target error span;
- false alarms: share of the segments every rater marked No-error that get a finding (any / major+);
- recall for the error classes a check claims (numbers/dates/currency, untranslated, omission, ...):
  share of segments with such a rater-marked error that the check flags;
- system-level correlation (Pearson, Kendall tau-b over the systems) of termcheck's error density
  (penalty per 1,000 words, weights minor 1, major 5, critical 25) with the raters' MQM score.

"Source issue" rows (an error in the source) are not counted as translation errors. HOTW-test rows
(attention checks) are left out. Usage (from the project root):

    python benchmarks/mqm_dev.py [--json] [--systems A,B] [--select accuracy] [--show major --limit 40]
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # its own reader, next to it
from mqm_numbers import unstated

from termcheck.api import check
from termcheck.config import Config
from termcheck.metrics.mqm import word_count
from termcheck.model import Finding, Segment, Severity

REL = Path("shared") / "mqm-dev" / "wmt23-general-zhen.mqm.tsv"
# ../shared next to the project root (a git worktree may sit one level deeper)
DATA = next((p / REL for p in Path(__file__).resolve().parents[1:] if (p / REL).is_file()),
            Path(__file__).resolve().parents[2] / REL)
MARK = re.compile(r"<v>(.*?)</v>", re.S)
# raters' MQM weights (Freitag et al. 2021)
MAJOR_W, MINOR_W, PUNCT_W, NONTRANS_W = 5.0, 1.0, 0.1, 25.0
TERMCHECK_W = {Severity.INFO: 0.0, Severity.MINOR: 1.0, Severity.MAJOR: 5.0, Severity.CRITICAL: 25.0}

# the first definition of a number, date or currency error (kept to report the old recall): the category
# says so, or the marked span (target or source) holds a digit, a numeral word or a Chinese numeral character
_NUM_WORDS = (r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
              r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
              r"hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|quarter|percent|"
              r"first|second|third|fourth|fifth|once|twice|double|triple")
_NUMERIC = re.compile(rf"[0-9０-９]|[二三四五六七八九十百千万亿兩两〇零%％]|\b(?:{_NUM_WORDS})\b", re.I)


@dataclass(frozen=True)
class Error:
    """One rater-marked error: category, severity, and the marked span (target or source side)."""

    rater: str
    category: str
    severity: str
    target_span: tuple[int, int] | None
    target_text: str
    source_text: str
    target: str = ""  # the whole segment, markers removed: the other side of a marked span
    source: str = ""


@dataclass
class Item:
    """One system's translation of one segment, with every rater's annotations."""

    system: str
    seg: int
    doc: str
    source: str
    target: str
    raters: set[str]
    errors: list[Error]

    @property
    def has_error(self) -> bool:
        return bool(self.errors)

    def mqm(self) -> float:
        """The raters' MQM score: weighted errors, mean over raters (lower is better)."""
        total = 0.0
        for e in self.errors:
            if e.category.startswith("Non-translation"):
                total += NONTRANS_W
            elif e.severity == "Major":
                total += MAJOR_W
            elif e.category == "Fluency/Punctuation":
                total += PUNCT_W
            else:
                total += MINOR_W
        return total / max(len(self.raters), 1)


def _strip(text: str) -> tuple[str, tuple[int, int] | None, str]:
    """Text without the markers, the first marked span (in the stripped text) and its text."""
    m = MARK.search(text)
    if not m:
        return text, None, ""
    plain = text.replace("<v>", "").replace("</v>", "")
    start = m.start()
    return plain, (start, start + len(m.group(1))), m.group(1)


def load(path: Path = DATA) -> list[Item]:
    """The annotated segments, ordered by system and segment number."""
    texts: dict[tuple[str, int], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    sources: dict[tuple[str, int], str] = {}
    docs: dict[tuple[str, int], str] = {}
    raters: dict[tuple[str, int], set[str]] = collections.defaultdict(set)
    errors: dict[tuple[str, int], list[Error]] = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            r = line.rstrip("\n").split("\t")
            if r[col["severity"]] == "HOTW-test":
                continue
            key = (r[col["system"]], int(r[col["globalSegId"]]))
            target, tspan, ttext = _strip(r[col["target"]])
            source, _, stext = _strip(r[col["source"]])
            texts[key][target] += 1
            sources.setdefault(key, source)
            docs.setdefault(key, r[col["doc"]])
            raters[key].add(r[col["rater"]])
            cat, sev = r[col["category"]], r[col["severity"]]
            if sev == "No-error" or cat == "No-error" or cat == "Source issue":
                continue
            errors[key].append(Error(r[col["rater"]], cat, sev, tspan, ttext, stext, target, source))
    items = []
    for key in sorted(texts):
        target = sorted(texts[key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        items.append(Item(key[0], key[1], docs[key], sources[key], target, raters[key], errors[key]))
    return items


# error classes and the checks that claim them
_FORMATS = ("Locale convention/Date format", "Locale convention/Currency format")


def _is_number_old(e: Error) -> bool:
    """The first definition: any accuracy error whose span holds a digit or a numeral word ("two
    establishments" for 两个确立 included, though its number is right)."""
    if e.category in _FORMATS:
        return True
    return e.category.startswith("Accuracy") and bool(_NUMERIC.search(e.target_text) or _NUMERIC.search(e.source_text))


def _is_number(e: Error) -> bool:
    """A number, date or currency error: a date or currency format error, or an accuracy error whose marked
    span holds a number, a date part or a currency that the other side of the segment does not state (as
    often), read by the benchmark's own reader (mqm_numbers), not termcheck's. A number stated alike on
    both sides ("two establishments" for 两个确立) makes a wording error, not a number error."""
    if e.category in _FORMATS:
        return True
    if not e.category.startswith("Accuracy"):
        return False
    return bool((e.target_text and unstated(e.target_text, e.target, e.source, span_is_zh=False))
                or (e.source_text and unstated(e.source_text, e.source, e.target, span_is_zh=True)))


CLASSES: dict[str, Callable[[Error], bool]] = {
    "number/date/currency": _is_number,
    "untranslated": lambda e: e.category in ("Accuracy/Source language fragment", "Non-translation!"),
    "omission": lambda e: e.category.startswith("Accuracy/Omission"),
    "addition": lambda e: e.category == "Accuracy/Addition",
    "name format": lambda e: e.category == "Locale convention/Name format",
    "punctuation": lambda e: e.category == "Fluency/Punctuation",
    "spelling": lambda e: e.category == "Fluency/Spelling",
    "terminology": lambda e: e.category.startswith("Terminology"),
}
CLAIMS: dict[str, tuple[str, ...]] = {
    "accuracy.number": ("number/date/currency",),
    "locale.format": ("number/date/currency",),
    "alignment.shift": ("omission", "addition"),
    "accuracy.untranslated": ("untranslated",),
    "accuracy.language": ("untranslated",),
    "accuracy.omission": ("omission",),
    "alignment.omission": ("omission",),
    "accuracy.addition": ("addition",),
    "alignment.addition": ("addition",),
    "accuracy.literal": ("name format", "spelling"),
    "fluency.punctuation": ("punctuation",),
    "fluency.artifact": ("spelling",),
    "terminology.forbidden": ("terminology",),
    "terminology.missing": ("terminology",),
    "terminology.near-miss": ("terminology",),
    "terminology.inconsistent": ("terminology",),
}


def run(items: Sequence[Item], select: tuple[str, ...]) -> dict[tuple[str, int], list[Finding]]:
    """termcheck's findings per (system, segment), one run per system (documents kept together)."""
    out: dict[tuple[str, int], list[Finding]] = collections.defaultdict(list)
    for system in sorted({it.system for it in items}):
        mine = [it for it in items if it.system == system]
        segs = [Segment(str(it.seg), it.source, it.target, i, it.doc) for i, it in enumerate(mine)]
        rep = check(segs, config=Config(select=select))
        for f in rep.findings:
            out[(system, int(f.segment))].append(f)
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1] if a[0] != a[1] and b[0] != b[1] else a[0] <= b[1] and b[0] <= a[1]


def _chance(span: tuple[int, int], text: str, espans: Sequence[tuple[int, int]]) -> float:
    """The share of the places a span of this length could take in the text that overlap a rater's span:
    what P(span) would be for findings put at random in the same segments (its base rate)."""
    n = max(span[1] - span[0], 0)
    places = range(max(len(text) - n, 0) + 1)
    return sum(any(_overlap((p, p + n), e) for e in espans) for p in places) / len(places)


def _ratio(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def pearson(x: Sequence[float], y: Sequence[float]) -> float | None:
    n = len(x)
    if n < 2:
        return None
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx, syy = sum((a - mx) ** 2 for a in x), sum((b - my) ** 2 for b in y)
    return round(sxy / math.sqrt(sxx * syy), 4) if sxx and syy else None


def kendall(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Kendall's tau-b."""
    conc = disc = tx = ty = 0
    for i in range(len(x)):
        for j in range(i + 1, len(x)):
            dx, dy = x[i] - x[j], y[i] - y[j]
            if dx == 0 and dy == 0:
                continue
            if dx == 0:
                tx += 1
            elif dy == 0:
                ty += 1
            elif (dx > 0) == (dy > 0):
                conc += 1
            else:
                disc += 1
    d = math.sqrt((conc + disc + tx) * (conc + disc + ty))
    return round((conc - disc) / d, 4) if d else None


def _check_row(cid: str, items: Sequence[Item], found: dict[tuple[str, int], list[Finding]]) -> dict:
    flagged, flagged_major, spans, span_hits, spans_major, span_hits_major = 0, 0, 0, 0, 0, 0
    chance = 0.0
    hit_seg, hit_seg_major, clean, clean_any, clean_major = 0, 0, 0, 0, 0
    n_findings = n_major = 0
    claims = CLAIMS.get(cid, ())
    recall = {c: [0, 0] for c in claims}
    claimed = [0, 0, 0.0]  # findings with a target span, those overlapping a span of a claimed class, chance
    for it in items:
        fs = [f for f in found.get((it.system, it.seg), ()) if f.check == cid]
        major = [f for f in fs if f.severity >= Severity.MAJOR]
        n_findings += len(fs)
        n_major += len(major)
        if fs:
            flagged += 1
            hit_seg += it.has_error
        if major:
            flagged_major += 1
            hit_seg_major += it.has_error
        if not it.has_error:
            clean += 1
            clean_any += bool(fs)
            clean_major += bool(major)
        espans = [e.target_span for e in it.errors if e.target_span is not None]
        for f in fs:
            if f.target_span is not None:
                hit = any(_overlap(f.target_span, s) for s in espans)
                chance += _chance(f.target_span, it.target, espans)
                spans += 1
                span_hits += hit
                if f.severity >= Severity.MAJOR:
                    spans_major += 1
                    span_hits_major += hit
        cspans = [e.target_span for e in it.errors
                  if e.target_span is not None and any(CLASSES[c](e) for c in claims)]
        for f in fs:
            if f.target_span is not None and claims:
                claimed[0] += 1
                claimed[1] += any(_overlap(f.target_span, s) for s in cspans)
                claimed[2] += _chance(f.target_span, it.target, cspans)
        for c in claims:
            if any(CLASSES[c](e) for e in it.errors):
                recall[c][1] += 1
                recall[c][0] += bool(fs)
    return {"check": cid, "findings": n_findings, "findings_major": n_major, "segments": flagged,
            "segments_major": flagged_major, "precision_segment": _ratio(hit_seg, flagged),
            "precision_segment_major": _ratio(hit_seg_major, flagged_major),
            "precision_span": _ratio(span_hits, spans), "spans": spans,
            "precision_span_chance": round(chance / spans, 4) if spans else None,
            "precision_span_major": _ratio(span_hits_major, spans_major),
            "precision_span_claimed": _ratio(claimed[1], claimed[0]),
            "precision_span_claimed_chance": round(claimed[2] / claimed[0], 4) if claimed[0] else None,
            "false_alarm_clean": _ratio(clean_any, clean), "false_alarm_clean_major": _ratio(clean_major, clean),
            "recall": {c: {"found": v[0], "of": v[1], "recall": _ratio(v[0], v[1])} for c, v in recall.items()}}


def measure(items: Sequence[Item], found: dict[tuple[str, int], list[Finding]]) -> dict:
    """Everything the report shows, as plain data."""
    checks = sorted({f.check for fs in found.values() for f in fs})
    rows = [_check_row(c, items, found) for c in checks]
    flagged = [it for it in items if any(f.severity >= Severity.MAJOR for f in found.get((it.system, it.seg), ()))]
    clean = [it for it in items if not it.has_error]
    clean_major = [it for it in clean if any(f.severity >= Severity.MAJOR for f in found.get((it.system, it.seg), ()))]
    claimers = {c for c, cls in CLAIMS.items() if "number/date/currency" in cls}
    number_segs = [it for it in items if any(_is_number(e) for e in it.errors)]
    number_hits = [it for it in number_segs if any(f.check in claimers for f in found.get((it.system, it.seg), ()))]
    old_segs = [it for it in items if any(_is_number_old(e) for e in it.errors)]
    old_hits = [it for it in old_segs if any(f.check in claimers for f in found.get((it.system, it.seg), ()))]
    systems = []
    for system in sorted({it.system for it in items}):
        mine = [it for it in items if it.system == system]
        words = sum(word_count(it.target) for it in mine)
        penalty = sum(TERMCHECK_W[f.severity] for it in mine for f in found.get((system, it.seg), ()))
        systems.append({"system": system, "segments": len(mine),
                        "termcheck_penalty_per_1000_words": round(1000 * penalty / words, 3) if words else None,
                        "rater_mqm": round(sum(it.mqm() for it in mine) / len(mine), 4),
                        "major_flagged": sum(1 for it in flagged if it.system == system)})
    dens = [s["termcheck_penalty_per_1000_words"] or 0.0 for s in systems]
    mqm = [s["rater_mqm"] for s in systems]
    return {
        "data": REL.name, "segments": len(items), "systems": len(systems),
        "segments_with_error": sum(it.has_error for it in items), "segments_clean": len(clean),
        "overall": {
            "segments_flagged_major": len(flagged),
            "precision_segment_major": _ratio(sum(it.has_error for it in flagged), len(flagged)),
            "clean_with_major": len(clean_major),
            "false_alarm_clean_major": _ratio(len(clean_major), len(clean)),
            "number_error_segments": len(number_segs), "number_errors_found": len(number_hits),
            "recall_number": _ratio(len(number_hits), len(number_segs)),
            "number_error_segments_old": len(old_segs), "number_errors_found_old": len(old_hits),
            "recall_number_old": _ratio(len(old_hits), len(old_segs)),
            "pearson": pearson(dens, mqm), "kendall": kendall(dens, mqm),
        },
        "checks": rows, "by_system": systems,
    }


def _pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def render(m: dict) -> Iterable[str]:
    o = m["overall"]
    yield (f"{m['data']}: {m['segments']} segments ({m['systems']} systems), {m['segments_with_error']} with a "
           f"rater-marked error, {m['segments_clean']} marked No-error by every rater")
    yield ""
    yield (f"{'check':26} {'finds':>6} {'major':>6} {'segs':>5} {'P(seg)':>7} {'P(seg,M)':>8} {'P(span)':>7} "
           f"{'chance':>7} {'P(span,M)':>9} "
           f"{'FA':>6} {'FA(M)':>6}  recall of claimed classes")
    for r in m["checks"]:
        rec = ", ".join(f"{c} {v['found']}/{v['of']} {_pct(v['recall']).strip()}" for c, v in r["recall"].items())
        if r["precision_span_claimed"] is not None:
            rec += (f"; P(span) on these classes' spans {_pct(r['precision_span_claimed']).strip()} "
                    f"(chance {_pct(r['precision_span_claimed_chance']).strip()})")
        yield (f"{r['check']:26} {r['findings']:6} {r['findings_major']:6} {r['segments']:5} "
               f"{_pct(r['precision_segment']):>7} {_pct(r['precision_segment_major']):>8} "
               f"{_pct(r['precision_span']):>7} {_pct(r['precision_span_chance']):>7} "
               f"{_pct(r['precision_span_major']):>9} {_pct(r['false_alarm_clean']):>6} "
               f"{_pct(r['false_alarm_clean_major']):>6}  {rec}")
    yield ("P(seg): flagged segments with a rater-marked error; P(span): findings whose target span overlaps a "
           "rater's span; chance: P(span) of spans of the same length put at random in the same segments; "
           "FA: No-error segments flagged; M: major+")
    yield ""
    yield (f"overall: {o['segments_flagged_major']} segments flagged major+, "
           f"{_pct(o['precision_segment_major']).strip()} carry a rater-marked error (floor 85%); "
           f"{o['clean_with_major']} of {m['segments_clean']} No-error "
           f"segments with a major finding = {_pct(o['false_alarm_clean_major']).strip()} (ceiling 0.2%); recall of "
           f"number/date/currency errors {o['number_errors_found']}/{o['number_error_segments']} = "
           f"{_pct(o['recall_number']).strip()} (floor 50%; under the first, broader definition "
           f"{o['number_errors_found_old']}/{o['number_error_segments_old']} = {_pct(o['recall_number_old']).strip()})")
    yield (f"base rate: {_pct(m['segments_with_error'] / m['segments']).strip()} of all segments carry a rater-marked "
           f"error, so P(seg) is read against it; P(span) is the sharper measure")
    yield ""
    yield f"{'system':16} {'termcheck penalty/1k words':>27} {'rater MQM':>10} {'major-flagged':>14}"
    for s in m["by_system"]:
        yield (f"{s['system']:16} {s['termcheck_penalty_per_1000_words']:27.3f} {s['rater_mqm']:10.3f} "
               f"{s['major_flagged']:14}")
    yield f"system-level correlation with the raters' MQM: Pearson {o['pearson']}, Kendall tau-b {o['kendall']}"


def show(items: Sequence[Item], found: dict[tuple[str, int], list[Finding]], severity: Severity,
         select: str, limit: int) -> Iterable[str]:
    """Findings of a severity (or worse) with the raters' errors, to read one by one."""
    n = 0
    for it in items:
        for f in found.get((it.system, it.seg), ()):
            if f.severity < severity or (select and not f.check.startswith(select)) or n >= limit:
                continue
            n += 1
            errs = "; ".join(sorted({f"{e.severity} {e.category} [{e.target_text or e.source_text}]"
                                      for e in it.errors})) or "NO ERROR"
            yield (f"{it.system} s{it.seg} {f.check} {f.severity} score={f.score}: {f.message}\n"
                   f"    zh: {it.source[:200]}\n    en: {it.target[:300]}\n    raters: {errs[:400]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true", help="print the measures as JSON")
    ap.add_argument("--systems", default="", help="comma-separated systems (default: all)")
    ap.add_argument("--select", default="", help="comma-separated check id prefixes (default: all)")
    ap.add_argument("--show", default="", help="print findings of this severity or worse with the raters' errors")
    ap.add_argument("--show-check", default="", help="with --show: only this check id prefix")
    ap.add_argument("--limit", type=int, default=50, help="with --show: at most this many findings")
    ap.add_argument("--data", type=Path, default=DATA, help="the annotated TSV (default: ../shared/mqm-dev/...)")
    a = ap.parse_args()
    if not a.data.is_file():
        print(f"no data at {a.data}: nothing to measure", file=sys.stderr)
        return 0
    items = load(a.data)
    if a.systems:
        wanted = set(a.systems.split(","))
        items = [it for it in items if it.system in wanted]
    select = tuple(p for p in a.select.split(",") if p) or ("",)
    found = run(items, select)
    if a.show:
        for line in show(items, found, Severity.parse(a.show), a.show_check, a.limit):
            print(line)
        return 0
    m = measure(items, found)
    if a.json:
        print(json.dumps(m, indent=1, sort_keys=True, ensure_ascii=False))
    else:
        for line in render(m):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
