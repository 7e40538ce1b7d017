"""The configuration schema is pure: every section is known up front, whatever was imported before."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from termcheck import config as configs
from termcheck import renames
from termcheck.checks.base import catalog
from termcheck.errors import ConfigError

EVERY_SECTION = """\
select = ["terminology", "accuracy", "fluency"]
ignore = ["fluency.punctuation"]
fail-on = "minor"
glossary = ["desk.csv"]
format = "json"
source-lang = "zh"
target-lang = "en"
min-term-success = 95
max-mqm-penalty = 20
min-chrf = 40
baseline = "termcheck-baseline.json"
batch-size = 500

[severity]
fluency = "minor"

[checks.accuracy.number]
missing_severity = "info"

[checks."accuracy.omission"]
z = 5.0

[mqm]
weights = { major = 10 }

[reference]
metrics = ["bleu", "chrf"]
"""


def test_every_documented_section_loads_in_a_fresh_interpreter(tmp_path: Path) -> None:
    path = tmp_path / "termcheck.toml"
    path.write_text(EVERY_SECTION, encoding="utf-8")
    code = ("import json, sys; from termcheck.config import load, build; s = load(sys.argv[1]); c = build(s); "
            "print(json.dumps({'values': sorted(s.values), 'options': sorted(c.options), "
            "'fail_on': str(c.fail_on), 'batch': c.batch_size, 'reference': c.options['reference'], "
            "'cli': 'termcheck.cli' in sys.modules}))")
    out = subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True)
    got = json.loads(out.stdout)
    assert got["options"] == ["accuracy.number", "accuracy.omission", "mqm", "reference"]
    assert got["reference"] == {"metrics": ["bleu", "chrf"]}
    assert got["fail_on"] == "minor" and got["batch"] == 500 and got["cli"] is False
    assert "baseline" in got["values"] and "glossary" in got["values"]


def test_with_the_catalog_unknown_checks_are_errors_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "termcheck.toml"
    path.write_text('select = ["terminology"]\n\n[checks."accuracy.numbr"]\nmissing_severity = "info"\n')
    with pytest.raises(ConfigError, match=r"termcheck.toml:3: .*unknown check 'accuracy.numbr' \(did you mean "
                                          r"'accuracy.number'\?\)"):
        configs.load(path, checks=catalog())


def test_without_the_catalog_the_run_rejects_unknown_checks(tmp_path: Path) -> None:
    from termcheck.api import check

    path = tmp_path / "termcheck.toml"
    path.write_text('[checks."accuracy.numbr"]\nmissing_severity = "info"\n')
    config = configs.build(configs.load(path))
    with pytest.raises(ConfigError, match=r"accuracy\.numbr.*did you mean 'accuracy\.number'"):
        check([], config=config)


def test_unknown_format_is_checked_against_the_formats_passed_in(tmp_path: Path) -> None:
    path = tmp_path / "termcheck.toml"
    path.write_text('format = "jsn"\n')
    assert configs.load(path).values["format"] == "jsn"  # no formats given: taken as written
    with pytest.raises(ConfigError, match=r"unknown format 'jsn' \(did you mean 'json'\?\)"):
        configs.load(path, formats=("json", "html"))


def test_build_is_the_one_way_to_a_config() -> None:
    c = configs.build(select=("terminology",), fail_on="never", target_lang="fr")
    assert (c.select, c.fail_on, c.source_lang, c.target_lang) == (("terminology",), None, "zh", "fr")
    assert configs.build().fail_on == configs.DEFAULT_FAIL_ON
    with pytest.raises(TypeError, match="unknown settings: colour"):
        configs.build(colour="red")


@pytest.fixture
def renamed(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(renames.REDIRECTS, "fluency.debris", "fluency.artifact")
    return "fluency.debris"


def test_a_renamed_check_id_in_a_file_keeps_working_with_a_note(tmp_path: Path, renamed: str) -> None:
    path = tmp_path / "termcheck.toml"
    path.write_text(f'select = ["{renamed}"]\n\n[checks."{renamed}"]\ndetectors = ["doubled-word"]\n\n[severity]\n"{renamed}" = "info"\n')
    s = configs.load(path, checks=catalog())
    assert s.values["select"] == ("fluency.artifact",)
    assert str(s.severity["fluency.artifact"]) == "info"
    assert s.options["fluency.artifact"] == {"detectors": ["doubled-word"]}
    assert s.notes == (f"{path}: check 'fluency.debris' is now called 'fluency.artifact': update the name "
                       "(the old one keeps working)",)


def test_a_renamed_check_id_on_the_command_line_selects_the_check(tmp_path: Path, renamed: str,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from termcheck.cli import main

    target = tmp_path / "t.en.txt"
    target.write_text("The the talks were candid.\n", encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["check", "--no-config", "--target", str(target), "--select", renamed, "--format", "json",
                 "-o", str(out), "--fail-on", "never"]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert {f["check"] for f in report["findings"]} == {"fluency.artifact"}
    assert "note: check 'fluency.debris' is now called 'fluency.artifact'" in capsys.readouterr().err


def test_a_baseline_written_before_a_rename_still_accepts_its_findings(tmp_path: Path, renamed: str) -> None:
    from dataclasses import replace

    from termcheck import baseline
    from termcheck.api import check
    from termcheck.model import Segment

    report = check([Segment("1", None, "The the talks were candid.", 0, "d")], config=configs.build(
        select=("fluency.artifact",)))
    assert report.findings
    old = baseline.loads(baseline.dumps([replace(f, check=renamed) for f in report.findings]))
    parts = baseline.split(report.findings, old)
    assert (len(parts.new), len(parts.known)) == (0, len(report.findings))
    assert old.notes and "now called 'fluency.artifact'" in old.notes[0]
