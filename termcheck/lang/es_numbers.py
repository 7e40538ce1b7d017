"""Spanish numbers and dates: 1.234, 3,7 %, mil millones, veintidós, 1.º, 1 de marzo de 2024."""

from __future__ import annotations

from termcheck.lang import numreader
from termcheck.lang.numeric import Quantity
from termcheck.lang.numshow import ShowRules, show

_UNITS = ("cero uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
          "dieciséis diecisiete dieciocho diecinueve veinte").split()
_WORDS: dict[str, float] = {w: float(i if i < 2 else i - 1) for i, w in enumerate(_UNITS)}
_WORDS.update({"un": 1, "uno": 1, "una": 1, "veintiuno": 21, "veintiún": 21, "veintidós": 22, "veintitrés": 23,
               "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintisiete": 27, "veintiocho": 28,
               "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
               "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200,
               "trescientos": 300, "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600,
               "setecientos": 700, "ochocientos": 800, "novecientos": 900, "mil": 1000})
_ORDINALS = {"primero": 1, "primera": 1, "primer": 1, "segundo": 2, "segunda": 2, "tercero": 3, "tercera": 3,
             "tercer": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "séptimo": 7,
             "octavo": 8, "noveno": 9, "décimo": 10}
_SCALES = {"mil millones": 1e9, "millardo": 1e9, "millardos": 1e9, "mil": 1e3, "millón": 1e6, "millones": 1e6,
           "billón": 1e12, "billones": 1e12, "mdd": 1e6}
_MONTHS = {r"enero|ene\.": 1, r"febrero|feb\.": 2, r"marzo|mar\.": 3, r"abril|abr\.": 4, r"mayo": 5,
           r"junio|jun\.": 6, r"julio|jul\.": 7, r"agosto|ago\.": 8, r"septiembre|setiembre|sept?\.": 9,
           r"octubre|oct\.": 10, r"noviembre|nov\.": 11, r"diciembre|dic\.": 12}

RULES = numreader.NumberRules(
    decimal=",", groups=".\u00a0\u202f\u2009 ", percent=r"[ \u00a0\u202f]?%|\s+por\s+ciento\b",
    scales=_SCALES, words=_WORDS, connectors=frozenset({"y"}), ordinal_words=_ORDINALS,
    ordinal_suffix=r"\.?[ºª°]|\.?ᵒ|\.?ᵃ", months=_MONTHS, months_lower=True,
)


def quantities(text: str) -> list[Quantity]:
    """Every number mention of a Spanish text, in order, as `numeric.Quantity`."""
    return numreader.quantities(text, RULES)


SHOW = ShowRules(decimal=",", group=".", percent="{}\u00a0%", ordinal=("{}.º", "{}.º"),
                    months=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                            "octubre", "noviembre", "diciembre"),
                    scales=((1e12, "billón", "billones"), (1e9, "mil millones", "mil millones"),
                            (1e6, "millón", "millones")))


def shows(value: float, kind: str) -> str:
    """A value as es text writes it (for suggestions)."""
    return show(value, kind, SHOW)
