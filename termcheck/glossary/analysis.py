"""Per segment: which glossary terms the source holds and how the target renders each of them."""

from __future__ import annotations

from dataclasses import dataclass

from termcheck.glossary.match import Hit, Matcher
from termcheck.model import Segment, Span, pickled_by_fields


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class TermUse:
    """One source entry in one segment: where it is in the source, and its renderings found."""

    entry: int
    source_span: Span
    source_count: int
    ok: tuple[Hit, ...]
    wrong: tuple[Hit, ...]

    @property
    def status(self) -> str:
        """`ok` (a correct rendering is present), `wrong` (only wrong ones) or `missing`."""
        return "ok" if self.ok else ("wrong" if self.wrong else "missing")


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class SegmentTerms:
    """All term uses of a segment, and wrong-in-any-context renderings with no source term.

    `unrendered` holds the source terms whose entry has no correct rendering in the target
    language (a glossary without that language): they are counted, never judged.
    """

    uses: tuple[TermUse, ...]
    stray: tuple[Hit, ...]
    unrendered: tuple[Hit, ...] = ()


def analyse(matcher: Matcher, seg: Segment) -> SegmentTerms:
    """Match both sides of one segment and tie target renderings to their source terms."""
    src_hits = matcher.source_hits(seg.source) if seg.source is not None else []
    unrendered = tuple(h for h in src_hits if h.entry not in matcher.rendered)
    if unrendered:
        src_hits = [h for h in src_hits if h.entry in matcher.rendered]
    entries = {h.entry for h in src_hits}
    tgt_hits = matcher.target_hits(seg.target, entries) if seg.target else []
    by_entry: dict[int, list[Hit]] = {}
    for h in tgt_hits:
        by_entry.setdefault(h.entry, []).append(h)
    uses = []
    seen: dict[int, list[Hit]] = {}
    for h in src_hits:
        seen.setdefault(h.entry, []).append(h)
    # a rendering that is wrong for one term but the official one of another source term is fine
    ok_spans = [(h.start, h.end, h.entry) for h in tgt_hits if matcher.term(h).status.ok]
    for ei, hits in seen.items():
        found = by_entry.get(ei, [])
        ok = tuple(h for h in found if matcher.term(h).status.ok)
        wrong = tuple(h for h in found if not matcher.term(h).status.ok
                      and not any(e != ei and a <= h.start and h.end <= b for a, b, e in ok_spans))
        uses.append(TermUse(ei, (hits[0].start, hits[0].end), len(hits), ok, wrong))
    uses = _resolve_shared(uses, seen)
    uses.sort(key=lambda u: (u.source_span, u.entry))
    stray = tuple(h for h in tgt_hits if h.entry not in entries and matcher.term(h).any_context)
    return SegmentTerms(tuple(uses), stray, unrendered)


def _resolve_shared(uses: list[TermUse], seen: dict[int, list[Hit]]) -> list[TermUse]:
    """One source word that is a rendering of several concepts (English `China`: 中方, 中华人民共和国)
    is rendered correctly when one of them is: the others, missing, are dropped."""
    spans: dict[tuple[int, int], set[int]] = {}
    for ei, hits in seen.items():
        for h in hits:
            spans.setdefault((h.start, h.end), set()).add(ei)
    if all(len(v) == 1 for v in spans.values()):
        return uses
    ok_entries = {u.entry for u in uses if u.ok}

    def covered(u: TermUse) -> bool:
        return all(spans[(h.start, h.end)] & ok_entries - {u.entry} for h in seen[u.entry])

    return [u for u in uses if u.status != "missing" or not covered(u)]
