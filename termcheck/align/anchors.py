"""Lexical anchors for alignment: numbers, Latin-script names and acronyms, glossary terms on both sides."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Any

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*")
_THOUSANDS = re.compile(r",(?=\d{3}(?:\D|$))")


def _number_key(raw: str) -> str:
    raw = _THOUSANDS.sub("", raw).replace(",", ".")
    if "." in raw:
        whole, _, frac = raw.partition(".")
        frac = frac.rstrip("0")
        return (whole.lstrip("0") or "0") + ("." + frac if frac else "")
    return raw.lstrip("0") or "0"


def surface_anchors(text: str, latin: bool) -> Counter[str]:
    """Numbers (`n:2024`, `n:6.8`) and, when `latin`, Latin-script words (`w:apec`) of a text."""
    text = unicodedata.normalize("NFKC", text)
    out: Counter[str] = Counter("n:" + _number_key(m.group()) for m in _NUMBER.finditer(text))
    if latin:
        out.update("w:" + m.group().lower() for m in _LATIN.finditer(text) if len(m.group()) > 1)
    return out


def glossary_anchors(matcher: Any, text: str, side: str) -> Counter[str]:
    """Glossary entries found in a text (`g:<entry index>`); on the target side any rendering counts,
    forbidden ones included: a wrong rendering still shows which source term the sentence translates."""
    if side == "source":
        hits = matcher.source_hits(text)
    else:
        from termcheck.glossary.match import longest

        hits = longest(matcher.target.candidates(text))
    return Counter(f"g:{h.entry}" for h in hits)


def _mostly_latin(texts: Sequence[str]) -> bool:
    letters = latin = 0
    for t in texts:
        for ch in t[:2000]:
            if ch.isalpha():
                letters += 1
                latin += ch.isascii()
    return letters > 0 and latin / letters > 0.5


def document_anchors(source: Sequence[str], target: Sequence[str],
                     matcher: Any = None) -> tuple[list[Counter[str]], list[Counter[str]]]:
    """Anchors per sentence of both sides, keeping only keys that occur on both sides of the document.

    Latin-script words are anchors only when one side is not written in Latin script (a name or
    acronym kept in a Chinese text); numbers and glossary entries always are.
    """
    latin = _mostly_latin(source) != _mostly_latin(target)
    src = [surface_anchors(t, latin) for t in source]
    tgt = [surface_anchors(t, latin) for t in target]
    if matcher is not None:
        for c, t in zip(src, source, strict=True):
            c.update(glossary_anchors(matcher, t, "source"))
        for c, t in zip(tgt, target, strict=True):
            c.update(glossary_anchors(matcher, t, "target"))
    both = set().union(*src) & set().union(*tgt) if src and tgt else set()
    return ([Counter({k: v for k, v in c.items() if k in both}) for c in src],
            [Counter({k: v for k, v in c.items() if k in both}) for c in tgt])
