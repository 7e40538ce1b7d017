"""A bounded per-text memo for a language's pure text analyses (number mentions): parsed once, read by every check."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache, wraps
from typing import TypeVar

from termcheck import shortcuts

T = TypeVar("T")
# texts remembered per analysis: a batch (2,000 segments by default) and the segments before it fit
SIZE = 8192


def per_text(analyse: Callable[[str], Sequence[T]], size: int = SIZE) -> Callable[[str], list[T]]:
    """`analyse` remembered for the last `size` texts it read; each call gets a list of its own (the items
    must be immutable). With shortcuts off (`termcheck.shortcuts`) every call analyses anew."""
    remembered = lru_cache(maxsize=size)(lambda text: tuple(analyse(text)))

    @wraps(analyse)
    def read(text: str) -> list[T]:
        return list(remembered(text)) if shortcuts.on() else list(analyse(text))

    return read
