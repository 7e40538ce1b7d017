"""The fixes stage: each finding's one repair, fitted to the sentence, safe or not (table-driven)."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck import config as configs
from termcheck import pipeline
from termcheck.glossary.load import load
from termcheck.model import Segment

GLOSSARY = """id,zh,en,en_forbidden,severity
joint-communique,联合公报,joint communiqué,joint statement,major
candid,坦诚,candid,frank,major
working-group,禁毒工作组,counternarcotics working group,anti-drug team,major
ally,盟友,ally,partner,major
taiwan-independence,台独,Taiwan independence,independence of Taiwan,major
three-communiques,三个联合公报,three China-US joint communiqués,Sino-American joint communiqués,major
de-risking,去风险,de-risking,risk reduction,major
meeting,会晤,meeting|talks,rendezvous,major
mfa,外交部,Ministry of Foreign Affairs,,major
macao,澳门,Macao,Macau,major
"""


@pytest.fixture(scope="module")
def glossary(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("g") / "g.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return load([path])


def _fixes(glossary, source: str | None, target: str, check: str):
    seg = Segment("1", source, target)
    rep = pipeline.check(pipeline.Inputs(segments=[seg]), glossary, configs.build(configs.Settings()))
    return [f for f in rep.findings if f.check == check]


def _applied(target: str, fix) -> str:
    return target[:fix.span[0]] + fix.replacement + target[fix.span[1]:]


@pytest.mark.parametrize(("source", "target", "expected"), [
    # the plural the text gave the wrong rendering
    ("双方发表了两份联合公报。", "The two sides issued two joint statements.",
     "The two sides issued two joint communiqués."),
    # a sentence start
    ("坦诚交流。", "Frank exchanges were held.", "Candid exchanges were held."),
    ("他们坦诚交流。", "They had frank exchanges.", "They had candid exchanges."),
    # a headline in capitals stays in capitals
    ("三个联合公报很重要", "THE THREE SINO-AMERICAN JOINT COMMUNIQUÉS MATTER", "THE THREE CHINA-US JOINT COMMUNIQUÉS MATTER"),
    # a title stays a title
    ("禁毒工作组开会。", "The Anti-Drug Team met.", "The Counternarcotics Working Group met."),
    # the article before it
    ("它是中国的盟友。", "It is a partner of China.", "It is an ally of China."),
    # the article that belonged to an of-phrase goes with it
    ("反对台独。", "We oppose the independence of Taiwan.", "We oppose Taiwan independence."),
    # words said just before it are not said twice
    ("尊重三个联合公报。", "Respect the three Sino-American joint communiqués.",
     "Respect the three China-US joint communiqués."),
    # a possessive stays a possessive, not a plural
    ("尊重三个联合公报的精神。", "Respect the Sino-American joint communiqués' spirit.",
     "Respect the three China-US joint communiqués' spirit."),
    ("澳门经济增长。", "Macau's economy grew.", "Macao's economy grew."),
    # quotes around it stay
    ("把“去风险”变成", "turning “risk reduction” into", "turning “de-risking” into"),
])
def test_terminology_fixes_fit_the_sentence(glossary, source, target, expected):
    found = _fixes(glossary, source, target, "terminology.forbidden")
    assert len(found) == 1 and found[0].fix is not None and found[0].fix.safe
    assert _applied(target, found[0].fix) == expected


def test_two_official_renderings_make_an_unsafe_fix(glossary):
    found = _fixes(glossary, "双方举行会晤。", "The two sides held a rendezvous.", "terminology.forbidden")
    assert found[0].fix is not None and not found[0].fix.safe
    assert "two official renderings" in found[0].fix.note


@pytest.mark.parametrize(("target", "expected", "safe"), [
    ("The two sides held the the talks.", "The two sides held the talks.", True),
    ("They discussed China-US relations. .", "They discussed China-US relations.", True),
    ("They discussed trade , and more.", "They discussed trade, and more.", True),
    ("The talks were very very very good.", "The talks were very good.", False),
    # a doubled phrase may be meant: funds replenished "from year to year to" a level
    ("It is replenished from year to year to its level.", "It is replenished from year to its level.", False),
    ("The contractual services contractual services rose.", "The contractual services rose.", False),
    ("It was important common points. understandings.", None, None),  # a broken sentence: no one repair
])
def test_debris_fixes(glossary, target, expected, safe):
    found = _fixes(glossary, None, target, "fluency.artifact")
    assert found
    fix = found[0].fix
    if expected is None:
        assert fix is None
    else:
        assert fix is not None and fix.safe is safe
        assert _applied(target, fix) == expected


def test_full_width_punctuation_in_english_is_replaced(glossary):
    target = "The talks were candid，and useful."
    found = _fixes(glossary, None, target, "fluency.punctuation")
    assert found and found[0].fix is not None and found[0].fix.safe
    assert _applied(target, found[0].fix) == "The talks were candid, and useful."


def test_a_number_is_never_a_safe_fix(glossary):
    found = _fixes(glossary, "双方签署了3项协议。", "The two sides signed 5 agreements.", "accuracy.number")
    assert found and found[0].fix is not None and not found[0].fix.safe
    assert found[0].fix.note == "a number"


def test_a_missing_term_has_no_fix(glossary):
    found = _fixes(glossary, "双方坦诚交流。", "The two sides talked.", "terminology.missing")
    assert found and found[0].fix is None


def test_without_repair_rules_a_term_fix_is_unsafe(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("id,zh,fr,fr_forbidden,severity\nfranc,坦诚,franc,sincère,major\n", encoding="utf-8")
    seg = Segment("1", "坦诚交流。", "Un échange sincère.", target_lang="fr")
    rep = pipeline.check(pipeline.Inputs(segments=[seg]), load([path]),
                         configs.build(configs.Settings(), target_lang="fr"))
    found = [f for f in rep.findings if f.check == "terminology.forbidden"]
    assert found and found[0].fix is not None and not found[0].fix.safe


@pytest.mark.parametrize(("target", "expected", "safe"), [
    ("He thanked the Minsitry of Foreign Affairs.", "He thanked the Ministry of Foreign Affairs.", True),
    ("He thanked the Ministery of Foreign Affaires.", "He thanked the Ministry of Foreign Affairs.", True),
    # another real word is not a garble: the fix is offered, never applied without --unsafe-fixes
    ("He thanked the Minister of Foreign Affairs.", "He thanked the Ministry of Foreign Affairs.", False),
])
def test_near_miss_fixes(glossary, target, expected, safe):
    found = _fixes(glossary, "他感谢外交部。", target, "terminology.near-miss")
    assert found and found[0].fix is not None and found[0].fix.safe is safe
    assert _applied(target, found[0].fix) == expected
