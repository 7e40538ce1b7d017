"""English numbers: digits with separators, number words, million/billion, percent, months, ordinals."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from termcheck import shortcuts
from termcheck.lang.currency import en_currency, en_named
from termcheck.lang.numeric import (
    ABOUT,
    ABOVE,
    BELOW,
    CODE,
    DECADE,
    FRACTION,
    LIST,
    MONTH,
    MONTHS,
    NUMBER,
    ORDINAL,
    PERCENT,
    POINTS,
    Quantity,
    bounded,
    clock_times,
    iso_dates,
    key,
)

_UNIT_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
               "sixteen seventeen eighteen nineteen")
_TENS_WORDS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"
_ORD_UNIT_WORDS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                   "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth")
_ORD_TENS_WORDS = "_ _ twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
_UNITS = {w: i for i, w in enumerate(_UNIT_WORDS.split())}
_TENS = {w: 10 * i for i, w in enumerate(_TENS_WORDS.split()) if i >= 2}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_ORD_UNITS = {w: i for i, w in enumerate(_ORD_UNIT_WORDS.split())}
_ORD_TENS = {w: 10 * i for i, w in enumerate(_ORD_TENS_WORDS.split()) if i >= 2}
_ORD_SCALES = {"hundredth": 100, "thousandth": 1_000, "millionth": 1_000_000}
_WORDS = {**_UNITS, **_TENS, **_SCALES, **_ORD_UNITS, **_ORD_TENS, **_ORD_SCALES}
_ORDINALS = {**_ORD_UNITS, **_ORD_TENS, **_ORD_SCALES}
_WORD_ALT = "|".join(sorted(_WORDS, key=len, reverse=True))
_WORD_SEQ = re.compile(rf"\b(?:(?:a|an|one)\s+(?=(?:hundred|thousand|million|billion|trillion)\b))?"
                       rf"(?:{_WORD_ALT})(?:(?:\s+|\s*-\s*|\s+and\s+)(?:{_WORD_ALT}))*\b", re.I)

_DENOMS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
           "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
           "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_FRACTION = re.compile(r"\b(?P<num>a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+(?P<den>"
                       + "|".join(_DENOMS) + r")\b(?!\s+(?:of\s+the\s+)?(?:session|meeting|century))", re.I)
_HALF = re.compile(r"\b(?:half|twice|double|triple|threefold|twofold|dozen|(?<=\ba )couple(?= of\b))\b", re.I)
_HALF_VALUE = {"half": 0.5, "twice": 2, "double": 2, "twofold": 2, "triple": 3, "threefold": 3, "dozen": 12,
               "couple": 2}
_HALF_WORDS = frozenset(_HALF_VALUE)
# every word a pattern here reads, as the tables spell it (see _canon)
_VOCABULARY = (*_WORDS, *_DENOMS, *_HALF_VALUE, "a", "an", "and", "bn", "st", "nd", "rd", "th", "s", "decade",
               "decades", "century", "centuries")
_SCALE_WORD = r"(?P<scale>hundred|thousand|million|billion|trillion)\b"
_SMALL = "|".join(_UNIT_WORDS.split()[1:11])
# "one and a half million", "2 and a half billion", "two and a half years"
_AND_A_HALF = re.compile(rf"\b(?P<whole>\d+|{_SMALL})\s+and\s+(?:a|one)[\s-]+half\b(?:[\s-]+{_SCALE_WORD})?", re.I)
# "half a million", "a half million", "a quarter of a billion", "three quarters of a million"
_FRACTION_OF_SCALE = re.compile(
    rf"\b(?:(?P<num>a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+(?P<den>{'|'.join(_DENOMS)})|"
    rf"(?P<half>(?:a[\s-]+)?half))(?:[\s-]+of)?[\s-]+(?:(?:a|an|one)[\s-]+)?{_SCALE_WORD}", re.I)
# "3 per thousand", "2.5‰": a rate per thousand, as 千分之 and 每千 say it
_PER_MILLE_AFTER = re.compile(r"\s*(?:‰|per\s+(?:thousand|mille|mil)\b)", re.I)

_DIGITS = re.compile(
    r"(?:(?<![\w.,])|(?<=Euro)|(?<=EUR)|(?<=USD)|(?<=SwF)|(?<=CHF)|(?<=RMB)|(?<=GBP))"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"  # 10,000 (and "10,000 5G stations")
    r"|\d{1,3}(?:([ \u00a0\u2009\u202f])\d{3})(?:\2\d{3})*(?:\.\d+)?(?![\d,]\d)(?! \d)|\d+(?:\.\d+)?)"
    r"(?P<suf>st|nd|rd|th|s|’s|'s)?(?![\w])"
)
_SCALE_AFTER = re.compile(r"[\s-]*(?P<w>thousand|million|billion|trillion|bn)\b", re.I)
# the first number of a range takes the scale of the second: "12 to 14 million", "S$13.8 to S$14.3 billion"
_RANGE_SCALE = re.compile(r"\s*(?:to|-|–|—|and|or)\s*(?:[A-Z]{0,2}\$|€|£|¥)?\s*\d[\d,]*(?:\.\d+)?[\s-]*"
                          r"(?P<w>thousand|million|billion|trillion|bn)\b", re.I)
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s?cent\b|percent\b|percentage\s+points?\b)", re.I)
_CODE = re.compile(r"[A-Za-z0-9]*(?:[A-Za-z][A-Za-z0-9]*\d|\d[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]*"
                   r"(?:[/.\-][A-Za-z0-9]+)*|[A-Za-z]+(?:[/.\-][A-Za-z0-9]+)*[/.\-]\d+(?:[/.\-][A-Za-z0-9]+)*")
_HAS_CODE = re.compile(r"[A-Za-z][/.\-]?\d|\d[A-Za-z]")
_NOT_CODE = re.compile(r"^(?:Euro|EUR|USD|SwF|CHF|RMB|GBP)[\d.,]+$|^\d+(?:st|nd|rd|th|s)$|^\d+(?:-[a-z]+)+$"
                       r"|^[a-z]+-\d+$")
_MONTH = re.compile(r"\b(?P<m>January|February|March|April|May|June|July|August|September|October|November|"
                    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?![A-Za-z])")
# a match of _MONTH is a whole run of letters (a word boundary before it, no letter after it): in ASCII text
# without one of these words it has none
_MONTH_WORDS = frozenset({*(m.lower() for m in MONTHS), "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                          "sept", "oct", "nov", "dec"})
_MAY_OK = re.compile(r"\d\s*May\b|\bMay\s+\d|\b(?:in|late|early|mid-|of|since|until|by|from|to|through|during)\s*May\b")
_ROMAN_NOUNS = ("Chapter", "Part", "Annex", "Article", "Section", "Title", "Volume", "Vol", "Phase", "Schedule",
                "Appendix", "Protocol", "Book", "Category", "Level", "Class", "War", "Table", "Figure", "Stage", "Tier",
                "Pillar", "Goal", "Round", "Step", "Committee", "Item", "Option", "Group", "Decade")
_ROMAN_AFTER = re.compile(r"\b(?:" + "|".join(n + r"\." if n == "Vol" else n for n in _ROMAN_NOUNS)
                          + r")\s+(?P<r>[IVXLC]+)\b")
# each noun is a whole run of letters there (a word boundary before it, a space or "Vol." after it)
_ROMAN_WORDS = frozenset(n.lower() for n in _ROMAN_NOUNS)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_PAGE = re.compile(r"(?:\b(?:pp?\.|pages?|footnotes?|notes?)|\[)\s*(?:\d+\s*(?:,|and|-|–)\s*)*$", re.I)
_YEAR_FOOTNOTE = re.compile(r"(?:19|20)\d\d\.\d{1,3}$")
_LIST_START = re.compile(r"^\s*(?:\(?(?P<n>\d{1,3})[.)](?!\d)|(?P<outline>\d+(?:\.\d+)+)\s+(?=[A-Z]))")
_DECADES = re.compile(r"[\s-]+(?P<w>decades?|centuries|century)\b", re.I)


def roman(s: str) -> int | None:
    """XIV -> 14; None for a string that is not a well-formed Roman numeral."""
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    canonical = ""
    n = total
    for v, sym in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            canonical += sym
            n -= v
    return total if canonical == s else None


@lru_cache(maxsize=4096)
def _canon(word: str) -> str:
    """A matched word as the tables spell it: case-folded or, for the few letters a case-insensitive pattern
    takes for ASCII ones without folding to them (ı, ſ, the Kelvin sign: "mıllion"), the word it matched."""
    folded = word.casefold()
    if folded.isascii():
        return folded
    for known in _VOCABULARY:
        if len(known) == len(word) and re.fullmatch(re.escape(known), word, re.I):
            return known
    return folded


def words_value(words: list[str]) -> list[tuple[int, int, float, bool]]:
    """Parse number words into numbers: [(first word, last word + 1, value, ordinal)].

    `sixty-ninth` -> 69 (ordinal), `two hundred and five` -> 205, `two three` -> 2 and 3.
    """
    out: list[tuple[int, int, float, bool]] = []
    start = 0
    total = current = 0.0
    last = ""  # kind of the last word: unit, teen, tens, hundred, scale
    ordinal = False

    def flush(end: int) -> None:
        nonlocal total, current, last, ordinal, start
        if last:
            out.append((start, end, total + current, ordinal))
        total = current = 0.0
        last = ""
        ordinal = False
        start = end

    for i, raw in enumerate(words):
        w = _canon(raw)
        if w in ("and", "a", "an"):
            continue
        if ordinal:
            flush(i)
        is_ord = w in _ORDINALS
        v = _WORDS[w]
        if w in _UNITS or w in _ORD_UNITS:
            kind = "unit" if v < 10 else "teen"
            if last in ("unit", "teen") or (last == "tens" and kind == "teen"):
                flush(i)
            current += v
        elif w in _TENS or w in _ORD_TENS:
            kind = "tens"
            if last in ("unit", "teen", "tens"):
                flush(i)
            current += v
        elif v == 100:
            kind = "hundred"
            if last in ("hundred",):
                flush(i)
            current = (current or 1) * 100
        else:
            kind = "scale"
            if last == "scale" and v >= 1000:
                flush(i)
            total += (current or 1) * v
            current = 0
        if start > i:
            start = i
        last = kind
        ordinal = is_ord
    flush(len(words))
    return out


_LETTERS = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")  # every digit scan below needs one (\d as they write it)


def _letter_words(text: str) -> frozenset[str] | None:
    """The lower-cased runs of letters of an ASCII text, or None (other text, or shortcuts off). In ASCII
    text a match of _WORD_SEQ, _FRACTION or _HALF has each of its words between word boundaries or
    separators, so a word they need that is not among these runs cannot match: the scan is skipped."""
    if not text.isascii() or not shortcuts.on():
        return None
    return frozenset(w.lower() for w in _LETTERS.findall(text))


# a code never crosses a character outside [A-Za-z0-9/.-] and always holds a _HAS_CODE spot: _CODE (which
# backtracks at every position of a long text) is run only on the runs of code characters that hold one
_CODE_CHUNK = re.compile(r"[A-Za-z0-9/.\-]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _codes(text: str) -> Iterator[re.Match[str]]:
    """_CODE's matches in a text (the same as `_CODE.finditer(text)`)."""
    if not _HAS_CODE.search(text):
        return
    if not shortcuts.on():
        yield from _CODE.finditer(text)
        return
    for chunk in _CODE_CHUNK.finditer(text):
        a, b = chunk.span()
        if _HAS_CODE.search(text, a, b):
            yield from _CODE.finditer(text, a, b)


