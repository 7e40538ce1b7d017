"""Folders of documents (NAME.zh.txt + NAME.en.txt [+ NAME.ref.en.txt]) and plain-text pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck.align.segments import SentenceAligner
from termcheck.errors import InputError
from termcheck.readers import read_inputs
from termcheck.readers.base import ReadOptions
from termcheck.readers.plaintext import read_pair

ALIGN = SentenceAligner()  # the pipeline gives the readers an aligner; these tests give one too


def folder(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_each_pair_is_a_document(tmp_path: Path) -> None:
    root = folder(tmp_path, {
        "a.zh.txt": "中美关系十分重要。\n双方同意保持沟通。\n",
        "a.en.txt": "China-US relations are important.\nThe two sides agreed to stay in touch.\n",
        "a.ref.en.txt": "China-US relations matter.\nBoth sides agreed to keep in touch.\n",
        "sub/b.zh.txt": "反对台独。\n",
        "sub/b.en.txt": "We oppose Taiwan independence.\n",
        "notes.txt": "ignored",
        "README.md": "ignored",
    })
    segs = list(read_inputs([root], ReadOptions(aligner=ALIGN)))
    assert [(s.doc, s.id, s.index, s.reference) for s in segs] == [
        ("a", "1", 0, "China-US relations matter."), ("a", "2", 1, "Both sides agreed to keep in touch."),
        ("b", "1", 2, None)]
    assert str(segs[2].origin) == f"{root / 'sub' / 'b.zh.txt'}:1"
    assert str(segs[2].target_origin) == f"{root / 'sub' / 'b.en.txt'}:1"


def test_a_document_whose_lines_differ_is_aligned(tmp_path: Path) -> None:
    root = folder(tmp_path, {
        "a.zh.txt": "中美关系十分重要。\n双方同意保持沟通。\n",
        "a.en.txt": "China-US relations are important. The two sides agreed to stay in touch.\n",
    })
    segs = list(read_inputs([root], ReadOptions(aligner=ALIGN)))
    assert [(s.id, s.target, s.alignment) for s in segs] == [
        ("1", "China-US relations are important.", "1-1"), ("2", "The two sides agreed to stay in touch.", "1-1")]


def test_folder_mixes_documents_and_aligned_files(tmp_path: Path) -> None:
    root = folder(tmp_path, {
        "a.zh.txt": "中美。\n", "a.en.txt": "China-US.\n",
        "b.tsv": "source\ttarget\n台独\tTaiwan independence\n",
    })
    assert [s.doc for s in read_inputs([root], ReadOptions(aligner=ALIGN))] == ["a", "b.tsv"]


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"a.zh.txt": "中美。\n"}, r"a.zh.txt: no translation beside it \(expected .*a.en.txt\)"),
        ({"a.en.txt": "China-US.\n"}, r"a.en.txt: no source text beside it \(expected .*a.zh.txt\)"),
        ({"notes.txt": "x"}, r"folder holds no readable files"),
    ],
)
def test_incomplete_folders_are_errors(files: dict, message: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=message):
        list(read_inputs([folder(tmp_path, files)], ReadOptions(aligner=ALIGN)))


def test_languages_follow_the_options(tmp_path: Path) -> None:
    root = folder(tmp_path, {"a.en.txt": "China-US.\n", "a.fr.txt": "Chine-États-Unis.\n"})
    segs = list(read_inputs([root], ReadOptions(source_lang="en", target_lang="fr", aligner=ALIGN)))
    assert [(s.source, s.target) for s in segs] == [("China-US.", "Chine-États-Unis.")]


def test_no_align_keeps_mismatched_line_counts_an_error(seed: dict) -> None:
    with pytest.raises(InputError, match=r"has 18 lines but .* has 6: the files are not line-aligned"):
        list(read_pair(seed["zh"], seed["mt_paragraph"], None, ReadOptions(align=False)))


def test_align_forces_sentence_alignment_of_line_aligned_files(tmp_path: Path) -> None:
    zh = folder(tmp_path, {"zh.txt": "中美关系十分重要。双方同意保持沟通。\n"}) / "zh.txt"
    en = folder(tmp_path, {"en.txt": "China-US relations are important. The two sides agreed to stay in touch.\n"}) / "en.txt"
    assert len(list(read_pair(zh, en, None, ReadOptions(aligner=ALIGN)))) == 1
    assert [s.id for s in read_pair(zh, en, None, ReadOptions(align=True, aligner=ALIGN))] == ["1", "2"]
