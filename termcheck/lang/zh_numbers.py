"""Chinese numbers: Arabic and full-width digits, Chinese numerals, 万/亿, 百分之, dates, 第N, fractions."""

from __future__ import annotations

import math
import re

from termcheck.lang import scripts
from termcheck.lang.currency import zh_currency, zh_named
from termcheck.lang.numeric import (
    ABOUT,
    ABOVE,
    BELOW,
    CODE,
    DAY,
    DECADE,
    FRACTION,
    LIST,
    MONTH,
    NUMBER,
    ORDINAL,
    PERCENT,
    POINTS,
    YEAR,
    Quantity,
    bounded,
    clock_times,
    iso_dates,
    key,
)

# one character in, one character out: spans stay those of the text as read
_FOLD = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "．": ".", "％": "%", "／": "/", "○": "〇", "Ｏ": "〇", "兩": "两", "萬": "万", "億": "亿", "點": "点",
    "壹": "一", "贰": "二", "貳": "二", "叁": "三", "參": "三", "肆": "四", "伍": "五", "陆": "六", "陸": "六",
    "柒": "七", "捌": "八", "玖": "九", "拾": "十", "佰": "百", "仟": "千", "（": "(", "）": ")",
})

_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
_CN = "零〇一二两三四五六七八九十百千万亿"
_CNDIGITS = "零〇一二三四五六七八九"

_NUM = re.compile(
    r"(?P<ar>(?<!\d)\d{1,3}(?:([, \u00a0\u2009\u202f])\d{3})(?:\2\d{3})*(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)"
    rf"|(?P<cn>[零〇一二两三四五六七八九十][{_CN}]*(?:点[{_CNDIGITS}]+[万亿]*)?)"
)
# X分之Y: Y/X (百分之Y is Y percent)
_FRACTION = re.compile(rf"(?P<den>\d+|[{_CN}]+)分之(?P<num>\d+(?:\.\d+)?|[{_CN}]+(?:点[{_CNDIGITS}]+)?)")
# words in which numeral characters are not numbers (一致, 统一, 十分 "very", 两岸 "cross-Strait", ...)
_LEXICON_WORDS = """
一些 一起 一致 一般 一直 一切 一定 一体 一贯 一道 一样 一同 一旦 一度 一再 一律 一向 一流 一系列 一揽子
一边 一下 一番 一点一滴 一并 一概 一手 一时 一行 一员 一环 一味 一如既往 一席之地 一目了然 一视同仁 一劳永逸
一脉相承 一蹴而就 一带一路 一国两制 一方面 统一 唯一 进一步 之一 万一 同一 单一 专一 逐一 划一 合二为一
一分为二 独一无二 一心一意 一线 一侧 一端 一生 一大批 一连串 一举 一则 一刀切 一言一行 一五一十 十分 十足
十全十美 十之八九 三思 四处 四面八方 五湖四海 五花八门 七嘴八舌 千方百计 千家万户 千载难逢 千差万别 千千万万
成千上万 万无一失 九死一生 三令五申 再三 两岸 两手 两面 两极 两用 两性 两栖 三三两两
七七八八 乱七八糟 一模一样 一朝一夕 一丝一毫 一针见血 一无所有 一意孤行 接二连三 三番五次 一概而论 一方 另一
一家 一路 一带 一中 八成 九成 十成 一成不变
"""
_LEXICON = sorted(_LEXICON_WORDS.split(), key=len, reverse=True)
_LEX = re.compile("|".join(map(re.escape, _LEXICON)))
_TIME = re.compile(rf"(?P<h>\d{{1,2}}|[{_CN}]{{1,3}})\s*[时點点]\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*分")
_SPACES = " \u00a0\u2009\u202f\u3000"
_MONTH_RANGE = re.compile(rf"[-–—~～至到、和](?:\d{{1,2}}|[{_CN}]{{1,2}})月")
_SLASH_FRACTION = re.compile(r"(?<![\d/.])(?P<n>\d{1,2})/(?P<d>\d{1,2})(?![\d/])")
# a footnote mark: one or two digits right after a word (not a numeric context) and before a stop
_NUMERIC_CONTEXT = "第为达至到约共计和及或与有是占近超逾余增减降升仅只每前后了得等的"
_FOOTNOTE = re.compile(rf"[{scripts.HAN_CHARS})）](?<![{_NUMERIC_CONTEXT}])\d{{1,2}}(?:[。，；：]|$)")
_MEASURE = "个名架枚项门份位次件座辆艘家条种批"
_LIST_START = re.compile(r"^\s*(?:\(?\s*(?P<a>\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:[.、)](?!\d)|\s+(?=[^\d\s]))"
                         r"|(?P<outline>\d+(?:\.\d+)+)\s+(?![\d万亿千百%])|第[一二三四五六七八九十]+[，,、])")
