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


_NUM_PATH = _PATH.parent / "mqm_numbers.py"
_nspec = importlib.util.spec_from_file_location("mqm_numbers", _NUM_PATH)
mqm_numbers = importlib.util.module_from_spec(_nspec)
_nspec.loader.exec_module(mqm_numbers)


def _error(category, source, target, tspan=None, sspan=None):
    """An Error whose marked span is the text between the brackets of `target` (or of `source`)."""
    def cut(text, mark):
        if mark is None:
            return text, ""
        a = text.index(mark)
        return text, text[a:a + len(mark)]
    _, ttext = cut(target, tspan)
    _, stext = cut(source, sspan)
    return mqm_dev.Error("r", category, "Major", None, ttext, stext, target, source)


@pytest.mark.parametrize(("category", "source", "target", "tspan", "sspan", "new", "old"), [
    # a number stated alike on both sides: a wording error, not a number error
    ("Accuracy/Mistranslation", "坚持三个代表。", "Uphold the three represents.", "three represents", None, False, True),
    ("Accuracy/Mistranslation", "第十二届运动会开幕。", "The 12th Games of Sport opened.", "12th Games", None, False, True),
    ("Accuracy/Mistranslation", "他说了三次。", "He said it twice.", "twice", None, True, True),
    # a changed value, a changed scale, a changed month, a number made vague
    ("Accuracy/Mistranslation", "投资五十亿元。", "It invested 50 million yuan.", "50 million", None, True, True),
    ("Accuracy/Mistranslation", "会议于3月4日举行。", "It met on April 3.", "April 3", None, True, True),
    ("Accuracy/Mistranslation", "市值蒸发千亿美元。", "Its value fell by hundreds of billions of dollars.",
     "hundreds of billions", None, True, True),
    # a currency changed with the amount right
    ("Accuracy/Mistranslation", "罚款两千元。", "A fine of 2,000 dollars.", "dollars", None, True, False),
    # a dropped number: the source span holds a value the target does not state (as often)
    ("Accuracy/Omission", "本报5日电 5日，展览开幕。", "The exhibition opened on the 5th.", None, "本报5日电", True, True),
    ("Accuracy/Omission", "共有七个国家参加。", "Countries took part.", None, "七个国家", True, True),
    # a span with no number at all, and categories that are no accuracy error
    ("Accuracy/Mistranslation", "他很高兴。", "He was sad.", "sad", None, False, False),
    ("Fluency/Grammar", "投资五十亿元。", "It invest 5 billion yuan.", "invest", None, False, False),
    ("Locale convention/Date format", "3日", "the 3rd", "the 3rd", None, True, True),
    ("Locale convention/Currency format", "300元", "300 RMB", "300 RMB", None, True, True),
])
def test_number_error_class(category, source, target, tspan, sspan, new, old):
    e = _error(category, source, target, tspan, sspan)
    assert (mqm_dev._is_number(e), mqm_dev._is_number_old(e)) == (new, old)


@pytest.mark.parametrize(("text", "keys"), [
    ("two hundred and five", {("n", 205.0): 1}),
    ("3.5 million and 4 to 6 million", {("n", 3.5e6): 1, ("n", 4e6): 1, ("n", 6e6): 1}),
    ("on March 3, one day, at first", {("month", 3): 1, ("n", 3.0): 1}),
    ("the march of the Ma Jun team", {}),
    ("tens of thousands of dollars", {("vague",): 2, ("cur", "dollar"): 1}),
])
def test_benchmark_english_reader(text, keys):
    assert dict(mqm_numbers.en_keys(text)) == keys


@pytest.mark.parametrize(("text", "keys"), [
    ("三亿五千万元", {("n", 3.5e8): 1, ("cur", "cny"): 1}),
    ("二〇二三年3月5日", {("n", 2023.0): 1, ("month", 3.0): 1, ("n", 5.0): 1}),
    ("十分重要，一个人", {}),
    ("数百名", {("vague",): 1}),
])
def test_benchmark_chinese_reader(text, keys):
    assert dict(mqm_numbers.zh_keys(text)) == keys


def test_benchmark_reader_reads_yuan_only_after_a_number():
    assert dict(mqm_numbers.zh_keys("同一单元，元旦")) == {}
    assert dict(mqm_numbers.zh_keys("五百元")) == {("n", 500.0): 1, ("cur", "cny"): 1}
