"""Generic module for languages written without spaces between words that have no module of their own
(Japanese, Thai, Lao, Khmer, Burmese, Tibetan).

A term is matched as a run of characters in the NFKC, lower-cased text (there are no spaces to find
words by), and a hit that begins or ends with a Latin letter or a digit must not continue a Latin word
or a number there (`APEC` is not found in `APECS`, `5G` not in `15G`). Nothing else is judged: checks
that need more of the language (numbers, sentence ends, typography) stay silent, as for the spaced
fallback.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

from termcheck.lang.memo import shared
from termcheck.lang.spans import trimmed as _spans
from termcheck.text import Normalized

# written without spaces between words (Chinese has its own module)
LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})


@lru_cache(maxsize=65_536)
def _fold(c: str) -> str:
    return (c if c.isascii() else unicodedata.normalize("NFKC", c)).lower()


@shared
def normalize(text: str) -> Normalized:
    """NFKC (full-width to half-width) and lower case, character by character, offsets kept."""
    return per_char(text)


def per_char(text: str) -> Normalized:
    """`normalize`'s folding, not remembered (Chinese converts what it gives)."""
    folded = [_fold(c) for c in text]
    if all(len(f) == 1 for f in folded):  # one character for one: offsets stay as they are
        return Normalized("".join(folded))
    starts: list[int] = []
    ends: list[int] = []
    for i, f in enumerate(folded):
        starts.extend([i] * len(f))
        ends.extend([i + 1] * len(f))
    return Normalized("".join(folded), starts, ends)


def term_keys(term: str) -> tuple[str, ...]:
    """A term is matched as a substring of the normalized text."""
    key = normalize(term.strip()).text
    return (key,) if key.strip() else ()


def _latin(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _within_latin_words(text: str, start: int, end: int) -> bool:
    """Whether a hit leaves every Latin word and number it touches whole."""
    if start > 0 and _latin(text[start]) and _latin(text[start - 1]):
        return False
    return not (end < len(text) and _latin(text[end - 1]) and _latin(text[end]))


def boundary_filter(words: object) -> Callable[[str, int, int], bool]:
    """Hits are runs of characters; only Latin words and numbers have edges to keep."""
    return _within_latin_words


# sentences end with 。！？ in Chinese and Japanese
_ZH_END = "。！？!?"
_ZH_SEMI = "；;"
_ZH_CLOSE = "”’\"'」』）)》〉】〕"


def split_sentences(text: str, *, semicolon: bool = True) -> list[tuple[int, int]]:
    """Sentence spans of a Chinese or Japanese text: after 。！？ (and ； unless `semicolon=False`) and closing quotes
    (the other languages here rarely write these marks, and a line stays whole).

    Line breaks always end a sentence; spans exclude surrounding whitespace; a piece holding no
    letter, digit or Han character (a stray 。 or ”) is kept with the sentence before it.
    """
    ends = _ZH_END + (_ZH_SEMI if semicolon else "")
    cuts: list[int] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            cuts.append(i)
            i += 1
            continue
        if c in ends:
            j = i + 1
            while j < n and (text[j] in ends or text[j] in _ZH_CLOSE or text[j] == "…"):
                j += 1
            cuts.append(j)
            i = j
            continue
        i += 1
    return _spans(text, cuts)
