"""Reports at archive scale: past a size the HTML keeps flagged segments with a neighbour each side (and says
so), caps its rows dropping the least severe first, and the terminal report summarizes instead of scrolling."""

from __future__ import annotations

import pytest

from termcheck import pipeline, runner
from termcheck.config import build
from termcheck.glossary.load import load
from termcheck.model import Segment
from termcheck.report import html, terminal

CLEAN = ("中美关系十分重要。", "China-US relations are very important.")
MINOR = ("双方进行了坦诚的沟通。", "The two sides had frank communication.")       # frank: minor wrong rendering
MAJOR = ("我们反对台独。", "We oppose the independence of Taiwan.")                # critical wrong rendering


def segments(flagged: dict[int, tuple[str, str]], n: int = 60) -> list[Segment]:
    return [Segment(str(i + 1), *flagged.get(i, CLEAN), i, "doc") for i in range(n)]


def run(segs: list[Segment], keep: runner.Keep):
    return pipeline.check(pipeline.Inputs(segments=segs), load(None), build(fail_on="never", batch_size=10),
                          keep_segments=keep)


def test_past_the_size_only_flagged_segments_and_their_neighbours_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "CONTEXT_ONLY_AFTER", 20)
    report = run(segments({5: MAJOR, 30: MINOR, 59: MAJOR}), "context")
    assert sorted(s.index for s in report.segments) == [4, 5, 6, 29, 30, 31, 58, 59]
    page = html.render(report).decode()
    assert "An archive: this report shows" in page and "of 60 segments" in page


def test_a_small_run_keeps_every_segment(monkeypatch: pytest.MonkeyPatch) -> None:
    report = run(segments({5: MAJOR}), "context")
    assert len(report.segments) == 60 and "An archive" not in html.render(report).decode()


def test_rows_over_the_cap_drop_the_least_severe_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html, "MAX_ROWS", 3)
    report = run(segments({5: MINOR, 10: MAJOR, 20: MINOR, 40: MAJOR}, n=45), "all")
    rows, left_out = html._abridge(html._rows(report))
    assert [r.index for r in rows] == [5, 10, 40]  # in document order; segment 20, as minor as 5 but later, left out
    assert left_out == 45 - 3
    assert all(r.findings for r in rows)  # unflagged rows went first, then the minor one of segment 20


def test_the_terminal_report_summarizes_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(terminal, "MAX_SEGMENTS", 2)
    report = run(segments({5: MAJOR, 10: MINOR, 20: MAJOR, 40: MINOR}), "flagged")
    text = terminal.render(report).decode()
    assert text.count("\nsegment ") + text.startswith("segment ") == 2
    assert "2 more flagged segments" in text and "Documents with the most findings" in text