# a half (一半, 过半, 近半, 减半: 0.5 or 50%), a doubling (翻一番, 增加一倍: 2, 100%, 200%)
_HALF = re.compile(r"一半|半数|过半|近半|超半|逾半|减半|大半")
_DOUBLE = re.compile(r"翻一番|翻番|翻了一番|[增加长多]了?一倍")
# a scale with no digit before it after an approximation word: 逾百万 "over a million", 近万 "nearly 10,000"
_BARE_SCALE = re.compile(r"(?<=[逾超近约达破])(?:百万|千万|十万|万|亿)(?![分之])")
# a scale with no digit before it, before a currency: 千亿美元 "100 billion dollars" (数千亿, 上万 are vague)
_BARE_AMOUNT = re.compile(r"(?<![数几上成近逾超约达破余多\d〇零一二两三四五六七八九十百千万亿])"
                          r"(?:十万|百万|千万|百亿|千亿|万亿)(?=美元|元|人民币|欧元|英镑|日元|港元|港币|新元|韩元|澳元|加元|新台币)")
# a rate's base: 每千人 "per 1,000 people", 每十万 "per 100,000"
_PER = re.compile(r"(?<=每)(?:十万|百万|千|百|万)(?![分之])")
# the second number of a range and its scale, after the first: 400至600万
_RANGE_SCALE = re.compile(r"\s*[至到~～\-—–]\s*\d+(?:\.\d+)?(?P<s>[百千]?[万亿]+)")
_POINTS = re.compile(r"个?百分点")
_CENTURY_DECADE = re.compile(r"(?P<c>\d+|[一二十]+)世纪(?P<d>\d+|[一二三四五六七八九十]+)年代")


def cn_value(s: str) -> float | None:
    """六十九 -> 69, 两千零五 -> 2005, 三亿五千万 -> 350000000, 六点八 -> 6.8; None for 三四 (approximate)."""
    frac = ""
    if "点" in s:
        s, frac = s.split("点", 1)
        scale = 1
        while frac and frac[-1] in _BIG:
            scale *= _BIG[frac[-1]]
            frac = frac[:-1]
        whole = cn_value(s)
        if whole is None or not frac:
            return None
        return key((whole + float("0." + "".join(str(_DIGIT[c]) for c in frac))) * scale)
    result = section = 0.0
    number: int | None = None
    prev_digit = False
    for c in s:
        if c in _DIGIT:
            if prev_digit and _DIGIT[c] != 0 and number not in (None, 0):
                return None  # 三四, 七八: "three or four", approximate
            number = _DIGIT[c]
            prev_digit = True
            continue
        prev_digit = False
        if c in _UNIT:
            section += (number if number is not None else 1) * _UNIT[c]
        elif c == "万":
            result += (section + (number or 0)) * 10_000
            section = 0
        elif c == "亿":
            result = (result + section + (number or 0)) * 100_000_000
            section = 0
        number = None
    return result + section + (number or 0)


