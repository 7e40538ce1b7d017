"""Untranslated text and punctuation in en->zh, zh->fr, zh->es, zh->ru, en->de, en->fr: planted errors found
at their span, correct translations full of the target language's typography left quiet; numbers read in
either language meet."""

from __future__ import annotations

import pytest

from termcheck import lang
from termcheck.api import check
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.model import Segment

CHECKS = ("accuracy.untranslated", "fluency.punctuation")


def findings(pair, source, target):
    src, tgt = pair.split("-")
    seg = Segment("1", source, target, source_lang=src, target_lang=tgt)
    rep = check([seg], glossary=Glossary([]), config=Config(select=CHECKS))
    return [(f.check, str(f.severity), f.target_text) for f in rep.findings]


@pytest.mark.parametrize(("pair", "source", "target", "expected"), [
    # untranslated: source script left in the target
    ("en-zh", "The talks were candid and constructive.", "会谈是candid和建设性的。",
     [("accuracy.untranslated", "major", "candid")]),
    ("en-zh", "They discussed the supply chain.", "双方讨论了supply chain问题。",
     [("accuracy.untranslated", "major", "supply chain")]),
    ("zh-fr", "双方就台湾问题交换了意见。", "Les deux parties ont discuté de la question de 台湾.",
     [("accuracy.untranslated", "major", "台湾")]),
    ("zh-es", "中方愿同各方合作。", "China está dispuesta a cooperar con 各方.",
     [("accuracy.untranslated", "major", "各方")]),
    ("zh-ru", "中方愿同各方合作。", "Китай готов сотрудничать со 各方.",
     [("accuracy.untranslated", "major", "各方")]),
    ("en-ru", "Support for the initiative grew.", "Поддержка initiative выросла.",
     [("accuracy.untranslated", "major", "initiative")]),
    # typography of the target language
    ("en-zh", "Who taught you to dance?", "谁教你跳舞的?", [("fluency.punctuation", "minor", "?")]),
    ("en-zh", "They were very happy.", "他们非常开心。。", [("fluency.punctuation", "minor", "。。")]),
    ("zh-fr", "你想要什么？", "Que veux-tu?", [("fluency.punctuation", "minor", "?")]),
    ("en-fr", "He said “yes”.", "Il a dit «oui».",
     [("fluency.punctuation", "minor", "«"), ("fluency.punctuation", "minor", "»")]),
    ("zh-es", "你明天来吗？", "Vienes mañana?", [("fluency.punctuation", "minor", "?")]),
    ("zh-ru", "他说“是”。", "Он сказал “да”.", [("fluency.punctuation", "minor", "“"),
                                               ("fluency.punctuation", "minor", "“да”")]),
    ("en-de", "He said “yes”.", "Er sagte “ja”.", [("fluency.punctuation", "minor", "“"),
                                                   ("fluency.punctuation", "minor", "“ja”")]),
    ("en-de", "The talks (in Berlin went well.", "Die Gespräche (in Berlin) verliefen gut.", []),
    ("en-de", "The talks in Berlin went well.", "Die Gespräche (in Berlin verliefen gut.",
     [("fluency.punctuation", "minor", "(")]),
])
def test_planted(pair, source, target, expected):
    assert findings(pair, source, target) == expected


@pytest.mark.parametrize(("pair", "source", "target"), [
    ("en-zh", "APEC and the G20 discussed COVID-19 and the iPhone.", "APEC和G20讨论了COVID-19和iPhone。"),
    ("en-zh", "Tom met Maria Eugenia Correa at www.un.org.", "Tom在www.un.org见到了Maria Eugenia Correa。"),
    ("en-zh", "See item (a), 5 km away.", "见(a)项，5 km远。"),
    ("en-zh", "He said: “We are ready.” Really?!", "他说：“我们准备好了。”真的吗？！"),
    ("en-zh", "Original: English", "Original: English"),  # UN headers stay in English in Chinese documents
    ("zh-fr", "他说：“我们明天开会。”是吗？",
     "Il a dit\u00a0: «\u00a0nous nous réunirons demain\u00a0».\u202fVraiment\u202f?"),
    ("zh-fr", "欧盟和中国的关系。", "Les relations entre l’Union européenne et la Chine."),
    ("en-fr", "Are you coming? Yes!", "Tu viens ? Oui !"),
    ("zh-es", "你明天来吗？太好了！如果你来，给我打电话好吗？",
     "¿Vienes mañana? ¡Qué bien! Si vienes, ¿me llamas?"),
    ("zh-es", "他说：“是的。”", "Dijo: «Sí»."),
    ("zh-ru", "他说：“我们准备好了。”真的吗？", "Он сказал: «Мы „готовы“». Правда?"),
    ("zh-ru", "G20峰会", "Саммит G20 и COVID-19"),
    ("en-de", "He said: “We are ready.” Really?", "Er sagte: „Wir sind bereit.“ Wirklich?"),
    ("en-de", "She replied: “Good.”", "Sie antwortete: »Gut.«"),
])
def test_quiet(pair, source, target):
    assert findings(pair, source, target) == []


def strong_keys(code, text):
    return [q.keys for q in lang.module(code).quantities(text) if q.strong]


