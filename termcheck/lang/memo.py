"""A bounded per-text memo for a language's pure text analyses (number mentions): parsed once, read by every check."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache, wraps
from typing import TypeVar

from termcheck import shortcuts

T = TypeVar("T")
# texts remembered per analysis: a batch's sources or targets (2,000 by default) and the segments before it
SIZE = 4096
# longer texts are analysed anew each time: the memo keeps the texts it holds alive, so its memory stays
# within SIZE * LONGEST characters (most sentences are under 500)
LONGEST = 2000


def per_text(analyse: Callable[[str], Sequence[T]], size: int = SIZE,
             longest: int = LONGEST) -> Callable[[str], list[T]]:
    """`analyse` remembered for the last `size` texts of at most `longest` characters it read; each call
    gets a list of its own (the items must be immutable). With shortcuts off (`termcheck.shortcuts`)
    every call analyses anew."""
    remembered = lru_cache(maxsize=size)(lambda text: tuple(analyse(text)))

    @wraps(analyse)
    def read(text: str) -> list[T]:
        if len(text) > longest or not shortcuts.on():
            return list(analyse(text))
        return list(remembered(text))

    return read
