"""The same segments as TMX, XLIFF 1.2, XLIFF 2.x, CSV, TSV, JSONL and Parquet give identical findings."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from xml.sax.saxutils import escape

import polars as pl
import pytest

from termcheck import api, cli
from termcheck.readers import read_file
from termcheck.readers.base import ReadOptions


@pytest.fixture
def pairs(seed: dict) -> list[tuple[str, str, str]]:
    zh = seed["zh"].read_text(encoding="utf-8").splitlines()
    en = seed["mt"].read_text(encoding="utf-8").splitlines()
    rows = [(f"s{i}", z, e) for i, (z, e) in enumerate(zip(zh, en, strict=True), start=1)]
    return [*rows, ("s19", "双方同意保持沟通。", "")]  # an empty target too


def _tagged(text: str) -> str:
    """The text with inline formatting around its first word: tags must not change any finding."""
    head, sep, rest = escape(text).partition(" ")
    return f'<bpt i="1">&lt;b&gt;</bpt>{head}<ept i="1">&lt;/b&gt;</ept>{sep}{rest}' if sep else escape(text)


X1, X2 = ' <x id="1"/>', ' <ph id="1"/>'  # a placeholder after the first word


def write_all(rows: list[tuple[str, str, str]], d: Path) -> list[Path]:
    tmx = "".join(f'<tu tuid="{i}"><tuv xml:lang="zh-CN"><seg>{escape(z)}</seg></tuv>'
                  f'<tuv xml:lang="en-US"><seg>{_tagged(e)}</seg></tuv></tu>\n' for i, z, e in rows)
    (d / "p.tmx").write_text(f'<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="zh-CN"/><body>\n{tmx}'
                             "</body></tmx>\n", encoding="utf-8")
    x1 = "".join(f'<trans-unit id="{i}"><source>{escape(z)}</source>'
                 f"<target>{escape(e).replace(' ', X1, 1)}</target></trans-unit>\n" for i, z, e in rows)
    (d / "p.xlf").write_text('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
                             f'source-language="zh-CN" target-language="en-US"><body>\n{x1}</body></file></xliff>\n',
                             encoding="utf-8")
    x2 = "".join(f'<unit id="{i}"><segment><source>{escape(z)}</source><target>'
                 f"{escape(e).replace(' ', X2, 1)}</target></segment></unit>\n" for i, z, e in rows)
    (d / "p2.xliff").write_text('<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh" '
                                f'trgLang="en"><file id="f">\n{x2}</file></xliff>\n', encoding="utf-8")
    with (d / "p.csv").open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["id", "source", "target"])
        w.writerows(rows)
    (d / "p.tsv").write_bytes(("id\tzh\ten\n" + "".join(f"{i}\t{z}\t{e}\n" for i, z, e in rows)).encode("gb18030"))
    (d / "p.jsonl").write_text("".join(json.dumps({"id": i, "zh": z, "en": e}, ensure_ascii=False) + "\n"
                                       for i, z, e in rows), encoding="utf-8")
    pl.DataFrame({"id": [r[0] for r in rows], "source": [r[1] for r in rows],
                  "target": [r[2] for r in rows]}).write_parquet(d / "p.parquet")
    return [d / n for n in ("p.tmx", "p.xlf", "p2.xliff", "p.csv", "p.tsv", "p.jsonl", "p.parquet")]


def findings(path: Path, glossary: Path) -> list[tuple]:
    rep = api.check(inputs=[path], glossary=[glossary])
    return [(f.check, f.segment, f.source_span, f.target_span, f.source_text, f.target_text, str(f.severity),
             f.message, f.suggestion) for f in rep.findings]


def segments(path: Path) -> list[tuple]:
    return [(s.id, s.source, s.target, s.reference, s.index) for s in read_file(path, ReadOptions())]


def test_identical_segments_in_every_format(pairs: list, tmp_path: Path) -> None:
    paths = write_all(pairs, tmp_path)
    want = [(i, z, e, None, k) for k, (i, z, e) in enumerate(pairs)]
    for path in paths:
        assert segments(path) == want, path.name


def test_identical_findings_whatever_the_format(pairs: list, mini_glossary: Path, tmp_path: Path) -> None:
    """The whole pipeline on the tagged TMX and on the GB18030 TSV (each run costs seconds: two suffice,
    the segments of all seven formats being identical)."""
    paths = write_all(pairs, tmp_path)
    want = findings(paths[0], mini_glossary)
    assert {f[0] for f in want} >= {"terminology.forbidden", "terminology.inconsistent"}
    assert ("terminology.forbidden", "s10", (52, 66), "risk reduction") in [(f[0], f[1], f[3], f[5]) for f in want]
    assert findings(paths[4], mini_glossary) == want


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("bad.tmx", "<tmx><body><tu></body></tmx>"),
        ("bad.xlf", '<xliff version="1.2"><file><body><trans-unit id="1"><source>x</trans-unit>'),
        ("bad.csv", "source,target\na,b,c\n"),
        ("bad.tsv", "source\ttarget\na\tb\tc\n"),
        ("bad.jsonl", "{not json}\n"),
        ("bad.parquet", "PAR1 but not really"),
        ("laughs.tmx", (Path(__file__).parent / "data" / "readers" / "billion-laughs.tmx").read_text()),
        ("bad.tmx.gz", "not gzip after all"),
    ],
)
def test_malformed_input_exits_2_with_one_line(name: str, text: str, tmp_path: Path, mini_glossary: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "report.json"
    code = cli.main(["check", str(path), "--glossary", str(mini_glossary), "--format", "json", "-o", str(out),
                     "--quiet"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"termcheck: error: {path}") and len(err.strip().splitlines()) == 1
    assert not out.exists()
