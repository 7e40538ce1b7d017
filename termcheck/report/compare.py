"""The comparison of two translations as terminal text or JSON (pure: from the computed results)."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from termcheck.metrics.compare import Comparison, MetricResult
from termcheck.version import __version__


def _system(s: Any) -> dict[str, Any]:
    return {"name": s.name, "file": s.path, "findings": s.report.summary.get("findings"),
            "by_severity": s.report.summary.get("by_severity")}


def as_dict(c: Comparison, systems: Sequence[Any], n_segments: int) -> dict[str, Any]:
    """Plain data: the systems, the test's settings, one entry per metric, and the verdict."""
    better, text = c.verdict()
    return {
        "version": __version__,
        "systems": {"a": _system(systems[0]), "b": _system(systems[1])},
        "segments": n_segments,
        "test": {"method": "paired bootstrap resampling (Koehn 2004; sacrebleu's --paired-bs statistic)",
                 "unit": c.unit, "units": c.units, "samples": c.samples, "seed": c.seed, "alpha": c.alpha,
                 "ci": "95%: mean +- ci per system; delta_ci bounds B - A"},
        "results": [r.as_dict() for r in c.results],
        "skipped": dict(c.skipped),
        "verdict": {"better": better, "name": systems[{"a": 0, "b": 1}[better]].name if better else None,
                    "text": text},
        "signature": dict(systems[0].report.signature),
    }


def _fmt(x: float, sign: bool = False) -> str:
    return "n/a" if x != x else (f"{x:+.2f}" if sign else f"{x:.2f}")


def _row(r: MetricResult, names: Sequence[str]) -> list[Text]:
    label = r.label + ("" if r.higher_is_better else " (lower is better)")
    who = {"a": f"A {names[0]}", "b": f"B {names[1]}"}.get(r.better or "", "no difference")
    if r.too_few:
        who = f"too few to tell ({r.units} {'unit' if r.units == 1 else 'units'})"
    style = "bold green" if r.better else "dim"
    return [Text(label), Text(f"{_fmt(r.a)} ± {_fmt(r.a_ci)}"), Text(f"{_fmt(r.b)} ± {_fmt(r.b_ci)}"),
            Text(_fmt(r.delta, True)), Text(f"[{_fmt(r.delta_low, True)}, {_fmt(r.delta_high, True)}]"),
            Text(f"{r.p_value:.4f}"), Text(who, style=style)]


def terminal(c: Comparison, systems: Sequence[Any], n_segments: int, *, color: bool = False) -> bytes:
    buf = io.StringIO()
    con = Console(file=buf, force_terminal=color, no_color=not color, width=None if color else 200,
                  highlight=False, emoji=False)
    names = [s.name for s in systems]
    con.print(Text.assemble(("Comparing ", "bold"), ("A ", "bold"), names[0], ("  with  ", "dim"),
                            ("B ", "bold"), names[1]))
    con.print(Text(f"{n_segments:,} segments paired; bootstrap over {c.units:,} {c.unit}s, {c.samples} resamples, "
                   f"seed {c.seed}; ± is the 95% confidence interval", style="dim"))
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for head, justify in (("metric", "left"), ("A", "right"), ("B", "right"), ("B − A", "right"),
                          ("95% CI of B − A", "right"), ("p", "right"), ("better", "left")):
        table.add_column(head, justify=justify)  # type: ignore[arg-type]
    for r in c.results:
        table.add_row(*_row(r, names))
    con.print(table)
    for key, why in c.skipped.items():
        con.print(Text(f"  not compared: {key}: {why}", style="dim"))
    better, text = c.verdict()
    con.print(Text.assemble(("Verdict  ", "bold"), (text, "bold green" if better else "bold")))
    con.print(Text(f"bootstrap|unit:{c.unit}|units:{c.units}|samples:{c.samples}|seed:{c.seed}|alpha:{c.alpha:g}",
                   style="dim"))
    for r in c.results:
        if r.signature:
            con.print(Text(f"{r.label}|{r.signature}", style="dim"))
    con.print(Text(systems[0].report.signature.get("text", ""), style="dim"))
    text = buf.getvalue() if color else "".join(line.rstrip() + "\n" for line in buf.getvalue().splitlines())
    return text.encode("utf-8")


def render(fmt: str, c: Comparison, systems: Sequence[Any], n_segments: int, *, color: bool = False) -> bytes:
    if fmt == "json":
        data = as_dict(c, systems, n_segments)
        return (json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")
    return terminal(c, systems, n_segments, color=color)
