"""Reader options shared by all readers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: encoding, languages, column names, the document name, alignment.

    `align`: None aligns plain-text documents sentence by sentence when their line counts differ,
    True always does, False never does (mismatched line counts are then an error).
    `matcher`: the run's glossary Matcher, whose terms serve as alignment anchors.
    """

    encoding: str | None = None
    source_lang: str = "zh"
    target_lang: str = "en"
    source_column: str | None = None
    target_column: str | None = None
    reference_column: str | None = None
    doc: str | None = None
    start_index: int = 0
    align: bool | None = None
    semantic: bool = False  # add sentence-embedding similarity to alignment (termcheck[semantic])
    matcher: Any = field(default=None, compare=False, repr=False)
