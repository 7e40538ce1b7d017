"""The metrics as terminal lines: term accuracy, MQM score, reference scores, the renderings table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.cells import cell_len
from rich.text import Text

MAX_TERMS = 20
STATUS_STYLE = {"preferred": "green", "admitted": "green", "other": "yellow"}


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.1f}%"


def _num(x: float | None, digits: int = 2) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def _terms(t: Mapping[str, Any]) -> Text:
    line = Text("  terms      ")
    line.append(f"success {_pct(t.get('success_rate'))}", style="bold")
    line.append(f" ({t.get('correct', 0)} of {t.get('source_terms', 0)} source-term occurrences)")
    line.append(f"   forbidden {_pct(t.get('forbidden_rate'))}")
    line.append(f"   consistency {_pct(t.get('consistency'))}")
    if t.get("consistency_pairs"):
        line.append(f" ({t.get('consistent_pairs', 0)} of {t['consistency_pairs']} terms rendered twice or more "
                    "in a document)")
    if t.get("no_rendering"):
        line.append(f"   {t['no_rendering']} source-term occurrences with no rendering in the target language "
                    "(not checked)")
    return line


def _mqm(m: Mapping[str, Any]) -> Text:
    line = Text("  MQM        ")
    line.append(f"score {_num(m.get('score'))}", style="bold")
    w = m.get("weights", {})
    weights = ", ".join(f"{k} {w[k]}" for k in ("minor", "major", "critical") if k in w)
    line.append(f"   penalty {m.get('penalty', 0)} points in {m.get('words', 0):,} words = "
                f"{_num(m.get('penalty_per_1000_words'))} per 1,000 words ({weights})")
    line.append("   an error density from automatic checks, not a human rating", style="dim")
    return line


LABELS = {"bleu": "BLEU", "chrf": "chrF++", "ter": "TER"}


def _reference(r: Mapping[str, Any]) -> Text:
    line = Text("  reference  ")
    parts = [f"{LABELS[k]} {_num(r[k]['score'])}" for k in LABELS if k in r]
    line.append("   ".join(parts), style="bold")
    line.append(f"   ({r.get('segments', 0)} segments with a reference)")
    return line


def _renderings(rows: list[Mapping[str, Any]]) -> list[Text]:
    terms: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        terms.setdefault(row["term"], []).append(row)

    def problems(rs: list[Mapping[str, Any]]) -> int:
        return sum(r["count"] for r in rs if r["status"] not in ("preferred", "admitted"))

    order = sorted(terms, key=lambda t: (-problems(terms[t]), -sum(r["count"] for r in terms[t]), t))
    out = [Text.assemble(("Renderings", "bold"), ("  how each glossary term found in the source was rendered "
                                                  "(count; example segments of the others)", "dim"))]
    heads = {t: f"{terms[t][0]['source']} {t}" for t in order[:MAX_TERMS]}
    width = max((cell_len(h) for h in heads.values()), default=0)
    for term in order[:MAX_TERMS]:
        rs = terms[term]
        line = Text("  " + heads[term] + " " * (width + 2 - cell_len(heads[term])))
        for i, r in enumerate(rs):
            if i:
                line.append(" · ", style="dim")
            style = STATUS_STYLE.get(r["status"], "red")
            line.append(r["rendering"] if r["rendering"] is not None else "other", style=style)
            line.append(f" {r['count']}")
            if r["status"] in ("preferred", "admitted"):
                line.append(f" ({r['status']})", style="dim")
            else:
                where = ", ".join(r.get("segments", []))
                label = "" if r["status"] == "other" else r["status"]
                where = f"segment {where}" if where else ""
                line.append(f" ({label}{': ' if label and where else ''}{where})", style="dim")
        out.append(line)
    if len(order) > MAX_TERMS:
        out.append(Text(f"  … and {len(order) - MAX_TERMS} more terms (all of them with --format json or "
                        "--breakdowns DIR)", style="dim"))
    return out


def metric_lines(metrics: Mapping[str, Any]) -> list[Text]:
    """Lines for the metrics a run computed (none when there are none)."""
    out: list[Text] = []
    if "terms" in metrics and (metrics["terms"].get("source_terms") or metrics["terms"].get("no_rendering")):
        out.append(_terms(metrics["terms"]))
    if "mqm" in metrics:
        out.append(_mqm(metrics["mqm"]))
    if "reference" in metrics:
        out.append(_reference(metrics["reference"]))
    if out:
        out.insert(0, Text("Metrics", style="bold"))
    if metrics.get("renderings"):
        out.extend(_renderings(metrics["renderings"]))
    sigs = [metrics[k]["signature"] for k in ("terms", "mqm") if k in metrics and "signature" in metrics[k]]
    sigs += [f"{LABELS[k]}|{v['signature']}" for k, v in metrics.get("reference", {}).items()
             if k in LABELS and isinstance(v, Mapping)]
    out.extend(Text(s, style="dim") for s in sigs)
    return out
