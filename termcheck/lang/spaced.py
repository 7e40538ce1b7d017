"""Generic module for space-delimited languages with no language module of their own."""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable

from termcheck.text import Normalized, nfc_with_offsets

# an apostrophe parts words: with no knowledge of the language, an elided article (l'Unione, dell'Unione,
# d'Europa) cannot be told from a word's own apostrophe, and cut everywhere (terms as texts) a term is found after it
_TOKEN = re.compile(r"[^\W_]+|[.!?;:]")


def tokens(text: str, stem: Callable[[str], str] = str.lower) -> list[tuple[str, int, int]]:
    """(key, start, end) per word; sentence punctuation becomes the barrier key `|`."""
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group()
        out.append(("|" if w in ".!?;:" else stem(w.lower()), m.start(), m.end()))
    return out


def from_tokens(toks: list[tuple[str, int, int]]) -> Normalized:
    """Join token keys with single spaces, padded with one space at each end, keeping offsets (as compact
    integer arrays: a text's normal form may be remembered for every check that asks)."""
    parts = [" "]
    starts = [0]
    ends = [0]
    for key, s, e in toks:
        parts.append(key)
        parts.append(" ")
        starts.extend([s] * len(key))
        ends.extend([e] * len(key))
        starts.append(e)
        ends.append(e)
    return Normalized("".join(parts), array("i", starts), array("i", ends))


def normalize(text: str) -> Normalized:
    """Case-folded word keys joined by single spaces, offsets kept per word."""
    nfc, starts, ends = nfc_with_offsets(text)  # spans map back to the text as written (decomposed accents too)
    return from_tokens([(key, starts[a], ends[b - 1]) for key, a, b in tokens(nfc)])


def term_keys(term: str) -> tuple[str, ...]:
    """The key of a term in the same space as `normalize`."""
    key = normalize(term).text
    return (key,) if key.strip() else ()


def boundary_filter(words: object) -> None:
    """Words are delimited by spaces: the padded keys already guarantee whole-word hits."""
    return None
