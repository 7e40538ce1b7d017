"""Glossary lint: duplicate concepts, conflicting statuses, broken test sentences, missing attestations."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from termcheck import lang as langs
from termcheck.glossary import csvfmt, keys
from termcheck.glossary.load import decode, files_of, is_tbx, read_bytes, read_entries
from termcheck.glossary.match import identifies
from termcheck.glossary.model import Entry, Status, Term
from termcheck.lang import scripts

ERROR, WARNING = "error", "warning"

# rule id -> (level, what it means); glossaries/README.md documents each
RULES: dict[str, tuple[str, str]] = {
    "duplicate-id": (ERROR, "two entries with one id in one glossary file or folder"),
    "duplicate-form": (ERROR, "one source-language form (after normalization) in two entries"),
    "any-context-conflict": (ERROR, "a rendering correct in one entry is wrong in any context in another"),
    "status-conflict": (WARNING, "a rendering correct in one entry is forbidden or deprecated in another"),
    "superseded-conflict": (WARNING, "a rendering correct in one entry is superseded in another"),
    "substring-form": (WARNING, "a form is part of a longer form whose renderings contain none of its renderings"),
    "same-preferred": (WARNING, "two entries share their preferred rendering (one concept twice?)"),
    "forbidden-equals-ok": (ERROR, "a wrong rendering of an entry matches one of its correct renderings"),
    "repeated-term": (WARNING, "one term listed twice in an entry (same text)"),
    "missing-attestation": (ERROR, "no attestation of the preferred rendering"),
    "missing-test": (ERROR, "no correct test sentence in a language of the entry"),
    "test-missing-form": (ERROR, "the source test sentence holds none of the entry's forms"),
    "test-missing-preferred": (ERROR, "the correct test sentence lacks the preferred rendering"),
    "test-has-wrong": (ERROR, "the correct test sentence holds a wrong rendering of the entry"),
    "wrong-test-count": (ERROR, "the number of wrong sentences differs from the number of wrong renderings"),
    "wrong-test-missing": (ERROR, "a forbidden or deprecated rendering without its wrong sentence"),
    "wrong-test-lacks-rendering": (ERROR, "a wrong sentence does not contain its rendering"),
    "bad-character": (ERROR, "control, zero-width or line-break characters, or a space inside a source form"),
    "whitespace": (WARNING, "leading, trailing or doubled spaces, non-ASCII spaces, empty list items"),
    "id-format": (WARNING, "the id is not a lowercase ASCII slug"),
    "script": (WARNING, "Chinese characters in a rendering or sentence of another language"),
}

_SLUG = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
_HAN = scripts.HAN_RE
_BAD = re.compile(r"[\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\u2060\ufeff]")
_ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]|  ")
_WRONG = (Status.FORBIDDEN, Status.DEPRECATED)


@dataclass(frozen=True, slots=True)
class Problem:
    """One lint finding: where, which entry, which rule, what."""

    file: str
    line: int | None
    entry: str
    rule: str
    message: str

    @property
    def level(self) -> str:
        return RULES[self.rule][0]

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.level}[{self.rule}] {self.entry}: {self.message}"

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.entry, self.rule, self.message)

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "entry": self.entry, "rule": self.rule,
                "level": self.level, "message": self.message}


def _p(entry: Entry, rule: str, message: str) -> Problem:
    o = entry.origin
    return Problem(o.file if o else "?", o.line if o else None, entry.id, rule, message)


def _name(ch: str) -> str:
    return unicodedata.name(ch, "control character")


def _where(entry: Entry) -> str:
    return f"{entry.id} ({entry.origin})" if entry.origin else entry.id


# ---------------------------------------------------------------- one entry


def _text_problems(entry: Entry, what: str, text: str, source_form: bool) -> Iterable[Problem]:
    if _BAD.search(text):
        ch = _BAD.search(text).group()
        yield _p(entry, "bad-character", f"{what} {text!r} holds U+{ord(ch):04X} {_name(ch)}")
    elif source_form and _HAN.search(text) and re.search(r"\s", text):
        yield _p(entry, "bad-character", f"{what} {text!r} holds a space: it would never match running text")
    elif _ODD_SPACE.search(text):
        yield _p(entry, "whitespace", f"{what} {text!r} holds doubled or non-ASCII spaces")


def _ok_texts(entry: Entry, lang: str) -> list[str]:
    return [t.text for t in entry.terms_in(lang, ok=True)]


def check_entry(entry: Entry, source_lang: str = "zh") -> list[Problem]:
    """The rules that need only the entry itself."""
    out: list[Problem] = []
    if not _SLUG.match(entry.id):
        out.append(_p(entry, "id-format", f"id {entry.id!r} is not a lowercase ASCII slug (e.g. 'de-risking')"))
    if not entry.attestation.strip():
        out.append(_p(entry, "missing-attestation", "no attestation: name the official publication and date"))
    targets = [lang for lang in entry.langs if langs.base_code(lang) != langs.base_code(source_lang)]
    given = {code for code, text in entry.attestations if text.strip()}
    for lang in targets[1:]:  # `attestation` covers the first target language; each other one needs its own
        if entry.terms_in(lang, ok=True) and lang not in given:
            out.append(_p(entry, "missing-attestation", f"no attestation of the {lang} renderings "
                          f"(column attestation_{lang}): name the official publication and date"))
    seen: dict[tuple[str, str], Term] = {}
    texts: dict[tuple[str, str], Term] = {}
    for t in entry.terms:
        first = texts.setdefault((t.lang, t.text.casefold()), t)
        if first is not t and first.status.ok == t.status.ok:
            out.append(_p(entry, "repeated-term", f"{t.lang} term {t.text!r} is listed twice "
                          f"({first.status}, {t.status})"))
        src = langs.base_code(t.lang) == langs.base_code(source_lang)
        out.extend(_text_problems(entry, f"{t.lang} term", t.text, src))
        for x in t.examples:
            out.extend(_text_problems(entry, f"{t.lang} sentence", x, False))
        if (not src and scripts.script_of(t.lang) != scripts.HAN
                and (_HAN.search(t.text) or any(_HAN.search(x) for x in t.examples))):
            out.append(_p(entry, "script", f"Chinese characters in {t.lang} term {t.text!r} or its sentences"))
        for k in keys.term_keys(t.lang, t.text):
            other = seen.get((t.lang, k))
            if other is None:
                seen[(t.lang, k)] = t
            elif other.status.ok != t.status.ok:
                ok, bad = (other, t) if other.status.ok else (t, other)
                out.append(_p(entry, "forbidden-equals-ok", f"{bad.status} {bad.lang} rendering {bad.text!r} "
                              f"matches the same texts as {ok.status} {ok.text!r}"))
                break

    for lang in entry.langs:
        out.extend(_check_tests(entry, lang, source_lang))
    return out


def _check_tests(entry: Entry, lang: str, source_lang: str) -> Iterable[Problem]:
    ok = entry.terms_in(lang, ok=True)
    sentences = [x for t in ok for x in t.examples]
    is_source = langs.base_code(lang) == langs.base_code(source_lang)
    if ok and not sentences:
        yield _p(entry, "missing-test", f"no correct {lang} test sentence (column test_{lang})")
    for x in sentences:
        if is_source:
            if not any(keys.contains(lang, x, t.text) for t in ok):
                yield _p(entry, "test-missing-form", f"test_{lang} {x!r} holds none of the entry's forms")
            continue
        if ok and not keys.contains(lang, x, ok[0].text):
            yield _p(entry, "test-missing-preferred", f"test_{lang} {x!r} lacks the preferred rendering {ok[0].text!r}")
        ok_spans = [s for t in ok for s in keys.spans(lang, x, t.text)]
        for t in entry.terms_in(lang, ok=False):
            # a wrong rendering inside a correct one (`independence` in `Taiwan independence`) is not a hit
            if any(not any(a <= s and e <= b for a, b in ok_spans) for s, e in keys.spans(lang, x, t.text)):
                yield _p(entry, "test-has-wrong", f"test_{lang} {x!r} holds the {t.status} rendering {t.text!r}")
    for t in entry.terms_in(lang, ok=False):
        if t.status not in _WRONG:
            continue
        if not t.examples:
            yield _p(entry, "wrong-test-missing", f"{t.status} {lang} rendering {t.text!r} has no wrong sentence "
                     f"(column test_{lang}_wrong)")
        for x in t.examples:
            if not keys.contains(lang, x, t.text):
                yield _p(entry, "wrong-test-lacks-rendering", f"wrong sentence {x!r} does not contain {t.text!r}")


# ---------------------------------------------------------------- raw CSV cells


def check_csv_cells(entry: Entry, cells: dict[str, str], meaning: dict[str, tuple[str, str]]) -> list[Problem]:
    """Rules on a CSV/TSV row as written: spaces and empty items, and the count of wrong sentences."""
    out: list[Problem] = []
    for col, cell in cells.items():
        kind, lang = meaning.get(col, ("meta", ""))
        if cell != cell.strip():
            out.append(_p(entry, "whitespace", f"column {col!r} has leading or trailing spaces"))
        if kind not in ("meta", "wrong") or col == "domain":
            items = cell.split(csvfmt.LIST_SEP)
            if cell.strip() and any(not i.strip() for i in items):
                out.append(_p(entry, "whitespace", f"column {col!r} has an empty list item ({cell.strip()!r})"))
        if kind == "wrong":
            n = len(csvfmt.wrong_sentences(cell))
            wrong = [t for t in entry.terms_in(lang, ok=False) if t.status in _WRONG]
            if n > len(wrong) or (n and n < len(wrong)):
                out.append(_p(entry, "wrong-test-count", f"{n} wrong sentence(s) in {col!r} for {len(wrong)} "
                              f"forbidden/deprecated rendering(s): one each, in column order, '|'-separated"))
    return out


# ---------------------------------------------------------------- across entries


def check_across(entries: Sequence[Entry], source_lang: str = "zh") -> list[Problem]:
    """Rules between entries of one effective glossary (after overrides)."""
    out: list[Problem] = []
    src = langs.base_code(source_lang)
    forms: dict[str, Entry] = {}
    ok_by_key: dict[tuple[str, str], Entry] = {}
    pref_by_key: dict[tuple[str, str], Entry] = {}
    for e in entries:
        for t in e.terms:
            if langs.base_code(t.lang) == src or not t.status.ok:
                continue
            for k in keys.term_keys(t.lang, t.text):
                ok_by_key.setdefault((langs.base_code(t.lang), k), e)
    for e in entries:
        for t in e.terms:
            lang = langs.base_code(t.lang)
            if lang == src and identifies(e, t):  # forms accepted in a target only are not source forms
                for k in keys.term_keys(t.lang, t.text):
                    first = forms.setdefault(k, e)
                    if first is not e:
                        out.append(_p(e, "duplicate-form", f"form {t.text!r} is also a form of {_where(first)}"))
            elif not t.status.ok:
                for k in keys.term_keys(t.lang, t.text):
                    other = ok_by_key.get((lang, k))
                    if other is not None and other is not e:
                        if t.any_context:
                            out.append(_p(e, "any-context-conflict", f"rendering {t.text!r}, wrong in any context "
                                          f"here, is correct for {_where(other)}: its correct use is flagged"))
                        else:
                            rule = "superseded-conflict" if t.status is Status.SUPERSEDED else "status-conflict"
                            out.append(_p(e, rule, f"{t.status} rendering {t.text!r} is correct for "
                                          f"{_where(other)}: a confusion of the two concepts? review both"))
                        break
        for lang in e.langs:
            if langs.base_code(lang) == src:
                continue
            p = e.preferred(lang)
            if p is None:
                continue
            for k in keys.term_keys(lang, p.text)[:1]:
                first = pref_by_key.setdefault((langs.base_code(lang), k), e)
                if first is not e:
                    out.append(_p(e, "same-preferred", f"preferred rendering {p.text!r} is also preferred for "
                                  f"{_where(first)}: one concept twice?"))
    out.extend(_substrings(entries, source_lang))
    return out


def _substrings(entries: Sequence[Entry], source_lang: str) -> Iterable[Problem]:
    """A form inside a longer form of another entry: where the long one occurs, only it is checked.

    That is right when the long entry's renderings build on the short one's (中美 / 中美关系:
    China-US / China-US relations). It needs review when none of the long entry's correct renderings
    contains a correct rendering of the short one; forms the word segmenter does not split
    (中美 inside 中美洲) are not the short term at all and are skipped.
    """
    module = langs.get(source_lang)
    src = langs.base_code(source_lang)
    forms = [(k, t.text, e) for e in entries for t in e.terms
             if langs.base_code(t.lang) == src and identifies(e, t) for k in keys.term_keys(t.lang, t.text)[:1]]
    containers = {k for k, _, _ in forms if any(k2 != k and k2 in k for k2, _, _ in forms)}
    if not containers:  # nothing to review, and no word segmenter to load
        return
    words = [text for k, text, _ in forms if k not in containers]
    # the segmenter's word boundaries without the long forms: is the short form a word inside it?
    cuts = getattr(module, "word_boundaries", None)
    if cuts is not None and words:
        word_cuts = cuts(words)

        def boundary(text: str, start: int, end: int) -> bool:
            found = word_cuts(text)
            return start in found and end in found
    else:
        boundary = module.boundary_filter(words) if words else None
    reported: set[tuple[str, str]] = set()
    for long_key, long_text, b in forms:
        if long_key not in containers:
            continue
        for short_key, short_text, a in forms:
            if a is b or short_key == long_key or (a.id, b.id) in reported:
                continue
            if short_key not in long_key:
                continue
            norm = module.normalize(long_text).text
            pos = norm.find(short_key.strip())
            if boundary is not None and pos >= 0 and not boundary(norm, pos, pos + len(short_key.strip())):
                continue
            conflict = [lang for lang in b.langs if langs.base_code(lang) != src and _ok_texts(a, lang)
                        and not any(keys.inside(lang, lt, st) for lt in _ok_texts(b, lang)
                                    for st in _ok_texts(a, lang))]
            if conflict:
                reported.add((a.id, b.id))
                lang = conflict[0]
                yield _p(b, "substring-form", f"form {long_text!r} contains {short_text!r} of {_where(a)}, but no "
                         f"correct {lang} rendering here contains one of its ({_ok_texts(a, lang)[0]!r}, ...): "
                         "where this form occurs only this entry is checked; review both")


# ---------------------------------------------------------------- files


def _read(path: Path) -> tuple[list[Entry], dict[int, dict[str, str]], dict[str, tuple[str, str]]]:
    """Entries of one file and, for CSV/TSV, its raw cells by line."""
    entries = read_entries(path, unique=False)
    data = read_bytes(path)
    if is_tbx(path, data):
        return entries, {}, {}
    text = decode(path, data)
    _, meaning, _, rows = csvfmt.read_rows(text, str(path), "\t" if path.suffix.lower() == ".tsv" else None)
    return entries, dict(rows), meaning


def lint(inputs: Sequence[Path], *, source_lang: str = "zh", ignore: Iterable[str] = ()) -> list[Problem]:
    """Lint glossary files or folders as `--glossary` loads them (later inputs override ids of earlier ones).

    Every entry read is checked on its own; the cross-entry rules see the merged glossary. An id
    repeated inside one input (file or folder) is an error; across inputs it is an override.
    """
    out: list[Problem] = []
    merged: dict[str, Entry] = {}
    for item in inputs:
        ids: dict[str, Entry] = {}
        for path in files_of(item):
            entries, cells, meaning = _read(path)
            for e in entries:
                out.extend(check_entry(e, source_lang))
                if e.origin is not None and e.origin.line in cells:
                    out.extend(check_csv_cells(e, cells[e.origin.line], meaning))
                if e.id in ids:
                    out.append(_p(e, "duplicate-id", f"id {e.id!r} is already used by {_where(ids[e.id])}"))
                    continue
                ids[e.id] = e
        merged.update(ids)
    out.extend(check_across(list(merged.values()), source_lang))
    skip = set(ignore)
    return sorted({p for p in out if p.rule not in skip}, key=Problem.sort_key)
