"""Checks on input paths before they are opened: only regular files are read (no FIFO, device or folder)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from termcheck.errors import InputError, TermcheckError

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def ensure_regular_file(path: str | os.PathLike[str], what: str = "input",
                        error: type[TermcheckError] = InputError) -> Path:
    """`path` as a Path when it names a regular file (symlinks followed), else one-line `error` naming it.

    Checked with stat, before opening: a FIFO would block forever and /dev/zero would never end.
    `what` names the role in the message ("glossary", "--target", ...).
    """
    p = Path(path)
    try:
        mode = os.stat(p).st_mode
    except FileNotFoundError:
        raise error(f"no such {what} file" if what != "input" else "no such file", file=str(p)) from None
    except NotADirectoryError:
        raise error(f"no such {what} file (a parent is not a folder)", file=str(p)) from None
    except OSError as e:
        raise error(f"cannot read {what}: {e.strerror}", file=str(p)) from None
    if stat.S_ISREG(mode):
        return p
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise error(f"{what} is {kind}, expected a regular file", file=str(p))
