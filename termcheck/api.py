"""The Python API: `check(...)` runs termcheck on segments or files and returns a Report; `fix(...)` also
applies the safe fixes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from termcheck import pipeline
from termcheck.config import Config, build
from termcheck.glossary.load import load
from termcheck.glossary.model import Glossary
from termcheck.model import Segment
from termcheck.pipeline import glossary_label
from termcheck.readers.base import ReadOptions
from termcheck.report.model import Report

__all__ = ["check", "fix", "glossary_label"]


def check(
    segments: Iterable[Segment] | None = None,
    *,
    source: str | Path | None = None,
    target: str | Path | None = None,
    reference: str | Path | None = None,
    inputs: Sequence[str | Path] = (),
    glossary: Glossary | Sequence[str | Path] | None = None,
    config: Config | None = None,
    keep_segments: bool = False,
    read: ReadOptions | None = None,
) -> Report:
    """Check segments (or plain-text files, or aligned input files) against a glossary.

    `glossary` is a loaded Glossary, a list of glossary files, or None for the bundled one. The
    report carries the gate's verdict at `config.fail_on` (`report.gate`).
    """
    config = config or build()
    gloss, label = _glossary(glossary, config)
    request = _inputs(segments, source, target, reference, inputs, read)
    return pipeline.check(request, gloss, config, glossary_name=label,
                          keep_segments="all" if keep_segments else "none")


def fix(
    segments: Iterable[Segment] | None = None,
    *,
    source: str | Path | None = None,
    target: str | Path | None = None,
    inputs: Sequence[str | Path] = (),
    glossary: Glossary | Sequence[str | Path] | None = None,
    config: Config | None = None,
    unsafe: bool = False,
    read: ReadOptions | None = None,
) -> pipeline.Fixed:
    """Check, then apply each segment's safe fixes (all fixes with `unsafe`): the report of the input
    as it was and, for each flagged segment, its corrected target (`outcome.target`), the findings
    fixed and those left with why."""
    config = config or build()
    gloss, label = _glossary(glossary, config)
    request = _inputs(segments, source, target, None, inputs, read)
    return pipeline.fix(request, gloss, config, glossary_name=label, unsafe=unsafe)


def _glossary(glossary: Glossary | Sequence[str | Path] | None, config: Config) -> tuple[Glossary, str]:
    """A loaded glossary as given, or the files' (the bundled one for None; `Source`/`Target` columns standing for
    the config's languages), with its signature label."""
    if isinstance(glossary, Glossary):
        return glossary, "custom"
    return load(glossary, (config.source_lang, config.target_lang)), glossary_label(glossary)


def _inputs(segments: Iterable[Segment] | None, source: str | Path | None, target: str | Path | None,
            reference: str | Path | None, inputs: Sequence[str | Path], read: ReadOptions | None) -> pipeline.Inputs:
    def path(p: str | Path | None) -> Path | None:
        return Path(p) if p is not None else None

    return pipeline.Inputs(segments=segments, source=path(source), target=path(target), reference=path(reference),
                           paths=tuple(Path(p) for p in inputs), read=read or ReadOptions())
