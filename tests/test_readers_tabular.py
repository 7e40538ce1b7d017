"""CSV, TSV, JSON Lines and Parquet pairs: column choice, quirks (BOM, CRLF, GB18030, quoting), errors."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from termcheck.errors import InputError
from termcheck.readers import read_file
from termcheck.readers.base import ReadOptions


def read(path: Path, fmt: str | None = None, **kw) -> list[tuple]:
    return [(s.id, s.source, s.target, s.reference, s.doc, s.origin.line)
            for s in read_file(path, ReadOptions(**kw), fmt)]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("name", "text", "encoding", "expected"),
    [
        ("a.csv", "source,target\n中美,China-US\n台独,Taiwan independence\n", "utf-8",
         [("1", "中美", "China-US", None, "a.csv", 2), ("2", "台独", "Taiwan independence", None, "a.csv", 3)]),
        # language-code columns, a BOM, CRLF, an id column, a quoted field with a comma, quote and line break
        ("b.csv", 'id,zh,en\r\nx1,中美,"China-US, ""mainly""\r\nand more"\r\nx2,台独,\r\n', "utf-8-sig",
         [("x1", "中美", 'China-US, "mainly"\r\nand more', None, "b.csv", 2), ("x2", "台独", "", None, "b.csv", 4)]),
        # TSV: no quoting, quotes are text; GB18030; region codes as column names; reference and doc columns
        ("c.tsv", 'zh-CN\ten-US\tref\tdoc\n中美\t"China-US\tChina–US\tmemo\n\n台独\tTaiwan\t\t\n', "gb18030",
         [("1", "中美", '"China-US', "China–US", "memo", 2), ("2", "台独", "Taiwan", "", "c.tsv", 4)]),
        # no header: source, target, reference by position
        ("d.tsv", "中美\tChina-US\tChina–US\n", "utf-8", [("1", "中美", "China-US", "China–US", "d.tsv", 1)]),
        # only a target column: a target-only table
        ("e.csv", "translation\nChina-US\n", "utf-8", [("1", None, "China-US", None, "e.csv", 2)]),
    ],
)
def test_csv_and_tsv(name: str, text: str, encoding: str, expected: list, tmp_path: Path) -> None:
    assert read(write(tmp_path / name, text, encoding)) == expected


def test_column_options(tmp_path: Path) -> None:
    path = write(tmp_path / "t.csv", "chinese,draft,final\n中美,Sino-US,China-US\n")
    got = read(path, source_column="Chinese", target_column="draft", reference_column="final")
    assert got == [("1", "中美", "Sino-US", "China-US", "t.csv", 2)]


def test_input_format_overrides_the_suffix(tmp_path: Path) -> None:
    path = write(tmp_path / "pairs.txt", "source\ttarget\n中美\tChina-US\n")
    assert read(path, "tsv") == [("1", "中美", "China-US", None, "pairs.txt", 2)]


def test_jsonl(tmp_path: Path) -> None:
    rows = [{"zh": "中美", "en": "China-US"}, {"source": "台独", "result": "Taiwan independence", "id": 7},
            {"zh": "去风险", "en": None}]
    path = write(tmp_path / "a.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n")
    assert read(path) == [("1", "中美", "China-US", None, "a.jsonl", 1),
                          ("7", "台独", "Taiwan independence", None, "a.jsonl", 2),
                          ("3", "去风险", None, None, "a.jsonl", 3)]


def test_parquet(tmp_path: Path) -> None:
    path = tmp_path / "a.parquet"
    pl.DataFrame({"id": [10, 11], "source": ["中美", "台独"], "target": ["China-US", None],
                  "reference": ["China–US", "Taiwan independence"]}).write_parquet(path)
    got = [(s.id, s.source, s.target, s.reference, s.origin.unit) for s in read_file(path, ReadOptions())]
    assert got == [("10", "中美", "China-US", "China–US", "row 1"),
                   ("11", "台独", None, "Taiwan independence", "row 2")]


@pytest.mark.parametrize(
    ("name", "text", "kw", "message"),
    [
        ("a.csv", "source,target\n中美,China-US\n台独,Taiwan,extra\n", {}, r"a.csv:3: row has 3 fields, expected 2"),
        ("b.csv", 'source,target\n中美,"China-US\n', {}, r"b.csv:\d+: malformed CSV"),
        ("c.csv", "source,target\n中美,China-US\n", {"target_column": "mt"},
         r"c.csv:1: no column 'mt' for --target-column \(columns: source, target\)"),
        ("d.csv", "source,notes\n中美,x\n", {}, r"d.csv:1: no target column"),
        ("e.csv", "only\n", {}, r"e.csv:1: one column only"),
        ("f.csv", "", {}, r"f.csv:1: empty file"),
        ("g.jsonl", '{"zh": "中美", "en": "China-US"}\n{"zh": "台独", "en": \n', {}, r"g.jsonl:2: malformed JSON"),
        ("h.jsonl", '["中美", "China-US"]\n', {}, r"h.jsonl:1: expected a JSON object, got list"),
        ("i.jsonl", '{"zh": "中美", "en": 5}\n', {}, r"i.jsonl:1: 'en' is int, expected text"),
        ("j.jsonl", '{"text": "中美"}\n', {}, r"j.jsonl:1: no source/target keys"),
        ("k.parquet", "not parquet", {}, r"k.parquet: not a readable Parquet file"),
    ],
)
def test_malformed_tables_are_clear_errors(name: str, text: str, kw: dict, message: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=message):
        read(write(tmp_path / name, text), **kw)


def test_parquet_with_a_non_text_column_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "n.parquet"
    pl.DataFrame({"source": ["中美"], "target": [1]}).write_parquet(path)
    with pytest.raises(InputError, match="column 'target' is Int64, expected text"):
        read(path)
