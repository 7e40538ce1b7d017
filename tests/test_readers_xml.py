"""TMX and XLIFF readers: ids, languages, inline tags kept as positions, empty targets, safety, errors."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from termcheck.errors import InputError
from termcheck.model import InlineTag
from termcheck.readers import read_file
from termcheck.readers.base import ReadOptions

DATA = Path(__file__).resolve().parent / "data" / "readers"


def read(path: Path, **kw) -> list:
    return list(read_file(path, ReadOptions(**kw)))


def test_tmx_units_ids_and_texts() -> None:
    segs = read(DATA / "memory.tmx")
    assert [(s.id, s.source, s.target) for s in segs] == [
        ("mfa-001", "我们反对台独。", "We oppose the independence of Taiwan."),
        ("mfa-002", "把去风险变成去中国化。", "Turning risk reduction into desinization."),
        ("3", "中美关系十分重要。", "Sino-American relations are important."),  # no tuid: its position
        ("mfa-004", "双方同意保持沟通。", ""),  # an empty target is a segment with an empty target
        ("mfa-006", None, "Sino-US relations."),  # no Chinese: a target-only segment
    ]
    assert [s.origin.line for s in segs] == [10, 16, 20, 24, 31]


def test_tmx_inline_tags_are_positions_in_the_text() -> None:
    first, second = read(DATA / "memory.tmx")[:2]
    assert first.tags == (
        InlineTag("source", 4, "bpt", "1", "<b>"), InlineTag("source", 6, "ept", "1", "</b>"),
        InlineTag("target", 10, "bpt", "1", "<b>"), InlineTag("target", 36, "ept", "1", "</b>"),
        InlineTag("target", 37, "ph", "2", "<br/>"),
    )
    assert first.target[10:36] == "the independence of Taiwan"
    assert [(t.kind, t.pos) for t in second.tags] == [("it", 10), ("hi", 8), ("/hi", 22)]
    assert second.target[8:22] == "risk reduction"


def test_tmx_gzip_and_utf16(tmp_path: Path) -> None:
    raw = (DATA / "memory.tmx").read_text(encoding="utf-8")
    (tmp_path / "a.tmx.gz").write_bytes(gzip.compress(raw.encode("utf-8")))
    (tmp_path / "b.tmx").write_bytes(raw.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    want = [(s.id, s.source, s.target) for s in read(DATA / "memory.tmx")]
    for name in ("a.tmx.gz", "b.tmx"):
        assert [(s.id, s.source, s.target) for s in read(tmp_path / name)] == want


def test_xliff12_units_segments_and_tags() -> None:
    segs = read(DATA / "trados.xlf")
    assert [(s.id, s.source, s.target) for s in segs] == [
        ("tu-1", "我们反对台独。", "We oppose the independence of Taiwan."),
        ("tu-2/1", "把去风险变成去中国化。", "Turning risk reduction into desinization."),
        ("tu-2/2", "中美关系十分重要。", "Sino-American relations are important."),
        ("tu-3", "双方同意保持沟通。", ""),
        ("tu-4", "尚未翻译。", None),  # untranslated: no target at all; translate="no" units are left out
    ]
    assert [(t.side, t.pos, t.kind, t.ref) for t in segs[0].tags] == [
        ("source", 4, "g", "1"), ("source", 6, "/g", "1"), ("source", 7, "x", "2"),
        ("target", 10, "g", "1"), ("target", 36, "/g", "1"), ("target", 37, "x", "2")]
    assert [(t.side, t.pos, t.kind, t.code) for t in segs[1].tags] == [
        ("source", 10, "bx", ""), ("source", 11, "ex", ""), ("target", 8, "ph", "<i>")]


def test_xliff2_units_segments_and_original_data() -> None:
    segs = read(DATA / "v2.xlf")
    assert [(s.id, s.source, s.target) for s in segs] == [
        ("u1", "我们反对台独。", "We oppose the independence of Taiwan."),
        ("u2/a", "把去风险变成去中国化。", "Turning risk reduction into desinization."),
        ("u2/b", "中美关系十分重要。", "Sino-American\u00a0relations are important."),
        ("u3", "双方同意保持沟通。", None),
    ]
    assert [(t.side, t.pos, t.kind, t.code) for t in segs[0].tags] == [
        ("source", 4, "pc", "<b>"), ("source", 6, "/pc", "</b>"), ("source", 7, "ph", "<br/>"),
        ("target", 10, "pc", "<b>"), ("target", 36, "/pc", "</b>"), ("target", 37, "ph", "<br/>")]


@pytest.mark.parametrize("name", ["billion-laughs.tmx", "external-entity.xlf"])
def test_entity_attacks_are_refused_without_expanding_or_reading(name: str, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Pinned: the file is refused (InputError naming it; exit 2, one line, no report), nothing is expanded,
    read or fetched. The wording is not pinned: termcheck refuses entity declarations itself, and newer
    libxml2 (lxml >= 6.2) stops entity amplification before termcheck sees the DTD."""
    from termcheck.cli import main

    path = DATA / name
    with pytest.raises(InputError) as e:
        read(path)
    message = str(e.value)
    assert message.startswith(f"{path}:"), message
    assert "lollol" not in message and "root:" not in message and len(message) < 300
    out = tmp_path / "report.json"
    assert main(["check", str(path), "--format", "json", "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_external_entities_are_named_when_refused() -> None:
    with pytest.raises(InputError, match=r"declares XML entities \(secret, remote\)") as e:
        read(DATA / "external-entity.xlf")
    assert "root:" not in str(e.value)


def test_external_dtd_is_not_fetched(tmp_path: Path) -> None:
    """memory.tmx names an http DTD: read without any network access (there is none here anyway)."""
    assert len(read(DATA / "memory.tmx")) == 5


def test_xliff_in_another_language_pair_is_an_error() -> None:
    with pytest.raises(InputError, match="source language is 'zh-CN' but the run's is 'ja'"):
        read(DATA / "trados.xlf", source_lang="ja")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("a.tmx", '<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>x</tuv></tu></body></tmx>',
         r"a.tmx:1: malformed XML"),
        ("b.tmx", '<tmx version="1.4"><body>\n<tu><tuv xml:lang="en"></tuv></tu></body></tmx>',
         r"b.tmx:2: <tuv> without <seg>"),
        ("c.tmx", '<xliff version="1.2"><file><body/></file></xliff>', r"c.tmx:1: not a TMX file"),
        ("d.xlf", '<tmx version="1.4"><body/></tmx>', r"d.xlf:1: not an XLIFF file"),
        ("e.xlf", '<xliff version="1.2"><file><body>\n<trans-unit id="1"><target>x</target></trans-unit>'
         "</body></file></xliff>", r"e.xlf:2: <trans-unit> without <source>"),
        ("f.xlf", '<xliff version="2.0"><file><unit id="1"><segment><source>a<cp hex="zz"/></source></segment>'
         "</unit></file></xliff>", r"f.xlf:1: bad <cp hex='zz'>"),
        ("g.tmx", "", r"g.tmx: malformed XML"),
        ("h.tmx", "not xml at all", r"h.tmx:1: malformed XML"),
    ],
)
def test_malformed_files_are_clear_errors(name: str, text: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read(path)
