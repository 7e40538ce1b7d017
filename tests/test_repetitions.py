"""Repetitions: a content the run has analysed is not analysed again, and each repetition keeps its own identity."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from termcheck import repetitions, shortcuts
from termcheck.checks.numbers import NumberMismatch
from termcheck.config import build
from termcheck.glossary.load import load
from termcheck.model import InlineTag, Origin, Segment
from termcheck.runner import Run, Work

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "readout-2024-02-16"
WRONG = ("2024年2月16日，双方举行会谈。", "On 17 February 2024 the two sides held talks.")  # a number finding


def _segments(rows: list[tuple[str, str, str]]) -> list[Segment]:
    return [Segment(f"u{i}", s, t, i, doc, origin=Origin(f"{doc}.tmx", unit=f"u{i}"))
            for i, (doc, s, t) in enumerate(rows)]


def _analysed(segments: list[Segment], on: bool = True, batch_size: int = 2000) -> list:
    run = Run(load(None), build(batch_size=batch_size))
    with shortcuts.switched(on):
        return list(run.execute(segments).findings)


def test_a_repeated_segment_is_checked_once_and_reported_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    original = NumberMismatch.check_segment

    def counted(self, seg, batch, i):  # type: ignore[no-untyped-def]
        seen.append(seg.id)
        return original(self, seg, batch, i)

    monkeypatch.setattr(NumberMismatch, "check_segment", counted)
    other = ("双方进行了坦诚的沟通。", "The two sides had a candid exchange.")
    segs = _segments([("a", *WRONG), ("a", *other), ("b", *WRONG), ("c", *WRONG)])
    found = [f for f in _analysed(segs) if f.check == "accuracy.number"]
    assert seen == ["u0", "u1"]  # the repetitions in documents b and c were not checked again
    assert [(f.segment, f.index, f.doc, str(f.origin)) for f in found] == [
        ("u0", 0, "a", "a.tmx#u0"), ("u2", 2, "b", "b.tmx#u2"), ("u3", 3, "c", "c.tmx#u3")]
    assert len({(f.message, f.source_span, f.target_span, f.fix) for f in found}) == 1
    seen.clear()
    assert _analysed(segs, on=False) == found  # the long way checks every segment and finds the same
    assert seen == ["u0", "u1", "u2", "u3"]


def test_repetitions_are_remembered_across_batches_and_sent_with_the_work() -> None:
    run = Run(load(None), build(batch_size=1))
    first = _segments([("a", *WRONG)])
    later = [replace(first[0], id="v9", index=9, doc="z")]
    _, found, fresh = run.analyse(Work((), first))
    run.remember(fresh)
    assert len(run.repeats) == 1
    [work] = run.known([Work(tuple(first), later)])
    assert list(work.known) == [0]  # what the worker is sent: the analysis, not the work
    _, again, nothing = run.analyse(work)
    assert {(f.segment, f.index, f.doc) for f in again} == {("v9", 9, "z")}
    assert [f.message for f in again] == [f.message for f in found] and nothing == {}
    report = run.execute(first + later)  # a batch of one each: the second is the first's repetition
    assert [(f.segment, f.doc) for f in report.findings if f.check == "accuracy.number"] == [("u0", "a"), ("v9", "z")]


def test_a_worker_sends_back_only_what_the_run_lacks() -> None:
    """What travels back from a worker holds neither the batch's segments nor the analyses it was sent: the
    run makes the same result of it as analysing the batch where it is."""
    import pickle

    run = Run(load(None), build())
    other = ("双方进行了坦诚的沟通。", "The two sides had a candid exchange.")
    first = _segments([("a", *WRONG), ("a", *other), ("a", *WRONG)] * 3)
    done = run.done(Work((), first))
    assert sorted(done.values) == list(range(9))  # all new: the repetitions share their content's value
    assert len({id(done.values[i]) for i in range(9)}) == 2
    batch, _, fresh = run.result(Work((), first), done)
    assert [s.id for s in batch.segments] == [s.id for s in first] and len(fresh) == 2
    run.remember(fresh)
    later = [replace(s, id=f"v{s.index}", index=s.index + 100) for s in first]
    [work] = run.known([Work(tuple(first), later)])
    done = run.done(work)
    assert done.values == {}  # every content was sent with the work
    assert other[1].encode() not in pickle.dumps(done)  # and no segment travels back
    assert run.result(work, done)[1] == run.analyse(work)[1]
    assert [f.segment for f in run.result(work, done)[1] if f.check == "accuracy.number"] == ["v0", "v2", "v3",
                                                                                               "v5", "v6", "v8"]


@pytest.mark.parametrize("change", [
    {"target": "On 16 February 2024 the two sides held talks."},
    {"source_lang": "zh-TW"},
    {"reference": "On 16 February 2024 the two sides held talks."},
    {"reference": ""},  # an empty reference is not a missing one
    {"source": "2024年2月16日，双方举行会谈。On", "target": "17 February 2024 the two sides held talks."},
    {"tags": (InlineTag("target", 3, "ph", "1"),)},
    {"alignment": "2-1"},
])
def test_what_a_check_may_read_makes_another_content(change: dict) -> None:
    seg = _segments([("a", *WRONG)])[0]
    assert repetitions.content_key(replace(seg, **change)) != repetitions.content_key(seg)
    assert repetitions.content_key(replace(seg, id="x", index=5, doc="d", origin=None)) == \
        repetitions.content_key(seg)


def test_the_memo_keeps_the_most_recently_used_contents_only() -> None:
    memo = repetitions.Memo(limit=2)
    value = repetitions.analysed(repetitions._NO_TERMS, (), ((), ()))
    for key in (b"a", b"b"):
        memo.put(key, value)
    assert memo.get(b"a") is value  # now the most recent
    memo.put(b"c", value)
    assert (memo.get(b"a"), memo.get(b"b"), len(memo)) == (value, None, 2)
    assert repetitions.Memo(limit=0).get(b"a") is None


def test_a_run_with_a_small_memo_finds_what_the_long_way_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repetitions, "LIMIT", 3)  # contents evicted and analysed again
    zh = SEED.with_suffix(".zh.txt").read_text(encoding="utf-8").splitlines()
    en = Path(f"{SEED}.mt.lines.en.txt").read_text(encoding="utf-8").splitlines()
    rows = [(d, s, t) for d in "abc" for s, t in zip(zh, en, strict=True)]
    segs = _segments(rows + rows[::-1])
    fast = _analysed(segs, batch_size=5)
    assert len(fast) > 30
    assert fast == _analysed(segs, on=False, batch_size=5)


def test_a_long_segment_is_analysed_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph-long segment's analysis is not kept (memory stays bounded); it is checked again, and found
    the same, each time it comes."""
    monkeypatch.setattr(repetitions, "LONGEST", len(WRONG[0]) + len(WRONG[1]) - 1)
    run = Run(load(None), build(batch_size=1))
    segs = _segments([("a", *WRONG), ("b", *WRONG)])
    report = run.execute(segs)
    assert len(run.repeats) == 0
    assert [(f.segment, f.doc) for f in report.findings if f.check == "accuracy.number"] == [("u0", "a"), ("u1", "b")]


