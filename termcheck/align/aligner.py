"""Align two documents' sentences: lengths, anchors and the bead search put together."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from termcheck.align.anchors import document_anchors
from termcheck.align.dp import DEFAULT, Bead, Params, align
from termcheck.align.lengths import length_model
from termcheck.align.sentences import Sentence


def align_sentences(source: Sequence[Sentence], target: Sequence[Sentence], source_lang: str = "zh",
                    target_lang: str = "en", matcher: Any = None, params: Params = DEFAULT) -> list[Bead]:
    """Beads pairing source and target sentences, in document order, covering every sentence once."""
    model = length_model(source_lang, target_lang)
    src_texts = [s.text for s in source]
    tgt_texts = [s.text for s in target]
    sa, ta = document_anchors(src_texts, tgt_texts, matcher)
    return align([model.source_length(t) for t in src_texts], [model.target_length(t) for t in tgt_texts],
                 sa, ta, model, params, [s.paragraph for s in source], [s.paragraph for s in target])