@pytest.mark.parametrize(("source", "code", "target"), [
    ("增长3.7%", "fr", "une hausse de 3,7 %"),
    ("25亿美元", "fr", "2,5 milliards de dollars"),
    ("25亿美元", "es", "2.500 millones de dólares"),
    ("25亿美元", "ru", "2,5 млрд долларов"),
    ("25亿美元", "de", "2,5 Milliarden Dollar"),
    ("3月", "fr", "mars"),
    ("3月", "es", "marzo"),
    ("3月", "ru", "марта"),
    ("3月", "de", "März"),
    ("1234人", "de", "1.234 Menschen"),
    ("1234人", "es", "1.234 personas"),
    ("1234人", "fr", "1 234 personnes"),
])
def test_numbers_meet(source, code, target):
    src, tgt = strong_keys("zh", source), strong_keys(code, target)
    assert len(src) == len(tgt) == 1 and src[0] & tgt[0]


@pytest.mark.parametrize(("source", "code", "target"), [
    ("增长3.7%", "fr", "une hausse de 7,3 %"),
    ("25亿美元", "es", "2.500 mil millones de dólares"),  # 2.5e12, not 2.5e9
    ("1234人", "de", "1,234 Menschen"),                   # a decimal comma in German: 1.234
])
def test_numbers_differ(source, code, target):
    src, tgt = strong_keys("zh", source), strong_keys(code, target)
    assert len(src) == len(tgt) == 1 and not src[0] & tgt[0]


@pytest.mark.parametrize(("code", "target"), [
    ("fr", "le 1er mars 2024"),
    ("es", "el 1 de marzo de 2024"),
    ("ru", "1 марта 2024 г."),
    ("de", "am 1. März 2024"),
    ("de", "am 01.03.2024"),
])
def test_dates_meet(code, target):
    from termcheck.checks.numbers import match

    src = [q for q in lang.module("zh").quantities("2024年3月1日") if q.strong]
    tgt = [q for q in lang.module(code).quantities(target) if q.strong]
    assert len(src) == len(tgt) == 3 and len(match(src, tgt)) == 3


@pytest.mark.parametrize(("code", "term", "text", "found"), [
    ("fr", "Union européenne", "Les relations avec l’Union europeenne progressent.", "Union europeenne"),
    ("fr", "intérêt fondamental", "Ce sont des intérêts fondamentaux.", "intérêts fondamentaux"),
    ("es", "nación", "Las Naciones Unidas.", "Naciones"),
    ("ru", "Китайская Народная Республика", "Визит в Китайскую Народную Республику.",
     "Китайскую Народную Республику"),
    ("de", "Außenminister", "Der Aussenminister kam.", "Aussenminister"),
    # German declension: a correct rendering is found declined
    ("de", "Außenministerium", "Der Sprecher des Außenministeriums sprach.", "Außenministeriums"),
    ("de", "Auswärtiges Amt", "Ein Sprecher des Auswärtigen Amtes sagte.", "Auswärtigen Amtes"),
    ("de", "Vereinte Nationen", "Die Charta der Vereinten Nationen.", "Vereinten Nationen"),
    ("de", "Minister", "Die Ministerin kam.", None),  # another word, not a declined form
    # languages without a module: an elided article does not hide the term after it
    ("it", "Unione europea", "La posizione dell'Unione europea è chiara.", "Unione europea"),
    ("ca", "Unió Europea", "La posició de l’Unió Europea.", "Unió Europea"),
    # and a correct rendering is found declined at word ends (plural, gender)
    ("pt", "Ministro dos Negócios Estrangeiros", "Os Ministros dos Negócios Estrangeiros reuniram-se.",
     "Ministros dos Negócios Estrangeiros"),
    ("it", "Ministro degli Esteri", "I ministri degli Esteri si sono riuniti.", "ministri degli Esteri"),
])
def test_glossary_terms_match(code, term, text, found):
    from termcheck.glossary.match import Matcher
    from termcheck.glossary.model import Entry, Term

    glossary = Glossary((Entry("e1", (Term("术语", "zh"), Term(term, code))),))
    hits = Matcher(glossary, "zh", code).target_hits(text)
    assert [text[h.start:h.end] for h in hits] == ([found] if found else [])


def test_a_wrong_german_rendering_is_matched_only_as_written():
    """Declined forms are looked for only for correct renderings: a forbidden one is reported where it is written."""
    from termcheck.glossary.match import Matcher
    from termcheck.glossary.model import Entry, Status, Term

    glossary = Glossary((Entry("e1", (Term("国家", "zh"), Term("Land", "de"), Term("Staat", "de", Status.FORBIDDEN))),))
    matcher = Matcher(glossary, "zh", "de")
    assert matcher.target_hits("Die Staaten") == []
    assert [h.term for h in matcher.target_hits("Der Staat")] == [2]
    assert [h.term for h in matcher.target_hits("Des Landes")] == [1]


def test_a_declined_rendering_is_no_near_miss_where_the_language_declines():
    from termcheck import lang
    from termcheck.glossary.match import Matcher
    from termcheck.glossary.model import Entry, Status, Term
    from termcheck.glossary.nearmiss import near_miss

    text, rendering = "Os Ministros dos Negócios Estrangeiros reuniram-se.", "Ministro dos Negócios Estrangeiros"
    assert near_miss(text, [rendering], 80) is not None  # without the language's knowledge it looks garbled
    assert near_miss(text, [rendering], 80, lang.get("pt").declined) is None
    assert near_miss("Os Minestros dos Negócios Estrangeiros", [rendering], 80, lang.get("pt").declined) is not None
    wrong = Glossary((Entry("e1", (Term("国家", "zh"), Term("país", "pt"), Term("Estado", "pt", Status.FORBIDDEN))),))
    assert Matcher(wrong, "zh", "pt").target_hits("Os Estados") == []  # a wrong rendering: only as written
