"""`termcheck glossary coverage`: term-like n-grams a glossary lacks, ranked, on the seed and on UN text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from termcheck.cli import main
from termcheck.glossary import coverage
from termcheck.glossary.load import bundled_path, load
from termcheck.glossary.model import Glossary

UN = Path(__file__).resolve().parent.parent.parent / "shared" / "real-parallel" / "un-zh-en.ref.jsonl"
HEADER = "id,zh,en,attestation,test_zh,test_en\n"


def run(capsys: pytest.CaptureFixture, argv: list[str]) -> tuple[int, str, str]:
    try:
        code = main(["glossary", "coverage", *argv])
    except SystemExit as e:  # argparse's own errors
        code = int(e.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def rows(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out)))


def assert_ranked(found: list[dict[str, str]]) -> None:
    assert found
    assert [int(r["rank"]) for r in found] == list(range(1, len(found) + 1))
    counts = [int(r["count"]) for r in found]
    assert counts == sorted(counts, reverse=True)


def desk_glossary(tmp_path: Path, term: str) -> Path:
    path = tmp_path / "desk.csv"
    path.write_text(HEADER + f"desk-term,{term},desk term,desk,{term}。,desk term.\n", encoding="utf-8")
    return path


def test_seed_prints_a_ranked_list(capsys: pytest.CaptureFixture, seed: dict[str, Path]) -> None:
    code, out, err = run(capsys, [str(seed["zh"]), "--min-count", "1", "--format", "csv"])
    assert code == 0, err
    found = rows(out)
    assert_ranked(found)
    text = seed["zh"].read_text(encoding="utf-8")
    glossary = load(None)
    forms = {t.text for e in glossary.entries for t in e.terms_in("zh")}
    for r in found:
        assert r["term"] in text and r["term"] not in forms
        assert r["first_seen"].startswith(str(seed["zh"]) + ":")


def test_text_format_and_top(capsys: pytest.CaptureFixture, seed: dict[str, Path]) -> None:
    code, out, _ = run(capsys, [str(seed["zh"]), "--min-count", "1", "--top", "3"])
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["rank", "count", "quoted", "term"]
    assert [line.split()[0] for line in lines[1:]] == ["1", "2", "3"]


@pytest.mark.skipif(not UN.exists(), reason="shared UN data not present")
def test_un_sample_prints_a_ranked_list_and_an_added_term_disappears(capsys: pytest.CaptureFixture,
                                                                       tmp_path: Path) -> None:
    pairs = [json.loads(line) for line in UN.read_text(encoding="utf-8").splitlines()[:400]]
    tmx = tmp_path / "un.tmx"
    tmx.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh" '
                   'segtype="sentence" datatype="plaintext" adminlang="en" o-tmf="x" creationtool="t" '
                   'creationtoolversion="1"/><body>' + "".join(
                       f'<tu tuid="{i}"><tuv xml:lang="zh"><seg>{escape(p["zh"])}</seg></tuv>'
                       f'<tuv xml:lang="en"><seg>{escape(p["en"])}</seg></tuv></tu>' for i, p in enumerate(pairs, 1))
                   + "</body></tmx>\n", encoding="utf-8")
    code, out, err = run(capsys, [str(tmx), "--format", "csv", "--top", "30"])
    assert code == 0, err
    found = rows(out)
    assert_ranked(found)
    assert all(int(r["count"]) >= 2 for r in found)
    assert all("#" in r["first_seen"] or ":" in r["first_seen"] for r in found)
    source = "".join(p["zh"] for p in pairs)
    assert all(source.count(r["term"]) >= int(r["count"]) for r in found if r["term"].isalpha())
    top = next(r["term"] for r in found if not r["contains"])
    desk = desk_glossary(tmp_path, top)
    code, out, err = run(capsys, [str(tmx), "--format", "csv", "--glossary", str(bundled_path()),
                                  "--glossary", str(desk)])
    assert code == 0, err
    assert top not in {r["term"] for r in rows(out)}


CORPUS = ["中方提出蓝色伙伴关系倡议。", "各国应共建蓝色伙伴关系。", "藍色夥伴關係有助於海洋治理。",
          "他再次提到“澜湄精神”。", "“澜湄精神”深入人心。", "我们要推进海洋命运共同体建设。",
          "海洋命运共同体理念得到认可。"]


def base() -> Glossary:
    """The bundled glossary without the entries for this corpus's candidates (it grows; the test must not)."""
    candidates = ("蓝色伙伴关系", "澜湄精神", "海洋命运共同体")
    g = load(None)
    return Glossary(tuple(e for e in g.entries if not any(t.text in candidates for t in e.terms)))


