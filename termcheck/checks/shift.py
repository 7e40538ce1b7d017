"""Shifted segments: a run whose targets translate the neighbouring sources (a segment lost or inserted upstream)."""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from termcheck.checks.base import Batch, Check, register
from termcheck.errors import ConfigError
from termcheck.lang import base_code
from termcheck.model import Finding, Segment, Severity

# a pair's evidence (nats) beyond its own pairing: what one segment must show to join a run
MARGIN = 1.0
# what a whole run must show, beyond its own pairings, and at least how many segments it holds
RUN_EVIDENCE = 12.0
MIN_RUN = 2
# a segment inside a run whose own pairing beats the neighbour's by less than this share of its evidence
NEUTRAL_SHARE = 0.25
# each number, name or glossary term both texts share is worth this much (a dictionary word ~ 1-3)
ANCHOR_WEIGHT = 3.0
# with the `semantic` option: nats per unit of cosine similarity (a translation ~0.7, unrelated text ~0.1)
SEMANTIC_WEIGHT = 10.0
# segments of the previous batch kept to see a run that crosses a batch boundary
CARRY = 50

Scorer = Callable[[int, int], float]


@dataclass(frozen=True, slots=True)
class Run:
    """Segments first..last (positions in the scored list) whose targets translate the source `step` away."""

    first: int
    last: int
    step: int  # +1: target i translates source i + 1 (a target lost); -1: source i - 1 (one inserted)
    evidence: float  # Σ (neighbour's score - own score), nats


def _anchor_scorer(sources: Sequence[str], targets: Sequence[str], source_lang: str, target_lang: str,
                   rendered: Sequence[int] | None) -> Scorer:
    """Shared numbers and Latin-script names: ANCHOR_WEIGHT per shared anchor, less half a point per anchor
    of either text the other lacks; and ANCHOR_WEIGHT per glossary term of a segment's source its own
    target renders (`rendered`, from the terminology analysis every run makes: it speaks only for the
    segment's own pairing, so it can hold a run back but never make one)."""
    from termcheck.align.anchors import document_anchors

    src, tgt = document_anchors(sources, targets, None, source_lang, target_lang)
    src_total, tgt_total = [sum(c.values()) for c in src], [sum(c.values()) for c in tgt]

    def score(i: int, j: int) -> float:
        a, b = src[i], tgt[j]
        own = ANCHOR_WEIGHT * rendered[i] if rendered is not None and i == j else 0.0
        if not a and not b:
            return own
        shared = sum(min(v, b[k]) for k, v in a.items() if k in b) if a and b else 0
        alone = src_total[i] + tgt_total[j] - 2 * shared
        return own + ANCHOR_WEIGHT * shared - 0.5 * alone
    return score


def _dictionary_scorer(sources: Sequence[str], targets: Sequence[str], source_lang: str,
                       target_lang: str) -> Scorer | None:
    """CC-CEDICT evidence (as the aligner uses it) for Chinese with English; None for other pairs."""
    pair = {base_code(source_lang), base_code(target_lang)}
    if pair != {"zh", "en"}:
        return None
    from termcheck.align.lexicon import Lexical

    zh_is_source = base_code(source_lang) == "zh"
    lex = (Lexical(sources, targets, chinese_is_source=True) if zh_is_source
           else Lexical(targets, sources, chinese_is_source=False))
    return lex.pair


def _semantic_scorer(sources: Sequence[str], targets: Sequence[str]) -> Scorer:
    """Cross-lingual sentence similarity (the `semantic` extra's encoder), SEMANTIC_WEIGHT nats per unit."""
    from termcheck.align import semantic

    if not semantic.available():
        raise ConfigError('alignment.shift with semantic = true needs the semantic extra: '
                          'pip install "termcheck[semantic]"')
    src, tgt = semantic.embed(sources), semantic.embed(targets)
    return lambda i, j: SEMANTIC_WEIGHT * float(src[i] @ tgt[j])


def scorer(sources: Sequence[str], targets: Sequence[str], source_lang: str = "zh", target_lang: str = "en",
           rendered: Sequence[int] | None = None, semantic: bool = False) -> Scorer:
    """score(i, j): evidence in nats that target j translates source i (`rendered`: per segment, how
    many glossary terms of its source its own target renders; `semantic`: add sentence similarity)."""
    parts = [_anchor_scorer(sources, targets, source_lang, target_lang, rendered)]
    words = _dictionary_scorer(sources, targets, source_lang, target_lang)
    if words is not None:
        parts.append(words)
    if semantic:
        parts.append(_semantic_scorer(sources, targets))
    cache: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float:
        v = cache.get((i, j))
        if v is None:
            v = 0  # summed as `sum` would, in the parts' order
            for part in parts:
                v += part(i, j)
            cache[(i, j)] = v
        return v
    return score


