"""locale.format: amounts and dates written against the target language's conventions, the source asked first."""

from __future__ import annotations

import pytest

from termcheck.api import check
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.lang import en_conventions
from termcheck.model import Segment


def findings(zh: str, en: str, **langs: str) -> list[tuple[str, str, str, str | None]]:
    rep = check([Segment("1", zh, en, **langs)], glossary=Glossary([]), config=Config(select=("locale.format",)))
    return [(str(f.severity), f.category, f.target_text, f.suggestion) for f in rep.findings]


DATE, CURRENCY = "locale-convention/date-format", "locale-convention/currency-format"


@pytest.mark.parametrize(("zh", "en", "expected"), [
    # the ISO code after the amount
    ("可领取300元。", "One can receive 300 RMB.", [("minor", CURRENCY, "300 RMB", "RMB 300")]),
    ("投资5亿美元。", "It invested 500 million USD.", [("minor", CURRENCY, "500 million USD", "USD 500 million")]),
    # an ordinal day after the month name
    ("2月11日举行。", "It was held on February 11th.", [("minor", DATE, "February 11th", "February 11")]),
    # an all-digit date in prose the source does not write so
    ("会议于2021年3月5日举行。", "The meeting was held on 2021-03-05.",
     [("minor", DATE, "2021-03-05", "March 5, 2021")]),
    # a day without its month, where the source gives no month either
    ("该机构7日发布报告。", "The agency released a report on the 7th.", [("minor", DATE, "the 7th", None)]),
    ("（综合20日电）", "(Comprehensive report 20)", [("minor", DATE, "20", None)]),
])
def test_flagged(zh, en, expected):
    assert findings(zh, en) == expected


@pytest.mark.parametrize(("zh", "en"), [
    ("可领取人民币300元。", "One can receive RMB 300."),
    ("可领取300元。", "One can receive 300 yuan."),
    ("2月11日举行。", "It was held on February 11."),
    ("2月11日举行。", "It was held on 11 February."),
    ("该机构3月7日发布报告。", "The agency released a report on March 7."),
    ("该机构7日发布报告。", "The agency released a report on Tuesday."),
    ("第七届论坛开幕。", "The 7th forum opened."),  # an ordinal that is no day
    ("该机构7日发布7项报告。", "On the 7th of June the agency released 7 reports."),
    ("委员会3月5日和6日第5和第6次会议审议。", "It considered it at its 5th and 6th meetings, on 5 and 6 March."),
    ("2月11日电 11日，会议开幕。", "The meeting opened on the 11th."),  # the source names the month
    ("2023-02-11 13:07:20 [来源:新华社]", "2023-02-11 13:07:20 [Source: Xinhua]"),  # the source writes it so
    ("文件编号2021-03-05-A", "The file is numbered 2021-03-05-A in the register"),
    ("日期 2021年3月5日", "date 2021-03-05"),  # a header line, no prose
])
def test_quiet(zh, en):
    assert findings(zh, en) == []


def test_other_target_languages_have_no_english_conventions():
    assert findings("可领取300元。", "On peut recevoir 300 RMB.", target_lang="fr") == []


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("on the 9th, they met", (7, 10), "the 9th"),
    ("on February 9, they met", (12, 13), None),
    ("on the 9th of February", (7, 10), None),
    ("on Feb. 9 they met", (8, 9), None),
])
def test_undated_day(text, span, expected):
    issue = en_conventions.undated_day(text, span)
    assert (issue.text if issue else None) == expected
