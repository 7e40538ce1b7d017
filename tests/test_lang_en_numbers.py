"""English number extraction: digits, words, scales, percents, months, ordinals, and non-numbers."""

from __future__ import annotations

import pytest

from termcheck.lang.en_numbers import quantities, roman, words_value


def _strong(text):
    return [(q.text, q.kind, q.value) for q in quantities(text) if q.strong]


@pytest.mark.parametrize(("text", "expected"), [
    ("On February 16, 2024 local time", [("February", "month", 2), ("16", "number", 16), ("2024", "number", 2024)]),
    ("2.3 trillion dollars", [("2.3 trillion", "number", 2.3e12)]),
    ("1.5 million people", [("1.5 million", "number", 1.5e6)]),
    ("$4,000 and 101,600", [("4,000", "number", 4000), ("101,600", "number", 101_600)]),
    ("6.8 per cent", [("6.8 per cent", "percent", 6.8)]),
    ("6.8%", [("6.8%", "percent", 6.8)]),
    ("Sixty-ninth session", [("Sixty-ninth", "ordinal", 69)]),
    ("the 21st century", [("21st", "ordinal", 21)]),
    ("two hundred and five", [("two hundred and five", "number", 205)]),
    ("a million", [("a million", "number", 1e6)]),
    ("the 1990s", [("1990s", "decade", 1990)]),
    ("resolution 68/262", [("68", "number", 68), ("262", "number", 262)]),
    ("over Euro1.5 million", [("1.5 million", "number", 1.5e6)]),
    ("No. 1 in St. Petersburg", [("1", "number", 1)]),
    ("section 5.3", [("5.3", "number", 5.3)]),
    ("paras. 28 and 29", [("28", "number", 28), ("29", "number", 29)]),  # paragraph numbers are kept
    ("deployed by late May", [("May", "month", 5)]),
])
def test_strong_quantities(text, expected):
    assert _strong(text) == expected


@pytest.mark.parametrize("text", [
    "the two sides", "one of the", "first, second",       # small words: weak
    "the G20 summit", "document A/69/1", "COVID-19",       # codes
    "Chapter VII of the Charter",                          # Roman numerals after a heading word
    "10. The Commission",                                  # list numbering
    "dozens of countries", "hundreds of millions", "a million" + "s",  # approximate
    "it may be", "the U.S. side",                          # "may" is a verb; U.S. is no number
    "(p. 28)", "pp. 28 and 29", "see footnote 3",        # page and footnote references
    "a two-thirds majority", "half of them",               # fractions: weak
])
def test_no_strong_quantity(text):
    assert _strong(text) == []


def test_weak_values_still_match():
    keys = {k for q in quantities("the G20, Chapter VII, two-thirds and first") for k in q.keys}
    assert {("n", 20.0), ("n", 7), ("n", 0.666666667), ("n", 1.0)} <= keys


def test_footnote_after_year_and_24_hour_time():
    q = quantities("captured in September 2014.42")[-1]
    assert ("n", 2014.0) in q.keys
    t = quantities("at 15:00")[0]
    assert ("n", 3) in t.keys and not t.strong


@pytest.mark.parametrize(("words", "parsed"), [
    (["sixty", "ninth"], [(0, 2, 69, True)]),
    (["two", "three"], [(0, 1, 2, False), (1, 2, 3, False)]),
    (["one", "hundred", "and", "twenty"], [(0, 4, 120, False)]),
    (["three", "thousand", "five", "hundred"], [(0, 4, 3500, False)]),
])
def test_words_value(words, parsed):
    assert words_value(words) == parsed


@pytest.mark.parametrize(("text", "value"), [("VII", 7), ("XIV", 14), ("XC", 90), ("IIII", None), ("VX", None)])
def test_roman(text, value):
    assert roman(text) == value