def quantities(text: str) -> list[Quantity]:
    """Every number mention of an English text, in order, with spans."""
    out: list[Quantity] = []
    words_in = _letter_words(text)
    # the scans of digits (times, dates, codes, numbers) only where there is a digit (half the sentences)
    digits = not shortcuts.on() or _DIGIT.search(text) is not None
    taken = [False] * len(text)

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def add(a: int, b: int, keys: set[tuple[str, float]], kind: str, value: float, strong: bool) -> None:
        if bounded(value):  # a value too large to compare is taken but not kept
            out.append(Quantity((a, b), text[a:b], frozenset(keys), kind, value, strong))
        for i in range(a, b):
            taken[i] = True

    low = text.lower()
    halves = "half" in low
    scaled = halves or any(w in low for w in ("third", "quarter", "fifth", "tenth"))
    scaled = scaled and any(w in low for w in _SCALES)
    for m in _AND_A_HALF.finditer(text) if halves else ():
        whole = float(m["whole"]) if m["whole"][0].isdigit() else _UNITS[_canon(m["whole"])]
        scale = _SCALES[_canon(m["scale"])] if m["scale"] else 1
        value = key((whole + 0.5) * scale)
        add(*m.span(), {("n", value)}, NUMBER, value, scale > 1 or m["whole"][0].isdigit())
    for m in _FRACTION_OF_SCALE.finditer(text) if scaled else ():
        if not free(*m.span()):
            continue
        share = 0.5 if m["half"] else ((1 if _canon(m["num"]) in ("a", "an", "one") else _UNITS[_canon(m["num"])])
                                       / _DENOMS[_canon(m["den"])])
        value = key(share * _SCALES[_canon(m["scale"])])
        add(*m.span(), {("n", value)}, NUMBER, value, True)

    for span, hour, keys in clock_times(text) if digits else ():
        add(*span, set(keys), NUMBER, hour, False)
    for span, kind, value, keys in iso_dates(text) if digits else ():
        add(*span, set(keys), kind, value, True)
    for m in _codes(text) if digits else ():
        if _NOT_CODE.match(m.group()) or not free(*m.span()):
            continue
        for d in re.finditer(r"\d+(?:\.\d+)?", m.group()):
            value = float(d.group())
            add(m.start() + d.start(), m.start() + d.end(), {("n", key(value))}, CODE, value, False)
    for m in _ROMAN_AFTER.finditer(text) if words_in is None or not words_in.isdisjoint(_ROMAN_WORDS) else ():
        value = roman(m["r"])
        if value is not None and free(*m.span("r")):
            add(*m.span("r"), {("n", value)}, ORDINAL, value, False)
    for m in _FRACTION.finditer(text) if words_in is None or not words_in.isdisjoint(_DENOMS) else ():
        num = 1 if _canon(m["num"]) in ("a", "an", "one") else _UNITS[_canon(m["num"])]
        value = key(num / _DENOMS[_canon(m["den"])])
        if free(*m.span()):
            add(*m.span(), {("n", value), ("n", key(value * 100))}, FRACTION, value, False)
    for m in _HALF.finditer(text) if words_in is None or not words_in.isdisjoint(_HALF_WORDS) else ():
        word = _canon(m.group())
        value = _HALF_VALUE[word]
        if free(*m.span()):  # half = 50%, twice = 200%; a dozen is only 12
            keys = {("n", value)} if word in ("dozen", "couple") else {("n", value), ("n", key(value * 100))}
            add(*m.span(), keys, FRACTION, value, False)
    for m in _MONTH.finditer(text) if words_in is None or not words_in.isdisjoint(_MONTH_WORDS) else ():
        name = m["m"]
        if name == "May" and not _MAY_OK.search(text, max(0, m.start() - 12), m.end() + 3):
            continue
        month = next(i for i, full in enumerate(MONTHS, 1) if full.startswith(name.rstrip(".")[:3]))
        add(*m.span(), {("month", month)}, MONTH, month, True)
    list_marker = _LIST_START.match(text)
    for m in _DIGITS.finditer(text) if digits else ():
        a, b = m.span("num")
        if not free(a, b):
            continue
        digits = re.sub(r"[, \u00a0\u2009\u202f]", "", m["num"])
        if len(digits) > 30:  # a string of digits, no quantity (and no float overflow)
            add(a, b, set(), CODE, float("inf"), False)
            continue
        value = float(digits)
        suf = _canon(m["suf"] or "")
        kind, strong, end = NUMBER, True, m.end()
        keys = {("n", key(value))}
        if suf in ("st", "nd", "rd", "th"):
            kind = ORDINAL
        elif suf == "s" and value >= 10 and value == int(value) and value % 10 == 0:
            kind = DECADE
            keys.add(("n", key(value % 100)))
        elif suf:
            end = b
        scale = _SCALE_AFTER.match(text, end)
        if scale and kind == NUMBER:
            w = _canon(scale["w"])
            value *= 1_000_000_000 if w == "bn" else _SCALES[w]
            keys = {("n", key(value))}
            end = scale.end()
        elif kind == NUMBER and (rng := _RANGE_SCALE.match(text, end)):
            w = _canon(rng["w"])
            keys.add(("n", key(value * (1_000_000_000 if w == "bn" else _SCALES[w]))))
        if re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", m["num"]) and end == b:
            keys.add(("n", key(value * 1000)))  # "Law No. 26.743": a dot between thousands, as in Spanish
        pct = _PERCENT_AFTER.match(text, end)
        mille = _PER_MILLE_AFTER.match(text, end)
        if pct and kind == NUMBER and "point" in pct.group().lower():
            kind, end = POINTS, pct.end()
        elif pct and kind == NUMBER:
            kind, end = PERCENT, pct.end()
            keys.add(("n", key(value / 100)))
        elif mille and kind == NUMBER:
            end = mille.end()
            keys |= {("n", key(value / 1000)), ("n", key(value / 10))}
        if _YEAR_FOOTNOTE.match(m["num"]) and not text[end:end + 2].strip(" ").startswith(tuple("0123456789")):
            keys.add(("n", float(m["num"][:4])))  # "in September 2014.42": a footnote mark after a year
        if text[a - 1:a] in (";", ":", ".", ",", ")") and not text[end:end + 1].strip() and value < 100:
            strong = False  # "in the Sudan;1", "the report.12": a footnote mark
        elif list_marker and (a == list_marker.start("n")
                              or (list_marker["outline"] and a < list_marker.end("outline"))):
            strong = False
            kind = LIST if kind == NUMBER else kind
        elif _PAGE.search(text, max(0, a - 30), a):
            strong = False  # page, paragraph and footnote references differ between language versions
        elif text[a - 1:a] == "(" and text[b:b + 1] == ")" and value < 30:
            strong = False  # (1), (2): enumeration
        add(a, end, keys, kind, value, strong)
    for m in _WORD_SEQ.finditer(text) if words_in is None or not words_in.isdisjoint(_WORDS) else ():
        words = [(w.group(), m.start() + w.start(), m.start() + w.end())
                 for w in _LETTER_RUN.finditer(m.group())]
        for i, j, value, is_ord in words_value([w for w, _, _ in words]):
            a, b = words[i][1], words[j - 1][2]
            first = _canon(words[i][0])
            if not free(a, b) or (first in _SCALES and (i == 0 or _canon(words[i - 1][0]) not in ("a", "an"))):
                continue  # a bare "million" is no number
            kind = ORDINAL if is_ord else NUMBER
            keys = {("n", key(value))}
            end = b
            pct = _PERCENT_AFTER.match(text, b)
            if pct and not is_ord:
                kind, end = PERCENT, pct.end()
                keys.add(("n", key(value / 100)))
            dec = _DECADES.match(text, b)
            if dec and not is_ord:
                keys.add(("n", key(value * (10 if _canon(dec["w"]).startswith("decade") else 100))))
            add(a, end, keys, kind, value, value > 10 or kind == PERCENT)
    out.sort(key=lambda q: q.span)
    out = [q.with_unit(unit) if (unit := en_currency(text, *q.span)) else q for q in out]
    return [q.with_bound(bound) if (bound := _bound(text, q.span[0])) else q for q in out]


_BOUND_BEFORE = re.compile(
    r"\b(?:(?P<above>no[t]?\s+(?:fewer|less)\s+than|at\s+least|more\s+than|over|above|in\s+excess\s+of|"
    r"upwards\s+of|exceeding|beyond)|"
    r"(?P<below>no[t]?\s+more\s+than|at\s+most|nearly|almost|close\s+to|less\s+than|fewer\s+than|under|below|"
    r"just\s+short\s+of)|"
    r"(?P<about>about|around|approximately|roughly|some|an\s+estimated))\s+(?:[A-Z]{0,2}\$|€|£|¥)?$", re.I)


def _bound(text: str, start: int) -> str:
    """The approximation word right before a number: 'more than' (above), 'nearly' (below), 'about'."""
    m = _BOUND_BEFORE.search(text, max(0, start - 25), start)
    if m is None:
        return ""
    return ABOVE if m["above"] else BELOW if m["below"] else ABOUT


currencies = en_named  # the currencies a text names (the language module's `currencies`)
