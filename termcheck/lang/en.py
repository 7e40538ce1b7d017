"""English: normalization for term matching (case, hyphens, quotes, abbreviations, inflections)."""

from __future__ import annotations

import re
from functools import lru_cache

from termcheck.lang import spaced
from termcheck.lang.memo import shared
from termcheck.lang.spans import trimmed
from termcheck.text import Normalized

_ABBREV = re.compile(r"\b([A-Za-z])\.(?:([A-Za-z])\.)+")
_VOWEL = re.compile(r"[aeiouy]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "＇": "'"})


def _undouble(w: str) -> str:
    if len(w) >= 3 and w[-1] == w[-2] and w[-1] not in "aeiouslz":
        return w[:-1]
    return w


@lru_cache(maxsize=50_000)  # a large vocabulary; numbers and names past it are only recomputed
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


# a word may hold apostrophes and hyphens (`China's`, `de-risking`, `China–US`): hyphens are closed
# up in its key, so `de-risking`, `derisking` and `De-Risking` meet; `de risking` meets the term's
# spaced variant (see term_keys)
_TOKEN = re.compile(r"(?P<abbr>\b[A-Za-z](?:\.[A-Za-z])+\.?)"
                    r"|[^\W_]+(?:(?:['’]|[-‐‑–](?=[^\W_])(?![A-Za-z]\.[A-Za-z]))[^\W_]+)*|[.!?;:]")
_HYPHENS = re.compile(r"[-‐‑–]")
# words and abbreviations only, hyphens splitting (for the capitals check of acronyms)
_PLAIN = re.compile(r"(?P<abbr>\b[A-Za-z](?:\.[A-Za-z])+\.?)|[^\W_]+")
_PLAIN_OR_BARRIER = re.compile(r"(?P<abbr>\b[A-Za-z](?:\.[A-Za-z])+\.?)|[^\W_]+(?:['’][^\W_]+)*|[.!?;:]")
_HAS_HYPHEN = re.compile(r"[^\W_][-‐‑–][^\W_]")


@lru_cache(maxsize=50_000)
def _word_key(word: str) -> str:
    """A word's key: lower case, hyphens closed up, inflection stripped."""
    return stem(_HYPHENS.sub("", word.lower()))


def tokens(text: str, *, split_hyphens: bool = False) -> list[tuple[str, int, int]]:
    """Word keys with offsets: `U.S.` is one token `us`; sentence punctuation is the barrier `|`.

    Hyphenated words are one closed-up key, or with `split_hyphens` one key per part.
    """
    out = []
    for m in (_PLAIN_OR_BARRIER if split_hyphens else _TOKEN).finditer(text):
        w = m.group()
        if m.lastgroup == "abbr":
            key = w.replace(".", "").lower()
        elif w in ".!?;:":
            key = "|"
        else:
            key = _word_key(w)
        out.append((key, m.start(), m.end()))
    return out


@shared
def normalize(text: str) -> Normalized:
    """Padded, space-joined word keys (case-folded, inflections stripped) with offsets."""
    return spaced.from_tokens(tokens(text))


@shared
def match_forms(text: str) -> tuple[Normalized, ...]:
    """The normalized forms a text is matched in: with hyphenated words closed up and, where the
    text has any, split (so `fentanyl` is found in `fentanyl-related`, `cybersecurity` in
    `cyber-security`)."""
    closed = normalize(text)
    if not _HAS_HYPHEN.search(text):
        return (closed,)
    return closed, spaced.from_tokens(tokens(text, split_hyphens=True))


def term_keys(term: str) -> tuple[str, ...]:
    """Keys for a term: hyphens closed up (de-risking -> derisking), and hyphens as spaces (de risking)."""
    keys = []
    for variant in (term, re.sub(r"(?<=\w)[-‐‑–](?=\w)", " ", term)):
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
    for m in _PLAIN.finditer(term):
        w = m.group()
        if m.lastgroup == "abbr" or _ACRONYM.match(w):
            out.add(w.replace(".", "").lower())
    return frozenset(out)


def caps_ok(text: str, span: tuple[int, int], keys: frozenset[str]) -> bool:
    """True when every acronym of the term is written in capitals in the text span."""
    for m in _PLAIN.finditer(text, span[0], span[1]):
        w = m.group().replace(".", "")
        if (w.lower() in keys or stem(w.lower()) in keys) and not w.isupper():  # `named` is not NAM
            return False
    return True


# --- sentence splitting -------------------------------------------------------------------------

# abbreviations that never end a sentence (titles, Latin)
_NEVER = frozenset("""mr mrs ms messrs mme mlle dr prof sr st gen lt col maj capt sgt adm sen rep gov amb hon rev
    e.g i.e cf vs viz approx ca""".split())
# abbreviations that do not end a sentence before a number (No. 5, Art. 3, Feb. 16)
_BEFORE_NUMBER = frozenset("""no nos art arts para paras vol vols p pp ch chap fig figs sect sec op
    jan feb mar apr jun jul aug sep sept oct nov dec""".split())
# words that start sentences: after a weak abbreviation (U.S., Inc., etc.) they mark a new sentence
_OPENERS = frozenset("""the this that these those it its he she we they i in on at as but and however both a an
    there his her our their my after before when while if for with during since although yet so thus
    meanwhile moreover furthermore""".split())
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|[.!?]+[\"'”’)\]]*$")
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT = re.compile(r"\s+([\"“‘'(\[]*)(\S*)")
_LIST_MARK = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-Za-z])\)?$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of an English text, aware of abbreviations (U.S., Mr., No. 5), decimals and initials.

    A sentence ends at . ! ? (with any closing quotes or brackets) followed by a space and a
    capital letter, digit or opening quote; line breaks always end one. Spans exclude surrounding
    whitespace; a piece holding no letter or digit (a stray ".") stays with the sentence before it.
    """
    cuts: list[int] = [i for i, c in enumerate(text) if c == "\n"]
    last = 0
    for m in _END.finditer(text):
        end = m.end()
        nxt = _NEXT.match(text, end)
        if nxt is None:
            continue
        if _LIST_MARK.match(text[max(last, text.rfind("\n", 0, m.start()) + 1):m.start()].strip()):
            continue  # "51. The working group", "II. Background": a list number, not a sentence
        opener, word = nxt.group(1), nxt.group(2)
        first = word[:1]
        if not opener and not (first.isupper() or first.isdigit()):
            continue
        if text[m.start()] == "." and not _ends_sentence(text[:m.start() + 1], word, bool(opener)):
            continue
        cuts.append(end)
        last = end
    cuts.sort()
    return trimmed(text, cuts)


def _ends_sentence(before: str, next_word: str, quoted: bool) -> bool:
    """Whether the period ending `before` ends a sentence, given the next word."""
    pm = _PREV_WORD.search(before[-40:])
    if pm is None:
        return True
    word = pm.group(1)
    key = word.lower()
    if key in _NEVER:
        return False
    if key in _BEFORE_NUMBER and next_word[:1].isdigit():
        return False
    if len(word) == 1 and word.isupper():  # an initial: Antony J. Blinken
        return False
    if "." in word or key in ("inc", "ltd", "co", "corp", "etc", "jr"):  # U.S., a.m., Inc.
        return quoted or next_word.strip("\"'“‘(").lower() in _OPENERS
    return True


def proper_noun_ok(text: str, span: tuple[int, int], term: str) -> bool:
    """A lower-case one-word term (`frank`) does not match a capitalized word inside a sentence
    (`Frank-Walter Steinmeier`): there it is a name."""
    word = text[span[0]:span[1]]
    if not term.islower() or " " in term.strip() or not word[:1].isupper():
        return True
    before = text[:span[0]].rstrip(" \t\"'“‘(")
    return before == "" or before[-1] in ".!?:;"


# --- protocol (termcheck.lang.base.LanguageModule) ----------------------------------------------

NAME = "English"
NUMBERS_MODULE = "termcheck.lang.en_numbers"
# words after which a period need not end a sentence (the titles and references above, and those of
# official documents: Distr., Corr., Add., Suppl., Sess., Res.)
abbreviations = _NEVER | _BEFORE_NUMBER | frozenset("""st no etc approx inc ltd co corp jr al ibid op cit loc resp incl
    est dept govt mt ft rd ave blvd tel ext distr corr add suppl ref rep sess res doc encl annex nr min max fl ed
    eds trans repr univ assn intl natl dist rt subpara subparas subsect v""".split())
space_before_marks = ""
quote_pairs = {"“": "”"}
# doubled words that are grammatical ("that that", "had had")
GRAMMATICAL_DOUBLES = frozenset({"that", "had", "is", "was", "do", "does", "did"})


def grammatical_double(word: str) -> bool:
    """`that that`, `had had`: English grammar that doubles a word."""
    return word.lower() in GRAMMATICAL_DOUBLES


def shows(value: float, kind: str) -> str:
    """A value as English writes it: 2.3 trillion, 6.8%, February, 69th."""
    from termcheck.lang.numeric import english

    return english(value, kind)


def keeps_foreign(run: str, script: str) -> bool:
    """English running text keeps nothing of another script (a gloss in brackets aside, judged by the check)."""
    return False


# --- doubled words ----------------------------------------------------------------------------

# reduplicated words and interjections, written as two words ("bye bye", "so so", "no no", "ha ha")
REDUPLICATIONS = frozenset("""bye so no yes ha hah ho hee tut tsk chop hush knock there now well night boo pooh
    yum mm tick tom blah bla la dum din cha choo""".split())


def double_ok(word: str) -> bool:
    """Whether `word word` is English as written: grammatical or a reduplication, not debris."""
    w = word.lower()
    return w in GRAMMATICAL_DOUBLES or w in REDUPLICATIONS
