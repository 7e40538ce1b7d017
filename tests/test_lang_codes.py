"""lang.resolve: ISO 639-1, 639-2/3 and BCP 47 codes to module codes; unknown codes refused with a hint."""

from __future__ import annotations

import pytest

from termcheck import lang
from termcheck.api import check
from termcheck.config import build
from termcheck.errors import ConfigError
from termcheck.glossary.model import Glossary
from termcheck.lang import base_code, scripts
from termcheck.model import Segment


@pytest.mark.parametrize(("code", "expected"), [
    ("en", "en"), ("EN", "en"), ("eng", "en"), ("en-GB", "en"), ("en_US", "en"),
    ("zh", "zh"), ("zho", "zh"), ("chi", "zh"), ("cmn", "zh"), ("zh-Hans-CN", "zh"), ("cmn_Hant", "zh"),
    ("zho_Hans", "zh"), ("yue", "zh"),
    ("fr", "fr"), ("fra", "fr"), ("fre", "fr"), ("fr-CA", "fr"),
    ("spa", "es"), ("es-419", "es"), ("rus", "ru"), ("deu", "de"), ("ger", "de"), ("de-AT", "de"),
    ("pt-BR", "pt"), ("ara", "ar"), ("jpn", "ja"),
])
def test_resolve(code, expected):
    assert lang.resolve(code) == expected


@pytest.mark.parametrize(("code", "hint"), [
    ("english", "did you mean 'en'?"),
    ("French", "did you mean 'fr'?"),
    ("germn", "did you mean 'de'?"),
    ("zz", "ISO 639-1"),
    ("", "ISO 639-1"),
    ("xyz", "ISO 639-1"),
])
def test_unknown(code, hint):
    with pytest.raises(ConfigError, match="unknown language code") as err:
        lang.resolve(code)
    assert hint in str(err.value)


@pytest.mark.parametrize(("code", "expected"), [
    ("cmn_Hant", "zh"), ("zho_Hans", "zh"), ("eng", "en"), ("fra", "fr"), ("zh-CN", "zh"), ("EN", "en"),
    ("xyz", "xyz"),  # unknown: kept as written, never an error here
])
def test_base_code(code, expected):
    assert lang.base_code(code) == expected


def test_three_letter_codes_reach_the_modules():
    from termcheck.lang import scripts

    assert scripts.script_of("cmn_Hant") == scripts.HAN and lang.module("fra").name == "French"


@pytest.mark.parametrize(("code", "expected"), [
    ("zh", "zh"), ("zh-CN", "zh"), ("zh_Hans", "zh"), ("ZH", "zh"), ("cmn", "zh"), ("cmn_Hans", "zh"),
    ("zho", "zh"), ("yue", "zh"), ("en-US", "en"), ("eng", "en"), ("fra", "fr"), ("deu", "de"),
    ("xx-YY", "xx"), ("", ""),
])
def test_base_code_regions_and_scripts(code, expected):
    assert base_code(code) == expected


def test_three_letter_codes_know_their_script():
    assert scripts.script_of("cmn") == scripts.HAN and scripts.script_of("rus") == "Cyrillic"


def test_chinese_target_under_a_three_letter_code_is_chinese():
    seg = Segment("1", "La remarque que tu as faite à la fête était totalement déplacée, vraiment.",
                  "你在聚会上的评论是完全不适当的，真的。", source_lang="fra", target_lang="cmn")
    rep = check([seg], glossary=Glossary([]), config=build(select=("accuracy.language",), source_lang="fra",
                                                               target_lang="cmn"))
    assert rep.findings == ()
