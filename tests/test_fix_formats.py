"""`termcheck fix` writes the input's own format back: only the target text changes (tags, attributes,
quoting, escapes, line breaks and everything else stay byte for byte)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from termcheck.cli import main

ZH = "中美关系十分重要。"
WRONG = "Sino-American relations are important."
RIGHT = "China-US relations are important."
NO_FIX_ZH = "王毅出席慕尼黑安全会议。"  # the term is missing: a finding with no fix
NO_FIX_EN = "Wang Yi attended the meeting."

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="zh" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>
<body>
  <tu tuid="a1">
    <tuv xml:lang="zh"><seg>{zh}</seg></tuv>
    <tuv xml:lang="en"><seg>{en}</seg></tuv>
  </tu>
</body></tmx>
"""
XLIFF1 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="zh" target-language="en" datatype="plaintext" original="a.txt"><body>
  <trans-unit id="u1" resname="k &amp; v">
   <source>{zh}</source>
   <target state="translated">{en}</target>
  </trans-unit>
 </body></file>
</xliff>
"""
XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh" trgLang="en">
 <file id="f1"><unit id="u1">
  <segment id="s1"><source>{zh}</source><target>{en}</target></segment>
 </unit></file>
</xliff>
"""

# (file name, text with {zh} {en}, the target as written with the wrong term, and as it must become)
CASES = [
    ("a.tsv", "id\tsource\ttarget\tnote\n1\t{zh}\t{en}\tkeep\n", WRONG, RIGHT),
    ("a.csv", 'id,source,target,note\r\n1,{zh},"{en}","a, ""b"""\r\n', "“" + WRONG + "” he said, ""twice""",
     "“" + RIGHT + "” he said, ""twice"""),
    ("a.jsonl", '{{"id": 1, "source": "{zh}", "target": "{en}", "extra": [1, {{"k": "\\u00e9"}}]}}\n',
     WRONG.replace("important", "imp\\u00f6rtant"), RIGHT.replace("important", "imp\\u00f6rtant")),
    # inline tags around the term and inside it stay where they were
    ("a.tmx", TMX, '<bpt i="1">&lt;b&gt;</bpt>Sino-American relations<ept i="1">&lt;/b&gt;</ept> are &amp; '
     'stay<ph x="2">&lt;br/&gt;</ph> important.',
     '<bpt i="1">&lt;b&gt;</bpt>China-US relations<ept i="1">&lt;/b&gt;</ept> are &amp; '
     'stay<ph x="2">&lt;br/&gt;</ph> important.'),
    ("b.tmx", TMX, '<hi>Sino</hi>-American <ph x="1">&lt;br/&gt;</ph>relations are important.',
     '<hi>China</hi>-US <ph x="1">&lt;br/&gt;</ph>relations are important.'),
    ("a.xlf", XLIFF1, '<g id="1">Sino-American</g> relations<x id="2"/> are important.',
     '<g id="1">China-US</g> relations<x id="2"/> are important.'),
    ("b.xlf", XLIFF2, '<pc id="1">Sino-American <ph id="2"/>relations</pc> are important.',
     '<pc id="1">China-US <ph id="2"/>relations</pc> are important.'),
]


def _write(tmp_path: Path, name: str, text: str, zh: str, en: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.format(zh=zh, en=en).encode("utf-8"))
    return path


def _fix(path: Path, glossary: Path, *args: str) -> int:
    return main(["fix", "-q", "--no-config", "--glossary", str(glossary), str(path), *args])


@pytest.mark.parametrize(("name", "text", "wrong", "right"), CASES, ids=[c[0] for c in CASES])
def test_only_the_target_changes(tmp_path, mini_glossary, name, text, wrong, right):
    path = _write(tmp_path, name, text, ZH, wrong)
    out = tmp_path / ("out-" + name)
    assert _fix(path, mini_glossary, "--output", str(out)) == 0
    assert out.read_bytes() == text.format(zh=ZH, en=right).encode("utf-8")
    if name.endswith((".tmx", ".xlf")):
        etree.fromstring(out.read_bytes())  # still well-formed


@pytest.mark.parametrize(("name", "text", "wrong", "right"), CASES, ids=[c[0] for c in CASES])
def test_a_file_without_safe_fixes_comes_back_byte_for_byte(tmp_path, mini_glossary, name, text, wrong, right):
    path = _write(tmp_path, name, text, NO_FIX_ZH, NO_FIX_EN)
    out = tmp_path / ("out-" + name)
    assert _fix(path, mini_glossary, "--output", str(out)) == 0
    assert out.read_bytes() == path.read_bytes()


