"""One analysis per text, shared: a bounded memo for the language modules' pure functions of a text.

A segment's numbers, normal forms and currencies are asked for by several checks (the number check, the
alignment anchors, term matching); with `shared` each is computed once per distinct text and every
later caller reads the same result. Results are immutable or handed out as a fresh list, so a caller
that changes what it got changes only its own copy. With shortcuts off (`termcheck.shortcuts`) every
call computes anew, which must give the same findings.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, Generic, TypeVar

from termcheck import shortcuts

# texts remembered per function: a batch (2,000 segments by default) of one side and the segments before it
# that alignment.shift looks back on; a larger batch only means some texts are analysed twice
SIZE = 2560
# longer texts are computed anew each time: the memo keeps the texts it holds alive, so its memory stays
# within SIZE * LONGEST characters per function (most sentences are under 500)
LONGEST = 2000

F = TypeVar("F", bound=Callable[..., Any])
K = TypeVar("K")
V = TypeVar("V")


def shared(fn: F) -> F:
    """`fn(text)` computed once per distinct text among the last `SIZE`; list results come out as copies."""
    if getattr(fn, "__wrapped_shared__", False):
        return fn

    @lru_cache(maxsize=SIZE)
    def frozen(text: str) -> tuple[bool, Any]:
        out = fn(text)
        return (True, tuple(out)) if isinstance(out, list) else (False, out)

    @wraps(fn)
    def call(text: str) -> Any:
        if len(text) > LONGEST or not shortcuts.on():
            return fn(text)
        is_list, out = frozen(text)
        return list(out) if is_list else out

    call.__wrapped_shared__ = True  # type: ignore[attr-defined]
    call.cache_clear = frozen.cache_clear  # type: ignore[attr-defined]
    return call  # type: ignore[return-value]


class Recent(Generic[K, V]):
    """A bounded mapping that forgets the least recently used key past `size` (nothing kept at 0)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[K, V] = OrderedDict()

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, key: K) -> V | None:
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
        return found

    def put(self, key: K, value: V) -> None:
        if self.size <= 0:
            return
        self._kept[key] = value
        self._kept.move_to_end(key)
        if len(self._kept) > self.size:
            self._kept.popitem(last=False)


class Distinct:
    """`fn(text)` for the `size` most recently used distinct texts of a process (of up to LONGEST characters),
    keyed by a 128-bit digest (the texts themselves are not kept): for analyses a run asks again of texts
    far apart (the same source checked against several translations, a repeated sentence), where
    `shared`'s window of SIZE recent texts has long moved on. Results are handed out as they are: keep
    them immutable (tuples, frozensets)."""

    def __init__(self, fn: Callable[[str], Any], size: int) -> None:
        self._fn = fn
        self._kept: Recent[bytes, Any] = Recent(size)

    def __len__(self) -> int:
        return len(self._kept)

    def __call__(self, text: str) -> Any:
        if len(text) > LONGEST or not shortcuts.on() or self._kept.size <= 0:  # as `shared`: memory stays bounded
            return self._fn(text)
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        out = self._kept.get(key)
        if out is None:
            out = self._fn(text)
            self._kept.put(key, out)
        return out
