"""Reader options shared by all readers, and what a reader asks of an aligner."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from termcheck.model import Segment


class DocumentAligner(Protocol):
    """Sentence alignment, given to the readers by the pipeline (readers never align by themselves)."""

    def segments(self, source: tuple[str, Sequence[str]], target: tuple[str, Sequence[str]],
                 reference: tuple[str, Sequence[str]] | None, *, doc: str, start_index: int, source_lang: str,
                 target_lang: str) -> Iterator[Segment]:
        """Two documents (file name, lines) as one segment per aligned group of sentences."""
        ...

    def reference_by_line(self, source_lines: Sequence[str], reference_lines: Sequence[str], *, source_lang: str,
                          target_lang: str) -> list[str | None]:
        """For each source line, the reference sentences aligned to it."""
        ...


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: encoding, languages, column names, the document name, alignment.

    `align`: None aligns plain-text documents sentence by sentence when their line counts differ,
    True always does, False never does (mismatched line counts are then an error).
    `aligner`: what aligns them (the pipeline gives one holding the run's glossary as anchors); without
    one, documents that need aligning are an error.
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
    # a file holding no segment to check is read as empty instead of refused (--allow-empty)
    allow_empty: bool = False
    aligner: DocumentAligner | None = field(default=None, compare=False, repr=False)
