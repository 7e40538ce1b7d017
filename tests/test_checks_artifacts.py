"""fluency.artifact: broken fragments, doubled words and phrases, loops, debris, prompt text (no source needed)."""

from __future__ import annotations

import pytest

from termcheck.api import check
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.model import Segment


def findings(en, **options):
    cfg = Config(select=("fluency.artifact",), options={"fluency.artifact": options} if options else {})
    rep = check([Segment("1", None, en)], glossary=Glossary([]), config=cfg)
    return [(str(f.severity), f.target_text) for f in rep.findings]


@pytest.mark.parametrize(("en", "expected"), [
    # the seed's machine translation
    ("and have reached important common points. understandings.", [("major", "points. understandings.")]),
    ("will achieve results. positive results.", [("major", "results. positive results.")]),
    ("will ultimately backfire on states. -United themselves.", [("major", "states. -United")]),
    ("development of China-US relations. .", [("minor", ". .")]),
    # doubled words and phrases, loops
    ("We support the the proposal.", [("minor", "the the")]),
    ("The The proposal was adopted.", [("minor", "The The")]),
    ("in order to protect security. security of all States.", [("major", "security. security of all States.")]),
    ("the rights of the rights of women", [("major", "the rights of the rights of")]),
    ("and the and the and the outcome", [("major", "and the and the and the")]),
    ("development development development", [("major", "development development development")]),
    # debris and detached punctuation
    ("The parties agreed ,, to meet.", [("minor", ",,")]),
    ("The parties agreed , and met.", [("minor", " ,")]),
    ("It was adopted ( ) yesterday.", [("minor", "( )")]),
    ("the vast majority of them civilian..", [("minor", "..")]),
    # leftover tool or prompt text
    ("Translation: The two sides met.", [("major", "Translation:")]),
    ("Here is the English translation: The two sides met.", [("major", "Here is the English translation:")]),
    ("The two sides <unk> met.", [("major", "<unk>")]),
    ("Research &amp; development", [("major", "&amp;")]),
    ("As an AI language model, I cannot verify this.", [("major", "As an AI language model")]),
])
def test_flags(en, expected):
    assert findings(en) == expected


@pytest.mark.parametrize("en", [
    "The U.S. side should act.",
    "He met Mr. Blinken in St. Petersburg on 5 May.",
    "See resolution No. 1 and para. 5.3 of the report.",
    "It grew by 1.5 million, e.g. in the 1990s, i.e. before 2000.",
    "The meeting ended at 3 p.m. on Friday.",
    "He said that that was wrong, and they had had enough.",
    "14. Salih Salih",
    "Bora Bora and Walla Walla are places.",
    "The Committee noted ... and decided to act.",
    "The word “de-risking” was quoted; 'small yard, high fence' too.",
    "Names such as J. R. R. Tolkien and A. Guterres.",
    "This includes Apple's iPhone. iPhone sales rose.",
    "The Note: is part of the heading.",
    "Source: World Bank. Target: 100 per cent.",
    "The subpara. (b) below applies.",
    "step by step, day by day, more and more",
    "They live in New York, New York.",
    "Wait... what happened?",
])
def test_clean(en):
    assert findings(en) == []


def test_detectors_can_be_chosen():
    assert findings("Translation: results. positive results.", detectors=["prompt_text"]) == [
        ("major", "Translation:")]


def test_seed_mt_artifacts_flagged_at_their_spans_and_reference_clean(seed: dict) -> None:
    import csv

    from termcheck.model import Severity

    mt = seed["mt"].read_text(encoding="utf-8").splitlines()
    zh = seed["zh"].read_text(encoding="utf-8").splitlines()
    ref = seed["ref"].read_text(encoding="utf-8").splitlines()
    mine = ("accuracy.number", "accuracy.untranslated", "accuracy.language", "accuracy.omission",
            "accuracy.addition", "fluency")
    cfg = Config(select=mine)
    got = check([Segment(str(i), z, t, i) for i, (z, t) in enumerate(zip(zh, mt, strict=True), 1)],
                glossary=Glossary([]), config=cfg).findings
    with seed["expected"].open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["kind"] == "mt-artifact" and r["must_flag"] == "yes"]
    assert len(rows) == 4
    for r in rows:
        line = mt[int(r["sentence"]) - 1]
        a = line.find(r["span"])
        b = a + len(r["span"])
        assert any(f.segment == r["sentence"] and f.target_span and f.target_span[0] < b and a < f.target_span[1]
                   for f in got), r
    clean = check([Segment(str(i), z, t, i) for i, (z, t) in enumerate(zip(zh, ref, strict=True), 1)],
                  glossary=Glossary([]), config=cfg).findings
    assert [f for f in clean if f.severity >= Severity.MAJOR] == []


def pair_findings(zh, en):
    rep = check([Segment("1", zh, en)], glossary=Glossary([]), config=Config(select=("fluency.artifact",)))
    return [(str(f.severity), f.target_text) for f in rep.findings]


