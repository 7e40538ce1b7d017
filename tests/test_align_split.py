"""Sentence splitting for alignment: Chinese and English rules (lang.zh / lang.en split_sentences)."""

from __future__ import annotations

import pytest

from termcheck.lang import en, zh


def pieces(split, text: str, **kw) -> list[str]:
    return [text[a:b] for a, b in split(text, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("双方进行了沟通。王毅表示同意。", ["双方进行了沟通。", "王毅表示同意。"]),
        ("他说：“勿以善小而不为，勿以恶小而为之。”双方同意。", ["他说：“勿以善小而不为，勿以恶小而为之。”", "双方同意。"]),
        ("是吗？是的！好。", ["是吗？", "是的！", "好。"]),
        ("第一；第二。", ["第一；", "第二。"]),
        ("（见附件。）下一句。", ["（见附件。）", "下一句。"]),
        ("增长了6.8%。下降。", ["增长了6.8%。", "下降。"]),
        ("第一行\n第二行。", ["第一行", "第二行。"]),
        ("结束。。", ["结束。。"]),
        ("  前后有空格。  ", ["前后有空格。"]),
    ],
)
def test_zh_split(text: str, expected: list[str]) -> None:
    assert pieces(zh.split_sentences, text) == expected


def test_zh_semicolon_is_optional() -> None:
    assert pieces(zh.split_sentences, "第一；第二。", semicolon=False) == ["第一；第二。"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He met Mr. Smith. The talks went well.", ["He met Mr. Smith.", "The talks went well."]),
        ("Antony J. Blinken met Wang Yi.", ["Antony J. Blinken met Wang Yi."]),
        ("The U.S. Secretary of State arrived.", ["The U.S. Secretary of State arrived."]),
        ("China and the U.S. The two sides met.", ["China and the U.S.", "The two sides met."]),
        ("Growth was 6.8 percent. Prices fell.", ["Growth was 6.8 percent.", "Prices fell."]),
        ("See No. 5 and Art. 3 of the Charter.", ["See No. 5 and Art. 3 of the Charter."]),
        ("It was signed on Feb. 16 in Munich.", ["It was signed on Feb. 16 in Munich."]),
        ("He said: “Good.” Then he left!", ["He said: “Good.”", "Then he left!"]),
        ("reached common points. understandings. The most", ["reached common points. understandings.", "The most"]),
        ("relations. . To this end", ["relations. .", "To this end"]),
        ("backfire on states. -United themselves.", ["backfire on states. -United themselves."]),
        ("e.g. Japan, i.e. Tokyo. Next.", ["e.g. Japan, i.e. Tokyo.", "Next."]),
        ("In 2024. 2025 will come.", ["In 2024.", "2025 will come."]),
        (" date 2024-02-17 \n\nOn February 16, 2024.", ["date 2024-02-17", "On February 16, 2024."]),
    ],
)
def test_en_split(text: str, expected: list[str]) -> None:
    assert pieces(en.split_sentences, text) == expected


def test_seed_paragraph_splits_into_its_18_sentences(seed: dict) -> None:
    text = seed["mt_paragraph"].read_text(encoding="utf-8")
    got = pieces(en.split_sentences, text)
    assert got[0] == "date 2024-02-17"
    assert got[1:] == seed["mt"].read_text(encoding="utf-8").splitlines()
    assert len(zh.split_sentences(seed["zh"].read_text(encoding="utf-8"))) == 18
