"""Output hygiene: terminal, Markdown and HTML show control characters as pictures; CSV defuses formulas."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import polars as pl
import pytest
from reportdata import finding, seg

from termcheck.model import Severity
from termcheck.report import renderer
from termcheck.report.model import GateResult, Report, summarize
from termcheck.report.safe import visible
from termcheck.report.tabular import SCHEMA
from termcheck.text import formula_safe

# clear screen + cursor home, a title-setting OSC, NUL, CR (overwrites the line), BEL, DEL and a C1 CSI
EVIL = "Clear\x1b[2J\x1b[H\x1b]0;pwned\x07 NUL\x00 CR\rBS\x08 DEL\x7f C1\x9b31m RLO\u202e dne \u2066iso\u2069 end"
CONTROL_BYTES = {chr(c) for c in (*range(0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0),
                                  *range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def _report(target: str, message: str = "wrong", suggestion: str | None = "=HYPERLINK(\"http://x\")") -> Report:
    s = seg(1, "中国\x1b[31m。", target)
    f = finding(s, "terminology.forbidden", Severity.MAJOR, (0, 5), (0, 2), suggestion, message)
    findings = (f,)
    summary = summarize(list(findings), 1, [s.doc])
    return Report("0.1.0", {"text": "sig"}, summary, {}, findings, (s,),
                  GateResult(False, ("1 finding.",), {"fail_on": "major"}), ())


@pytest.mark.parametrize(
    ("text", "keep", "expected"),
    [
        ("plain 中文 text", "", "plain 中文 text"),
        ("a\x1b[2Jb", "", "a\u241b[2Jb"),
        ("nul\x00", "", "nul\u2400"),
        ("tab\tline\n", "\t\n", "tab\tline\n"),
        ("tab\tline\n", "", "tab\u2409line\u240a"),
        ("del\x7f c1\x85", "", "del\u2421 c1\ufffd"),
        ("cr\r", "\t", "cr\u240d"),
        ("ok \u202eevil\u202c; \u2067iso\u2069", "", "ok \ufffdevil\ufffd; \ufffdiso\ufffd"),
        ("عربي\u200fمع\u200e علامات\u061c", "", "عربي\u200fمع\u200e علامات\u061c"),  # direction marks stay
    ],
)
def test_visible_replaces_controls_one_for_one(text: str, keep: str, expected: str) -> None:
    assert visible(text, keep) == expected
    assert len(visible(text, keep)) == len(text)  # spans into the text stay valid


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
     ("\rx", "'\rx"), ("a=b", "a=b"), ("", ""), ("中国", "中国")],
)
def test_formula_safe(cell: str, expected: str) -> None:
    assert formula_safe(cell) == expected


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
@pytest.mark.parametrize("color", [False, True])
def test_human_reports_carry_no_input_control_characters(fmt: str, color: bool) -> None:
    report = _report(EVIL, message=f"msg {EVIL}")
    out = renderer(fmt)(report, color=color).decode("utf-8")
    if fmt == "terminal" and color:
        # rich's own styling is ESC [ ... m; no other escape (the input's ESC [2J, ESC ], ESC [H) may appear
        import re

        out = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert not CONTROL_BYTES & set(out), sorted(CONTROL_BYTES & set(out))
    assert "\u241b[2J" in out  # shown, not obeyed


def test_terminal_keeps_highlight_offsets_with_controls() -> None:
    report = _report("\x1b[2JChina is great")
    out = renderer("terminal")(report, color=False).decode("utf-8")
    assert "\u241b[2JChina is great" in out


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_machine_formats_keep_the_raw_text(fmt: str) -> None:
    report = _report("China", message=EVIL)

    def strings(x: object) -> list[str]:
        if isinstance(x, dict):
            return [s for v in x.values() for s in strings(v)]
        if isinstance(x, list):
            return [s for v in x for s in strings(v)]
        return [x] if isinstance(x, str) else []

    assert any(EVIL in s for s in strings(json.loads(renderer(fmt)(report))))


def test_csv_defuses_formulas_and_parquet_keeps_raw() -> None:
    report = _report("=cmd|' /C calc'!A0 more", message="-1 minus", suggestion="@SUM(1)")
    df = pl.read_csv(io.BytesIO(renderer("csv")(report)), schema=SCHEMA)
    row = df.row(0, named=True)
    assert row["target_text"] == "'=cmd|"
    assert row["message"] == "'-1 minus"
    assert row["suggestion"] == "'@SUM(1)"
    assert row["check"] == "terminology.forbidden"  # ordinary cells untouched
    raw = pl.read_parquet(io.BytesIO(renderer("parquet")(report))).row(0, named=True)
    assert (raw["target_text"], raw["message"], raw["suggestion"]) == ("=cmd|", "-1 minus", "@SUM(1)")


def test_csv_leaves_numbers_alone() -> None:
    report = _report("China is great")
    f = replace(report.findings[0], score=-1.5)
    report = replace(report, findings=(f,))
    df = pl.read_csv(io.BytesIO(renderer("csv")(report)), schema=SCHEMA)
    assert df.row(0, named=True)["score"] == -1.5

