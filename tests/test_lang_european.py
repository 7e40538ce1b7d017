"""fr, es, ru, de language modules: term keys, sentence splitting, numbers and dates, doubles."""

from __future__ import annotations

import pytest

from termcheck import lang
from termcheck.lang import de, es, fr, ru


def values(code, text):
    """(text, sorted value keys, kind) of every strong mention."""
    return [(q.text, sorted(v for _, v in q.keys), q.kind) for q in lang.module(code).quantities(text) if q.strong]


@pytest.mark.parametrize(("code", "text", "expected"), [
    # French: space / no-break space / narrow no-break space grouping, decimal comma, scale words, 1er
    ("fr", "Le PIB a crû de 3,7 % en 2023.", [("3,7 %", [0.037, 3.7], "percent"), ("2023", [2023], "number")]),
    ("fr", "2 500 millions d'euros", [("2 500 millions", [2.5e9], "number")]),
    ("fr", "2\u00a0500\u202f000 habitants", [("2\u00a0500\u202f000", [2.5e6], "number")]),
    ("fr", "1,5 milliard de dollars", [("1,5 milliard", [1.5e9], "number")]),
    ("fr", "Mars est le mois.", [("Mars", [3], "month")]),  # at a sentence start, capitalized
    ("fr", "le 1er mars 2024", [("1er", [1], "ordinal"), ("mars", [3], "month"), ("2024", [2024], "number")]),
    ("fr", "quatre-vingt-dix-sept pays", [("quatre-vingt-dix-sept", [97], "number")]),
    ("fr", "soixante et onze délégués", [("soixante et onze", [71], "number")]),
    ("fr", "deux millions de personnes", [("deux millions", [2e6], "number")]),
    ("fr", "la 2e session", [("2e", [2], "ordinal")]),
    # Spanish: a point groups thousands, "mil millones" is a thousand million
    ("es", "1.234 personas", [("1.234", [1234], "number")]),
    ("es", "3,7 por ciento", [("3,7 por ciento", [0.037, 3.7], "percent")]),
    ("es", "2.500 mil millones", [("2.500 mil millones", [2.5e12], "number")]),
    ("es", "dos mil millones de dólares", [("dos mil millones", [2e9], "number")]),
    ("es", "el 1.º de marzo de 2024", [("1.º", [1], "ordinal"), ("marzo", [3], "month"),
                                        ("2024", [2024], "number")]),
    ("es", "1 de marzo de 2024", [("1", [1], "number"), ("marzo", [3], "month"), ("2024", [2024], "number")]),
    ("es", "veintidós países", [("veintidós", [22], "number")]),
    # Russian: case forms of scale words and months, 1-й, г.
    ("ru", "1 марта 2024 г.", [("1", [1], "number"), ("марта", [3], "month"), ("2024", [2024], "number")]),
    ("ru", "2,5 млрд долларов", [("2,5 млрд", [2.5e9], "number")]),
    ("ru", "1 234 миллионов", [("1 234 миллионов", [1.234e9], "number")]),
    ("ru", "трёх миллиардов", [("трёх миллиардов", [3e9], "number")]),
    ("ru", "3,7 процента", [("3,7 процента", [0.037, 3.7], "percent")]),
    ("ru", "1-й этап", [("1-й", [1], "ordinal")]),
    ("ru", "двадцать три страны", [("двадцать три", [23], "number")]),
    # German: point grouping, ordinal with a period, Mrd./Milliarden, compound number words
    ("de", "1.234 Menschen", [("1.234", [1234], "number")]),
    ("de", "Am 1. März 2024", [("1.", [1], "ordinal"), ("März", [3], "month"), ("2024", [2024], "number")]),
    ("de", "2,5 Milliarden Euro", [("2,5 Milliarden", [2.5e9], "number")]),
    ("de", "1,2 Mrd. Euro", [("1,2 Mrd.", [1.2e9], "number")]),
    ("de", "dreiundzwanzig Länder", [("dreiundzwanzig", [23], "number")]),
    ("de", "3,7 Prozent", [("3,7 Prozent", [0.037, 3.7], "percent")]),
    ("de", "am 01.03.2024", [("01", [1], "number"), ("03", [3, 3], "month"), ("2024", [2024], "number")]),
])
def test_numbers(code, text, expected):
    assert values(code, text) == expected


