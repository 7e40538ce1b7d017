"""Writing systems: which script a language is written in, and how much of a text is in each."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from termcheck import shortcuts
from termcheck.lang.codes import base_code

HAN = "Han"
LATIN = "Latin"
# characters of a script (letters only, no digits or punctuation)
PATTERNS = {
    HAN: "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f",
    "Kana": "\u3040-\u30ff\u31f0-\u31ff",
    "Hangul": "\uac00-\ud7af\u1100-\u11ff",
    "Cyrillic": "\u0400-\u04ff",
    "Greek": "\u0370-\u03ff",
    "Arabic": "\u0600-\u06ff\u0750-\u077f",
    "Hebrew": "\u0590-\u05ff",
    "Thai": "\u0e00-\u0e7f",
    "Devanagari": "\u0900-\u097f",
    LATIN: "A-Za-z\u00c0-\u024f",
}
_FIND = {name: re.compile(f"[{chars}]+") for name, chars in PATTERNS.items()}
# the one definition of a Han character (CJK unified ideographs, extension A, compatibility, the supplementary planes)
HAN_CHARS = PATTERNS[HAN]
HAN_RE = re.compile(f"[{HAN_CHARS}]")


def is_han(c: str) -> bool:
    """Whether a character is a Han character (HAN_CHARS), without a regular expression."""
    return ("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or "\uf900" <= c <= "\ufaff"
            or "\U00020000" <= c <= "\U0003134f")

# the script a language's running text is mostly written in (languages termcheck knows)
LANGUAGE_SCRIPT = {
    "zh": HAN, "ja": HAN, "ko": "Hangul", "ru": "Cyrillic", "uk": "Cyrillic", "bg": "Cyrillic", "el": "Greek",
    "ar": "Arabic", "fa": "Arabic", "he": "Hebrew", "th": "Thai", "hi": "Devanagari",
}


def script_of(lang: str) -> str:
    """The main script of a language code (Latin for the languages not listed)."""
    return LANGUAGE_SCRIPT.get(base_code(lang), LATIN)


def count(text: str, script: str) -> int:
    """Letters of one script in a text (0 for a script termcheck does not know)."""
    rx = _FIND.get(script)
    return sum(map(len, rx.findall(text))) if rx is not None else 0


def counts(text: str) -> Counter[str]:
    """Letters per script; letters of other scripts count as `Other`."""
    c: Counter[str] = Counter()
    if text.isascii() and shortcuts.on():  # an ASCII letter is a Latin one, and every other script is empty
        n = sum(map(len, _FIND[LATIN].findall(text)))
        if n:
            c[LATIN] = n
        return c
    known = 0
    for name, rx in _FIND.items():
        n = sum(map(len, rx.findall(text)))
        if n:
            c[name] = n
            known += n
    other = sum(map(str.isalpha, text)) - known  # (map with a builtin: no Python call per character)
    if other > 0:
        c["Other"] = other
    return c


def runs(text: str, script: str) -> list[tuple[int, int]]:
    """Spans of runs of one script, joined across the script's own punctuation (中国，美国)."""
    chars = PATTERNS[script]
    joiners = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u00b7\u2014\u2026\u201c\u201d" if script == HAN else "'’-"
    rx = re.compile(f"[{chars}](?:[{chars}{joiners}]*[{chars}])?")
    return [m.span() for m in rx.finditer(text)]


def is_wide(ch: str) -> bool:
    """A full-width or wide character (CJK punctuation, full-width letters)."""
    return unicodedata.east_asian_width(ch) in ("F", "W")


def word_runs(text: str, script: str) -> list[tuple[int, int]]:
    """Runs of one script, words joined across single spaces (`United States`); Han as in `runs`."""
    if script == HAN:
        return runs(text, script)
    chars = PATTERNS[script]
    word = f"[{chars}](?:[{chars}0-9'’.\\-]*[{chars}0-9])?"
    rx = re.compile(f"(?<![{chars}0-9]){word}(?: {word})*(?![{chars}0-9])")
    return [m.span() for m in rx.finditer(text)]


def fits(text: str, lang: str) -> str | None:
    """None when a sample of running text could be written in `lang` by its letters, else the script it is mostly
    written in, where `lang`'s own script is all but absent from it: kana mean Japanese, whatever the Han around
    them; a language whose script termcheck does not know is never contradicted."""
    c = counts(text)
    letters = sum(c.values())
    if letters < 20:
        return None
    expected = script_of(lang)
    if base_code(lang) == "zh" and c.get("Kana", 0) >= 0.05 * letters:
        return "Kana"
    main, n = c.most_common(1)[0]
    # only where the language's own script is all but absent: a Chinese text with a long English name in it is
    # still Chinese (a Han character counts one letter, an English word five)
    if main in ("Other", expected) or n < 0.6 * letters or c.get(expected, 0) >= 0.1 * letters:
        return None
    if expected == HAN and main == "Kana":  # Japanese: kana among the Han
        return None
    return main if expected in PATTERNS else None