def _digit_reading(s: str) -> int | None:
    """二〇二四 -> 2024 (years are read digit by digit)."""
    if len(s) >= 3 and all(c in _DIGIT for c in s):
        return int("".join(str(_DIGIT[c]) for c in s))
    return None


def _ar_value(s: str) -> float:
    return float(re.sub(r"[, \u00a0\u2009\u202f]", "", s))


def _scale_after(t: str, pos: int) -> tuple[float, int]:
    """万, 亿, 百万, 千万, 多万 after an Arabic number: (multiplier, new end)."""
    m = re.compile(r"[余多]?([百千]?[万亿]+|[百千](?=[万亿]))").match(t, pos)
    if not m:
        return 1.0, pos
    mult = 1.0
    for c in m.group(1):
        mult *= _UNIT.get(c) or _BIG[c]
    return mult, m.end()


def _lexicon_cover(t: str) -> list[bool]:
    cover = [False] * len(t)
    for m in _LEX.finditer(t):
        for i in range(m.start(), m.end()):
            cover[i] = True
    return cover


def _is_code(t: str, start: int, end: int) -> bool:
    """Digits inside a Latin code (A/69/1, G20, COVID-19): a letter in the same unbroken token."""
    i, j = start, end
    while i > 0 and (t[i - 1] in "/.-_" or (t[i - 1].isascii() and t[i - 1].isalnum())):
        i -= 1
    while j < len(t) and (t[j] in "/.-_" or (t[j].isascii() and t[j].isalnum())):
        j += 1
    return any(c.isascii() and c.isalpha() for c in t[i:j])


