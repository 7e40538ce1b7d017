"""`termcheck glossary show`: find entries by id, source form or rendering, and render all about them."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table
from rich.text import Text

from termcheck import lang as langs
from termcheck.glossary import keys
from termcheck.glossary.model import Entry, Glossary, Status, Term

STATUS_STYLE = {
    Status.PREFERRED: "bold green",
    Status.ADMITTED: "green",
    Status.SUPERSEDED: "yellow",
    Status.DEPRECATED: "red",
    Status.FORBIDDEN: "bold red",
}


@dataclass(frozen=True, slots=True)
class Match:
    """An entry found for a query, and how: `id`, `exact` (a term matches) or `partial`."""

    entry: Entry
    how: str
    term: Term | None = None


def find(glossary: Glossary, query: str) -> list[Match]:
    """Entries whose id or any term (any language, any status) matches the query after normalization.

    With no exact match, entries with a term inside the query (a pasted sentence) or the query
    inside a term are returned as `partial` matches.
    """
    query = query.strip()
    if not query:
        return []
    qkeys: dict[str, set[str]] = {}

    def qk(lang: str) -> set[str]:
        base = langs.base_code(lang)
        if base not in qkeys:
            qkeys[base] = set(keys.term_keys(lang, query))
        return qkeys[base]

    exact: list[Match] = []
    for e in glossary.entries:
        if e.id == query:
            exact.append(Match(e, "id"))
            continue
        t = next((t for t in e.terms if qk(t.lang) & set(keys.term_keys(t.lang, t.text))), None)
        if t is not None:
            exact.append(Match(e, "exact", t))
    if exact:
        return exact
    partial: list[Match] = []
    for e in glossary.entries:
        for t in e.terms:
            if keys.contains(t.lang, query, t.text) or keys.contains(t.lang, t.text, query):
                partial.append(Match(e, "partial", t))
                break
    return partial


def suggestions(glossary: Glossary, query: str, n: int = 5) -> list[str]:
    """Terms that look like the query, for a "did you mean" line."""
    from rapidfuzz import fuzz, process

    choices = sorted({t.text for e in glossary.entries for t in e.terms} | {e.id for e in glossary.entries})
    found = process.extract(query, choices, scorer=fuzz.WRatio, limit=n, score_cutoff=70)
    return [c for c, _, _ in found]


def _traditional(text: str) -> str | None:
    import opencc

    trad = opencc.OpenCC("s2t").convert(text)
    return trad if trad != text else None


def as_dict(m: Match) -> dict:
    e = m.entry
    return {
        "id": e.id,
        "file": e.origin.file if e.origin else None,
        "line": e.origin.line if e.origin else None,
        "matched": {"how": m.how, "text": m.term.text if m.term else None,
                    "lang": m.term.lang if m.term else None, "status": str(m.term.status) if m.term else None},
        "severity": str(e.severity),
        "domains": list(e.domains),
        "note": e.note,
        "attestation": e.attestation,
        "attestations": dict(e.attestations),
        "terms": [{"text": t.text, "lang": t.lang, "status": str(t.status), "any_context": t.any_context,
                   "examples": list(t.examples)} for t in e.terms],
    }


def render_json(matches: list[Match]) -> bytes:
    return (json.dumps([as_dict(m) for m in matches], ensure_ascii=False, indent=2) + "\n").encode()


def _status_label(t: Term) -> Text:
    label = str(t.status)
    if t.status is Status.FORBIDDEN:
        label += " (in any context)" if t.any_context else " (for this source term)"
    return Text(label, style=STATUS_STYLE[t.status])


def render_terminal(matches: list[Match], source_lang: str = "zh", *, color: bool = False) -> bytes:
    """Each entry as a block: forms, renderings with statuses, severity, note, attestation, tests."""
    buf = io.StringIO()
    con = Console(file=buf, force_terminal=color, no_color=not color, width=None if color else 10_000,
                  highlight=False, emoji=False, soft_wrap=not color)
    for i, m in enumerate(matches):
        e = m.entry
        if i:
            con.print()
        head = Text.assemble((e.id, "bold"), ("  " + str(e.origin) if e.origin else "", "dim"))
        if m.term is not None:
            head.append(f"  (matched {m.how}: {m.term.lang} {m.term.status} {m.term.text!r})", style="dim")
        con.print(head)
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column()
        grid.add_column()
        for lang in e.langs:
            for j, t in enumerate(x for x in e.terms if x.lang == lang):
                text = Text(t.text, style=STATUS_STYLE[t.status] if t.status.ok else "strike red")
                trad = _traditional(t.text) if langs.base_code(lang) == "zh" else None
                if trad:
                    text.append(f"  (Traditional {trad} also matched)", style="dim")
                grid.add_row(lang if j == 0 else "", text, _status_label(t))
        con.print(grid)
        meta = Table.grid(padding=(0, 2))
        meta.add_column(style="dim", no_wrap=True)
        meta.add_column()
        meta.add_row("severity", Text(str(e.severity)))
        rows = [("domains", ", ".join(e.domains)), ("note", e.note), ("attested", e.attestation)]
        rows += [(f"attested {lang}", text) for lang, text in e.attestations]
        for label, value in rows:
            if value:
                meta.add_row(label, Text(value))
        con.print(meta)
        tests = Table.grid(padding=(0, 2))
        tests.add_column(style="dim", no_wrap=True)
        tests.add_column()
        for t in e.terms:
            for x in t.examples:
                mark = ("✓ " if t.status.ok else "✗ ") + t.lang
                tests.add_row(mark, Text(x) + (Text(f"  ({t.text})", style="dim") if not t.status.ok else Text()))
        if tests.row_count:
            con.print(Text("tests", style="dim"))
            con.print(tests)
    out = buf.getvalue()
    if not color:  # tables pad every cell: no trailing blanks in files and pipes
        out = "".join(line.rstrip() + "\n" for line in out.splitlines())
    return out.encode()
