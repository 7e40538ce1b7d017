"""The switch for exact shortcuts (screens, per-text memos): TERMCHECK_SHORTCUTS=0 turns them off."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

VARIABLE = "TERMCHECK_SHORTCUTS"

_on = True


def on() -> bool:
    """Whether checks may skip work a screen proves would not be reported, and reuse per-text analyses
    (the default); "0" runs everything the long way, which must give byte-identical findings. Read from
    the environment when the module is imported and when a run starts (`reread`), not on every call:
    screens ask hundreds of thousands of times a run."""
    return _on


def reread() -> bool:
    """Take the switch from the environment again (a run calls this when it starts)."""
    global _on
    _on = os.environ.get(VARIABLE, "1") != "0"
    return _on


@contextmanager
def switched(value: bool) -> Iterator[None]:
    """Shortcuts on or off inside the block (what a test compares), as they were after it."""
    global _on
    before, _on = _on, value
    try:
        yield
    finally:
        _on = before


reread()
