"""Russian: ё-folded word keys with case endings stripped, abbreviations (г., т. е., им.), «…» quotes."""

from __future__ import annotations

import re

from termcheck.lang import european as eu
from termcheck.lang import spaced
from termcheck.lang.european import Typo

NAME = "Russian"
NUMBERS_MODULE = "termcheck.lang.ru_numbers"

# inflectional endings of nouns and adjectives, longest first; a stem keeps at least four letters
_ENDINGS = tuple(sorted("""иями ями ами иях иям ого его ому ему ыми ими ией ая яя ое ее ые ие ый ий ой ей ом ем ам
    ям ах ях ию ью ия ья ии ую юю ых их ым им ов ев ы и а я о е у ю ь й""".split(), key=len, reverse=True))
_STRESS = re.compile("[\u0300\u0301]")


def _fold(word: str) -> str:
    """ё written е, stress marks dropped (По́лно = Полно)."""
    return _STRESS.sub("", word).replace("ё", "е")


def _stem(word: str) -> str:
    """Strip one case ending when at least four letters remain (Китай, Китая, Китаем share `кита`)."""
    if not word.isalpha() or len(word) <= 4:
        return word
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[:-len(end)]
    return word


RULES = eu.WordRules(fold=_fold, stem=_stem)
abbreviations = frozenset("""им ул пер просп пл наб кв корп стр рис см ср тыс млн млрд трлн руб коп проф
    акад доц зам нач ген полк т е т.е т.к т.н напр прим соч ст янв фев февр апр авг сент окт нояб дек""".split())
# д. (дом) and пр. (проспект) before a capital are as often и т. д., и пр. ending a sentence
SENTENCES = eu.SentenceRules(never=abbreviations, may_end=frozenset({"д", "п", "др", "пр"}),
                             after_number_only=frozenset({"г", "гг", "в", "вв"}))
quote_pairs = {"«": "»", "„": "“"}
space_before_marks = ""


_WORDS = eu.Words(RULES, SENTENCES)
normalize, term_keys = _WORDS.normalize, _WORDS.term_keys
boundary_filter, split_sentences = _WORDS.boundary_filter, _WORDS.split_sentences


def typography(text: str) -> list[Typo]:
    """English or straight quotation marks (Russian quotes «…», nested „…“); a space before ; : ! ?."""
    return [*eu.quote_style(text, "“", "”", "«»"), *eu.quote_style(text, '"', '"', "«»"),
            *eu.space_before_mark(text, NAME)]


def grammatical_double(word: str) -> bool:
    """No Russian word is doubled by grammar that a checker can tell from debris."""
    return False


def keeps_foreign(run: str, script: str) -> bool:
    """Russian text keeps Latin acronyms, codes and camel-case brand names (G20, COVID-19, iPhone)."""
    from termcheck.lang.base import acronym_or_code

    return acronym_or_code(run)


declined = spaced.declined  # near misses that differ only at word ends are declined forms
