"""termcheck.lang.repeats: runs of a repeated unit in Chinese (characters) and spaced languages (words)."""

from __future__ import annotations

import pytest

from termcheck.lang.repeats import counts, explains, once, runs


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("哈哈哈，太好了", "zh", [("哈", 3)]),
    ("加油！加油！加油！", "zh", [("加油", 3)]),
    ("价格是3000元，3000元！", "zh", [("3000元", 2)]),
    ("“团结”“团结”", "zh", [("团结", 2)]),
    ("以仁心仁术造福", "zh", []),
    ("全面学习、全面把握、全面落实", "zh", []),
    ("Fight, fight, fight for freedom", "en", [("Fight", 3)]),
    ("We shall fight. We shall fight!", "en", [("We shall fight", 2)]),
    ("Nous vaincrons, nous vaincrons", "fr", [("Nous vaincrons", 2)]),
    ("the rights of women", "en", []),
])
def test_runs(text, lang, expected):
    assert [(r.unit, r.count) for r in runs(text, lang)] == expected


@pytest.mark.parametrize(("source", "count", "expected"), [
    ("加油！加油！加油！", 3, True),
    ("加油！加油！加油！", 4, False),
    ("加油！加油！", 2, True),
    ("接收过程步步瓶颈", 2, False),  # 步步 is a word, not a repetition
    ("我我觉得可以", 2, True),  # a stammer: no word 我我
    ("哈哈哈", 3, True),
    ("", 2, False),
    (None, 2, False),
])
def test_explains(source, count, expected):
    assert explains(source, "zh", count) is expected


@pytest.mark.parametrize(("source", "expected"), [
    ("加油！加油！加油！我们要团结，我们要团结。", [2, 3]),
    ("步步为营，哈哈哈", [3]),
    ("没有重复。", []),
])
def test_counts(source, expected):
    assert counts(source, "zh") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("哈哈哈哈哈哈哈", "哈"),
    ("嗯嗯，好的好的，没问题！", "嗯，好的，没问题！"),
    ("加油！加油！加油！我们一定赢", "加油！我们一定赢"),
    ("步步为营", "步步为营"),  # a word
    ("去年年底", "去年年底"),  # 去年 + 年底: two words meeting, no repetition
    ("We shall fight. We shall fight!", "We shall fight!"),
])
def test_once(text, expected):
    lang = "en" if text.isascii() else "zh"
    assert once(text, lang) == expected
