"""Progress and output: a bar only on a terminal (and only for long runs), colors only where they belong."""

from __future__ import annotations

import io
import time

import pytest

from termcheck.cli import progress
from termcheck.cli.common import use_color


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_disabled_prints_nothing():
    out = Tty()
    with progress.bar(False, stream=out) as tick:
        tick(2000)
    assert out.getvalue() == ""


def test_short_run_prints_nothing_even_on_a_terminal():
    out = Tty()
    with progress.bar(True, delay=5.0, stream=out) as tick:
        tick(2000)
    assert out.getvalue() == ""


def test_long_run_on_a_terminal_shows_segments_and_clears_the_bar(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = Tty()
    with progress.bar(True, delay=0.0, stream=out) as tick:
        tick(2000)
        time.sleep(0.3)
        tick(2000)
        time.sleep(0.3)
    text = out.getvalue()
    assert "4,000 segments" in text and "checking" in text


def test_no_color_keeps_the_bar_plain(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    out = Tty()
    with progress.bar(True, delay=0.0, stream=out) as tick:
        tick(10)
        time.sleep(0.3)
    assert "segments" in out.getvalue()
    assert "\x1b[3" not in out.getvalue()  # no foreground colors (cursor control only)


@pytest.mark.parametrize(("tty", "no_color", "expected"), [(True, False, True), (True, True, False),
                                                           (False, False, False)])
def test_colors_only_on_a_terminal_without_no_color(monkeypatch, tty, no_color, expected):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(Tty() if tty else io.StringIO()) is expected


def test_terminal_report_piped_has_no_escape_codes(seed, mini_glossary, capsys):
    from termcheck.cli import main

    assert main(["check", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target",
                 str(seed["mt"])]) == 1
    captured = capsys.readouterr()
    assert "\x1b[" not in captured.out and "Conference of Munich on security" in captured.out
    assert captured.err == ""  # no progress bar, no status line when the report goes to stdout
