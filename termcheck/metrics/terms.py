"""Terminology metrics: term success rate, forbidden-rendering rate, consistency, and the renderings table.

Counting (per segment, per glossary entry found in the source, from the shared term analysis):
an entry found n times in the source (overlapping source terms already resolved to the longest
match, so nothing is counted twice) has up to n of its correct target renderings attributed to it
(`correct`), then up to n - correct of its wrong ones (`forbidden`); the rest is `other`
(rendered some way the glossary does not know, or left out).

    success_rate   = 100 * sum(correct) / sum(n)
    forbidden_rate = 100 * sum(forbidden) / sum(n)
    consistency    = 100 * (document-term pairs rendered one way) / (pairs with 2+ recognized renderings)

Source terms whose glossary entry has no rendering in the target language (a French target with
an English-only entry) are not judged: they are left out of all the above and counted as
`no_rendering`.

"One way" is what `terminology.inconsistent` accepts: one glossary rendering, or correct renderings
that are one form and its short form or acronym (Munich Security Conference ... MSC).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from termcheck.checks.base import Batch
from termcheck.checks.terminology import compatible
from termcheck.glossary.analysis import TermUse
from termcheck.glossary.match import Hit
from termcheck.metrics import MetricContext, register
from termcheck.model import Finding
from termcheck.version import __version__

EXAMPLES = 3
OTHER = "other"
STATUS_ORDER = {"preferred": 0, "admitted": 1, "superseded": 2, "deprecated": 3, "forbidden": 4, OTHER: 5}


def percent(part: int, whole: int) -> float | None:
    """`100 * part / whole` rounded to 2 decimals, None when `whole` is 0."""
    return round(100.0 * part / whole, 2) if whole else None


def attribute(use: TermUse) -> tuple[list[Hit], list[Hit], int]:
    """The correct and wrong target renderings attributed to a source term's n uses, and the rest."""
    n = use.source_count
    ok = sorted(use.ok, key=lambda h: (h.start, h.term))[:n]
    wrong = sorted(use.wrong, key=lambda h: (h.start, h.term))[:n - len(ok)]
    return ok, wrong, n - len(ok) - len(wrong)


class _Cell:
    __slots__ = ("count", "examples")

    def __init__(self) -> None:
        self.count = 0
        self.examples: list[tuple[str, str]] = []

    def add(self, doc: str, seg: str, k: int = 1) -> None:
        self.count += k
        if len(self.examples) < EXAMPLES and (doc, seg) not in self.examples:
            self.examples.append((doc, seg))


