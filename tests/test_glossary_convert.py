"""`termcheck glossary convert`: CSV/TSV <-> TBX 2008/2019 without losing anything."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from termcheck.cli import main
from termcheck.glossary import csvfmt, tbx
from termcheck.glossary.load import bundled_path, load, read_entries
from termcheck.glossary.model import Entry

DATA = Path(__file__).resolve().parent / "data"
FIXTURE = DATA / "glossary-roundtrip.csv"


def bare(entries: tuple[Entry, ...] | list[Entry]) -> list[Entry]:
    return [replace(e, origin=None) for e in entries]


def sources() -> list[Path]:
    return [DATA / "seed-mini.csv", FIXTURE, bundled_path()]


@pytest.mark.parametrize("source", sources(), ids=lambda p: p.name)
@pytest.mark.parametrize("version", ["2008", "2019"])
def test_csv_to_tbx_to_csv_keeps_every_entry(source: Path, version: str) -> None:
    entries = load([source]).entries
    assert entries
    via_tbx = tbx.read(Path("x.tbx"), tbx.dump(entries, version))
    assert bare(via_tbx) == bare(entries)
    back = csvfmt.parse(csvfmt.dump(via_tbx), "x.csv")
    assert bare(back) == bare(entries)


def test_the_fixture_exercises_what_could_be_lost() -> None:
    entries = {e.id: e for e in load([FIXTURE]).entries}
    terms = [t for e in entries.values() for t in e.terms]
    assert {str(t.status) for t in terms} == {"preferred", "admitted", "superseded", "forbidden", "deprecated"}
    assert any(t.any_context for t in terms)
    assert any(e.note and "\n" in e.note for e in entries.values())  # a note on two lines
    assert any('"' in x and "," in x for t in terms for x in t.examples)  # quotes and commas in a sentence
    gap = entries["gap-in-wrong-sentences"]
    assert [bool(t.examples) for t in gap.terms if not t.status.ok] == [False, True]
    assert {t.lang for t in terms} == {"zh", "en", "fr"}


def test_tsv_round_trip() -> None:
    entries = load([FIXTURE]).entries
    text = csvfmt.dump(entries, "\t")
    assert bare(csvfmt.parse(text, "x.tsv", "\t")) == bare(entries)


def test_a_missing_wrong_sentence_keeps_the_others_in_place() -> None:
    text = ("id,zh,en,en_forbidden,attestation,test_zh,test_en,test_en_wrong\n"
            "x,去风险,de-risking,risk reduction|risk lowering,MFA 2024,去风险。,De-risking.,|Risk lowering.\n")
    (e,) = csvfmt.parse(text, "x.csv")
    assert [(t.text, t.examples) for t in e.terms if not t.status.ok] == [
        ("risk reduction", ()), ("risk lowering", ("Risk lowering.",))]
    assert "|Risk lowering." in csvfmt.dump([e])


def test_test_sentences_stay_when_there_is_no_preferred_column_value() -> None:
    text = ("id,zh,en,en_admitted,attestation,test_zh,test_en\n"
            "x,去风险,,de-risking,MFA 2024,去风险。,De-risking.\n")
    (e,) = csvfmt.parse(text, "x.csv")
    assert [t.examples for t in e.terms] == [("去风险。",), ("De-risking.",)]


# ---------------------------------------------------------------- the command


@pytest.mark.parametrize(("name", "extra", "marker"), [
    ("out.tbx", [], b"<tbx "),
    ("out.tbx", ["--tbx-version", "2008"], b"<martif "),
    ("out.xml", ["--tbx-version", "2019"], b"urn:iso:std:iso:30042:ed-2"),
    ("out.tsv", [], b"id\tzh\t"),
    ("out.csv", [], b"id,zh,"),
    ("out.txt", ["--to", "csv"], b"id,zh,"),
])
def test_cli_convert_writes_each_format(tmp_path: Path, capsys: pytest.CaptureFixture, name: str,
                                        extra: list[str], marker: bytes) -> None:
    out = tmp_path / name
    assert main(["glossary", "convert", str(FIXTURE), str(out), *extra]) == 0
    assert marker in out.read_bytes()[:400]
    assert bare(read_entries(out)) == bare(load([FIXTURE]).entries)
    assert f"entries written to {out}" in capsys.readouterr().err


def test_cli_convert_and_back_is_identical_to_the_source(tmp_path: Path) -> None:
    for version in ("2008", "2019"):
        main(["glossary", "convert", str(FIXTURE), str(tmp_path / "g.tbx"), "--tbx-version", version])
        main(["glossary", "convert", str(tmp_path / "g.tbx"), str(tmp_path / "g.csv")])
        again = tmp_path / "again.csv"
        main(["glossary", "convert", str(tmp_path / "g.csv"), str(again)])
        assert again.read_bytes() == (tmp_path / "g.csv").read_bytes()
        assert bare(read_entries(again)) == bare(load([FIXTURE]).entries)


def test_cli_convert_errors_exit_2_and_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    broken = tmp_path / "broken.tbx"
    broken.write_text("<martif><text><body><termEntry id='a'><langSet xml:lang='zh'>", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["glossary", "convert", str(broken), str(out)]) == 2
    assert "broken.tbx" in capsys.readouterr().err and not out.exists()
    assert main(["glossary", "convert", str(FIXTURE), str(tmp_path / "out.docx")]) == 2
    assert "--to" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [broken]


def test_cli_convert_warns_about_what_csv_cannot_hold(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    src = tmp_path / "two.tbx"
    src.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="zh"><text><body>
<termEntry id="x"><langSet xml:lang="zh"><tig><term>去风险</term></tig></langSet>
<langSet xml:lang="en"><tig><term>de-risking</term></tig>
<tig><term>risk reduction</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
<descrip type="context">Risk reduction one.</descrip><descrip type="context">Risk reduction two.</descrip></tig>
</langSet></termEntry></body></text></martif>""", encoding="utf-8")
    assert main(["glossary", "convert", str(src), str(tmp_path / "out.csv")]) == 0
    assert "1 entry cannot be held exactly in csv" in capsys.readouterr().err


def test_cli_convert_control_characters_to_tbx_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    src = tmp_path / "ctrl.csv"
    src.write_text("id,zh,en,note,attestation\nx,去风险,de-risking,bad\x01note,MFA 2024\n", encoding="utf-8")
    assert main(["glossary", "convert", str(src), str(tmp_path / "out.tbx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"termcheck: error: {src}:2: entry 'x' cannot be written as XML") and "Traceback" not in err
    assert not (tmp_path / "out.tbx").exists()
