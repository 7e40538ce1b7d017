"""Numbers found in text, language-neutral: value keys to compare, span, strength, English display."""

from __future__ import annotations

import re
from dataclasses import dataclass

from termcheck.model import Span

# kinds of quantity: how a mention is described in messages
NUMBER, PERCENT, ORDINAL, FRACTION, YEAR, MONTH, DAY, DECADE, CODE = (
    "number", "percent", "ordinal", "fraction", "year", "month", "day", "decade", "code")
LIST = "list item"  # the number of a list item at the start of a segment: 1. 2、 (3)
POINTS = "percentage points"  # a difference of percentages: 5个百分点, "5 percentage points"

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


# values beyond this are no quantity a text compares (a 400-digit string, 一 followed by many 亿): readers
# drop them, so no reading overflows and no message prints an infinite number
MAX_VALUE = 1e30

# what an approximation word says of the true value: above it, below it, around it
ABOVE, BELOW, ABOUT = "above", "below", "about"

# currencies, as the number readers of every language name them
USD, CNY, EUR, JPY, GBP, HKD = "USD", "CNY", "EUR", "JPY", "GBP", "HKD"
SGD, TWD, AUD, CAD, KRW = "SGD", "TWD", "AUD", "CAD", "KRW"
DOLLAR = "dollars"  # a bare "$" or "dollars": any of the dollars


# a date written with digits only, year first: 2023-02-11, 2023/2/11, 2023.02.11
_ISO_DATE = re.compile(r"(?<![\d.])(?P<y>(?:1[89]|2[01])\d\d)(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
                       r"(?P<d>0?[1-9]|[12]\d|3[01])(?![\d])")


def iso_dates(text: str) -> list[tuple[Span, str, float, frozenset[tuple[str, float]]]]:
    """Year, month and day of every all-digit date (2023-02-11): (span, kind, value, keys) each, so that
    the month matches a month name on the other side."""
    out: list[tuple[Span, str, float, frozenset[tuple[str, float]]]] = []
    for m in _ISO_DATE.finditer(text):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        out.append((m.span("y"), YEAR, y, frozenset({("n", float(y))})))
        out.append((m.span("m"), MONTH, mo, frozenset({("month", mo)})))
        out.append((m.span("d"), DAY, d, frozenset({("n", float(d))})))
    return out


# a time of day with digits: 13:09, 13:09:10
_CLOCK = re.compile(r"(?<![\d:])(?P<h>[01]?\d|2[0-4]):(?P<m>[0-5]\d)(?::[0-5]\d)?(?![\d:])")


def clock_times(text: str) -> list[tuple[Span, float, frozenset[tuple[str, float]]]]:
    """Every digital time of day: (span, hour, keys); the hour matches 1 pm or 13 h on the other side."""
    out: list[tuple[Span, float, frozenset[tuple[str, float]]]] = []
    for m in _CLOCK.finditer(text) if ":" in text else ():
        h = int(m["h"])
        keys = frozenset({("n", float(h)), ("n", float((h + 12) % 24)), ("n", float(h % 12))})
        out.append((m.span(), float(h), keys))
    return out


def bounded(value: float | None) -> bool:
    """Whether a reading is a finite value termcheck compares (|value| <= MAX_VALUE)."""
    return value is not None and value == value and abs(value) <= MAX_VALUE


def key(value: float) -> float:
    """A comparison key for a value: rounded to 9 significant digits (1.5e6 == 150 * 1e4)."""
    return float(f"{value:.9g}")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number mention: the values it may stand for, where it is, and how sure we are.

    `bound` is the direction of an approximation word next to it (逾/多/余/"more than": ABOVE;
    近/"nearly": BELOW; 约/"about": ABOUT), else "".
    `unit` names a currency written next to the number (美元, dollars, RMB), else "".
    `keys` holds ("n", value) for counts, percents, ordinals, years and days, and ("month", m)
    for a month name or N月: the two sides match when their key sets intersect. A `strong`
    mention is certainly a number (digits, 六十九, 2.3万亿, a month, a percent); a weak one
    (一 in 一个, "one", "first", a list marker, a code like G20) only satisfies a counterpart
    and is never reported on its own.
    """

    span: Span
    text: str
    keys: frozenset[tuple[str, float]]
    kind: str
    value: float
    strong: bool
    unit: str = ""  # a currency (USD, CNY, ...) when the text names one next to the number
    bound: str = ""  # ABOVE (逾, 多, "more than"), BELOW (近, "nearly") or ABOUT (约, "about") when the text says so

    def with_unit(self, unit: str) -> Quantity:
        """The same mention with a currency."""
        return Quantity(self.span, self.text, self.keys, self.kind, self.value, self.strong, unit, self.bound)

    def with_bound(self, bound: str) -> Quantity:
        """The same mention with an approximation word's direction."""
        return Quantity(self.span, self.text, self.keys, self.kind, self.value, self.strong, self.unit, bound)

    def shows(self) -> str:
        """The value as an English writer would expect it (the suggestion)."""
        return english(self.value, self.kind)


def _plain(v: float) -> str:
    """12,500 and 18,185.15 (thousands separated from 10,000 up), 6.8, 2024."""
    if v == int(v):
        return f"{int(v):,}" if abs(v) >= 10_000 else str(int(v))
    text = f"{v:,.6f}" if abs(v) >= 10_000 else f"{v:.6f}"
    return text.rstrip("0").rstrip(".")


def english(value: float, kind: str = NUMBER) -> str:
    """2.3e12 -> '2.3 trillion', 6.8 percent -> '6.8%', month 2 -> 'February', 69th."""
    if not bounded(value):
        return "a number too large to compare"
    if kind == MONTH and value == int(value) and 1 <= value <= 12:
        return MONTHS[int(value) - 1]
    if kind == PERCENT:
        return f"{_plain(value)}%"
    if kind == POINTS:
        return f"{_plain(value)} percentage points"
    if kind == ORDINAL and value == int(value):
        n = int(value)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if kind == YEAR and value == int(value):
        return str(int(value))
    if kind == DECADE and value == int(value):
        return f"{int(value)}s"
    if value >= 1_000_000 and kind == NUMBER:
        for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if value >= scale:
                m = value / scale
                if key(m) == key(round(m, 3)):
                    return f"{_plain(key(round(m, 3)))} {word}"
                break
    return _plain(value)
