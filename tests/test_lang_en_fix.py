"""English repair rules: sentence starts, title case, a/an, head nouns and their plurals."""

from __future__ import annotations

import pytest

from termcheck.lang import en_fix, fixing


@pytest.mark.parametrize(("text", "pos", "expected"), [
    ("risk reduction is key.", 0, True),
    ("He said so. Frank talks followed.", 12, True),
    ("He said so. frank talks followed.", 12, False),  # a lower-case word does not start one
    ("He said “risk reduction” is key.", 9, False),
    ("“Risk reduction” is key.", 1, True),
    ("Mr. Smith met him.", 4, False),
])
def test_starts_sentence(text, pos, expected):
    assert en_fix.starts_sentence(text, pos) is expected


@pytest.mark.parametrize(("word", "plural"), [
    ("communiqué", "communiqués"), ("policy", "policies"), ("day", "days"), ("box", "boxes"),
    ("church", "churches"), ("representative", "representatives"), ("Envoy", "Envoys"), ("NGO", "NGOs"),
    ("crisis", "crises"), ("status", None),
])
def test_pluralize(word, plural):
    assert en_fix.pluralize(word) == plural


@pytest.mark.parametrize(("word", "expected"), [
    ("envoys", True), ("communiqués", True), ("policies", True), ("crisis", False), ("status", False),
    ("relations", True), ("affairs", True), ("group", False), ("crises", True),
])
def test_is_plural(word, expected):
    assert en_fix.is_plural(word) is expected


@pytest.mark.parametrize(("text", "plural", "expected"), [
    ("special representative on Korean Peninsula affairs", True,
     "special representatives on Korean Peninsula affairs"),
    ("hotspot issues", False, "hotspot issue"),
    ("joint communiqué", True, "joint communiqués"),
    ("joint communiqués", True, "joint communiqués"),
    ("the status", True, None),
])
def test_inflect_head(text, plural, expected):
    assert en_fix.inflect_head(text, plural) == expected


@pytest.mark.parametrize(("word", "article"), [
    ("apple", "an"), ("union", "a"), ("hour", "an"), ("European", "a"), ("one-off", "a"), ("FBI", "an"),
    ("UN", "a"), ("yard", "a"), ("honest", "an"), ("1990s", None),
])
def test_indefinite_article(word, article):
    assert en_fix.indefinite_article(word) == article


@pytest.mark.parametrize(("text", "title", "cased"), [
    ("Working Group on Anti-Drug Cooperation", True, "Working Group on Anti-Drug Cooperation"),
    ("hotspot issues", False, "Hotspot Issues"),
    ("people-to-people and cultural exchanges", False, "People-to-People and Cultural Exchanges"),
    ("China", False, "China"),
])
def test_title_case(text, title, cased):
    assert en_fix.is_title(text) is title
    assert en_fix.title_case(text) == cased


@pytest.mark.parametrize(("wrong", "repl", "drops"), [
    ("independence of Taiwan", "Taiwan independence", True),
    ("Conference of Munich on security", "Munich Security Conference", False),
    ("Ukrainian crisis", "Ukraine crisis", False),
    ("reunification of the country", "national reunification", True),
    ("independence of Taiwan", "independence for Taiwan", False),
])
def test_article_of_an_of_phrase(wrong, repl, drops):
    assert en_fix.article_was_for_of_phrase(wrong, repl) is drops


def test_languages_without_repair_rules_have_none():
    assert fixing("en-GB") is en_fix
    assert fixing("fr") is None


@pytest.mark.parametrize(("a", "b", "other"), [
    ("terrorist", "terrorism", True), ("Minister", "Ministry", True), ("relations", "relation", False),
    ("Affaires", "Affairs", False),
    ("desinization", "de-sinicization", False), ("understandings", "undrestandings", False),
    ("Sino", "China", False), ("communique", "communiqué", False),
])
def test_another_word_is_not_a_garble(a, b, other):
    assert en_fix.other_word(a, b) is other
