"""Property-based fuzzing: readers on mutated valid files, normalizers, number readers, sentence splitting,
matching and the whole pipeline on arbitrary text. Only termcheck's own errors may escape.

Profiles: "ci" (the default: bounded, derandomized, deterministic) and "long" (HYPOTHESIS_PROFILE=long;
see benchmarks/fuzz_long.sh).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import tempfile
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termcheck.errors import TermcheckError
from termcheck.model import Segment

settings.register_profile("ci", max_examples=60, derandomize=True, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=5_000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE_NAME = os.environ.get("HYPOTHESIS_PROFILE", "ci")
PROFILE = settings.get_profile(PROFILE_NAME)


def budget(ci: int) -> settings:
    """`ci` examples in the bounded profile (about 35 s in all on a loaded 2-core machine); the profile's own
    number otherwise."""
    return settings(PROFILE, max_examples=ci if PROFILE_NAME == "ci" else PROFILE.max_examples)

DATA = Path(__file__).resolve().parent / "data"
ZH = ["中美关系十分重要。", "双方同意继续保持沟通，2024年增长6.8%。", "慕尼黑安全会议于2月16日举行。"]
EN = ["China-US relations are important.", "Both sides agreed to keep in touch; growth was 6.8% in 2024.",
      "The Munich Security Conference was held on February 16."]


def _tmx() -> bytes:
    tus = "".join(f'<tu tuid="{i}"><tuv xml:lang="zh"><seg>{z}<ph x="1">&lt;b&gt;</ph></seg></tuv>'
                  f'<tuv xml:lang="en"><seg>{e}</seg></tuv></tu>\n' for i, (z, e) in enumerate(zip(ZH, EN, strict=True)))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh"/><body>\n{tus}'
            "</body></tmx>\n").encode()


def _xliff1() -> bytes:
    units = "".join(f'<trans-unit id="{i}"><source>{z}<g id="1">x</g></source><target>{e}</target></trans-unit>\n'
                    for i, (z, e) in enumerate(zip(ZH, EN, strict=True)))
    return ('<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
            f'original="x" source-language="zh" target-language="en" datatype="plaintext"><body>\n{units}'
            "</body></file></xliff>\n").encode()


def _xliff2() -> bytes:
    units = "".join(f'<unit id="u{i}"><segment><source>{z}<cp hex="D800"/><ph id="p"/></source>'
                    f"<target>{e}</target></segment></unit>\n" for i, (z, e) in enumerate(zip(ZH, EN, strict=True)))
    return ('<?xml version="1.0"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
            f'srcLang="zh" trgLang="en"><file id="f">\n{units}</file></xliff>\n').encode()


def _table(sep: str) -> bytes:
    rows = "".join(f"{i}{sep}{z}{sep}{e}\n" for i, (z, e) in enumerate(zip(ZH, EN, strict=True)))
    return f"id{sep}source{sep}target\n{rows}".encode()


def _jsonl() -> bytes:
    import json

    return "".join(json.dumps({"id": i, "source": z, "target": e, "note": [1, {"a": None}]}, ensure_ascii=i % 2 == 0)
                   + "\n" for i, (z, e) in enumerate(zip(ZH, EN, strict=True))).encode()


def _parquet() -> bytes:
    import polars as pl

    buf = io.BytesIO()
    pl.DataFrame({"id": ["a", "b", "c"], "source": ZH, "target": EN}).write_parquet(buf, compression="uncompressed")
    return buf.getvalue()


SEEDS: dict[str, Callable[[], bytes]] = {
    "a.tmx": _tmx, "a.xlf": _xliff1, "b.xlf": _xliff2, "a.csv": lambda: _table(","), "a.tsv": lambda: _table("\t"),
    "a.jsonl": _jsonl, "a.parquet": _parquet, "a.tsv.gz": lambda: gzip.compress(_table("\t"), mtime=0),
    "a.tmx.gz": lambda: gzip.compress(_tmx(), mtime=0),
}


@cache
def seed(name: str) -> bytes:
    return SEEDS[name]()


mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 1 << 20), st.integers(0, 255)),
    st.tuples(st.just("cut"), st.integers(0, 1 << 20), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, 1 << 20), st.integers(0, 255)),
    st.tuples(st.just("delete"), st.integers(0, 1 << 20), st.integers(1, 16)),
)
INSERTS = [b"\x00", b"\xe9", b"\xff\xfe", b"<", b"&", b"]]>", b'"', b"\t", b"\n", b"\r", b",", b"{", b"[" * 50,
           "\ud800".encode("utf-8", "surrogatepass"), b'<cp hex="DFFF"/>', b"\\ud800", b"<!ENTITY x 'y'>",
           b"\x1f\x8b", "亿".encode() * 40, b"9" * 400]


def mutate(data: bytes, ops: list[tuple[str, int, int]], snippets: list[int]) -> bytes:
    out = bytearray(data)
    for k, (op, pos, value) in enumerate(ops):
        pos = pos % (len(out) + 1)
        if op == "flip" and out:
            out[min(pos, len(out) - 1)] = value
        elif op == "cut":
            del out[pos:]
        elif op == "insert":
            out[pos:pos] = INSERTS[snippets[k % len(snippets)] % len(INSERTS)] if snippets else bytes([value])
        elif op == "delete":
            del out[pos:pos + value]
    return bytes(out)


def _consume(segments) -> int:
    n = 0
    for s in segments:
        for text in (s.source, s.target, s.reference, s.id):
            if text is not None:
                text.encode("utf-8")  # no lone surrogate reaches the checks and writers
        n += 1
    return n


@budget(600)
@given(name=st.sampled_from(sorted(SEEDS)), ops=st.lists(mutation, min_size=1, max_size=4),
       snippets=st.lists(st.integers(0, 100), max_size=4))
def test_readers_survive_mutated_files(name: str, ops: list, snippets: list[int]) -> None:
    from termcheck.readers import read_file
    from termcheck.readers.base import ReadOptions

    data = mutate(seed(name), ops, snippets)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / name
        path.write_bytes(data)
        with contextlib.suppress(TermcheckError):
            _consume(read_file(path, ReadOptions()))


def test_unmutated_seeds_are_read() -> None:
    """The fuzzed files start valid: every seed reads to its three segments."""
    from termcheck.readers import read_file
    from termcheck.readers.base import ReadOptions

    with tempfile.TemporaryDirectory() as d:
        for name in SEEDS:
            path = Path(d) / name
            path.write_bytes(seed(name))
            segs = list(read_file(path, ReadOptions()))
            assert [s.target for s in segs] == EN, name
    assert "\ufffd" in next(iter(read_file_b2())).source  # <cp hex="D800"/> became U+FFFD


def read_file_b2() -> list[Segment]:
    from termcheck.readers import read_file
    from termcheck.readers.base import ReadOptions

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "b.xlf"
        path.write_bytes(seed("b.xlf"))
        return list(read_file(path, ReadOptions()))


@budget(300)
@given(zh=st.lists(st.text(max_size=40), max_size=4), en=st.lists(st.text(max_size=40), max_size=4),
       ops=st.lists(mutation, max_size=3))
def test_text_pairs_survive_mutation(zh: list[str], en: list[str], ops: list) -> None:
    from termcheck.readers.base import ReadOptions
    from termcheck.readers.plaintext import read_pair

    src = mutate("\n".join(zh).encode(), ops, [])
    tgt = mutate("\n".join(en).encode(), ops[::-1], [])
    with tempfile.TemporaryDirectory() as d:
        s, t = Path(d) / "a.zh.txt", Path(d) / "a.en.txt"
        s.write_bytes(src)
        t.write_bytes(tgt)
        with contextlib.suppress(TermcheckError):
            _consume(read_pair(s, t, None, ReadOptions(align=False)))


NUMBER_PIECES = [*"0123456789.,% 一二三四五六七八九十百千万亿两零点分之第年月日号世纪代", "million", " billion", " trillion",
                 "one", "twenty", "first", "half", "a ", "percent", "th", " per cent", "-", "/", "(", ")", "9" * 40]
NUMBERISH = st.lists(st.sampled_from(NUMBER_PIECES), max_size=60).map("".join)


@budget(600)
@given(text=st.one_of(st.text(max_size=80), NUMBERISH))
def test_number_readers(text: str) -> None:
    from termcheck.lang import en_numbers, zh_numbers

    for reader in (en_numbers.quantities, zh_numbers.quantities):
        for q in reader(text):
            assert 0 <= q.span[0] <= q.span[1] <= len(text)
            q.shows()


@budget(400)
@given(text=st.text(max_size=120))
def test_normalizers_and_splitters(text: str) -> None:
    from termcheck.align.sentences import splitter
    from termcheck.lang import en, zh

    for module in (zh, en):
        norm = module.normalize(text)
        for i in range(len(norm.text) + 1):
            for j in (i, min(i + 1, len(norm.text))):
                if i < j:
                    a, b = norm.original_span(i, j)
                    assert 0 <= a <= b <= len(text)
        module.term_keys(text)
        for a, b in module.split_sentences(text):
            assert 0 <= a <= b <= len(text)
    for lang in ("zh", "en"):
        for a, b in splitter(lang)(text):
            assert 0 <= a <= b <= len(text)


@lru_cache(maxsize=1)
def _matcher():
    from termcheck.glossary.load import load
    from termcheck.glossary.match import Matcher

    return Matcher(load([DATA / "seed-mini.csv"]))


def _terms() -> list[str]:
    m = _matcher()
    return sorted({t.text for e in m.glossary.entries for t in e.terms})


TERMISH = st.lists(st.one_of(st.sampled_from(_terms()), st.text(max_size=6)), max_size=12).map("".join)


@budget(600)
@given(text=TERMISH)
def test_matcher(text: str) -> None:
    m = _matcher()
    src = m.source_hits(text)
    tgt = m.target_hits(text, {h.entry for h in src})
    for h in src + tgt:
        assert 0 <= h.start < h.end <= len(text)


@budget(100)
@given(source=st.one_of(st.none(), st.text(max_size=80), TERMISH), target=st.one_of(st.text(max_size=80), TERMISH),
       reference=st.one_of(st.none(), st.text(max_size=40)))
def test_pipeline_on_arbitrary_pairs(source: str | None, target: str, reference: str | None) -> None:
    from termcheck.api import check
    from termcheck.report import FORMATS, renderer

    seg = Segment("1", source, target, 0, "doc", reference)
    try:
        report = check(segments=[seg], glossary=_matcher().glossary, keep_segments=True)
    except TermcheckError:
        return
    for f in report.findings:
        for span, text in ((f.source_span, source), (f.target_span, target)):
            if span is not None and text is not None:
                assert 0 <= span[0] <= span[1] <= len(text)
    for fmt in sorted(FORMATS):  # every writer takes whatever text the checks were given
        data = renderer(fmt)(report)
        if fmt in ("terminal", "markdown", "html"):
            assert not set(data.decode("utf-8")) & CONTROLS, fmt


CONTROLS = {chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_mutation_is_deterministic(name: str) -> None:
    ops = [("flip", 10, 0), ("insert", 5, 1), ("cut", 400, 0)]
    assert mutate(seed(name), ops, [3]) == mutate(seed(name), ops, [3])


XML_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
INLINE = st.one_of(XML_TEXT.map(escape), st.sampled_from(['<ph x="1">&lt;b&gt;</ph>', '<bpt i="1"/>', "<g id='1'>x</g>",
                                                         "<hi>y</hi>", "<mrk mtype='seg' mid='1'>z</mrk>", "<x/>"]),
                   st.integers(0, 0x10FFFF + 5).map(lambda n: f'<cp hex="{n:X}"/>'),
                   st.text(alphabet="0123456789ABCDEFxyz-", max_size=8).map(lambda h: f'<cp hex="{h}"/>'))
SEG = st.lists(INLINE, max_size=5).map("".join)
LANG = st.sampled_from(["zh", "en", "zh-CN", "en-US", "de", "", "EN", "zh_Hans"])


@budget(400)
@given(kind=st.sampled_from(["tmx", "xliff1", "xliff2"]), units=st.lists(st.tuples(LANG, SEG, LANG, SEG, st.booleans()),
                                                                          max_size=4))
def test_xml_readers_on_generated_documents(kind: str, units: list) -> None:
    """Well-formed documents with odd content: any language tags, inline markup, <cp> of any value."""
    from termcheck.readers import read_file
    from termcheck.readers.base import ReadOptions

    if kind == "tmx":
        body = "".join(f'<tu tuid="{i}"><tuv xml:lang="{a}"><seg>{s}</seg></tuv>'
                       + (f'<tuv xml:lang="{b}"><seg>{t}</seg></tuv>' if has else "") + "</tu>"
                       for i, (a, s, b, t, has) in enumerate(units))
        doc, name = f'<tmx version="1.4"><header/><body>{body}</body></tmx>', "a.tmx"
    elif kind == "xliff1":
        body = "".join(f'<trans-unit id="{i}"><source>{s}</source>' + (f"<target>{t}</target>" if has else "")
                       + "</trans-unit>" for i, (_, s, _, t, has) in enumerate(units))
        doc, name = (f'<xliff version="1.2"><file source-language="zh" target-language="en"><body>{body}</body>'
                     "</file></xliff>", "a.xlf")
    else:
        body = "".join(f'<unit id="u{i}"><segment><source>{s}</source>' + (f"<target>{t}</target>" if has else "")
                       + "</segment></unit>" for i, (_, s, _, t, has) in enumerate(units))
        doc, name = (f'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh" '
                     f'trgLang="en"><file id="f">{body}</file></xliff>', "a.xlf")
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / name
        path.write_text(doc, encoding="utf-8")
        with contextlib.suppress(TermcheckError):
            _consume(read_file(path, ReadOptions()))


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=8)


@budget(400)
@given(rows=st.lists(st.dictionaries(st.sampled_from(["source", "target", "id", "doc", "reference", "zh", "en", "x"]),
                                     JSON, max_size=5), max_size=4),
       table=st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=4), max_size=5),
       sep=st.sampled_from([",", "\t"]))
def test_table_readers_on_generated_rows(rows: list, table: list, sep: str) -> None:
    """JSON Lines of any JSON values, CSV/TSV of any cells (written correctly, or not, for TSV)."""
    import csv
    import json

    from termcheck.readers import read_file
    from termcheck.readers.base import ReadOptions

    with tempfile.TemporaryDirectory() as d:
        jl = Path(d) / "a.jsonl"
        jl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        tab = Path(d) / ("a.csv" if sep == "," else "a.tsv")
        with tab.open("w", encoding="utf-8", newline="") as f:
            if sep == ",":
                csv.writer(f).writerows(table)
            else:
                f.writelines(sep.join(r) + "\n" for r in table)
        for path in (jl, tab):
            with contextlib.suppress(TermcheckError):
                _consume(read_file(path, ReadOptions()))
