"""Reader hardening: regular files only, stray bytes, lone surrogates, Parquet panics, big glossary cells."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from termcheck.errors import GlossaryError, InputError
from termcheck.fileio import ensure_regular_file
from termcheck.readers import read_file
from termcheck.readers.base import ReadOptions
from termcheck.readers.encoding import read_text

ZH, EN = "中美关系十分重要。", "China-US relations are important."


def _kinds(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "dir").mkdir()
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "file.txt")
    return {"fifo": fifo, "dir": tmp_path / "dir", "file": tmp_path / "file.txt", "link": tmp_path / "link.txt",
            "missing": tmp_path / "nope", "zero": Path("/dev/zero"), "under-file": tmp_path / "file.txt" / "x"}


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("file", None),
        ("link", None),
        ("fifo", "glossary is a FIFO (named pipe), expected a regular file"),
        ("dir", "glossary is a folder, expected a regular file"),
        ("zero", "glossary is a character device, expected a regular file"),
        ("missing", "no such glossary file"),
        ("under-file", "no such glossary file (a parent is not a folder)"),
    ],
)
def test_ensure_regular_file(kind: str, message: str | None, tmp_path: Path) -> None:
    path = _kinds(tmp_path)[kind]
    if message is None:
        assert ensure_regular_file(path, "glossary", GlossaryError) == path
        return
    with pytest.raises(GlossaryError) as e:
        ensure_regular_file(path, "glossary", GlossaryError)
    assert str(e.value) == f"{path}: {message}"


def test_ensure_regular_file_defaults_to_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"pipe: input is a FIFO"):
        ensure_regular_file(_kinds(tmp_path)["fifo"])
    with pytest.raises(InputError, match=r"nope: no such file$"):
        ensure_regular_file(tmp_path / "nope")


@pytest.mark.parametrize(
    ("data", "result"),
    [
        (b"Caf" + b"\xe9 in plain ASCII\n", "offset 3"),  # ASCII + one Latin-1 byte: UTF-8 with an error
        ((ZH * 20).encode() + b"\xe9" + (ZH * 20).encode(), f"offset {len((ZH * 20).encode())}"),
        (b"ok \xff\xfe two bad\n", "offset 3"),
        ((ZH * 40).encode("gb18030"), ZH * 40),  # real GB18030: many bad UTF-8 bytes, common characters
        ((ZH * 40).encode("gbk"), ZH * 40),
        (("中華人民共和國外交部長會見美國國務卿。" * 20).encode("big5"), "中華人民共和國外交部長會見美國國務卿。" * 20),
        ((ZH + EN).encode(), ZH + EN),
    ],
)
def test_stray_byte_is_a_utf8_error_not_gb18030(data: bytes, result: str, tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    if result.startswith("offset"):
        with pytest.raises(InputError, match=rf"not UTF-8 \(bad byte at byte {result}\)"):
            read_text(path)
    else:
        assert read_text(path) == result


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.jsonl", '{"source": "\\ud800x", "target": "y\\udfff", "id": "\\ud83d"}\n', ("\ufffdx", "y\ufffd", "\ufffd")),
        ("a.jsonl", '{"source": "\\ud83d\\ude00", "target": "ok"}\n', ("\U0001f600", "ok", "1")),
        ("b.xlf", '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh" trgLang="en">'
                  '<file id="f"><unit id="u"><segment><source>a<cp hex="D800"/></source><target>b<cp hex="1F600"/>'
                  "</target></segment></unit></file></xliff>", ("a\ufffd", "b\U0001f600", "u")),
    ],
)
def test_lone_surrogates_become_replacement_characters(name: str, content: str, expected: tuple, tmp_path: Path,
                                                       ) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    (seg,) = read_file(path, ReadOptions())
    assert (seg.source, seg.target, seg.id) == expected
    seg.source.encode("utf-8")


def test_lone_surrogates_reach_no_writer(tmp_path: Path) -> None:
    from termcheck.cli import main

    path = tmp_path / "a.jsonl"
    path.write_text('{"source": "中美关系\\ud800", "target": "Sino-US relations\\udc00"}\n', encoding="utf-8")
    for fmt in ("json", "html", "sarif", "markdown", "csv", "junit"):
        out = tmp_path / f"r.{fmt}"
        assert main(["check", str(path), "--no-config", "--format", fmt, "--output", str(out)]) in (0, 1)
        out.read_bytes().decode("utf-8")


@pytest.mark.parametrize("ns", ["urn:a}b", "urn:}", "}"])
def test_namespace_with_a_brace_is_no_crash(ns: str, tmp_path: Path) -> None:
    path = tmp_path / "a.tmx"
    path.write_text(f'<tmx version="1.4" xmlns:x="{ns}"><body><tu><tuv xml:lang="zh"><seg>{ZH}</seg></tuv>'
                    f'<tuv xml:lang="en"><seg>{EN}</seg></tuv><x:prop/></tu></body></tmx>', encoding="utf-8")
    try:
        segs = list(read_file(path, ReadOptions()))
    except InputError as e:  # libxml2 may refuse the URI: one clear error naming the file
        assert str(e).startswith(f"{path}:")
    else:
        assert [s.target for s in segs] == [EN]


def test_local_name_splits_at_the_last_brace() -> None:
    from types import SimpleNamespace

    from termcheck.readers.xml import local, namespace

    el = SimpleNamespace(tag="{urn:a}b}tu")
    assert (local(el), namespace(el)) == ("tu", "urn:a}b")
    assert (local(SimpleNamespace(tag="tu")), namespace(SimpleNamespace(tag="tu"))) == ("tu", "")


@pytest.mark.parametrize("where", ["schema", "rows"])
def test_parquet_panic_is_an_input_error(where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """polars panics (pyo3 PanicException, a BaseException) on some corrupted files: one InputError."""
    import polars as pl

    path = tmp_path / "a.parquet"
    pl.DataFrame({"source": [ZH], "target": [EN]}).write_parquet(path)

    def panic(*args: object, **kwargs: object) -> None:
        raise pl.exceptions.PanicException("index out of bounds: the len is 3 but the index is 7")

    if where == "schema":
        monkeypatch.setattr(pl, "read_parquet_schema", panic)
    else:
        monkeypatch.setattr(pl.LazyFrame, "collect_batches", panic)
    with pytest.raises(InputError, match=r"a\.parquet: .*index out of bounds"):
        list(read_file(path, ReadOptions()))


def test_glossary_cell_over_the_csv_default_limit_loads(tmp_path: Path) -> None:
    from termcheck.glossary.load import load

    path = tmp_path / "g.csv"
    long_note = "x" * 300_000  # over the csv module's 128 kB default
    path.write_text(f"id,zh,en,note\na,中美关系,China-US relations,{long_note}\n", encoding="utf-8")
    (entry,) = load([path]).entries
    assert entry.id == "a"


def test_xml_parsers_never_resolve_fetch_or_load() -> None:
    from termcheck.glossary.tbx import safe_parser_args
    from termcheck.readers.xml import PARSER_ARGS

    for args in (PARSER_ARGS, safe_parser_args()):
        assert (args["resolve_entities"], args["no_network"], args["load_dtd"]) == (False, True, False)
