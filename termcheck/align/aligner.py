"""Align two documents' sentences: lengths, anchors and the bead search put together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from termcheck.align.anchors import document_anchors
from termcheck.align.dp import DEFAULT, Bead, Params, align
from termcheck.align.lengths import LengthModel, length_model
from termcheck.align.lexicon import Lexical
from termcheck.align.semantic import available as semantic_available
from termcheck.align.sentences import Sentence
from termcheck.errors import ConfigError


def align_sentences(source: Sequence[Sentence], target: Sequence[Sentence], source_lang: str = "zh",
                    target_lang: str = "en", matcher: Any = None, params: Params = DEFAULT,
                    semantic: bool = False) -> list[Bead]:
    """Beads pairing source and target sentences, in document order, covering every sentence once.

    `semantic`: add sentence-embedding similarity (needs the optional termcheck[semantic]).
    """
    model = length_model(source_lang, target_lang)
    src_texts = [s.text for s in source]
    tgt_texts = [s.text for s in target]
    sa, ta = document_anchors(src_texts, tgt_texts, matcher, source_lang, target_lang)
    ls = [model.source_length(t) for t in src_texts]
    lt = [model.target_length(t) for t in tgt_texts]
    sp, tp = paragraphs(source), paragraphs(target)
    similarity = None
    if semantic:
        from termcheck.align.semantic import Similarity

        if not semantic_available():
            raise ConfigError("semantic alignment needs the optional package: pip install 'termcheck[semantic]'")
        similarity = Similarity(src_texts, tgt_texts)
    beads = align(ls, lt, sa, ta, model, params, sp, tp, similarity)
    adapted = adapt(model, beads, ls, lt)
    lexical = dictionary_evidence(src_texts, tgt_texts, source_lang, target_lang, params)
    if lexical is not None:
        # dictionary evidence costs more than lengths: it refines the first alignment within a corridor
        # around it, its recall measured on that alignment's 1-1 beads
        return align(ls, lt, sa, ta, adapted, params, sp, tp, similarity, lexical.fitted(beads), near=beads)
    if adapted is not model:
        beads = align(ls, lt, sa, ta, adapted, params, sp, tp, similarity)
    return beads


def dictionary_evidence(source: Sequence[str], target: Sequence[str], source_lang: str, target_lang: str,
                        params: Params) -> Lexical | None:
    """Bilingual dictionary evidence (lexicon.Lexical) for a language pair termcheck has a dictionary for
    (Chinese and English, either way round), else None."""
    from termcheck import lang as langs

    if params.lexical_weight <= 0 or not source or not target:
        return None
    pair = (langs.base_code(source_lang), langs.base_code(target_lang))
    if pair not in (("zh", "en"), ("en", "zh")):
        return None
    from termcheck.align.cedict import dictionary

    if dictionary() is None:  # the data file is missing (one warning said so): lengths and anchors only
        return None
    if pair == ("zh", "en"):
        return Lexical(source, target, params.lexical_recall)
    return Lexical(target, source, params.lexical_recall, chinese_is_source=False)


def paragraphs(sentences: Sequence[Sentence]) -> list[int] | None:
    """Each sentence's paragraph, or None for a text written one sentence a line (its line breaks
    separate sentences, not paragraphs, so a bead may well join two lines)."""
    if not sentences:
        return None
    alone = sum(s.alone for s in sentences)
    if alone >= 0.9 * len({s.line for s in sentences}):
        return None
    return [s.paragraph for s in sentences]


def adapt(model: LengthModel, beads: Sequence[Bead], ls: Sequence[float], lt: Sequence[float],
          min_beads: int = 5, tolerance: float = 0.05) -> LengthModel:
    """The length model fitted to this document: translations of one genre or translator run longer or
    shorter than the calibration corpus (the seed's English is 4.1 characters per Chinese one, the UN's
    3.4). The ratio comes from the 1-1 beads of a first pass, so omissions do not bias it."""
    ones = [b for b in beads if b.kind == "1-1"]
    if len(ones) < min_beads:
        return model
    ratio = sum(lt[b.target[0]] for b in ones) / max(sum(ls[b.source[0]] for b in ones), 1e-9)
    k = ratio / model.ratio
    if abs(k - 1) <= tolerance:
        return model
    return replace(model, ratio=ratio, variance=model.variance * k * k)
