"""accuracy.number: changed numbers flagged at the target with the expected value; good translations clean."""

from __future__ import annotations

import pytest

from termcheck.api import check
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.model import Segment


def findings(zh: str, en: str, **options):
    cfg = Config(select=("accuracy.number",), options={"accuracy.number": options} if options else {})
    rep = check([Segment("1", zh, en)], glossary=Glossary([]), config=cfg)
    return [(str(f.severity), f.target_text, f.source_text, f.suggestion) for f in rep.findings]


@pytest.mark.parametrize(("zh", "en", "expected"), [
    ("经济增长百分之六点八。", "The economy grew by 8.6 percent.",
     [("major", "8.6 percent", "百分之六点八", "6.8%")]),
    ("贸易额达2.3万亿美元。", "Trade reached 2.3 billion dollars.",
     [("major", "2.3 billion", "2.3万亿", "2.3 trillion")]),
    ("双方于10月1日会晤。", "The two sides met on January 10.",
     [("major", "January", "10月", "October"), ("major", "10", "1日", "1")]),
    ("第六十九届会议", "Sixty-eighth session", [("major", "Sixty-eighth", "第六十九", "69th")]),
    ("从23个增至25个。", "to 5 compared to 23", [("major", "5", "25", "25")]),
    ("截至2015年2月7日", "As at 7 January 2015", [("major", "January", "2月", "February")]),
    ("12月24日理事会核可了预算。", "On 29 January, the Council approved the budget.",  # a month pairs with a month
     [("major", "29", "24日", "24"), ("major", "January", "12月", "December")]),
    # a number only missing or only added is less certain: minor
    ("2014年期间，召开了两次会议。", "During the year, two meetings were held.",
     [("minor", None, "2014年", "2014")]),
    ("中国将召开辩论会。", "In February 2015, China will hold a debate.",
     [("minor", "February", None, None), ("minor", "2015", None, None)]),
])
def test_flags(zh, en, expected):
    assert findings(zh, en) == expected


@pytest.mark.parametrize(("zh", "en"), [
    ("当地时间2024年2月16日，王毅会见布林肯。", "On February 16, 2024 local time, Wang Yi met with Blinken."),
    ("经济增长百分之六点八。", "The economy grew by 6.8 per cent."),
    ("贸易额达2.3万亿美元。", "Trade reached $2.3 trillion."),
    ("共有150万人。", "There were 1.5 million people."),
    ("10. 委员会商定将在第五十八届会议上组织五场互动讨论：",
     "The Commission agreed that it would organize five interactive discussions at its fifty-eighth session:"),
    ("第六十九届会议", "Sixty-ninth session"),
    ("坚持一个中国原则和中美三个联合公报。", "Abide by the one-China principle and the three China-US joint communiqués."),
    ("两国元首达成重要共识。", "The two heads of state reached important common understandings."),
    ("共建一带一路。", "Jointly build the Belt and Road."),
    ("二十国集团峰会", "The G20 summit"),
    ("2024年是中法建交60周年。", "The year 2024 marks the 60th anniversary of China-France diplomatic relations."),
    ("这是第一次。", "This is the first time."),
    ("20世纪90年代", "the 1990s"),
    ("数十个国家参加。", "Dozens of countries took part."),
    ("三分之二多数", "a two-thirds majority"),
    ("有1 690个建筑遭到焚烧。", "1,690 structures were burned."),
    ("第68/262号决议", "resolution 68/262"),
    ("2014年7-8月的侵略", "the aggression of July-August 2014"),
    ("上午10时44分举行", "to be held at 10.44 a.m."),
    ("13时10分，士兵受伤。", "At 1310, a soldier was wounded."),
    ("缔约国孕产妇死亡率偏高(第26页)。", "The maternal mortality rate is high (p. 28)."),
    ("在过去的这五十年里", "during the last five decades"),
    ("《联合国海洋法公约》第一六三条", "article 163 of the Convention"),  # article numbers read digit by digit
    ("因此，1个P-4员额拟予裁撤。", "The P-4 post is proposed for abolishment."),  # 1个: "a", "the"
    ("6 February 2015", "6 February 2015"),                             # a date in English in the source
    ("表示注意到秘书长的报告；", "Takes note of the report of the Secretary-General;1"),  # a footnote mark
    ("批准了关于性别认同的第26743号法律", "the adoption of Law No. 26.743 on gender identity"),
    ("2015 年 5 月 4 日至 15 日", "from 4 to 15 May 2015"),              # spaced typesetting
    ("18时55 分飞离", "leaving at 1855 hours"),
    ("法国、英国和美国于1996年签署第一、第二和第三号议定书。", "France, the UK and the US signed Protocols 1, 2 and 3 in 1996."),
])
def test_good_translations_are_clean(zh, en):
    assert findings(zh, en) == []


def test_options_turn_off_the_uncertain_reports():
    assert findings("2014年期间，召开了会议。", "During the year, meetings were held.", report_missing=False) == []
    assert findings("中国将召开辩论会。", "In 2015, China will hold a debate.", added_severity="info") == [
        ("info", "2015", None, None)]


def test_target_only_runs_skip_the_check():
    rep = check([Segment("1", None, "It grew 8.6 percent.")], glossary=Glossary([]),
                config=Config(select=("accuracy.number",)))
    assert rep.findings == ()
