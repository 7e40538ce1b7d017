"""Segments, findings and term analyses cross processes and wait on disk: they come back equal, every field."""

from __future__ import annotations

import copy
import pickle

import pytest

from termcheck.glossary.analysis import SegmentTerms, TermUse
from termcheck.glossary.match import Hit
from termcheck.glossary.nearmiss import NearMiss
from termcheck.model import Finding, Fix, InlineTag, Origin, Segment, Severity
from termcheck.repetitions import Analysed

ORIGIN = Origin("a.xlf", 3, "u7", 12)
SEGMENT = Segment("u7", "去风险", "de-risking", 4, "doc", "de-risking", ORIGIN, Origin("b.xlf", 9), "zh", "en",
                  (InlineTag("target", 2, "ph", "1", "<b/>"),), "1-1")
FINDING = Finding("terminology.wrong", "terminology/wrong", Severity.MAJOR, "u7", "wrong", 4, "doc", (0, 3), (0, 10),
                  "去风险", "de-risking", "de-risking", "去风险", 0.5, ORIGIN, "abc", Fix((0, 10), "de-risking", False, "n"))
TERMS = SegmentTerms((TermUse(1, (0, 3), 1, (Hit(1, 2, 0, 10),), ()),), (Hit(3, 0, 1, 2),), (Hit(4, 1, 0, 1),))


@pytest.mark.parametrize("value", [ORIGIN, SEGMENT, FINDING, TERMS, NearMiss(0, 3, "de-risking", 0.9),
                                   Analysed(TERMS, ((1, NearMiss(0, 3, "x", 0.9)),), ((FINDING,),), (None, b"k"))])
def test_round_trips_through_pickle_and_copy(value: object) -> None:
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(value, protocol=protocol))
        assert back == value and type(back) is type(value)
    assert copy.copy(value) == value and copy.deepcopy(value) == value
