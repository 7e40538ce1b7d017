"""Safe streaming XML for TMX and XLIFF: no entities, no DTD, no network; inline tags kept as positions."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from termcheck.errors import InputError
from termcheck.model import InlineTag
from termcheck.readers.encoding import open_binary
from termcheck.text import without_surrogates

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PARSER_ARGS = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False,
               "remove_comments": False}


def local(el: etree._Element) -> str:
    """An element's name without its namespace ('' for comments and processing instructions).

    Split at the last `}`: a namespace URI may itself hold `}` (which etree.QName refuses)."""
    return el.tag.rpartition("}")[2] if isinstance(el.tag, str) else ""


def namespace(el: etree._Element) -> str:
    """An element's namespace URI ('' when it has none)."""
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag[1:].rpartition("}")[0] if tag.startswith("{") else ""


def stream(path: Path, tags: tuple[str, ...], encoding: str | None = None) -> Iterator[tuple[str, etree._Element]]:
    """(event, element) for the start and end of elements with these local names, streamed.

    The document may not declare entities (they could expand into gigabytes or read local files:
    refused before any content is read) and no DTD or network resource is loaded. Callers clear
    each element when done with it (see `release`).
    """
    wanted = tuple(t for name in tags for t in (name, "{*}" + name))
    f = open_binary(path)
    checked = False
    try:
        for event, el in etree.iterparse(f, events=("start", "end"), tag=wanted, encoding=encoding,
                                         **PARSER_ARGS):
            if not checked:
                checked = True
                _refuse_entities(el, path)
            yield event, el
    except etree.XMLSyntaxError as e:
        raise InputError(f"malformed XML: {e.msg}", file=str(path), line=e.lineno or None) from None
    except (OSError, EOFError, zlib.error) as e:  # unreadable, or broken gzip data
        raise InputError(f"cannot read: {e}", file=str(path)) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", file=str(path)) from None
    finally:
        f.close()


def _refuse_entities(el: etree._Element, path: Path) -> None:
    dtd = el.getroottree().docinfo.internalDTD
    if dtd is None:
        return
    names = [e.name for e in dtd.iterentities()]
    if names:
        raise InputError(f"declares XML entities ({', '.join(names[:3])}): refused, entity declarations "
                         "can expand into huge text or read local files", file=str(path), line=1)


def release(el: etree._Element) -> None:
    """Free a processed element and the siblings before it (constant memory while streaming)."""
    el.clear(keep_tail=True)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


class Inline:
    """How one format's inline elements map to text and tags.

    `code`: elements whose content is native code (kept as a tag, content out of the text);
    `empty`: placeholders with no content; `paired`: elements whose content is text, marked by an
    opening and a closing tag; `ref_attrs`: attributes naming a tag's id, in order of preference.
    """

    def __init__(self, code: set[str], empty: set[str], paired: set[str], ref_attrs: tuple[str, ...]) -> None:
        self.code, self.empty, self.paired, self.ref_attrs = code, empty, paired, ref_attrs

    def text(self, el: etree._Element, side: str, path: Path, data: dict[str, str] | None = None,
             ) -> tuple[str, list[InlineTag]]:
        """The text of an element with its inline tags taken out, and the tags with their positions."""
        parts: list[str] = []
        tags: list[InlineTag] = []
        self._walk(el, side, parts, tags, path, data or {}, [0])
        return "".join(parts), tags

    def _ref(self, el: etree._Element) -> str | None:
        return next((el.get(a) for a in self.ref_attrs if el.get(a) is not None), None)

    def _walk(self, el: etree._Element, side: str, parts: list[str], tags: list[InlineTag], path: Path,
              data: dict[str, str], pos: list[int]) -> None:
        def add(s: str | None) -> None:
            if s:
                parts.append(s)
                pos[0] += len(s)

        add(el.text)
        for child in el:
            if isinstance(child, etree._Entity):
                raise InputError(f"unexpanded entity reference {child.text}", file=str(path), line=child.sourceline)
            name = local(child)
            if not name:  # comment or processing instruction
                pass
            elif name == "cp" and child.get("hex"):  # XLIFF 2 code point
                try:
                    add(without_surrogates(chr(int(child.get("hex"), 16))))  # D800-DFFF: U+FFFD
                except (ValueError, OverflowError):
                    raise InputError(f"bad <cp hex={child.get('hex')!r}>", file=str(path),
                                     line=child.sourceline) from None
            elif name in self.code or name in self.empty:
                code = "".join(child.itertext()) if name in self.code else ""
                ref = self._ref(child)
                if not code:
                    code = data.get(child.get("dataRef") or child.get("dataRefStart") or "", "")
                tags.append(InlineTag(side, pos[0], name, ref, code))
            elif name in self.paired:
                ref = self._ref(child)
                tags.append(InlineTag(side, pos[0], name, ref, data.get(child.get("dataRefStart") or "", "")))
                self._walk(child, side, parts, tags, path, data, pos)
                tags.append(InlineTag(side, pos[0], "/" + name, ref, data.get(child.get("dataRefEnd") or "", "")))
            else:  # unknown markup: keep its text
                self._walk(child, side, parts, tags, path, data, pos)
            add(child.tail)
