"""Where the shared data lies (../shared beside the project, or one level further up from a git worktree)."""

from __future__ import annotations

from pathlib import Path


def shared_dir() -> Path | None:
    """The shared data folder, or None when it is absent (tests that need it skip)."""
    here = Path(__file__).resolve().parent
    for up in (here.parent.parent, here.parent.parent.parent):
        if (up / "shared").is_dir():
            return up / "shared"
    return None
