"""Renderers: pure functions from a Report to bytes, one module per format, found by name."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import BinaryIO

from termcheck.report.model import GateResult, Report

# format name -> module with `render(report, *, color: bool = False) -> bytes` (or "module:function")
FORMATS: dict[str, str] = {
    "terminal": "termcheck.report.terminal",
    "json": "termcheck.report.json",
    "markdown": "termcheck.report.markdown",
    "html": "termcheck.report.html",
    "sarif": "termcheck.report.sarif",
    "junit": "termcheck.report.junit",
    "csv": "termcheck.report.tabular:render_csv",
    "parquet": "termcheck.report.tabular:render_parquet",
}

# formats whose renderer shows every segment (the runner keeps them in the report): the HTML report
# shows them side by side, SARIF needs them for columns, JUnit for the documents without findings
NEEDS_SEGMENTS: set[str] = {"html", "sarif", "junit"}
# formats that show per-segment metric columns (metrics["per_segment"]); others run without them
NEEDS_PER_SEGMENT: set[str] = {"html"}


def renderer(fmt: str) -> Callable[..., bytes]:
    """The render function of a format."""
    module, _, function = FORMATS[fmt].partition(":")
    return getattr(importlib.import_module(module), function or "render")


def writer(fmt: str, *, color: bool = False) -> Callable[[Report, BinaryIO], None]:
    """A function writing a format's report to a binary stream: the module's `write` where it streams
    (JSON: a large report is never held whole in memory), else its rendered bytes."""
    module, _, function = FORMATS[fmt].partition(":")
    streaming = None if function else getattr(importlib.import_module(module), "write", None)
    if streaming is not None:
        return streaming
    render = renderer(fmt)
    return lambda report, out: out.write(render(report, color=color))


__all__ = ["FORMATS", "NEEDS_PER_SEGMENT", "NEEDS_SEGMENTS", "GateResult", "Report", "renderer", "writer"]
