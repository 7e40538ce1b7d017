"""accuracy.language: a target not in English, a source not in Chinese; names and short text left alone."""

from __future__ import annotations

import pytest

from termcheck.api import check
from termcheck.checks.language import judge
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.model import Segment


def findings(zh, en):
    rep = check([Segment("1", zh, en)], glossary=Glossary([]), config=Config(select=("accuracy.language",)))
    return [(str(f.severity), f.message) for f in rep.findings]


@pytest.mark.parametrize(("zh", "en", "expected"), [
    # running text long enough to back the guess: major
    ("双方进行了坦诚、实质性、建设性的沟通。",
     "Les deux parties ont eu hier une communication franche, substantielle et constructive sur les questions bilatérales.",
     [("major", "the target is not in English: it reads as French")]),
    # a guess on a shorter text: minor
    ("双方进行了坦诚、实质性、建设性的沟通。", "Les deux parties ont eu une communication franche, substantielle et constructive.",
     [("minor", "the target is not in English: it reads as French")]),
    ("双方进行了沟通。", "Обе стороны провели откровенный и конструктивный обмен мнениями.",
     [("major", "the target is not in English: it is mostly in Cyrillic script")]),
    ("The two sides had candid and constructive communication on many issues.",
     "The two sides had candid and constructive communication on many issues.",
     [("minor", "the source is not in Chinese: it is mostly in Latin script")]),
])
def test_flags(zh, en, expected):
    assert findings(zh, en) == expected


@pytest.mark.parametrize(("zh", "en"), [
    ("双方进行了沟通。", "The two sides had candid, substantive and constructive communication."),
    ("专属经济区：1 641 294平方公里。", "Exclusive economic zone: 1,641,294 km2."),          # short, no function words
    ("卢卡斯·范德沃尔特先生(荷兰)，军火", "Mr. Lucas van de Vondervoort, arms (Netherlands)"),  # a name
    ("Hugo Miguel Gonçalves", "Hugo Miguel Gonçalves"),                                 # a name in the source
    ("塞拉利昂 Global Nampo 9000766 集装箱", "Sierra Leone Global Nampo 9000766 Containership"),
    ("王毅会见了布林肯和他的代表团全体成员。", "王毅会见了布林肯和他的代表团全体成员。"),  # left to accuracy.untranslated
    ("双方进行了沟通。", "Wang Yi, Antony Blinken, Munich"),
])
def test_clean(zh, en):
    assert findings(zh, en) == []


@pytest.mark.parametrize("en", [
    # short plain English sentences that langdetect takes for Afrikaans, Catalan or Tagalog
    "He drinks milk, Anna drinks water.",
    "Anna sells fruit, Tom sells bread.",
    "Tom plays piano, Anna plays guitar.",
    "Warm milk helps me sleep well.",
    # English contractions settle it
    "He doesn't drink milk, Anna drinks water.",
    "You're punctual, I'm glad, we'll order food.",
])
def test_short_english_never_major(en):
    assert [f for f in findings("他说。", en) if f[0] in ("major", "critical")] == []


def test_score_keeps_the_confidence():
    rep = check([Segment("1", "双方进行了沟通。", "Les deux parties ont eu une communication franche, substantielle et "
                         "constructive sur les questions bilatérales.")],
                glossary=Glossary([]), config=Config(select=("accuracy.language",)))
    assert [f.score is not None and 0.95 <= f.score <= 1.0 for f in rep.findings] == [True]


def test_deterministic():
    text = "Die beiden Seiten führten einen offenen und konstruktiven Meinungsaustausch über viele Fragen."
    kw = {"min_letters": 20, "min_words": 6, "min_prob": 0.95}
    assert len({judge(text, "en", **kw) for _ in range(5)}) == 1
    assert judge(text, "en", **kw)[0] == "it reads as German"
