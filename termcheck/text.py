"""Text normalization with offsets: normalized spans map back to the text as read."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from termcheck.model import Span


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
