"""Currencies named in Chinese and English, next to a number or on their own: 美元 / dollars / US$ -> USD."""

from __future__ import annotations

import re

from termcheck import shortcuts
from termcheck.lang.numeric import AUD, CAD, CNY, DOLLAR, EUR, GBP, HKD, JPY, KRW, SGD, TWD, USD

# English: a sign or code before the number, a word or code after it (after its scale word). A bare "$" or
# "dollars" is DOLLAR: any of the dollars (the text named which one elsewhere, or the reader knows)
_EN_BEFORE = re.compile(r"(?:(?P<hk>HK\$|HKD)|(?P<sg>S\$|SGD)|(?P<tw>NT\$|TWD)|(?P<au>A\$|AUD)|(?P<ca>C\$|CAD)|"
                        r"(?P<usd>US\$|USD)|(?P<dollar>\$)|(?P<cny>RMB|CNY|¥|￥)|(?P<eur>€|EUR|Euro)|"
                        r"(?P<gbp>£|GBP))\s?$")
_EN_NAMES = (r"(?P<hk>Hong\s+Kong\s+dollars?|HKD)|(?P<sg>Singapore\s+dollars?|SGD)|"
             r"(?P<tw>(?:New\s+Taiwan|NT|Taiwan(?:ese)?)\s+dollars?|TWD)|(?P<au>Australian\s+dollars?|AUD)|"
             r"(?P<ca>Canadian\s+dollars?|CAD)|(?P<usd>(?:US|U\.S\.|American)\s+dollars?|USD)|(?P<dollar>dollars?)|"
             r"(?P<cny>yuan|renminbi|RMB|CNY)|(?P<eur>euros?|EUR)|(?P<jpy>yen|JPY)|(?P<krw>won|KRW)|"
             r"(?P<gbp>pounds?\s+sterling|pounds?|GBP)")
_EN_AFTER = re.compile(rf"^\s*(?:{_EN_NAMES})\b", re.I)
# a currency named anywhere in English text: a sign, or a name that is no other word ("won" is a verb, "pounds"
# a weight, so they count only next to an amount)
_EN_SIGN = re.compile(r"(?<![\w$])(?:(?P<hk>HK\$)|(?P<sg>S\$)|(?P<tw>NT\$)|(?P<au>A\$)|(?P<ca>C\$)|(?P<usd>US\$)|"
                      r"(?P<dollar>\$)|(?P<cny>¥|￥)|(?P<eur>€)|(?P<gbp>£))")
_EN_WORD = re.compile(_EN_NAMES.replace(r"|(?P<krw>won|KRW)", r"|(?P<krw>KRW)")
                      .replace(r"|pounds?|GBP", "|GBP"))
# Chinese: 美元 and the others after the number, 人民币 before or after it; 元 alone is the yuan
_ZH_NAMES = (r"(?P<hk>港元|港币)|(?P<sg>新加坡元|新元|新币)|(?P<tw>新台币|台币)|(?P<au>澳元|澳大利亚元)|"
             r"(?P<ca>加元|加拿大元)|(?P<usd>美元|美金)|(?P<eur>欧元)|(?P<jpy>日元)|(?P<krw>韩元)|(?P<gbp>英镑)")
_ZH_AFTER = re.compile(rf"^\s*(?:{_ZH_NAMES}|(?P<cny>人民币|元|块钱))")
_ZH_BEFORE = re.compile(r"(?:(?P<cny>人民币|¥|￥)|(?P<usd>US\$)|(?P<dollar>\$)|(?P<eur>€)|(?P<gbp>£))\s?$")
# a currency named anywhere in Chinese text; 元 alone only after a numeral or a scale (元旦, 单元 are words)
_ZH_ANY = re.compile(rf"{_ZH_NAMES}|(?P<cny>人民币|(?<=[\d〇零一二两三四五六七八九十百千万亿余多几])(?:元|块钱))")
_CODES = {"hk": HKD, "sg": SGD, "tw": TWD, "au": AUD, "ca": CAD, "usd": USD, "dollar": DOLLAR, "cny": CNY,
          "eur": EUR, "jpy": JPY, "krw": KRW, "gbp": GBP}
_DOLLARS = frozenset({USD, HKD, SGD, TWD, AUD, CAD, DOLLAR})


def _code(m: re.Match[str] | None) -> str:
    if m is None:
        return ""
    return next((_CODES[g] for g, v in m.groupdict().items() if v), "")


def same(a: str, b: str) -> bool:
    """Whether two currency codes can name the same currency: a bare "dollars" is any of the dollars, and
    元 (read CNY) is also the unit of the Taiwan and Hong Kong dollars (NT$, HK$)."""
    return (a == b or (DOLLAR in (a, b) and a in _DOLLARS and b in _DOLLARS)
            or (CNY in (a, b) and (TWD in (a, b) or HKD in (a, b))))


def en_currency(text: str, start: int, end: int) -> str:
    """The currency an English text names around the number at [start, end), or ""."""
    return _code(_EN_BEFORE.search(text, max(0, start - 5), start)) or _code(_EN_AFTER.match(text[end:end + 30]))


def zh_currency(text: str, start: int, end: int) -> str:
    """The currency a Chinese text names around the number at [start, end), or ""."""
    return _code(_ZH_AFTER.match(text[end:end + 6])) or _code(_ZH_BEFORE.search(text, max(0, start - 4), start))


# every alternative of _EN_WORD (case-sensitive) holds one of these: a text without any has no match
_EN_WORD_NEEDS = ("dollar", "HKD", "SGD", "TWD", "AUD", "CAD", "USD", "yuan", "renminbi", "RMB", "CNY", "euro", "EUR",
                  "yen", "JPY", "KRW", "GBP", "pound")


def en_named(text: str) -> list[tuple[tuple[int, int], str]]:
    """Every currency an English text names, with or without an amount: [(span, code)]."""
    scan = not shortcuts.on() or any(w in text for w in _EN_WORD_NEEDS)
    words = [(m.span(), _code(m)) for m in (_EN_WORD.finditer(text) if scan else ())
             if (m.start() == 0 or not text[m.start() - 1].isalnum()) and not text[m.end():m.end() + 1].isalnum()]
    return sorted([(m.span(), _code(m)) for m in _EN_SIGN.finditer(text)] + words)


def zh_named(text: str) -> list[tuple[tuple[int, int], str]]:
    """Every currency a Chinese text names (元 only after a number or a scale): [(span, code)]."""
    return [(m.span(), _code(m)) for m in _ZH_ANY.finditer(text)]