def _neutral(score: Scorer, i: int, step: int) -> float:
    """How far a segment inside a run may prefer its own source and still count as neutral: MARGIN, or a
    quarter of its evidence when its target matches both sources about as well (two near-paraphrases)."""
    return max(MARGIN, NEUTRAL_SHARE * max(score(i, i), score(i + step, i)))


def find_runs(n: int, score: Scorer) -> list[Run]:
    """Maximal runs of at least MIN_RUN segments whose targets each match a neighbour's source (the
    same neighbour, `step` away) by MARGIN more than their own, with RUN_EVIDENCE in all. A single
    segment that speaks neither way (a heading, a line without words the evidence knows, a target
    that matches two near-paraphrase sources alike: see `_neutral`) does not end a run that goes on
    after it; MIN_RUN counts the segments that do speak."""
    runs: list[Run] = []
    for step in (1, -1):

        def gain(i: int, step: int = step) -> float | None:
            return score(i + step, i) - score(i, i) if i < n and 0 <= i + step < n else None

        i = 0
        while i < n:
            start, total, last, strong = i, 0.0, i - 1, 0
            while True:
                g = gain(i)
                if g is not None and g >= MARGIN:
                    total += g
                    last, i, strong = i, i + 1, strong + 1
                    continue
                if strong and g is not None and g > -_neutral(score, i, step):
                    after = gain(i + 1)  # only inside a run: outside one, the next segment is looked at next anyway
                    if after is not None and after >= MARGIN:
                        i += 1  # a neutral segment inside the run
                        continue
                break
            if strong >= MIN_RUN and total >= RUN_EVIDENCE:
                runs.append(Run(start, last, step, total))
            i = max(i, start + 1)
    # a segment belongs to one run: the better one where both directions claim it
    runs.sort(key=lambda r: (-r.evidence, r.first))
    kept: list[Run] = []
    for r in runs:
        if all(r.last < k.first or r.first > k.last for k in kept):
            kept.append(r)
    return sorted(kept, key=lambda r: r.first)


def _texts(seg: Segment) -> tuple[str, str]:
    return seg.source or "", seg.target or ""


