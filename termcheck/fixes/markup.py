"""Where a target lies in a TMX or XLIFF file's raw text: the target `seg`/`target` of the unit the
reader found at the segment's line, its inline tags and code left out as the reader leaves them out."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from termcheck.fixes.raw import CharMap, mismatch
from termcheck.fixes.tables import Lines
from termcheck.lang import base_code
from termcheck.model import Segment
from termcheck.readers.xml import Inline

_TOKEN = re.compile(r"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[(?P<cdata>.*?)\]\]>|<!DOCTYPE(?:[^>\[]|\[.*?\])*>"
                    r"|<(?P<close>/?)(?P<name>[^\s/>!?]+)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(?P<empty>/?)>"
                    r"|[^<]+", re.S)
_CHAR = re.compile(r"&(?:#x[0-9a-fA-F]+|#\d+|\w+);|.", re.S)
_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


@dataclass(frozen=True)
class Element:
    name: str
    attrs: dict[str, str]
    start: int
    inner: tuple[int, int]  # content start and end


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _attrs(text: str) -> dict[str, str]:
    return {_local(m[1]) if m[1] != "xml:lang" else "xml:lang": html.unescape(m[2] if m[2] is not None else m[3])
            for m in _ATTR.finditer(text)}


def _element(raw: str, m: re.Match[str]) -> Element:
    """An element from its start tag's match: where its content starts and ends."""
    attrs = _attrs(m["attrs"])
    if m["empty"]:
        return Element(_local(m["name"]), attrs, m.start(), (m.end(), m.end()))
    depth, pos = 1, m.end()
    for t in _TOKEN.finditer(raw, pos):
        if t["name"] and not t["empty"]:
            depth += -1 if t["close"] else 1
            if depth == 0:
                return Element(_local(m["name"]), attrs, m.start(), (m.end(), t.start()))
    raise ValueError("unclosed element")


def children(raw: str, el: Element) -> Iterator[Element]:
    """The direct child elements of an element."""
    pos, end = el.inner
    while pos < end:
        m = _TOKEN.match(raw, pos)
        if m is None:
            return
        if m["name"] and not m["close"]:
            child = _element(raw, m)
            yield child
            closing = _TOKEN.match(raw, child.inner[1]) if not m["empty"] else None
            pos = closing.end() if closing is not None else m.end()
        else:
            pos = m.end()


class Units:
    """The unit elements (`tu`, `trans-unit`, `unit`) of a file by the line their start tag ends on,
    which is the line the reader reports (lxml's `sourceline`); found in one pass."""

    def __init__(self, raw: str, lines: Lines, names: tuple[str, ...]) -> None:
        self.raw, self.lines = raw, lines
        self.by_line: dict[int, list[re.Match[str]]] = {}
        line, pos = 1, 0
        for m in _TOKEN.finditer(raw):
            if m["name"] and not m["close"] and _local(m["name"]) in names:
                line += raw.count("\n", pos, m.end())
                pos = m.end()
                self.by_line.setdefault(line, []).append(m)

    def at(self, line: int | None, unit_id: str) -> Element:
        """The unit reported at `line`; among several on one line, the one with this id."""
        found = self.by_line.get(line or 0, [])
        if not found:
            raise mismatch(self.lines.path, line, "no unit starts on the segment's line")
        for wanted in (unit_id, unit_id.rpartition("/")[0]):
            for m in found:
                attrs = _attrs(m["attrs"])
                if wanted and wanted in (attrs.get("tuid"), attrs.get("id")):
                    return _element(self.raw, m)
        return _element(self.raw, found[0])


def content_map(raw: str, el: Element, inline: Inline, seg: Segment, path: str, line: int | None) -> CharMap:
    """The characters of an element's text as the reader reads them, with their raw ranges."""
    ranges: list[tuple[int, int]] = []
    chars: list[str] = []
    code = 0  # depth inside an element holding native code (its content is not text)
    for m in _TOKEN.finditer(raw, el.inner[0], el.inner[1]):
        if m["name"]:
            name = _local(m["name"])
            if code:
                code += 0 if m["empty"] else (-1 if m["close"] else 1)
            elif name in inline.code and not m["close"] and not m["empty"]:
                code = 1
            elif name == "cp" and not m["close"]:
                hexa = _attrs(m["attrs"]).get("hex", "")
                chars.append(chr(int(hexa, 16)))
                ranges.append(m.span())
        elif m["cdata"] is not None:
            if not code:
                for k in range(m.start("cdata"), m.end("cdata")):
                    chars.append(raw[k])
                    ranges.append((k, k + 1))
        elif not m.group().startswith("<") and not code:
            for c in _CHAR.finditer(m.group()):
                chars.append(html.unescape(c.group()) if c.group().startswith("&") else c.group())
                ranges.append((m.start() + c.start(), m.start() + c.end()))
    if "".join(chars) != (seg.target or ""):
        raise mismatch(path, line, f"the target of unit {seg.id} is not where it was read")
    return CharMap(tuple(ranges), lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
                   el.inner[0])


def tmx_target(raw: str, units: Units, seg: Segment, inline: Inline) -> CharMap:
    """TMX: the `seg` of the unit's first `tuv` in the target language."""
    assert seg.origin is not None
    lines = units.lines
    tu = units.at(seg.origin.line, seg.origin.unit or seg.id)
    want = base_code(seg.target_lang)
    for tuv in children(raw, tu):
        lang = tuv.attrs.get("xml:lang") or tuv.attrs.get("lang") or ""
        if tuv.name == "tuv" and base_code(lang) == want:
            s = next((c for c in children(raw, tuv) if c.name == "seg"), None)
            if s is not None:
                return content_map(raw, s, inline, seg, lines.path, seg.origin.line)
    raise mismatch(lines.path, seg.origin.line, f"unit {seg.id} has no target seg")


def xliff_target(raw: str, units: Units, seg: Segment, v1: Inline, v2: Inline) -> CharMap:
    """XLIFF 1.2: the trans-unit's `target`; 2.x: the `target` of the unit's segment (by id or order)."""
    assert seg.origin is not None
    lines = units.lines
    unit = units.at(seg.origin.line, seg.origin.unit or seg.id)
    if unit.name == "trans-unit":
        kids = list(children(raw, unit))
        if any(k.name == "seg-source" for k in kids) and "/" in seg.id:
            raise mismatch(lines.path, seg.origin.line, "segmented trans-units (mrk mtype=seg) are not written back")
        target = next((k for k in kids if k.name == "target"), None)
        inline = v1
    else:
        segs = [k for k in children(raw, unit) if k.name == "segment"]
        suffix = seg.id.rpartition("/")[2] if len(segs) > 1 else None
        chosen = next((s for k, s in enumerate(segs, start=1) if suffix is None or (s.attrs.get("id") or str(k))
                       == suffix), None)
        target = next((k for k in children(raw, chosen) if k.name == "target"), None) if chosen else None
        inline = v2
    if target is None:
        raise mismatch(lines.path, seg.origin.line, f"unit {seg.id} has no target")
    return content_map(raw, target, inline, seg, lines.path, seg.origin.line)
