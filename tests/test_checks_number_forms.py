"""accuracy.number on number forms: fractions of a scale, rates, dozens, ranges, approximations, currencies, counts."""

from __future__ import annotations

import pytest

from termcheck.api import check
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.lang import en_numbers, zh_numbers
from termcheck.model import Segment


def findings(zh: str, en: str) -> list[tuple[str, str | None, str | None]]:
    rep = check([Segment("1", zh, en)], glossary=Glossary([]), config=Config(select=("accuracy.number",)))
    return [(str(f.severity), f.target_text, f.source_text) for f in rep.findings]


@pytest.mark.parametrize(("zh", "en"), [
    # a rounded or converted value with its scale is rendered
    ("受影响人口达3.5亿。", "The affected population reached 350 million."),
    ("共有一百五十万人参加。", "One and a half million people took part."),
    ("投资2.5亿美元。", "It invested a quarter of a billion dollars."),
    ("约五十万人撤离。", "About half a million people were evacuated."),
    ("新增七十五万个岗位。", "Three quarters of a million jobs were added."),
    ("项目持续2.5年。", "The project lasted two and a half years."),
    # half, doubling, fractions
    ("超过一半的成员国投了赞成票。", "More than half of the member states voted in favour."),
    ("比前一年增加近半。", "Nearly half more than the year before."),
    ("贸易额翻一番。", "Trade doubled."),
    ("三分之一的国家尚未批准。", "A third of the countries have not ratified it."),
    # rates
    ("每千人有3名医生。", "There are 3 doctors per 1,000 people."),
    ("死亡率为千分之三。", "The death rate is 3 per thousand."),
    ("出生率为千分之十二。", "The birth rate is 12‰."),
    # a dozen, a couple
    ("买了12个鸡蛋。", "They bought a dozen eggs."),
    ("他们停留了2天。", "They stayed a couple of days."),
    # ranges and approximations
    ("需要3至5年。", "It takes three to five years."),
    ("需要三到五年。", "It takes 3-5 years."),
    ("约50%的受访者同意。", "About 50 percent of respondents agreed."),
    ("逾百万人受灾。", "Over a million people were affected."),
    ("近万人参加。", "Nearly 10,000 people attended."),
    ("申请超过20多万份。", "There were more than 200,000 applications."),
    ("有三千余人。", "There were more than 3,000 people."),
    # percentage points, currencies as written in each language
    ("失业率下降了5个百分点。", "Unemployment fell by 5 percentage points."),
    ("比率增加了4.5个百分点。", "The rate increased by 4.5 points."),
    ("增长了5%。", "It grew by 5 per cent."),
    ("收入下降(3.7%)。", "Revenue fell (3.7 percentage points)."),  # a translator's precision, not an error
    # English repeats what Chinese says once (and the reverse): years and dates are not counted
    ("第一届颁奖假定在2015年9月举行。", "The first Prize in 2015 would be held in September 2015."),
    ("回顾1949年8月12日《日内瓦四公约》及《日内瓦第三公约》", "Recalling the Geneva Conventions of 12 August 1949 and "
     "the Third Geneva Convention of 12 August 1949"),
    ("成千上万名定居者", "hundreds of thousands of settlers"),
    ("提出超过1 814份请求。", "It made no fewer than 1,814 requests."),
    ("部署的弹头数不超过1 550枚。", "No more than 1,550 warheads are deployed."),
    ("至少有300人。", "There were at least 300 people."),
    ("2012年不到1%，就业的人将近20%担任不止一份工作。",
     "It was less than 1 per cent in 2012, with almost 20 per cent of those employed having more than one job."),
    ("每次可领取人民币300元。", "Each time one receives RMB 300."),
    ("奖金为5000元。", "The bonus is 5,000 yuan."),
    ("捐款二十万美元。", "It donated US$200,000."),
    ("收入5万港元。", "An income of HK$50,000."),
    # dates
    ("2023年2月10日开始募集。", "Fundraising began on February 10, 2023."),
    ("于2月10日和2月11日举行。", "It was held on February 10 and 11."),  # a month said once for two dates
    ("2023年2月10日至2月19日", "from 10 to 19 February 2023"),
    ("可领取300元。", "One can receive 300 yuan."),
    # approximation words: the same direction, "about" against anything, or only one side saying it
    ("收到超92万份申请。", "It received more than 920,000 applications."),
    ("近50%的人同意。", "Nearly 50% agreed."),
    ("约300人出席。", "More than 300 people attended."),
    ("差不多就是8000多元。", "It is nearly 8,000 yuan."),
    ("5000人以上参加。", "Over 5,000 people took part."),
    ("有5000多人。", "There were 5,000 people."),
    ("截至2月11日", "As of 11th February"),  # an ordinal day before the month is British usage, not flagged
    ("费用为5000港元。", "It costs 5,000 dollars."),  # a bare "dollars" is any dollar
    ("拨款1.1亿新元。", "It allots S$110 million."),
    ("本报5月3日电 会议3日开幕。", "BEIJING, May 3 -- The meeting opened on May 3."),  # the date said twice
    ("2. 按时提交报告；", "Submit the report on time;"),  # list numbers dropped: reported only when asked
    ("1949年8月12日日内瓦公约", "Geneva Conventions of 12 August 1949"),
    # ranges share their scale
    ("预计1200万至1400万人次。", "12 to 14 million visitors are expected."),
    ("达到400至600万。", "It reached 4-6 million."),
    ("收入可达138亿至143亿新元。", "Revenue may reach S$13.8 to 14.3 billion."),
    ("新增5G基站10000个。", "An additional 10,000 5G base stations were added."),
    ("2023-02-11 13:09:10 [来源:新华社]", "February 11, 2023, 13:09:10 [Source: Xinhua]"),
])
def test_rendered_quietly(zh, en):
    assert findings(zh, en) == []