def test_a_corpus_checks_per_segment_part_is_prepared_once_per_content(monkeypatch: pytest.MonkeyPatch) -> None:
    """consistency.source prepares each segment's digests; a repetition gets its content's, and the
    inconsistency across the repetitions is reported as the long way reports it."""
    from termcheck.checks.consistency import SourceConsistency

    seen: list[str] = []
    original = SourceConsistency.prepare_segment

    def counted(self, seg):  # type: ignore[no-untyped-def]
        seen.append(seg.id)
        return original(self, seg)

    monkeypatch.setattr(SourceConsistency, "prepare_segment", counted)
    source = "双方同意继续就共同关心的国际和地区问题保持沟通。"
    one = "The two sides agreed to keep communicating on international and regional issues of common concern."
    two = "Both sides agreed to stay in touch on global and regional matters of shared interest."
    segs = _segments([("a", source, one), ("a", source, two), ("a", source, one), ("a", source, one)])
    found = _analysed(segs, batch_size=2)
    assert seen == ["u0", "u1"]  # u2 and u3 repeat u0's content, in the next batch
    flagged = [f for f in found if f.check == SourceConsistency.id]
    assert [f.segment for f in flagged] == ["u1"]  # the rarer rendering
    seen.clear()
    assert _analysed(segs, on=False, batch_size=2) == found
    assert seen == ["u0", "u1", "u2", "u3"]