@pytest.mark.parametrize(("zh", "en", "expected"), [
    # the source says it as often: a slogan, a sound, a value said twice, a clause repeated for rhetoric
    ("加油！加油！加油！", "Come on, come on, come on!", []),
    ("他笑着说：哈哈哈，太好了。", "He laughed: ha ha ha, great.", []),
    ("价格是三千元，三千元！", "The price is three thousand yuan, three thousand yuan, he said.", []),
    ("我们要团结，我们要团结。", "We must unite, we must unite, he said.", []),
    # the same repetition without a source that repeats: debris
    ("加油！", "Come on, come on, come on!", [("major", "Come on, come on,")]),
    ("他笑着说太好了。", "He laughed: ha ha ha, great.", [("major", "ha ha ha")]),
    ("价格是三千元！", "The price is three thousand yuan, three thousand yuan, he said.",
     [("major", "three thousand yuan, three thousand yuan,")]),
    ("我们要团结。", "We must unite, we must unite, he said.", [("major", "We must unite, we must unite,")]),
    # the source repeats less often than the target loops
    ("加油！加油！", "Come on! Come on! Come on! Come on!", [("major", "Come on! Come on! Come on! Come on!")]),
    # one repetition of the source explains one repetition of the target, not a second one elsewhere
    ("我们要团结，我们要团结。", "We must unite, we must unite, and support the the proposal.", [("minor", "the the")]),
    # a reduplicated Chinese word (步步, 天天) is one word: it does not explain a doubled English word
    ("接收过程步步瓶颈", "reception process step step bottlenecked", [("minor", "step step")]),
    # a stammer of the source (我我: no such word) is kept in the translation on purpose
    ("他他说可以。", "He he said it was fine.", []),
    ("他说可以。", "He he said it was fine.", [("minor", "He he")]),
    ("以仁心仁术造福", "with benevolence and benevolence and", [("major", "benevolence and benevolence and")]),
])
def test_source_explains_repetition(zh, en, expected):
    assert pair_findings(zh, en) == expected


@pytest.mark.parametrize(("en", "expected"), [
    ("He waved and said bye bye.", []),
    ("The food was so so, he said.", []),
    ("No no, that is not what I meant.", []),
    ("There there, it will be fine.", []),
    ("He said that that was wrong.", []),
    ("We support the the proposal.", [("minor", "the the")]),
    ("They have have agreed.", [("minor", "have have")]),
])
def test_reduplicated_words_are_not_doubled(en, expected):
    assert findings(en) == expected


@pytest.mark.parametrize(("zh", "en", "lang", "expected"), [
    # tool text the source itself has is quoted, not left over
    ("“&amp;”这个符号是“和”的意思。", "The sign '&amp;' stands for 'and'.", "en", []),
    ("这个符号是“和”的意思。", "The sign '&amp;' stands for 'and'.", "en", [("major", "&amp;")]),
    # French reflexive pronouns and French spacing before ; : ! ?
    ("我们为错误道歉。", "Nous nous excusons pour l'erreur ; merci !", "fr", []),
    ("我们为错误道歉。", "Nous excusons pour pour l'erreur , merci.", "fr", [("minor", "pour pour"), ("minor", " ,")]),
    # English: a space before ";" is debris
    ("我们为错误道歉。", "We apologize ; thank you.", "en", [("minor", " ;")]),
    # a language whose grammatical doubles are unknown: no doubled-word findings ("die die" is German grammar)
    ("这是那个女人。", "Das ist die Frau, die die Zeitung liest.", "de", []),
])
def test_target_language_and_source_echo(zh, en, lang, expected):
    seg = Segment("1", zh, en, target_lang=lang)
    rep = check([seg], glossary=Glossary([]), config=Config(select=("fluency.artifact",), target_lang=lang))
    assert [(str(f.severity), f.target_text) for f in rep.findings] == expected


@pytest.mark.parametrize(("en", "scores"), [
    ("the rights of the rights of women", [2.0]),
    ("Bern, Bern, Bern, Bern, Bern, Bern and more", [5.0]),  # "Bern," five times (the sixth has no comma)
    ("We support the the proposal.", [2.0]),
    ("The parties agreed ,, to meet.", [None]),
])
def test_repetitions_keep_their_count(en, scores):
    rep = check([Segment("1", None, en)], glossary=Glossary([]), config=Config(select=("fluency.artifact",)))
    assert [f.score for f in rep.findings] == scores


@pytest.mark.parametrize(("lang", "text", "flagged"), [
    ("en", "They reached important common points. understandings.", True),
    ("en", "He met Mr. smith and the approx. number was given.", False),  # English abbreviations
    ("fr", "Il a rencontré M. dupont hier.", False),                      # French ones: M. is Monsieur
    ("de", "Er traf z. B. den Minister.", False),
    ("xx", "They reached important common points. understandings.", False),  # unknown language: silent
])
def test_sentence_breaks_ask_the_target_language(lang: str, text: str, flagged: bool) -> None:
    from termcheck.api import check
    from termcheck.config import build

    report = check([Segment("1", None, text, 0, "d", target_lang=lang)],
                   config=build(select=("fluency.artifact",), target_lang="en" if lang == "xx" else lang))
    assert any("fragment" in f.message or "broken" in f.message or f.target_text for f in report.findings) is flagged