def texts() -> list[coverage.Text]:
    return [coverage.Text(f"c.txt:{i}", t) for i, t in enumerate(CORPUS, 1)]


def test_counts_quotes_traditional_and_subsumed_parts() -> None:
    found = {m.key: m for m in coverage.missing_terms(texts(), base())}
    blue = found["蓝色伙伴关系"]
    assert (blue.count, blue.texts, blue.first) == (3, 3, "c.txt:1")  # Traditional counted with Simplified
    assert blue.form == "蓝色伙伴关系"
    assert found["澜湄精神"].quoted == 2
    assert "伙伴关系" not in found  # only ever seen inside 蓝色伙伴关系
    assert found["海洋命运共同体"].contains == ("community-with-a-shared-future",)
    assert "命运共同体" not in found  # a glossary term


@pytest.mark.parametrize(("min_count", "expect"), [(1, True), (3, True), (4, False)])
def test_min_count(min_count: int, expect: bool) -> None:
    found = {m.key for m in coverage.missing_terms(texts(), base(), min_count=min_count)}
    assert ("蓝色伙伴关系" in found) is expect


def test_a_term_added_to_the_glossary_disappears(tmp_path: Path) -> None:
    official = base()
    before = [m.key for m in coverage.missing_terms(texts(), official)]
    assert "蓝色伙伴关系" in before
    merged = official.merged(load([desk_glossary(tmp_path, "蓝色伙伴关系")]))
    after = [m.key for m in coverage.missing_terms(texts(), merged)]
    assert "蓝色伙伴关系" not in after and "蓝色伙伴关系倡议" not in after  # nor a fragment across it
    assert [k for k in before if k not in {"蓝色伙伴关系"}] == [k for k in after if k in before]


def test_deterministic_and_formats() -> None:
    a = coverage.missing_terms(texts(), base(), min_count=1)
    b = coverage.missing_terms(list(reversed(texts())), base(), min_count=1)
    assert [m.key for m in a] == [m.key for m in b]
    data = json.loads(coverage.render(a, "json", top=2))
    assert [d["rank"] for d in data] == [1, 2] and set(data[0]) >= {"term", "count", "quoted", "contains"}


def test_aligned_files_give_their_source_side(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("source\ttarget\n" + "".join(f"{z}\tBlue partnership and more text.\n" for z in CORPUS),
                   encoding="utf-8")
    code, out, err = run(capsys, [str(tsv), "--format", "json"])
    assert code == 0, err
    data = json.loads(out)
    assert "蓝色伙伴关系" in {d["term"] for d in data}
    assert all(not any(c.isascii() and c.isalpha() for c in d["term"]) for d in data)


@pytest.mark.parametrize(("argv", "message"), [
    (["/nonexistent.txt"], "/nonexistent.txt: no such file or folder"),
    (["{seed}", "--top", "0"], "--top must be at least 1"),
    (["{seed}", "--min-count", "0"], "--min-count must be at least 1"),
    (["{seed}", "--glossary", "/nonexistent.csv"], "/nonexistent.csv: no such glossary file"),
    (["{seed}", "--source-lang", "fr"], "no term finder for source language 'fr'"),
    (["{bad}"], "bad.tmx:2: malformed XML"),
    (["{seed}", "--format", "xml"], "invalid choice: 'xml'"),
    ([], "the following arguments are required: FILE"),
])
def test_bad_inputs(capsys: pytest.CaptureFixture, tmp_path: Path, seed: dict[str, Path], argv: list[str],
                    message: str) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body><tu>\n", encoding="utf-8")
    code, _, err = run(capsys, [a.format(seed=seed["zh"], bad=bad) for a in argv])
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_csv_cells_cannot_run_as_spreadsheet_formulas() -> None:
    found = [coverage.Missing("=cmd", "=cmd|' /C calc'!A0", 3, 0, 2, "@doc.txt:1", ("+x",)),
             coverage.Missing("ok", "small yard", 2, 1, 2, "doc.txt:4")]
    rows = list(csv.DictReader(io.StringIO(coverage.render(found, "csv"))))
    assert [(r["term"], r["contains"], r["first_seen"]) for r in rows] == [
        ("'=cmd|' /C calc'!A0", "'+x", "'@doc.txt:1"), ("small yard", "", "doc.txt:4")]
    assert json.loads(coverage.render(found, "json"))[0]["term"] == "=cmd|' /C calc'!A0"  # JSON keeps the text
