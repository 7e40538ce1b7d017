"""The switch for exact shortcuts (screens, per-text memos): TERMCHECK_SHORTCUTS=0 turns them off."""

from __future__ import annotations

import os

VARIABLE = "TERMCHECK_SHORTCUTS"


def on() -> bool:
    """Whether checks may skip work a screen proves would not be reported, and reuse per-text analyses
    (the default); "0" runs everything the long way, which must give byte-identical findings."""
    return os.environ.get(VARIABLE, "1") != "0"
