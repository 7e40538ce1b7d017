"""French term keys: accents, case, elision (l', d', qu'), apostrophes, hyphens and plural -s/-x/-aux folded."""

from __future__ import annotations

import re
import unicodedata

from termcheck.lang import spaced
from termcheck.text import Normalized, nfc_with_offsets

# a word, possibly with apostrophes inside (l'ONU, aujourd'hui); sentence punctuation is a barrier
_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*|[.!?;:]")
_APOSTROPHE = re.compile(r"['’ʼ]")
# the elided words: an article, pronoun, preposition or conjunction cut before a vowel
ELIDED = frozenset("l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu quelqu".split())
# articles (as keys), left out when two renderings are compared for consistency
ARTICLES = frozenset({"le", "la", "les", "un", "une", "de", "du", "des"})
# words an acronym skips (Organisation mondiale de la santé: OMS)
_UNCOUNTED = frozenset("de du des la le les l d et pour sur en a au aux dans".split())
# invariable words ending in -s/-x that a plural rule must not cut (their singular is themselves)
_KEEP = frozenset("""pays fois temps corps prix choix voix paix dix six deux trois mais plus sous sans
vers dans depuis tous jamais toujours alors hors apres puis ainsi moins tres souvent divers""".split())


def _fold(word: str) -> str:
    """Case and accents folded: `États` -> `etats`, `Œuvre` -> `oeuvre`."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("œ", "oe").replace("æ", "ae")


def singular(word: str) -> str:
    """A folded word without its regular plural ending: `etats` -> `etat`, `internationaux` -> `international`."""
    if len(word) <= 3 or word in _KEEP or not word.isalpha():
        return word
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"
    if word.endswith(("s", "x")) and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def acronym(term: str) -> str:
    """The initials of a name's words, function words left out: `Organisation mondiale de la santé` -> `OMS`."""
    words = re.findall(r"[^\W\d_]+", term)
    return "".join(w[0] for w in words if _fold(w) not in _UNCOUNTED).upper()


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(key, start, end) per word: elided words dropped (`l'ONU` -> `onu` at the span of `ONU`)."""
    out: list[tuple[str, int, int]] = []
    nfc, starts, ends = nfc_with_offsets(text)  # offsets below are in `nfc`; mapped back at the end
    for m in _TOKEN.finditer(nfc):
        w = m.group()
        if w in ".!?;:":
            out.append(("|", m.start(), m.end()))
            continue
        start = m.start()
        parts = _APOSTROPHE.split(w)
        while len(parts) > 1 and _fold(parts[0]) in ELIDED:
            start += len(parts[0]) + 1
            parts = parts[1:]
        for i, part in enumerate(parts):  # aujourd'hui: both halves as words
            key = singular(_fold(part))
            end = start + len(part)
            out.append((key, start, end))
            start = end + 1 if i + 1 < len(parts) else end
    return [(key, starts[a], ends[b - 1]) for key, a, b in out]


def normalize(text: str) -> Normalized:
    """Padded, space-joined word keys with offsets (hyphens separate words: États-Unis = Etats Unis)."""
    return spaced.from_tokens(tokens(text))


def term_keys(term: str) -> tuple[str, ...]:
    """The key of a glossary term in the space of `normalize`."""
    key = normalize(term).text
    while key.startswith(" | "):
        key = key[2:]
    while key.endswith(" | "):
        key = key[:-2]
    return (key,) if key.strip(" |") else ()


def boundary_filter(words: object) -> None:
    """French words are delimited: padded keys already guarantee whole-word hits."""
    return None
