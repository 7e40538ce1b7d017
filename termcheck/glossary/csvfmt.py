"""The glossary's CSV/TSV format (documented in glossaries/README.md): read and write."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from termcheck.errors import GlossaryError
from termcheck.glossary.model import Entry, Status, Term
from termcheck.model import Origin, Severity
from termcheck.suggest import did_you_mean
from termcheck.text import semicolon_separated

LIST_SEP = "|"
FIELD_LIMIT = 1 << 24  # largest cell read (the csv module default is 128 kB)
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]+)?$")
_SUFFIX_STATUS = {
    "admitted": (Status.ADMITTED, False),
    "superseded": (Status.SUPERSEDED, False),
    "deprecated": (Status.DEPRECATED, False),
    "forbidden": (Status.FORBIDDEN, False),
    "forbidden_any": (Status.FORBIDDEN, True),
}
_META = ("id", "severity", "domain", "note", "attestation")
_WRONG_ORDER = ("forbidden", "forbidden_any", "deprecated")


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split(LIST_SEP) if p.strip()]


# columns a CAT tool's export names by side, not by language: taken as the run's source and target language
SIDES = {"source": 0, "src": 0, "source term": 0, "target": 1, "tgt": 1, "target term": 1}


def _by_side(header: list[str], path: str, pair: tuple[str, str] | None) -> list[str]:
    """The header with `source`/`target` columns (any case) renamed to the run's languages."""
    sides = [h for h in header if h.lower() in SIDES]
    if not sides:
        return header
    if pair is None:
        raise GlossaryError(f"column {sides[0]!r} names a side, not a language: name the term columns by language "
                            "code (e.g. 'zh' and 'en')", file=path, line=1)
    return [pair[SIDES[h.lower()]] if h.lower() in SIDES else h for h in header]


def _columns(header: list[str], path: str) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """Languages in column order and, per column, its (kind, lang) meaning."""
    langs: list[str] = []
    meaning: dict[str, tuple[str, str]] = {}
    known = set(_META)
    for col in header:
        if col in _META:
            meaning[col] = ("meta", "")
        elif col not in known and _LANG.match(col):
            langs.append(col)
            meaning[col] = ("preferred", col)
    for col in header:
        if col in meaning:
            continue
        m = re.match(r"^test_([a-z]{2,3}(?:-[A-Za-z0-9]+)?)(_wrong)?$", col)
        if m and m.group(1) in langs:
            meaning[col] = ("wrong" if m.group(2) else "test", m.group(1))
            continue
        base, _, suffix = col.partition("_")
        if base in langs and suffix in _SUFFIX_STATUS:
            meaning[col] = (suffix, base)
            continue
        if base == "attestation" and suffix in langs:
            meaning[col] = ("meta", suffix)
            continue
        options = list(_META) + [f"{lang}_{s}" for lang in langs for s in _SUFFIX_STATUS]
        options += [f"attestation_{lang}" for lang in langs]
        options += [f"test_{lang}" for lang in langs] + [f"test_{lang}_wrong" for lang in langs]
        hint = did_you_mean(col, options) or " (name the term columns by language code, e.g. 'zh' and 'en')"
        raise GlossaryError(f"unknown column {col!r}{hint}", file=path, line=1)
    if len(langs) < 2:
        raise GlossaryError("need at least two language columns (e.g. 'zh' and 'en')", file=path, line=1)
    return langs, meaning


def _rows(text: str, delimiter: str, path: str) -> Iterator[tuple[int, list[str]]]:
    lines = ["\n" if ln.lstrip().startswith("#") else ln for ln in io.StringIO(text)]
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    start = 1
    # a cell may hold a long context sentence list: allow up to 16 MB (the csv module stops at 128 kB)
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    try:
        for row in reader:
            if any(c.strip() for c in row):
                yield start, row
            start = reader.line_num + 1
    except csv.Error as e:
        raise GlossaryError(f"malformed {'TSV' if delimiter == chr(9) else 'CSV'}: {e}", file=path,
                            line=reader.line_num) from None


