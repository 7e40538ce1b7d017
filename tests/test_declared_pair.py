"""Given no language pair (no flag, no configuration), a TMX, XLIFF or a table with language-named columns is checked
in the pair it declares: an en -> ko memory was read as zh -> en, its English source taken for the target, and
passed having checked nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termcheck.cli import main
from termcheck.readers.pair import declared_pair

TU = '<tu tuid="{i}"><tuv xml:lang="{a}"><seg>{s}</seg></tuv><tuv xml:lang="{b}"><seg>{t}</seg></tuv></tu>\n'
UNITS = [("The Ministry of Foreign Affairs issued a statement.", "외교부는 성명을 발표했다."),
         ("The spokesperson of the Ministry of Foreign Affairs spoke.", "대변인이 말했다.")]


def tmx(header: str, first: str = "en", second: str = "ko-KR") -> str:
    body = "".join(TU.format(i=i, a=first, s=en if first == "en" else ko, b=second, t=ko if first == "en" else en)
                   for i, (en, ko) in enumerate(UNITS, 1))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header {header} datatype="plaintext"/>'
            f"<body>\n{body}</body></tmx>\n")


def run(tmp_path: Path, name: str, text: str, *extra: str) -> tuple[int, dict]:
    path = tmp_path / name
    if text:  # else the file is there already
        path.write_text(text, encoding="utf-8")
    glossary = tmp_path / "desk.csv"
    glossary.write_text("en,ko\nMinistry of Foreign Affairs,외교부\n", encoding="utf-8")
    out = tmp_path / "r.json"
    code = main(["check", "--no-config", "-q", str(path), "--glossary", str(glossary), "--format", "json", "-o",
                 str(out), "--fail-on", "never", *extra])
    return code, json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}


@pytest.mark.parametrize(("header", "first", "second"), [
    ('srclang="en"', "en", "ko-KR"),
    ('srclang="en"', "ko-KR", "en"),  # the header names the source whatever the order of the variants
    ("", "en", "ko-KR"),  # no header srclang: the first unit's languages in order
])
def test_a_tmx_is_checked_in_the_pair_it_declares(tmp_path: Path, header: str, first: str, second: str) -> None:
    code, report = run(tmp_path, "memory.tmx", tmx(header, first, second))
    assert code == 0 and report["signature"]["pair"] == "en-ko"
    assert report["summary"]["segments"] == 2
    terms = [f for f in report["findings"] if f["check"].startswith("terminology")]
    assert [(f["check"], f["segment"]) for f in terms] == [("terminology.missing", "2")]  # 외교부 missing there


def test_an_xliff_is_checked_in_the_pair_it_declares(tmp_path: Path) -> None:
    xliff = ('<?xml version="1.0"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" '
             'trgLang="ko"><file id="f">\n' + "".join(
                 f'<unit id="{i}"><segment><source>{en}</source><target>{ko}</target></segment></unit>\n'
                 for i, (en, ko) in enumerate(UNITS, 1)) + "</file></xliff>\n")
    code, report = run(tmp_path, "job.xlf", xliff)
    assert code == 0 and report["signature"]["pair"] == "en-ko" and report["summary"]["segments"] == 2


def test_a_pair_asked_for_wins_over_the_declared_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(tmp_path, "memory.tmx", tmx('srclang="en"'), "--source-lang", "zh", "--target-lang", "en")
    err = capsys.readouterr().err
    assert code == 2 and "but not the run's source language 'zh'" in err and "--source-lang en --target-lang ko" in err


def test_what_does_not_declare_a_pair_declares_none(tmp_path: Path) -> None:
    assert declared_pair(tmp_path / "pairs.tsv") is None
    broken = tmp_path / "broken.tmx"
    broken.write_text("<tmx><header srclang='en'/><body><tu>", encoding="utf-8")
    assert declared_pair(broken) is None  # the reader says what is wrong with it
    star = tmp_path / "star.tmx"
    star.write_text(tmx('srclang="*all*"'), encoding="utf-8")
    assert declared_pair(star) == ("en", "ko")


@pytest.mark.parametrize("name", ["pairs.tsv", "pairs.csv", "pairs.jsonl", "pairs.parquet"])
def test_a_table_with_language_columns_is_checked_in_their_pair(tmp_path: Path, name: str) -> None:
    rows = [{"id": str(i), "en": en, "ko": ko} for i, (en, ko) in enumerate(UNITS, 1)]
    path = tmp_path / name
    if name.endswith(".parquet"):
        import polars as pl

        pl.DataFrame(rows).write_parquet(path)
    elif name.endswith(".jsonl"):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    else:
        sep = "\t" if name.endswith(".tsv") else ","
        path.write_text("".join(sep.join(r.values()) + "\n" for r in [{"id": "id", "en": "en", "ko": "ko"}, *rows]),
                        encoding="utf-8")
    code, report = run(tmp_path, name, path.read_text(encoding="utf-8") if not name.endswith(".parquet") else "")
    assert code == 0 and report["signature"]["pair"] == "en-ko" and report["summary"]["segments"] == 2


def test_a_table_in_another_pair_than_the_one_asked_for_is_an_error(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    text = "en\tko\n" + "".join(f"{en}\t{ko}\n" for en, ko in UNITS)
    code, _ = run(tmp_path, "pairs.tsv", text, "--source-lang", "zh", "--target-lang", "en")
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "no source column for 'zh', but columns named 'ko'" in err[0]


def test_fix_takes_the_declared_pair_too(tmp_path: Path) -> None:
    memory = tmp_path / "memory.tmx"
    memory.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
                      'datatype="plaintext"/><body>\n' + TU.format(i=1, a="en", s="Both sides agreed.", b="zh",
                                                                  t="双方同意,这很好。") + "</body></tmx>\n",
                      encoding="utf-8")
    out = tmp_path / "fixed.tmx"
    assert main(["fix", "--no-config", "-q", str(memory), "-o", str(out)]) == 0
    assert "双方同意，这很好。" in out.read_text(encoding="utf-8")  # the Chinese target's comma, made full-width


def test_a_plain_text_in_another_script_than_its_language_gets_a_note(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    source, target = tmp_path / "a.txt", tmp_path / "b.txt"
    source.write_text("日本政府は新しい政策を発表した。外務大臣が会談した。\n", encoding="utf-8")
    target.write_text("The Japanese government announced a new policy. The Foreign Minister held talks.\n",
                      encoding="utf-8")
    assert main(["check", "--no-config", "--source", str(source), "--target", str(target), "--fail-on", "never",
                 "--format", "json", "-o", str(tmp_path / "r.json")]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if "note:" in line]
    assert notes == ["termcheck: note: the source text a.txt holds Japanese kana, but is checked as 'zh': "
                     "give its language with --source-lang"]
    assert main(["check", "--no-config", "--source", str(source), "--target", str(target), "--fail-on", "never",
                 "--source-lang", "ja", "--format", "json", "-o", str(tmp_path / "r.json")]) == 0
    assert "note:" not in capsys.readouterr().err


def test_a_csv_separated_by_semicolons_is_read_by_its_columns(tmp_path: Path) -> None:
    text = "en;ko\n" + "".join(f"{en};{ko}\n" for en, ko in UNITS)
    code, report = run(tmp_path, "excel.csv", text)
    assert code == 0 and report["signature"]["pair"] == "en-ko" and report["summary"]["segments"] == 2


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("中美关系很重要。双方同意加强合作。APEC WTO G20 summit meeting in San Francisco.", "zh", None),  # English in Chinese
    ("China-US relations matter. Both sides agreed to strengthen cooperation.", "zh", "Latin"),
    ("日本政府は新しい政策を発表した。外務大臣が会談した。", "zh", "Kana"),
    ("日本政府は新しい政策を発表した。外務大臣が会談した。", "ja", None),
    ("외교부는 성명을 발표했다. 대변인이 말했다. 회담은 우호적이었다.", "en", "Hangul"),
    ("ሰላም ለዓለም ሰላም ለሁሉም ሰዎች ይሁን ዛሬም ነገም ለዘላለም", "am", None),  # a script termcheck does not know: no opinion
    ("短い", "en", None),  # too short to say
])
def test_which_texts_do_not_fit_their_language(text: str, lang: str, expected: str | None) -> None:
    from termcheck.lang.scripts import fits

    assert fits(text, lang) == expected


def test_an_encoded_chinese_source_gets_no_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, target = tmp_path / "a.txt", tmp_path / "b.txt"
    source.write_bytes("中美关系很重要。双方同意加强合作，共同应对全球性挑战。\n".encode("gb18030"))
    target.write_text("China-US relations matter. Both agreed to work together on global challenges.\n",
                      encoding="utf-8")
    assert main(["check", "--no-config", "--source", str(source), "--target", str(target), "--fail-on", "never",
                 "--format", "json", "-o", str(tmp_path / "r.json")]) == 0
    assert "note:" not in capsys.readouterr().err
