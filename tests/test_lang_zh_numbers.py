"""Chinese number extraction: values, kinds, spans, and what is not a number."""

from __future__ import annotations

import pytest

from termcheck.lang.zh_numbers import cn_value, quantities


@pytest.mark.parametrize(("text", "value"), [
    ("六十九", 69), ("十五", 15), ("二十", 20), ("一百二十三", 123), ("两千零五", 2005), ("三万五千", 35_000),
    ("三亿五千万", 350_000_000), ("一万亿", 1e12), ("六点八", 6.8), ("一点五亿", 1.5e8), ("零", 0),
    ("三四", None), ("七八", None),
])
def test_cn_value(text, value):
    assert cn_value(text) == value


def _strong(text):
    return [(q.text, q.kind, q.value) for q in quantities(text) if q.strong]


@pytest.mark.parametrize(("text", "expected"), [
    ("当地时间2024年2月16日，王毅", [("2024年", "year", 2024), ("2月", "month", 2), ("16日", "day", 16)]),
    ("2.3万亿美元", [("2.3万亿", "number", 2.3e12)]),
    ("150万人", [("150万", "number", 1.5e6)]),
    ("百分之六点八", [("百分之六点八", "percent", 6.8)]),
    ("增长6.8%", [("6.8%", "percent", 6.8)]),
    ("增长６．８％", [("６．８％", "percent", 6.8)]),  # full-width digits, spans in the text as read
    ("第六十九届会议", [("第六十九", "ordinal", 69)]),
    ("二〇二四年十月一日", [("二〇二四年", "year", 2024), ("十月", "month", 10), ("一日", "day", 1)]),
    ("20世纪90年代", [("20世纪90年代", "decade", 1990)]),
    ("二十国集团", [("二十", "number", 20)]),
    ("有1 690个建筑", [("1 690", "number", 1690)]),  # UN Chinese groups thousands with spaces
    ("1 270万注射吸毒者", [("1 270万", "number", 12.7e6)]),
    ("第68/262号决议", [("第68", "ordinal", 68), ("262", "number", 262)]),
    ("2014年7-8月", [("2014年", "year", 2014), ("7", "month", 7), ("8月", "month", 8)]),
    ("兩千萬", [("兩千萬", "number", 2e7)]),  # Traditional characters
    ("人数增至25。", [("25", "number", 25)]),  # a number after 至 is no footnote mark
])
def test_strong_quantities(text, expected):
    assert _strong(text) == expected


@pytest.mark.parametrize("text", [
    "一个中国原则",          # 一 is "one"/"a": weak at most
    "两国元首",              # 两国 "the two countries"
    "共建一带一路",          # a name, not a number
    "进一步统一思想",        # 一 inside words
    "数十个国家",            # approximate
    "十分重要",              # 十分 "very"
    "两岸关系",              # 两岸 "cross-Strait"
    "10. 委员会商定",        # list numbering the English drops
    "(1) 加强合作",          # enumeration
    "见A/69/1号文件",        # a document symbol
    "第二十六页",            # page numbers differ between language versions... as Chinese numerals
    "见第26页",              # ...and as digits
    "三分之二多数",          # fractions match "two-thirds" but are never reported alone
    "特别是管理活动1。",     # a footnote mark
    "第七条第一款第9项",     # items are often lettered in English: (i)
])
def test_no_strong_quantity(text):
    assert _strong(text) == []


def test_fraction_and_time_values():
    third = quantities("只有1/3的缔约方")[0]
    assert ("n", 0.333333333) in third.keys
    clock = quantities("上午10时44分举行")[0]
    assert ("n", 10.44) in clock.keys and not clock.strong


def test_spans_point_into_the_text():
    text = "截至2015年2月19日，登记了约7 500名"
    for q in quantities(text):
        assert text[q.span[0]:q.span[1]] == q.text