def _slug(text: str) -> str:
    """Lower-case ASCII letters and digits of a text, runs of anything else as one hyphen ('' if none)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def derived_id(cells: dict[str, str], langs: list[str], used: dict[str, int]) -> str:
    """The id of a row of a glossary without an id column: a slug of its first term that has Latin letters or
    digits (usually the rendering: `de-risking`), else its first term as written; `-2`, `-3` ... where the
    file has made it before (`used` counts them)."""
    forms = [f for lang in langs for f in _split(cells.get(lang))[:1]]
    base = next((slug for f in forms if (slug := _slug(f))), forms[0] if forms else "entry")
    used[base] = used.get(base, 0) + 1
    return base if used[base] == 1 else f"{base}-{used[base]}"


def read_rows(text: str, path: str, delimiter: str | None = None, pair: tuple[str, str] | None = None
              ) -> tuple[list[str], dict[str, tuple[str, str]], list[str], Iterator[tuple[int, dict[str, str]]]]:
    """The header, column meanings, languages and raw rows (line, cells as written) of CSV/TSV text; in a file
    without an `id` column, each row's cells hold the id made for it (`derived_id`)."""
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = "\t" if path.endswith(".tsv") or first.count("\t") > first.count(",") else ","
        if delimiter == "," and semicolon_separated(first):
            delimiter = ";"
    rows = _rows(text, delimiter, path)
    try:
        _, header = next(rows)
    except StopIteration:
        raise GlossaryError("empty glossary file (no header row)", file=path, line=1) from None
    # column names are matched in lower case (a spreadsheet's `Note`, `EN`); the side names of a CAT tool's export
    # stand for the run's languages
    header = _by_side([h.strip().lower() if h.strip().isascii() else h.strip() for h in header], path, pair)
    langs, meaning = _columns(header, path)

    derived: dict[str, int] | None = None if "id" in header else {}  # without an id column: ids made so far

    def cells() -> Iterator[tuple[int, dict[str, str]]]:
        for line, row in rows:
            if len(row) != len(header):
                raise GlossaryError(f"row has {len(row)} fields, header has {len(header)}", file=path, line=line)
            out = dict(zip(header, row, strict=True))
            if derived is not None:
                out["id"] = derived_id(out, langs, derived)
            yield line, out

    return header, meaning, langs, cells()


def parse(text: str, path: str, delimiter: str | None = None, *, unique: bool = True,
          pair: tuple[str, str] | None = None) -> list[Entry]:
    """Parse glossary CSV/TSV text; a broken row raises GlossaryError naming file and line.

    `unique=False` keeps rows with a repeated id (for `glossary lint`, which reports them); `pair`: the run's
    (source, target) languages, which `source`/`target` columns stand for (without it they are an error).
    """
    _, meaning, langs, rows = read_rows(text, path, delimiter, pair)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for line, cells in rows:
        entries.append(_entry(cells, meaning, langs, path, line))
        if unique and entries[-1].id in seen:
            raise GlossaryError(f"duplicate id {entries[-1].id!r} (first on line {seen[entries[-1].id]})",
                                file=path, line=line)
        seen.setdefault(entries[-1].id, line)
    return entries


def wrong_sentences(cell: str | None) -> list[str]:
    """The `test_<lang>_wrong` cell: one sentence per wrong rendering, in order; empty = none."""
    parts = [p.strip() for p in (cell or "").split(LIST_SEP)]
    while parts and not parts[-1]:
        parts.pop()
    return parts


