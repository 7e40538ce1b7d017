"""English: normalization for term matching (case, hyphens, quotes, abbreviations, inflections)."""

from __future__ import annotations

import re
from functools import lru_cache

from termcheck.lang import spaced
from termcheck.text import Normalized

_ABBREV = re.compile(r"\b([A-Za-z])\.(?:([A-Za-z])\.)+")
_VOWEL = re.compile(r"[aeiouy]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "＇": "'"})


def _undouble(w: str) -> str:
    if len(w) >= 3 and w[-1] == w[-2] and w[-1] not in "aeiouslz":
        return w[:-1]
    return w


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Strip regular inflections only (plural/3rd person -s, -ed, -ing, possessive), not derivation.

    Both the glossary term and the text go through this, so `decouple`, `decoupled` and
    `decoupling` share one key, as do `communiqué` and `communiqués`.
    """
    w = word.translate(_QUOTES)
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("sses"):
        w = w[:-2]
    elif w.endswith(("ss", "us", "is")):
        pass
    elif w.endswith(("xes", "zes", "ches", "shes")):
        w = w[:-2]
    elif w.endswith("s"):
        w = w[:-1]
    elif w.endswith("ing") and len(w) - 3 >= 3 and _VOWEL.search(w[:-3]):
        w = _undouble(w[:-3])
    elif w.endswith("ed") and len(w) - 2 >= 3 and _VOWEL.search(w[:-2]):
        w = _undouble(w[:-2])
    if w.endswith("e") and len(w) >= 5:
        w = w[:-1]
    return w


_TOKEN = re.compile(r"(?P<abbr>\b[A-Za-z](?:\.[A-Za-z])+\.?)|[^\W_]+(?:['’][^\W_]+)*|[.!?;:]")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word keys with offsets: `U.S.` is one token `us`; sentence punctuation is the barrier `|`."""
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group()
        if m.lastgroup == "abbr":
            key = w.replace(".", "").lower()
        elif w in ".!?;:":
            key = "|"
        else:
            key = stem(w.lower())
        out.append((key, m.start(), m.end()))
    return out


def normalize(text: str) -> Normalized:
    """Padded, space-joined word keys (case-folded, inflections stripped) with offsets."""
    return spaced.from_tokens(tokens(text))


def term_keys(term: str) -> tuple[str, ...]:
    """Keys for a term: as written, and with hyphens closed up (de-risking -> derisking)."""
    keys = []
    for variant in (term, re.sub(r"(?<=\w)[-‐‑](?=\w)", "", term)):
        key = normalize(variant).text
        while key.startswith(" | "):
            key = key[2:]
        while key.endswith(" | "):
            key = key[:-2]
        if key.strip() and key not in keys:
            keys.append(key)
    return tuple(keys)


def boundary_filter(words: object) -> None:
    """English words are delimited: padded keys already guarantee whole-word hits."""
    return None


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")


def caps_keys(term: str) -> frozenset[str]:
    """Keys of the acronyms in a term (`US`, `U.S.`, `UN`, `SCO`) that must match in capitals."""
    out = set()
    for m in _TOKEN.finditer(term):
        w = m.group()
        if m.lastgroup == "abbr" or _ACRONYM.match(w):
            out.add(w.replace(".", "").lower())
    return frozenset(out)


def caps_ok(text: str, span: tuple[int, int], keys: frozenset[str]) -> bool:
    """True when every acronym of the term is written in capitals in the text span."""
    for m in _TOKEN.finditer(text, span[0], span[1]):
        w = m.group().replace(".", "")
        if w.lower() in keys and not w.isupper():
            return False
    return True
