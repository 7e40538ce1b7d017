"""TBX-Basic glossaries, 2008 (martif/termEntry/langSet/tig) and 2019 (tbx/conceptEntry/langSec/termSec).

Statuses come from `termNote type="administrativeStatus"`; termcheck's own extras travel as
`admin type="x-severity"` (concept), `termNote type="x-scope"` = `any-context` (term),
`descrip type="context"` (test sentences on their term) and `admin type="source"` (attestation:
on the concept, and on a language section for that language's renderings), so CSV -> TBX -> CSV
is lossless.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from termcheck.errors import GlossaryError
from termcheck.glossary.model import TBX_STATUS, Entry, Status, Term
from termcheck.model import Origin, Severity

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX2019_NS = "urn:iso:std:iso:30042:ed-2"
_STATUS_TBX: dict[Status, str] = {}  # each status written as the first picklist value read as it
for _value, _status in TBX_STATUS.items():
    _STATUS_TBX.setdefault(_status, _value)
_STATUS_TBX[Status.FORBIDDEN] = "deprecatedTerm-admn-sts"


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""  # a namespace URI may hold "}"


def safe_parser_args() -> dict:
    """Parser options for untrusted XML: no entities resolved, no DTD loaded, no network."""
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def read(path: Path, data: bytes | None = None) -> list[Entry]:
    """Entries of a TBX file, streamed concept by concept."""
    entries: list[Entry] = []
    source = path if data is None else __import__("io").BytesIO(data)
    checked = False
    try:
        for event, elem in etree.iterparse(source, events=("start", "end"), **safe_parser_args()):
            if not checked:  # at the root's start: the DTD has been read, no content yet
                checked = True
                _refuse_entities(elem, str(path))
            if event == "end" and _local(elem.tag) in ("termEntry", "conceptEntry"):
                entries.append(_entry(elem, str(path)))
                elem.clear(keep_tail=True)
    except etree.XMLSyntaxError as e:
        raise GlossaryError(f"malformed XML: {e.msg}", file=str(path), line=e.lineno) from None
    if not entries:
        raise GlossaryError("no termEntry or conceptEntry found (is this TBX?)", file=str(path), line=1)
    return entries


def _refuse_entities(elem: etree._Element, path: str) -> None:
    """Entity declarations are refused, as by the TMX/XLIFF readers: they can expand into gigabytes or
    read local files."""
    dtd = elem.getroottree().docinfo.internalDTD
    names = [e.name for e in dtd.iterentities()] if dtd is not None else []
    if names:
        raise GlossaryError(f"declares XML entities ({', '.join(names[:3])}): refused, entity declarations "
                            "can expand into huge text or read local files", file=path, line=1)


def _children(elem: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in elem if _local(c.tag) in names]


def _typed(elem: etree._Element, name: str, typ: str) -> list[str]:
    return [(c.text or "").strip() for c in elem if _local(c.tag) == name and c.get("type") == typ]


def _entry(elem: etree._Element, path: str) -> Entry:
    line = elem.sourceline
    entry_id = elem.get("id") or f"line-{line}"
    terms: list[Term] = []
    attestations: list[tuple[str, str]] = []
    for lang_set in _children(elem, "langSet", "langSec"):
        lang = lang_set.get(XML_LANG) or lang_set.get("lang")
        if not lang:
            raise GlossaryError("langSet without xml:lang", file=path, line=lang_set.sourceline)
        attestations.extend((lang, a) for a in _typed(lang_set, "admin", "source")[:1] if a)
        for tig in _children(lang_set, "tig", "termSec", "ntig"):
            holder = (_children(tig, "termGrp") or [tig])[0]
            term_el = _children(holder, "term")
            if not term_el or not (term_el[0].text or "").strip():
                raise GlossaryError("term element missing or empty", file=path, line=tig.sourceline)
            # TBX 2008's normativeAuthorization where there is no administrativeStatus; values with or without
            # the picklist's `-admn-sts` ending (preferredTerm)
            status_txt = (_typed(holder, "termNote", "administrativeStatus")
                          or _typed(holder, "termNote", "normativeAuthorization") or [""])[0].strip()
            if status_txt and status_txt not in TBX_STATUS:
                status_txt = f"{status_txt}-admn-sts"
            if status_txt and status_txt not in TBX_STATUS:
                raise GlossaryError(f"unknown administrativeStatus {status_txt.removesuffix('-admn-sts')!r}",
                                    file=path, line=tig.sourceline)
            status = TBX_STATUS.get(status_txt, Status.PREFERRED)
            any_ctx = "any-context" in _typed(holder, "termNote", "x-scope")
            if any_ctx and status is Status.DEPRECATED:
                status = Status.FORBIDDEN
            if status is Status.DEPRECATED and "forbidden" in _typed(holder, "termNote", "x-status"):
                status = Status.FORBIDDEN
            examples = tuple(x for x in _typed(tig, "descrip", "context") if x)
            terms.append(Term(term_el[0].text.strip(), lang, status, any_ctx, examples))
    sev_txt = (_typed(elem, "admin", "x-severity") or ["major"])[0]
    try:
        severity = Severity.parse(sev_txt)
    except ValueError as e:
        raise GlossaryError(str(e), file=path, line=line) from None
    if len({t.lang for t in terms}) < 2:
        raise GlossaryError(f"entry {entry_id!r} needs terms in two languages", file=path, line=line)
    domains = tuple(d for x in _typed(elem, "descrip", "subjectField") for d in x.split("|") if d)
    notes = [(c.text or "").strip() for c in _children(elem, "note")]
    return Entry(entry_id, tuple(terms), severity, domains, "\n".join(n for n in notes if n),
                 (_typed(elem, "admin", "source") or [""])[0], Origin(path, line), tuple(attestations))


def dump(entries: list[Entry] | tuple[Entry, ...], version: str = "2019", source_lang: str = "zh") -> bytes:
    """Write entries as TBX-Basic: `version` is "2008" (martif) or "2019" (tbx)."""
    new = version == "2019"
    if new:
        root = etree.Element("tbx", nsmap={None: TBX2019_NS}, type="TBX-Basic", style="dca")
        ns = "{%s}" % TBX2019_NS
    else:
        root = etree.Element("martif", type="TBX-Basic")
        ns = ""
    root.set(XML_LANG, source_lang)
    header = etree.SubElement(root, ns + ("tbxHeader" if new else "martifHeader"))
    fd = etree.SubElement(etree.SubElement(header, ns + "fileDesc"), ns + "sourceDesc")
    etree.SubElement(fd, ns + "p").text = "termcheck glossary"
    body = etree.SubElement(etree.SubElement(root, ns + "text"), ns + "body")
    for e in entries:
        try:
            _dump_entry(body, ns, new, e)
        except ValueError as err:  # lxml refuses control characters: name the entry, not a traceback
            raise GlossaryError(f"entry {e.id!r} cannot be written as XML: {err}",
                                file=e.origin.file if e.origin else None,
                                line=e.origin.line if e.origin else None) from None
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _dump_entry(body: etree._Element, ns: str, new: bool, e: Entry) -> None:
    """One concept as termEntry (2008) or conceptEntry (2019)."""
    c = etree.SubElement(body, ns + ("conceptEntry" if new else "termEntry"), id=e.id)
    if e.domains:
        etree.SubElement(c, ns + "descrip", type="subjectField").text = "|".join(e.domains)
    etree.SubElement(c, ns + "admin", type="x-severity").text = str(e.severity)
    if e.attestation:
        etree.SubElement(c, ns + "admin", type="source").text = e.attestation
    if e.note:
        etree.SubElement(c, ns + "note").text = e.note
    for lang in e.langs:
        ls = etree.SubElement(c, ns + ("langSec" if new else "langSet"))
        ls.set(XML_LANG, lang)
        for code, text in e.attestations:
            if code == lang:
                etree.SubElement(ls, ns + "admin", type="source").text = text
        for t in e.terms:
            if t.lang != lang:
                continue
            tig = etree.SubElement(ls, ns + ("termSec" if new else "tig"))
            etree.SubElement(tig, ns + "term").text = t.text
            etree.SubElement(tig, ns + "termNote", type="administrativeStatus").text = _STATUS_TBX[t.status]
            if t.status is Status.FORBIDDEN:
                etree.SubElement(tig, ns + "termNote", type="x-status").text = "forbidden"
            if t.any_context:
                etree.SubElement(tig, ns + "termNote", type="x-scope").text = "any-context"
            for x in t.examples:
                etree.SubElement(tig, ns + "descrip", type="context").text = x
