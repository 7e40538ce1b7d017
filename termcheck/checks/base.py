"""The check protocol and registry: checks are small named units registered explicitly."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from termcheck.errors import ConfigError
from termcheck.fingerprint import segment_context
from termcheck.glossary.analysis import SegmentTerms
from termcheck.glossary.model import Entry, Glossary
from termcheck.glossary.nearmiss import NearMiss
from termcheck.model import Finding, Segment, Severity, Span
from termcheck.renames import redirect
from termcheck.suggest import did_you_mean


@dataclass(frozen=True, slots=True)
class CheckInfo:
    """What `termcheck checks` lists about a check."""

    id: str
    category: str
    severity: Severity
    title: str
    needs: frozenset[str]
    options: Mapping[str, Any]


@dataclass(frozen=True)
class Batch:
    """A few thousand segments and what the pipeline computed once for all checks and metrics.

    `terms[i]` is the term analysis of `segments[i]` (the term-matching stage: which glossary terms
    the source holds and how the target renders each), made before any check runs.
    """

    segments: Sequence[Segment]
    terms: Sequence[SegmentTerms]
    # garbled forms of expected renderings: (position in the batch, entry) -> the near miss; made by the
    # same stage when terminology.near-miss runs
    near: Mapping[tuple[int, int], NearMiss] = field(default_factory=dict)
    # what corpus checks computed of this batch where it was analysed (their `prepare`), by check id
    prepared: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckContext:
    """What a check may know of its run: the languages, the glossary, and which checks run with what
    options (a check that defers to another asks here). Nothing else of the run reaches a check."""

    source_lang: str
    target_lang: str
    glossary: Glossary
    glossary_name: str = "custom"
    selected: frozenset[str] = frozenset()
    # effective options (defaults and configuration) of every selected check, by id
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def is_selected(self, check_id: str) -> bool:
        return check_id in self.selected

    def check_options(self, check_id: str) -> Mapping[str, Any]:
        """A check's effective options (its defaults when it is not selected)."""
        cls = REGISTRY.get(check_id)
        return {**(cls.options if cls else {}), **self.options.get(check_id, {})}

    def entry(self, i: int) -> Entry:
        return self.glossary.entries[i]