@pytest.mark.parametrize(("code", "text", "value"), [
    ("en", "1.234", 1.234),   # English: a decimal point
    ("de", "1.234", 1234.0),  # German and Spanish: thousands
    ("es", "1.234", 1234.0),
    ("fr", "1 234", 1234.0),
    ("fr", "1,5", 1.5),
    ("es", "1.5", 1.5),       # a point not before three digits is read as a decimal point
])
def test_grouping(code, text, value):
    assert [q.value for q in lang.module(code).quantities(text)] == [value]


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "à 10:30 et 10 h 30"),        # times are weak
    ("fr", "le G20 et la COVID-19"),     # codes are weak
    ("es", "un acuerdo"),                # "un" is an article as much as a number
    ("ru", "миллионы людей"),            # a bare scale word is no number
    ("fr", "poser le pied sur Mars"),    # a planet, not March: French months are lower case
    ("es", "la calle Mayo"),
])
def test_weak_or_none(code, text):
    assert values(code, text) == []


@pytest.mark.parametrize(("code", "text", "sentences"), [
    ("fr", "M. Dupont est arrivé. Mme Durand aussi.", ["M. Dupont est arrivé.", "Mme Durand aussi."]),
    ("fr", "Voir art. 5 du traité. Il a dit « oui ». Puis il est parti !",
     ["Voir art. 5 du traité.", "Il a dit « oui ».", "Puis il est parti !"]),
    ("fr", "J. Dupont et Cie, etc. Le reste suit.", ["J. Dupont et Cie, etc.", "Le reste suit."]),
    ("es", "El Sr. García llegó. La Dra. López también.", ["El Sr. García llegó.", "La Dra. López también."]),
    ("es", "¿Vienes? ¡Claro! Ya llegó.", ["¿Vienes?", "¡Claro!", "Ya llegó."]),
    ("es", "Visitó EE. UU. y Canadá.", ["Visitó EE. UU. y Canadá."]),
    ("ru", "Он приехал в г. Москва. Это т. е. важно.", ["Он приехал в г. Москва.", "Это т. е. важно."]),
    ("ru", "Это было в 2024 г. Потом всё изменилось.", ["Это было в 2024 г.", "Потом всё изменилось."]),
    ("ru", "Книги, журналы и т. д. Всё здесь.", ["Книги, журналы и т. д.", "Всё здесь."]),
    ("de", "Das gilt z. B. für Dr. Müller. Er kam am 1. März.", ["Das gilt z. B. für Dr. Müller.",
                                                                 "Er kam am 1. März."]),
    ("de", "Siehe Nr. 5 im Anhang. Das ist alles.", ["Siehe Nr. 5 im Anhang.", "Das ist alles."]),
])
def test_split_sentences(code, text, sentences):
    assert [text[a:b] for a, b in lang.module(code).split_sentences(text)] == sentences


@pytest.mark.parametrize(("module", "a", "b"), [
    (fr, "l'Union européenne", "L’Union europeenne"),      # apostrophes, accents
    (fr, "les généraux", "le général"),                      # plural -aux
    (fr, "d'intérêts", "intérêt"),                           # elision split off: the noun keeps its key
    (es, "las naciones", "la nación"),
    (es, "países", "país"),
    (es, "las paces", "la paz"),
    (ru, "Китая", "Китай"),                                  # case endings
    (ru, "Китаем", "китай"),
    (ru, "ещё", "еще"),                                      # ё = е
    (ru, "России", "Россия"),
    (ru, "Российской Федерацией", "Российская Федерация"),
    (ru, "Китайской Народной Республики", "Китайская Народная Республика"),
    (de, "Außenminister", "Aussenminister"),                 # ß = ss
    (fr, "europe\u0301enne", "européenne"),                  # decomposed accents
    (ru, "По\u0301лно", "Полно"),                            # a stress mark
    (de, "Österreich", "Oesterreich"),                       # umlauts written out
])
def test_same_key(module, a, b):
    ka, kb = module.normalize(a).text.strip().split(), module.normalize(b).text.strip().split()
    assert ka[-1] == kb[-1]
    if module is ru:
        assert ka == kb


