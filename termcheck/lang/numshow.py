"""Numbers written the way one language writes them (for suggestions): 2,5 milliards, 3,7 %, 1er, März."""

from __future__ import annotations

from dataclasses import dataclass

from termcheck.lang.numeric import DECADE, MONTH, ORDINAL, PERCENT, YEAR, key


@dataclass(frozen=True)
class ShowRules:
    """How a language writes a value: separators, percent, ordinals, month names and big-number scales."""

    decimal: str                              # ","
    group: str                                # "\u202f" (fr), "." (de, es), "\u00a0" (ru)
    percent: str                              # "{}\u00a0%"
    ordinal: tuple[str, str]                  # (first, others): ("{}er", "{}e")
    months: tuple[str, ...]                   # twelve names
    scales: tuple[tuple[float, str, str], ...]  # (value, singular, plural), largest first
    group_from: int = 10_000                  # 2500 or 2 500: grouped from this value up


def plain(value: float, rules: ShowRules) -> str:
    """12 500 / 12.500 and 18 185,15 (grouped from `group_from` up), 6,8, 2024."""
    text = f"{value:,.6f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    if abs(value) < rules.group_from:
        text = text.replace(",", "")
    return text.replace(",", "\0").replace(".", rules.decimal).replace("\0", rules.group)


def show(value: float, kind: str, rules: ShowRules) -> str:
    """A value as the language writes it: `2,5 milliards`, `3,7 %`, `1er`, `mars`, `2024`."""
    if kind == MONTH and value == int(value) and 1 <= value <= 12:
        return rules.months[int(value) - 1]
    if kind == PERCENT:
        return rules.percent.format(plain(value, rules))
    if kind == ORDINAL and value == int(value):
        return (rules.ordinal[0] if value == 1 else rules.ordinal[1]).format(int(value))
    if kind in (YEAR, DECADE) and value == int(value):
        return str(int(value))
    for scale, one, many in rules.scales:
        if value >= scale:
            m = value / scale
            if key(m) == key(round(m, 3)):
                m = key(round(m, 3))
                return f"{plain(m, rules)} {one if m < 2 else many}"
            break
    return plain(value, rules)
