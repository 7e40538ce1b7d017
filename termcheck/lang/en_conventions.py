"""English conventions for writing amounts and dates: the currency code before the amount, no ordinal suffix in a
date, the month named with its day, dates written out in prose (AP, Reuters and Chicago styles agree on these)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from termcheck.lang.numeric import MONTHS
from termcheck.model import Span

DATE_FORMAT, CURRENCY_FORMAT = "date-format", "currency-format"

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
# "300 RMB", "5 million USD": English writes the ISO code before the amount (RMB 300) or the currency's name
_CODE_AFTER = re.compile(r"(?<![\w.,])(?P<amount>\d[\d,]*(?:\.\d+)?(?:\s+(?:thousand|million|billion|trillion))?)"
                         r"\s+(?P<code>RMB|CNY|USD|EUR|GBP|JPY|HKD|CHF|SGD|TWD|AUD|CAD|KRW)\b")
# "February 11th": a date with a month name takes the cardinal (February 11)
_ORDINAL_DATE = re.compile(rf"\b(?P<date>{_MONTH}\s+(?P<day>[1-9]|[12]\d|3[01]))(?P<suffix>st|nd|rd|th)\b")
# "2023-02-11" in running text: prose writes the date out (February 11, 2023)
_ISO_DATE = re.compile(r"(?<![\w/.:-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
                       r"(?![\w/:]|[.-]\w)")
# running text: at least this many words (a header or a table cell writes dates as it likes)
PROSE_WORDS = 5
_WORD = re.compile(r"[A-Za-z]{2,}")
# a month next to a day: "February 9", "9 February", "the 9th of February", "Feb. 9"
_MONTH_BEFORE = re.compile(rf"(?:{_MONTH}|{_MONTH_ABBR})\s*(?:the\s+)?$")
_MONTH_AFTER = re.compile(rf"^(?:\s+of)?\s+(?:{_MONTH}|{_MONTH_ABBR})")


@dataclass(frozen=True, slots=True)
class FormatIssue:
    """A number written against the language's convention: where, what kind, and how it is written instead."""

    span: Span
    kind: str
    text: str
    suggestion: str | None


def format_issues(text: str) -> list[FormatIssue]:
    """Amounts with the currency code after them, dates with an ordinal day, all-digit dates, in text order."""
    out = [FormatIssue(m.span(), CURRENCY_FORMAT, m.group(), f"{m['code']} {m['amount']}")
           for m in _CODE_AFTER.finditer(text)]
    out += [FormatIssue(m.span(), DATE_FORMAT, m.group(), m["date"]) for m in _ORDINAL_DATE.finditer(text)]
    if len(_WORD.findall(text)) >= PROSE_WORDS:  # a header line ("date 2024-02-17") is no prose
        out += [FormatIssue(m.span(), DATE_FORMAT, m.group(), f"{MONTHS[int(m['m']) - 1]} {int(m['d'])}, {m['y']}")
                for m in _ISO_DATE.finditer(text)]
    return sorted(out, key=lambda f: f.span)


def undated_day(text: str, span: Span) -> FormatIssue | None:
    """The day of a month at `span` ("on the 9th", "(11)") written without its month, or None when the month is
    next to it: English names the month with the day (February 9), as news style guides ask."""
    before, after = text[max(0, span[0] - 16):span[0]], text[span[1]:span[1] + 16]
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return None
    start = span[0] - 4 if text[max(0, span[0] - 4):span[0]].lower() == "the " else span[0]
    return FormatIssue((start, span[1]), DATE_FORMAT, text[start:span[1]], None)
