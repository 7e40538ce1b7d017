"""English normalization: case, hyphens, abbreviations and inflections meet in one key."""

import pytest

from termcheck.lang import en


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("de-risking", "De-risking"),
        ("de-risking", "de risking"),
        ("China-US relations", "China–U.S. relations"),
        ("joint communiqué", "joint communiqués"),
        ("decouple", "decoupling"),
        ("decouple", "decoupled"),
        ("hotspot issue", "hotspot issues"),
        ("the Party's leadership", "the Party leadership"),
        ("community", "communities"),
    ],
)
def test_variants_share_a_key(a: str, b: str) -> None:
    assert set(en.term_keys(a)) & set(en.term_keys(b)) or en.term_keys(b)[0] in en.term_keys(a)


def test_hyphen_closed_up_variant() -> None:
    assert en.normalize("Derisking").text in en.term_keys("de-risking")


@pytest.mark.parametrize(("a", "b"), [("independence", "independent"), ("the", "thing"), ("new", "now")])
def test_different_words_stay_apart(a: str, b: str) -> None:
    assert not set(en.term_keys(a)) & set(en.term_keys(b))


def test_offsets_map_back_to_the_original() -> None:
    text = "Turning “Risk reduction” into U.S. policy."
    norm = en.normalize(text)
    key = en.term_keys("risk reduction")[0].strip()
    start = norm.text.index(key)
    a, b = norm.original_span(start, start + len(key))
    assert text[a:b] == "Risk reduction"


def test_sentence_punctuation_is_a_barrier() -> None:
    assert en.term_keys("security council")[0] not in en.normalize("on security. Council members").text


def test_acronyms_must_be_capitals() -> None:
    keys = en.caps_keys("the US side")
    assert en.caps_ok("the U.S. side", (0, 13), keys)
    assert not en.caps_ok("the us side", (0, 11), keys)
