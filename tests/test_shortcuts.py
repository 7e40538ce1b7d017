"""Exact shortcuts change nothing: findings with TERMCHECK_SHORTCUTS=0 (every screen and memo off) are the same bytes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from shareddata import shared_dir

from termcheck import shortcuts
from termcheck.checks import artifacts, punctuation
from termcheck.cli import main
from termcheck.lang import detect, lengths, memo, scripts

ROOT = Path(__file__).resolve().parents[1]
SEED = "corpora/readout-2024-02-16"
MINI = "tests/data/seed-mini.csv"


SHARED = shared_dir()
REAL = SHARED / "real-parallel" if SHARED else None


def _both_ways(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
               batch_size: int = 2000) -> tuple[bytes, bytes]:
    """The report of one run with shortcuts on and with them off."""
    monkeypatch.chdir(ROOT)
    config = tmp_path / "termcheck.toml"
    config.write_text(f"batch-size = {batch_size}\n", encoding="utf-8")
    out = []
    monkeypatch.setattr(shortcuts, "_on", shortcuts.on())  # a run rereads the switch: as it was after the test
    for on in ("1", "0"):
        monkeypatch.setenv(shortcuts.VARIABLE, on)
        path = tmp_path / f"report-{on}.json"
        assert main(["check", "--config", str(config), "-q", "--fail-on", "never", "--format", "json",
                     "--jobs", "1", *args, "-o", str(path)]) == 0
        out.append(path.read_bytes())
    return out[0], out[1]


# name -> arguments, and whether the run finds something (a run that finds nothing compares little)
RUNS = {
    "seed lines with reference": (["--source", f"{SEED}.zh.txt", "--target", f"{SEED}.mt.lines.en.txt",
                                   "--reference", f"{SEED}.ref.en.txt", "--glossary", MINI], True),
    "seed paragraph (aligned)": (["--source", f"{SEED}.zh.txt", "--target", f"{SEED}.mt.en.txt"], True),
    "seed human reference": (["--source", f"{SEED}.zh.txt", "--target", f"{SEED}.ref.en.txt"], False),
    "consultations": (["--source", "tests/data/consultations.zh.txt", "--target",
                       "tests/data/consultations.en.txt"], True),
    "memory tmx": (["tests/data/readers/memory.tmx", "--glossary", MINI], True),
}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_project_data_same_findings_without_shortcuts(name: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    args, finds = RUNS[name]
    on, off = _both_ways(args, tmp_path, monkeypatch)
    assert bool(json.loads(on)["findings"]) == finds
    assert on == off


def _un_sample(n: int) -> list[dict[str, str]]:
    """n UN pairs of each: the human translation and both machine translations, as three documents; the
    human one with a planted shift (a target lost) and a planted loop, so that every screened check speaks."""
    with (REAL / "un-zh-en.ref.jsonl").open(encoding="utf-8") as f:
        ref = [json.loads(line) for _, line in zip(range(n), f, strict=False)]
    rows = [{"doc": "human", "source": r["zh"], "target": r["en"]} for r in ref]
    lost = n // 2
    for k in range(lost, lost + 8):
        rows[k]["target"] = ref[k + 1]["en"]
    words = rows[7]["target"].split()
    rows[7]["target"] = " ".join(words[:3] * 3 + words[3:])
    for name in ("un-zh-en.mt-liam.jsonl", "un-zh-en.mt-opusmt.jsonl"):
        with (REAL / name).open(encoding="utf-8") as f:
            rows += [{"doc": name, "source": r["zh"], "target": json.loads(line)["result"]}
                     for r, line in zip(ref, f, strict=False)]
    return rows


def test_un_sample_same_findings_without_shortcuts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if REAL is None or not (REAL / "un-zh-en.ref.jsonl").exists():
        pytest.skip("shared data absent")
    path = tmp_path / "un.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _un_sample(500)), encoding="utf-8")
    on, off = _both_ways([str(path)], tmp_path, monkeypatch, batch_size=400)  # runs cross batches
    checks = {f["check"] for f in json.loads(on)["findings"]}
    assert {"alignment.shift", "accuracy.number", "fluency.artifact"} <= checks
    assert on == off


# the screens one by one, against the long way on generated text
_TOKENS = st.sampled_from(["the", "The", "of", "a", "b", ",", ".", "to", "go", "Go", "42", "İ", "über", "中国", " "])
_TEXT = st.lists(_TOKENS, max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_repetition_screen_skips_only_texts_without_repetitions(text: str) -> None:
    fast = list(artifacts.repetitions(text))
    with shortcuts.switched(False):
        slow = list(artifacts.repetitions(text))
    assert fast == slow


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, st.text(max_size=60)))
def test_script_counts_of_ascii_text_in_one_pass(text: str) -> None:
    fast = scripts.counts(text)
    with shortcuts.switched(False):
        slow = scripts.counts(text)
    assert list(fast.items()) == list(slow.items())


@pytest.mark.parametrize(("text", "lang"), [
    ("the cat sat", "en"), ("Das ist nicht gut", "en"), ("doesn't matter now", "en"), ("", "en"),
    ("Der Hund und die Katze", "de"), ("Los gatos duermen", "es"), ("casa grande", "it"), ("chat noir", "fr"),
])
def test_first_function_word_settles_as_the_share_does(text: str, lang: str) -> None:
    share = detect.function_word_share(text, lang)
    has = detect.has_function_word(detect.words(text), lang)
    assert (has is None) == (share is None)
    assert bool(has) == bool(share)


def test_shared_memo_keeps_short_texts_only_and_is_off_with_the_shortcuts(monkeypatch) -> None:
    calls: list[str] = []

    @memo.shared
    def analyse(text: str) -> list[str]:
        calls.append(text)
        return text.split()

    monkeypatch.setattr(memo, "LONGEST", 3)
    analyse("x y z"), analyse("x y z")  # a text longer than LONGEST is not kept
    analyse("a"), analyse("a")
    assert calls == ["x y z", "x y z", "a"]
    with shortcuts.switched(False):
        analyse("a")  # the long way: computed again
    assert calls == ["x y z", "x y z", "a", "a"]


_NUMBER_WORDS = st.sampled_from(["one", "a", "an", "half", "Half", "halves", "third", "quarter", "couple", "of",
                                 "dozen", "twenty", "-", "five", "hundred", "million", "and", "first", "1.5",
                                 "per", "cent", "über", "İ", "onehalf", "twice", "2", ",", "none", "seventy-two",
                                 "May", "in", "Jan.", "Sept.", "June", "5June", "Mayday", "Chapter", "Vol.", "II",
                                 "XIV", "Article", "Articles", "_Part", "IV.", "(", "Annex"])
_NUMBER_TEXT = st.lists(_NUMBER_WORDS, max_size=14).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_NUMBER_TEXT, st.text(alphabet="aefhilnortuvwx -1", max_size=40)))
@example("in May 2024, under Chapter VII and Vol. II of the report")
@example("from 3 Sept. to 5 Jan. (Article XIV)")
def test_english_number_scans_skipped_only_without_their_words(text: str) -> None:
    from termcheck.lang import en_numbers

    _as_the_long_way(en_numbers.quantities, text)


def _as_the_long_way(fn: Callable[[str], object], text: str) -> None:
    fast = fn(text)
    with shortcuts.switched(False):
        assert fn(text) == fast


# rewrites that skip what a loop did nothing with, against the loops they replace
def _unbalanced_char_by_char(text: str, pairs: dict[str, str]) -> list[tuple[int, str]]:
    lst = punctuation._LIST_ITEM.match(text)
    closers = {v: k for k, v in pairs.items()}
    stack: list[tuple[int, str]] = []
    bad: list[tuple[int, str]] = []
    for i in range(lst.end() if lst else 0, len(text)):
        c = text[i]
        if c in pairs:
            stack.append((i, c))
        elif c in closers:
            if stack and stack[-1][1] == closers[c]:
                stack.pop()
            elif any(o == closers[c] for _, o in stack):
                while stack and stack[-1][1] != closers[c]:
                    bad.append(stack.pop())
                stack.pop()
            elif not (c == ")" and punctuation._ENUM_CLOSE.search(text, 0, i + 1)):
                bad.append((i, c))
    bad.extend(stack)
    straight = [i for i, c in enumerate(text) if c == '"']
    if len(straight) % 2:
        bad.append((straight[-1], '"'))
    return sorted(bad)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab1 ()[]{}“”\"«»;:.-", max_size=30),
       st.sampled_from([punctuation.PAIRS, {"«": "»", "“": "”"}, {"„": "“", "»": "«"}]))
def test_unbalanced_marks_as_char_by_char(text: str, pairs: dict[str, str]) -> None:
    assert punctuation.unbalanced(text, pairs) == _unbalanced_char_by_char(text, pairs)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_letters_counted_by_runs_as_one_by_one(text: str) -> None:
    assert lengths.letters(text) == len(re.findall(r"[^\W_]", text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b.c", "@", "x@y.org", "http", "://", "ftp://q.r", "www", ".", "www.s.t", " "]),
                max_size=12).map("".join))
def test_addresses_screened_by_what_each_kind_needs(text: str) -> None:
    from termcheck.lang import european

    assert european.protected(text) == [m.span() for m in european._URLISH.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="中国人民abc Ωжй。，1 ", max_size=30), st.sampled_from(["zh", "ru", "el", "en"]),
       st.integers(min_value=1, max_value=8))
def test_language_settled_by_own_script_as_by_all_scripts(text: str, lang: str, min_letters: int) -> None:
    from termcheck.checks.language import judge

    kw = {"min_letters": min_letters, "min_words": 2, "min_prob": 0.95, "other_script": None}
    fast = judge(text, lang, **kw)
    with shortcuts.switched(False):
        assert judge(text, lang, **kw) == fast


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Translation", ":", "Here is the translation", "As an AI", "I am sorry, but",
                                 "I cannot translate", "<unk>", "</s>", "[SEP]", "@@ ", "```", "&amp;", "&#12;",
                                 "sure! here", "text", " ", "\n", "é", "\u2581"]), max_size=8).map("".join))
def test_prompt_text_screened_by_what_each_pattern_needs(text: str) -> None:
    fast = list(artifacts.prompt_text(text))
    with shortcuts.switched(False):
        assert list(artifacts.prompt_text(text)) == fast


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["word", "U.S.", ".", "!", "?", " ", "\n", "-", "“", "(", "results", "e.g.", "iPhone",
                                 "Next", "é"]), max_size=12).map("".join))
def test_sentence_breaks_screened_by_a_stop_before_a_space(text: str) -> None:
    fast = list(artifacts.sentence_breaks(text, frozenset({"no", "dr"})))
    with shortcuts.switched(False):
        assert list(artifacts.sentence_breaks(text, frozenset({"no", "dr"}))) == fast


def test_a_run_takes_the_switch_from_the_environment_when_it_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    from termcheck.config import build
    from termcheck.glossary.load import load
    from termcheck.runner import Run

    monkeypatch.setattr(shortcuts, "_on", shortcuts.on())
    glossary = load()
    for value, expected in (("0", False), ("1", True), ("0", False)):
        monkeypatch.setenv(shortcuts.VARIABLE, value)
        Run(glossary, build())
        assert shortcuts.on() is expected
    monkeypatch.delenv(shortcuts.VARIABLE)
    assert shortcuts.reread() is True  # unset: on


def test_repeated_segments_same_findings_without_shortcuts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Repetitions (the seed's lines as three documents, some lines twice in a row, a machine translation and
    the human one of the same sources) across batches and inside one: each repetition reported with its own
    id and document, as when every segment is analysed."""
    zh = (ROOT / f"{SEED}.zh.txt").read_text(encoding="utf-8").splitlines()
    mt = (ROOT / f"{SEED}.mt.lines.en.txt").read_text(encoding="utf-8").splitlines()
    ref = (ROOT / f"{SEED}.ref.en.txt").read_text(encoding="utf-8").splitlines()
    rows = []
    for doc, targets in (("a", mt), ("b", ref), ("c", mt)):
        for k, (s, t) in enumerate(zip(zh, targets, strict=True)):
            rows += [{"doc": doc, "source": s, "target": t}] * (2 if k % 5 == 0 else 1)
    path = tmp_path / "repeated.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    on, off = _both_ways([str(path), "--glossary", MINI], tmp_path, monkeypatch, batch_size=7)
    found = json.loads(on)["findings"]
    assert {f["doc"] for f in found} >= {"a", "c"}
    assert on == off


_CURRENCY_TEXT = st.lists(st.sampled_from(["US", "dollars", "dollar", "Hong", "Kong", "HKD", "yen", "yens", "euros",
                                           "EUR", "pounds", "sterling", "RMB", "renminbi", "yuan", "KRW", "won", "$",
                                           "5", "million", "NT", "Taiwan", "Dollars", "AUDIT", "the", ","]),
                          max_size=10).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_CURRENCY_TEXT, st.text(alphabet="dolarsyenuoGBP $5", max_size=30)))
@example("500 pounds sterling")
@example("5 million yen")
def test_currencies_named_screened_by_the_words_they_need(text: str) -> None:
    from termcheck.lang import currency

    _as_the_long_way(currency.en_named, text)
