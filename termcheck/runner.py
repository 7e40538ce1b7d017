"""Running the checks: batches of segments -> term matching (once per batch) -> checks -> metrics -> Report.

`Run` holds one run's glossary, matcher, checks and metrics and their state; `termcheck.pipeline`
wires reading and alignment in front of it and the gate behind it.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any, Literal

from termcheck import shortcuts
from termcheck.checks.base import REGISTRY, Batch, Check, CheckContext, select
from termcheck.config import SECTIONS, Config
from termcheck.errors import ConfigError
from termcheck.findingstore import Store
from termcheck.fixes.derive import with_fixes
from termcheck.glossary.analysis import analyse
from termcheck.glossary.match import Matcher
from termcheck.glossary.model import Glossary
from termcheck.glossary.nearmiss import NearMiss, batch_near_misses
from termcheck.metrics import Metric, MetricContext, metric_factories
from termcheck.metrics.reference import ReferenceMetrics
from termcheck.metrics.segments import segment_table
from termcheck.model import Finding, Segment, Severity
from termcheck.repetitions import Analysed, Memo, analysed, content_key, keepable, retarget
from termcheck.report.model import Report, summarize
from termcheck.suggest import did_you_mean
from termcheck.text import oversized as text_oversized
from termcheck.version import __version__

FLAGGED_ONLY_AFTER = 20_000
# "context" (the HTML report): every segment of a run up to this size; past it, flagged ones and a neighbour each side
CONTEXT_ONLY_AFTER = 5_000
REMEMBER = 4096  # texts whose term hits the matcher keeps
NEAR_MISS = "terminology.near-miss"
Keep = Literal["all", "flagged", "context", "none"]
# the segments just before a batch that its work item carries (what a corpus check may look back on
# when its batch-local part is prepared elsewhere)
TAIL = 64
WARM_UP = 32  # segments analysed by `warm_up`


@dataclass(frozen=True, slots=True)
class Work:
    """A batch with the segments before it, and what the running process already knows of its contents:
    their digests (`repetitions.content_key`, in order) and, by position, what an earlier batch's segment
    of the same content gave (analysed where the batch is, never again)."""

    tail: tuple[Segment, ...]
    segments: list[Segment]
    keys: tuple[bytes, ...] = ()
    known: Mapping[int, Analysed] = field(default_factory=dict)


# a batch, the findings of its batch-local checks, and what its contents new to the run gave (by digest)
Result = tuple[Batch, list[Finding], dict[bytes, Analysed]]


@dataclass(frozen=True, slots=True)
class Done:
    """What analysing a work item gives, as it travels back from a worker: by position, what the contents
    `Work.known` did not cover gave (repetitions share one value), the batch-local findings, and what corpus
    checks prepared of the whole batch; the sender makes the Result (`Run.result`) with what it already
    has. The long way (nothing remembered) sends the whole batch instead."""

    values: Mapping[int, Analysed]
    found: list[Finding]
    prepared: Mapping[str, Any]
    whole: Batch | None = None


# work items in, results out, in input order
Stage = Callable[[Iterator[Work]], Iterator[Result]]


def batches(segments: Iterable[Segment], size: int) -> Iterator[list[Segment]]:
    it = iter(segments)
    while chunk := list(islice(it, size)):
        yield chunk


def _severities(severity: Mapping[str, Severity], ids: Iterable[str]) -> dict[str, Severity]:
    """Severity overrides by check id: a key may be a check id or a dotted prefix (the longest wins)."""
    out: dict[str, Severity] = {}
    for cid in ids:
        hits = [p for p in severity if cid == p or cid.startswith(p + ".")]
        if hits:
            out[cid] = severity[max(hits, key=len)]
    return out


def work_items(chunks: Iterable[list[Segment]]) -> Iterator[Work]:
    """Each batch with the TAIL segments that came before it in the input."""
    tail: deque[Segment] = deque(maxlen=TAIL)
    for chunk in chunks:
        yield Work(tuple(tail), chunk)
        tail.extend(chunk)


def _checkable(segments: Iterable[Segment], oversized: list[Finding]) -> Iterator[Segment]:
    """The segments short enough to check (text.MAX_SEGMENT_CHARS); a finding for each of the others."""
    for seg in segments:
        finding = text_oversized(seg)
        if finding is None:
            yield seg
        else:
            oversized.append(finding)


def _in_context(kept: list[Segment], flagged: set[int], keep_from: int | None = None) -> list[Segment]:
    """The flagged segments and one neighbour each side (and every segment from `keep_from` on)."""
    return [s for s in kept if s.index in flagged or s.index - 1 in flagged or s.index + 1 in flagged
            or (keep_from is not None and s.index >= keep_from)]


def _validate(config: Config) -> None:
    """Options for checks or sections that do not exist are errors (a Config built without a catalog)."""
    if config.batch_size < 1:
        raise ConfigError(f"batch-size must be at least 1 (got {config.batch_size})")
    for key in config.options:
        if key not in REGISTRY and key not in SECTIONS:
            raise ConfigError(f"options for an unknown check {key!r}{did_you_mean(key, [*REGISTRY, *SECTIONS])}")
        if key in REGISTRY:
            known = REGISTRY[key].options
            unknown = sorted(set(config.options[key]) - set(known) - {"severity"})
            if unknown:
                raise ConfigError(f"{key}: unknown option {unknown[0]!r}{did_you_mean(unknown[0], known)}")
    for prefix in config.severity:
        if not any(c == prefix or c.startswith(prefix + ".") for c in REGISTRY):
            raise ConfigError(f"severity: no check matches {prefix!r}{did_you_mean(prefix, REGISTRY)}")


class Run:
    """One run: the glossary, its matcher, the selected checks and metrics, and their state."""

    def __init__(self, glossary: Glossary, config: Config, glossary_name: str = "custom", *,
                 keep_stats: bool = False) -> None:
        shortcuts.reread()  # TERMCHECK_SHORTCUTS as it is when the run starts
        self.glossary = glossary
        self.glossary_name = glossary_name
        self.config = config
        # a sentence is matched when documents are aligned and again when checked: remember recent texts
        self.matcher = Matcher(glossary, config.source_lang, config.target_lang, remember=REMEMBER)
        self.check_classes = select(config.select, config.ignore)
        _validate(config)
        selected = frozenset(c.id for c in self.check_classes)
        self.context = CheckContext(
            config.source_lang, config.target_lang, glossary, glossary_name, selected,
            {c.id: {**c.options, **config.options.get(c.id, {})} for c in self.check_classes})
        severity = _severities(config.severity, selected)
        self.checks: list[Check] = [cls(self.context, config.options.get(cls.id, {}), severity.get(cls.id))
                                    for cls in self.check_classes]
        # batch-local checks can run anywhere (a worker process); corpus checks keep state across batches
        self.local_checks = [c for c in self.checks if not c.corpus]
        self.corpus_checks = [c for c in self.checks if c.corpus]
        metric_ctx = MetricContext(self.context, config.options, config.per_segment)
        self.metrics: list[Metric] = [make(metric_ctx) for make in metric_factories()]
        self.reference = next((m for m in self.metrics if isinstance(m, ReferenceMetrics)), None)
        if self.reference is not None:
            self.reference.keep_stats = keep_stats
        # distinct segment contents and what they gave (`termcheck.repetitions`), kept where the run is executed
        # and sent with the work; the batch-local checks that look at a batch as a whole (their own
        # `check_batch`) are not remembered
        self.repeats = Memo()
        self._whole = frozenset(c for c, check in enumerate(self.local_checks)
                                if type(check).check_batch is not Check.check_batch)
        # corpus checks that prepare segment by segment, of a segment's content alone: remembered per content too
        self._per_content = [c for c in self.corpus_checks if type(c).prepare_segment is not Check.prepare_segment]

    def match(self, segments: list[Segment]) -> Batch:
        """The term-matching stage: each segment's glossary terms on both sides, once for every check and metric."""
        terms = [analyse(self.matcher, s) for s in segments]
        near = {}
        if self.context.is_selected(NEAR_MISS):
            near = batch_near_misses(segments, terms, self.glossary, self.config.target_lang,
                                     float(self.context.check_options(NEAR_MISS)["min_score"]))
        return Batch(segments, terms, near)

    def _terms(self, segments: list[Segment]) -> Batch:
        """The term analysis alone (no near misses): what a corpus check's `prepare` needs of earlier segments."""
        return Batch(segments, [analyse(self.matcher, s) for s in segments])

    def analyse(self, work: Work) -> Result:
        """Matching, the batch-local checks of one batch and what corpus checks prepare of it: the part of a
        run that needs nothing of other batches' results (`done` wherever it runs, `result` here)."""
        work = replace(work, keys=work.keys or tuple(content_key(s) for s in work.segments))  # made once for both
        return self.result(work, self.done(work))

    def done(self, work: Work) -> Done:
        """`analyse`'s work, done where the batch is (this process, a worker), as it is sent back (what corpus
        checks prepare segment by segment is in the values)."""
        # segments of one index (a caller's own, unnumbered) are told apart by their positions alone: the long way
        if not (shortcuts.on() and len({s.index for s in work.segments}) == len(work.segments)):
            batch, found = self._local_all(work.segments)
            return Done({}, found, self._prepare(batch, work.tail), batch)
        batch, found, values = self._local(work)
        return Done({i: v for i, v in enumerate(values) if i not in work.known}, found,
                    self._prepare(batch, work.tail, self._per_content))

    def _prepare(self, batch: Batch, tail: Sequence[Segment], skip: Sequence[Check] = ()) -> dict[str, Any]:
        """What the corpus checks that prepare a batch (`Check.prepare`) prepare of this one, but those in `skip`."""
        return {c.id: c.prepare(batch, tail, self._terms) for c in self.corpus_checks
                if type(c).prepare is not Check.prepare and c not in skip}

    def result(self, work: Work, done: Done) -> Result:
        """The batch, its batch-local findings and what its contents new to the run gave (by digest, those short
        enough to keep), from the work sent and what came back."""
        if done.whole is not None:
            batch = done.whole
            return (replace(batch, prepared=dict(done.prepared)) if done.prepared else batch), done.found, {}
        segments = work.segments
        keys = work.keys or tuple(content_key(s) for s in segments)
        values = [work.known.get(i) or done.values[i] for i in range(len(segments))]
        fresh: dict[bytes, Analysed] = {}  # in the order the contents first came
        for i, (seg, key) in enumerate(zip(segments, keys, strict=True)):
            if i not in work.known and key not in fresh and keepable(seg):
                fresh[key] = values[i]
        prepared = {c.id: [v.prepared[k] for v in values] for k, c in enumerate(self._per_content)}
        prepared.update(done.prepared)
        near = {(i, entry): nm for i, v in enumerate(values) for entry, nm in v.near}
        return Batch(segments, [v.terms for v in values], near, prepared), done.found, fresh

    def _local_all(self, segments: list[Segment]) -> tuple[Batch, list[Finding]]:
        """Matching and every batch-local check on every segment (the long way)."""
        batch = self.match(segments)
        by_index = {s.index: s for s in segments}  # each finding carries its repair (the fixes stage)
        return batch, with_fixes((f for check in self.local_checks for f in check.check_batch(batch)), by_index,
                                 self.glossary)

    def _local(self, work: Work) -> tuple[Batch, list[Finding], list[Analysed]]:
        """As `_local_all`, each distinct content analysed once a run (`termcheck.repetitions`): new contents are
        matched and checked, the others get what their content gave (`work.known`, or an earlier segment of the
        batch); findings in the long way's order (check by check, segment by segment), and each value."""
        segments = work.segments
        keys = work.keys or tuple(content_key(s) for s in segments)
        first: dict[bytes, int] = {}  # a content new to the run -> its position among the segments analysed
        todo: list[Segment] = []
        for i, (seg, key) in enumerate(zip(segments, keys, strict=True)):
            if i not in work.known and key not in first:
                first[key] = len(todo)
                todo.append(seg)
        made = self._fresh(todo)
        values = [work.known.get(i) or made[first[key]] for i, key in enumerate(keys)]
        near = {(i, entry): nm for i, v in enumerate(values) for entry, nm in v.near}
        batch = Batch(segments, [v.terms for v in values], near)
        found: list[Finding] = []
        for c, check in enumerate(self.local_checks):
            if c in self._whole:  # looks at the batch as a whole: on every segment, every time
                found.extend(with_fixes(check.check_batch(batch), {s.index: s for s in segments}, self.glossary))
                continue
            for seg, key, v in zip(segments, keys, values, strict=True):
                of_content = v.findings[c]
                if of_content:
                    own = key in first and todo[first[key]] is seg  # the segment they were made on
                    found.extend(of_content if own else retarget(of_content, seg))
        return batch, found, values

    def remember(self, fresh: Mapping[bytes, Analysed]) -> None:
        """Keep what a batch's new contents gave (`analyse`'s third result): their repetitions get it."""
        for key, value in fresh.items():
            self.repeats.put(key, value)

    def known(self, items: Iterable[Work]) -> Iterator[Work]:
        """Each work item with what this run remembers of its contents (`repeats`, filled by `execute` with
        what each batch's new contents gave): a worker is sent the analyses, not the work."""
        for work in items:
            if not shortcuts.on():
                yield work
                continue
            keys = tuple(content_key(s) for s in work.segments)
            kept = ((i, self.repeats.get(k)) for i, k in enumerate(keys))
            yield replace(work, keys=keys, known={i: v for i, v in kept if v is not None})

    def _fresh(self, todo: list[Segment]) -> list[Analysed]:
        """What matching and the per-segment checks give each of these segments (of distinct contents)."""
        if not todo:
            return []
        batch = self.match(todo)
        by_index = {s.index: s for s in todo}
        made: list[dict[int, list[Finding]]] = []
        for c, check in enumerate(self.local_checks):
            per: dict[int, list[Finding]] = {}
            if c not in self._whole:
                for f in with_fixes(check.check_batch(batch), by_index, self.glossary):
                    per.setdefault(f.index, []).append(f)
            made.append(per)
        near: dict[int, list[tuple[int, NearMiss]]] = {}
        for (q, entry), nm in batch.near.items():
            near.setdefault(q, []).append((entry, nm))
        return [analysed(terms, tuple(near.get(q, ())), tuple(tuple(per.get(seg.index, ())) for per in made),
                         tuple(c.prepare_segment(seg) for c in self._per_content))
                for q, (seg, terms) in enumerate(zip(todo, batch.terms, strict=True))]

    def warm_up(self, work: Work) -> None:
        """Load what the run loads lazily (word segmenter, dictionaries, language profiles): a few segments
        analysed, their results dropped, and each check's own `warm`. Before worker processes fork, so
        they inherit one copy."""
        self.analyse(Work(work.tail, work.segments[:WARM_UP]))
        for check in self.checks:
            check.warm()

    def signature(self) -> dict[str, Any]:
        """Everything needed to reproduce the numbers, as fields and as one line."""
        opts = {c.id: dict(c.opts) for c in self.checks if c.opts}
        sev = {k: str(v) for k, v in sorted(self.config.severity.items())}
        opt_hash = hashlib.sha256(json.dumps([opts, sev], sort_keys=True, default=str).encode()).hexdigest()[:8]
        fields = {
            "version": __version__,
            "glossary": self.glossary_name,
            "glossary_hash": self.glossary.digest,
            "glossary_entries": len(self.glossary),
            "pair": f"{self.config.source_lang}-{self.config.target_lang}",
            "checks": sorted(self.context.selected),
            "options_hash": opt_hash,
            "fail_on": str(self.config.fail_on) if self.config.fail_on is not None else "never",
        }
        sel = ",".join(self.config.select) if self.config.select != ("",) else "all"
        ign = ",".join(self.config.ignore) or "none"
        fields["text"] = (f"termcheck:{__version__}|glossary:{self.glossary_name}@{self.glossary.digest}"
                          f"({len(self.glossary)})|pair:{fields['pair']}|select:{sel}|ignore:{ign}"
                          f"|options:{opt_hash}|fail-on:{fields['fail_on']}")
        return fields

    def execute(self, segments: Iterable[Segment], *, keep_segments: Keep = "none",
                progress: Callable[[int], None] | None = None, analysed: Stage | None = None) -> Report:
        """Run every selected check over the segments, batch by batch.

        `keep_segments`: "all" keeps every segment in the report; "flagged" keeps every segment of a
        small run but, past FLAGGED_ONLY_AFTER segments, only those with a finding (memory stays flat
        on archives); "none" keeps none. `analysed` runs `analyse` on the batches elsewhere (worker
        processes, a cluster) and yields the results in input order; corpus checks and metrics then
        see the batches here, in order, so the report is the same whoever analysed them.
        """
        findings = Store()  # past findingstore.LIMIT, sorted runs wait in a temporary file
        flagged: set[int] = set()  # the run indices of segments with a finding
        kept: list[Segment] = []
        docs: set[str] = set()
        n = 0
        oversized: list[Finding] = []  # segments too long to check: one finding each, and no check runs on them
        chunks = self.known(work_items(batches(_checkable(segments, oversized), self.config.batch_size)))
        for batch, local, fresh in (analysed(chunks) if analysed is not None else map(self.analyse, chunks)):
            self.remember(fresh)
            chunk = list(batch.segments)
            found = list(local)
            by_index = {s.index: s for s in chunk}
            for check in self.corpus_checks:
                found.extend(with_fixes(check.check_batch(batch), by_index, self.glossary))
            findings.extend(found)
            flagged.update(f.index for f in found)
            for metric in self.metrics:
                metric.observe(batch)
            n += len(chunk)
            docs.update(s.doc for s in chunk)
            if keep_segments == "all":
                kept.extend(chunk)
            elif keep_segments == "flagged":
                # small runs keep everything (corpus-level findings come at the end); past
                # FLAGGED_ONLY_AFTER segments only those with a finding stay
                kept.extend(chunk)
                if len(kept) > FLAGGED_ONLY_AFTER:
                    kept = [s for s in kept if s.index in flagged]
            elif keep_segments == "context":
                kept.extend(chunk)
                if n > CONTEXT_ONLY_AFTER:  # the last segment waits: its next neighbour may be flagged
                    kept = _in_context(kept, flagged, keep_from=kept[-1].index)
            if progress is not None:
                progress(len(chunk))
        for check in self.checks:
            found = list(check.finish())
            findings.extend(found)
            flagged.update(f.index for f in found)
        findings.extend(oversized)
        flagged.update(f.index for f in oversized)
        n += len(oversized)
        docs.update(f.doc for f in oversized)
        if keep_segments == "context" and n > CONTEXT_ONLY_AFTER:
            kept = _in_context(kept, flagged)
        ordered = findings.sorted()
        metrics: dict[str, Any] = {}
        for metric in self.metrics:
            metrics.update(metric.result(ordered))
        metrics.update(segment_table(self.metrics, ordered))
        return Report(
            version=__version__,
            signature=self.signature(),
            summary=summarize(ordered, n, docs),
            metrics=metrics,
            findings=ordered,
            segments=tuple(kept),
            checks=tuple({"id": c.id, "category": c.category, "severity": str(c.severity),
                          "title": c.info().title} for c in self.check_classes),
            reference_stats=self.reference if self.reference is not None and self.reference.keep_stats
            and self.reference.n else None,
        )
