"""accuracy.untranslated: Chinese left in the English, a copied source, an empty target."""

from __future__ import annotations

import pytest

from termcheck.api import check
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.model import Segment


def findings(zh, en):
    rep = check([Segment("1", zh, en)], glossary=Glossary([]), config=Config(select=("accuracy.untranslated",)))
    return [(str(f.severity), f.target_text, f.message) for f in rep.findings]


@pytest.mark.parametrize(("zh", "en", "expected"), [
    ("王毅会见布林肯。", "Wang Yi met with 布林肯.", [("major", "布林肯", "“布林肯” is left untranslated (Han script)")]),
    ("双方就台独问题交换意见。", "The two sides discussed 台独，两岸 issues and 中美关系.",
     [("major", "台独，两岸", "“台独，两岸” is left untranslated (Han script)"),
      ("major", "中美关系", "“中美关系” is left untranslated (Han script)")]),
    ("关系", "the notion of guanxi (关系)",  # a deliberate gloss in brackets
     [("minor", "关系", "“关系” is left untranslated (Han script) (a gloss in brackets: check it is intended)")]),
    ("双方进行了沟通。", "双方进行了沟通。", [("major", "双方进行了沟通。", "the target is a copy of the source")]),
    ("双方进行了沟通。", "", [("major", None, "the target is empty")]),
    ("双方进行了沟通。", "   ", [("major", None, "the target is empty")]),
])
def test_flags(zh, en, expected):
    assert findings(zh, en) == expected


@pytest.mark.parametrize(("zh", "en"), [
    ("双方进行了沟通。", "The two sides had communication."),
    ("A/69/1", "A/69/1"),                    # a document symbol is the same in both
    ("Distr.: General", "Distr.: General"),  # so is Latin text in the source
    ("王毅", "Wang Yi — “candid” talks"),    # curly quotes and dashes are English
])
def test_clean(zh, en):
    assert findings(zh, en) == []


def test_target_only():
    rep = check([Segment("1", None, "He cited 勿以善小而不为.")], glossary=Glossary([]),
                config=Config(select=("accuracy.untranslated",)))
    assert [f.target_text for f in rep.findings] == ["勿以善小而不为"]
