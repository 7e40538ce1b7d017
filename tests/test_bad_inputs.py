"""A catalogue of bad inputs: each one exits 2 with exactly one stderr line naming the file (and line or
byte offset where there is one), no traceback, and leaves nothing (no report, no temp file) in the output
folder. Files are generated at test time (tests/badinputs.py); cases that need the command-line work of
issue 14 were xfail until the command line did them."""

from __future__ import annotations

import gzip
import os
import re
import threading
from pathlib import Path

import pytest
from badinputs import (
    EN,
    GLOSS_HEAD,
    GLOSSARY,
    LAUGHS,
    PARQUET,
    SPECIAL,
    TBX,
    TBX_ENTRY,
    TMX_HEAD,
    X2,
    X12,
    XXE,
    ZH,
    Case,
    _config_case,
    _deep_json,
    _gz_truncated,
    _w,
    gloss,
    one,
    pair,
    tus,
)

from termcheck.cli import main

# the pair asked for on the command line (a TMX or XLIFF given none is checked in the pair it declares)
ZH_EN = ("--source-lang", "zh", "--target-lang", "en")

CASES: list[Case] = [
    # TMX
    one("no-target.tmx", tus(("zh", ZH, "zh", ZH)).replace('<tuv xml:lang="zh"><seg>' + ZH + "</seg></tuv></tu>",
                                                         "</tu>"),
        r": no unit has a target in language 'en' \(1 units; languages found: zh\)"),
    one("other-lang.tmx", tus(("zh", ZH, "de", "Beziehungen"), ("zh", ZH, "fr", "relations")),
        r": no unit has a target in language 'en' .*languages found: zh, de, fr", extra=ZH_EN),
    one("no-units.tmx", TMX_HEAD + "</body></tmx>\n", r": no <tu> translation units"),
    # another pair than the one asked for (en -> ko checked as zh -> en would read the English source as the target;
    # given no pair, a TMX or XLIFF is checked in the pair it declares)
    one("other-pair.tmx", tus(("en", EN, "ko", "중미 관계")).replace('srclang="zh"', 'srclang="en"'),
        r":3: the units hold 'en', 'ko' but not the run's source language 'zh' .*--source-lang en --target-lang ko",
        extra=ZH_EN),
    one("other-pair-no-header.tmx", tus(("ko", "중미 관계", "en", EN)).replace(' srclang="zh"', ""),
        r":3: the units hold 'ko', 'en' but not the run's source language 'zh' .*--source-lang/--target-lang",
        extra=ZH_EN),
    one("unclosed.tmx", TMX_HEAD + '<tu><tuv xml:lang="en"><seg>x</tuv></tu></body></tmx>\n', r":3: malformed XML"),
    one("not-tmx.tmx", X12.format(a="zh", b="en", units=""), r":1: not a TMX file"),
    one("tuv-without-seg.tmx", TMX_HEAD + '<tu>\n<tuv xml:lang="en"></tuv></tu></body></tmx>\n',
        r":4: <tuv> without <seg>"),
    one("laughs.tmx", LAUGHS, r":\d+: "),
    one("xxe.tmx", '<?xml version="1.0"?>\n' + XXE.format(root="tmx") + tus(("zh", ZH, "en", "&xxe;"))[39:],
        r":1: declares XML entities \(xxe\)"),
    one("empty.tmx", "", r": malformed XML"),
    one("binary.tmx", b"\x00\x01\x02\x03" * 50, r":1: malformed XML"),
    one("broken-gzip.tmx.gz", b"\x1f\x8b\x08\x00" + b"\xff" * 40, r": cannot read: "),
    one("truncated.tmx.gz", gzip.compress(tus(*[("zh", ZH, "en", EN)] * 50).encode())[:80], r": cannot read: "),
    one("brace-ns.tmx", tus(("zh", ZH, "en", EN)).replace('<tmx version="1.4"', '<tmx version="1.4" xmlns:x="urn:a}b"'),
        r":\d+: malformed XML"),
    one("bad-encoding-decl.tmx", tus(("zh", ZH, "en", EN)).replace('encoding="UTF-8"', 'encoding="x-nonsense"'),
        r":1: malformed XML: Unsupported encoding"),
    one("ns-only-other-lang.tmx", tus(("ja", "日本", "ko", "한국")), r": no unit has a target in language 'en'"),
    # XLIFF 1.2
    one("no-targets.xlf", X12.format(a="zh", b="en", units=f'<trans-unit id="1"><source>{ZH}</source></trans-unit>\n'),
        r": no unit has a <target> \(1 units\)"),
    one("no-units.xlf", X12.format(a="zh", b="en", units=""), r": no translation units"),
    one("wrong-target-lang.xlf", X12.format(a="zh", b="de", units=""), r":3: target language is 'de'", extra=ZH_EN),
    one("no-source.xlf", X12.format(a="zh", b="en", units='<trans-unit id="1"><target>x</target></trans-unit>\n'),
        r":4: <trans-unit> without <source>"),
    one("unclosed.xlf", X12.format(a="zh", b="en", units='<trans-unit id="1"><source>a</trans-unit>\n'),
        r":4: malformed XML"),
    one("not-xliff.xlf", tus(("zh", ZH, "en", EN)), r":1: not an XLIFF file"),
    one("xxe.xlf", '<?xml version="1.0"?>\n' + XXE.format(root="xliff") + X12.format(
        a="zh", b="en", units='<trans-unit id="1"><source>&xxe;</source><target>x</target></trans-unit>')[22:],
        r":1: declares XML entities \(xxe\)"),
    # XLIFF 2
    one("no-targets-2.xlf", X2.format(a="zh", b="en", units=f'<unit id="u1"><segment><source>{ZH}</source>'
                                      "</segment></unit>\n"), r": no unit has a <target>"),
    one("bad-cp.xlf", X2.format(a="zh", b="en", units='<unit id="u1"><segment><source>a<cp hex="zz"/></source>'
                                "<target>b</target></segment></unit>\n"), r":3: bad <cp hex='zz'>"),
    one("huge-cp.xlf", X2.format(a="zh", b="en", units='<unit id="u1"><segment><source>a<cp hex="FFFFFFFFFF"/>'
                                 "</source><target>b</target></segment></unit>\n"), r":3: bad <cp hex="),
    one("segment-without-source.xlf", X2.format(a="zh", b="en", units='<unit id="u1">\n<segment><target>b</target>'
                                                "</segment></unit>\n"), r":4: <segment> without <source>"),
    one("wrong-src-lang-2.xlf", X2.format(a="ja", b="en", units=""), r":2: source language is 'ja'", extra=ZH_EN),
    one("no-units-2.xlf", X2.format(a="zh", b="en", units=""), r": no translation units"),
    # CSV / TSV
    one("header-only.tsv", "source\ttarget\n", r": no rows after the header"),
    one("header-only.csv", "source,target\n\n\n", r": no rows after the header"),
    one("empty.csv", "", r":1: empty file"),
    one("blank.csv", "\n  \n\n", r":1: empty file"),
    one("ragged.tsv", f"source\ttarget\n{ZH}\t{EN}\n{ZH}\t{EN}\textra\n", r":3: row has 3 fields, expected 2"),
    one("unterminated.csv", f'source,target\n{ZH},"{EN}\n', r":\d+: malformed CSV"),
    one("no-target-column.csv", f"source,notes\n{ZH},x\n", r":1: no target column"),
    one("one-column.csv", f"{ZH}\n{ZH}\n", r":1: one column only"),
    one("stray-byte.tsv", f"source\ttarget\n{ZH}\tCaf".encode() + b"\xe9 " + EN.encode() + b"\n",
        r":2: cannot decode: not UTF-8 \(bad byte at byte offset 45\)"),
    one("nul.csv", b"source,target\n\x00\x00,x\n", r": looks like a binary file \(NUL byte at byte offset 14\)"),
    one("broken.tsv.gz", b"\x1f\x8b" + b"\x00" * 30, r": broken gzip data"),
    one("truncated.tsv.gz", _gz_truncated(), r": broken gzip data"),
    one("named-column-missing.tsv", f"source\ttarget\n{ZH}\t{EN}\n", r":1: no column 'zh_text' for --source-column",
        extra=("--source-column", "zh_text")),
    one("same-column.csv", f"text,target\n{ZH},{EN}\n", r":1: source and target are the same column",
        extra=("--source-column", "text", "--target-column", "text")),
    one("ascii-declared.tsv", f"source\ttarget\n{ZH}\t{EN}\n".encode(), r":2: cannot decode as ascii at byte offset 14",
        extra=("--encoding", "ascii")),
    # JSON Lines
    one("empty.jsonl", "\n\n", r": no JSON objects"),
    one("malformed.jsonl", '{"source": "a", "target": "b"}\n{"source": "a", \n', r":2: malformed JSON"),
    one("array.jsonl", '["a", "b"]\n', r":1: expected a JSON object, got list"),
    one("deep.jsonl", _deep_json(), r":1: malformed JSON: nested too deeply"),
    one("number-target.jsonl", '{"source": "a", "target": 5}\n', r":1: 'target' is int, expected text"),
    one("no-keys.jsonl", '{"a": "x", "b": "y"}\n', r":1: no source/target keys"),
    one("stray-byte.jsonl", b'{"source": "a", "target": "caf\xe9"}\n', r":1: cannot decode: not UTF-8"),
    # plain-text pairs
    pair("mismatch", f"{ZH}\n{ZH}\n", f"{EN}\n", "zh", r":2: has 2 lines but .* has 1", extra=("--no-align",)),
    pair("both-empty", "\n\n", "\n", "en", r": no text: nothing to check"),
    pair("stray", f"{ZH}\n".encode(), b"caf\xe9 au lait\n", "en", r":1: cannot decode"),
    pair("binary", f"{ZH}\n".encode(), b"PK\x03\x04\x00\x00zip", "en", r": looks like a binary file"),
    pair("bad-encoding", f"{ZH}\n", f"{EN}\n", "en", r": unknown encoding 'klingon-8'", extra=("--encoding", "klingon-8")),
    # glossaries
    gloss("ragged.csv", GLOSS_HEAD + "a,中美关系,China-US relations\nb,中美,x,y\n", r":3: row has 4 fields"),
    gloss("empty.csv", "", r":1: empty glossary file"),
    gloss("latin1.csv", GLOSS_HEAD.encode() + "a,中美关系,caf".encode() + b"\xe9\n", r":2: not UTF-8 \(byte offset 27\)"),
    gloss("unknown-column.tsv", "id\tzh\ten\tcolour\na\t中美关系\tChina-US relations\tred\n",
          r":1: unknown column 'colour'"),
    gloss("duplicate.csv", GLOSS_HEAD + "a,中美关系,China-US relations\na,中美,China-US\n", r":3: duplicate id 'a'"),
    gloss("no-preferred.csv", GLOSS_HEAD + "a,中美关系,\n", r":2: "),
    gloss("unterminated.csv", GLOSS_HEAD + 'a,中美关系,"China-US\n', r":\d+: malformed CSV"),
    gloss("entities.tbx", TBX.format(doctype=XXE.format(root="martif"), entries=TBX_ENTRY.format(id="a", note="")),
          r":1: declares XML entities \(xxe\)"),
    gloss("laughs.tbx", LAUGHS.replace("tmx", "martif"), r":\d+: "),
    gloss("malformed.tbx", TBX.format(doctype="", entries="<termEntry id='a'>\n<langSet>\n</termEntry>"),
          r":\d+: malformed XML"),
    gloss("no-entries.tbx", TBX.format(doctype="", entries=""), r":1: no termEntry or conceptEntry"),
    gloss("no-lang.tbx", TBX.format(doctype="", entries=TBX_ENTRY.format(id="a", note="").replace(
        ' xml:lang="zh"', "")), r":\d+: langSet without xml:lang"),
    gloss("bad-status.tbx", TBX.format(doctype="", entries=TBX_ENTRY.format(
        id="a", note='<termNote type="administrativeStatus">sometimes</termNote>')),
        r":\d+: unknown administrativeStatus 'sometimes'"),
    gloss("unknown.json", '{"a": 1}', r": unknown glossary format"),
    # configuration
    _config_case("config-bad-toml", "fail-on = \n", r":1: not valid TOML"),
    _config_case("config-unknown-key", 'fail-om = "major"\n', r":1: unknown key 'fail-om'"),
    _config_case("config-wrong-type", "fail-on = 3\n", r":1: fail-on must be"),
    _config_case("config-batch-size-zero", "batch-size = 0\n", r":1: ", ()),
    _config_case("config-batch-size-negative", "batch-size = -5\n", r":1: ", ()),
    _config_case("config-threshold-nan", "min-term-success = nan\n", r":1: ", ()),
    *SPECIAL,
    *PARQUET,
]


