"""Where each character of a segment's target lies in its file's raw text, and splicing edits there.

A `CharMap` gives, for each character of the target as read, the range of raw (decoded, unnormalized)
file text it came from (`&amp;` is one character from five raw ones); edits replace only the raw
text of characters that change, so everything else in the file, inline tags included, stays as it was.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from termcheck.errors import InputError
from termcheck.model import Fix

Escape = Callable[[str], str]


@dataclass(frozen=True)
class CharMap:
    """Raw ranges of a target's characters, and how new text is written in this place of the file."""

    ranges: tuple[tuple[int, int], ...]
    escape: Escape
    # raw position for text put into an empty target
    at: int = 0

    def text(self, raw: str, unescape: Callable[[str], str]) -> str:
        return "".join(unescape(raw[a:b]) for a, b in self.ranges)


@dataclass(frozen=True, order=True)
class Edit:
    """Replace raw[start:end] with `text`; `seq` keeps the order of edits made at one position."""

    start: int
    end: int
    seq: int
    text: str


def edits(cmap: CharMap, target: str, fixes: Iterable[Fix], seq0: int = 0) -> list[Edit]:
    """The raw edits that turn `target` into the text with `fixes` applied, character by character:
    a tag between two characters of a replaced term stays between the characters around it."""
    out: list[Edit] = []
    seq = seq0
    n = len(cmap.ranges)
    for fx in fixes:
        s, e = fx.span
        old = target[s:e]
        ops = difflib.SequenceMatcher(None, old, fx.replacement, autojunk=False).get_opcodes()
        for op, i1, i2, j1, j2 in ops:
            if op == "equal":
                continue
            a, b = s + i1, s + i2
            new = cmap.escape(fx.replacement[j1:j2])
            for k in range(a, b):  # each replaced or deleted character's raw text goes
                out.append(Edit(cmap.ranges[k][0], cmap.ranges[k][1], seq, ""))
                seq += 1
            if new:
                if b > a:
                    pos = cmap.ranges[a][0]
                elif a > s or a >= n:  # inside a term (or at its end): right after the character before
                    pos = cmap.ranges[a - 1][1] if a > 0 else cmap.at
                else:
                    pos = cmap.ranges[a][0]
                out.append(Edit(pos, pos, seq, new))
                seq += 1
    return out


def splice(raw: str, all_edits: Iterable[Edit]) -> str:
    """Apply edits to the raw text, last first (positions before an edit stay valid)."""
    ordered = sorted(all_edits, reverse=True)
    parts: list[str] = []
    end = len(raw)
    for ed in ordered:
        if ed.end > end:
            raise ValueError("overlapping edits")  # a bug: edits come from distinct characters
        parts.append(raw[ed.end:end])
        parts.append(ed.text)
        end = ed.start
    parts.append(raw[:end])
    return "".join(reversed(parts))


def plain(start: int, text: str, escape: Escape = lambda s: s) -> CharMap:
    """Characters written as they are, from `start` on."""
    return CharMap(tuple((start + i, start + i + 1) for i in range(len(text))), escape, start)


def mismatch(path: str, line: int | None, what: str) -> InputError:
    return InputError(f"cannot write the fix back: {what}", file=path, line=line)
