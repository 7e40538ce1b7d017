"""Input text made safe for human-facing reports: control characters shown, not obeyed."""

from __future__ import annotations

import re
from functools import lru_cache

# C0 controls, DEL and C1 controls (ESC starts ANSI sequences; NUL and most C0 are not allowed in HTML/XML)
# and the bidirectional embeddings, overrides and isolates (a text can make what follows it in a report
# read backwards, as "Trojan Source" does in code); the marks LRM, RLM and ALM only set one character's
# direction and stay, as right-to-left text needs them
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = "".join(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))) + _BIDI


@lru_cache(maxsize=8)
def _pattern(keep: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(c for c in _CONTROLS if c not in keep)) + "]")


def _picture(m: re.Match[str]) -> str:
    c = ord(m.group())
    if c < 0x20:
        return chr(0x2400 + c)  # U+2400 control pictures: ␀ ␛ ␍ ...
    return "\u2421" if c == 0x7F else "\ufffd"  # ␡ for DEL; C1 and bidirectional controls have no picture


def visible(text: str, keep: str = "") -> str:
    """`text` with every control character (C0, DEL, C1, bidirectional overrides and isolates; those in
    `keep` excepted) replaced by one visible character (␛ for ESC, ␀ for NUL, � where there is no
    picture): nothing from the input reaches a terminal as an escape sequence or turns a report's text
    around, and character offsets (spans) stay valid."""
    pattern = _pattern(keep)
    return pattern.sub(_picture, text) if pattern.search(text) else text
