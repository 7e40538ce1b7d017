"""Currencies named next to a number in Chinese and English: 美元 / dollars / US$ -> USD, 元 / RMB -> CNY."""

from __future__ import annotations

import re

from termcheck.lang.numeric import CNY, EUR, GBP, HKD, JPY, USD

# English: a sign or code before the number, a word or code after it (after its scale word)
_EN_BEFORE = re.compile(r"(?:(?P<hk>HK\$|HKD)|(?P<usd>US\$|USD|\$)|(?P<cny>RMB|CNY|¥|￥)|(?P<eur>€|EUR|Euro)|"
                        r"(?P<gbp>£|GBP))\s?$")
_EN_AFTER = re.compile(r"^\s*(?:(?P<hk>Hong\s+Kong\s+dollars?|HKD)|"
                       r"(?P<usd>(?:US\s+|U\.S\.\s+|American\s+)?dollars?|USD)|"
                       r"(?P<cny>yuan|renminbi|RMB|CNY)|(?P<eur>euros?|EUR)|(?P<jpy>yen|JPY)|"
                       r"(?P<gbp>pounds?\s+sterling|pounds?|GBP))\b", re.I)
# Chinese: 美元 and the others after the number, 人民币 before or after it; 元 alone is the yuan
_ZH_AFTER = re.compile(r"^\s*(?:(?P<hk>港元|港币)|(?P<usd>美元|美金)|(?P<eur>欧元)|(?P<jpy>日元)|(?P<gbp>英镑)|"
                       r"(?P<cny>人民币|元|块钱))")
_ZH_BEFORE = re.compile(r"(?:(?P<cny>人民币|¥|￥)|(?P<usd>US\$|\$)|(?P<eur>€)|(?P<gbp>£))\s?$")
_CODES = {"hk": HKD, "usd": USD, "cny": CNY, "eur": EUR, "jpy": JPY, "gbp": GBP}


def _code(m: re.Match[str] | None) -> str:
    if m is None:
        return ""
    return next((_CODES[g] for g, v in m.groupdict().items() if v), "")


def en_currency(text: str, start: int, end: int) -> str:
    """The currency an English text names around the number at [start, end), or ""."""
    return _code(_EN_BEFORE.search(text, max(0, start - 5), start)) or _code(_EN_AFTER.match(text[end:end + 30]))


def zh_currency(text: str, start: int, end: int) -> str:
    """The currency a Chinese text names around the number at [start, end), or ""."""
    return _code(_ZH_AFTER.match(text[end:end + 6])) or _code(_ZH_BEFORE.search(text, max(0, start - 4), start))
