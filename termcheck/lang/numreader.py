"""A number and date reader driven by one language's rules (separators, number words, scales, months)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from termcheck.lang.numeric import CODE, MONTH, NUMBER, ORDINAL, PERCENT, Quantity, key

SPACES = " \u00a0\u202f\u2009"


@dataclass(frozen=True)
class NumberRules:
    """What one language writes for numbers: every field is data, the reader below is shared.

    `scales` and `words` map lower-case written forms to values; `months` maps a regular
    expression (matched case-insensitively at a word start) to a month number.
    """

    decimal: str                                   # "," (fr, es, ru, de) or "."
    groups: str                                    # thousands separators: spaces, "." in de/es
    percent: str                                   # regex after a number: r"\s*%|\s+pour\s?cent"
    scales: Mapping[str, float]                    # "million": 1e6, "mil millones": 1e9, "млрд": 1e9
    words: Mapping[str, float]                     # "vingt": 20, "quatre-vingts": 80
    connectors: frozenset[str]                     # "et", "y", "und", "и"
    ordinal_words: Mapping[str, float]             # "premier": 1, "primero": 1
    ordinal_suffix: str                            # regex right after digits: r"er|re|e|ème"
    months: Mapping[str, int]                      # r"janv(?:ier|\.)": 1
    numeric_date: str = r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})"
    number_dot_ordinal: bool = False               # German "1. März": digits and a period
    months_lower: bool = False                     # month names are lower case (fr, es, ru): "Mars" is a planet
    strong_words_over: float = 10                  # number words above this are certain numbers
    extra_words: Mapping[str, float] = field(default_factory=dict)  # generated forms (dreiundzwanzig)


def _alt(forms: object) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))  # type: ignore[call-overload]


@dataclass(frozen=True)
class _Compiled:
    digits: re.Pattern[str]
    scale: re.Pattern[str]
    percent: re.Pattern[str]
    ordinal: re.Pattern[str]
    words: re.Pattern[str]
    months: re.Pattern[str]
    date: re.Pattern[str]
    all_words: Mapping[str, float]
    scale_words: frozenset[str]


_CACHE: dict[int, _Compiled] = {}
_CODE = re.compile(r"(?<![\w-])(?:[A-Za-z]+[-/]?\d[A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*|\d+[A-Z]+)(?![\w-])")
_TIME = re.compile(r"(?<![\d.,])(?P<h>\d{1,2})(?::|[ \u00a0]?h[ \u00a0]?)(?P<m>\d{2})(?!\d)")
_WORD_SPLIT = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _compile(rules: NumberRules) -> _Compiled:
    got = _CACHE.get(id(rules))
    if got is not None:
        return got
    d = re.escape(rules.decimal)
    other = "." if rules.decimal == "," else ","
    spaces = "".join(c for c in rules.groups if c in SPACES)
    marks = [c for c in rules.groups if c not in SPACES]
    # one kind of separator through a number (any space counts as one kind: 2 500 000 with mixed spaces)
    group = "|".join([*([rf"(?:[{spaces}]\d{{3}})+"] if spaces else []),
                      *(rf"(?:{re.escape(c)}\d{{3}})+" for c in marks)])
    digits = re.compile(
        rf"(?<![\w.,])(?P<num>\d{{1,3}}(?:{group})(?:{d}\d+)?(?![\d])"
        rf"|\d+(?:{d}\d+)?(?:{re.escape(other)}\d+)?)")
    words = {**{f: v for f, v in rules.scales.items() if f.isalpha()}, **rules.words, **rules.extra_words,
             **rules.ordinal_words}
    months = list(rules.months.items())
    compiled = _Compiled(
        digits=digits,
        scale=re.compile(rf"[{SPACES}]*(?P<w>{_alt(rules.scales)})(?![^\W\d_])", re.I),
        percent=re.compile(rules.percent, re.I),
        ordinal=re.compile(rf"(?:{rules.ordinal_suffix})(?![^\W\d_])"),
        words=re.compile(rf"(?<![^\W\d_])(?:{_alt(words)})(?:(?:[\s-]+|[\s-]+(?:{_alt(rules.connectors)})[\s-]+)"
                         rf"(?:{_alt(words)}))*(?![^\W\d_])", re.I) if words else re.compile(r"(?!)"),
        months=re.compile("|".join(f"(?<![^\\W\\d_])(?:{rx})(?![^\\W\\d_])" for rx, _ in months), re.I),
        date=re.compile(rf"(?<![\d.])(?:{rules.numeric_date})(?![\d])"),
        all_words={k.lower(): v for k, v in words.items()},
        scale_words=frozenset(f.lower() for f in rules.scales),
    )
    _CACHE[id(rules)] = compiled
    return compiled


def _value(num: str, rules: NumberRules) -> float:
    """'2 500' -> 2500, '3,7' -> 3.7, '1.234' -> 1234 (a group), '1.5' in a comma language -> 1.5."""
    for s in rules.groups + SPACES:
        if s != rules.decimal and re.search(rf"\d{re.escape(s)}\d{{3}}(?!\d)", num):
            num = num.replace(s, "")
    return float(num.replace(rules.decimal, ".").replace(",", "."))


def words_value(seq: list[str], table: Mapping[str, float],
                ordinals: Mapping[str, float]) -> list[tuple[int, int, float, bool]]:
    """Additive number words: [(first, last + 1, value, ordinal)]; `vingt deux trois` -> 22, 3."""
    out: list[tuple[int, int, float, bool]] = []
    total = current = 0.0
    start, seen, ordinal = 0, False, False

    def flush(end: int) -> None:
        nonlocal total, current, start, seen, ordinal
        if seen:
            out.append((start, end, total + current, ordinal))
        total = current = 0.0
        seen, ordinal, start = False, False, end

    for i, w in enumerate(seq):
        v = table.get(w)
        if v is None:
            flush(i + 1)
            continue
        if seen and (ordinal or (v < 100 and (current % 10 or (v >= 20 and current % 100)))):
            flush(i)
        if v == 100:
            current = (current or 1) * 100
        elif v >= 1000 and not current and 0 < total < v:
            total *= v  # "dos mil millones": a scale of a scale
        elif v >= 1000:
            total += (current or 1) * v
            current = 0.0
        else:
            current += v
        seen = True
        ordinal = w in ordinals
    flush(len(seq))
    return out


def quantities(text: str, rules: NumberRules) -> list[Quantity]:
    """Every number, percent, ordinal, month and date part of a text, in order, with spans."""
    c = _compile(rules)
    out: list[Quantity] = []
    taken = bytearray(len(text))

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def add(a: int, b: int, keys: set[tuple[str, float]], kind: str, value: float, strong: bool) -> None:
        out.append(Quantity((a, b), text[a:b], frozenset(keys), kind, value, strong))
        taken[a:b] = b"\x01" * (b - a)

    for m in c.date.finditer(text):
        day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
        if 1 <= day <= 31 and 1 <= month <= 12:
            add(*m.span("d"), {("n", day)}, NUMBER, day, True)
            add(*m.span("m"), {("month", month), ("n", month)}, MONTH, month, True)
            add(*m.span("y"), {("n", year)}, NUMBER, year, True)
    for m in _TIME.finditer(text):
        h = int(m["h"])
        if h < 25 and int(m["m"]) < 60:
            add(*m.span(), {("n", h), ("n", (h + 12) % 24), ("n", h % 12)}, NUMBER, h, False)
    for m in _CODE.finditer(text):
        if free(*m.span()):
            for dm in re.finditer(r"\d+", m.group()):
                v = float(dm.group())
                add(m.start() + dm.start(), m.start() + dm.end(), {("n", v)}, CODE, v, False)
    for m in c.months.finditer(text):
        if rules.months_lower and m.group()[:1].isupper() and text[:m.start()].rstrip()[-1:] not in ("", ".", "!", "?"):
            continue  # Mars (the planet), Mayo (a name) inside a sentence
        if free(*m.span()):
            month = _month_of(m.group(), rules)
            add(*m.span(), {("month", month)}, MONTH, month, True)
    for m in c.digits.finditer(text):
        a, b = m.span("num")
        if not free(a, b):
            continue
        value = _value(m["num"], rules)
        kind, end, keys = NUMBER, b, {("n", key(value))}
        orda = c.ordinal.match(text, b)
        if orda and orda.end() > b:
            kind, end = ORDINAL, orda.end()
        elif rules.number_dot_ordinal and re.match(r"\.[ \u00a0][^\W\d_]", text[b:b + 3]):
            kind, end = ORDINAL, b + 1
        scale = c.scale.match(text, end) if kind == NUMBER else None
        factor = _scale_of(scale["w"], rules) if scale else None
        if scale and factor:
            value *= factor
            keys, end = {("n", key(value))}, scale.end()
        pct = c.percent.match(text, end) if kind == NUMBER else None
        if pct:
            kind, end = PERCENT, pct.end()
            keys.add(("n", key(value / 100)))
        strong = not (text[a - 1:a] == "(" and text[end:end + 1] == ")" and value < 30)
        add(a, end, keys, kind, value, strong)
    for m in c.words.finditer(text):
        parts = [(w.group().lower(), m.start() + w.start(), m.start() + w.end())
                 for w in _WORD_SPLIT.finditer(m.group())]
        seq = [p for p in _expand(parts, c.all_words) if p[0] not in rules.connectors]
        for i, j, value, is_ord in words_value([w for w, _, _ in seq], c.all_words, rules.ordinal_words):
            a, b = seq[i][1], seq[j - 1][2]
            if not free(a, b) or (j - i == 1 and value >= 1000 and seq[i][0] in c.scale_words):
                continue  # a bare "million" is no number
            kind, keys, end = (ORDINAL if is_ord else NUMBER), {("n", key(value))}, b
            pct = c.percent.match(text, b) if not is_ord else None
            if pct:
                kind, end = PERCENT, pct.end()
                keys.add(("n", key(value / 100)))
            add(a, end, keys, kind, value, value > rules.strong_words_over or kind == PERCENT)
    out.sort(key=lambda q: q.span)
    return out


def _expand(parts: list[tuple[str, int, int]], table: Mapping[str, float]) -> list[tuple[str, int, int]]:
    """Hyphenated words split into their longest known parts: quatre-vingt-dix-sept -> quatre-vingt, dix, sept."""
    out: list[tuple[str, int, int]] = []
    for w, a, _b in parts:
        pieces = w.split("-")
        i, pos = 0, a
        while i < len(pieces):
            j = next((j for j in range(len(pieces), i, -1) if "-".join(pieces[i:j]) in table), i + 1)
            word = "-".join(pieces[i:j])
            out.append((word, pos, pos + len(word)))
            pos += len(word) + 1
            i = j
    return out


def _scale_of(word: str, rules: NumberRules) -> float | None:
    """The factor of a scale word as the case-insensitive pattern matched it (`Millionen`, `mıllion` with a
    dotless i, which the pattern takes for an i), or None."""
    if word in rules.scales:
        return rules.scales[word]
    for form, factor in rules.scales.items():
        if form.lower() == word.lower() or re.fullmatch(re.escape(form), word, re.I):
            return factor
    return None


def _month_of(name: str, rules: NumberRules) -> int:
    for rx, month in rules.months.items():
        if re.fullmatch(rx, name, re.I):
            return month
    return 0
