"""The bad inputs of test_bad_inputs.py: builders writing each case's files at test time."""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
GLOSSARY = DATA / "seed-mini.csv"

ZH, EN = "中美关系十分重要。", "China-US relations are important."
TMX_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh"/><body>\n'
TU = '<tu tuid="{i}"><tuv xml:lang="{a}"><seg>{s}</seg></tuv><tuv xml:lang="{b}"><seg>{t}</seg></tuv></tu>\n'
X12 = ('<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
       '<file original="x" source-language="{a}" target-language="{b}" datatype="plaintext"><body>\n{units}'
       '</body></file></xliff>\n')
X2 = ('<?xml version="1.0"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="{a}" '
      'trgLang="{b}"><file id="f">\n{units}</file></xliff>\n')
LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE tmx [\n <!ENTITY a "aaaaaaaaaa">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;">\n'
          ' <!ENTITY c "&b;&b;&b;&b;&b;&b;">\n]>\n<tmx version="1.4"><header/><body>\n'
          '<tu><tuv xml:lang="zh"><seg>中&c;</seg></tuv><tuv xml:lang="en"><seg>x&c;</seg></tuv></tu></body></tmx>\n')
XXE = '<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
GLOSS_HEAD = "id,zh,en\n"
TBX = ('<?xml version="1.0"?>\n{doctype}<martif type="TBX" xml:lang="en"><text><body>\n{entries}'
       '</body></text></martif>\n')
TBX_ENTRY = ('<termEntry id="{id}"><langSet xml:lang="zh"><tig><term>中美关系</term></tig></langSet>'
             '<langSet xml:lang="en"><tig><term>China-US relations</term>{note}</tig></langSet></termEntry>\n')