def _unblock(fifos: list[Path], stop: threading.Event) -> None:
    """Open each FIFO for writing whenever a reader waits on it, and close it at once (end of file)."""
    while not stop.is_set():
        for f in fifos:
            try:
                fd = os.open(f, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # no reader waiting (ENXIO)
                continue
            os.close(fd)
        stop.wait(0.02)


def _params() -> list:
    return [pytest.param(c, id=c.name, marks=c.marks) for c in CASES]


def test_the_catalogue_is_large_and_unique() -> None:
    names = [c.name for c in CASES]
    assert len(names) == len(set(names))
    assert len([c for c in CASES if not c.marks]) >= 60


@pytest.mark.parametrize("case", _params())
def test_bad_input_is_one_line_exit_2_and_writes_nothing(case: Case, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    inputs = tmp_path / "in"
    inputs.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    args, named = case.build(inputs)
    fifos = [p for p in inputs.rglob("*") if p.is_fifo()]
    stop = threading.Event()
    unblocker = threading.Thread(target=_unblock, args=(fifos, stop), daemon=True)
    if fifos:  # a reader that does not refuse FIFOs reads end-of-file instead of blocking the test run
        unblocker.start()
    argv = ["check", *args]
    if "--glossary" not in argv:
        argv += ["--glossary", str(GLOSSARY)]
    if "--config" not in argv:
        argv.append("--no-config")
    if "--output" not in argv:
        argv += ["--format", "json", "--output", str(out / "report.json")]
    try:
        code = main(argv)
    finally:
        stop.set()
    err = capsys.readouterr().err
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert re.search(re.escape(str(named)) + case.where, lines[0]), lines[0]
    assert list(out.iterdir()) == []


def test_gzip_stream_of_good_data_is_still_read(tmp_path: Path) -> None:
    """The counterpart of the truncated-gzip cases: a whole gzip file is read (the cases fail for the
    right reason)."""
    from termcheck.readers import read_file
    from termcheck.readers.base import ReadOptions

    p = _w(tmp_path / "ok.tsv.gz", gzip.compress(f"source\ttarget\n{ZH}\t{EN}\n".encode()))
    assert [s.target for s in read_file(p, ReadOptions())] == [EN]



def test_internal_error_exits_3_with_a_debug_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A crash (a bug, not bad input) must not look like a failed gate (1) or bad input (2)."""
    from termcheck.readers import tabular

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tabular, "read", boom)
    tsv = _w(tmp_path / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
    out = tmp_path / "out"
    out.mkdir()
    code = main(["check", str(tsv), "--glossary", str(GLOSSARY), "--no-config", "--format", "json",
                 "--output", str(out / "r.json")])
    err = capsys.readouterr().err
    assert code == 3
    assert len(err.splitlines()) == 1 and "--debug" in err and "Traceback" not in err
    assert list(out.iterdir()) == []
