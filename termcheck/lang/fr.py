"""French: accent-folded word keys with elision (l', d', qu'), abbreviations, spacing and « » norms."""

from __future__ import annotations

import re
from collections.abc import Iterator

from termcheck.lang import european as eu
from termcheck.lang import spaced
from termcheck.lang.european import Typo

# term matching by fr_terms' keys (elision, plurals with their invariable words, acronyms): the bundled
# glossary's French renderings are tested against them
from termcheck.lang.fr_terms import ARTICLES, acronym, normalize, term_keys  # noqa: F401

NAME = "French"
NUMBERS_MODULE = "termcheck.lang.fr_numbers"


abbreviations = frozenset("""m mm mme mmes mlle mlles dr drs pr me mgr st ste vve av apr cf env art chap vol p pp
    no n° éd ed fig janv févr fevr avr juil sept oct nov déc dec gén gen col cdt lt cne sgt adj hon prés pres
    dir min ambass sén sen dép dep""".split())
SENTENCES = eu.SentenceRules(never=abbreviations, may_end=frozenset({"etc"}))
quote_pairs = {"«": "»", "“": "”", "‹": "›"}
# marks written after a space (French: a no-break space before ; : ! ? and »)
space_before_marks = ";:!?»"


def boundary_filter(words: object) -> None:
    """French words are delimited by spaces and apostrophes: padded keys already give whole words."""
    return None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, not cut after M., Mme, Dr, art. or an initial."""
    return eu.split_sentences(text, SENTENCES)


_NO_SPACE_BEFORE = re.compile(r"(?<=[^\W_])([;:!?])")
_OPEN_TIGHT = re.compile(r"«(?=[^\s\u00a0\u202f])")
_CLOSE_TIGHT = re.compile(r"(?<=[^\s\u00a0\u202f])»")
_NBSP = {";": "\u202f", "!": "\u202f", "?": "\u202f", ":": "\u00a0"}


def typography(text: str) -> list[Typo]:
    """A missing (no-break) space before ; : ! ? and inside « » (a plain space there is accepted)."""
    return list(_typos(text))


def _typos(text: str) -> Iterator[Typo]:
    skip = eu.protected(text)
    for m in _NO_SPACE_BEFORE.finditer(text):
        a = m.start()
        if eu.inside(a, skip) or (m.group() == ":" and text[a - 1:a].isdigit() and text[a + 1:a + 2].isdigit()):
            continue  # 10:30, a URL
        yield Typo((a, a + 1), f"no space before {m.group()!r} (French puts a no-break space there)",
                   _NBSP[m.group()] + m.group())
    for m in _OPEN_TIGHT.finditer(text):
        yield Typo((m.start(), m.start() + 1), "no space after « (French puts a no-break space there)", "«\u00a0")
    for m in _CLOSE_TIGHT.finditer(text):
        yield Typo((m.start(), m.start() + 1), "no space before » (French puts a no-break space there)", "\u00a0»")


def grammatical_double(word: str) -> bool:
    """Reflexive pronouns: « nous nous réunissons », « vous vous souvenez »."""
    return word.lower() in ("nous", "vous")


def keeps_foreign(run: str, script: str) -> bool:
    """French running text keeps acronyms and codes of another script only (Latin ones are its own)."""
    from termcheck.lang.base import acronym_or_code

    return acronym_or_code(run)


declined = spaced.declined  # near misses that differ only at word ends are declined forms
