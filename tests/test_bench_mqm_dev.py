"""benchmarks/mqm_dev.py: reading MQM annotations, span overlap, correlations, per-check precision (synthetic data)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from termcheck.model import Finding, Severity

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "mqm_dev.py"
_spec = importlib.util.spec_from_file_location("mqm_dev", _PATH)
mqm_dev = importlib.util.module_from_spec(_spec)
sys.modules["mqm_dev"] = mqm_dev  # dataclasses look their module up
_spec.loader.exec_module(mqm_dev)

HEADER = "system\tdoc\tdocSegId\tglobalSegId\trater\tsource\ttarget\tcategory\tseverity\n"
ROWS = [
    ("A", "d", "1", "1", "r1", "他说了三次。", "He said it <v>twice</v>.", "Accuracy/Mistranslation", "Major"),
    ("A", "d", "1", "1", "r2", "他说了三次。", "He said it twice<v>.</v>", "Fluency/Punctuation", "Minor"),
    ("A", "d", "1", "1", "r3", "他说了三次。", "He said it twice.", "No-error", "No-error"),
    ("A", "d", "2", "2", "r1", "好。", "Good.", "No-error", "No-error"),
    ("A", "d", "2", "2", "r2", "好。", "Good.", "No-error", "No-error"),
    ("A", "d", "2", "2", "r3", "好。", "Good.", "Found", "HOTW-test"),
    ("A", "d", "2", "2", "r3", "好。", "Good.", "No-error", "No-error"),
]


@pytest.fixture
def items(tmp_path):
    path = tmp_path / "mqm.tsv"
    path.write_text(HEADER + "".join("\t".join(r) + "\n" for r in ROWS), encoding="utf-8")
    return mqm_dev.load(path)


def test_load(items):
    assert [(it.seg, it.target, len(it.raters), len(it.errors)) for it in items] == [
        (1, "He said it twice.", 3, 2), (2, "Good.", 3, 0)]
    assert [(e.target_span, e.target_text, mqm_dev._is_number(e)) for e in items[0].errors] == [
        ((11, 16), "twice", True), ((16, 17), ".", False)]
    assert items[0].mqm() == pytest.approx((5 + 0.1) / 3)
    assert items[1].mqm() == 0


@pytest.mark.parametrize(("a", "b", "expected"), [
    ((0, 5), (4, 8), True), ((0, 5), (5, 8), False), ((3, 3), (0, 5), True), ((9, 9), (0, 5), False),
])
def test_overlap(a, b, expected):
    assert mqm_dev._overlap(a, b) is expected


@pytest.mark.parametrize(("x", "y", "pearson", "kendall"), [
    ([1, 2, 3, 4], [2, 4, 6, 8], 1.0, 1.0),
    ([1, 2, 3, 4], [8, 6, 4, 2], -1.0, -1.0),
    ([1, 2, 3], [1, 3, 2], 0.5, 0.3333),
])
def test_correlations(x, y, pearson, kendall):
    assert mqm_dev.pearson(x, y) == pytest.approx(pearson)
    assert mqm_dev.kendall(x, y) == pytest.approx(kendall, abs=1e-4)


def test_measure(items):
    def finding(check, seg, sev, span):
        return Finding(check, "c", sev, str(seg), "m", target_span=span)

    found = {("A", 1): [finding("accuracy.number", 1, Severity.MAJOR, (11, 16))],
             ("A", 2): [finding("fluency.artifact", 2, Severity.MINOR, (0, 4))]}
    m = mqm_dev.measure(items, found)
    rows = {r["check"]: r for r in m["checks"]}
    assert rows["accuracy.number"]["precision_span_major"] == 1.0
    assert rows["accuracy.number"]["recall"]["number/date/currency"] == {"found": 1, "of": 1, "recall": 1.0}
    assert rows["fluency.artifact"]["precision_segment"] == 0.0
    assert rows["fluency.artifact"]["false_alarm_clean"] == 1.0
    assert m["overall"]["precision_segment_major"] == 1.0
    assert m["overall"]["false_alarm_clean_major"] == 0.0
