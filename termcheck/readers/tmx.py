"""TMX 1.4: streamed with lxml iterparse; languages from xml:lang, tuid as segment id."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from termcheck.errors import InputError
from termcheck.lang import base_code
from termcheck.model import Origin, Segment
from termcheck.readers.base import ReadOptions
from termcheck.readers.encoding import read_bytes

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# inline elements whose content is native code, not text
_CODE = {"bpt", "ept", "ph", "it", "ut"}


def seg_text(seg: etree._Element) -> str:
    """The text of a <seg>: text and <hi>/<sub> content kept, inline code elements dropped."""
    parts = [seg.text or ""]
    for child in seg:
        tag = etree.QName(child.tag).localname if isinstance(child.tag, str) else ""
        if tag not in _CODE:
            parts.append(seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read(path: Path, opts: ReadOptions) -> Iterator[Segment]:
    """One segment per <tu> holding both languages."""
    data = read_bytes(path)
    parser_args = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}
    src_lang, tgt_lang = base_code(opts.source_lang), base_code(opts.target_lang)
    index = opts.start_index
    n = 0
    doc = opts.doc or path.name
    try:
        for _, tu in etree.iterparse(io.BytesIO(data), events=("end",), tag=("tu", "{*}tu"), **parser_args):
            n += 1
            texts: dict[str, str] = {}
            for tuv in tu:
                if not isinstance(tuv.tag, str) or etree.QName(tuv.tag).localname != "tuv":
                    continue
                lang = base_code(tuv.get(XML_LANG) or tuv.get("lang") or "")
                seg = next((c for c in tuv if isinstance(c.tag, str) and etree.QName(c.tag).localname == "seg"), None)
                if seg is not None and lang not in texts:
                    texts[lang] = seg_text(seg)
            if tgt_lang in texts:
                tuid = tu.get("tuid") or str(n)
                yield Segment(tuid, texts.get(src_lang), texts[tgt_lang], index, doc, None,
                              Origin(str(path), tu.sourceline, tuid), None, opts.source_lang, opts.target_lang)
                index += 1
            tu.clear(keep_tail=True)
            while tu.getprevious() is not None:
                del tu.getparent()[0]
    except etree.XMLSyntaxError as e:
        raise InputError(f"malformed XML: {e.msg}", file=str(path), line=e.lineno) from None
