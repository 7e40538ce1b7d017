"""Renamed check ids (old -> new), as ruff keeps for its rules: an old id in a configuration, a
`--select`/`--ignore` list or a baseline keeps working, with a note saying what it is now called."""

from __future__ import annotations

from collections.abc import Iterable

# old check id -> the id it has now; never remove a line (old configurations and baselines rely on it)
REDIRECTS: dict[str, str] = {}


def redirect(check_id: str) -> str:
    """The current id of a check id or dotted prefix that may have been renamed."""
    return REDIRECTS.get(check_id, check_id)


def note(check_id: str) -> str | None:
    """What to tell a user who wrote an old id, or None when the id is current."""
    new = REDIRECTS.get(check_id)
    return f"check {check_id!r} is now called {new!r}: update the name (the old one keeps working)" if new else None


def old_ids(check_id: str) -> list[str]:
    """The earlier ids of a check (a baseline written before a rename names it so)."""
    return sorted(old for old, new in REDIRECTS.items() if new == check_id)


def notes(ids: Iterable[str]) -> list[str]:
    """Notes for every renamed id among `ids`, each once, in order."""
    return list(dict.fromkeys(n for i in ids if (n := note(i)) is not None))
