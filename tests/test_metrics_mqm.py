"""The MQM-style score: penalty points by severity per target word, against hand-computed cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck import check
from termcheck.checks.base import Batch, CheckContext
from termcheck.config import Config
from termcheck.errors import ConfigError
from termcheck.glossary.model import Glossary
from termcheck.metrics import MetricContext
from termcheck.metrics.mqm import MqmMetric, parse_weights, word_count
from termcheck.model import Finding, Segment, Severity

GLOSSARY = Path(__file__).parent / "data" / "metrics-glossary.csv"

WORDS = [
    ("The two sides met.", 4),
    ("De-risking isn't decoupling.", 3),
    ("China-US trade grew 2.3 percent, to 1,234 items.", 8),
    ("中美关系", 4),
    ("", 0),
    ("  — ! ", 0),
]


@pytest.mark.parametrize(("text", "n"), WORDS)
def test_word_count(text: str, n: int) -> None:
    assert word_count(text) == n


def context(options: dict) -> MetricContext:
    return MetricContext(CheckContext("zh", "en", Glossary(())), options)


def metric(weights: object = None) -> MqmMetric:
    options = {"mqm": {"weights": weights}} if weights is not None else {}
    return MqmMetric(context(options))


def finding(index: int, severity: Severity) -> Finding:
    return Finding("x.y", "accuracy/x", severity, str(index + 1), "m", index=index, doc="d")


# (case, words per segment, findings as (segment index, severity), weights, penalty, per 1000 words, score)
CASES = [
    ("no findings", [50, 50], [], None, 0, 0.0, 100.0),
    ("one major and two minors in 200 words", [100, 100],
     [(0, Severity.MAJOR), (1, Severity.MINOR), (1, Severity.MINOR)], None, 7, 35.0, 96.5),
    ("info costs nothing by default", [10], [(0, Severity.INFO)], None, 0, 0.0, 100.0),
    ("critical in a short text goes below zero", [20], [(0, Severity.CRITICAL)], None, 25, 1250.0, -25.0),
    ("custom weights", [100, 100], [(0, Severity.MAJOR), (1, Severity.MINOR), (1, Severity.MINOR)],
     "major=10,minor=0.5", 11, 55.0, 94.5),
    ("weights as a mapping (config file)", [40], [(0, Severity.MAJOR)], {"major": 2}, 2, 50.0, 95.0),
]


@pytest.mark.parametrize(("case", "words", "found", "weights", "penalty", "per_1000", "score"), CASES,
                         ids=[c[0] for c in CASES])
def test_score(case: str, words: list[int], found: list, weights: object, penalty: float, per_1000: float,
               score: float) -> None:
    m = metric(weights)
    segs = [Segment(str(i + 1), None, " ".join(["word"] * n), i, "d") for i, n in enumerate(words)]
    m.observe(Batch(segs, ()))
    mqm = m.result([finding(i, s) for i, s in found])["mqm"]
    assert (mqm["penalty"], mqm["words"]) == (penalty, sum(words))
    assert mqm["penalty_per_1000_words"] == per_1000
    assert mqm["score"] == score


def test_no_words_no_score() -> None:
    m = metric()
    m.observe(Batch([Segment("1", "中文", "", 0, "d")], ()))
    mqm = m.result([])["mqm"]
    assert mqm["score"] is None and mqm["penalty_per_1000_words"] is None


def test_signature_holds_formula_and_weights() -> None:
    m = metric("critical=30")
    m.observe(Batch([Segment("1", None, "a b", 0, "d")], ()))
    mqm = m.result([])["mqm"]
    assert mqm["weights"] == {"info": 0, "minor": 1, "major": 5, "critical": 30}
    assert "critical=30" in mqm["signature"] and "score:100*(1-penalty/words)" in mqm["signature"]
    assert "per:1000-words" in mqm["signature"]


@pytest.mark.parametrize("spec", ["major", "major=x", "fatal=3", "minor=-1", "minor=nan"])
def test_bad_weights_are_config_errors(spec: str) -> None:
    with pytest.raises(ConfigError):
        parse_weights(spec)


def test_unknown_mqm_option_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown MQM option"):
        MqmMetric(context({"mqm": {"weight": {}}}))


def test_penalties_come_from_the_run_findings() -> None:
    # only the forbidden-rendering check: a major (5) and a critical (25) rendering in 11 words
    segs = [Segment("1", "中美关系很重要。", "Sino-American relations matter.", 0, "d"),
            Segment("2", "我们反对台独。", "We oppose the independence of Taiwan.", 1, "d"),
            Segment("3", "维护核心利益。", "Defend core interests.", 2, "d")]
    report = check(segs, glossary=[GLOSSARY], config=Config(select=("terminology.forbidden",)))
    assert sorted(str(f.severity) for f in report.findings) == ["critical", "major"]
    mqm = report.metrics["mqm"]
    assert (mqm["penalty"], mqm["words"]) == (30, 3 + 6 + 3)
    assert mqm["score"] == 100 * (1 - 30 / 12) == -150.0
    assert report.metrics["per_segment"]["penalty"] == [5, 25, 0]
