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


def _keys(text: str) -> list[tuple[str, int, int]]:
    nfc, starts, ends = nfc_with_offsets(text)  # spans map back to the text as written (decomposed accents too)
    return [(key, starts[a], ends[b - 1]) for key, a, b in tokens(nfc)]


def normalize(text: str) -> Normalized:
    """Case-folded word keys joined by single spaces, offsets kept per word."""
    return from_tokens(_keys(text))


# marks a word cut of its ending: a key of the exact form never matches in the cut form, nor the other way
CUT = "\x01"


def cut_form(keys: list[tuple[str, int, int]], cut: Callable[[str], str]) -> Normalized:
    """The normal form of word keys each cut of its ending (`cut`) and marked (CUT): where a language module matches
    the declined forms of correct renderings (its `match_forms` and `inflected_keys`)."""
    return from_tokens([(k if k == "|" else CUT + cut(k), a, b) for k, a, b in keys])


# a language without a module of its own most often declines at word ends (plural -s, gender -o/-a, Italian -i/-e):
# a correct rendering is also looked for with each word's final s and final vowel cut off
_VOWELS = frozenset("aeiouàáâãèéêìíîòóôõùúû")


def _cut(key: str) -> str:
    if len(key) > 4 and key.endswith("s"):
        key = key[:-1]
    if len(key) > 4 and key[-1] in _VOWELS:
        key = key[:-1]
    return key


def match_forms(text: str) -> tuple[Normalized, ...]:
    """The forms a text is matched in: its words as written, and cut of their endings (`inflected_keys`)."""
    keys = _keys(text)
    return from_tokens(keys), cut_form(keys, _cut)


def inflected_keys(term: str) -> tuple[str, ...]:
    """The key of a correct rendering's declined forms (Ministros dos Negócios Estrangeiros for Ministro dos Negócios
    Estrangeiros): its words cut of their endings, matched in the cut form of a text. Only correct renderings get
    it; wrong renderings are matched as written."""
    key = cut_form(_keys(term), _cut).text
    return (key,) if key.strip() else ()


def term_keys(term: str) -> tuple[str, ...]:
    """The key of a term in the same space as `normalize`."""
    key = normalize(term).text
    return (key,) if key.strip() else ()


def boundary_filter(words: object) -> None:
    """Words are delimited by spaces: the padded keys already guarantee whole-word hits."""
    return None


def declined(word: str, form: str) -> bool:
    """Whether `word` may be `form` with another ending (ministros / ministro, estrangeiras / estrangeiros, dos /
    das): the two differ only in their last letters (two of `form`, three of `word`) after at least four shared
    ones, or both are short words (articles, prepositions). Lower-case words. For a language that declines at
    word ends, a near miss that differs from the expected rendering only so is a declined form, not a garble."""
    if len(word) <= 3 and len(form) <= 3:
        return True
    shared = 0
    for a, b in zip(word, form, strict=False):
        if a != b:
            break
        shared += 1
    return shared >= 4 and len(form) - shared <= 2 and len(word) - shared <= 3