@pytest.mark.parametrize(("zh", "en", "expected"), [
    # the scale changed
    ("共有一百五十万人参加。", "One and a half billion people took part.",
     [("major", "One and a half billion", "一百五十万")]),
    ("受影响人口达3.5亿。", "The affected population reached 35 million.", [("major", "35 million", "3.5亿")]),
    ("约五百万人撤离。", "About half a million people were evacuated.", [("major", "half a million", "五百万")]),
    ("死亡率为千分之三。", "The death rate is 3 percent.", [("major", "3 percent", "千分之三")]),
    # the currency changed
    ("奖金为5000元。", "The bonus is 5,000 dollars.", [("minor", "5,000", "5000")]),
    ("捐款二十万美元。", "It donated 200,000 yuan.", [("minor", "200,000", "二十万")]),
    # a value said twice in the source and once in the target, or once in the source and twice in the target
    ("12名记者和12名警察受伤。", "12 journalists and police officers were injured.", [("minor", None, "12")]),
    ("家机构的7只产品可选", "7 products from 7 institutions to choose from", [("minor", "7", None)]),
    # the currency named without an amount, or an amount given a currency the source does not name
    ("一台要上万元。", "One costs tens of thousands of dollars.", [("minor", "dollars", None)]),
    ("预算拨出2.5亿新元。", "The budget allots 250 million yuan.", [("minor", "250 million", "2.5亿")]),
    ("缺口达300余万。", "The gap is over 3 million yuan.", [("minor", "yuan", None)]),
    # a bare scale before a currency is a number: 百亿 is ten billion, "billions of" is vague
    ("损失百亿欧元。", "It lost billions of euros.", [("minor", None, "百亿")]),
    # a dateline's date the target leaves out, a list item's number it drops
    ("本报5月3日电 3日上午，会议开幕。", "The meeting opened on the morning of May 3.", [("minor", None, "3日")]),
    # percentage points are no per cent
    ("失业率下降了5个百分点。", "Unemployment fell by 5 percent.", [("minor", "5 percent", "5个百分点")]),
    # a bound turned round
    ("逾百万人受灾。", "Nearly a million people were affected.", [("minor", "a million", "百万")]),
    ("不到10%的人同意。", "More than 10% agreed.", [("minor", "10%", "10%")]),
    ("部署的弹头数不超过1 550枚。", "More than 1,550 warheads are deployed.", [("minor", "1,550", "1 550")]),
    # a range whose first number lost the scale
    ("预计1200万至1400万人次。", "12 to 14 visitors are expected.",
     [("major", "12", "1200万"), ("major", "14", "1400万")]),
])
def test_flagged(zh, en, expected):
    assert findings(zh, en) == expected


