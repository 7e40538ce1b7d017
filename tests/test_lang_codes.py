"""termcheck.lang.base_code: two- and three-letter language codes, regions and scripts."""

from __future__ import annotations

import pytest

from termcheck.api import check
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.lang import base_code, scripts
from termcheck.model import Segment


@pytest.mark.parametrize(("code", "expected"), [
    ("zh", "zh"), ("zh-CN", "zh"), ("zh_Hans", "zh"), ("ZH", "zh"), ("cmn", "zh"), ("cmn_Hans", "zh"),
    ("zho", "zh"), ("yue", "zh"), ("en-US", "en"), ("eng", "en"), ("fra", "fr"), ("deu", "de"),
    ("xx-YY", "xx"), ("", ""),
])
def test_base_code(code, expected):
    assert base_code(code) == expected


def test_three_letter_codes_know_their_script():
    assert scripts.script_of("cmn") == scripts.HAN and scripts.script_of("rus") == "Cyrillic"


def test_chinese_target_under_a_three_letter_code_is_chinese():
    seg = Segment("1", "La remarque que tu as faite à la fête était totalement déplacée, vraiment.",
                  "你在聚会上的评论是完全不适当的，真的。", source_lang="fra", target_lang="cmn")
    rep = check([seg], glossary=Glossary([]), config=Config(select=("accuracy.language",), source_lang="fra",
                                                               target_lang="cmn"))
    assert rep.findings == ()
