"""The fixes stage: from a finding and its segment, at most one repair, safe or not."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from termcheck.fixes.debris import artifact_fix, punctuation_fix
from termcheck.fixes.terms import term_fix
from termcheck.glossary.model import Glossary
from termcheck.model import Finding, Fix, Segment

TERMS = frozenset({"terminology.forbidden", "terminology.near-miss"})
# checks whose suggestion is a value the reviser must confirm: never applied without --unsafe-fixes
UNSAFE = {"accuracy.number": "a number", "accuracy.literal": "a name or code",
          "terminology.inconsistent": "which rendering to keep is a choice"}


def derive(f: Finding, seg: Segment, glossary: Glossary) -> Fix | None:
    """The one repair of a finding, or None (no target span, or no repair known)."""
    if seg.target is None or f.target_span is None:
        return None
    a, b = f.target_span
    if not 0 <= a <= b <= len(seg.target):
        return None
    if f.check in TERMS:
        return term_fix(f, seg, glossary.get(f.term) if f.term else None)
    if f.check == "fluency.artifact":
        return artifact_fix(f, seg)
    if f.check == "fluency.punctuation":
        return punctuation_fix(f, seg)
    if f.suggestion is not None:
        return Fix((a, b), f.suggestion, False, UNSAFE.get(f.check, "not known to be a safe repair"))
    return None


def with_fixes(findings: Iterable[Finding], segments: Mapping[int, Segment], glossary: Glossary) -> list[Finding]:
    """The findings, each carrying its repair (segments by their run index)."""
    from dataclasses import replace

    out = []
    for f in findings:
        seg = segments.get(f.index)
        fix = derive(f, seg, glossary) if seg is not None and seg.doc == f.doc else None
        out.append(replace(f, fix=fix) if fix is not None else f)
    return out
