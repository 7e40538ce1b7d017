"""Documents as sentences: each knows its line, its offset in the line and its paragraph."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass

from termcheck import lang as langs


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document: its text, 1-based line, offset in that line, 0-based paragraph."""

    text: str
    line: int
    start: int
    paragraph: int
    alone: bool = False  # the only sentence on its line (a heading, a dateline, a one-sentence paragraph)


def splitter(lang: str) -> Callable[[str], list[tuple[int, int]]]:
    """The language's sentence splitter (English rules for a language without one).

    Semicolons do not end sentences here even where the language module may cut at them (Chinese
    ；): translations keep such clauses in one sentence, and the aligner joins sentences anyway.
    """
    module = langs.get(lang)
    split = getattr(module, "split_sentences", None)
    if split is None:
        from termcheck.lang import en

        split = en.split_sentences
    if "semicolon" in inspect.signature(split).parameters:
        return functools.partial(split, semicolon=False)
    return split


def split_document(lines: list[str], lang: str, first_line: int = 1) -> list[Sentence]:
    """Sentences of a document given as lines; blank lines separate paragraphs, so does each line."""
    split = splitter(lang)
    out: list[Sentence] = []
    para = -1
    for n, line in enumerate(lines, start=first_line):
        spans = split(line)
        if not spans:
            continue
        para += 1
        for a, b in spans:
            out.append(Sentence(line[a:b], n, a, para, len(spans) == 1))
    return out
