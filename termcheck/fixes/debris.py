"""Repairs of machine-translation debris whose repair is clear: a doubled word, doubled or detached
punctuation, full-width punctuation, stray spaces."""

from __future__ import annotations

import re

from termcheck.model import Finding, Fix, Segment

_GAP = re.compile(r"\s+")
_PUNCT = re.compile(r"^[^\w\s]+$")
_BRACKETS = frozenset("()[]{}")


def _copies(span_text: str, unit: str) -> int:
    """How many times `unit` is said in a row (separated by spaces) to make up `span_text`, 0 if not."""
    parts = re.split(r"(?<=\S)\s+(?=\S)", span_text) if unit and " " not in unit.strip() else None
    if parts is not None:
        return len(parts) if all(p.lower() == unit.lower() for p in parts) else 0
    n, rest = 0, span_text
    while rest[:len(unit)].lower() == unit.lower() and unit:
        n += 1
        rest = rest[len(unit):].lstrip()
    return n if not rest else 0


def artifact_fix(f: Finding, seg: Segment) -> Fix | None:
    """A doubled word -> one copy (a doubled phrase or a loop of three or more: unsafe); doubled or detached
    punctuation -> the one mark. Broken sentences and leftover prompt text have no single repair."""
    text = seg.target or ""
    if f.target_span is None or not f.suggestion:
        return None
    a, b = f.target_span
    shown = text[a:b]
    copies = _copies(shown, f.suggestion)
    if copies >= 2:
        first = shown[:len(f.suggestion)]
        if copies == 2 and not any(c.isspace() for c in f.suggestion.strip()):
            return Fix((a, b), first)
        if copies == 2:  # `from year to year to`: a phrase said twice may be the sentence's own
            return Fix((a, b), first, False, "a phrase said twice may be meant")
        return Fix((a, b), first, False, f"said {copies} times: what belonged there is not clear")
    bare = _GAP.sub("", shown)
    if _PUNCT.match(bare) and len(f.suggestion) == 1 and not _BRACKETS & set(bare):
        return Fix((a, b), f.suggestion)
    return None


def punctuation_fix(f: Finding, seg: Segment) -> Fix | None:
    """Full-width punctuation in a target that does not use it -> its own punctuation; a double space ->
    one; a space at either end removed. A guessed closing mark or added quotes are unsafe."""
    text = seg.target or ""
    if f.target_span is None or f.suggestion is None:
        return None
    a, b = f.target_span
    shown = text[a:b]
    if not shown.strip():  # whitespace findings: double space, leading or trailing space
        return Fix((a, b), f.suggestion)
    if len(shown) == 1 and len(f.suggestion) == 1 and shown != f.suggestion and not shown.isalnum():
        repl = f.suggestion
        if f.suggestion in ",;:!?" and text[b:b + 1].isalnum():
            repl += " "  # "，and" -> ", and"
        return Fix((a, b), repl)
    return Fix((a, b), f.suggestion, False, "a guess at the mark the sentence needs")
