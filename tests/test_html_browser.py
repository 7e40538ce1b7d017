"""The HTML report in a real browser (headless Chromium): the filters work, injected text stays inert, a screenshot.

The report reads its filter state from the URL fragment (#severity=...&check=...&doc=...&flagged=1),
so `chromium --dump-dom` on such a URL shows the DOM after the report's own script has applied the
filters: hidden findings and segments carry the `hidden` attribute. Skipped only outside CI when
Chromium is not installed; in CI (CI=true) a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html
from reportdata import sample

from termcheck.cli import main
from termcheck.report import renderer

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

pytestmark = pytest.mark.skipif(BROWSER is None and not IN_CI, reason="headless Chromium is not installed")

# segment text that would act if the report did not escape it
ATTACKS = [
    "<script>document.title='pwned'</script>",
    '"><img src=x onerror="document.body.setAttribute(\'data-pwned\',\'1\')">',
    "<b onmouseover=alert(1)>bold</b>",
]


def _browser(url: str, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    assert BROWSER is not None, "CI must have headless Chromium (.ci/run installs it)"
    args = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-extensions", "--mute-audio", f"--user-data-dir={tmp_path / 'profile'}", *extra, url]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)


def _dom(report: Path, fragment: str, tmp_path: Path):
    p = _browser(report.as_uri() + fragment, tmp_path, "--dump-dom")
    assert p.returncode == 0, p.stderr[-2000:]
    return lxml_html.fromstring(p.stdout)


@pytest.fixture
def hostile_report(tmp_path) -> Path:
    from dataclasses import replace

    rep = sample()
    segs = list(rep.segments)
    segs[2] = replace(segs[2], target=" ".join(ATTACKS), source="<script>alert('zh')</script>")
    path = tmp_path / "report.html"
    path.write_bytes(renderer("html")(replace(rep, segments=tuple(segs))))
    return path


def _visible(tree, xpath: str) -> list:
    return [e for e in tree.xpath(xpath) if e.get("hidden") is None
            and not any(a.get("hidden") is not None for a in e.iterancestors())]


def test_severity_filter_and_flagged_only_from_the_fragment(hostile_report, tmp_path):
    tree = _dom(hostile_report, "#severity=critical,major&flagged=1", tmp_path)
    shown = _visible(tree, "//li[contains(@class,'f ')]")
    assert sorted(li.get("data-sev") for li in shown) == ["critical", "major", "major"]
    hidden = [li for li in tree.xpath("//li[contains(@class,'f ')]") if li.get("hidden") is not None]
    assert sorted(li.get("data-sev") for li in hidden) == ["info", "minor"]
    assert len(_visible(tree, "//article")) == 3  # the clean segment 3 is hidden
    assert tree.xpath("string(//*[@id='count'])") == "showing 3 of 4 segments, 3 findings"
    # the minor check's overlap no longer paints its span; the major one still does
    marks = {m.text: m.get("data-show") for m in tree.xpath("//div[@class='en']/mark")}
    assert marks["risk "] == "major" and marks["reduction"] == "major"
    # and the segment full of markup, shown unfiltered by severity, stayed text: no script ran, no element came in
    assert tree.xpath("string(//title)").startswith("termcheck report")
    assert tree.xpath("//body/@data-pwned") == []
    assert tree.xpath("//img") == [] and tree.xpath("//*[@onerror]") == [] and tree.xpath("//*[@onmouseover]") == []
    assert len(tree.xpath("//script")) == 1
    english = "".join(tree.xpath("//article[3]//div[@class='en']")[0].itertext())
    assert english == " ".join(ATTACKS)


def test_check_and_document_filters(hostile_report, tmp_path):
    tree = _dom(hostile_report, "#check=terminology.missing&doc=d2", tmp_path)
    docs = {s.get("data-doc"): s.get("hidden") is not None for s in tree.xpath("//section[@class='doc']")}
    assert docs == {"d1": True, "d2": False}
    shown = _visible(tree, "//li[contains(@class,'f ')]")
    assert [li.get("data-check") for li in shown] == ["terminology.missing"]
    assert tree.xpath("string(//*[@id='count'])") == "showing 1 of 1 segments, 1 finding"


def test_seed_report_screenshot(tmp_path, seed, mini_glossary):
    report = tmp_path / "seed.html"
    assert main(["check", "-q", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target",
                 str(seed["mt"]), "--reference", str(seed["ref"]), "--format", "html", "-o", str(report)]) == 1
    shot = tmp_path / "seed.png"
    p = _browser(report.as_uri(), tmp_path, f"--screenshot={shot}", "--window-size=1440,2000", "--hide-scrollbars")
    assert p.returncode == 0, p.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1440, 2000)
    assert len(data) > 50_000  # a rendered page, not a blank one
    keep = os.environ.get("TERMCHECK_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / "seed.png")
