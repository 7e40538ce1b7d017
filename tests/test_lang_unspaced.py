"""Languages written without spaces that termcheck has no module for (Japanese, Thai, ...): a glossary term is
found as a run of characters, never as part of a Latin word or number; Korean terms are found with the
particles written onto them; and a desk's plain glossary of such a language checks a translation end to
end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termcheck import lang
from termcheck.cli import main
from termcheck.glossary.match import Matcher
from termcheck.glossary.model import Entry, Glossary, Term


def _found(code: str, term: str, text: str) -> list[str]:
    glossary = Glossary((Entry("e1", (Term("术语", "zh"), Term(term, code))),))
    return [text[h.start:h.end] for h in Matcher(glossary, "zh", code).target_hits(text)]


@pytest.mark.parametrize(("code", "term", "text", "found"), [
    ("ja", "外務大臣", "日本の外務大臣が会談した。", ["外務大臣"]),
    ("ja", "APEC", "ＡＰＥＣ首脳会議", ["ＡＰＥＣ"]),  # full-width Latin letters
    ("ja", "APEC", "APECS首脳会議", []),  # not part of a longer Latin word
    ("ja", "5G", "15Gの通信", []),  # nor of a longer number
    ("ja", "5G", "5Gの通信", ["5G"]),
    ("th", "กระทรวงการต่างประเทศ", "โฆษกกระทรวงการต่างประเทศกล่าว", ["กระทรวงการต่างประเทศ"]),
])
def test_terms_are_runs_of_characters_in_languages_without_spaces(code: str, term: str, text: str,
                                                                   found: list[str]) -> None:
    assert _found(code, term, text) == found


def test_which_generic_module_a_language_gets() -> None:
    assert lang.get("ja").__name__ == "termcheck.lang.unspaced"
    assert lang.get("th-TH").__name__ == "termcheck.lang.unspaced"
    assert lang.get("ko").__name__ == "termcheck.lang.ko"
    assert lang.get("tr").__name__ == "termcheck.lang.spaced"
    assert lang.get("zh").__name__ == "termcheck.lang.zh"


def test_a_correct_translation_into_korean_is_not_missing_its_terms(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("source\ttarget\nThe Ministry of Foreign Affairs issued a statement.\t외교부는 성명을 발표했다.\n"
                     "The spokesperson spoke.\t대변인이 말했다.\nThe spokesperson spoke again.\t사람이 또 말했다.\n",
                     encoding="utf-8")
    glossary = tmp_path / "desk.csv"
    glossary.write_text("en,ko\nMinistry of Foreign Affairs,외교부\nspokesperson,대변인\n", encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["check", "--no-config", "-q", str(pairs), "--source-lang", "en", "--target-lang", "ko",
                 "--glossary", str(glossary), "--format", "json", "-o", str(out), "--fail-on", "never"]) == 0
    findings = [f for f in json.loads(out.read_text(encoding="utf-8"))["findings"] if f["check"].startswith("term")]
    assert [(f["check"], f["segment"]) for f in findings] == [("terminology.missing", "3")]


def test_a_plain_japanese_glossary_checks_a_translation(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("source\ttarget\n外務大臣が会談した。\tThe Foreign Minister held talks.\n"
                     "経済成長率は高かった。\tThe economic growth rate was high.\n", encoding="utf-8")
    glossary = tmp_path / "desk.csv"  # no id column, as desks keep them
    glossary.write_text("ja,en\n外務大臣,Minister for Foreign Affairs\n経済成長率,economic growth rate\n",
                        encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["check", "--no-config", "-q", str(pairs), "--source-lang", "ja", "--target-lang", "en",
                 "--glossary", str(glossary), "--format", "json", "-o", str(out), "--fail-on", "never"]) == 0
    findings = [f for f in json.loads(out.read_text(encoding="utf-8"))["findings"] if f["check"].startswith("term")]
    assert [(f["check"], f["segment"], f["term"]) for f in findings] == [
        ("terminology.missing", "1", "minister-for-foreign-affairs")]


@pytest.mark.parametrize(("term", "text", "found"), [
    ("외교부", "외교부는 성명을 발표했다.", ["외교부"]),
    ("외교부", "외교부의 대변인", ["외교부"]),
    ("외교부", "외교부에서는 말했다", ["외교부"]),  # particles in a row
    ("대변인", "대변인들에게서는", ["대변인"]),
    ("외교부", "외교부장관이 왔다", []),  # 장관 is a word, not a particle
    ("외교부", "북한외교부", []),  # not at a phrase's start
    ("한국", "한국인 대변인", []),  # 한국인 is another word
    ("APEC", "APEC에서 만났다", ["APEC"]),
    ("APEC", "APECS에서", []),
    ("외교부 대변인", "외교부 대변인이 말했다", ["외교부 대변인"]),
])
def test_korean_terms_take_particles_and_nothing_else(term: str, text: str, found: list[str]) -> None:
    assert _found("ko", term, text) == found


def test_a_japanese_document_is_cut_into_sentences_before_it_is_aligned(tmp_path: Path) -> None:
    source, target = tmp_path / "doc.ja.txt", tmp_path / "doc.en.txt"
    source.write_text("日本政府は新しい政策を発表した。経済成長率は高かった。\n外務大臣が会談した。\n", encoding="utf-8")
    target.write_text("The Japanese government announced a new policy.\nThe economic growth rate was high.\n"
                      "The Foreign Minister held talks.\n", encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["check", "--no-config", "-q", "--source", str(source), "--target", str(target), "--source-lang", "ja",
                 "--format", "json", "-o", str(out), "--fail-on", "never"]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"]["segments"] == 3  # two sentences of the first line, each with its translation
    assert not [f for f in report["findings"] if f["check"].startswith("alignment")]
