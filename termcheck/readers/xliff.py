"""XLIFF 1.2 (trans-unit, seg-source/mrk) and 2.x (unit/segment): streamed, unit ids as segment ids."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from termcheck.errors import InputError
from termcheck.lang import base_code
from termcheck.model import InlineTag, Origin, Segment
from termcheck.readers.base import ReadOptions
from termcheck.readers.xml import Inline, local, namespace, release, stream

V1 = Inline(code={"bpt", "ept", "ph", "it"}, empty={"x", "bx", "ex"}, paired={"g", "mrk"},
            ref_attrs=("id", "rid", "xid", "mid"))
V2 = Inline(code=set(), empty={"ph", "sc", "ec", "sm", "em"}, paired={"pc", "mrk"},
            ref_attrs=("id", "startRef", "startref"))

_Text = tuple[str, list[InlineTag]]


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in el if local(c) == name), None)


def _check_langs(path: Path, line: int | None, src: str | None, tgt: str | None, opts: ReadOptions) -> None:
    """A file in another language pair than the run's is an error (checks would compare the wrong texts)."""
    for declared, wanted, what in ((src, opts.source_lang, "source"), (tgt, opts.target_lang, "target")):
        if declared and base_code(declared) != base_code(wanted):
            raise InputError(f"{what} language is {declared!r} but the run's is {wanted!r} "
                             f"(use --source-lang/--target-lang)", file=str(path), line=line)


def _seg_marks(el: etree._Element | None) -> list[etree._Element]:
    """The <mrk mtype="seg"> segments of a segmented source or target."""
    if el is None:
        return []
    return [m for m in el.iter("{*}mrk", "mrk") if m.get("mtype") == "seg"]


def _segments_v1(unit: etree._Element, path: Path) -> list[tuple[str | None, _Text, _Text | None]]:
    """(segment suffix, source, target) of a trans-unit; segmented units (seg-source with
    <mrk mtype="seg">) give one per mrk."""
    source = _child(unit, "source")
    if source is None:
        raise InputError("<trans-unit> without <source>", file=str(path), line=unit.sourceline)
    target = _child(unit, "target")
    seg_source = _child(unit, "seg-source")
    marks = _seg_marks(seg_source)
    if not marks:
        return [(None, V1.text(source, "source", path),
                 V1.text(target, "target", path) if target is not None else None)]
    tmarks = {m.get("mid"): m for m in _seg_marks(target)}
    out = []
    for m in marks:
        t = tmarks.get(m.get("mid"))
        out.append((m.get("mid"), V1.text(m, "source", path), V1.text(t, "target", path) if t is not None else None))
    return out


def _segments_v2(unit: etree._Element, path: Path) -> list[tuple[str | None, _Text, _Text | None]]:
    """(segment id, source, target) of each <segment> of a unit; native codes from <originalData>."""
    data: dict[str, str] = {}
    original = _child(unit, "originalData")
    if original is not None:
        data = {d.get("id"): "".join(d.itertext()) for d in original if local(d) == "data" and d.get("id")}
    segs = [s for s in unit if local(s) == "segment"]
    out = []
    for k, seg in enumerate(segs, start=1):
        source = _child(seg, "source")
        if source is None:
            raise InputError("<segment> without <source>", file=str(path), line=seg.sourceline)
        target = _child(seg, "target")
        sid = seg.get("id") or str(k)
        out.append((sid if len(segs) > 1 else None, V2.text(source, "source", path, data),
                    V2.text(target, "target", path, data) if target is not None else None))
    return out


def read(path: Path, opts: ReadOptions, fmt: str | None = None) -> Iterator[Segment]:
    """One segment per XLIFF segment; units with no <target> give segments whose target is None."""
    index = opts.start_index
    doc = opts.doc or path.name
    version: int | None = None
    n = 0
    targets = 0
    for event, el in stream(path, ("xliff", "file", "trans-unit", "unit"), opts.encoding):
        name = local(el)
        if event == "start":
            if name == "xliff" and el.getparent() is None:
                raw = el.get("version") or ""
                ns = namespace(el)
                version = 2 if raw.startswith("2") or ns.endswith(":2.0") else 1
                if version == 2:
                    _check_langs(path, el.sourceline, el.get("srcLang"), el.get("trgLang"), opts)
            elif name == "file" and version == 1:
                _check_langs(path, el.sourceline, el.get("source-language"), el.get("target-language"), opts)
            elif version is None:
                raise InputError(f"not an XLIFF file (root element <{local(el.getroottree().getroot())}>)",
                                 file=str(path), line=1)
            continue
        if name not in ("trans-unit", "unit"):
            continue
        n += 1
        if el.get("translate") != "no":
            unit_id = el.get("id") or str(n)
            segs = _segments_v1(el, path) if version == 1 else _segments_v2(el, path)
            for suffix, (src, stags), tgt in segs:
                seg_id = unit_id if suffix is None else f"{unit_id}/{suffix}"
                tags = tuple(stags + (tgt[1] if tgt else []))
                yield Segment(seg_id, src, tgt[0] if tgt else None, index, doc, None,
                              Origin(str(path), el.sourceline, seg_id), None, opts.source_lang, opts.target_lang,
                              tags)
                index += 1
                targets += tgt is not None
        release(el)
    if version is None:
        raise InputError("not an XLIFF file (no <xliff> root element)", file=str(path), line=1)
    if not targets and not opts.allow_empty:  # a gate must not pass a file it never checked
        why = f"no unit has a <target> ({n} units)" if n else "no translation units"
        raise InputError(f"{why}: nothing to check", file=str(path))
