"""German numbers and dates: 1.234, 3,7 %, 2,5 Milliarden, dreiundzwanzig, 1. März 2024, 01.03.2024."""

from __future__ import annotations

from termcheck.lang import numreader
from termcheck.lang.numeric import Quantity
from termcheck.lang.numshow import ShowRules, show

_UNITS = {"null": 0, "eins": 1, "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
          "sieben": 7, "acht": 8, "neun": 9}
_TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
          "siebzehn": 17, "achtzehn": 18, "neunzehn": 19}
_TENS = {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
         "neunzig": 90}
_WORDS: dict[str, float] = {**_UNITS, **_TEENS, **_TENS, "hundert": 100, "tausend": 1000}
# written as one word: einundzwanzig ... neunundneunzig
_COMPOUNDS: dict[str, float] = {("ein" if u == "eins" else u) + "und" + t: v + tv for u, v in _UNITS.items()
                                if 1 <= v <= 9 and u not in ("ein", "eine") for t, tv in _TENS.items()}
_ORDINALS = {"erste": 1, "ersten": 1, "erster": 1, "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3,
             "vierte": 4, "vierten": 4, "fünfte": 5, "fünften": 5, "zehnte": 10, "zehnten": 10}
_SCALES = {"tausend": 1e3, "Tsd.": 1e3, "Million": 1e6, "Millionen": 1e6, "Mio.": 1e6, "Mio": 1e6,
           "Milliarde": 1e9, "Milliarden": 1e9, "Mrd.": 1e9, "Mrd": 1e9, "Billion": 1e12, "Billionen": 1e12}
_MONTHS = {r"Januar|Jänner|Jan\.": 1, r"Februar|Feb\.|Febr\.": 2, r"März|Mär\.": 3, r"April|Apr\.": 4, r"Mai": 5,
           r"Juni|Jun\.": 6, r"Juli|Jul\.": 7, r"August|Aug\.": 8, r"September|Sept?\.": 9,
           r"Oktober|Okt\.": 10, r"November|Nov\.": 11, r"Dezember|Dez\.": 12}

RULES = numreader.NumberRules(
    decimal=",", groups=".\u00a0\u202f\u2009 '", percent=r"[ \u00a0\u202f]?%|\s+Prozent\b",
    scales=_SCALES, words=_WORDS, connectors=frozenset({"und"}), ordinal_words=_ORDINALS,
    ordinal_suffix=r"(?!)", months=_MONTHS, numeric_date=r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})",
    number_dot_ordinal=True, extra_words=_COMPOUNDS,
)


def quantities(text: str) -> list[Quantity]:
    """Every number mention of a German text, in order, as `numeric.Quantity`."""
    return numreader.quantities(text, RULES)


SHOW = ShowRules(decimal=",", group=".", percent="{}\u00a0%", ordinal=("{}.", "{}."),
                    months=("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                            "Oktober", "November", "Dezember"),
                    scales=((1e12, "Billion", "Billionen"), (1e9, "Milliarde", "Milliarden"),
                            (1e6, "Million", "Millionen")))


def shows(value: float, kind: str) -> str:
    """A value as de text writes it (for suggestions)."""
    return show(value, kind, SHOW)
