"""Writing files safely: a temp file beside the target, renamed into place (never a half-written report)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from termcheck.errors import OutputError


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
