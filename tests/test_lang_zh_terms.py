"""Chinese term candidates: noun-phrase n-grams and quoted phrases, never clauses or function words."""

from __future__ import annotations

import pytest

from termcheck.lang import zh_terms


def keys(text: str) -> set[str]:
    return {c.key for c in zh_terms.term_candidates(text)}


@pytest.mark.parametrize(("text", "present", "absent"), [
    ("中方提出蓝色伙伴关系倡议。", {"蓝色伙伴关系", "蓝色伙伴关系倡议"}, {"提出蓝色伙伴关系"}),
    ("双方坚持相互尊重。", set(), {"双方坚持", "双方坚持相互尊重"}),  # a verb makes a clause, not a term
    ("第2758号决议", set(), {"号决议"}),  # a lone measure word does not start a term
    ("藍色夥伴關係", {"蓝色伙伴关系"}, {"藍色夥伴關係"}),  # keys are Simplified
    ("他说“海洋命运共同体”很重要。", {"海洋命运共同体"}, {"他说"}),
])
def test_ngrams(text: str, present: set[str], absent: set[str]) -> None:
    found = keys(text)
    assert present <= found
    assert not (absent & found)


@pytest.mark.parametrize(("text", "quoted"), [
    ("我们读了《联合国海洋法公约》和「一国两制」。", ["联合国海洋法公约", "一国两制"]),
    ("所谓『三股势力』与\"海峡中线\"", ["三股势力", "海峡中线"]),
    ("他说：“我们要加强合作。”", []),  # a quoted sentence is not a term
    ("“ 和平 ”", []),  # too short once trimmed
    ("“ 澜湄精神 ”", ["澜湄精神"]),
])
def test_quoted(text: str, quoted: list[str]) -> None:
    assert [text[a:b] for a, b in zh_terms.quoted(text)] == quoted


def test_a_quoted_ngram_counts_once_and_spans_map_to_the_original_text() -> None:
    text = "他说“海洋命运共同体”很重要。"
    cands = [c for c in zh_terms.term_candidates(text) if c.key == "海洋命运共同体"]
    assert len(cands) == 1 and cands[0].quoted
    full = "ＡＢ藍色夥伴關係"  # full-width letters and Traditional characters: offsets still point into the original
    (c,) = [c for c in zh_terms.term_candidates(full) if c.key == "蓝色伙伴关系"]
    assert full[c.start:c.end] == "藍色夥伴關係"
