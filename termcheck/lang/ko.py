"""Korean: terms are found where particles follow them (외교부는, 외교부의, 대변인이), not inside longer words.

Korean writes spaces between phrases (eojeol), and a noun's particles and copula endings are written
onto it: the space-delimited fallback found 외교부 in none of 외교부는, 외교부의, 외교부에서, so a correct
translation into Korean was reported as missing its term. Here a term is a run of characters (NFKC,
lower case) that starts a phrase and ends one, or is followed to the phrase's end by particles alone
(one or several: 들에게서는 = 들 + 에게서 + 는). 외교부 is not found in 외교부장관 (장관 is no particle).
Nothing else is judged: checks that need more of the language stay silent.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from termcheck.lang import unspaced

NAME = "Korean"

# particles, the plural 들 and copula endings that are written onto a noun (they may follow one another); not the
# copula's 인, which is far more often the suffix of another word (한국인, 대변인)
PARTICLES = frozenset("""
이 가 은 는 을 를 의 에 에서 에게 에게서 께 께서 한테 한테서 더러 로 으로 로서 으로서 로써 으로써 와 과 랑 이랑 하고
도 만 뿐 부터 까지 보다 처럼 같이 마다 조차 마저 밖에 나 이나 든지 이든지 나마 이나마 야 이야 요 이요 며 이며
고 이고 다 이다 입니다 이었다 였다 이에요 예요 이라 라 이라는 라는 이란 란 이라고 라고 들 께로 에로 엔 에선
""".split())
_LONGEST = max(map(len, PARTICLES))

normalize = unspaced.normalize
term_keys = unspaced.term_keys


@lru_cache(maxsize=4096)
def particles_only(rest: str) -> bool:
    """Whether a phrase's remainder is one particle or several in a row (or nothing)."""
    if not rest:
        return True
    return any(rest[:n] in PARTICLES and particles_only(rest[n:]) for n in range(min(_LONGEST, len(rest)), 0, -1))


def _word_char(c: str) -> bool:
    return c.isalnum()


def _at_phrase_edges(text: str, start: int, end: int) -> bool:
    """A hit begins a phrase, and what follows it to the phrase's end is particles alone."""
    if start > 0 and _word_char(text[start - 1]):
        return False
    stop = end
    while stop < len(text) and _word_char(text[stop]) and stop - end <= 2 * _LONGEST:
        stop += 1
    if stop < len(text) and _word_char(text[stop]):
        return False  # a long remainder: another word
    return particles_only(text[end:stop])  # after a Latin acronym too: APEC에서


def boundary_filter(words: object) -> Callable[[str, int, int], bool]:
    """Hits at the edges of phrases, particles allowed after them."""
    return _at_phrase_edges
