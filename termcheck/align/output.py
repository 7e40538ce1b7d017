"""Writing an alignment: TMX 1.4, TSV or JSON Lines, one unit per bead, deterministic bytes."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from termcheck.model import Segment
from termcheck.version import __version__

_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    return escape(_BAD_XML.sub("\ufffd", text))


def tmx(segments: Sequence[Segment], source_lang: str, target_lang: str) -> bytes:
    """TMX 1.4: a <tu> per bead (tuid = segment id), a <tuv> per side present, the bead kind as a prop."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n',
           f'  <header creationtool="termcheck" creationtoolversion={quoteattr(__version__)} datatype="plaintext" '
           f'segtype="sentence" adminlang="en" srclang={quoteattr(source_lang)} o-tmf="termcheck"/>\n',
           "  <body>\n"]
    for seg in segments:
        out.append(f"    <tu tuid={quoteattr(seg.id)}>\n")
        if seg.alignment:
            out.append(f'      <prop type="x-alignment">{_xml(seg.alignment)}</prop>\n')
        for lang, text in ((source_lang, seg.source), (target_lang, seg.target)):
            if text is not None:
                out.append(f"      <tuv xml:lang={quoteattr(lang)}><seg>{_xml(text)}</seg></tuv>\n")
        out.append("    </tu>\n")
    out.append("  </body>\n</tmx>\n")
    return "".join(out).encode("utf-8")


def _cell(text: str | None) -> str:
    return (text or "").replace("\t", " ").replace("\r", " ").replace("\n", " ")


def tsv(segments: Sequence[Segment], source_lang: str, target_lang: str) -> bytes:
    """TSV with a header (id, bead, source language, target language); line breaks become spaces."""
    rows = [f"id\tbead\t{source_lang}\t{target_lang}"]
    rows += [f"{_cell(s.id)}\t{s.alignment or ''}\t{_cell(s.source)}\t{_cell(s.target)}" for s in segments]
    return ("\n".join(rows) + "\n").encode("utf-8")


def jsonl(segments: Sequence[Segment], source_lang: str, target_lang: str) -> bytes:
    """One JSON object a bead: id, bead, source and target (null where a side has no sentence)."""
    lines = [json.dumps({"id": s.id, "bead": s.alignment, source_lang: s.source, target_lang: s.target},
                        ensure_ascii=False) for s in segments]
    return ("\n".join(lines) + "\n").encode("utf-8")


WRITERS = {"tmx": tmx, "tsv": tsv, "jsonl": jsonl}
