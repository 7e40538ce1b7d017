"""English conventions for writing amounts and dates: a currency code before the amount, no ordinal suffix in a date."""

from __future__ import annotations

import re
from dataclasses import dataclass

from termcheck.model import Span

DATE_FORMAT, CURRENCY_FORMAT = "date-format", "currency-format"

# "300 RMB", "5 million USD": English writes the ISO code before the amount (RMB 300) or the currency's name
_CODE_AFTER = re.compile(r"(?<![\w.,])(?P<amount>\d[\d,]*(?:\.\d+)?(?:\s+(?:thousand|million|billion|trillion))?)"
                         r"\s+(?P<code>RMB|CNY|USD|EUR|GBP|JPY|HKD|CHF)\b")
# "February 11th": a date with a month name takes the cardinal (February 11), as English style guides write it
_ORDINAL_DATE = re.compile(r"\b(?P<date>(?:January|February|March|April|May|June|July|August|September|October|"
                           r"November|December)\s+(?P<day>[1-9]|[12]\d|3[01]))(?P<suffix>st|nd|rd|th)\b")


@dataclass(frozen=True, slots=True)
class FormatIssue:
    """A number written against the language's convention: where, what kind, and how it is written instead."""

    span: Span
    kind: str
    text: str
    suggestion: str


def format_issues(text: str) -> list[FormatIssue]:
    """Amounts with the currency code after them and dates with an ordinal day, in text order."""
    out = [FormatIssue(m.span(), CURRENCY_FORMAT, m.group(), f"{m['code']} {m['amount']}")
           for m in _CODE_AFTER.finditer(text)]
    out += [FormatIssue(m.span(), DATE_FORMAT, m.group(), m["date"]) for m in _ORDINAL_DATE.finditer(text)]
    return sorted(out, key=lambda f: f.span)
