"""Repetitions: a segment whose texts a run has already analysed is not analysed again.

Archives and translation memories repeat themselves (boilerplate, headings, a sentence translated once
and reused, one source checked against several systems' output). What the term-matching stage and the
per-segment checks find in a segment depends only on its texts, languages, inline tags and bead, never
on its id, position or document: so the run keeps, per distinct content, the term analysis, the near
misses and each per-segment check's findings, and a repetition gets them again with its own id, index,
document and origin. Checks that look at a whole batch (`check_batch` overridden) and corpus checks run
on every segment as before. Bounded (LIMIT distinct contents, least recently used out), keyed by a
128-bit digest so that the texts themselves are not kept; off with the shortcuts (`termcheck.shortcuts`),
which must give the same bytes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Any

from termcheck.glossary.analysis import SegmentTerms
from termcheck.glossary.nearmiss import NearMiss
from termcheck.lang.memo import Recent
from termcheck.model import Finding, Segment, pickled_by_fields

# distinct segment contents a run remembers (in the process that executes it): about 0.7 KB each on UN text
# (0.3 KB of analysis, most of them with no term and no finding: shared empty values; 0.4 KB of the
# consistency checks' digests), so a full memo holds about 36 MB
LIMIT = 50_000
# a segment whose texts are longer than this (together) is analysed each time it comes: what its analysis
# holds grows with its length, and a paragraph rarely repeats whole
LONGEST = 4000


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Analysed:
    """What the batch-local stages gave one segment: its term analysis, its near misses (by entry), per
    remembered check (in the run's order) the findings made on it, and per corpus check that prepares
    segment by segment (`Check.prepare_segment`, in the run's order) what it prepared."""

    terms: SegmentTerms
    near: tuple[tuple[int, NearMiss], ...]
    findings: tuple[tuple[Finding, ...], ...]
    prepared: tuple[Any, ...] = ()


_NO_TERMS = SegmentTerms((), ())


def analysed(terms: SegmentTerms, near: tuple[tuple[int, NearMiss], ...],
             findings: tuple[tuple[Finding, ...], ...], prepared: tuple[Any, ...] = ()) -> Analysed:
    """The value kept for a content, sharing one empty term analysis and one empty findings tuple among the
    many segments that have neither (most of an archive)."""
    if terms == _NO_TERMS:
        terms = _NO_TERMS
    if not any(findings):
        findings = _nothing(len(findings))
    return Analysed(terms, near, findings, prepared)


_EMPTY: dict[int, tuple[tuple[Finding, ...], ...]] = {}


def _nothing(n: int) -> tuple[tuple[Finding, ...], ...]:
    found = _EMPTY.get(n)
    if found is None:
        found = _EMPTY[n] = ((),) * n
    return found


def content_key(seg: Segment) -> bytes:
    """A digest of everything of a segment that a per-segment check may read: its texts, languages, inline
    tags and bead; not its id, index, document or origin."""
    parts = (seg.source, seg.target, seg.reference, seg.source_lang, seg.target_lang, seg.alignment,
             repr(seg.tags) if seg.tags else "")
    # each part as its length and itself, a missing one as NUL: one string that no other segment spells
    text = "".join("\x00" if p is None else f"{len(p)}:{p}" for p in parts)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def keepable(seg: Segment) -> bool:
    """Whether what a segment's analysis gave may be kept for its repetitions (it is not too long)."""
    return len(seg.source or "") + len(seg.target or "") + len(seg.reference or "") <= LONGEST


def retarget(found: tuple[Finding, ...], seg: Segment) -> list[Finding]:
    """Findings made on one occurrence of a content, moved to another occurrence `seg`."""
    origin = seg.target_origin or seg.origin
    return [replace(f, segment=seg.id, index=seg.index, doc=seg.doc, origin=origin) for f in found]


class Memo(Recent[bytes, Analysed]):
    """Distinct contents (their `content_key`) -> what analysing them gave, the LIMIT most recently used."""

    def __init__(self, limit: int | None = None) -> None:
        super().__init__(LIMIT if limit is None else limit)
