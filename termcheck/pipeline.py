"""The one way a run goes, in order: read -> align -> match terms -> checks -> metrics -> report -> gate.

`check` is the library's entry point: `termcheck check`, `baseline create`, `compare`, `glossary test`
and `termcheck.api.check` all run through it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from termcheck import gate, parallel
from termcheck.align.segments import SentenceAligner
from termcheck.config import Config
from termcheck.errors import ConfigError
from termcheck.fixes.apply import Fixer, Outcome
from termcheck.glossary.model import Glossary
from termcheck.model import Finding, Segment
from termcheck.readers import read_inputs
from termcheck.readers.base import ReadOptions
from termcheck.readers.plaintext import read_pair
from termcheck.report.model import Report
from termcheck.runner import Keep, Run


@dataclass(frozen=True)
class Inputs:
    """Where a run's segments come from: segments given as they are, a plain-text pair (`target`, with
    `source` and `reference` optional), or aligned files and folders (`paths`)."""

    segments: Iterable[Segment] | None = field(default=None, compare=False)
    source: Path | None = None
    target: Path | None = None
    reference: Path | None = None
    paths: tuple[Path, ...] = ()
    input_format: str | None = None
    # encoding, columns, document name, whether to align; the languages come from the run's Config
    read: ReadOptions = field(default_factory=ReadOptions)
    # aligning documents, also compare sentence meanings (the `semantic` extra)
    semantic: bool = False


def read(inputs: Inputs, run: Run) -> Iterator[Segment]:
    """The read and align stages: segments as read, documents that are not line-aligned aligned by
    sentence with the run's glossary terms as anchors."""
    if inputs.segments is not None:
        return iter(inputs.segments)
    opts = replace(inputs.read, source_lang=run.config.source_lang, target_lang=run.config.target_lang,
                   aligner=SentenceAligner(run.matcher, semantic=inputs.semantic))
    if inputs.target is not None:
        return read_pair(inputs.source, inputs.target, inputs.reference, opts)
    return read_inputs(list(inputs.paths), opts, inputs.input_format)


def check(inputs: Inputs, glossary: Glossary, config: Config, *, glossary_name: str = "custom",
          policy: gate.Policy | None = None, keep_segments: Keep = "none",
          progress: Callable[[int], None] | None = None, keep_stats: bool = False, jobs: int = 1,
          dask: str | None = None) -> Report:
    """Run termcheck: the report, with the gate's verdict (the policy's, or failing at `config.fail_on`).

    `keep_segments` ("all", "flagged", "none") says which segments the report keeps for renderers
    that show them; `keep_stats` keeps the reference metrics' per-segment statistics (compare).
    `jobs` > 1 checks batches in that many worker processes, `dask` on a dask.distributed cluster
    (`tcp://host:8786` or `local:N`); the report is the same bytes either way.
    """
    if jobs < 1:
        raise ConfigError(f"--jobs must be at least 1 (got {jobs})")
    run = Run(glossary, config, glossary_name, keep_stats=keep_stats)
    stage = parallel.dask_stage(run, dask) if dask else parallel.process_stage(run, jobs) if jobs > 1 else None
    report = run.execute(read(inputs, run), keep_segments=keep_segments, progress=progress, analysed=stage)
    return gate.apply(report, policy if policy is not None else gate.Policy(fail_on=config.fail_on))


def glossary_label(paths: Sequence[str | Path] | None) -> str:
    """How the signature names the glossary: `official` for the bundled one, else file names."""
    return "official" if not paths else "+".join(Path(p).name for p in paths)


@dataclass(frozen=True)
class Fixed:
    """A fix run: the report of the input as it was, and each flagged segment's outcome."""

    report: Report
    outcomes: tuple[Outcome, ...]


def fix(inputs: Inputs, glossary: Glossary, config: Config, *, glossary_name: str = "custom",
        unsafe: bool = False, applies: Callable[[str], bool] | None = None) -> Fixed:
    """Check, then apply each flagged segment's fixes (safe ones, or all with `unsafe`; of the checks
    `applies` accepts), re-checking each fixed sentence so that no fix makes a new finding."""
    run = Run(glossary, config, glossary_name)
    report = run.execute(read(inputs, run), keep_segments="all")
    by_segment: dict[int, list[Finding]] = {}
    for f in report.findings:
        by_segment.setdefault(f.index, []).append(f)
    fixer = Fixer(run, unsafe=unsafe, applies=applies)
    outcomes = tuple(fixer.fix(s, by_segment[s.index]) for s in report.segments if s.index in by_segment)
    return Fixed(report, outcomes)