@pytest.mark.parametrize("text", [
    "9" * 400, "一" + "亿" * 80, "1" * 35 + "亿元", "一" + "万" * 50, "9" * 29 + " trillion", "1e" + "9" * 400,
])
def test_huge_numbers_neither_overflow_nor_crash(text):
    for read in (en_numbers.quantities, zh_numbers.quantities):
        for q in read(text):
            assert q.value == q.value and abs(q.value) <= 1e30
            assert q.shows()
    assert isinstance(findings(text, text), list)


@pytest.mark.parametrize(("text", "value", "strong"), [
    ("a quarter of a billion", 2.5e8, True),
    ("one and a half million", 1.5e6, True),
    ("half a million", 5e5, True),
    ("a half-million", 5e5, True),
    ("three quarters of a million", 7.5e5, True),
    ("2 and a half billion", 2.5e9, True),
    ("two and a half years", 2.5, False),
    ("a dozen", 12, False),
    ("a couple of days", 2, False),
])
def test_english_scaled_fractions(text, value, strong):
    qs = en_numbers.quantities(text)
    assert [(q.value, q.strong) for q in qs] == [(value, strong)]


@pytest.mark.parametrize(("text", "unit"), [
    ("US$5 million", "USD"), ("5,000 dollars", "dollars"), ("5,000 US dollars", "USD"), ("$5", "dollars"),
    ("300 yuan", "CNY"), ("RMB 300", "CNY"), ("HK$3 billion", "HKD"), ("S$1.1 billion", "SGD"),
    ("110 million Singapore dollars", "SGD"), ("NT$400", "TWD"), ("€20", "EUR"), ("20 euros", "EUR"), ("1,000 yen", "JPY"), ("£5", "GBP"), ("5 people", ""),
])
def test_english_currency(text, unit):
    assert [q.unit for q in en_numbers.quantities(text) if q.strong] == [unit]


@pytest.mark.parametrize(("text", "unit"), [
    ("5000元", "CNY"), ("人民币300元", "CNY"), ("二十万美元", "USD"), ("5万港元", "HKD"), ("3亿欧元", "EUR"),
    ("100日元", "JPY"), ("50英镑", "GBP"), ("5000人", ""), ("1.1亿新元", "SGD"), ("400新台币", "TWD"),
])
def test_chinese_currency(text, unit):
    assert [q.unit for q in zh_numbers.quantities(text) if q.strong] == [unit]


@pytest.mark.parametrize(("zh", "en", "expected"), [
    ("2. 按时提交报告；", "Submit the report on time;", [("minor", None, "2")]),
    ("2. 按时提交报告；", "2. Submit the report on time;", []),
    ("2. 按时提交报告；", "(b) Submit report 2 on time;", []),
    ("(3) 加强合作。", "Strengthen cooperation.", [("minor", None, "3")]),
])
def test_dropped_list_numbers_when_asked(zh, en, expected):
    cfg = Config(select=("accuracy.number",), options={"accuracy.number": {"report_list": True}})
    rep = check([Segment("1", zh, en)], glossary=Glossary([]), config=cfg)
    assert [(str(f.severity), f.target_text, f.source_text) for f in rep.findings] == expected