def quantities(text: str) -> list[Quantity]:
    """Every number mention of a Chinese text, in order, with spans into the text as read."""
    t = text.translate(_FOLD)
    out: list[Quantity] = []
    taken = [False] * len(t)

    def add(start: int, end: int, keys: set[tuple[str, float]], kind: str, value: float, strong: bool) -> None:
        if bounded(value):  # a value too large to compare (一 followed by many 亿) is taken but not kept
            out.append(Quantity((start, end), text[start:end], frozenset(keys), kind, value, strong))
        for i in range(start, end):
            taken[i] = True

    cover = _lexicon_cover(t)
    for span, kind, value, keys in iso_dates(t):
        add(*span, set(keys), kind, value, True)
    for span, hour, keys in clock_times(t):
        add(*span, set(keys), NUMBER, hour, False)
    for m in _HALF.finditer(t):
        add(m.start(), m.end(), {("n", 0.5), ("n", 50.0)}, FRACTION, 0.5, False)
    for m in _DOUBLE.finditer(t):
        add(m.start(), m.end(), {("n", 2.0), ("n", 100.0), ("n", 200.0)}, FRACTION, 2.0, False)
    for m in _BARE_SCALE.finditer(t):
        if any(cover[m.start():m.end()]):
            continue
        value = cn_value("一" + m.group()) or 0.0
        add(m.start(), m.end(), {("n", key(value))}, NUMBER, value, True)
    for m in _BARE_AMOUNT.finditer(t):
        if not any(taken[m.start():m.end()]):
            value = cn_value("一" + m.group()) or 0.0
            add(m.start(), m.end(), {("n", key(value))}, NUMBER, value, True)
    for m in _PER.finditer(t):
        value = cn_value("一" + m.group()) or 0.0
        add(m.start(), m.end(), {("n", key(value))}, NUMBER, value, False)

    for m in _FRACTION.finditer(t):
        den = _ar_value(m["den"]) if m["den"][0].isdigit() else cn_value(m["den"])
        num = _ar_value(m["num"]) if m["num"][0].isdigit() else cn_value(m["num"])
        if not den or num is None:
            continue
        if den == 100:
            add(m.start(), m.end(), {("n", key(num)), ("n", key(num / 100))}, PERCENT, num, True)
        elif den == 1000:
            add(m.start(), m.end(), {("n", key(num / 10)), ("n", key(num / 1000))}, PERCENT, num / 10, True)
        else:
            add(m.start(), m.end(), {("n", key(num / den)), ("n", key(100 * num / den))}, FRACTION,
                key(num / den), False)
    for m in _TIME.finditer(t):
        h = int(m["h"]) if m["h"].isdigit() else cn_value(m["h"])
        mi = int(m["m"]) if m["m"].isdigit() else cn_value(m["m"])
        if h is None or mi is None or h > 24 or mi >= 60:
            continue
        keys = {("n", key(x)) for x in (h, h % 12, h + mi / 100, h % 12 + mi / 100, h * 100 + mi, mi)}
        add(m.start(), m.end(), keys, NUMBER, h, False)
    for m in _SLASH_FRACTION.finditer(t):
        num, den = int(m["n"]), int(m["d"])
        if 0 < num < den <= 12:
            value = key(num / den)
            add(m.start(), m.end(), {("n", value), ("n", key(100 * num / den))}, FRACTION, value, False)
    for m in _CENTURY_DECADE.finditer(t):
        c = _ar_value(m["c"]) if m["c"].isdigit() else cn_value(m["c"])
        d = _ar_value(m["d"]) if m["d"].isdigit() else cn_value(m["d"])
        if c and d is not None and d < 100:
            value = (c - 1) * 100 + d
            add(m.start(), m.end(), {("n", key(value))}, DECADE, value, True)
    cover = _lexicon_cover(t)
    list_marker = _LIST_START.match(t)
    for m in _NUM.finditer(t):
        start, end = m.span()
        if any(taken[start:end]):
            continue
        b_raw = t[max(0, start - 6):start]
        gap_before = len(b_raw) - len(b_raw.rstrip(_SPACES))
        before, after = b_raw.rstrip(_SPACES)[-3:], t[end:end + 3]
        if m["ar"] and len(m["ar"]) > 40:  # a string of digits, no quantity (and no float overflow)
            add(start, end, set(), CODE, float("inf"), False)
            continue
        if m["ar"]:
            value = _ar_value(m["ar"])
            if not math.isfinite(value):
                continue  # 400 digits: no number anyone compares (float overflows)
            if _is_code(t, start, end):
                add(start, end, {("n", key(value))}, CODE, value, False)
                continue
            mult, end = _scale_after(t, end)
            extra = 0.0
            if mult == 1 and (rng := _RANGE_SCALE.match(t, end)):  # 400至600万: the scale is the range's
                extra = _scale_after(t, rng.end() - len(rng["s"]))[0] * _ar_value(m["ar"])
            value *= mult
            strong = True
            digits = m["ar"]
        else:
            s = m["cn"]
            if any(cover[start:end]) or before.endswith(("数", "几", "若干", "数以")) or after.startswith("几"):
                continue
            if before.endswith("百分之"):
                continue
            value = cn_value(s)
            digits = None
            if (t.startswith("年", end) or before.endswith("第")) and (read := _digit_reading(s)) is not None:
                value = read  # 二〇二四年; 第一六三条 (article numbers are read digit by digit too)
            if value is None:
                continue
            strong = value > 10 or any(c in "万亿点" for c in s)
        if not bounded(value):
            add(start, end, set(), CODE, float("inf"), False)
            continue
        gap = len(t[end:end + 4]) - len(t[end:end + 4].lstrip(_SPACES))  # "2015 年 5 月": spaced typesetting
        u = end + gap  # where a unit (年, 月, %) would start
        after = t[u:u + 3]
        kind = NUMBER
        keys = {("n", key(value))}
        if m["ar"] and extra and bounded(extra):
            keys.add(("n", key(extra)))
        listed = bool(list_marker and ((list_marker["a"] and start == list_marker.start("a"))
                                       or (list_marker["outline"] and start < list_marker.end("outline"))))
        if listed:
            strong = False
        elif before.endswith("(") and after.startswith(")"):
            strong = False  # (1), （一）: enumeration
        elif digits and value < 100 and _FOOTNOTE.match(t[max(0, start - 1):end + 1]):
            strong = False  # 管理活动1。: a footnote mark
        elif value == 1 and after[:1] in _MEASURE:
            strong = False  # 1个, 1架: "a", "an" in English
        if before.endswith("第"):
            kind = ORDINAL
            start -= 1 + gap_before
            if after.startswith("页") or (after.startswith("项") and value <= 26):
                strong = False  # page numbers differ between language versions; items are often (a), (b)
        elif _POINTS.match(t, u):
            kind, end, strong = POINTS, _POINTS.match(t, u).end(), True
        elif after.startswith(("%", "％")):
            kind, end, strong = PERCENT, u + 1, True
            keys.add(("n", key(value / 100)))
        elif after.startswith("年代"):
            kind, end, strong = DECADE, u + 2, True
            if value < 100:
                keys |= {("n", key(1900 + value)), ("n", key(2000 + value))}
        elif after.startswith("世纪"):
            kind, end, strong = ORDINAL, u + 2, True
        elif after.startswith("年") and (digits is None or "." not in digits) and 1000 <= value <= 2200:
            kind, end, strong = YEAR, u + 1, True
        elif (after.startswith("月") or _MONTH_RANGE.match(t, end)) and value == int(value) and 1 <= value <= 12:
            kind, end, strong = MONTH, u + 1 if after.startswith("月") else end, True
            keys = {("month", value)}
        elif value == int(value) and 1 <= value <= 31 and (
                (before.endswith("月") and after.startswith(("日", "号"))) or (digits and after.startswith("日"))):
            kind, end, strong = DAY, u + 1, True
        elif after.startswith(("时", "点")) and value == int(value) and 0 <= value <= 24:
            keys |= {("n", key(value % 12)), ("n", key(value * 100))}
        add(start, end, keys, LIST if listed and kind == NUMBER else kind, value, strong)
    out.sort(key=lambda q: q.span)
    out = [q.with_unit(unit) if q.kind == NUMBER and (unit := zh_currency(text, *q.span)) else q for q in out]
    return [q.with_bound(bound) if (bound := _bound(t, *q.span)) else q for q in out]


