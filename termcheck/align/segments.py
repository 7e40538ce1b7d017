"""Aligned documents as Segments: one segment per bead, ids by source sentence number."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from termcheck.align.aligner import align_sentences
from termcheck.align.dp import Bead
from termcheck.align.sentences import Sentence, split_document
from termcheck.model import Origin, Segment


def span_text(sentences: Sequence[Sentence], lines: Sequence[str], first_line: int = 1) -> str | None:
    """The text of consecutive sentences as read: cut from their line, or lines joined by a line break."""
    if not sentences:
        return None
    parts: list[str] = []
    run: list[Sentence] = []
    for s in [*sentences, None]:
        if run and (s is None or s.line != run[0].line):
            line = lines[run[0].line - first_line]
            parts.append(line[run[0].start:run[-1].start + len(run[-1].text)])
            run = []
        if s is not None:
            run.append(s)
    return "\n".join(parts)


def bead_ids(beads: Sequence[Bead]) -> list[str]:
    """Segment ids: the 1-based source sentence number (`4`), a range for merged ones (`4-5`), and for
    target sentences with no source `N+k` (the k-th extra sentence after source sentence N)."""
    out = []
    extra = 0
    for b in beads:
        a, z = b.source
        if z == a:
            extra += 1
            out.append(f"{a}+{extra}")
            continue
        extra = 0
        out.append(str(a + 1) if z - a == 1 else f"{a + 1}-{z}")
    return out


def _reference_for(beads: Sequence[Bead], ref_beads: Sequence[Bead] | None) -> list[tuple[int, int] | None]:
    """For each bead, the reference sentences aligned to its source sentences (or None)."""
    if ref_beads is None:
        return [None] * len(beads)
    by_source: dict[int, tuple[int, int]] = {}
    for rb in ref_beads:
        for i in range(*rb.source):
            by_source[i] = rb.target
    out: list[tuple[int, int] | None] = []
    for b in beads:
        spans = [by_source[i] for i in range(*b.source) if i in by_source and by_source[i][0] < by_source[i][1]]
        out.append((min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None)
    return out


def reference_by_line(source_lines: Sequence[str], reference_lines: Sequence[str], *, source_lang: str = "zh",
                      target_lang: str = "en", matcher: Any = None) -> list[str | None]:
    """For line-aligned source and target with a reference that is not: the reference sentences aligned to
    each source line (each source line taken whole), '' where none aligns, None for blank lines."""
    ss = [Sentence(t.strip(), n, len(t) - len(t.lstrip()), k, True)
          for k, (n, t) in enumerate((n, t) for n, t in enumerate(source_lines, start=1) if t.strip())]
    rs = split_document(list(reference_lines), target_lang)
    spans = _reference_for([Bead((i, i + 1), (0, 0)) for i in range(len(ss))],
                           align_sentences(ss, rs, source_lang, target_lang, matcher))
    out: list[str | None] = [None] * len(source_lines)
    for s, span in zip(ss, spans, strict=True):
        out[s.line - 1] = span_text(rs[span[0]:span[1]], reference_lines) if span else ""
    return out


def aligned_segments(source: tuple[str, Sequence[str]], target: tuple[str, Sequence[str]],
                     reference: tuple[str, Sequence[str]] | None, *, doc: str, start_index: int = 0,
                     source_lang: str = "zh", target_lang: str = "en", matcher: Any = None,
                     semantic: bool = False) -> Iterator[Segment]:
    """Split two documents (file name, lines) into sentences, align them and yield one segment per bead.

    With a reference, it is aligned to the source too, and each segment gets the reference sentences
    aligned to its source sentences.
    """
    src_path, src_lines = source
    tgt_path, tgt_lines = target
    ss = split_document(list(src_lines), source_lang)
    ts = split_document(list(tgt_lines), target_lang)
    beads = align_sentences(ss, ts, source_lang, target_lang, matcher, semantic=semantic)
    refs: list[tuple[int, int] | None] = [None] * len(beads)
    rs: list[Sentence] = []
    if reference is not None:
        rs = split_document(list(reference[1]), target_lang)
        refs = _reference_for(beads, align_sentences(ss, rs, source_lang, target_lang, matcher, semantic=semantic))
    for k, (bead, seg_id, rspan) in enumerate(zip(beads, bead_ids(beads), refs, strict=True)):
        src = ss[bead.source[0]:bead.source[1]]
        tgt = ts[bead.target[0]:bead.target[1]]
        ref_text = None
        if reference is not None and src:  # a target sentence with no source has no reference either
            ref_text = span_text(rs[rspan[0]:rspan[1]], reference[1]) if rspan else ""
        yield Segment(seg_id, span_text(src, src_lines), span_text(tgt, tgt_lines), start_index + k, doc, ref_text,
                      Origin(src_path, src[0].line, column=src[0].start + 1) if src else None,
                      Origin(tgt_path, tgt[0].line, column=tgt[0].start + 1) if tgt else None,
                      source_lang, target_lang, (), bead.kind)


class SentenceAligner:
    """The aligner the pipeline hands to the readers: the run's glossary matcher as anchors, and
    sentence similarity when `semantic` is on (see `termcheck.readers.base.DocumentAligner`)."""

    def __init__(self, matcher: Any = None, *, semantic: bool = False) -> None:
        self.matcher = matcher
        self.semantic = semantic

    def segments(self, source: tuple[str, Sequence[str]], target: tuple[str, Sequence[str]],
                 reference: tuple[str, Sequence[str]] | None, *, doc: str, start_index: int = 0,
                 source_lang: str = "zh", target_lang: str = "en") -> Iterator[Segment]:
        return aligned_segments(source, target, reference, doc=doc, start_index=start_index, source_lang=source_lang,
                                target_lang=target_lang, matcher=self.matcher, semantic=self.semantic)

    def reference_by_line(self, source_lines: Sequence[str], reference_lines: Sequence[str], *,
                          source_lang: str = "zh", target_lang: str = "en") -> list[str | None]:
        return reference_by_line(source_lines, reference_lines, source_lang=source_lang, target_lang=target_lang,
                                 matcher=self.matcher)
