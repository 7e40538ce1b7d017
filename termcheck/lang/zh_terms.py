"""Chinese term candidates: noun-phrase word n-grams (jieba part-of-speech tags) and quoted phrases."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from termcheck.lang import scripts, zh

# jieba (ICTCLAS) tags of words that can end a term: nouns, proper nouns, nominal verbs (发展 in
# 全球发展倡议) and adjectives, abbreviations (j). Not idioms and set phrases (i, l: 至关重要,
# 落到实处): they are mostly predicates, and a fixed formulation is usually quoted anyway.
NOUN_TAGS = frozenset({"n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "nl", "ng", "vn", "an", "j"})
# tags that may also start a term or stand inside one: adjectives, distinguishing words (双边) and
# numerals of two characters or more (两岸, 三股势力; not a lone 号 or 年). Never a verb: a verb
# inside makes a clause (双方坚持相互尊重), not a term.
INNER_TAGS = NOUN_TAGS | {"a", "b", "m"}
# a single word this long that is a noun is a candidate by itself (中共中央政治局)
LONG_WORD = 4
# shortest candidate, in characters
MIN_CHARS = 3
MAX_QUOTED = 24

_QUOTES = re.compile(r"“([^“”\n]{2,%d})”|「([^「」\n]{2,%d})」|『([^『』\n]{2,%d})』|《([^《》\n]{2,%d})》"
                     r"|\"([^\"\n]{2,%d})\"" % ((MAX_QUOTED,) * 5))
_SENTENCE_END = re.compile(r"[。！？!?；;]")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of text that looks like a term: [start, end) in the original text, its normalized
    key (Simplified, half-width), its number of words, and whether it was quoted."""

    start: int
    end: int
    key: str
    words: int
    quoted: bool = False


def _is_han_word(word: str) -> bool:
    return all(scripts.is_han(c) for c in word)


@lru_cache(maxsize=1)
def _tagger() -> Any:
    """A private part-of-speech tagger on jieba's dictionary (never jieba's global one)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    freq, total = zh._dictionary()
    tok.FREQ, tok.total, tok.initialized = dict(freq), total, True
    return jieba.posseg.POSTokenizer(tok)


def tagged(text: str) -> list[tuple[str, str, int]]:
    """(word, tag, start) for each word of a normalized text; unknown words guessed by jieba's HMM."""
    out: list[tuple[str, str, int]] = []
    pos = 0
    for pair in _tagger().cut(text, HMM=True):
        out.append((pair.word, pair.flag, pos))
        pos += len(pair.word)
    return out


def _inner(word: str, tag: str) -> bool:
    return tag in INNER_TAGS and (tag != "m" or len(word) >= 2)


def _ngrams(words: list[tuple[str, str, int]], max_words: int) -> list[tuple[int, int, int]]:
    """(start, end, words) of the noun-phrase n-grams of a run of tagged words."""
    out: list[tuple[int, int, int]] = []
    n = len(words)
    for i, (w, tag, start) in enumerate(words):
        if not _is_han_word(w):
            continue
        if len(w) >= LONG_WORD and tag in NOUN_TAGS:
            out.append((start, start + len(w), 1))
        if not _inner(w, tag):
            continue
        for j in range(i + 1, min(n, i + max_words)):
            wj, tj, sj = words[j]
            if not _is_han_word(wj):
                break
            if tj in NOUN_TAGS:
                end = sj + len(wj)
                if end - start >= MIN_CHARS:
                    out.append((start, end, j - i + 1))
            if not _inner(wj, tj):
                break
    return out


def quoted(text: str) -> list[tuple[int, int]]:
    """[start, end) of the content of quoted phrases (“…” 「…」 『…』 《…》) that hold Han characters
    and no sentence end; a quoted whole sentence is not a term."""
    out: list[tuple[int, int]] = []
    for m in _QUOTES.finditer(text):
        group = next(g for g in range(1, 6) if m.group(g) is not None)
        a, b = m.span(group)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        body = text[a:b]
        if _SENTENCE_END.search(body) or sum(1 for c in body if _is_han_word(c)) < MIN_CHARS:
            continue
        out.append((a, b))
    return out


def term_candidates(text: str, max_words: int = 4) -> list[Candidate]:
    """Term-like stretches of a Chinese text: noun-phrase n-grams of up to `max_words` jieba words
    (plus long single nouns), and quoted phrases; spans in the original text, keys normalized."""
    norm = zh.normalize(text)
    words = tagged(norm.text)
    out: dict[tuple[int, int], Candidate] = {}
    for a, b, k in _ngrams(words, max_words):
        start, end = norm.original_span(a, b)
        out[(start, end)] = Candidate(start, end, norm.text[a:b], k)
    for start, end in quoted(text):
        key = zh.normalize(text[start:end]).text
        # a quoted n-gram counts once, as quoted
        words_in = out[(start, end)].words if (start, end) in out else 0
        out[(start, end)] = Candidate(start, end, key, words_in, quoted=True)
    return sorted(out.values(), key=lambda c: (c.start, c.end))
