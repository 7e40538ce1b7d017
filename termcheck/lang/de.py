"""German: umlaut- and ß-folded word keys, abbreviations (z. B., Dr., Nr.), ordinals 1., „…“ quotes."""

from __future__ import annotations

from termcheck.lang import european as eu
from termcheck.lang.european import Typo

NAME = "German"
NUMBERS_MODULE = "termcheck.lang.de_numbers"
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})


def _fold(word: str) -> str:
    """Umlauts and ß written out (Außenminister = Aussenminister); other accents folded."""
    return eu.fold_accents(word.translate(_FOLD))


# no suffix rule: German endings (-en, -e, -s, -er) are too often part of the stem to strip safely
RULES = eu.WordRules(fold=_fold)
abbreviations = frozenset("""dr drs prof hr hrn fr frl nr nrn art abs bd bsp bzw ca vgl zb dh ua uä oä st dipl
    ing jh mio mrd geb gest str tel evtl ggf inkl sog z b d h u a o ä s vs kap abschn jan feb febr mär apr jun
    jul aug sep sept okt nov dez""".split())
SENTENCES = eu.SentenceRules(never=abbreviations, may_end=frozenset({"usw", "etc", "ff"}), number_ordinal=True)
quote_pairs = {"„": "“", "»": "«", "‚": "‘"}
space_before_marks = ""


_WORDS = eu.Words(RULES, SENTENCES)
normalize, term_keys = _WORDS.normalize, _WORDS.term_keys
boundary_filter, split_sentences = _WORDS.boundary_filter, _WORDS.split_sentences


def typography(text: str) -> list[Typo]:
    """English quotation marks “…” (German quotes „…“ or »…«); a space before ; : ! ?."""
    return [*eu.quote_style(text, "“", "”", "„“"), *eu.space_before_mark(text, NAME)]


def grammatical_double(word: str) -> bool:
    """An article before a relative pronoun or a pronoun twice: „die die Zeitung liest“, „dass sie sie sieht“."""
    return word.lower() in ("die", "der", "das", "dem", "den", "des", "sie")


def keeps_foreign(run: str, script: str) -> bool:
    """German running text keeps acronyms and codes of another script only."""
    from termcheck.lang.base import acronym_or_code

    return acronym_or_code(run)