def _entry(cells: dict[str, str], meaning: dict, langs: list[str], path: str, line: int) -> Entry:
    entry_id = cells["id"].strip()
    if not entry_id:
        raise GlossaryError("empty id", file=path, line=line)
    try:
        severity = Severity.parse(cells.get("severity", "").strip() or "major")
    except ValueError as e:
        raise GlossaryError(str(e), file=path, line=line) from None
    terms: list[Term] = []
    for lang in langs:
        tests = tuple(_split(cells.get(f"test_{lang}")))
        wrong = wrong_sentences(cells.get(f"test_{lang}_wrong"))
        for text in _split(cells.get(lang)):
            terms.append(Term(text, lang, Status.PREFERRED))
        for suffix in ("admitted", "superseded", *_WRONG_ORDER):
            status, any_context = _SUFFIX_STATUS[suffix]
            for text in _split(cells.get(f"{lang}_{suffix}")):
                ex: tuple[str, ...] = ()
                if suffix in _WRONG_ORDER and wrong:
                    first = wrong.pop(0)
                    ex = (first,) if first else ()
                terms.append(Term(text, lang, status, any_context, ex))
        first_ok = next((i for i, t in enumerate(terms) if t.lang == lang and t.status.ok), None)
        if tests and first_ok is not None:  # the test sentences belong to the first correct term
            t = terms[first_ok]
            terms[first_ok] = Term(t.text, t.lang, t.status, t.any_context, tests)
        if not any(t.lang == lang for t in terms) and lang == langs[0]:
            raise GlossaryError(f"entry {entry_id!r} has no {lang!r} term", file=path, line=line)
    if not any(t.status.ok for t in terms if t.lang != langs[0]):
        raise GlossaryError(f"entry {entry_id!r} has no preferred rendering", file=path, line=line)
    return Entry(
        id=entry_id,
        terms=tuple(terms),
        severity=severity,
        domains=tuple(_split(cells.get("domain"))),
        note=cells.get("note", "").strip(),
        attestation=cells.get("attestation", "").strip(),
        origin=Origin(path, line),
        attestations=tuple((lang, cells[f"attestation_{lang}"].strip()) for lang in langs
                           if cells.get(f"attestation_{lang}", "").strip()),
    )


def dump(entries: list[Entry] | tuple[Entry, ...], delimiter: str = ",") -> str:
    """Write entries in the CSV/TSV format (the inverse of `parse`)."""
    langs = list(dict.fromkeys(lang for e in entries for lang in e.langs))
    header = ["id", *langs]
    for lang in langs[1:] + langs[:1]:
        for suffix, (status, any_ctx) in _SUFFIX_STATUS.items():
            if any(t.lang == lang and t.status is status and t.any_context == any_ctx
                   for e in entries for t in e.terms):
                header.append(f"{lang}_{suffix}")
    header += ["severity", "domain", "note", "attestation"]
    header += [f"attestation_{lang}" for lang in langs if any(lang == code for e in entries
                                                               for code, _ in e.attestations)]
    header += [f"test_{lang}" for lang in langs if any(t.examples and t.status.ok and t.lang == lang
                                                       for e in entries for t in e.terms)]
    header += [f"test_{lang}_wrong" for lang in langs if any(t.examples and not t.status.ok and t.lang == lang
                                                             for e in entries for t in e.terms)]
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    w.writerow(header)
    for e in entries:
        row = {"id": e.id, "severity": str(e.severity), "domain": LIST_SEP.join(e.domains),
               "note": e.note, "attestation": e.attestation}
        row.update({f"attestation_{code}": text for code, text in e.attestations})
        for lang in langs:
            row[lang] = LIST_SEP.join(t.text for t in e.terms if t.lang == lang and t.status is Status.PREFERRED)
            for suffix, (status, any_ctx) in _SUFFIX_STATUS.items():
                row[f"{lang}_{suffix}"] = LIST_SEP.join(
                    t.text for t in e.terms if t.lang == lang and t.status is status and t.any_context == any_ctx)
            row[f"test_{lang}"] = LIST_SEP.join(x for t in e.terms if t.lang == lang and t.status.ok
                                                for x in t.examples)
            # one sentence per wrong rendering, by position: a rendering without one leaves its slot empty
            wrong = [t.examples[0] if t.examples else "" for s in _WRONG_ORDER for t in e.terms
                     if t.lang == lang and _suffix(t) == s]
            row[f"test_{lang}_wrong"] = LIST_SEP.join(wrong).rstrip(LIST_SEP)
        w.writerow([row.get(h, "") for h in header])
    return out.getvalue()


def _suffix(t: Term) -> str:
    if t.status is Status.FORBIDDEN:
        return "forbidden_any" if t.any_context else "forbidden"
    return str(t.status)


def read(path: Path, text: str) -> list[Entry]:
    """Entries of one CSV/TSV glossary file."""
    return parse(text, str(path), "\t" if path.suffix.lower() == ".tsv" else None)
