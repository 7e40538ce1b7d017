"""The shared per-text analysis: computed once per text, and no caller can spoil another's result."""

from __future__ import annotations

from termcheck import lang as langs
from termcheck.lang.memo import shared


def test_a_text_is_analysed_once_and_each_caller_gets_its_own_list() -> None:
    calls: list[str] = []

    @shared
    def words(text: str) -> list[str]:
        calls.append(text)
        return text.split()

    first = words("one two three")
    first.append("spoiled")
    assert words("one two three") == ["one", "two", "three"]
    assert words("four") == ["four"]
    assert calls == ["one two three", "four"]


def test_number_check_and_alignment_read_the_same_numbers() -> None:
    # the protocol view hands every check the same reading of a text, computed once
    read = langs.module("en").quantities
    assert read is langs.module("en").quantities
    a = read("Exports rose 3.5% to 12 billion dollars in 2023.")
    b = read("Exports rose 3.5% to 12 billion dollars in 2023.")
    assert a == b and a is not b
    assert sorted(q.value for q in a) == [3.5, 2023.0, 12e9]


def test_distinct_keeps_the_most_recently_used_texts_and_is_off_with_the_shortcuts() -> None:
    from termcheck import shortcuts
    from termcheck.lang.memo import Distinct

    calls: list[str] = []

    def words(text: str) -> tuple[str, ...]:
        calls.append(text)
        return tuple(text.split())

    kept = Distinct(words, size=2)
    for text in ("a b", "c", "a b", "d", "a b", "c"):  # "c" was pushed out by "a b" and "d"
        assert kept(text) == tuple(text.split())
    assert calls == ["a b", "c", "d", "c"]
    assert len(kept) == 2
    with shortcuts.switched(False):
        kept("a b")
    assert calls[-1] == "a b"


def test_distinct_does_not_keep_long_texts(monkeypatch) -> None:
    from termcheck.lang import memo

    calls: list[str] = []
    kept = memo.Distinct(lambda t: calls.append(t) or len(t), size=10)
    monkeypatch.setattr(memo, "LONGEST", 3)
    assert [kept("abcd"), kept("abcd"), kept("ab"), kept("ab")] == [4, 4, 2, 2]
    assert calls == ["abcd", "abcd", "ab"] and len(kept) == 1
