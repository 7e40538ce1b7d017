"""The data model: segments in, findings out, ordered severities."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import IntEnum
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Pickle (and copy) a frozen dataclass as its class called with its fields in order: a run's segments and
    findings cross processes and wait on disk by the hundred thousand, and this reads back about twice as
    fast as the attribute-by-attribute state that frozen dataclasses with slots otherwise pickle."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    get = attrgetter(*names) if len(names) > 1 else (lambda obj: (getattr(obj, names[0]),))

    def __reduce__(self: T) -> tuple[type[T], tuple[Any, ...]]:
        return cls, get(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls


class Severity(IntEnum):
    """Ordered severities: info < minor < major < critical."""

    INFO = 0
    MINOR = 1
    MAJOR = 2
    CRITICAL = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """Parse `major`, `MAJOR`, ... into a Severity; raise ValueError on anything else."""
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            names = ", ".join(str(s) for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of {names})") from None

    def lowered(self) -> Severity:
        """One step lower, never below minor (critical -> major, major -> minor)."""
        return Severity(max(self.value - 1, Severity.MINOR.value))


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Origin:
    """Where a segment came from: file and 1-based line (and column), or a unit id inside the file."""

    file: str
    line: int | None = None
    unit: str | None = None
    column: int | None = None  # 1-based, where a sentence cut from a longer line (a paragraph) starts

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.file}:{self.line}:{self.column}" if self.column is not None else f"{self.file}:{self.line}"
        if self.unit is not None:
            return f"{self.file}#{self.unit}"
        return self.file


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Segment:
    """One aligned pair: source text (may be None for target-only runs), target, optional reference.

    `id` is the TMX tuid / XLIFF unit id when present, else the 1-based line or row number.
    `index` is the segment's position in the run (0-based), used for deterministic ordering.
    `target_origin` points at the target text where it lives in another file than the source.
    """

    id: str
    source: str | None
    target: str | None
    index: int = 0
    doc: str = ""
    reference: str | None = None
    origin: Origin | None = None
    target_origin: Origin | None = None
    source_lang: str = "zh"
    target_lang: str = "en"
    # inline markup (TMX/XLIFF tags) removed from the texts, with where it stood
    tags: tuple[InlineTag, ...] = ()
    # for sentence-aligned documents, the bead: "1-1", "2-1", "1-0" (no translation), "0-1" (no source)
    alignment: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class InlineTag:
    """An inline tag of a TMX/XLIFF segment (bpt/ept/ph/x/g/pc/...), kept out of the text.

    `pos` is the character offset in the text (source or target, by `side`) where the tag stood;
    `kind` the element name (`bpt`, `ph`, ...; paired elements whose content is text, such as
    `g` or `hi`, give `g` and `/g`); `ref` the tag's id (`i`, `x`, `id`, `rid`); `code` the native
    code it carried (e.g. `<b>`), possibly empty.
    """

    side: str
    pos: int
    kind: str
    ref: str | None = None
    code: str = ""


Span = tuple[int, int]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Fix:
    """One repair of a finding: replace the target's `span` with `replacement`.

    `safe` fixes are applied by `termcheck fix`; unsafe ones only with --unsafe-fixes. `note` says
    why a fix is unsafe (a number, two candidate repairs, ...); it is shown, never written to JSON.
    """

    span: Span
    replacement: str
    safe: bool = True
    note: str = ""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in one segment (or a document, for corpus-level checks)."""

    check: str
    category: str
    severity: Severity
    segment: str
    message: str
    index: int = 0
    doc: str = ""
    source_span: Span | None = None
    target_span: Span | None = None
    source_text: str | None = None
    target_text: str | None = None
    suggestion: str | None = None
    term: str | None = None
    score: float | None = None
    origin: Origin | None = None
    # digest of the segment's content (fingerprint.segment_context), for baselines and SARIF
    context: str | None = None
    # the repair derived from the finding (termcheck.fixes), or None when there is none
    fix: Fix | None = None

    def sort_key(self) -> tuple:
        """Document order first, then position in the segment, then check id."""
        t = self.target_span or (-1, -1)
        s = self.source_span or (-1, -1)
        return (self.index, self.doc, t, s, self.check, self.term or "", self.message)
