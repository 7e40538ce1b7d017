"""JUnit XML: parses with a standard JUnit reader; one case per document and check; fails with the gate."""

from __future__ import annotations

from dataclasses import replace

import pytest
from junitparser import Failure, JUnitXml
from reportdata import CHECKS, HOSTILE, sample

from termcheck.cli import main
from termcheck.model import Severity
from termcheck.report import renderer
from termcheck.report.model import GateResult


def _parse(report, tmp_path) -> JUnitXml:
    path = tmp_path / "junit.xml"
    path.write_bytes(renderer("junit")(report))
    return JUnitXml.fromfile(str(path))


def _cases(xml: JUnitXml) -> dict[tuple[str, str, str], object]:
    return {(suite.name, case.classname, case.name): case for suite in xml for case in suite}


def test_one_case_per_document_and_check(tmp_path):
    xml = _parse(sample(), tmp_path)
    cases = _cases(xml)
    docs = ["a.en.txt", "b.en.txt"]
    expected = {(d, d, c["id"]) for d in docs for c in CHECKS} | {("termcheck.gate", "termcheck", "gate")}
    assert set(cases) == expected
    assert [s.name for s in xml] == [*docs, "termcheck.gate"]


def test_failures_follow_the_gate_threshold(tmp_path):
    cases = _cases(_parse(sample(), tmp_path))
    failing = {k[1:] for k, c in cases.items() if any(isinstance(r, Failure) for r in c.result)}
    # major+ findings fail their case; the minor artifact and the info finding do not
    assert failing == {("a.en.txt", "terminology.forbidden"), ("b.en.txt", "terminology.forbidden"),
                       ("termcheck", "gate")}
    a_forbidden = cases[("a.en.txt", "a.en.txt", "terminology.forbidden")]
    failure = a_forbidden.result[0]
    assert failure.type == "critical" and "2 findings" in failure.message
    assert "segment 1 (a.en.txt:1)" in failure.text and "segment 2 (a.en.txt:2)" in failure.text
    assert "→ de-risking" in failure.text
    minor = cases[("a.en.txt", "a.en.txt", "fluency.artifact")]
    assert not minor.result and "overlaps the term" in minor.system_out


@pytest.mark.parametrize(("fail_on", "failed_cases"), [("critical", 1), ("info", 4), ("never", 0)])
def test_failure_count_matches_the_exit_code(tmp_path, fail_on, failed_cases):
    report = sample(passed=fail_on == "never", fail_on=fail_on)
    xml = _parse(report, tmp_path)
    doc_failures = sum(int(s.failures) for s in xml if s.name != "termcheck.gate")
    assert doc_failures == failed_cases
    assert (int(xml.failures) > 0) is (not report.gate.passed)


def test_gate_case_carries_the_reasons_and_policy(tmp_path):
    report = replace(sample(), gate=GateResult(False, ("The chrF is 40, below the floor of 50 (--min-chrf).",),
                                               {"fail_on": "never", "min_chrf": 50.0}))
    xml = _parse(report, tmp_path)
    gate = next(s for s in xml if s.name == "termcheck.gate")
    case = next(iter(gate))
    assert "below the floor of 50" in case.result[0].message
    props = {p.name: p.value for p in gate.properties()}
    assert props["min_chrf"] == "50.0" and props["signature"].startswith("termcheck:")
    assert sum(int(s.failures) for s in xml if s.name != "termcheck.gate") == 0  # fail_on never


def test_hostile_and_control_characters_stay_text(tmp_path):
    report = sample()
    bad = replace(report.findings[-1], message="bell\x07 and form feed\x0c <tag> & ]]>")
    xml = _parse(replace(report, findings=(*report.findings[:-1], bad)), tmp_path)
    text = "".join((c.result[0].text if c.result else "") + (c.system_out or "") for s in xml for c in s)
    assert HOSTILE[HOSTILE.index("<script>"):][:17] in text
    assert "bell\ufffd and form feed\ufffd <tag> & ]]>" in text


def test_seed_run_parses(tmp_path, seed, mini_glossary):
    out = tmp_path / "seed.xml"
    assert main(["check", "-q", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target",
                 str(seed["mt"]), "--format", "junit", "-o", str(out)]) == 1
    xml = JUnitXml.fromfile(str(out))
    cases = _cases(xml)
    forbidden = cases[("readout-2024-02-16.mt.lines.en.txt", "readout-2024-02-16.mt.lines.en.txt",
                       "terminology.forbidden")]
    assert "Conference of Munich on security" in forbidden.result[0].text
    assert int(xml.failures) >= 2


def test_deterministic_bytes():
    assert renderer("junit")(sample()) == renderer("junit")(sample())
    assert Severity.parse(sample().gate.policy["fail_on"]) is Severity.MAJOR
