"""accuracy.omission / accuracy.addition: length outliers against the calibrated zh->en model."""

from __future__ import annotations

import pytest

from termcheck.api import check
from termcheck.checks.length import MODEL, measure_source, measure_target
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.model import Segment

ZH = "王毅表示，去年年底习近平主席同拜登总统举行了富有成果的会晤，就事关中美关系方向的战略性、全局性问题深入交换意见，达成重要共识。"
EN = ("Wang Yi said that President Xi Jinping and President Joe Biden held a fruitful meeting late last year, had an "
      "in-depth exchange of views on strategic and overarching issues bearing on the direction of China-US relations, "
      "and reached important common understandings.")


def findings(zh, en):
    rep = check([Segment("1", zh, en)], glossary=Glossary([]), config=Config(select=("accuracy.omission",
                                                                                     "accuracy.addition")))
    return [(f.check, str(f.severity)) for f in rep.findings], [f.score for f in rep.findings]


def test_measures():
    assert measure_source("２０２４年2月，王毅会见Blinken。") == (6, 12)  # 年月王毅会见; 2024 2 Blinken
    assert measure_source("二〇一五年第一百二十三条") == (3, 7)  # 年第条; 2015 123
    assert measure_target("U.S. side, 2024.") == 10


@pytest.mark.parametrize(("zh", "en", "expected"), [
    (ZH, EN, []),
    (ZH, "Wang Yi said that President Xi Jinping and President Joe Biden held a fruitful meeting late last year, "
     "and had talks.", [("accuracy.omission", "minor")]),  # 46% of the expected length
    (ZH, "Wang Yi said that President Xi Jinping and President Joe Biden held a fruitful meeting late last year "
     "and had an in-depth exchange of views.", []),  # 55%: within what human translators do
    (ZH, "Wang Yi said.", [("accuracy.omission", "major")]),
    ("双方就双边关系和共同关心的问题交换了意见。", "The two sides exchanged views on bilateral relations and issues "
     "of common concern, and also discussed in great detail the preparations for the upcoming summit, the agenda of "
     "the next round of strategic dialogue, the state of trade negotiations and the situation in the Middle East.",
     [("accuracy.addition", "minor")]),
    ("第六十九届会议", "Sixty-ninth session", []),   # too short to judge
    # a source that repeats itself may be translated saying each repetition once
    ("好的好的好的，没问题没问题没问题，谢谢你谢谢你谢谢你！", "OK, no problem, thank you!", []),
    ("哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈", "Hahahaha!", []),
    ("加油加油加油加油加油加油加油加油！中国队必胜！", "Go, go, go! China will win!", []),
    ("好的，没问题，谢谢你，我们明天上午十点在公司门口见面吧！", "OK!", [("accuracy.omission", "major")]),
    # numbers written in characters are as long as their digits: complete translations are not omissions
    ("第一百二十三条至第一百二十五条", "Articles 123 to 125", []),
    ("二〇一五年十二月三十一日至二〇一六年一月五日", "31 December 2015 to 5 January 2016", []),
    ("二〇一五年十二月三十一日至二〇一六年一月五日期间通过的全部决议和决定清单", "31 December 2015",
     [("accuracy.omission", "major")]),
    ("双方会晤。", "", []),                            # empty: accuracy.untranslated reports it
])
def test_outliers(zh, en, expected):
    assert findings(zh, en)[0] == expected


def test_score_is_kept():
    (_, scores) = findings(ZH, "Wang Yi said.")
    z, ratio, _ = MODEL.score(ZH, "Wang Yi said.")
    assert scores == [round(z, 3)] and z < -6 and ratio < 0.2


def test_other_language_pairs_are_judged_by_their_own_model_never_major():
    rep = check([Segment("1", "Les deux parties se sont rencontrées longuement hier soir.", "Met.", source_lang="fr")],
                glossary=Glossary([]), config=Config(select=("accuracy.omission",)))
    assert [str(f.severity) for f in rep.findings] == ["minor"]


@pytest.mark.parametrize(("src", "tgt", "target", "flagged"), [
    ("zh", "fr", "La Chine.", True),
    ("zh", "fr", "Le gouvernement chinois attache une grande importance au développement de ses relations avec les "
                 "pays africains et souhaite faire progresser la coopération avec eux.", False),
    ("en", "de", "Ja.", True),
    ("en", "de", "Die Regierung misst der Entwicklung der Beziehungen zu den afrikanischen Ländern große Bedeutung "
                 "bei und möchte die Zusammenarbeit gemeinsam voranbringen.", False),
])
def test_other_pairs_use_their_length_model_and_stay_minor(src: str, tgt: str, target: str, flagged: bool) -> None:
    source = {"zh": "中国政府高度重视发展同非洲国家的关系，愿同非方一道推进合作。",
              "en": "The government attaches great importance to developing relations with African countries and "
                    "wishes to advance cooperation together."}[src]
    from termcheck.api import check
    from termcheck.config import build

    report = check([Segment("1", source, target, 0, "d", source_lang=src, target_lang=tgt)],
                   config=build(select=("accuracy.omission",), source_lang=src, target_lang=tgt))
    assert bool(report.findings) is flagged
    assert all(str(f.severity) == "minor" for f in report.findings)
