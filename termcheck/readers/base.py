"""Reader options shared by all readers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: encoding, languages, column names, the document name."""

    encoding: str | None = None
    source_lang: str = "zh"
    target_lang: str = "en"
    source_column: str | None = None
    target_column: str | None = None
    reference_column: str | None = None
    doc: str | None = None
    start_index: int = 0
