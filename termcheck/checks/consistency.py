"""Segment consistency in a document: one source sentence translated two ways, one translation for two sources."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from termcheck.checks.base import Batch, Check, register
from termcheck.model import Finding, Segment, Severity

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def normalized(text: str) -> str:
    """NFKC, case-folded, spaces collapsed, final punctuation dropped: what makes two segments "the same"."""
    s = _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return s.rstrip(" .。!！?？;；:：")


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).digest()


def substantial(text: str, min_words: int) -> bool:
    """Long enough that repeating it is a choice, not a heading: words, counting each Han character as half."""
    return len(_WORD.findall(_HAN.sub(" ", text))) + len(_HAN.findall(text)) / 2 >= min_words


# distinct sentences kept per check within one document (about 1 KB each); older ones are judged
# and forgotten, so memory stays flat on archives of millions of segments
WINDOW = 200_000


@dataclass(slots=True)
class _Variant:
    """One way a sentence was rendered in a document: how often, its text, where (the first KEEP)."""

    count: int
    text: str  # the other side as written (for the suggestion)
    findings: list[Finding]  # where, without a message yet


# occurrences kept per variant for the report; past that they are only counted
KEEP = 50


class _Consistency(Check):
    needs = frozenset({"source", "target"})
    options: ClassVar[Mapping[str, Any]] = {"min_words": 5}
    key_side: ClassVar[str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._seen: dict[tuple[str, bytes], dict[bytes, _Variant]] = {}
        self._doc: str | None = None

    def check_batch(self, batch: Batch) -> Iterable[Finding]:
        """Documents arrive one after another: a finished document is judged and forgotten; within a
        very long one, sentences more than WINDOW distinct sentences back are judged and forgotten."""
        for i, seg in enumerate(batch.segments):
            if seg.doc != self._doc:
                yield from self._judge(list(self._seen))
                self._doc = seg.doc
            if self.applies(seg):
                yield from self.check_segment(seg, batch, i)
        if len(self._seen) > WINDOW:
            yield from self._judge(list(self._seen)[: len(self._seen) - WINDOW])

    def check_segment(self, seg: Segment, batch: Batch, i: int) -> Iterable[Finding]:
        key_text = seg.source if self.key_side == "source" else seg.target
        other_text = seg.target if self.key_side == "source" else seg.source
        if not key_text or not other_text or not substantial(key_text, self.opts["min_words"]):
            return ()
        variants = self._seen.setdefault((seg.doc, _digest(normalized(key_text))), {})
        other = _digest(normalized(other_text))
        v = variants.get(other)
        if v is None:
            variants[other] = _Variant(1, other_text, [self.finding(seg, "")])  # the whole segment: no span
        else:
            v.count += 1
            if len(v.findings) < KEEP:
                v.findings.append(self.finding(seg, ""))
        return ()

    def finish(self) -> Iterable[Finding]:
        return self._judge(list(self._seen))

    def _judge(self, keys: list[tuple[str, bytes]]) -> Iterator[Finding]:
        for key in keys:
            variants = list(self._seen.pop(key).values())
            if len(variants) < 2:
                continue
            # the most frequent variant (ties: the first) is the reference; every other one is reported
            main = max(variants, key=lambda v: (v.count, -variants.index(v)))
            first = main.findings[0]
            for v in variants:
                if v is main or self.similar(main.text, v.text):
                    continue
                for f in v.findings:
                    yield replace(f, message=self.message(first.segment), suggestion=main.text)

    def message(self, other_segment: str) -> str:
        raise NotImplementedError

    def similar(self, a: str, b: str) -> bool:
        """Whether two variants are close enough not to report."""
        return False


@register
class SourceConsistency(_Consistency):
    """The same source sentence is translated differently within one document.

    Segments of at least `min_words` words (a Chinese character counts as half a word) are compared
    after normalizing case, spacing and final punctuation; each translation that differs from the
    most frequent one is reported, with that one as the suggestion.
    """

    id = "consistency.source"
    category = "fluency/inconsistency"
    severity = Severity.MINOR
    key_side = "source"

    def message(self, other_segment: str) -> str:
        return f"the same source is translated differently in segment {other_segment} of this document"


@register
class TargetConsistency(_Consistency):
    """The same translation is given for different source sentences within one document.

    One of the two is probably a copy left from the other (a translation memory match accepted
    unchanged). Compared as in consistency.source.
    """

    id = "consistency.target"
    category = "accuracy/mistranslation"
    severity = Severity.MINOR
    key_side = "target"

    options: ClassVar[Mapping[str, Any]] = {"min_words": 5, "max_source_similarity": 70.0}

    def message(self, other_segment: str) -> str:
        return f"the same translation is given for a different source in segment {other_segment} of this document"

    def similar(self, a: str, b: str) -> bool:
        """Sources that differ only a little (a word, spacing) may well share a translation."""
        from rapidfuzz import fuzz

        return fuzz.ratio(normalized(a), normalized(b)) > self.opts["max_source_similarity"]
