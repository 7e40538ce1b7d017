"""The gate: severity threshold, metric floors (and missing metrics), reasons, exit codes per format."""

from __future__ import annotations

import argparse
import json

import pytest

from termcheck import gate
from termcheck.cli import main
from termcheck.cli.common import policy_from_args
from termcheck.errors import ConfigError
from termcheck.model import Finding, Origin, Severity
from termcheck.report.model import Report, summarize


def _finding(sev: Severity, seg: str = "3", check: str = "terminology.forbidden", text: str = "risk reduction"):
    return Finding(check, "terminology/wrong-term", sev, seg, "wrong", int(seg), "doc.en.txt", None, (0, len(text)),
                   None, text, origin=Origin("doc.en.txt", int(seg)))


def _report(findings=(), metrics=None) -> Report:
    return Report("0", {"text": "sig"}, summarize(findings, 10, ["doc.en.txt"]), metrics or {}, tuple(findings))


METRICS = {"terms": {"success_rate": 80.0}, "mqm": {"penalty_per_1000_words": 12.5},
           "reference": {"chrf": {"score": 55.0}}}


@pytest.mark.parametrize(("severities", "fail_on", "passed"), [
    ([], Severity.MAJOR, True),
    ([Severity.MINOR, Severity.INFO], Severity.MAJOR, True),
    ([Severity.MINOR, Severity.MAJOR], Severity.MAJOR, False),
    ([Severity.CRITICAL], Severity.CRITICAL, False),
    ([Severity.MAJOR], Severity.CRITICAL, True),
    ([Severity.INFO], Severity.INFO, False),
    ([Severity.CRITICAL], None, True),  # --fail-on never
])
def test_severity_threshold(severities, fail_on, passed):
    rep = _report([_finding(s, str(i + 1)) for i, s in enumerate(severities)])
    result = gate.decide(rep, gate.Policy(fail_on=fail_on))
    assert result.passed is passed
    assert result.exit_code == (0 if passed else 1)
    assert bool(result.reasons) is not passed


@pytest.mark.parametrize(("policy", "passed", "phrase"), [
    ({"min_term_success": 80.0}, True, None),
    ({"min_term_success": 90.0}, False, "term success rate is 80%, below the floor of 90%"),
    ({"max_mqm_penalty": 12.5}, True, None),
    ({"max_mqm_penalty": 10.0}, False, "MQM penalty is 12.5 per 1,000 words, above the ceiling of 10"),
    ({"min_chrf": 50.0}, True, None),
    ({"min_chrf": 60.5}, False, "chrF is 55, below the floor of 60.5"),
])
def test_metric_floors(policy, passed, phrase):
    result = gate.decide(_report(metrics=METRICS), gate.Policy(fail_on=None, **policy))
    assert result.passed is passed
    if phrase:
        assert phrase in " ".join(result.reasons)
    assert result.policy == {"fail_on": "never", **policy}


@pytest.mark.parametrize(("policy", "metrics", "phrase"), [
    ({"min_chrf": 40.0}, {"terms": {"success_rate": 99.0}}, "--min-chrf 40 is set but the chrF is not available"),
    ({"min_chrf": 40.0}, {"reference": {"chrf": {"score": None}}}, "needs a reference translation"),
    ({"min_term_success": 90.0}, {}, "--min-term-success 90 is set but the term success rate is not available"),
    ({"max_mqm_penalty": 5.0}, {"mqm": {"score": 98.0}}, "--max-mqm-penalty 5 is set but the MQM penalty"),
])
def test_floor_on_a_missing_metric_fails_and_says_so(policy, metrics, phrase):
    result = gate.decide(_report(metrics=metrics), gate.Policy(fail_on=None, **policy))
    assert not result.passed
    assert phrase in " ".join(result.reasons)


def test_reasons_are_one_paragraph_naming_what_failed():
    findings = [_finding(Severity.MAJOR, "3"), _finding(Severity.CRITICAL, "9", text="independence of Taiwan"),
                _finding(Severity.MINOR, "5", "terminology.inconsistent"),
                _finding(Severity.MAJOR, "12", "terminology.missing", "x")]
    result = gate.decide(_report(findings, METRICS), gate.Policy(fail_on=Severity.MAJOR, min_term_success=95))
    text = " ".join(result.reasons)
    assert "3 findings of severity major or worse (worst: critical) in 3 segments" in text
    assert "terminology.forbidden ×2, terminology.missing" in text
    assert text.index("doc.en.txt:9 “independence of Taiwan”") < text.index("doc.en.txt:3")  # worst first
    assert "below the floor of 95%" in text
    assert "\n" not in text and all(r.endswith(".") for r in result.reasons)


def _args(**kw) -> argparse.Namespace:
    base = {"fail_on": "major", "min_term_success": None, "max_mqm_penalty": None, "min_chrf": None,
            "baseline": None}
    return argparse.Namespace(**{**base, **kw})


@pytest.mark.parametrize(("kw", "error"), [
    ({"fail_on": "severe"}, "--fail-on"),
    ({"min_term_success": 120.0}, "--min-term-success: 120.0 is not between 0 and 100"),
    ({"min_chrf": -1.0}, "--min-chrf"),
    ({"max_mqm_penalty": float("nan")}, "--max-mqm-penalty"),
])
def test_bad_policy_values_are_config_errors(kw, error):
    with pytest.raises(ConfigError, match=error):
        policy_from_args(_args(**kw))


def test_never_means_no_severity_rule():
    assert policy_from_args(_args(fail_on="never")).fail_on is None
    assert policy_from_args(_args(fail_on="Critical")).fail_on is Severity.CRITICAL


FORMATS = ["terminal", "json", "markdown", "html", "sarif", "junit", "csv", "parquet"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("extra", "code"), [
    ([], 1),                              # the seed has major findings
    (["--fail-on", "never"], 0),
    (["--fail-on", "bogus"], 2),
    (["--min-chrf", "10"], 1),            # no reference: the floor cannot be checked
])
def test_exit_codes_whatever_the_format(fmt, extra, code, seed, mini_glossary, tmp_path, capsys):
    from termcheck.report import FORMATS as known

    if fmt not in known:
        pytest.skip(f"format {fmt} not registered")
    out = tmp_path / f"report.{fmt}"
    args = ["check", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target", str(seed["mt"]),
            "--format", fmt, "-o", str(out), *extra]
    assert main(args) == code
    assert out.exists() is (code != 2)
    err = capsys.readouterr().err
    if code == 2:
        assert err.count("\n") == 1 and "--fail-on" in err


def test_quiet_prints_nothing_on_stderr(seed, mini_glossary, tmp_path, capsys):
    args = ["check", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target", str(seed["mt"]),
            "--format", "json", "-o", str(tmp_path / "r.json")]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("termcheck: wrote") and "gate FAILED" in err
    assert main([*args, "--quiet"]) == 1
    assert capsys.readouterr().err == ""
    gate_json = json.loads((tmp_path / "r.json").read_text())["summary"]["gate"]
    assert gate_json["passed"] is False and gate_json["fail_on"] == "major"
