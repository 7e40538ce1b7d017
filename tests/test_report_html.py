"""The HTML report: self-contained, every input text escaped, spans highlighted on both sides, deterministic."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from lxml import html as lxml_html
from reportdata import HOSTILE, sample

from termcheck.cli import main
from termcheck.model import Severity
from termcheck.report import NEEDS_SEGMENTS, renderer
from termcheck.report.html import Piece, pieces


def _render(report=None) -> str:
    return renderer("html")(report or sample()).decode("utf-8")


def _tree(text: str):
    return lxml_html.fromstring(text)


def test_hostile_input_renders_as_text():
    text = _render()
    tree = _tree(text)
    # the only script is termcheck's own; no element was injected by the segment text
    assert len(tree.xpath("//script")) == 1
    assert tree.xpath("//img") == [] and tree.xpath("//*[@onerror]") == [] and tree.xpath("//b") == []
    assert "<script>alert" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)" in text and "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in text
    # and a reader sees the text exactly as written
    english = "".join(tree.xpath("//article[.//li[@data-sev='critical']]//div[@class='en']")[0].itertext())
    assert english == HOSTILE
    notes = " ".join(tree.xpath("//li[@data-sev='critical']")[0].itertext())
    assert 'message with <i>markup</i> & "quotes"' in notes and '<b>bold</b> "quoted"' in notes


def test_self_contained_and_locked_down():
    text = _render()
    tree = _tree(text)
    assert not tree.xpath("//link | //img | //iframe | //object | //embed | //*[@src]")
    assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text.split("</style>")[1].split("<script>")[0])
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp and "unsafe-inline" not in csp.split(
        "script-src")[1]


def test_csp_hash_matches_the_script():
    import base64
    import hashlib

    tree = _tree(_render())
    script = tree.xpath("//script")[0].text
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]


def test_spans_highlighted_on_both_sides_with_their_severity():
    tree = _tree(_render())
    row = tree.xpath("//article[.//q[text()='risk reduction']]")[0]
    en_marks = [(m.text, m.get("data-show"), m.get("data-f")) for m in row.xpath(".//div[@class='en']/mark")]
    # "risk reduction" (major) overlaps "reduction" (minor): three pieces, each with its covering findings
    assert [(t, s) for t, s, _ in en_marks] == [("risk ", "major"), ("reduction", "major")]
    assert len(en_marks[1][2].split()) == 2
    zh_marks = [(m.text, m.get("data-show")) for m in row.xpath(".//div[@class='zh']/mark")]
    assert zh_marks == [("去风险", "major")]
    # hovering a span names its findings
    titles = [m.get("title") for m in row.xpath(".//div[@class='en']/mark")]
    assert titles[0] == "major · terminology.forbidden → de-risking"
    assert titles[1].splitlines() == ["major · terminology.forbidden → de-risking", "minor · fluency.artifact"]


@pytest.mark.parametrize(("text", "spans", "expected"), [
    ("abcdef", [], [Piece("abcdef")]),
    ("abcdef", [(1, 3, "f1", Severity.MINOR)], [Piece("a"), Piece("bc", ("f1",), "minor"), Piece("def")]),
    ("abcdef", [(0, 4, "f1", Severity.MINOR), (2, 6, "f2", Severity.CRITICAL)],
     [Piece("ab", ("f1",), "minor"), Piece("cd", ("f1", "f2"), "critical"), Piece("ef", ("f2",), "critical")]),
    ("abcdef", [(0, 6, "f1", Severity.INFO), (2, 3, "f2", Severity.MAJOR)],
     [Piece("ab", ("f1",), "info"), Piece("c", ("f1", "f2"), "major"), Piece("def", ("f1",), "info")]),
    ("abc", [(1, 1, "f1", Severity.MAJOR)], [Piece("a"), Piece("", ("f1",), "major", gap=True), Piece("bc")]),
    ("abc", [(3, 3, "f1", Severity.MINOR)], [Piece("abc"), Piece("", ("f1",), "minor", gap=True)]),
    ("abc", [(2, 9, "f1", Severity.MINOR)], [Piece("ab"), Piece("c", ("f1",), "minor")]),  # clipped
])
def test_pieces(text, spans, expected):
    assert pieces(text, spans) == expected
    assert "".join(p.text for p in pieces(text, spans)) == text


def test_summary_shows_verdict_counts_metrics_and_charts():
    tree = _tree(_render())
    assert tree.xpath("string(//span[@class='badge-verdict'])").strip() == "FAIL"
    assert "2 findings of severity major or worse." in tree.xpath("string(//p[@class='reasons'])")
    counts = {c.xpath("string(.//span[@class='lbl'])"): c.xpath("string(.//span[@class='num'])")
              for c in tree.xpath("//div[contains(@class,'count')]")}
    assert counts["findings"] == "5" and counts["critical"] == "1" and counts["Term success"] == "62.5%"
    assert counts["MQM score"] == "95.9"
    assert tree.xpath("//figure//svg[@aria-label='Findings by category']//rect")
    assert "termcheck:0.1.0|glossary:test" in tree.xpath("string(//footer)")


def test_pass_and_empty_reports():
    tree = _tree(_render(replace(sample(passed=True), findings=())))
    assert tree.xpath("string(//span[@class='badge-verdict'])").strip() == "PASS"
    assert not tree.xpath("//li[@class and contains(@class,'f ')]")
    assert len(tree.xpath("//article")) == 4
    empty = _tree(_render(replace(sample(), findings=(), segments=(), gate=None)))
    assert "No segments and no findings." in empty.xpath("string(//main)")


def test_findings_without_kept_segments_still_show_their_spans():
    tree = _tree(_render(replace(sample(), segments=())))
    assert len(tree.xpath("//article")) == 3  # the flagged segments only
    assert "risk reduction" in tree.xpath("string(//article[1]//div[@class='en'])")


def test_filters_list_checks_documents_and_severities():
    tree = _tree(_render())
    assert tree.xpath("//select[@id='f-check']/option/@value") == ["", "fluency.artifact", "terminology.forbidden",
                                                                   "terminology.missing"]
    assert tree.xpath("//select[@id='f-doc']/option/text()") == ["all documents", "a.en.txt", "b.en.txt"]
    assert tree.xpath("//input[@name='sev']/@value") == ["critical", "major", "minor", "info"]


def test_deterministic_and_needs_segments():
    assert renderer("html")(sample()) == renderer("html")(sample())
    assert "html" in NEEDS_SEGMENTS


def test_seed_run_writes_a_report(tmp_path, seed, mini_glossary):
    out = tmp_path / "seed.html"
    assert main(["check", "-q", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target",
                 str(seed["mt"]), "--format", "html", "-o", str(out)]) == 1
    tree = _tree(out.read_text(encoding="utf-8"))
    assert len(tree.xpath("//article")) == 18
    assert tree.xpath("//div[@class='en']/mark[text()='Conference of Munich on security']")
    assert tree.xpath("//div[@class='zh']/mark[text()='慕尼黑安全会议']")
    assert "→ Munich Security Conference" in "".join(tree.xpath("//div[@class='sug']")[0].itertext())
