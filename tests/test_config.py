"""Configuration files: termcheck.toml and [tool.termcheck], validation with "did you mean", CLI precedence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termcheck import cli
from termcheck.cli.common import load_settings as load
from termcheck.config import build, discover
from termcheck.errors import ConfigError
from termcheck.model import Severity


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_file(tmp_path: Path) -> None:
    path = write(tmp_path, "termcheck.toml", """
select = ["accuracy", "fluency"]
ignore = "fluency.punctuation"
fail-on = "minor"
glossary = ["terms/our.csv"]
min-chrf = 40

[severity]
fluency = "minor"
"fluency.artifact" = "critical"

[checks.accuracy.number]
missing_severity = "info"

[checks."accuracy.omission"]
z = 5
severity = "major"

[mqm]
weights = {major = 10}
""")
    s = load(path)
    assert s.values["select"] == ("accuracy", "fluency")
    assert s.values["ignore"] == ("fluency.punctuation",)
    assert s.values["fail_on"] == "minor"
    assert s.values["glossary"] == [tmp_path / "terms" / "our.csv"]  # relative to the file
    assert s.values["min_chrf"] == 40
    # the longest prefix wins; a check's own table wins over [severity]
    assert s.severity["fluency.artifact"] == Severity.CRITICAL
    assert s.severity["fluency.punctuation"] == Severity.MINOR
    assert s.severity["accuracy.omission"] == Severity.MAJOR
    assert s.options["accuracy.number"] == {"missing_severity": "info"}
    assert s.options["accuracy.omission"] == {"z": 5.0}
    assert s.options["mqm"] == {"weights": {"major": 10}}
    cfg = build(s)
    assert cfg.select == ("accuracy", "fluency") and cfg.fail_on == Severity.MINOR


@pytest.mark.parametrize(("text", "message", "line"), [
    ("selct = ['accuracy']\n", "unknown key 'selct' (did you mean 'select'?)", 1),
    ("fail_on = 'major'\nfailon = 'minor'\n", "unknown key 'failon' (did you mean 'fail-on'?)", 2),
    ("select = ['acuracy']\n", "no check matches 'acuracy'", 1),
    ("fail-on = 'severe'\n", "unknown severity 'severe'", 1),
    ("[severity]\nfluency = 'high'\n", "unknown severity 'high'", 2),
    ("[severity]\nfluncy = 'minor'\n", "no check matches 'fluncy' (did you mean", 2),
    ("[checks.accuracy.numbr]\nmissing_severity = 'info'\n", "unknown check 'accuracy.numbr' (did you mean "
     "'accuracy.number'?)", 1),
    ("[checks.accuracy.number]\nmissing_severty = 'info'\n", "unknown option (did you mean 'missing_severity'?)", 2),
    ("[checks.accuracy.omission]\nz = 'high'\n", "must be a number (default: 4.5), not 'high'", 2),
    ("[checks.fluency.punctuation]\nwide = 1\n", "must be a bool", 2),
    ("batch-size = 2.5\n", "must be an integer", 1),
    ("format = 'pdf'\n", "unknown format 'pdf'", 1),
    ("[mqm]\nweight = 1\n", "unknown key (did you mean 'weights'?)", 2),
    ("select = ['fluency'\n", "not valid TOML", None),
])
def test_errors_name_file_line_and_a_near_key(tmp_path: Path, text: str, message: str, line: int | None) -> None:
    path = write(tmp_path, "termcheck.toml", text)
    with pytest.raises(ConfigError) as e:
        load(path)
    assert message in str(e.value)
    assert e.value.file == str(path)
    if line is not None:
        assert e.value.line == line


def test_pyproject_table(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n\n[tool.termcheck]\nselect = ['fluency']\n")
    assert discover(tmp_path) == tmp_path / "pyproject.toml"
    assert load(tmp_path / "pyproject.toml").values["select"] == ("fluency",)
    write(tmp_path, "pyproject.toml", "[tool.termcheck]\nselcet = ['fluency']\n")
    with pytest.raises(ConfigError, match=r"unknown key 'tool.termcheck.selcet' \(did you mean 'select'\?\)"):
        load(tmp_path / "pyproject.toml")


def test_discovery(tmp_path: Path) -> None:
    assert discover(tmp_path) is None
    write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n")
    assert discover(tmp_path) is None  # a pyproject without [tool.termcheck] is not a configuration
    with pytest.raises(ConfigError, match=r"has no \[tool\.termcheck\] table"):
        load(tmp_path / "pyproject.toml")
    write(tmp_path, "termcheck.toml", "select = ['fluency']\n")
    assert discover(tmp_path) == tmp_path / "termcheck.toml"  # termcheck.toml comes first


def _run(tmp_path: Path, *args: str) -> tuple[int, dict | None]:
    out = tmp_path / "report.json"
    out.unlink(missing_ok=True)
    target = write(tmp_path, "mt.en.txt", "They reached important common points. understandings.\n"
                   "The two sides met ， and talked.\n")
    code = cli.main(["check", "--target", str(target), "--format", "json", "--output", str(out), "--quiet", *args])
    return code, json.loads(out.read_text(encoding="utf-8")) if out.exists() else None


def test_cli_reads_the_file_in_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, rep = _run(tmp_path)
    assert code == 1 and rep["summary"]["by_check"]["fluency.artifact"] == 1
    write(tmp_path, "termcheck.toml", "select = ['fluency']\n[severity]\n'fluency.artifact' = 'minor'\n")
    code, rep = _run(tmp_path)
    assert code == 0  # the artifact is now minor, under the default gate
    assert set(rep["summary"]["by_check"]) == {"fluency.artifact", "fluency.punctuation"}
    assert rep["signature"]["checks"] == ["fluency.artifact", "fluency.punctuation"]


def test_cli_flags_override_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "termcheck.toml", "select = ['fluency']\nfail-on = 'minor'\nignore = ['fluency.artifact']\n")
    code, rep = _run(tmp_path)
    assert code == 1 and set(rep["summary"]["by_check"]) == {"fluency.punctuation"}
    code, rep = _run(tmp_path, "--fail-on", "never")
    assert code == 0
    code, rep = _run(tmp_path, "--select", "fluency.artifact", "--ignore", "fluency.punctuation")
    assert rep["findings"] == []  # --select replaces the file's list, --ignore adds to it
    code, rep = _run(tmp_path, "--no-config")
    assert code == 1 and set(rep["summary"]["by_check"]) >= {"fluency.artifact", "fluency.punctuation"}


def test_cli_config_option_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conf = write(tmp_path, "team.toml", "select = ['fluency.punctuation']\n")
    code, rep = _run(tmp_path, "--config", str(conf))
    assert code == 0 and set(rep["summary"]["by_check"]) == {"fluency.punctuation"}
    bad = write(tmp_path, "bad.toml", "select = ['fluency']\n\n[checks.fluency.artifact]\ndetector = []\n")
    code, rep = _run(tmp_path, "--config", str(bad))
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and rep is None and len(err) == 1
    assert err[0].startswith(f"termcheck: error: {bad}:4: checks.fluency.artifact.detector: unknown option")
    code, _ = _run(tmp_path, "--config", str(tmp_path / "missing.toml"))
    assert code == 2 and "configuration file not found" in capsys.readouterr().err
