"""Term success rate, forbidden-rendering rate, consistency and the renderings table, against hand counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck import check
from termcheck.config import Config
from termcheck.model import Segment

GLOSSARY = Path(__file__).parent / "data" / "metrics-glossary.csv"


def run(pairs: list[tuple[str, str]], docs: list[str] | None = None) -> dict:
    docs = docs or ["doc"] * len(pairs)
    segs = [Segment(str(i + 1), zh, en, i, doc) for i, ((zh, en), doc) in enumerate(zip(pairs, docs, strict=True))]
    return check(segs, glossary=[GLOSSARY], config=Config(select=("terminology",))).metrics


# (case, segments, (occurrences, correct, forbidden) per segment)
CASES = [
    ("preferred rendering", [("中美关系很重要。", "China-US relations matter.")], [(1, 1, 0)]),
    ("first admitted variant", [("中美关系很重要。", "US-China relations matter.")], [(1, 1, 0)]),
    ("second admitted variant", [("中美关系很重要。", "Relations between China and the United States matter.")],
     [(1, 1, 0)]),
    ("forbidden rendering", [("中美关系很重要。", "Sino-American relations matter.")], [(1, 0, 1)]),
    ("something else", [("中美关系很重要。", "Bilateral ties matter.")], [(1, 0, 0)]),
    ("inflected rendering (plural)", [("维护核心利益。", "We defend our core interests.")], [(1, 1, 0)]),
    ("hyphen and case variant", [("不是去风险。", "Not Derisking.")], [(1, 1, 0)]),
    # 中美 inside 中美三个联合公报 is not a second term: the longest source match wins
    ("overlapping source terms", [("尊重中美三个联合公报。", "Respect the three China-US joint communiqués.")],
     [(1, 1, 0)]),
    ("two long terms hiding the short one",
     [("中美三个联合公报和中美关系。", "The three China-US joint communiqués and China-US relations.")], [(2, 2, 0)]),
    ("short term on its own", [("中美两国要合作。", "China and the United States should cooperate.")], [(1, 1, 0)]),
    ("one rendering for two uses", [("去风险不等于去风险化。", "De-risking is not the same thing.")], [(2, 1, 0)]),
    ("a correct rendering is not also counted wrong", [("去风险。", "De-risking, not risk reduction.")],
     [(1, 1, 0)]),
    ("no term in the source", [("今天天气很好。", "The weather is fine today.")], [(0, 0, 0)]),
]


@pytest.mark.parametrize(("case", "pairs", "expected"), CASES, ids=[c[0] for c in CASES])
def test_per_segment_counts(case: str, pairs: list, expected: list) -> None:
    cols = run(pairs)["per_segment"]
    got = list(zip(cols["term_occurrences"], cols["term_correct"], cols["term_forbidden"], strict=True))
    assert got == expected


def test_corpus_rates_are_sums_over_occurrences() -> None:
    pairs = [
        ("中美关系很重要。", "China-US relations matter."),  # correct
        ("中美关系很重要。", "Relations between China and the United States matter."),  # correct (admitted)
        ("中美关系很重要。", "Sino-American relations matter."),  # forbidden
        ("中美关系很重要。", "Bilateral ties matter."),  # other
        ("维护核心利益。", "We defend our core interests."),  # correct
        ("去风险不等于去风险化。", "De-risking is not the same thing."),  # 2 uses: correct + other
    ]
    t = run(pairs)["terms"]
    assert (t["source_terms"], t["correct"], t["forbidden"], t["other"]) == (7, 4, 1, 2)
    assert t["success_rate"] == round(100 * 4 / 7, 2) == 57.14
    assert t["forbidden_rate"] == round(100 / 7, 2) == 14.29
    assert t["distinct_terms"] == 3
    assert t["signature"].startswith("terms|success:correct/occurrences|") and "metrics-glossary.csv@" in t["signature"]


def test_no_source_term_gives_no_success_rate() -> None:
    t = run([("今天天气很好。", "The weather is fine today.")])["terms"]
    assert t["success_rate"] is None and t["forbidden_rate"] is None and t["source_terms"] == 0


def test_target_only_run_has_no_term_counts() -> None:
    report = check([Segment("1", None, "China-US relations matter.", 0, "d")], glossary=[GLOSSARY])
    assert report.metrics["terms"]["source_terms"] == 0
    assert report.metrics["per_segment"]["term_occurrences"] == [None]


CONSISTENCY = [
    # (case, segments as (doc, zh, en), consistency, pairs counted)
    ("one way in each document", [("a", "台独", "Taiwan independence"), ("a", "台独", "Taiwan independence"),
                                  ("b", "台独", "Taiwan independence"), ("b", "台独", "Taiwan independence")], 100.0, 2),
    ("two ways in one document", [("a", "台独", "Taiwan independence"), ("a", "台独", "Taiwan independence"),
                                  ("b", "台独", "Taiwan independence"), ("b", "台独", "the independence of Taiwan")],
     50.0, 2),
    ("two correct variants are two ways", [("a", "中美关系", "China-US relations"),
                                           ("a", "中美关系", "US-China relations")], 0.0, 1),
    ("a term rendered once per document is not counted", [("a", "台独", "Taiwan independence"),
                                                          ("b", "台独", "the independence of Taiwan")], None, 0),
]


@pytest.mark.parametrize(("case", "rows", "consistency", "pairs"), CONSISTENCY, ids=[c[0] for c in CONSISTENCY])
def test_consistency(case: str, rows: list, consistency: float | None, pairs: int) -> None:
    t = run([(zh, en) for _, zh, en in rows], [d for d, _, _ in rows])["terms"]
    assert t["consistency"] == consistency
    assert t["consistency_pairs"] == pairs


def test_renderings_table() -> None:
    pairs = [("去风险。", "De-risking.")] * 3 + [("去风险。", "Risk reduction."), ("去风险。", "Lowering risk."),
                                               ("维护核心利益。", "Defend core interests.")]
    rows = run(pairs)["renderings"]
    table = [(r["term"], r["rendering"], r["status"], r["count"], r["segments"]) for r in rows]
    assert table == [
        ("de-risking", "de-risking", "preferred", 3, ["1", "2", "3"]),
        ("de-risking", "risk reduction", "forbidden", 1, ["4"]),
        ("de-risking", None, "other", 1, ["5"]),
        ("core-interest", "core interest", "preferred", 1, ["6"]),
    ]
    assert [r["share"] for r in rows] == [60.0, 20.0, 20.0, 100.0]
    assert rows[0]["source"] == "去风险"


def test_renderings_show_the_source_form_the_text_uses() -> None:
    rows = run([("反对台独。", "Oppose Taiwan independence."), ("反对台独。", "Oppose Taiwan independence."),
                ("反对台湾独立。", "Oppose Taiwan independence.")])["renderings"]
    assert [(r["source"], r["count"]) for r in rows] == [("台独", 3)]  # the commoner form, not the glossary's first


def test_renderings_name_the_document_when_there_are_several() -> None:
    rows = run([("去风险。", "Risk reduction."), ("去风险。", "De-risking.")], ["a.txt", "b.txt"])["renderings"]
    assert {r["rendering"]: r["segments"] for r in rows} == {"de-risking": ["b.txt:2"], "risk reduction": ["a.txt:1"]}
