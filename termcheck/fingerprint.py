"""Stable finding fingerprints: check + segment content + spanned text, blind to edits elsewhere."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from termcheck.model import Finding, Segment

_SPACE = re.compile(r"\s+")


def normalize(text: str | None) -> str:
    """NFKC, case-folded, whitespace collapsed: cosmetic edits do not change a fingerprint."""
    if not text:
        return ""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def _digest(*parts: str, size: int = 16) -> str:
    h = hashlib.blake2b(digest_size=size)
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def segment_context(seg: Segment) -> str:
    """A digest of the segment's content: its source when it has one, else its target.

    Keyed on the source so that revising the English of a sentence keeps the other findings of
    that sentence known; target-only segments are keyed on the target itself.
    """
    if seg.source and seg.source.strip():
        return _digest(seg.source_lang, normalize(seg.source), size=8)
    return _digest(seg.target_lang, normalize(seg.target), size=8)


def fingerprint(f: Finding) -> str:
    """The finding's identity across runs: check id, segment content digest, spanned texts, term.

    Not the segment number, document name, line, severity or message, so that inserting a
    sentence, renaming a file or re-wording a message keeps known findings known.
    """
    return _digest(f.check, f.context or f"{f.doc}\x1e{f.segment}", normalize(f.source_text),
                   normalize(f.target_text), f.term or "")
