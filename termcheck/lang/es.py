"""Spanish: accent-folded word keys with plurals, abbreviations (Sr., Dra., EE. UU.), ¿…? and ¡…! pairs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from termcheck.lang import european as eu
from termcheck.lang import spaced
from termcheck.lang.european import Typo

NAME = "Spanish"
NUMBERS_MODULE = "termcheck.lang.es_numbers"
_VOWELS = "aeiou"


def _stem(word: str) -> str:
    """Plural only: -ces -> -z (paces), -es after a consonant (naciones, países), -s after a, e, o (casas)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ces") and len(word) > 4:
        return word[:-3] + "z"
    if word.endswith("es") and len(word) > 4 and word[-3] not in _VOWELS:
        return word[:-2]
    if word.endswith("s") and word[-2] in "aeo":  # not -is, -us: país, crisis, virus are singular
        return word[:-1]
    return word


RULES = eu.WordRules(fold=eu.fold_accents, stem=_stem)
abbreviations = frozenset("""sr sra srta sres sras dr dra drs d dña ud uds vd vds lic ing arq prof gral gob excmo
    excma ilmo pág págs pag núm num art arts cap vol fig ee av avda ene feb abr jun jul ago sept oct nov dic
    aprox""".split())
SENTENCES = eu.SentenceRules(never=abbreviations, may_end=frozenset({"etc", "uu"}))
quote_pairs = {"«": "»", "“": "”", "‘": "’"}
space_before_marks = ""


_WORDS = eu.Words(RULES, SENTENCES)
normalize, term_keys = _WORDS.normalize, _WORDS.term_keys
boundary_filter, split_sentences = _WORDS.boundary_filter, _WORDS.split_sentences
_CLAUSE_END = re.compile(r"[.…\n]|[!?](?![!?])")


def typography(text: str) -> list[Typo]:
    """A question or exclamation without its opening ¿ or ¡ (or an opening mark never closed); a space
    before ; : ! ?."""
    return [*_pairs(text, "¿", "?"), *_pairs(text, "¡", "!"), *eu.space_before_mark(text, NAME)]


def _pairs(text: str, opening: str, closing: str) -> Iterator[Typo]:
    skip = eu.protected(text)
    start = 0
    for m in _CLAUSE_END.finditer(text):
        piece = text[start:m.start()]
        if m.group() == closing and opening not in piece and not eu.inside(m.start(), skip):
            if text[m.start() - 1:m.start()] not in "?!¿¡" or m.start() == 0:
                yield Typo((m.start(), m.end()), f"{closing!r} without an opening {opening!r}",
                           opening + piece.strip() + closing)
        elif m.group() != closing and opening in piece and closing not in piece:
            pos = start + piece.rindex(opening)
            if not (closing == "!" and "?" in text[pos:m.start() + 1]):
                yield Typo((pos, pos + 1), f"{opening!r} without a closing {closing!r}", "")
        start = m.end()
    tail = text[start:]
    if opening in tail and closing not in tail:
        pos = start + tail.rindex(opening)
        yield Typo((pos, pos + 1), f"{opening!r} without a closing {closing!r}", "")


def grammatical_double(word: str) -> bool:
    """No Spanish word is doubled by grammar (proper names aside, which the checks tell by capitals)."""
    return False


def keeps_foreign(run: str, script: str) -> bool:
    """Spanish running text keeps acronyms and codes of another script only."""
    from termcheck.lang.base import acronym_or_code

    return acronym_or_code(run)


declined = spaced.declined  # near misses that differ only at word ends are declined forms
