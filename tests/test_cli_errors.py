"""What the command line does when something goes wrong: one line, the right exit code, no report left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from termcheck.cli import main

ZH = "中美关系十分重要。\n"
EN = "China-US relations are very important.\n"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    src, tgt = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    src.write_text(ZH, encoding="utf-8")
    tgt.write_text(EN, encoding="utf-8")
    return src, tgt


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["check", "--no-config", "-q", *args])
    err = capsys.readouterr().err.splitlines()
    return code, err


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("where", ["folder", "missing-folder", "under-a-file"])
def test_an_output_that_cannot_be_written_is_one_line_exit_2(where: str, pair: tuple[Path, Path], tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = {"folder": tmp_path, "missing-folder": tmp_path / "nope" / "r.json",
           "under-a-file": pair[1] / "r.json"}[where]
    code, err = run(capsys, "--source", str(pair[0]), "--target", str(pair[1]), "--format", "json", "-o", str(out))
    assert code == 2 and len(err) == 1 and str(out) in err[0] and "Traceback" not in err[0]
    assert not (tmp_path / "nope").exists()  # a folder is never created silently


@pytest.mark.skipif(os.geteuid() == 0 and not Path("/proc/version").exists(), reason="needs /proc")
def test_writing_into_proc_is_one_line(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, "--source", str(pair[0]), "--target", str(pair[1]), "-o", "/proc/termcheck.json")
    assert code == 2 and len(err) == 1 and "/proc/termcheck.json" in err[0]


@pytest.mark.parametrize("errno_name", ["EACCES", "EROFS", "ENOSPC"])
def test_a_folder_that_refuses_the_file(errno_name: str, pair: tuple[Path, Path], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Read-only folder, read-only file system, full disk (root ignores permissions here, so the OS is simulated)."""
    import errno
    import tempfile

    code_ = getattr(errno, errno_name)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code_, os.strerror(code_))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, err = run(capsys, "--source", str(pair[0]), "--target", str(pair[1]), "-o", str(tmp_path / "r.json"))
    assert code == 2 and len(err) == 1 and "r.json" in err[0] and os.strerror(code_) in err[0]


def test_an_interrupted_write_leaves_no_temp_file(pair: tuple[Path, Path], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from termcheck.report import json as json_report

    def killed(report: object, out: object) -> None:
        out.write(b"{\"version\":")  # type: ignore[attr-defined]
        raise KeyboardInterrupt  # what SIGTERM becomes

    monkeypatch.setattr(json_report, "write", killed)
    out = tmp_path / "out" / "r.json"
    out.parent.mkdir()
    code, err = run(capsys, "--source", str(pair[0]), "--target", str(pair[1]), "--format", "json", "-o", str(out))
    assert code == 130 and err == ["termcheck: interrupted"]
    assert not out.exists() and leftovers(out.parent) == []


def test_an_internal_error_exits_3_with_one_line_and_debug_shows_the_traceback(
        pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from termcheck.checks.untranslated import Untranslated

    def broken(self: object, *args: object) -> None:
        raise ZeroDivisionError("planted bug")

    monkeypatch.setattr(Untranslated, "check_segment", broken)
    code, err = run(capsys, "--source", str(pair[0]), "--target", str(pair[1]))
    assert code == 3 and len(err) == 1
    assert "internal error: ZeroDivisionError: planted bug" in err[0] and "--debug" in err[0]
    with pytest.raises(ZeroDivisionError):
        main(["check", "--no-config", "-q", "--debug", "--source", str(pair[0]), "--target", str(pair[1])])


def test_a_run_that_checked_nothing_is_an_error_unless_allowed(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.en.txt"
    empty.write_text("\n\n", encoding="utf-8")
    out = tmp_path / "r.json"
    code, err = run(capsys, "--target", str(empty), "--format", "json", "-o", str(out))
    assert code == 2 and len(err) == 1 and str(empty) in err[0] and "nothing to check" in err[0]
    assert not out.exists()
    code, err = run(capsys, "--target", str(empty), "--format", "json", "-o", str(out), "--allow-empty")
    assert code == 0 and out.exists()


def test_the_gate_itself_fails_a_run_that_checked_nothing() -> None:
    from termcheck.api import check
    from termcheck.config import build

    report = check([], config=build(fail_on="never"))
    assert report.gate is not None and not report.gate.passed and report.gate.exit_code == 2
    assert "Nothing was checked" in report.gate.reasons[0]


@pytest.mark.parametrize(("toml", "message"), [
    ("batch-size = 0\n", "batch-size must be a finite number of at least 1"),
    ("batch-size = -5\n", "batch-size must be a finite number of at least 1"),
    ("min-term-success = nan\n", "min-term-success must be a finite number"),
    ('[checks."accuracy.omission"]\nz = -1.0\n', "z must be a finite number of at least 0"),
    ('[checks."accuracy.omission"]\nz = inf\n', "z must be a finite number of at least 0"),
])
def test_impossible_values_in_a_configuration(toml: str, message: str, pair: tuple[Path, Path], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    conf = tmp_path / "termcheck.toml"
    conf.write_text(toml, encoding="utf-8")
    code = main(["check", "-q", "--config", str(conf), "--source", str(pair[0]), "--target", str(pair[1])])
    err = capsys.readouterr().err.splitlines()
    assert code == 2 and len(err) == 1 and f"{conf}:" in err[0] and message in err[0]


@pytest.mark.parametrize(("flag", "code", "hint"), [
    ("--target-lang", "english", "did you mean 'en'?"),
    ("--source-lang", "chinese", "did you mean 'zh'?"),
    ("--target-lang", "zz", "ISO 639-1"),
])
def test_unknown_language_codes_are_refused_with_a_hint(flag: str, code: str, hint: str, pair: tuple[Path, Path],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    code_, err = run(capsys, "--source", str(pair[0]), "--target", str(pair[1]), flag, code)
    assert code_ == 2 and len(err) == 1 and flag in err[0] and hint in err[0]


def test_iso_639_3_and_bcp_47_codes_are_read(pair: tuple[Path, Path], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.json"
    code, _ = run(capsys, "--source", str(pair[0]), "--target", str(pair[1]), "--source-lang", "zho",
                  "--target-lang", "en-GB", "--format", "json", "-o", str(out), "--fail-on", "never")
    assert code == 0 and '"pair": "zh-en"' in out.read_text(encoding="utf-8")


def test_an_unknown_language_in_a_configuration_names_file_and_line(pair: tuple[Path, Path], tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    conf = tmp_path / "termcheck.toml"
    conf.write_text('fail-on = "never"\ntarget-lang = "englsh"\n', encoding="utf-8")
    code = main(["check", "-q", "--config", str(conf), "--source", str(pair[0]), "--target", str(pair[1])])
    err = capsys.readouterr().err.splitlines()
    assert code == 2 and len(err) == 1 and f"{conf}:2:" in err[0] and "did you mean 'en'?" in err[0]


def test_python_m_termcheck_without_a_dependency_is_one_line_exit_3() -> None:
    """Run from a checkout whose dependencies are not installed: one line saying so, never exit 1 (a verdict)."""
    import subprocess
    import sys

    code = ("import runpy, sys; sys.modules['ahocorasick'] = None; sys.argv = ['termcheck', '--version']; "
            "runpy.run_module('termcheck', run_name='__main__')")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 3 and len(p.stderr.splitlines()) == 1 and "dependency is missing" in p.stderr
