"""consistency.source / consistency.target: one sentence two ways, one translation for two sentences."""

from __future__ import annotations

import pytest

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


def test_documents_are_judged_as_they_end_and_long_ones_in_a_window(monkeypatch: pytest.MonkeyPatch) -> None:
    from termcheck.checks import consistency
    from termcheck.config import Config
    from termcheck.glossary.csvfmt import parse
    from termcheck.glossary.model import Glossary
    from termcheck.model import Segment
    from termcheck.runner import Run

    g = Glossary(tuple(parse("id,zh,en\nx,某某某某,placeholder\n", "g.csv")))
    src = "双方同意继续推进各领域的对话与合作。"
    a, b = "The two sides agreed to keep advancing dialogue and cooperation in all fields.", \
        "Both sides agreed to continue dialogue and cooperation in various areas of work."
    filler = [f"第{i}段落的内容各不相同，所以不会重复出现在文件里面。" for i in range(6)]
    monkeypatch.setattr(consistency, "WINDOW", 3)
    segs = [Segment("1", src, a, 0, "d1"), Segment("2", src, b, 1, "d1"), Segment("3", src, a, 2, "d2")]
    segs += [Segment(str(4 + i), f, f"Paragraph {i} says something quite different from the others.", 3 + i, "d2")
             for i, f in enumerate(filler)]
    segs += [Segment("10", src, b, 9, "d2")]
    fs = Run(g, Config(select=("consistency.source",), batch_size=2)).execute(segs).findings
    # d1: two variants, one reported; d2: the first use fell out of the 3-sentence window
    assert [(f.doc, f.segment) for f in fs] == [("d1", "2")]


def test_a_recurring_sentence_stays_remembered_past_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window forgets the sentences least recently seen, not the oldest: one that keeps coming
    back is still compared however many other sentences come between its uses."""
    from termcheck.checks import consistency
    from termcheck.runner import Run

    monkeypatch.setattr(consistency, "WINDOW", 2)
    filler = [(f"第{i}段落的内容各不相同，所以不会重复出现在文件里面。", f"Paragraph {i} says something quite different "
               "from all of the others.") for i in range(6)]
    pairs = [(ZH1, EN1)]
    for f in filler:
        pairs += [f, (ZH1, EN1)]
    pairs += [(ZH1, EN1B)]
    segs = [Segment(str(i), zh, en, i, "doc") for i, (zh, en) in enumerate(pairs, 1)]
    fs = Run(Glossary([]), Config(select=("consistency.source",), batch_size=1)).execute(segs).findings
    assert [(f.segment, f.suggestion) for f in fs] == [(str(len(pairs)), EN1)]


def test_occurrences_before_a_second_rendering_are_counted_in_the_message() -> None:
    # three uses of one rendering, then five of another: the first rendering is the odd one out;
    # only its first use is listed (nothing was wrong yet when the others came), the message counts all
    pairs = [(ZH1, EN1B)] * 3 + [(ZH1, EN1)] * 5
    segs = [Segment(str(i), zh, en, i, "doc") for i, (zh, en) in enumerate(pairs, 1)]
    rep = check(segs, glossary=Glossary([]), config=Config(select=("consistency.source",)))
    assert [(f.segment, f.suggestion) for f in rep.findings] == [("1", EN1)]
    assert "(3 times in all; 1 listed)" in rep.findings[0].message
    assert "segment 4" in rep.findings[0].message
