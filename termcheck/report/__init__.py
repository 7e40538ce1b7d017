"""Renderers: pure functions from a Report to bytes, one module per format, found by name."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from termcheck.report.model import GateResult, Report

# format name -> module with `render(report, *, color: bool = False) -> bytes`
FORMATS: dict[str, str] = {
    "terminal": "termcheck.report.terminal",
    "json": "termcheck.report.json",
    "markdown": "termcheck.report.markdown",
}

# formats whose renderer shows every segment (the runner keeps them in the report)
NEEDS_SEGMENTS: set[str] = set()


def renderer(fmt: str) -> Callable[..., bytes]:
    """The render function of a format."""
    return importlib.import_module(FORMATS[fmt]).render


__all__ = ["FORMATS", "NEEDS_SEGMENTS", "GateResult", "Report", "renderer"]
