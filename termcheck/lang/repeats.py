"""Repetitions a text says on purpose: runs of the same unit (哈哈哈, 加油！加油！, "fight, fight"), any language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from termcheck.lang import base_code
from termcheck.lang.unspaced import LANGUAGES

# separators allowed between the repetitions of a unit (spaces, punctuation, quotes)
_SEP = re.compile(r"[\s\W_]*")
_UNIT = re.compile(r"[^\W_]")
_CHAR_UNIT = re.compile(r"[A-Za-z]+|\d+(?:[.,]\d+)*|[^\W_]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MAX_CHARS = 12  # longest unit of a language written without spaces, in characters
MAX_WORDS = 8  # longest unit of a space-delimited language, in words


@dataclass(frozen=True, slots=True)
class Run:
    """A unit said `count` times in a row (with only separators between), at `span` in the text."""

    unit: str
    count: int
    span: tuple[int, int]


# languages written without spaces between words: a unit there is a run of characters
UNSPACED = LANGUAGES


def _unspaced(lang: str) -> bool:
    return base_code(lang) in UNSPACED


def _tokens(text: str, lang: str) -> list[tuple[str, int, int]]:
    """Units of repetition: characters (letters and digits) for unspaced scripts, else words."""
    if _unspaced(lang):
        # a Latin word or a number is one unit
        return [(m.group().lower(), m.start(), m.end()) for m in _CHAR_UNIT.finditer(text)]
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def runs(text: str, lang: str, *, min_count: int = 2) -> list[Run]:
    """Maximal runs of a repeated unit, longest units first where runs overlap.

    A run is a unit (one to `MAX_CHARS` characters of Chinese, one to `MAX_WORDS` words of a spaced
    language) repeated `count` >= `min_count` times with nothing but spaces and punctuation between:
    哈哈哈 (哈 x3), 加油！加油！ (加油 x2), "3000元，3000元" ("3000元" x2), "fight, fight" (x2).
    """
    toks = _tokens(text, lang)
    keys = [t[0] for t in toks]
    limit = MAX_CHARS if _unspaced(lang) else MAX_WORDS
    # where each unit's first token comes again: most tokens never do within `limit`, so few units are tried
    following: list[int] = [len(keys)] * len(keys)
    last: dict[str, int] = {}
    for j in range(len(keys) - 1, -1, -1):
        following[j] = last.get(keys[j], len(keys))
        last[keys[j]] = j
    found: list[Run] = []
    i = 0
    while i < len(toks):
        best: Run | None = None
        best_len = 0
        j = following[i]
        while j - i <= limit and 2 * (j - i) <= len(toks) - i:  # the shortest unit wins a tie
            n = j - i
            unit = keys[i:j]
            count = 1
            while keys[i + count * n:i + (count + 1) * n] == unit and _only_separators(text, toks, i, n, count):
                count += 1
            if count >= min_count and count * n > best_len:
                start, end = toks[i][1], toks[i + count * n - 1][2]
                best = Run(text[toks[i][1]:toks[i + n - 1][2]], count, (start, end))
                best_len = count * n
            j = following[j]
        if best is not None:
            found.append(best)
            i += best_len
        else:
            i += 1
    return found


def _only_separators(text: str, toks: list[tuple[str, int, int]], i: int, n: int, count: int) -> bool:
    """Whether only separators stand between repetition `count - 1` and repetition `count` of the unit."""
    gap = text[toks[i + count * n - 1][2]:toks[i + count * n][1]]
    return _SEP.fullmatch(gap) is not None and not _UNIT.search(gap)


def counts(source: str | None, lang: str) -> list[int]:
    """How many times each repetition of a text is said, smallest first: the repetitions it can explain
    in a translation (see `repetitions`)."""
    return sorted(r.count for r in repetitions(source, lang)) if source else []


def repetitions(text: str, lang: str) -> list[Run]:
    """The runs of a text that are repetitions, not word forms. In Chinese a run must start and end at
    word boundaries (年年 in 去年年底 is two words meeting) and a single character said twice must not
    be a word (步步, 天天, 谢谢; 我我 is a stammer); in other unspaced languages a single character
    counts from three times (哈哈哈)."""
    found = runs(text, lang)
    if not found or not _unspaced(lang):
        return found
    if base_code(lang) != "zh":
        return [r for r in found if len(r.unit) > 1 or r.count >= 3]
    from termcheck.lang import zh

    cuts, pos = {0}, 0
    for w in zh.words(text):
        pos += len(w)
        cuts.add(pos)
    return [r for r in found if r.span[0] in cuts and r.span[1] in cuts
            and not (len(r.unit) == 1 and r.count == 2 and zh.is_word(r.unit * 2))]


def explains(source: str | None, lang: str, count: int) -> bool:
    """Whether the source repeats something at least as often as a target repeats a unit (`count` times);
    a target loop said more often than anything in the source is not explained."""
    return any(c >= count for c in counts(source, lang))


def once(text: str, lang: str) -> str:
    """The text with each repetition said once (哈哈哈哈，好的好的 -> 哈，好的): the shortest thing a
    translation of it may say."""
    out, last = [], 0
    for run in repetitions(text, lang):
        keep = run.span[0] + len(run.unit)
        out.append(text[last:keep])
        last = run.span[1]
    out.append(text[last:])
    return "".join(out)
