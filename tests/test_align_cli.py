"""`termcheck align` and `termcheck check --source --target` on documents that are not line-aligned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termcheck import cli
from termcheck.readers import read_file
from termcheck.readers.base import ReadOptions

# terms of four characters or more: matching them needs no word segmentation, so these runs stay fast
TERMS = Path(__file__).resolve().parent / "data" / "align-terms.csv"


def main(*args: str) -> int:
    return cli.main([*args])


@pytest.mark.parametrize("fmt", ["tmx", "tsv", "jsonl"])
def test_align_writes_the_alignment(fmt: str, seed: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main("align", str(seed["zh"]), str(seed["mt_paragraph"]), "-o", str(out), "--glossary", str(TERMS)) == 0
    assert "aligned 18 zh and 19 en sentences into 19 units (18 1-1, 1 0-1)" in capsys.readouterr().err
    lines = seed["mt"].read_text(encoding="utf-8").splitlines()
    if fmt == "tmx":  # the TMX reads back: tuid = sentence number, the header line a target-only unit
        segs = list(read_file(out, ReadOptions()))
        assert [s.id for s in segs] == ["0+1", *map(str, range(1, 19))]
        assert [s.target for s in segs[1:]] == lines
    elif fmt == "tsv":
        rows = out.read_text(encoding="utf-8").splitlines()
        assert rows[0] == "id\tbead\tzh\ten" and rows[2].split("\t")[3] == lines[0]
    else:
        rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        assert rows[0] == {"id": "0+1", "bead": "0-1", "zh": None, "en": "date 2024-02-17"}


def test_align_bytes_are_deterministic(seed: dict, tmp_path: Path) -> None:
    outs = [tmp_path / "a.tmx", tmp_path / "b.tmx"]
    for out in outs:
        main("align", str(seed["zh"]), str(seed["mt_paragraph"]), "-o", str(out), "--glossary", str(TERMS))
    assert outs[0].read_bytes() == outs[1].read_bytes()


def test_align_needs_a_known_output_format(seed: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main("align", str(seed["zh"]), str(seed["mt_paragraph"]), "-o", str(tmp_path / "x.docx")) == 2
    assert "give --format tmx, tsv or jsonl" in capsys.readouterr().err


def _findings(target: Path, seed: dict, glossary: Path, tmp_path: Path, *extra: str) -> list[dict]:
    out = tmp_path / f"{target.stem}.json"
    code = main("check", "--source", str(seed["zh"]), "--target", str(target), "--glossary", str(glossary),
                "--format", "json", "-o", str(out), "--quiet", *extra)
    assert code in (0, 1)
    return json.loads(out.read_text(encoding="utf-8"))["findings"]


def test_check_aligns_the_paragraph_and_finds_the_same(seed: dict, mini_glossary: Path, tmp_path: Path) -> None:
    """The seed as one paragraph with its date line: the findings of the line-aligned file, and the
    date line as an info-level addition."""
    def key(f: dict) -> tuple:
        return (f["segment"], f["check"], f["severity"], f["source_span"], f["target_span"], f["target_text"],
                f["message"], f["suggestion"])

    lines = _findings(seed["mt"], seed, mini_glossary, tmp_path)
    paragraph = _findings(seed["mt_paragraph"], seed, mini_glossary, tmp_path)
    extra = [f for f in paragraph if f["segment"] == "0+1"]
    assert [(f["check"], f["severity"], f["target_text"]) for f in extra] == [
        ("alignment.addition", "info", "date 2024-02-17")]
    assert sorted(map(key, lines)) == sorted(key(f) for f in paragraph if f["segment"] != "0+1")
    assert any(f["check"] == "terminology.forbidden" and f["segment"] == "10" for f in lines)


def test_check_reports_an_omitted_sentence(seed: dict, tmp_path: Path) -> None:
    en = seed["mt"].read_text(encoding="utf-8").splitlines()
    del en[11]  # sentence 12 left untranslated
    target = tmp_path / "draft.en.txt"
    target.write_text(" ".join(en) + "\n", encoding="utf-8")
    found = _findings(target, seed, TERMS, tmp_path, "--select", "alignment")
    assert [(f["check"], f["segment"], f["severity"], f["source_text"]) for f in found] == [
        ("alignment.omission", "12", "major", "双方就落实人文交流和人员往来便利化交换了意见。")]


@pytest.mark.parametrize(
    ("gone_zh", "gone_en", "expected"),
    [
        # a short sentence left untranslated between two others
        (None, 4, [("alignment.omission", "5", "major", "会谈气氛友好。", None)]),
        (None, 10, [("alignment.omission", "11", "major", "双方同意保持沟通。", None)]),
        # a sentence of the translation with no source
        (8, None, [("alignment.addition", "8+1", "major", None,
                    "A new container shipping route will open between the ports of the two countries.")]),
    ],
)
def test_check_reports_a_deleted_sentence_of_a_readout(gone_zh: int | None, gone_en: int | None, expected: list,
                                                        tmp_path: Path) -> None:
    """A hand-written readout (a sentence a line) and its translation (one paragraph), one sentence deleted."""
    data = Path(__file__).resolve().parent / "data"
    zh, en = ((data / f"consultations.{lang}.txt").read_text(encoding="utf-8").splitlines() for lang in ("zh", "en"))
    source, target = tmp_path / "readout.zh.txt", tmp_path / "readout.en.txt"
    source.write_text("".join(s + "\n" for k, s in enumerate(zh) if k != gone_zh), encoding="utf-8")
    target.write_text(" ".join(s for k, s in enumerate(en) if k != gone_en) + "\n", encoding="utf-8")
    out = tmp_path / "findings.json"
    assert main("check", "--source", str(source), "--target", str(target), "--glossary", str(TERMS), "--select",
                "alignment", "--format", "json", "-o", str(out), "--quiet") in (0, 1)
    found = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert [(f["check"], f["segment"], f["severity"], f["source_text"], f["target_text"]) for f in found] == expected


def test_no_align_keeps_the_error(seed: dict, capsys: pytest.CaptureFixture[str]) -> None:
    assert main("check", "--source", str(seed["zh"]), "--target", str(seed["mt_paragraph"]), "--no-align") == 2
    err = capsys.readouterr().err
    assert "not line-aligned (drop --no-align" in err and len(err.strip().splitlines()) == 1
