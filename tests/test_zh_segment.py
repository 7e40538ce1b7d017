"""The automaton segmenter gives jieba's own words: on real text, generated text, and with words added."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shareddata import shared_dir

from termcheck.lang import zh
from termcheck.lang.zh_segment import Segmenter, Words

ROOT = Path(__file__).resolve().parents[1]
SHARED = shared_dir()


@lru_cache(maxsize=4)
def _jieba(added: tuple[str, ...] = ()):
    """jieba itself on the same dictionary, words added the way termcheck's boundary segmenter adds them."""
    import jieba

    tok = jieba.Tokenizer()
    freq, total = zh._dictionary()
    tok.FREQ, tok.total, tok.initialized = dict(freq), total, True
    for w in added:
        tok.add_word(w, freq=max(tok.suggest_freq(w, tune=False), 10_000))
    return tok


def _lines() -> list[str]:
    texts = [line for path in sorted((ROOT / "corpora").glob("*.zh.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    texts += [line for path in sorted((ROOT / "tests" / "data").glob("*.zh.txt"))
              for line in path.read_text(encoding="utf-8").splitlines()]
    return texts


def test_same_words_as_jieba_on_the_project_texts() -> None:
    lines = _lines()
    assert len(lines) > 20
    seg = Segmenter(zh._words())
    for text in lines:
        assert seg.cut(text) == _jieba().lcut(text, HMM=False), text
        assert zh.words(text) == seg.cut(text)


@pytest.mark.skipif(SHARED is None, reason="shared data absent")
def test_same_words_as_jieba_on_real_un_sentences() -> None:
    path = SHARED / "real-parallel" / "un-zh-en.ref.jsonl"
    rows = [json.loads(line)["zh"] for line in path.read_text(encoding="utf-8").splitlines()[:3000]]
    seg = Segmenter(zh._words())
    differ = [t for t in rows if seg.cut(t) != _jieba().lcut(t, HMM=False)]
    assert differ == []


# characters that make words, ASCII runs jieba joins, separators it passes through, and rarely-seen ones
_PIECES = st.sampled_from(["中国", "中美", "美国", "关系", "发展", "一带一路", "合作", "伙伴", "的", "了", "和", "国",
                           "人民", "共和国", "G", "20", "a", "Z9", "3.5", "-", "_", "%", " ", "\n", "\r\n", "，", "。",
                           "“", "”", "（", "）", "台独", "去风险", "小院高墙", "鿕", "鿖", "〇", "Ⅲ", "é", "😀"])
_TEXT = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, st.text(max_size=40)))
def test_same_words_as_jieba_on_generated_text(text: str) -> None:
    assert Segmenter(zh._words()).cut(text) == _jieba().lcut(text, HMM=False)


ADDED = ("中美合作伙伴", "小院高墙", "一带一路倡议", "去风险", "全球发展倡议", "中美", "G20峰会", "合作共赢")


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_words_added_as_jieba_adds_them(text: str) -> None:
    seg = _added()
    assert seg.cut(text) == list(_jieba(ADDED).cut(text, HMM=False))


@lru_cache(maxsize=1)
def _added() -> Segmenter:
    return Segmenter(zh._words(), ADDED, floor=10_000)


def test_added_words_get_jiebas_frequencies_and_total() -> None:
    tok, seg = _jieba(ADDED), _added()
    assert seg.total == tok.total
    for w in ADDED:
        assert seg.freq(w) == tok.FREQ[w]
        for k in range(1, len(w)):  # every prefix is known, as in jieba's table
            assert seg.freq(w[:k]) == tok.FREQ[w[:k]]
    assert seg.freq("不在词典里的词", 7) == tok.FREQ.get("不在词典里的词", 7)


def test_a_dictionary_without_words_cuts_character_by_character() -> None:
    seg = Segmenter(Words.build({}, 1))
    assert seg.cut("中美 ab12，好") == ["中", "美", " ", "ab12", "，", "好"]


def test_is_word_reads_the_dictionary() -> None:
    assert zh.is_word("谢谢") and zh.is_word("中国")
    assert not zh.is_word("谢谢谢") and not zh.is_word("")


def test_the_dictionary_file_read_as_jieba_reads_it() -> None:
    freq, total = zh._dictionary()  # jieba's own reading
    words = zh._read_words()
    assert words.total == total
    positive = {w: f for w, f in freq.items() if f > 0}
    assert len(words.freqs) == len(positive)
    for w in list(positive)[::97]:
        assert words.freq(w) == positive[w]
    assert words.freq("中华人民共和") == freq["中华人民共和"] == 0  # a word's prefix only