@register
class Shift(Check):
    """A run of consecutive segments whose targets translate the neighbouring sources (segment lost or inserted).

    Evidence: CC-CEDICT dictionary matches (as the aligner uses them), shared numbers, Latin-script
    names and glossary terms; with the option `semantic = true` also the sentence similarity of the
    `semantic` extra (the check's option, also set by `--semantic`). Reported once per
    run, on its first segment; the message names the first and the last, `score` holds the run's
    evidence in nats. Runs are seen within one document (a run needs two shifted segments, so a shift
    at a document's very last segment is not seen); a run that reaches the end of a batch is followed
    into the next one (its last CARRY segments are scored again with the new batch) and reported once,
    with the first segment where it began.
    """

    id = "alignment.shift"
    corpus = True  # carries a run across batches: runs in the main process, in input order
    category = "accuracy/mistranslation"
    severity = Severity.MAJOR
    needs = frozenset({"source", "target"})
    options: ClassVar[dict[str, Any]] = {"min_run": MIN_RUN, "semantic": False}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._carry: list[tuple[Segment, int]] = []
        self._reported: list[Segment] = []  # first segments of runs reported, while still carried
        self._open: _Open | None = None  # a run that reached the end of the previous batch

    def _grouping(self, carry: list[tuple[Segment, int]], segments: Sequence[Segment],
                  rendered: Sequence[int]) -> tuple[list[list[tuple[Segment, int]]], bool]:
        """Groups of consecutive segments of one document with both texts (a segment without one ends a
        group), the first going on from `carry`; and whether the last group is still open at the end."""
        groups: list[list[tuple[Segment, int]]] = [list(carry)] if carry else []
        open_group = bool(carry)
        for seg, r in zip(segments, rendered, strict=True):
            if not self.applies(seg):
                open_group = False
                continue
            if open_group and groups[-1][-1][0].doc == seg.doc:
                groups[-1].append((seg, r))
            else:
                groups.append([(seg, r)])
                open_group = True
        return groups, open_group

    def prepare(self, batch: Batch, tail: Sequence[Segment], match: Callable[[list[Segment]], Batch]) -> Any:
        """The costly part, done where the batch is analysed: the runs of the batch's groups (their evidence
        and `find_runs` over it, which depend on the group alone).

        The carry is rebuilt from the segments before the batch (the trailing group of `tail`, as
        `check_batch` keeps it: TAIL >= CARRY); each group's runs are keyed by its segments and
        rendered counts, and `check_batch` uses them only when its own group has that key, so the
        findings are the same whether they came or not.
        """
        carry: list[tuple[Segment, int]] = []
        if tail:
            for seg, r in zip(tail, _rendered(match(list(tail))), strict=True):
                if not self.applies(seg) or (carry and carry[-1][0].doc != seg.doc):
                    carry = []
                if self.applies(seg):
                    carry.append((seg, r))
            carry = carry[-CARRY:]
        groups, _ = self._grouping(carry, batch.segments, _rendered(batch))
        return {_key(g): self._runs(g) for g in groups if len(g) >= self.opts["min_run"] + 1}

    def _scorer(self, group: list[tuple[Segment, int]]) -> Scorer:
        segs = [s for s, _ in group]
        sources, targets = zip(*map(_texts, segs), strict=True)
        return scorer(sources, targets, segs[0].source_lang, segs[0].target_lang, [r for _, r in group],
                      semantic=bool(self.opts["semantic"]))

    def _runs(self, group: list[tuple[Segment, int]]) -> tuple[Run, ...]:
        """The runs of a group, from its evidence (each target against its own source and its neighbours')."""
        return tuple(find_runs(len(group), self._scorer(group)))

    def check_batch(self, batch: Batch) -> Iterable[Finding]:
        groups, open_group = self._grouping(self._carry, batch.segments, _rendered(batch))
        prepared = batch.prepared.get(self.id) or {}
        previous, self._open = self._open, None
        out: list[Finding] = []
        for g in groups:
            out.extend(self._group(g, open_group and g is groups[-1], previous, prepared.get(_key(g))))
        if previous is not None and not previous.continued:
            out.append(self._report(previous))  # it ended where the previous batch did
        self._carry = groups[-1][-CARRY:] if open_group and groups else []
        self._reported = [r for r in self._reported if any(r is s for s, _ in self._carry)]
        return out

    def finish(self) -> Iterable[Finding]:
        return [self._report(self._open)] if self._open is not None else []

    def _group(self, group: list[tuple[Segment, int]], at_end: bool, previous: _Open | None,
               runs: Sequence[Run] | None = None) -> list[Finding]:
        if len(group) < self.opts["min_run"] + 1:
            return []
        segs = [s for s, _ in group]
        out = []
        for r in self._runs(group) if runs is None else runs:
            if r.last - r.first + 1 < self.opts["min_run"]:
                continue
            run = _Open(segs[r.first], segs[r.last], r.step, r.evidence)
            if (previous is not None and previous.step == r.step
                    and any(previous.last is s for s in segs[r.first:r.last + 1])):
                previous.continued = True  # the run of the previous batch goes on: it keeps its first segment
                run = _Open(previous.first, run.last, r.step, max(previous.evidence, r.evidence))
            if any(run.first is done for done in self._reported):
                continue
            if at_end and r.last >= len(group) - 2:
                self._open = run  # it may go on in the next batch: reported then or at the end
                continue
            out.append(self._report(run))
        return out

    def _report(self, run: _Open) -> Finding:
        self._reported.append(run.first)
        what = "the next segment's source" if run.step == 1 else "the previous segment's source"
        cause = "a translation lost" if run.step == 1 else "a translation inserted"
        return self.finding(run.first, f"segments {run.first.id} to {run.last.id} are shifted: each target "
                                       f"translates {what} ({cause} upstream?)",
                            target_span=(0, len(run.first.target or "")), score=round(run.evidence, 2))


@dataclass
class _Open:
    """A run being followed: its first and last segment so far, direction and evidence."""

    first: Segment
    last: Segment
    step: int
    evidence: float
    continued: bool = False


def _key(group: list[tuple[Segment, int]]) -> bytes:
    """What identifies a group's runs: a digest of its segments (document, id, index, texts) and rendered counts
    (sent back with the runs instead of the texts)."""
    # marshal's version 2 writes no references: equal values give equal bytes in every process
    fields = marshal.dumps(tuple((s.doc, s.id, s.index, r, s.source, s.target) for s, r in group), 2)
    return hashlib.blake2b(fields, digest_size=16).digest()


def _rendered(batch: Batch) -> list[int]:
    """Per segment: how many glossary terms of its source its own target renders (shared term analysis)."""
    return [sum(1 for u in terms.uses if u.status != "missing") for terms in batch.terms]
