"""fluency.punctuation: Chinese punctuation in English, unbalanced marks, quotation marks the English dropped."""

from __future__ import annotations

import pytest

from termcheck.api import check
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.model import Segment


def findings(zh, en, glossary=None):
    rep = check([Segment("1", zh, en)], glossary=glossary if glossary is not None else Glossary([]),
                config=Config(select=("fluency.punctuation",)))
    return [(f.target_text, f.suggestion) for f in rep.findings]


@pytest.mark.parametrize(("zh", "en", "expected"), [
    (None, "The two sides met，and agreed to cooperate。", [("，", ","), ("。", ".")]),
    (None, "He quoted the book《Governance of China》.", [("《", "“"), ("》", "”")]),
    (None, "The rate rose to ６%.", [("６", "6")]),
    (None, "the two sides（China and the US）met", [("（", "("), ("）", ")")]),
    (None, "The two sides (China and the US met.", [("(", None)]),
    (None, "He said “we will act.", [("“", None)]),
    (None, 'He said "we will act.', [('"', None)]),
    ("他说：“我们将采取行动。”", "He said: we will act.)", [(")", None)]),
    ("简报会于2012年10月16日举行。", "A briefing was given on 16 October 2012", [("2012", "2012.")]),
    ("建议改叙该员额。", "it is proposed to reclassify the", [("the", "the.")]),
    (None, "The two sides  met.", [("  ", " ")]),
    (None, " The two sides met. ", [(" ", ""), (" ", "")]),
])
def test_flags(zh, en, expected):
    assert findings(zh, en) == expected


@pytest.mark.parametrize(("zh", "en"), [
    (None, "He said “we will act” and ‘soon’."),     # curly quotes are English
    (None, "The US side's position — firm — is clear."),
    (None, "a) the first item; b) the second item"),  # list markers
    (None, "(a) the first item (see annex)."),
    ("他说“我们将", 'He said "we will'),              # the source leaves the quote open too
    (None, "Wang Yi met 布林肯，the Secretary."),      # Chinese comma inside untranslated text: accuracy.untranslated
    ("所有文件将在网站上提供。", "All documents will be available on the website.3"),  # a footnote mark
    ("请注意以下几点：", "Please note the following points:"),
    ("第六十九届会议", "Sixty-ninth session"),        # a heading: no full stop on either side
])
def test_clean(zh, en):
    assert findings(zh, en) == []


def test_quoted_term_left_unquoted(mini_glossary):
    from termcheck.glossary.load import load

    g = load([mini_glossary])
    zh = "把不支持“台独”的承诺落到实处。"
    assert findings(zh, "honor its commitment of not supporting Taiwan independence.", g) == [
        ("Taiwan independence", "“Taiwan independence”")]
    assert findings(zh, "honor its commitment of not supporting “Taiwan independence.”", g) == []
    assert findings(zh, 'honor its commitment of not supporting "Taiwan independence".', g) == []
    # unquoted in the source: nothing to ask for
    assert findings("把不支持台独的承诺落到实处。", "not supporting Taiwan independence.", g) == []
