"""Typography norms of each language module: planted breaches at their span, correct texts left quiet."""

from __future__ import annotations

import pytest

from termcheck import lang


def typos(code, text):
    return [(text[a:b], t.suggestion) for t in lang.module(code).typography(text) for a, b in [t.span]]


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("fr", "Que veux-tu? Rien.", [("?", "\u202f?")]),
    ("fr", "Il a dit : «oui».", [("«", "«\u00a0"), ("»", "\u00a0»")]),
    ("fr", "Attention! Voici la liste; elle est longue.", [("!", "\u202f!"), (";", "\u202f;")]),
    ("fr", "Le bilan: positif.", [(":", "\u00a0:")]),
    ("es", "Vienes mañana?", [("?", "¿Vienes mañana?")]),
    ("es", "Qué alegría!", [("!", "¡Qué alegría!")]),
    ("es", "¿Vienes mañana. Sí.", [("¿", "")]),
    ("es", "¿Vienes mañana ?", [(" ", "")]),
    ("ru", "Он сказал “да”.", [("“да”", "«да»")]),
    ("ru", 'Он сказал "да".', [('"да"', "«да»")]),
    ("ru", "Правда ?", [(" ", "")]),
    ("de", "Er sagte “ja”.", [("“ja”", "„ja“")]),
    ("de", "Wirklich ?", [(" ", "")]),
    ("zh", "你好,世界。", [(",", "，")]),
    ("zh", "谁教你跳舞的?", [("?", "？")]),
    ("zh", "他们很开心。。", [("。。", "。")]),
    ("zh", "中国，，美国", [("，，", "，")]),
])
def test_flags(code, text, expected):
    assert typos(code, text) == expected


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "Il a dit\u00a0: «\u00a0nous nous réunirons demain\u00a0».\u202fQui\u202f? Où\u202f? Quand\u202f!"),
    ("fr", "Il a dit : « oui » ; puis : non !"),            # plain spaces: accepted (no-break lost in copies)
    ("fr", "Rendez-vous à 10:30, voir https://www.example.fr/page?id=3 ou écrire à a@b.fr."),
    ("fr", "« L’Union européenne », c’est-à-dire l’UE."),
    ("es", "¿Vienes mañana? ¡Qué alegría! Si vienes, ¿me llamas?"),
    ("es", "Dijo: «sí». ¿De verdad?! ¡Sí!"),
    ("es", "¡Hola, ¿cómo estás?!"),
    ("ru", "Он сказал: «Мы „готовы“ к переговорам». Правда? Да!"),
    ("de", "Er sagte: „Wir sind bereit.“ Sie antwortete: »Gut.« Wirklich? Ja!"),
    ("de", "Er sagte: „Die die Zeitung lesen, wissen es.“"),
    ("zh", "他说：“我们准备好了。”这是APEC和G20的会议，价格3.5亿元……真的吗？！"),
    ("zh", "iPhone 15售价5,999元，COVID-19疫情——结束了。"),
    ("zh", "三. 结论和建议"),                                  # a heading number, as in UN documents
])
def test_quiet(code, text):
    assert typos(code, text) == []
