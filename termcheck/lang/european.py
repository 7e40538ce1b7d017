"""Shared machinery of the alphabetic European language modules: word keys, sentence cuts, spacing rules."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from termcheck.lang import spaced
from termcheck.lang.spans import trimmed
from termcheck.text import Normalized

APOSTROPHES = "'’ʼ＇‘"
_APOS = str.maketrans({c: "'" for c in APOSTROPHES})
# a word may hold inner hyphens and apostrophes (aujourd'hui, Jean-Pierre); elision prefixes are split off
_L = r"(?:[^\W_]|[\u0300-\u036f])"  # a letter or digit, or a combining mark (decomposed é, stress in По́лно)
_WORD = re.compile(rf"{_L}+(?:(?:['’ʼ]|[-‐‑]){_L}+)*|[.!?;:]")


def fold_accents(word: str) -> str:
    """Strip combining marks: `européenne` -> `europeenne` (the key survives missing accents)."""
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@dataclass(frozen=True, slots=True)
class WordRules:
    """How one language turns a written word into a term key."""

    fold: Callable[[str], str]                 # lower-cased word -> folded form (accents, ß, ё)
    stem: Callable[[str], str] = lambda w: w   # folded word -> key (only safe suffix rules)
    elisions: frozenset[str] = frozenset()      # l', d', qu' ... split off as their own key


def tokens(text: str, rules: WordRules) -> list[tuple[str, int, int]]:
    """(key, start, end) per word; an elided article becomes its own word; sentence punctuation is `|`."""
    out: list[tuple[str, int, int]] = []
    for m in _WORD.finditer(text):  # offsets are the text's own: keys are composed per word
        w = m.group()
        if w in ".!?;:":
            out.append(("|", m.start(), m.end()))
            continue
        low = w.lower().translate(_APOS)
        if not low.isascii():
            low = unicodedata.normalize("NFC", low)
        start = m.start()
        head, sep, rest = low.partition("'")
        if sep and head in rules.elisions and rest:
            out.append((rules.fold(head), start, start + len(head) + 1))
            low, start = rest, start + len(head) + 1
        low = low.replace("-", "").replace("‐", "").replace("‑", "")
        out.append((rules.stem(rules.fold(low)), start, m.end()))
    return out


def normalize(text: str, rules: WordRules) -> Normalized:
    """Padded, space-joined word keys with offsets (see `spaced.from_tokens`)."""
    return spaced.from_tokens(tokens(text, rules))


def term_keys(term: str, rules: WordRules) -> tuple[str, ...]:
    """The key of a term without sentence barriers at its ends ("M." is a word, not a stop)."""
    key = normalize(term, rules).text
    while key.startswith(" | "):
        key = key[2:]
    while key.endswith(" | "):
        key = key[:-2]
    return (key,) if key.strip() else ()


# --- sentence splitting -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SentenceRules:
    """Abbreviations of one language, lower-cased without their final period."""

    never: frozenset[str]                    # never end a sentence (titles: M., Sr., Dr., z. B.)
    may_end: frozenset[str] = frozenset()    # short words that end a sentence before a capital (etc., г. after a year)
    number_ordinal: bool = False             # "1. März": a number with a period is an ordinal (German)
    after_number_only: frozenset[str] = frozenset()  # end a sentence only after a number (г. = год)


_END = re.compile(r"(?:[.!?…]+)[\"'”’»“)\]]*(?=\s)|[.!?…]+[\"'”’»“)\]]*$")
_NEXT = re.compile(r"\s+([\"“„«‘'(\[¿¡—–-]*)(\S*)")


def split_sentences(text: str, rules: SentenceRules) -> list[tuple[int, int]]:
    """Sentence spans: a cut after . ! ? … (and closing quotes) before a capital, digit or opening mark."""
    cuts: list[int] = [i for i, c in enumerate(text) if c == "\n"]
    for m in _END.finditer(text):
        nxt = _NEXT.match(text, m.end())
        if nxt is None:
            continue
        opener, word = nxt.group(1), nxt.group(2)
        if not opener and not (word[:1].isupper() or word[:1].isdigit()):
            continue
        if m.group() == "." and not _ends(text[:m.start() + 1], rules):
            continue
        cuts.append(m.end())
    cuts.sort()
    return trimmed(text, cuts)


@dataclass(frozen=True, slots=True)
class Words:
    """The word functions of a space-delimited language (its protocol's normalize, term_keys,
    boundary_filter and split_sentences), from its word and sentence rules."""

    rules: WordRules
    sentences: SentenceRules

    def normalize(self, text: str) -> Normalized:
        """Padded word keys: lower case, accents folded as the language does, its suffix rule applied."""
        return normalize(text, self.rules)

    def term_keys(self, term: str) -> tuple[str, ...]:
        """The key of a term in the space of `normalize`."""
        return term_keys(term, self.rules)

    def boundary_filter(self, words: object) -> None:
        """Words are delimited by spaces: padded keys already give whole-word hits."""
        return None

    def split_sentences(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans, not cut after the language's abbreviations."""
        return split_sentences(text, self.sentences)


def _ends(before: str, rules: SentenceRules) -> bool:
    """Whether the period ending `before` ends a sentence (the next word starts with a capital)."""
    parts = before.split()
    word = parts[-1].lstrip("(«„“\"'¿¡")[:-1] if parts else ""
    if not word:
        return True
    key = word.lower()
    if key in rules.never or key.replace(".", "") in rules.never:
        return False
    if word.isdigit():
        return not rules.number_ordinal
    if key in rules.after_number_only:
        return len(parts) > 1 and parts[-2].isdigit()
    if key in rules.may_end:
        return True
    return not (len(word) == 1 and word.isalpha())  # an initial (J. Dupont), one letter of z. B. or т. е.


# --- typography ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Typo:
    """A typography finding of a language module: where, what, and the replacement."""

    span: tuple[int, int]
    message: str
    suggestion: str


_URLISH = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[!-~]+|www\.[!-~]+|[\w.+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_SPACE_BEFORE = re.compile(r"(?<=[^\W_])([ \t]+)([;:!?])")
_CLOCK = re.compile(r"\d[:.]\d")


def protected(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses: typography rules do not apply inside them."""
    if "@" not in text and "://" not in text and "www." not in text:
        return []  # each kind of address needs one of these (the scan costs as much as a check)
    return [m.span() for m in _URLISH.finditer(text)]


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def space_before_mark(text: str, lang_name: str) -> Iterator[Typo]:
    """A space before ; : ! ? (French spacing in a language that writes the mark against the word)."""
    skip = protected(text)
    for m in _SPACE_BEFORE.finditer(text):
        if inside(m.start(), skip):
            continue
        yield Typo(m.span(1), f"space before {m.group(2)!r} ({lang_name} writes it against the word)", "")


def quote_style(text: str, opening: str, closing: str, wanted: str) -> Iterator[Typo]:
    """English-style quotation marks “…” (or straight "…") where the language uses others."""
    for m in re.finditer(rf"{re.escape(opening)}([^{re.escape(opening + closing)}\n]{{1,200}}){re.escape(closing)}",
                         text):
        yield Typo(m.span(), f"quotation marks {opening}…{closing}: this language quotes with {wanted}",
                   wanted[0] + m.group(1) + wanted[-1])


def doubled_marks(text: str, marks: str) -> Iterator[Typo]:
    """A punctuation mark written twice in a row (。。, ，，)."""
    for m in re.finditer(f"([{re.escape(marks)}])\\1+", text):
        yield Typo(m.span(), f"repeated punctuation {m.group()!r}", m.group(1))
