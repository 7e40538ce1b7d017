"""lang/currency: the currencies a text names, with or without an amount, and which codes can name the same."""

from __future__ import annotations

import pytest

from termcheck import lang
from termcheck.lang import currency


@pytest.mark.parametrize(("text", "codes"), [
    ("It costs tens of thousands of dollars.", ["dollars"]),
    ("S$110 million and HK$5 and US$3", ["SGD", "HKD", "USD"]),
    ("Singapore dollars, US dollars and 30 yuan", ["SGD", "USD", "CNY"]),
    ("a fee of RMB 300 or €20", ["CNY", "EUR"]),
    ("He won the race by five pounds.", []),  # "won" is a verb, "pounds" a weight: only next to an amount
    ("Mr. Li-Yen met them.", []),
])
def test_english_names(text, codes):
    assert [c for _, c in currency.en_named(text)] == codes


@pytest.mark.parametrize(("text", "codes"), [
    ("动辄上万元一颗", ["CNY"]),
    ("拨出1.1亿新元", ["SGD"]),
    ("元旦期间单元楼", []),  # 元 only after a number or a scale
    ("捐赠500元人民币", ["CNY", "CNY"]),
    ("票价3000新台币", ["TWD"]),
    ("五百万美元和二十万港元", ["USD", "HKD"]),
])
def test_chinese_names(text, codes):
    assert [c for _, c in currency.zh_named(text)] == codes


@pytest.mark.parametrize(("a", "b", "same"), [
    ("USD", "USD", True), ("USD", "dollars", True), ("SGD", "dollars", True), ("CNY", "dollars", False),
    ("CNY", "TWD", True), ("CNY", "HKD", True), ("USD", "SGD", False), ("EUR", "dollars", False),
])
def test_same(a, b, same):
    assert currency.same(a, b) is same and currency.same(b, a) is same


def test_language_modules_offer_what_they_know():
    en, zh = lang.module("en").currencies, lang.module("zh").currencies
    assert en is not None and en("It cost 300 yuan.") == currency.en_named("It cost 300 yuan.")
    assert zh is not None and zh("花了三百元。") == currency.zh_named("花了三百元。")
    assert lang.module("fr").currencies is None