_ABOVE_BEFORE = re.compile(r"(?<!不)(?:逾|超过|超出|超|多于|高于|大于)$|(?:至少|不少于|不低于|不小于|不下于)$")
_BELOW_BEFORE = re.compile(r"(?<!不)(?:将近|接近|近|少于|低于|小于)$"
                           r"|(?:不到|不足|不超过|不超|不多于|不高于|不大于|最多|至多)$")
_ABOUT_BEFORE = re.compile(r"(?:大约|约为|约|大概|差不多|左右)\w{0,3}$")
_ABOVE_AFTER = re.compile(r"^(?:[万亿]?[多余]|[^\d\s，。、]?以上)")
_BELOW_AFTER = re.compile(r"^[^\d\s，。、]?(?:以下|以内)")
_ABOUT_AFTER = re.compile(r"^[^\d\s，。、]?(?:左右|上下)")


def _bound(t: str, start: int, end: int) -> str:
    """The approximation words next to a number: 逾, 多, 余, 以上 (above), 近, 不到 (below), 约, 左右 (about);
    words of two directions (差不多8000多: "some 8,000-odd") say about. A scale word read into the number
    (20多万) counts as after it."""
    before, after = t[max(0, start - 6):start], t[end:end + 3]
    found = set()
    if _ABOVE_BEFORE.search(before) or _ABOVE_AFTER.match(after) or re.search(r"\d[多余][万亿]", t[start:end]):
        found.add(ABOVE)
    if _BELOW_BEFORE.search(before) or _BELOW_AFTER.match(after):
        found.add(BELOW)
    if _ABOUT_BEFORE.search(before) or _ABOUT_AFTER.match(after):
        found.add(ABOUT)
    return found.pop() if len(found) == 1 else (ABOUT if found else "")


currencies = zh_named  # the currencies a text names (the language module's `currencies`)
