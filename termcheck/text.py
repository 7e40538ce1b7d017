"""Text normalization with offsets: normalized spans map back to the text as read."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from termcheck.model import Finding, Segment, Severity, Span

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalized text and, per normalized character, the original [start, end) it came from.

    `starts`/`ends` are None when normalization kept every character in place (identity map).
    """

    text: str
    starts: Sequence[int] | None = None
    ends: Sequence[int] | None = None

    def original_span(self, start: int, end: int) -> Span:
        """Map a normalized [start, end) back to the original text."""
        if self.starts is None or self.ends is None:
            return (start, end)
        return (self.starts[start], self.ends[end - 1])


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset (for messages)."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def nfc_with_offsets(text: str) -> tuple[str, list[int], list[int]]:
    """The NFC form of a text and, per NFC character, the original [start, end) it came from: a word
    typed with combining accents (decomposed, as macOS writes them) maps back to its whole span."""
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text))), list(range(1, len(text) + 1))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        out.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(out), starts, ends


def without_surrogates(text: str) -> str:
    """Lone UTF-16 surrogates (from JSON `\\ud800` escapes or XLIFF `<cp hex="D800"/>`) replaced by U+FFFD:
    they are no characters, and no check, writer or terminal can take them."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


# Per-segment cost is bounded: a segment longer than this (on any side) is reported once and not checked
# character by character. 20,000 characters is ~30 pages of Chinese; real aligned segments are far shorter.
MAX_SEGMENT_CHARS = 20_000
OVERSIZED_CHECK = "input.segment-too-long"


def oversized(segment: Segment, limit: int = MAX_SEGMENT_CHARS) -> Finding | None:
    """The one finding that reports a segment too long to check (its longest side over `limit`), or None.

    The pipeline calls this before any check and skips the segment's checks when it returns a finding.
    """
    if (len(segment.source or "") <= limit and len(segment.target or "") <= limit
            and len(segment.reference or "") <= limit):
        return None
    sides = [(name, len(text)) for name, text in (("source", segment.source), ("target", segment.target),
                                                  ("reference", segment.reference)) if text]
    over = [(n, size) for n, size in sides if size > limit]
    if not over:
        return None
    name, size = max(over, key=lambda s: s[1])
    return Finding(OVERSIZED_CHECK, "other", Severity.MAJOR, segment.id,
                   f"{name} text has {size:,} characters, over the {limit:,} a segment may have: not checked "
                   "(split it into sentences or paragraphs)", segment.index, segment.doc, origin=segment.origin)


# OWASP's CSV injection rule: a spreadsheet runs a cell that starts so as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(cell: str) -> str:
    """A spreadsheet cell that cannot run as a formula: a leading apostrophe before =, +, -, @, tab or CR."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def semicolon_separated(first_line: str) -> bool:
    """Whether a CSV's first line (header or row) is separated by semicolons, as a spreadsheet saves CSV in a locale
    whose decimal mark is the comma: semicolons and no comma at all (comma-separated columns have one between them)."""
    return ";" in first_line and "," not in first_line
