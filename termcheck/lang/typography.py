"""What a language writes doubled or spaced on purpose: grammatical doubled words, a space before punctuation."""

from __future__ import annotations

from collections.abc import Callable

from termcheck.lang import base_code, en

# French reflexive verbs put the pronoun twice ("nous nous levons", "vous vous trompez")
_FR_DOUBLES = frozenset({"nous", "vous"})
# French typography puts a (narrow) space before these marks; a space before "," or "." is still debris
_SPACE_BEFORE = {"fr": ";:!?»"}


def _fr_double_ok(word: str) -> bool:
    return word.lower() in _FR_DOUBLES


_DOUBLES: dict[str, Callable[[str], bool]] = {"en": en.double_ok, "fr": _fr_double_ok}


def double_ok(lang: str) -> Callable[[str], bool] | None:
    """For a language whose grammatical doubles are known, whether `word word` is fine; None when
    unknown (then a doubled word cannot be judged: German "die die", Dutch "dat dat" are grammar)."""
    return _DOUBLES.get(base_code(lang))


def space_before(lang: str) -> str:
    """Punctuation marks the language writes after a space."""
    return _SPACE_BEFORE.get(base_code(lang), "")
