"""SARIF: valid against the official 2.1.0 schema, rules from the checks, lines and columns from the spans."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from reportdata import CHECKS, HOSTILE, sample

from termcheck.cli import main
from termcheck.fingerprint import fingerprint
from termcheck.report import renderer

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = Draft4Validator(SCHEMA, format_checker=Draft4Validator.FORMAT_CHECKER)


def _render(report) -> dict:
    data = renderer("sarif")(report)
    return json.loads(data)


def _errors(doc: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(doc)]


def test_schema_is_the_official_one():
    Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert len(SCHEMA["definitions"]) == 52


def test_schema_catches_a_broken_log():
    """The validation below can fail: a log with a bad level or no message is rejected."""
    doc = _render(sample())
    doc["runs"][0]["results"][0]["level"] = "fatal"
    del doc["runs"][0]["results"][1]["message"]
    assert len(_errors(doc)) >= 2


@pytest.mark.parametrize("report", [sample(), sample(passed=True), replace(sample(), findings=(), segments=())])
def test_valid_against_the_sarif_schema(report):
    assert _errors(_render(report)) == []


def test_seed_run_validates_and_points_at_the_english_file(tmp_path, seed, mini_glossary):
    out = tmp_path / "seed.sarif"
    code = main(["check", "-q", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target",
                 str(seed["mt"]), "--format", "sarif", "-o", str(out)])
    assert code == 1
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert _errors(doc) == []
    lines = seed["mt"].read_text(encoding="utf-8").splitlines()
    results = doc["runs"][0]["results"]
    assert results
    for r in results:
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"].endswith("readout-2024-02-16.mt.lines.en.txt")
        region = loc["region"]
        if "startColumn" in region:  # the columns cut exactly the flagged text out of that line
            line = lines[region["startLine"] - 1]
            assert line[region["startColumn"] - 1:region["endColumn"] - 1] == r["properties"]["target_text"]
    munich = next(r for r in results if r["properties"].get("target_text") == "Conference of Munich on security")
    assert munich["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert munich["level"] == "error"


def test_aligned_paragraph_findings_point_at_columns_inside_the_paragraph(tmp_path, seed, mini_glossary):
    """The seed as one paragraph: every flagged English span and its Chinese source get the line and
    the columns that cut exactly that text out of the file (sentences start mid-line)."""
    out = tmp_path / "para.sarif"
    main(["check", "-q", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target",
          str(seed["mt_paragraph"]), "--format", "sarif", "-o", str(out)])
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert _errors(doc) == []
    files = {p: p.read_text(encoding="utf-8").splitlines() for p in (seed["mt_paragraph"], seed["zh"])}
    cut = []
    for r in doc["runs"][0]["results"]:
        places = [(r["locations"][0], r["properties"].get("target_text"))]
        places += [(x, r["properties"].get("source_text")) for x in r.get("relatedLocations", [])]
        for loc, text in places:
            region = loc["physicalLocation"].get("region", {})
            if "startColumn" in region:
                path = next(p for p in files if loc["physicalLocation"]["artifactLocation"]["uri"].endswith(p.name))
                line = files[path][region["startLine"] - 1]
                assert line[region["startColumn"] - 1:region["endColumn"] - 1] == text
                cut.append((path.name, region["startColumn"]))
    assert any(name.endswith(".mt.en.txt") and col > 200 for name, col in cut)  # deep inside the paragraph
    assert any(name.endswith(".zh.txt") for name, _ in cut)


def test_rules_come_from_the_checks():
    doc = _render(sample())
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(c["id"] for c in CHECKS)
    forbidden = rules[[r["id"] for r in rules].index("terminology.forbidden")]
    assert forbidden["name"] == "TerminologyForbidden"
    assert forbidden["shortDescription"]["text"] == CHECKS[0]["title"]
    assert forbidden["defaultConfiguration"]["level"] == "error"
    assert forbidden["properties"]["category"] == "terminology/wrong-term"
    for r in doc["runs"][0]["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]


@pytest.mark.parametrize(("severity", "level"), [("critical", "error"), ("major", "error"), ("minor", "warning"),
                                                 ("info", "note")])
def test_severity_maps_to_level(severity, level):
    results = _render(sample())["runs"][0]["results"]
    assert {r["level"] for r in results if r["properties"]["severity"] == severity} == {level}


def test_columns_regions_related_source_and_fixes():
    report = sample()
    results = _render(report)["runs"][0]["results"]
    first = results[0]  # "risk reduction" in a.en.txt line 1
    region = first["locations"][0]["physicalLocation"]["region"]
    target = report.segments[0].target
    assert target[region["startColumn"] - 1:region["endColumn"] - 1] == "risk reduction"
    assert region["snippet"]["text"] == "risk reduction"
    related = first["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "a.zh.txt"
    assert related["region"]["startColumn"] == 4 and related["region"]["endColumn"] == 7
    fix = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "de-risking"
    source_only = next(r for r in results if r["ruleId"] == "terminology.missing")
    assert "startColumn" not in source_only["locations"][0]["physicalLocation"]["region"]
    assert "fixes" not in source_only


def test_fingerprints_match_the_baseline_fingerprints():
    report = sample()
    results = _render(report)["runs"][0]["results"]
    assert [r["partialFingerprints"]["termcheckFingerprint/v1"] for r in results] == [
        fingerprint(f) for f in report.findings]


def test_hostile_text_survives_as_data():
    results = _render(sample())["runs"][0]["results"]
    hostile = next(r for r in results if r["level"] == "error" and "<script>" in (r["properties"]["target_text"]))
    assert hostile["properties"]["target_text"] == HOSTILE[HOSTILE.index("<script>"):][:17]


def test_without_segments_there_are_lines_but_no_columns():
    results = _render(replace(sample(), segments=()))["runs"][0]["results"]
    assert all("startColumn" not in r["locations"][0]["physicalLocation"]["region"] for r in results)
    assert all("fixes" not in r for r in results)


@pytest.mark.parametrize(("path", "uri"), [
    ("corpora/a b.en.txt", "corpora/a%20b.en.txt"),
    ("/abs/译文.txt", "file:///abs/%E8%AF%91%E6%96%87.txt"),
    ("C:\\work\\a.txt", "file:///C:/work/a.txt"),
])
def test_uris(path, uri):
    from termcheck.report.sarif import uri as to_uri

    assert to_uri(path) == uri


def test_deterministic_bytes():
    assert renderer("sarif")(sample()) == renderer("sarif")(sample())