def _w(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


@dataclass(frozen=True)
class Case:
    """`build(folder)` writes the input files and returns the command line (after `check` or the
    subcommand) and the file the error must name; `where` is a regex that must follow the file name."""

    name: str
    build: Callable[[Path], tuple[list[str], Path | str]]
    where: str = r"(:\d+)?: "
    marks: tuple = ()


def one(name: str, content: str | bytes, where: str = r"(:\d+)?: ", *, extra: tuple[str, ...] = ()) -> Case:
    """A single positional input file with this content."""
    def build(d: Path) -> tuple[list[str], Path]:
        p = _w(d / name, content)
        return [str(p), *extra], p
    return Case(name, build, where)


def pair(name: str, zh: str | bytes, en: str | bytes, bad: str, where: str = r"(:\d+)?: ", *,
         extra: tuple[str, ...] = ()) -> Case:
    """--source/--target text files; `bad` ('zh' or 'en') is the file the error names."""
    def build(d: Path) -> tuple[list[str], Path]:
        s, t = _w(d / f"{name}.zh.txt", zh), _w(d / f"{name}.en.txt", en)
        return ["--source", str(s), "--target", str(t), *extra], (s if bad == "zh" else t)
    return Case(name, build, where)


def gloss(name: str, content: str | bytes, where: str = r"(:\d+)?: ") -> Case:
    """A bad --glossary file with a good input."""
    def build(d: Path) -> tuple[list[str], Path]:
        g = _w(d / name, content)
        tsv = _w(d / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
        return [str(tsv), "--glossary", str(g)], g
    return Case(f"glossary-{name}", build, where)


def custom(name: str, where: str = r"(:\d+)?: ", marks: tuple = ()) -> Callable[[Callable], Case]:
    def wrap(fn: Callable[[Path], tuple[list[str], Path | str]]) -> Case:
        return Case(name, fn, where, marks)
    return wrap


def tus(*rows: tuple[str, str, str, str]) -> str:
    return TMX_HEAD + "".join(TU.format(i=i, a=a, s=s, b=b, t=t) for i, (a, s, b, t) in enumerate(rows, 1)) + \
        "</body></tmx>\n"


def _gz_truncated() -> bytes:
    return gzip.compress(f"source\ttarget\n{ZH}\t{EN}\n".encode() * 200)[:60]


def _deep_json() -> str:
    return '{"source": "a", "target": ' + "[" * 100_000 + "]" * 100_000 + "}\n"


@custom("tmx-fifo", r": input is a FIFO")
def _tmx_fifo(d: Path) -> tuple[list[str], Path]:
    p = _fifo(d / "pipe.tmx")
    return [str(p)], p


@custom("target-fifo", r": input is a FIFO")
def _target_fifo(d: Path) -> tuple[list[str], Path]:
    s = _w(d / "a.zh.txt", ZH + "\n")
    t = _fifo(d / "a.en.txt")
    return ["--source", str(s), "--target", str(t)], t


@custom("source-dev-zero", r": input is a character device")
def _dev_zero(d: Path) -> tuple[list[str], str]:
    t = _w(d / "a.en.txt", EN + "\n")
    return ["--source", "/dev/zero", "--target", str(t)], "/dev/zero"


@custom("reference-fifo", r": input is a FIFO")
def _reference_fifo(d: Path) -> tuple[list[str], Path]:
    s, t = _w(d / "a.zh.txt", ZH + "\n"), _w(d / "a.en.txt", EN + "\n")
    r = _fifo(d / "a.ref.txt")
    return ["--source", str(s), "--target", str(t), "--reference", str(r)], r


@custom("target-is-folder", r": input is a folder")
def _target_folder(d: Path) -> tuple[list[str], Path]:
    s = _w(d / "a.zh.txt", ZH + "\n")
    (d / "sub").mkdir()
    return ["--source", str(s), "--target", str(d / "sub")], d / "sub"


@custom("source-missing", r": no such file")
def _source_missing(d: Path) -> tuple[list[str], Path]:
    t = _w(d / "a.en.txt", EN + "\n")
    return ["--source", str(d / "nope.zh.txt"), "--target", str(t)], d / "nope.zh.txt"


@custom("input-missing", r": no such file or folder")
def _input_missing(d: Path) -> tuple[list[str], Path]:
    return [str(d / "nope.tmx")], d / "nope.tmx"


@custom("folder-empty", r": folder holds no readable files")
def _folder_empty(d: Path) -> tuple[list[str], Path]:
    _w(d / "corpus" / "notes.md", "nothing here\n")
    return [str(d / "corpus")], d / "corpus"


@custom("folder-source-without-target", r": no translation beside it")
def _folder_lonely(d: Path) -> tuple[list[str], Path]:
    p = _w(d / "corpus" / "a.zh.txt", ZH + "\n")
    return [str(d / "corpus")], p


@custom("folder-target-without-source", r": no source text beside it")
def _folder_orphan(d: Path) -> tuple[list[str], Path]:
    p = _w(d / "corpus" / "a.en.txt", EN + "\n")
    return [str(d / "corpus")], p


@custom("folder-with-header-only-tsv", r": no rows after the header")
def _folder_bad_member(d: Path) -> tuple[list[str], Path]:
    _w(d / "corpus" / "a.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
    p = _w(d / "corpus" / "b.tsv", "source\ttarget\n")
    return [str(d / "corpus")], p


@custom("folder-with-fifo-tsv", r": no rows after the header")
def _folder_fifo(d: Path) -> tuple[list[str], Path]:
    """A FIFO inside a folder is skipped (only regular files are taken); the header-only file still fails."""
    _fifo(d / "corpus" / "a.tsv")
    p = _w(d / "corpus" / "b.tsv", "source\ttarget\n")
    return [str(d / "corpus")], p


@custom("glossary-fifo", r": glossary is a FIFO")
def _glossary_fifo(d: Path) -> tuple[list[str], Path]:
    tsv = _w(d / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
    g = _fifo(d / "g.csv")
    return [str(tsv), "--glossary", str(g)], g


@custom("glossary-dev-zero", r": glossary is a character device")
def _glossary_zero(d: Path) -> tuple[list[str], str]:
    tsv = _w(d / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
    return [str(tsv), "--glossary", "/dev/zero"], "/dev/zero"


@custom("glossary-missing", r": no such glossary file")
def _glossary_missing(d: Path) -> tuple[list[str], Path]:
    tsv = _w(d / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
    return [str(tsv), "--glossary", str(d / "none.csv")], d / "none.csv"


@custom("glossary-empty-folder", r": folder holds no glossary files")
def _glossary_folder(d: Path) -> tuple[list[str], Path]:
    tsv = _w(d / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
    (d / "gl").mkdir()
    return [str(tsv), "--glossary", str(d / "gl")], d / "gl"


def _config_case(name: str, content: str, where: str, marks: tuple = ()) -> Case:
    def build(d: Path) -> tuple[list[str], Path]:
        c = _w(d / "termcheck.toml", content)
        tsv = _w(d / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
        return [str(tsv), "--config", str(c)], c
    return Case(name, build, where, marks)


@custom("config-fifo", r": .*FIFO", marks=())
def _config_fifo(d: Path) -> tuple[list[str], Path]:
    tsv = _w(d / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
    c = _fifo(d / "termcheck.toml")
    return [str(tsv), "--config", str(c)], c


@custom("config-dev-zero", r": .*character device", marks=())
def _config_zero(d: Path) -> tuple[list[str], str]:
    tsv = _w(d / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
    return [str(tsv), "--config", "/dev/zero"], "/dev/zero"


@custom("baseline-fifo", r": .*FIFO", marks=())
def _baseline_fifo(d: Path) -> tuple[list[str], Path]:
    tsv = _w(d / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
    b = _fifo(d / "baseline.json")
    return [str(tsv), "--baseline", str(b)], b


@custom("baseline-dev-zero", r": .*character device", marks=())
def _baseline_zero(d: Path) -> tuple[list[str], str]:
    tsv = _w(d / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
    return [str(tsv), "--baseline", "/dev/zero"], "/dev/zero"


@custom("unknown-source-lang", r"", marks=())
def _unknown_lang(d: Path) -> tuple[list[str], str]:
    tsv = _w(d / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
    return [str(tsv), "--source-lang", "klingon"], "klingon"


@custom("output-onto-a-folder", r"", marks=())
def _output_folder(d: Path) -> tuple[list[str], Path]:
    tsv = _w(d / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
    (d / "taken").mkdir()
    return [str(tsv), "--output", str(d / "taken")], d / "taken"


@custom("output-under-a-file", r"", marks=())
def _output_under_file(d: Path) -> tuple[list[str], Path]:
    tsv = _w(d / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
    return [str(tsv), "--output", str(tsv / "report.json")], tsv / "report.json"


@custom("output-into-proc", r"", marks=())
def _output_proc(d: Path) -> tuple[list[str], str]:
    tsv = _w(d / "ok.tsv", f"source\ttarget\n{ZH}\t{EN}\n")
    return [str(tsv), "--output", "/proc/termcheck-report.json"], "/proc/termcheck-report.json"


SPECIAL: list[Case] = [
    _tmx_fifo, _target_fifo, _dev_zero, _reference_fifo, _target_folder, _source_missing, _input_missing,
    _folder_empty, _folder_lonely, _folder_orphan, _folder_bad_member, _folder_fifo,
    _glossary_fifo, _glossary_zero, _glossary_missing, _glossary_folder,
    _config_fifo, _config_zero, _baseline_fifo, _baseline_zero, _unknown_lang, _output_folder, _output_under_file,
    _output_proc,
]


def _parquet_bytes(**columns: list) -> bytes:
    import io

    import polars as pl

    buf = io.BytesIO()
    pl.DataFrame(columns).write_parquet(buf, compression="uncompressed", statistics=False)
    return buf.getvalue()


def _parquet_bad_utf8() -> bytes:
    """A valid Parquet file whose string data holds an invalid UTF-8 byte (a flipped byte in a page)."""
    data = bytearray(_parquet_bytes(source=["中美关系"] * 3, target=["relations-AAAA"] * 3))
    at = data.index(b"relations-AAAA")
    data[at + 10] = 0xFF
    return bytes(data)


PARQUET = [
    one("truncated.parquet", _parquet_bytes(source=[ZH] * 50, target=[EN] * 50)[:300],
        r": not a readable Parquet file"),
    one("text.parquet", "source,target\n", r": not a readable Parquet file"),
    one("no-rows.parquet", _parquet_bytes(source=[], target=[]), r": no rows: nothing to check"),
    one("int-target.parquet", _parquet_bytes(source=[ZH], target=[5]), r": column 'target' is Int64, expected text"),
    one("no-text-columns.parquet", _parquet_bytes(a=[1], b=[2]), r": no source/target columns"),
    one("bad-utf8.parquet", _parquet_bad_utf8(), r": (cannot read Parquet|not a readable Parquet file)"),
]
