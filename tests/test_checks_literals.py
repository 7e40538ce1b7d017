"""accuracy.literal: URLs, e-mail addresses, placeholders, tags and Latin-script names must reach the target."""

from __future__ import annotations

import pytest

from termcheck.api import check
from termcheck.checks.literals import literals
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.model import Segment


def findings(zh, en):
    rep = check([Segment("1", zh, en)], glossary=Glossary([]), config=Config(select=("accuracy.literal",)))
    return [(str(f.severity), f.source_text, f.target_text, f.suggestion) for f in rep.findings]


@pytest.mark.parametrize(("zh", "en", "expected"), [
    ("详情见www.fmprc.gov.cn。", "See www.fmprc.gov.com for details.",
     [("major", "www.fmprc.gov.cn", "www.fmprc.gov.com", "www.fmprc.gov.cn")]),
    ("请联系press@un.org。", "Please contact the press office.", [("major", "press@un.org", None, "press@un.org")]),
    ("共{0}个文件", "There are files in total.", [("major", "{0}", None, "{0}")]),
    ("点击<b>确定</b>", "Click OK", [("major", "<b>", None, "<b>"), ("major", "</b>", None, "</b>")]),
    ("谨随函附上关于12岁的儿童Irakli Tsaava死亡事件的声明。", "on the death of Irakli Tsava, a 12-year-old child.",
     [("major", "Tsaava", "Tsava", "Tsaava")]),
    ("Melkonian提到两个支队\"Arabo\"和\"Aramo\"。", "Melkonian referred to two units, Arabo and Arabo.",
     [("major", "Aramo", "Arabo", "Aramo")]),
    ("报告(JIU/REP/2014/8)发布太迟。", "The report was issued too late.",
     [("minor", "JIU/REP/2014/8", None, "JIU/REP/2014/8")]),
    ("另见\"VTOL [[vertical take-off and landing]]drone\"。", "See also \"VTOL drone\".",
     [("minor", "vertical take-off and landing", None, "vertical take-off and landing")]),
])
def test_flags(zh, en, expected):
    assert findings(zh, en) == expected


@pytest.mark.parametrize(("zh", "en"), [
    ("他还会见了大使Ghassan al Zawawi。", "He also met the Ambassador, Ghassan al-Zawawi."),  # spacing and hyphens
    ("Mélanie De Groof女士(比利时)", "Ms. Melanie De Groof (Belgium)"),                       # accents
    ("在Al-JabalMukaber修建", "construction in Jabal Al-Mukaber"),                          # parts in another order
    ("Pentus-Rosimannus2015年5月5日表示", "Keit Pentus-Rosimannus stated on 5 May 2015"),
    ("第29G.36段", "29G.36 The resources"),
    ("见A/69/828号文件", "See document A/69/828."),
    ("王毅会见布林肯。", "Wang Yi met Blinken."),                                             # nothing Latin
])
def test_clean(zh, en):
    assert findings(zh, en) == []


def test_literals_of_a_source():
    got = [(lit.text, lit.kind) for lit in literals("访问https://www.un.org或发邮件至a.b@un.org，见{name}和Vincent Bouvier先生。")]
    assert got == [("https://www.un.org", "url"), ("a.b@un.org", "e-mail address"), ("{name}", "placeholder"),
                   ("Vincent", "Latin-script name or code"), ("Bouvier", "Latin-script name or code")]


def test_latin_sources_are_not_checked():
    rep = check([Segment("1", "Voir www.un.org", "See the website.", source_lang="fr")], glossary=Glossary([]),
                config=Config(select=("accuracy.literal",)))
    assert rep.findings == ()


def test_misspelled_name_keeps_its_similarity():
    rep = check([Segment("1", "谨随函附上关于12岁的儿童Irakli Tsaava死亡事件的声明。",
                         "on the death of Irakli Tsava, a 12-year-old child.")],
                glossary=Glossary([]), config=Config(select=("accuracy.literal",)))
    assert [(f.target_text, f.score is not None and 0.8 <= f.score < 1.0) for f in rep.findings] == [("Tsava", True)]