@pytest.mark.parametrize(("module", "a", "b"), [
    (de, "Rat", "Rate"),         # no German suffix rule: different words stay apart
    (ru, "мир", "мира") ,        # too short to strip: a four-letter stem is kept
    (fr, "paix", "pays"),
])
def test_different_key(module, a, b):
    assert module.normalize(a).text != module.normalize(b).text


def test_decomposed_text_keeps_offsets():
    text = "l’Unio\u0301n europe\u0301enne"
    norm = fr.normalize(text)
    key = fr.term_keys("Union européenne")[0].strip(" |")
    start = norm.text.index(key)
    a, b = norm.original_span(start, start + len(key))
    assert text[a:b] == "Unio\u0301n europe\u0301enne"


def test_term_keys_map_back():
    text = "Les relations avec l’Union européenne."
    norm = fr.normalize(text)
    key = fr.term_keys("Union européenne")[0].strip(" |")
    start = norm.text.index(key)
    a, b = norm.original_span(start, start + len(key))
    assert text[a:b] == "Union européenne"


@pytest.mark.parametrize(("code", "word", "ok"), [
    ("fr", "nous", True), ("fr", "vous", True), ("fr", "le", False),
    ("de", "die", True), ("de", "das", True), ("de", "und", False),
    ("es", "que", False), ("ru", "что", False),
    ("en", "had", True), ("en", "the", False),
    ("zh", "看", True),
])
def test_grammatical_double(code, word, ok):
    assert lang.module(code).grammatical_double(word) is ok


def test_fallback_abstains():
    m = lang.module("it")
    assert (m.split_sentences, m.quantities, m.typography, m.quote_pairs, m.grammatical_double,
            m.keeps_foreign, m.space_before_marks, m.abbreviations) == (None,) * 8
    assert m.normalize("Ciao").text.strip() == "ciao"


@pytest.mark.parametrize("code", ["zh", "en", "fr", "es", "ru", "de"])
def test_full_modules(code):
    m = lang.module(code)
    assert m.code == code and m.quantities is not None and m.split_sentences is not None
    assert m.grammatical_double is not None and m.keeps_foreign is not None and m.quote_pairs
    assert m.space_before_marks is not None


@pytest.mark.parametrize(("code", "word"), [("fr", "M"), ("fr", "Mme"), ("es", "Sr"), ("es", "Dra"), ("de", "Dr"),
                                            ("de", "bzw"), ("ru", "им"), ("ru", "ул")])
def test_abbreviations(code, word):
    assert word.lower() in lang.module(code).abbreviations


@pytest.mark.parametrize(("code", "text", "share"), [
    ("es", "Él quiere ser médico.", 0.5),
    ("es", "Ele quer ser médico.", 0.0),          # Portuguese: none of the Spanish-only words
    ("fr", "Je ne sais pas.", 0.5),
    ("fr", "Il a encore disparu.", 0.0),          # nothing French-only: left to langdetect
    ("de", "Ich habe nicht geschlafen.", 0.5),
    ("de", "Ik heb niet geslapen.", 0.0),         # Dutch
])
def test_function_words(code, text, share):
    from termcheck.lang import detect

    assert detect.function_word_share(text, code) == pytest.approx(share)


@pytest.mark.parametrize(("code", "value", "kind", "shown"), [
    ("fr", 2.5e9, "number", "2,5 milliards"), ("fr", 1.5e9, "number", "1,5 milliard"),
    ("fr", 3.7, "percent", "3,7\u00a0%"), ("fr", 1, "ordinal", "1er"), ("fr", 2, "ordinal", "2e"),
    ("fr", 3, "month", "mars"), ("fr", 12500, "number", "12\u202f500"), ("fr", 2024, "number", "2024"),
    ("es", 2.5e9, "number", "2,5 mil millones"), ("es", 18185.15, "number", "18.185,15"),
    ("es", 1, "ordinal", "1.º"), ("ru", 2.5e9, "number", "2,5 млрд"), ("ru", 3, "month", "марта"),
    ("ru", 1, "ordinal", "1-й"), ("de", 2.5e9, "number", "2,5 Milliarden"), ("de", 1e9, "number", "1 Milliarde"),
    ("de", 1, "ordinal", "1."), ("de", 12500, "number", "12.500"), ("en", 2.5e9, "number", "2.5 billion"),
])
def test_shows(code, value, kind, shown):
    assert lang.module(code).shows(value, kind) == shown
