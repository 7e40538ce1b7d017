"""What is costly to build and the same from run to run, kept in the user's cache folder: a loaded
glossary and its matchers, jieba's dictionary. Each key holds what the thing is made of and a digest
of the code that builds it (`code_digest`), so any change builds afresh."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from termcheck.version import __version__

T = TypeVar("T")
KEEP = 8  # files kept per kind (the most recently written)
DIGEST = 24  # hex digits of the key's digest in a file's name


def folder() -> Path | None:
    """$XDG_CACHE_HOME/termcheck or ~/.cache/termcheck; None when TERMCHECK_NO_CACHE is set."""
    if os.environ.get("TERMCHECK_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "termcheck" if os.path.isabs(base) else None


@lru_cache(maxsize=1)
def code_digest() -> bytes:
    """The version and the source of the modules that read, key and match glossaries and split Chinese."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for sub in ("glossary", "lang"):
        for path in sorted((root / sub).glob("*.py")):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    for name in ("text.py", "model.py", "version.py"):
        h.update((root / name).read_bytes())
    return h.digest()


def remember(kind: str, key: bytes, build: Callable[[], T]) -> T:
    """`build()`, or what an earlier run built for the same key and code; a cache that cannot be read or
    written only means building again."""
    where = folder()
    if where is None:
        return build()
    path = where / f"{kind}-{hashlib.sha256(key + code_digest()).hexdigest()[:DIGEST]}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except OSError:  # not there yet, or a folder that cannot be read: build
        pass
    except Exception:  # a stale or damaged cache file is rebuilt, whatever is wrong with it
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    value = build()
    try:
        where.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=where, prefix=f".{kind}-", suffix=".tmp", delete=False) as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, path)
        # this kind's files only ("jieba-" must not take "jieba-words-"): the name's digest has a fixed length
        mine = where.glob(f"{kind}-{'?' * DIGEST}.pickle")
        old = sorted(mine, key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
        for p in old:
            p.unlink(missing_ok=True)
    except OSError:
        pass
    return value
