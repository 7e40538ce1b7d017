"""Segment consistency in a document: one source sentence translated two ways, one translation for two sources."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, ClassVar

from termcheck.checks.base import Batch, Check, register
from termcheck.fingerprint import segment_context
from termcheck.lang import scripts
from termcheck.lang.memo import shared
from termcheck.model import Finding, Origin, Segment, Severity

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")
_HAN = scripts.HAN_RE


def normalized(text: str) -> str:
    """NFKC, case-folded, spaces collapsed, final punctuation dropped: what makes two segments "the same"."""
    s = _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return s.rstrip(" .。!！?？;；:：")


@shared
def text_digest(text: str) -> bytes:
    """The digest of a text's normalized form (each text digested once, whichever check asks)."""
    return hashlib.blake2b(normalized(text).encode("utf-8"), digest_size=12).digest()


def substantial(text: str, min_words: int) -> bool:
    """Long enough that repeating it is a choice, not a heading: words, counting each Han character as half."""
    return len(_WORD.findall(_HAN.sub(" ", text))) + len(_HAN.findall(text)) / 2 >= min_words


# distinct sentences remembered per check within one document; past that the least recently seen
# are judged and forgotten, so memory stays flat on archives of millions of segments (a sentence
# that keeps recurring stays remembered however long the document)
WINDOW = 50_000

# occurrences kept per rendering for the report once a sentence has two renderings; past that, and
# before the second rendering appears, occurrences are only counted (the message gives the count)
KEEP = 50

# where one occurrence is: segment id, run index, origin, content digest (a Finding is made from it
# only when it is reported, so a remembered sentence costs little more than its text)
_Where = tuple[str, int, Origin | None, str | None]


@dataclass(slots=True)
class _Variant:
    """One way a sentence was rendered in a document: how often, its text, where (the kept occurrences)."""

    other: bytes  # digest of the normalized rendering
    count: int
    text: str  # the other side as first written (the suggestion when this is the most frequent rendering)
    where: list[_Where]


class _Consistency(Check):
    corpus = True
    needs = frozenset({"source", "target"})
    options: ClassVar[Mapping[str, Any]] = {"min_words": 5}
    key_side: ClassVar[str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # sentence digest -> its renderings (usually one), least recently seen first
        self._seen: dict[bytes, list[_Variant]] = {}
        self._doc: str | None = None

    def prepare(self, batch: Batch, tail: Sequence[Segment], match: Callable[[list[Segment]], Batch]) -> Any:
        """Per segment of the batch, `prepare_segment`: the costly part, done where the batch is analysed."""
        return [self.prepare_segment(seg) for seg in batch.segments]

    def prepare_segment(self, seg: Segment) -> tuple[bytes, bytes, str | None] | None:
        """The digests of a segment's two sides and its content digest (None when it is too short to count):
        of its texts and languages alone."""
        return self._keys(seg) if self.applies(seg) else None

    def _keys(self, seg: Segment) -> tuple[bytes, bytes, str | None] | None:
        key_text = seg.source if self.key_side == "source" else seg.target
        other_text = seg.target if self.key_side == "source" else seg.source
        if not key_text or not other_text or not substantial(key_text, self.opts["min_words"]):
            return None
        return text_digest(key_text), text_digest(other_text), segment_context(seg)

    def check_batch(self, batch: Batch) -> Iterable[Finding]:
        """Documents arrive one after another: a finished document is judged and forgotten; within a
        very long one, the sentences least recently seen beyond WINDOW are judged and forgotten."""
        keys = batch.prepared.get(self.id)
        if keys is None:  # a batch that was not analysed by the run (a check used on its own)
            keys = self.prepare(batch, (), lambda segs: batch)
        for seg, k in zip(batch.segments, keys, strict=True):
            if seg.doc != self._doc:
                yield from self._judge(list(self._seen))
                self._doc = seg.doc
            if k is not None:
                self._add(seg, *k)
        if len(self._seen) > WINDOW:
            yield from self._judge(list(islice(self._seen, len(self._seen) - WINDOW)))

    def _add(self, seg: Segment, key: bytes, other: bytes, context: str | None) -> None:
        variants = self._seen.pop(key, None)  # re-inserted below: the most recently seen come last
        if variants is None:
            variants = []
        self._seen[key] = variants
        where = (seg.id, seg.index, seg.target_origin or seg.origin, context)
        v = next((v for v in variants if v.other == other), None)
        if v is None:
            text = (seg.target if self.key_side == "source" else seg.source) or ""
            variants.append(_Variant(other, 1, text, [where]))
        else:
            v.count += 1
            if len(variants) > 1 and len(v.where) < KEEP:
                v.where.append(where)

    def finish(self) -> Iterable[Finding]:
        return self._judge(list(self._seen))

    def _judge(self, keys: list[bytes]) -> Iterator[Finding]:
        for key in keys:
            variants = self._seen.pop(key)
            if len(variants) < 2:
                continue
            # the most frequent variant (ties: the first) is the reference; every other one is reported
            main = max(variants, key=lambda v: (v.count, -variants.index(v)))
            first = main.where[0][0]
            for v in variants:
                if v is main or self.similar(main.text, v.text):
                    continue
                message = self.message(first)
                if v.count > len(v.where):
                    message += f" ({v.count} times in all; {len(v.where)} listed)"
                severity = self.severity if self.forced_severity is None else self.forced_severity
                for seg_id, index, origin, context in v.where:
                    yield Finding(self.id, self.category, severity, seg_id, message,
                                  index, self._doc or "", suggestion=main.text, origin=origin, context=context)

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
