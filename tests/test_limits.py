"""Bounded cost: the longest-match pass is O(n log n) and segments over MAX_SEGMENT_CHARS are reported once."""

from __future__ import annotations

import random
import time

import pytest

from termcheck.glossary.match import Hit, longest
from termcheck.model import Origin, Segment, Severity
from termcheck.text import MAX_SEGMENT_CHARS, OVERSIZED_CHECK, oversized


def brute_longest(hits: list[Hit], rank=lambda h: 0) -> list[Hit]:
    """The quadratic definition: longest first, a hit overlapping a kept different span is dropped."""
    ordered = sorted(hits, key=lambda h: (h.start - h.end, rank(h), h.start, h.entry, h.term))
    kept: list[Hit] = []
    for h in ordered:
        if any((k.entry, k.start, k.end) == (h.entry, h.start, h.end) for k in kept):
            continue
        if any(h.start < k.end and k.start < h.end and (h.start, h.end) != (k.start, k.end) for k in kept):
            continue
        kept.append(h)
    return sorted(kept, key=lambda h: (h.start, h.end, h.entry, h.term))


@pytest.mark.parametrize(
    ("hits", "expected"),
    [
        ([Hit(0, 0, 0, 4), Hit(1, 0, 2, 6)], [Hit(0, 0, 0, 4)]),  # same length: the earlier wins
        ([Hit(0, 0, 0, 2), Hit(1, 0, 0, 5)], [Hit(1, 0, 0, 5)]),  # longer wins
        ([Hit(0, 0, 1, 3), Hit(1, 0, 1, 3)], [Hit(0, 0, 1, 3), Hit(1, 0, 1, 3)]),  # same span: both stay
        ([Hit(0, 0, 1, 3), Hit(0, 1, 1, 3)], [Hit(0, 0, 1, 3)]),  # one entry, one span: the first term
        ([Hit(0, 0, 0, 2), Hit(1, 0, 2, 4)], [Hit(0, 0, 0, 2), Hit(1, 0, 2, 4)]),  # touching: both
        ([], []),
    ],
)
def test_longest_table(hits: list[Hit], expected: list[Hit]) -> None:
    assert longest(hits) == expected == brute_longest(hits)


def test_longest_agrees_with_the_quadratic_definition_on_random_hits() -> None:
    rng = random.Random(7)
    for _ in range(500):
        hits = []
        for _ in range(rng.randrange(30)):
            a = rng.randrange(40)
            hits.append(Hit(rng.randrange(5), rng.randrange(3), a, a + rng.randrange(1, 7)))
        rank = lambda h: h.entry % 2  # noqa: E731
        assert longest(hits) == brute_longest(hits)
        assert longest(hits, rank) == brute_longest(hits, rank)


def test_longest_is_not_quadratic() -> None:
    """48k repeats of a term (two overlapping hits each) took 28 s when quadratic: now well under a second."""
    n = 48_000
    hits = [Hit(0, 0, 3 * i, 3 * i + 2) for i in range(n)] + [Hit(1, 0, 3 * i + 1, 3 * i + 2) for i in range(n)]
    t0 = time.perf_counter()
    kept = longest(hits)
    assert len(kept) == n
    assert time.perf_counter() - t0 < 5


@pytest.mark.parametrize(
    ("source", "target", "reference", "side"),
    [
        ("中" * MAX_SEGMENT_CHARS, "x", None, None),
        ("中" * (MAX_SEGMENT_CHARS + 1), "x", None, "source"),
        ("中", "x" * (MAX_SEGMENT_CHARS + 5), None, "target"),
        (None, "x", "y" * (MAX_SEGMENT_CHARS + 1), "reference"),
        ("中" * (MAX_SEGMENT_CHARS + 1), "x" * (MAX_SEGMENT_CHARS + 9), None, "target"),  # the longest side named
    ],
)
def test_oversized_segment_is_one_finding(source: str | None, target: str, reference: str | None,
                                          side: str | None) -> None:
    seg = Segment("7", source, target, 3, "doc", reference, Origin("f.tsv", 9))
    f = oversized(seg)
    if side is None:
        assert f is None
        return
    assert f is not None
    assert (f.check, f.segment, f.index, f.doc, f.severity) == (OVERSIZED_CHECK, "7", 3, "doc", Severity.MAJOR)
    assert f.message.startswith(f"{side} text has ") and f.origin == Origin("f.tsv", 9)


def test_oversized_limit_is_a_parameter() -> None:
    assert oversized(Segment("1", "abc", "abcd"), limit=3) is not None
    assert oversized(Segment("1", "abc", "abc"), limit=3) is None


def test_the_pipeline_reports_an_oversized_segment_once_and_checks_the_rest() -> None:
    from termcheck.api import check

    long_target = "the the " * (MAX_SEGMENT_CHARS // 8 + 10)
    segs = [Segment("1", "中美关系十分重要。", long_target, 0, "d"),
            Segment("2", "中美关系十分重要。", "Sino-American relations are the the important.", 1, "d")]
    report = check(segs)
    on_first = [f.check for f in report.findings if f.segment == "1"]
    assert on_first == [OVERSIZED_CHECK]
    assert {f.check for f in report.findings if f.segment == "2"} >= {"terminology.forbidden", "fluency.artifact"}
    assert report.summary["segments"] == 2 and report.gate is not None and not report.gate.passed