def test_plain_text_keeps_its_bom_and_line_breaks(tmp_path, mini_glossary):
    zh, en = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    zh.write_bytes(f"{NO_FIX_ZH}\r\n{ZH}\r\n".encode())
    en.write_bytes(f"\ufeff{NO_FIX_EN}\r\n{WRONG}\r\n".encode())
    out = tmp_path / "out.txt"
    assert main(["fix", "-q", "--no-config", "--glossary", str(mini_glossary), "--source", str(zh), "--target",
                 str(en), "--output", str(out)]) == 0
    assert out.read_bytes() == f"\ufeff{NO_FIX_EN}\r\n{RIGHT}\r\n".encode()


def test_parquet_target_column_is_rewritten(tmp_path, mini_glossary):
    pl = pytest.importorskip("polars")
    path = tmp_path / "a.parquet"
    pl.DataFrame({"source": [ZH, NO_FIX_ZH], "target": [WRONG, NO_FIX_EN], "n": [1, 2]}).write_parquet(path)
    out = tmp_path / "out.parquet"
    assert _fix(path, mini_glossary, "--output", str(out)) == 0
    frame = pl.read_parquet(out)
    assert frame["target"].to_list() == [RIGHT, NO_FIX_EN]
    assert frame["source"].to_list() == [ZH, NO_FIX_ZH] and frame["n"].to_list() == [1, 2]
    same = tmp_path / "same.parquet"
    pl.DataFrame({"source": [NO_FIX_ZH], "target": [NO_FIX_EN]}).write_parquet(same)
    assert _fix(same, mini_glossary, "--output", str(out)) == 0
    assert out.read_bytes() == same.read_bytes()


def test_aligned_paragraphs_are_fixed_at_their_columns(tmp_path, mini_glossary):
    zh, en = tmp_path / "p.zh.txt", tmp_path / "p.en.txt"
    zh.write_text(f"{NO_FIX_ZH}{ZH}\n", encoding="utf-8")
    en.write_text(f"{NO_FIX_EN} {WRONG}\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    assert main(["fix", "-q", "--no-config", "--glossary", str(mini_glossary), "--source", str(zh), "--target",
                 str(en), "--align", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == f"{NO_FIX_EN} {RIGHT}\n"


def test_a_target_not_found_where_it_was_read_is_left_with_a_note(tmp_path):
    from termcheck.errors import InputError
    from termcheck.fixes.apply import Outcome
    from termcheck.fixes.write import fixed_bytes
    from termcheck.model import Finding, Fix, Origin, Segment, Severity
    from termcheck.readers.base import ReadOptions

    path = tmp_path / "a.en.txt"
    path.write_text("One line.\nAnother line.\n", encoding="utf-8")
    seg = Segment("2", None, "Not this text.", 1, "a", None, Origin(str(path), 2), Origin(str(path), 2))
    fix = Fix((0, 3), "Yes")
    found = Finding("fluency.artifact", "fluency/grammar", Severity.MINOR, "2", "m", 1, "a", fix=fix)
    outcome = Outcome(seg, "Yes this text.", (found,))
    notes: list[str] = []
    assert fixed_bytes(path, [outcome], ReadOptions(), None, notes) == path.read_bytes()
    assert len(notes) == 1 and "a.en.txt:2" in notes[0] and "segment 2 left as it was" in notes[0]
    with pytest.raises(InputError, match="not where it was read"):
        fixed_bytes(path, [outcome], ReadOptions())


def test_tmx_on_one_line_and_start_tags_over_two_lines(tmp_path, mini_glossary):
    text = ('<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="zh"/><body><tu tuid="1"><tuv xml:lang="zh">'
            f'<seg>{NO_FIX_ZH}</seg></tuv><tuv xml:lang="en"><seg>{NO_FIX_EN}</seg></tuv></tu><tu tuid="2"><tuv '
            f'xml:lang="zh"><seg>{ZH}</seg></tuv><tuv xml:lang="en"><seg>{{en}}</seg></tuv></tu><tu\n tuid="3">'
            f'<tuv xml:lang="zh"><seg>{ZH}</seg></tuv><tuv xml:lang="en"><seg>{{en}}</seg></tuv></tu></body></tmx>\n')
    path = tmp_path / "one.tmx"
    path.write_text(text.replace("{en}", WRONG), encoding="utf-8")
    out = tmp_path / "out.tmx"
    assert _fix(path, mini_glossary, "--output", str(out)) == 0
    assert out.read_text(encoding="utf-8") == text.replace("{en}", RIGHT)
