"""Terminology checks on small glossaries: forbidden, missing, near miss, inconsistent."""

from __future__ import annotations

import pytest

from termcheck.config import Config
from termcheck.glossary.csvfmt import parse
from termcheck.glossary.model import Glossary
from termcheck.model import Segment, Severity
from termcheck.runner import Run

CSV = """id,zh,en,en_admitted,en_superseded,en_forbidden,en_forbidden_any,severity
de-risking,去风险,de-risking,,,risk reduction,,major
de-sinicization,去中国化,de-sinicization,,,,desinization,major
taiwan-independence,台湾独立|台独,Taiwan independence,,,independence of Taiwan,,critical
blinken,布林肯,Blinken,,,,,major
security-council,安理会,Security Council,the Council,,,,major
who,世界卫生组织,World Health Organization,WHO,,,,major
cssf,人类命运共同体,community with a shared future for mankind,global community of shared future,community of common destiny,,,major
national-security,国家安全,national security,,,,,major
"""


def run(pairs: list[tuple[str | None, str]], **config: object) -> list:
    g = Glossary(tuple(parse(CSV, "g.csv")))
    segs = [Segment(str(i + 1), s, t, i, "doc") for i, (s, t) in enumerate(pairs)]
    return list(Run(g, Config(**config)).execute(segs).findings)


def found(pairs: list[tuple[str | None, str]]) -> set[tuple[str, str | None, str]]:
    return {(f.check, f.target_text, str(f.severity)) for f in run(pairs)}


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        # a forbidden rendering, at its span, with the entry's severity
        ([("避免去风险", "avoid risk reduction")], {("terminology.forbidden", "risk reduction", "major")}),
        ([("反对台独", "oppose the independence of Taiwan")],
         {("terminology.forbidden", "independence of Taiwan", "critical")}),
        # superseded renderings are minor
        ([("构建人类命运共同体", "build a community of common destiny")],
         {("terminology.forbidden", "community of common destiny", "minor")}),
        # wrong in any context: fires without the source term, and with no source at all
        ([("我们的政策", "our desinization policy")], {("terminology.forbidden", "desinization", "major")}),
        ([(None, "our desinization policy")], {("terminology.forbidden", "desinization", "major")}),
        # a term-specific wrong rendering does not fire without its source term
        ([("我们的政策", "risk reduction matters")], set()),
        # missing: one step below the entry's severity, no target span
        ([("维护国家安全", "safeguard the country")], {("terminology.missing", None, "minor")}),
        ([("反对台独", "oppose secession")], {("terminology.missing", None, "major")}),
        # a garbled name is a near miss, located
        ([("会见布林肯", "met Blinkin")], {("terminology.near-miss", "Blinkin", "minor")}),
        # an affixed word is not a garble of the term
        ([("维护国家安全", "maintain international security")], {("terminology.missing", None, "minor")}),
        # correct renderings: nothing
        ([("去风险", "De-risking"), ("去中国化", "de-Sinicization")], set()),
    ],
)
def test_terminology_findings(pairs: list, expected: set) -> None:
    assert found(pairs) == expected


def test_inconsistent_renderings_in_one_document() -> None:
    fs = run([("反对台独", "oppose “Taiwan independence”"), ("反对台独", "oppose the independence of Taiwan")])
    inc = [f for f in fs if f.check == "terminology.inconsistent"]
    assert [(f.segment, f.target_text) for f in inc] == [("2", "independence of Taiwan")]
    assert inc[0].severity is Severity.MINOR and "segment 1" in inc[0].message


@pytest.mark.parametrize(
    "pairs",
    [
        [("安理会决定", "The Security Council decided"), ("安理会认为", "The Council considered")],
        [("世界卫生组织", "the World Health Organization"), ("世界卫生组织", "WHO said")],
    ],
)
def test_full_and_short_forms_are_consistent(pairs: list) -> None:
    assert not [f for f in run(pairs) if f.check == "terminology.inconsistent"]


def test_two_current_forms_in_one_document_are_inconsistent() -> None:
    fs = run([("人类命运共同体", "a community with a shared future for mankind"),
              ("人类命运共同体", "a global community of shared future")])
    assert [f.target_text for f in fs if f.check == "terminology.inconsistent"] == ["global community of shared future"]


def test_ignoring_near_miss_reports_missing_instead() -> None:
    fs = run([("会见布林肯", "met Blinkin")], ignore=("terminology.near-miss",))
    assert [f.check for f in fs] == ["terminology.missing"]


def test_a_wrong_rendering_that_is_right_for_another_source_term_is_not_flagged() -> None:
    csv = CSV + "one-china-principle,一个中国原则,one-China principle,,,one China policy,,critical\n" \
                "one-china-policy,一个中国政策,one China policy,,,,,major\n"
    g = Glossary(tuple(parse(csv, "g.csv")))
    seg = Segment("1", "一个中国原则和一个中国政策", "the one-China principle and the one China policy")
    assert not Run(g, Config()).execute([seg]).findings


def test_lower_case_term_does_not_match_a_name() -> None:
    csv = CSV + "candid,坦诚,candid,,,frank,,minor\n"
    g = Glossary(tuple(parse(csv, "g.csv")))
    segs = [Segment("1", "与施泰因迈尔坦诚交流", "a candid exchange with Frank-Walter Steinmeier"),
            Segment("2", "坦诚交流", "a frank exchange", 1)]
    fs = Run(g, Config()).execute(segs).findings
    assert [(f.segment, f.target_text) for f in fs if f.check == "terminology.forbidden"] == [("2", "frank")]


def test_two_forms_side_by_side_in_one_sentence_are_not_inconsistent() -> None:
    fs = run([("人类命运共同体", "a community with a shared future for mankind"),
              ("人类命运共同体", "a community with a shared future for mankind, or a global community of shared future")])
    assert not [f for f in fs if f.check == "terminology.inconsistent"]


def test_consistency_is_judged_per_document() -> None:
    g = Glossary(tuple(parse(CSV, "g.csv")))
    segs = [Segment("1", "反对台独", "oppose “Taiwan independence”", 0, "a"),
            Segment("2", "反对台独", "oppose the independence of Taiwan", 1, "b"),
            Segment("3", "反对台独", "oppose “Taiwan independence”", 2, "c"),
            Segment("4", "反对台独", "oppose the independence of Taiwan", 3, "c")]
    fs = Run(g, Config(batch_size=1)).execute(segs).findings
    assert [(f.doc, f.segment) for f in fs if f.check == "terminology.inconsistent"] == [("c", "4")]


def test_uses_before_a_second_rendering_are_counted_not_listed() -> None:
    # the odd rendering came first, three times; then the majority one, four times: its first use
    # is listed and the message counts all three (memory stays flat on long documents)
    pairs = [("反对台独", "oppose the independence of Taiwan")] * 3 + [("反对台独", "oppose “Taiwan independence”")] * 4
    inc = [f for f in run(pairs) if f.check == "terminology.inconsistent"]
    assert [(f.segment, f.suggestion) for f in inc] == [("1", "Taiwan independence")]
    assert inc[0].message.endswith("segment 4 of the same document (3 times in all; 1 listed)")
