"""One analysis per text, shared: a bounded memo for the language modules' pure functions of a text.

A segment's numbers, normal forms and currencies are asked for by several checks (the number check, the
alignment anchors, term matching); with `shared` each is computed once per distinct text and every
later caller reads the same result. Results are immutable or handed out as a fresh list, so a caller
that changes what it got changes only its own copy. With shortcuts off (`termcheck.shortcuts`) every
call computes anew, which must give the same findings.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

from termcheck import shortcuts

# texts remembered per function: a batch (2,000 segments by default) of one side and the segments before it
# that alignment.shift looks back on; a larger batch only means some texts are analysed twice
SIZE = 2560
# longer texts are computed anew each time: the memo keeps the texts it holds alive, so its memory stays
# within SIZE * LONGEST characters per function (most sentences are under 500)
LONGEST = 2000

F = TypeVar("F", bound=Callable[..., Any])


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
