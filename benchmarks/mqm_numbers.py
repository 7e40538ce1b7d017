"""A small zh/en number reader for the benchmark's error classes, independent of termcheck's readers.

It decides whether a rater-marked error is a number, date or currency error: the marked span holds a
number whose value the other side of the segment does not state (as often), or a date part or a
currency the other side does not state. It reads digits, number words, ordinals, scale words, months,
Chinese numerals with 万/亿 and currencies; vague numbers ("hundreds of", 数百) are a value of their
own. It is deliberately plain: it is the yardstick, not the thing measured.
"""

from __future__ import annotations

import collections
import re

# keys: ("n", value) for counts, ordinals, days and percents; ("month", m); ("vague",) for "hundreds of";
# ("cur", family) for a currency named next to an amount
Key = tuple[str, float] | tuple[str]

_EN_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
             "sixteen seventeen eighteen nineteen").split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_ORD = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
           "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
_EN_ORD_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
EN_WORDS: dict[str, float] = {**{w: i for i, w in enumerate(_EN_UNITS)}, **{w: i for i, w in enumerate(_EN_ORD)},
                              **{w: 20 + 10 * i for i, w in enumerate(_EN_TENS)},
                              **{w: 20 + 10 * i for i, w in enumerate(_EN_ORD_TENS)}}
EN_TIMES = {"twice": 2.0, "thrice": 3.0}  # counts of times ("once" is no number here, like "one")
EN_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_TOKEN = re.compile(
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?:st|nd|rd|th)?"
    r"|(?P<vague>\b(?:[Dd]ozens|[Hh]undreds|[Tt]housands|[Mm]illions|[Bb]illions|[Tt]rillions|[Tt]ens)\s+of\b)"
    r"|(?P<month>\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?=\s+\d))|\bMay(?=\s+\d))"
    r"|(?P<word>\b[A-Za-z]+\b)")
_EN_RANGE = re.compile(r"\s*(?:to|-|–|and|or)\s*\S*?\d[\d,.]*\s*(?P<s>thousand|million|billion|trillion)\b", re.I)
_EN_CUR = {"yuan": "cny", "rmb": "cny", "renminbi": "cny", "cny": "cny", "¥": "cny", "dollar": "dollar",
           "dollars": "dollar", "usd": "dollar", "$": "dollar", "euro": "eur", "euros": "eur", "€": "eur",
           "pound": "gbp", "pounds": "gbp", "£": "gbp", "yen": "jpy"}
_EN_CUR_RX = re.compile(r"(?:US|S|HK)?\$|¥|€|£|\b(?:yuan|RMB|renminbi|CNY|USD|dollars?|euros?|yen)\b")

_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "双": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_ZH_UNIT = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 1e4, "亿": 1e8}
_ZH_TOKEN = re.compile(
    r"(?P<vague>[数几上成][十百千万亿]+|好几)"
    r"|(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?P<scale>[十百千]?[万亿]*)(?P<unit>月)?"
    r"|(?P<cn>[零〇一二两俩三四五六七八九十百千万亿]+)(?P<cnunit>月)?")
_ZH_CUR = {"人民币": "cny", "元": "cny", "美元": "dollar", "新元": "dollar", "港元": "dollar", "港币": "dollar",
           "欧元": "eur", "英镑": "gbp", "日元": "jpy"}
# 元 alone only after a numeral or a scale (单元, 元旦 are words)
_ZH_CUR_RX = re.compile("|".join(c if c != "元" else r"(?<=[\d〇零一二两三四五六七八九十百千万亿余多几])元"
                                 for c in sorted(_ZH_CUR, key=len, reverse=True)))


def _zh_value(s: str) -> float | None:
    """Chinese numerals: 二十 -> 20, 三亿五千万 -> 3.5e8, 二〇二三 -> 2023; None for 三四 (approximate)."""
    if len(s) >= 3 and all(c in _ZH_DIGIT for c in s):
        return float("".join(str(_ZH_DIGIT[c]) for c in s))
    total = section = 0.0
    digit: float | None = None
    for c in s:
        if c in _ZH_DIGIT:
            if digit:
                return None
            digit = _ZH_DIGIT[c]
        elif c in _ZH_UNIT:
            section += (1 if digit is None else digit) * _ZH_UNIT[c]
            digit = None
        else:
            section += digit or 0
            total = (total + section) * _ZH_BIG[c] if c == "亿" else total + section * _ZH_BIG[c]
            section, digit = 0.0, None
    return total + section + (digit or 0)


