"""French numbers and dates: 2 500, 3,7 %, 2 500 millions, milliard, vingt-deux, 1er mars 2024."""

from __future__ import annotations

from termcheck.lang import numreader
from termcheck.lang.numeric import Quantity
from termcheck.lang.numshow import ShowRules, show

_UNITS = ("zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize").split()
_WORDS: dict[str, float] = {w: float(i if i < 2 else i - 1) for i, w in enumerate(_UNITS)}
_WORDS.update({"zéro": 0, "un": 1, "une": 1})
_WORDS.update({"vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
               "quatre-vingt": 80, "quatre-vingts": 80, "cent": 100, "cents": 100, "mille": 1000})
_ORDINALS = {"premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
             "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9,
             "dixième": 10, "onzième": 11, "douzième": 12, "vingtième": 20, "centième": 100}
_SCALES = {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "billion": 1e12,
           "billions": 1e12, "md": 1e9, "mds": 1e9, "mln": 1e6, "mio": 1e6}
_MONTHS = {r"janvier|janv\.": 1, r"février|fevrier|févr\.|fevr\.": 2, r"mars": 3, r"avril|avr\.": 4, r"mai": 5,
           r"juin": 6, r"juillet|juil\.": 7, r"août|aout": 8, r"septembre|sept\.": 9, r"octobre|oct\.": 10,
           r"novembre|nov\.": 11, r"décembre|decembre|déc\.": 12}

RULES = numreader.NumberRules(
    decimal=",", groups=" \u00a0\u202f\u2009.", percent=r"[ \u00a0\u202f]?%|\s+pour\s?cent\b",
    scales=_SCALES, words=_WORDS, connectors=frozenset({"et"}), ordinal_words=_ORDINALS,
    ordinal_suffix=r"ers?|res?|ème|èmes|eme|e|es|ᵉ|ᵉʳ|ʳᵉ|°",
    months=_MONTHS, months_lower=True, numeric_date=r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})",
)


def quantities(text: str) -> list[Quantity]:
    """Every number mention of a French text, in order, as `numeric.Quantity`."""
    return numreader.quantities(text, RULES)


SHOW = ShowRules(decimal=",", group="\u202f", percent="{}\u00a0%", ordinal=("{}er", "{}e"),
                    months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                            "octobre", "novembre", "décembre"),
                    scales=((1e12, "billion", "billions"), (1e9, "milliard", "milliards"),
                            (1e6, "million", "millions")))


def shows(value: float, kind: str) -> str:
    """A value as fr text writes it (for suggestions)."""
    return show(value, kind, SHOW)
