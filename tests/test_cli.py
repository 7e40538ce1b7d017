"""The command line as a user runs it: exit codes 0/1/2, one-line errors, reports written whole."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "termcheck", *args], capture_output=True, text=True, cwd=cwd)


def test_seed_fails_the_gate_and_reference_passes(seed: dict, mini_glossary: Path) -> None:
    bad = run("check", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target", str(seed["mt"]))
    assert bad.returncode == 1, bad.stderr
    assert "risk reduction" in bad.stdout and "de-risking" in bad.stdout
    good = run("check", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target", str(seed["ref"]))
    assert good.returncode == 0, good.stdout


def test_fail_on_threshold_changes_the_exit_code(seed: dict, mini_glossary: Path) -> None:
    base = ["check", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target", str(seed["mt"])]
    assert run(*base, "--fail-on", "critical").returncode == 1  # "independence of Taiwan" is critical
    assert run(*base, "--fail-on", "critical", "--ignore", "terminology.forbidden").returncode == 0
    assert run(*base, "--fail-on", "never").returncode == 0


def test_json_report_follows_the_contract(seed: dict, mini_glossary: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    p = run("check", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target", str(seed["mt"]),
            "--format", "json", "--output", str(out))
    assert p.returncode == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) >= {"version", "signature", "summary", "metrics", "findings"}
    f = next(f for f in data["findings"] if f["target_text"] == "risk reduction")
    assert f["check"] == "terminology.forbidden" and f["severity"] == "major" and f["segment"] == "10"
    line = seed["mt"].read_text(encoding="utf-8").splitlines()[9]
    assert line[f["target_span"][0]:f["target_span"][1]] == "risk reduction"
    assert f["suggestion"] == "de-risking" and f["source_text"] == "去风险"
    # same input, same bytes
    out2 = tmp_path / "r2.json"
    run("check", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target", str(seed["mt"]),
        "--format", "json", "--output", str(out2))
    assert out.read_bytes() == out2.read_bytes()


def test_select_and_ignore_by_prefix(seed: dict, mini_glossary: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    run("check", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target", str(seed["mt"]),
        "--select", "terminology", "--ignore", "terminology.inconsistent", "--format", "json", "-o", str(out))
    checks = {f["check"] for f in json.loads(out.read_text(encoding="utf-8"))["findings"]}
    assert checks == {"terminology.forbidden"}


def test_checks_lists_the_registry() -> None:
    p = run("checks")
    assert p.returncode == 0
    assert "terminology.forbidden" in p.stdout and "terminology/wrong-term" in p.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["check", "--target", "no/such/file.txt"], "no/such/file.txt"),
        (["check", "--bogus"], "unrecognized arguments"),
        (["check"], "nothing to check"),
        (["check", "--select", "nosuch.check", "--target", "{mt}"], "no check matches"),
        (["check", "--fail-on", "sometimes", "--target", "{mt}"], "unknown severity"),
        (["check", "--glossary", "{broken}", "--target", "{mt}"], "broken.csv:3"),
        (["check", "--source", "{zh}", "--target", "{mt}", "--reference", "{short}", "--no-align"], "short.txt"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], needle: str, seed: dict, tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text("id,zh,en\nok,中美,China-US\nbad,中美关系,\"unclosed,x\n", encoding="utf-8")
    broken.write_text("id,zh,en\nok,中美,China-US\nbad,中美关系,China-US relations,extra\n", encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text("only one line\n", encoding="utf-8")
    values = {"mt": str(seed["mt"]), "zh": str(seed["zh"]), "broken": str(broken), "short": str(short)}
    p = run(*[a.format(**values) for a in args])
    assert p.returncode == 2
    assert needle in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1
    assert "Traceback" not in p.stderr


def test_no_half_written_report_on_error(seed: dict, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    out.write_text("previous report", encoding="utf-8")
    p = run("check", "--target", "missing.txt", "--format", "json", "--output", str(out))
    assert p.returncode == 2
    assert out.read_text(encoding="utf-8") == "previous report"
    assert [x.name for x in tmp_path.iterdir()] == ["r.json"]