class Check:
    """Base of every check. The first docstring line is the title shown by `termcheck checks`.

    Subclasses set `id` (dotted), `category` (MQM path), `severity` (default), `needs`
    (which texts must be present: "source", "target", "reference") and `options` (name ->
    default); they override `check_segment` or `check_batch`, and `finish` for corpus-level checks.
    """

    id: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.MAJOR
    needs: ClassVar[frozenset[str]] = frozenset({"target"})
    options: ClassVar[Mapping[str, Any]] = {}
    # keeps state across batches (consistency within a document, `finish`): runs in the main process, in
    # input order; a batch-local check (the default) may run in any worker
    corpus: ClassVar[bool] = False

    def __init__(self, ctx: CheckContext, options: Mapping[str, Any] | None = None,
                 severity: Severity | None = None) -> None:
        self.ctx = ctx
        self.opts = {**self.options, **(options or {})}
        self.forced_severity = severity

    @classmethod
    def info(cls) -> CheckInfo:
        title = (cls.__doc__ or cls.id).strip().splitlines()[0].rstrip(".")
        return CheckInfo(cls.id, cls.category, cls.severity, title, cls.needs, dict(cls.options))

    def applies(self, seg: Segment) -> bool:
        """Whether the segment has the texts this check needs."""
        needs = self.needs
        return not (("target" in needs and seg.target is None) or ("source" in needs and seg.source is None)
                    or ("reference" in needs and seg.reference is None))

    def check_batch(self, batch: Batch) -> Iterable[Finding]:
        for i, seg in enumerate(batch.segments):
            if self.applies(seg):
                yield from self.check_segment(seg, batch, i)

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        return ()

    def finish(self) -> Iterable[Finding]:
        """Findings that need the whole run (consistency); called once at the end."""
        return ()

    def warm(self) -> None:
        """Load now what the check would load on first use (models, profiles): called before worker
        processes fork, so they share one copy instead of each loading its own."""

    def prepare(self, batch: Batch, tail: Sequence[Segment], match: Callable[[list[Segment]], Batch]) -> Any:
        """For a corpus check: the costly, batch-local part of its work, computed where the batch is analysed
        (a worker process) and found again in `batch.prepared[self.id]` when `check_batch` runs in order.
        `tail` holds the segments just before the batch, `match` the term-matching stage. The result must
        be what the check would compute itself: a check that overrides this says how it ensures that."""
        return None

    def prepare_segment(self, seg: Segment) -> Any:
        """For a corpus check whose prepared part is one value per segment that depends on the segment's
        content alone (what `repetitions.content_key` covers, never its id, position or neighbours): that
        value. A check that overrides this has `prepare` give it for each segment of the batch, in order;
        a run then computes it once per distinct content, as it does the per-segment checks' findings."""
        raise NotImplementedError

    def finding(self, seg: Segment, message: str, *, severity: Severity | None = None,
                source_span: Span | None = None, target_span: Span | None = None,
                suggestion: str | None = None, term: str | None = None,
                score: float | None = None) -> Finding:
        """A finding on a segment, with the spanned texts cut from the segment."""
        sev = self.forced_severity if self.forced_severity is not None else (
            severity if severity is not None else self.severity)
        src = seg.source[source_span[0]:source_span[1]] if source_span and seg.source is not None else None
        tgt = seg.target[target_span[0]:target_span[1]] if target_span and seg.target is not None else None
        origin = seg.target_origin or seg.origin
        return Finding(self.id, self.category, sev, seg.id, message, seg.index, seg.doc,
                       source_span, target_span, src, tgt, suggestion, term, score, origin,
                       segment_context(seg))


REGISTRY: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    """Class decorator: add a check to the registry under its id."""
    if cls.id in REGISTRY:
        raise ValueError(f"check id registered twice: {cls.id}")
    REGISTRY[cls.id] = cls
    return cls


def _matches(check_id: str, prefix: str) -> bool:
    return prefix in ("", "ALL", "all") or check_id == prefix or check_id.startswith(prefix.rstrip(".") + ".")


def select(selected: Iterable[str] = ("",), ignored: Iterable[str] = ()) -> list[type[Check]]:
    """Checks whose id starts with a selected dotted prefix and with no ignored one (like ruff)."""
    load_all()
    selected, ignored = [redirect(p) for p in selected] or [""], [redirect(p) for p in ignored]
    for p in selected + ignored:
        if not any(_matches(c, p) for c in REGISTRY):
            raise ConfigError(f"no check matches {p!r}{did_you_mean(p, REGISTRY)}")
    return [REGISTRY[c] for c in sorted(REGISTRY)
            if any(_matches(c, p) for p in selected) and not any(_matches(c, p) for p in ignored)]


CHECK_MODULES = [
    "termcheck.checks.terminology",
    "termcheck.checks.numbers",
    "termcheck.checks.locale",
    "termcheck.checks.untranslated",
    "termcheck.checks.language",
    "termcheck.checks.length",
    "termcheck.checks.artifacts",
    "termcheck.checks.punctuation",
    "termcheck.checks.literals",
    "termcheck.checks.consistency",
    "termcheck.checks.alignment",
    "termcheck.checks.shift",
    "termcheck.checks.meaning",
]


def catalog() -> dict[str, Mapping[str, Any]]:
    """Every registered check id with its options' defaults (what a configuration file is checked against)."""
    load_all()
    return {cid: dict(REGISTRY[cid].options) for cid in sorted(REGISTRY)}


def load_all() -> None:
    """Import the check modules (explicitly listed, never discovered by reflection)."""
    import importlib

    for name in CHECK_MODULES:
        importlib.import_module(name)
