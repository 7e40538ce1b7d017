"""Chinese normalization (NFKC, Traditional) and jieba word boundaries."""

import pytest

from termcheck.lang import zh


def test_traditional_and_fullwidth_normalize_with_offsets() -> None:
    text = "臺灣獨立，ＧＤＰ增長"
    norm = zh.normalize(text)
    assert norm.text.startswith("台湾独立")
    assert "gdp" in norm.text
    i = norm.text.index("gdp")
    assert text[slice(*norm.original_span(i, i + 3))] == "ＧＤＰ"


@pytest.mark.parametrize(
    ("text", "word", "ok"),
    [
        ("中美洲国家", "中美", False),
        ("欧美方面", "美方", False),
        ("美方表示", "美方", True),
        ("坚持反对台独", "台独", True),
        ("推动中美关系发展", "中美关系", True),
    ],
)
def test_short_terms_respect_word_boundaries(text: str, word: str, ok: bool) -> None:
    check = zh.boundary_filter(["中美", "美方", "台独", "中美关系"])
    i = text.index(word)
    assert check(text, i, i + len(word)) is ok


def test_segmenters_keep_their_own_words() -> None:
    # the dictionary is read once and copied: words added for one glossary never leak into another
    with_term = zh.word_boundaries(["中美合作伙伴"])
    without = zh.word_boundaries(["台独"])
    assert with_term("中美合作伙伴关系") == frozenset({0, 6, 8})
    assert 6 not in without("中美合作伙伴关系")


@pytest.mark.parametrize(
    ("text", "words"),
    [("双方同意加强合作", ["双方同意", "加强", "合作"]),
     # a glossary's words added to its own segmenter are not jieba's words
     ("中美合作伙伴关系", ["中美合作", "伙伴关系"])],
)
def test_words(text: str, words: list[str]) -> None:
    zh.word_boundaries(["中美合作伙伴"])("中美合作伙伴关系")
    assert zh.words(text) == words


@pytest.mark.parametrize(("text", "expected"), [
    ("二〇一五年十二月三十一日", [(0, 4, 2015), (5, 7, 12), (8, 11, 31)]),
    ("第一百二十三条", [(1, 6, 123)]),
    ("三百万人", [(0, 3, 3_000_000)]),
    ("十一万五千", [(0, 5, 115_000)]),
    ("三亿五千万", [(0, 5, 350_000_000)]),
    ("两千零五年", [(0, 4, 2005)]),
    ("统一，十分", []),  # a lone numeral character is part of a word
    ("统一、协调", []),
    ("一、加强合作；二、扩大交流", [(0, 1, 1), (7, 8, 2)]),  # list markers
    ("（一）总则 (二)范围", [(1, 2, 1), (7, 8, 2)]),
])
def test_numeral_runs(text, expected):
    assert zh.numeral_runs(text) == expected


def test_a_short_hit_is_judged_by_its_run_as_by_its_whole_sentence() -> None:
    """The boundary check segments only the run of Han characters, Latin letters and digits that holds a hit
    (jieba segments each run on its own): for every short span of real sentences, the verdict is the one
    the whole sentence's segmentation gives."""
    from pathlib import Path

    data = Path(__file__).resolve().parent / "data"
    texts = [*(data / "consultations.zh.txt").read_text(encoding="utf-8").splitlines(),
             "中美洲国家与中美双方，G20峰会在2024年举行；APEC会议", "中美"]
    words = ["中美", "双方", "峰会", "G20"]
    seg = zh._Segmenter(words)
    whole = zh.word_boundaries(words)
    ok = zh.boundary_filter(words)
    spans = 0
    for text in texts:
        cuts = whole(text)
        for i in range(len(text)):
            for j in range(i + 1, min(i + 5, len(text)) + 1):
                assert seg(text, i, j) == (i in cuts and j in cuts), (text, i, j)
                spans += 1
    assert spans > 1000
    assert not ok("中美洲国家", 0, 2) and ok("中美双方", 0, 2)
