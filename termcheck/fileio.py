"""Files in and out: only regular files are read (no FIFO, device or folder), and reports are written
through a temp file renamed into place (never a half-written report)."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from termcheck.errors import InputError, OutputError, TermcheckError

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


def check_writable(path: Path) -> None:
    """An OutputError naming `path` unless a file can be written there: its folder must exist (it is
    never created silently) and `path` must not be a folder."""
    path = Path(path)
    if path.is_dir():
        raise OutputError("is a folder, not a file to write", file=str(path))
    parent = path.parent
    if not parent.exists():
        raise OutputError(f"cannot write: no such folder {str(parent)!r}", file=str(path))
    if not parent.is_dir():
        raise OutputError(f"cannot write: {str(parent)!r} is not a folder", file=str(path))


def write_atomic(path: Path, data: bytes | Callable[[BinaryIO], object]) -> None:
    """Write to a temp file beside `path` and rename: never a half-written report. `data` is the
    bytes, or a function writing them to the open file. Any failure removes the temp file; a file
    that cannot be written is an OutputError naming it."""
    path = Path(path)
    check_writable(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as e:
        raise OutputError(f"cannot write: {e.strerror or e}", file=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            if callable(data):
                data(f)
            else:
                f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600: a report is an ordinary file (readable as the umask says)
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write: {e.strerror or e}", file=str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