class TermMetrics:
    """Accumulates term uses batch by batch (the matching is the checks' own, done once per batch)."""

    def __init__(self, ctx: MetricContext) -> None:
        self.ctx = ctx
        self.per_segment = ctx.per_segment
        self.glossary = ctx.check.glossary
        self.occurrences = self.correct = self.forbidden = self.no_rendering = 0
        self.columns: dict[str, list[int | None]] = {"term_occurrences": [], "term_correct": [],
                                                     "term_forbidden": []}
        # entry -> rendering key (term index, or -1 for other) -> cell
        self.table: dict[int, dict[int, _Cell]] = {}
        self.per_doc: dict[tuple[str, int], Counter[int]] = {}
        self.surface: dict[int, Counter[str]] = {}  # entry -> the source forms seen (台独, 台湾独立)
        self.docs: set[str] = set()

    def observe(self, batch: Batch) -> None:
        analysis = batch.terms
        for seg, terms in zip(batch.segments, analysis, strict=True):
            self.docs.add(seg.doc)
            if seg.source is None or seg.target is None:
                if self.per_segment:
                    for col in self.columns.values():
                        col.append(None)
                continue
            occ = ok_n = bad_n = 0
            self.no_rendering += len(terms.unrendered)
            for use in terms.uses:
                ok, wrong, other = attribute(use)
                cells = self.table.setdefault(use.entry, {})
                a, b = use.source_span
                self.surface.setdefault(use.entry, Counter())[seg.source[a:b]] += use.source_count
                seen = self.per_doc.setdefault((seg.doc, use.entry), Counter())
                for h in ok + wrong:
                    cells.setdefault(h.term, _Cell()).add(seg.doc, seg.id)
                    seen[h.term] += 1
                if other:
                    cells.setdefault(-1, _Cell()).add(seg.doc, seg.id, other)
                occ += use.source_count
                ok_n += len(ok)
                bad_n += len(wrong)
            self.occurrences += occ
            self.correct += ok_n
            self.forbidden += bad_n
            if self.per_segment:
                self.columns["term_occurrences"].append(occ)
                self.columns["term_correct"].append(ok_n)
                self.columns["term_forbidden"].append(bad_n)

    def segment_columns(self, findings: Sequence[Finding]) -> dict[str, list[Any]]:
        return dict(self.columns) if self.per_segment else {}

    def signature(self) -> str:
        g = self.glossary
        return (f"terms|success:correct/occurrences|forbidden:forbidden/occurrences"
                f"|consistency:one-rendering/doc-terms-with-2+|match:longest|glossary:{self.ctx.check.glossary_name}"
                f"@{g.digest}({len(g)})|termcheck:{__version__}")

    def _example(self, doc: str, seg: str) -> str:
        return f"{doc}:{seg}" if len(self.docs) > 1 else seg

    def renderings(self) -> list[dict[str, Any]]:
        """One row per (term, rendering) seen, terms with most occurrences first."""
        entries = sorted(self.table, key=lambda e: (-sum(c.count for c in self.table[e].values()),
                                                    self.glossary.entries[e].id))
        rows: list[dict[str, Any]] = []
        for ei in entries:
            entry = self.glossary.entries[ei]
            src = self.surface[ei].most_common(1)[0][0]  # the most frequent form (ties: the first seen)
            cells = self.table[ei]
            total = sum(c.count for c in cells.values())

            def key(ti: int, entry=entry, cells=cells) -> tuple:
                status = OTHER if ti < 0 else str(entry.terms[ti].status)
                return (ti < 0, -cells[ti].count, STATUS_ORDER[status], ti)

            for ti in sorted(cells, key=key):
                cell = cells[ti]
                rows.append({
                    "term": entry.id,
                    "source": src,
                    "rendering": None if ti < 0 else entry.terms[ti].text,
                    "status": OTHER if ti < 0 else str(entry.terms[ti].status),
                    "count": cell.count,
                    "share": percent(cell.count, total),
                    "segments": [self._example(d, s) for d, s in cell.examples],
                })
        return rows

    def one_way(self, entry_index: int, seen: Counter[int]) -> bool:
        """Whether a term's renderings in one document are consistent (as the consistency check judges)."""
        if len(seen) == 1:
            return True
        terms = self.glossary.entries[entry_index].terms
        if not all(terms[t].status.ok for t in seen):
            return False
        main = terms[max(seen, key=lambda t: (seen[t], -t))].text
        lang = self.ctx.check.target_lang
        return all(compatible(terms[t].text, main, lang) for t in seen if terms[t].text != main)

    def result(self, findings: Sequence[Finding]) -> dict[str, Any]:
        pairs = [(ei, c) for (_, ei), c in self.per_doc.items() if sum(c.values()) >= 2]
        consistent = sum(1 for ei, c in pairs if self.one_way(ei, c))
        terms = {
            "success_rate": percent(self.correct, self.occurrences),
            "forbidden_rate": percent(self.forbidden, self.occurrences),
            "consistency": percent(consistent, len(pairs)),
            "source_terms": self.occurrences,
            "correct": self.correct,
            "forbidden": self.forbidden,
            "other": self.occurrences - self.correct - self.forbidden,
            "no_rendering": self.no_rendering,
            "distinct_terms": len(self.table),
            "consistency_pairs": len(pairs),
            "consistent_pairs": consistent,
            "signature": self.signature(),
        }
        return {"terms": terms, "renderings": self.renderings()}


register(TermMetrics)
