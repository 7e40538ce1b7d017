"""The Python API: `check(...)` runs termcheck on segments or files and returns a Report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from termcheck.config import Config
from termcheck.glossary.load import load
from termcheck.glossary.model import Glossary
from termcheck.model import Segment
from termcheck.report.model import Report
from termcheck.runner import Run


def glossary_label(paths: Sequence[str | Path] | None) -> str:
    """How the signature names the glossary: `official` for the bundled one, else file names."""
    return "official" if not paths else "+".join(Path(p).name for p in paths)


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
) -> Report:
    """Check segments (or plain-text files, or aligned input files) against a glossary.

    `glossary` is a loaded Glossary, a list of glossary files, or None for the bundled one.
    """
    from termcheck.readers import read_inputs
    from termcheck.readers.base import ReadOptions
    from termcheck.readers.plaintext import read_pair

    config = config or Config()
    if isinstance(glossary, Glossary):
        gloss, label = glossary, "custom"
    else:
        gloss, label = load(glossary), glossary_label(glossary)
    run = Run(gloss, config, label)
    opts = ReadOptions(source_lang=config.source_lang, target_lang=config.target_lang, matcher=run.matcher)
    if segments is None:
        if target is not None:
            segments = read_pair(Path(source) if source else None, Path(target),
                                 Path(reference) if reference else None, opts)
        else:
            segments = read_inputs([Path(p) for p in inputs], opts)
    return run.execute(segments, keep_segments=keep_segments)
