"""Terms and sentences in the matcher's normalized space: equality and whole-word containment."""

from __future__ import annotations

from functools import lru_cache

from termcheck import lang as langs


@lru_cache(maxsize=100_000)
def term_keys(lang: str, text: str) -> tuple[str, ...]:
    """The keys a term is matched by (case, hyphens, inflections, Traditional folded away)."""
    return langs.get(lang).term_keys(text)


def same(lang: str, a: str, b: str) -> bool:
    """True when two renderings match the same texts (`De-risking` = `derisking`)."""
    return bool(set(term_keys(lang, a)) & set(term_keys(lang, b)))


def spans(lang: str, sentence: str, term: str) -> list[tuple[int, int]]:
    """Where `term` occurs in `sentence` as the matcher sees it: [start, end) in the normalized text."""
    text = langs.get(lang).normalize(sentence).text
    out = set()
    for key in term_keys(lang, term):
        core = key.strip(" ") if key.startswith(" ") else key
        start = text.find(key)
        while start >= 0:
            a = start + (len(key) - len(key.lstrip(" ")))
            out.add((a, a + len(core)))
            start = text.find(key, start + 1)
    return sorted(out)


def contains(lang: str, sentence: str, term: str) -> bool:
    """True when `term` occurs in `sentence` (whole words where the language has them)."""
    return bool(spans(lang, sentence, term))


def inside(lang: str, outer: str, inner: str) -> bool:
    """True when the term `inner` is part of the term `outer` (or the same), in any of their keys.

    `ASEAN` is part of `China-ASEAN Expo` (its key with the hyphen as a space), though running
    text `China-ASEAN` is one word to the matcher.
    """
    outer_keys = term_keys(lang, outer)
    return any(k.strip(" ") and k in o for k in term_keys(lang, inner) for o in outer_keys)
