"""consistency.source / consistency.target: one sentence two ways, one translation for two sentences."""

from __future__ import annotations

from termcheck.api import check
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.model import Segment

ZH1 = "请将本函及其附件作为安全理事会的文件分发为荷。"
ZH2 = "双方同意继续推进外交政策、亚太事务、海洋事务等领域的对话磋商。"
EN1 = "I should be grateful if you would have this letter and its annex circulated as a document of the Security Council."
EN1B = "I would appreciate it if the present letter and its annex could be circulated as a Security Council document."
EN2 = "The two sides agreed to continue dialogue and consultations on foreign policy, Asia-Pacific and maritime affairs."


def run(pairs, select=("consistency",), docs=None):
    segs = [Segment(str(i), zh, en, i, (docs or {}).get(i, "doc")) for i, (zh, en) in enumerate(pairs, 1)]
    rep = check(segs, glossary=Glossary([]), config=Config(select=select))
    return [(f.check, f.segment, f.suggestion) for f in rep.findings]


def test_same_source_translated_two_ways():
    assert run([(ZH1, EN1), (ZH2, EN2), (ZH1, EN1B), (ZH1 + " ", EN1.upper())]) == [
        ("consistency.source", "3", EN1)]  # case, spacing and final punctuation do not count


def test_same_translation_for_different_sources():
    assert run([(ZH1, EN1), (ZH2, EN1)]) == [("consistency.target", "2", ZH1)]


def test_quiet_cases():
    assert run([(ZH1, EN1), (ZH1, EN1), (ZH2, EN2)]) == []               # repeated consistently
    assert run([(ZH1, EN1), (ZH1, EN1B)], docs={2: "other"}) == []      # different documents
    assert run([("第六十九届会议", "Sixty-ninth session"), ("第六十九届会议", "69th session")]) == []  # too short
    assert run([(ZH1, EN1), (ZH1.replace("本函", "本信"), EN1)]) == []  # sources differ by a word