def _norm(v: float) -> float:
    return float(f"{v:.6g}")


# words whose numeral characters are no number: 十分 "very", 万一 "in case", 千万 "by all means", 四处 "everywhere"
_ZH_WORDS = re.compile(r"十分|万一|千万(?=[要别不])|四处|三思")


def zh_keys(text: str) -> collections.Counter[Key]:
    """The number keys of a Chinese text (一 on its own is no number: it is an article and a word part)."""
    out: collections.Counter[Key] = collections.Counter()
    text = _ZH_WORDS.sub(lambda m: "_" * len(m.group()), text)
    for m in _ZH_TOKEN.finditer(text):
        if m["vague"]:
            out[("vague",)] += 1
            continue
        if m["num"]:
            v = float(m["num"].replace(",", ""))
            for c in m["scale"]:
                v *= _ZH_UNIT.get(c) or _ZH_BIG[c]
            month = m["unit"]
        else:
            parsed = _zh_value(m["cn"])
            if parsed is None:
                continue
            v, month = parsed, m["cnunit"]
            if v == 1 and m["cn"] == "一":
                continue
        out[("month", v) if month and 1 <= v <= 12 else ("n", _norm(v))] += 1
    for m in _ZH_CUR_RX.finditer(text):
        out[("cur", _ZH_CUR[m.group()])] += 1
    return out


def en_keys(text: str) -> collections.Counter[Key]:
    """The number keys of an English text ("one", "a" and "first" are no numbers: too often words)."""
    out: collections.Counter[Key] = collections.Counter()
    words: list[tuple[float, int]] = []  # a run of number words: (value, end)

    def flush() -> None:
        if not words:
            return
        total = current = 0.0
        for v, _ in words:
            if v in EN_SCALES.values():
                if v == 100:
                    current = (current or 1) * v
                else:
                    total += (current or 1) * v
                    current = 0.0
            else:
                current += v
        value = total + current
        if value != 1:
            out[("n", _norm(value))] += 1
        words.clear()

    scaled_until = -1  # the scale word of a number in digits ("8.6 million") is read with it
    for m in _EN_TOKEN.finditer(text):
        word = (m["word"] or "").lower()
        if m.start() < scaled_until:
            continue
        if word in EN_WORDS or word in EN_SCALES:
            if word in ("first", "second") and not words:
                continue  # "first" is also "at first"; "second" also a unit of time
            words.append((EN_WORDS.get(word, EN_SCALES.get(word, 0.0)), m.end()))
            continue
        if word == "and" and words:
            continue
        flush()
        if word in EN_TIMES:
            out[("n", EN_TIMES[word])] += 1
        if m["vague"]:
            out[("vague",)] += 1
        elif m["month"]:
            out[("month", EN_MONTHS.index(m["month"][:3].lower()) + 1)] += 1
        elif m["num"]:
            v = float(m["num"].replace(",", ""))
            scale = re.match(r"[\s-]*(thousand|million|billion|trillion)\b", text[m.end():], re.I)
            rng = _EN_RANGE.match(text, m.end())
            if scale:
                v *= EN_SCALES[scale.group(1).lower()]
                scaled_until = m.end() + scale.end()
            elif rng:
                v *= EN_SCALES[rng["s"].lower()]
            out[("n", _norm(v))] += 1
    flush()
    for m in _EN_CUR_RX.finditer(text):
        sign = m.group().lower()
        out[("cur", _EN_CUR.get(sign, _EN_CUR.get(sign[-1:], "dollar")))] += 1
    return out


def unstated(span: str, side: str, other: str, span_is_zh: bool) -> list[Key]:
    """The number keys of a marked span that the other side states less often than the span's side.

    Months, years and currencies count once: a text repeats or leaves out the month of a second date
    ("February 10 and 19") and the currency of a second amount freely, so only their presence counts.
    """
    read_span, read_other = (zh_keys, en_keys) if span_is_zh else (en_keys, zh_keys)
    mine, theirs, here = read_span(side), read_other(other), read_span(span)
    out: list[Key] = []
    for k in here:
        once = k[0] in ("month", "cur") or (k[0] == "n" and 1900 <= k[1] <= 2100 and k[1] == int(k[1]))
        if theirs[k] == 0 or (not once and theirs[k] < mine[k]):
            out.append(k)
    return out
