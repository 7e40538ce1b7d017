"""A glossary and its matchers are kept between runs: the same results, rebuilt when the file or code changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck import diskcache as cache
from termcheck.glossary.load import load
from termcheck.glossary.match import Matcher

CSV = """id,zh,en,en_forbidden,severity
de-risking,去风险,de-risking,risk reduction,major
china-us-relations,中美关系,China-US relations,Sino-American relations,major
"""
TEXT = ("美方把去风险变成脱钩，损害中美关系。", "The US turned risk reduction into decoupling, hurting Sino-American relations.")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TERMCHECK_NO_CACHE", raising=False)
    return tmp_path / "cache" / "termcheck"


def hits(path: Path) -> tuple[list, list]:
    m = Matcher(load([path]))
    return ([(h.entry, h.term, h.start, h.end) for h in m.source_hits(TEXT[0])],
            [(h.entry, h.term, h.start, h.end) for h in m.target_hits(TEXT[1])])


def test_a_second_run_reads_what_the_first_kept_and_matches_alike(home: Path, tmp_path: Path) -> None:
    g = tmp_path / "g.csv"
    g.write_text(CSV, encoding="utf-8")
    first = hits(g)
    # (jieba's dictionary is kept too when this process had not read it yet)
    kept = sorted(p.name.split("-")[0] for p in home.glob("*.pickle") if not p.name.startswith("jieba"))
    assert kept == ["glossary", "matcher", "matcher"]
    assert hits(g) == first and len(first[0]) == 2 and len(first[1]) == 2


def test_a_changed_file_is_read_again(home: Path, tmp_path: Path) -> None:
    g = tmp_path / "g.csv"
    g.write_text(CSV, encoding="utf-8")
    hits(g)
    g.write_text(CSV.replace("risk reduction", "lowering risks"), encoding="utf-8")
    assert load([g]).get("de-risking").terms[-1].text == "lowering risks"


def test_a_damaged_cache_file_is_rebuilt(home: Path, tmp_path: Path) -> None:
    g = tmp_path / "g.csv"
    g.write_text(CSV, encoding="utf-8")
    first = hits(g)
    for p in home.glob("*.pickle"):
        p.write_bytes(b"not a pickle")
    assert hits(g) == first


def test_no_cache_folder_means_building_each_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMCHECK_NO_CACHE", "1")
    assert cache.folder() is None
    calls = []
    assert cache.remember("x", b"k", lambda: calls.append(1) or 42) == 42
    assert cache.remember("x", b"k", lambda: calls.append(1) or 42) == 42
    assert len(calls) == 2


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder should be
    monkeypatch.delenv("TERMCHECK_NO_CACHE", raising=False)
    assert cache.remember("x", b"k", lambda: 7) == 7


def test_each_kind_keeps_its_newest_files_and_leaves_other_kinds_alone(home: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "KEEP", 2)
    cache.remember("jieba-words", b"w", lambda: "words")  # a kind whose name starts with another's
    for i in range(4):
        assert cache.remember("jieba", str(i).encode(), lambda i=i: i) == i
    names = sorted(p.name.split("-")[0] + ("-words" if "-words-" in p.name else "") for p in home.glob("*.pickle"))
    assert names == ["jieba", "jieba", "jieba-words"]
    assert cache.remember("jieba-words", b"w", lambda: "built again") == "words"
