"""German: umlaut- and ß-folded word keys, abbreviations (z. B., Dr., Nr.), ordinals 1., „…“ quotes."""

from __future__ import annotations

from termcheck.lang import european as eu
from termcheck.lang import spaced
from termcheck.lang.european import Typo
from termcheck.lang.memo import shared
from termcheck.text import Normalized

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

# endings declension and plural add to a German noun or adjective (des Außenministeriums, den Staaten, der Vereinten
# Nationen, des Auswärtigen Amtes): a correct rendering is also looked for with each word's ending cut off
_ENDINGS = ("ern", "ers", "en", "er", "es", "em", "e", "n", "s")  # the longest first


def _cut(key: str) -> str:
    """A word key without its declension ending, if what remains has three letters or more."""
    for e in _ENDINGS:
        if key.endswith(e) and len(key) - len(e) >= 3:
            return key[:-len(e)]
    return key


@shared
def match_forms(text: str) -> tuple[Normalized, ...]:
    """The forms a text is matched in: its words as written, and cut of their endings (`inflected_keys`)."""
    keys = eu.tokens(text, RULES)  # read once for both forms
    return spaced.from_tokens(keys), spaced.cut_form(keys, _cut)


def inflected_keys(term: str) -> tuple[str, ...]:
    """The key of a correct rendering's declined forms: its words cut of their endings, matched in the cut form of a
    text. Only correct renderings get it (a cut that meets another word only makes a rendering found, never a
    wrong one reported); wrong renderings are matched as written."""
    key = spaced.cut_form(eu.tokens(term, RULES), _cut).text
    return (key,) if key.strip() else ()
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


declined = spaced.declined  # near misses that differ only at word ends are declined forms
