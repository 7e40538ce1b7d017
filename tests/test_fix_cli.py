"""`termcheck fix` on the seed: every safe fix in the diff, nothing forbidden or fixable left, no new
finding; fixes never overlap or make a finding; --in-place is atomic; SARIF fixes validate."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from termcheck import config as configs
from termcheck.cli import main
from termcheck.fixes.apply import Fixer, chosen
from termcheck.glossary.load import load
from termcheck.model import Finding, Fix, Segment, Severity
from termcheck.runner import Run

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _json(args: list[str], tmp_path: Path) -> dict:
    out = tmp_path / "r.json"
    assert main(["check", "-q", "--no-config", "--fail-on", "never", *args, "--format", "json", "-o", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_fixed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The seed checked, fixed into a file, and the fixed file checked again (official glossary)."""
    root = Path(__file__).resolve().parents[1] / "corpora"
    zh, mt = root / "readout-2024-02-16.zh.txt", root / "readout-2024-02-16.mt.lines.en.txt"
    tmp = tmp_path_factory.mktemp("seed")
    out = tmp / "fixed.en.txt"
    assert main(["fix", "-q", "--no-config", "--source", str(zh), "--target", str(mt), "--output", str(out)]) == 0
    return {"zh": zh, "mt": mt, "out": out, "before": _json(["--source", str(zh), "--target", str(mt)], tmp),
            "after": _json(["--source", str(zh), "--target", str(out)], tmp)}


def test_the_diff_shows_every_safe_fix(seed_fixed, capsys):
    assert main(["fix", "-q", "--no-config", "--source", str(seed_fixed["zh"]), "--target",
                 str(seed_fixed["mt"]), "--diff"]) == 0
    diff = capsys.readouterr().out
    safe = [f for f in seed_fixed["before"]["findings"] if f["fix"] and f["fix"]["safe"]]
    assert len(safe) >= 15
    added = [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(added) == len({f["segment"] for f in safe})
    for f in safe:
        assert f["fix"]["replacement"] in diff
    # the diff is exactly the file written with --output
    old = seed_fixed["mt"].read_text(encoding="utf-8").splitlines()
    new = seed_fixed["out"].read_text(encoding="utf-8").splitlines()
    assert sorted(line[1:] for line in added) == sorted(n for o, n in zip(old, new, strict=True) if o != n)


def test_applying_the_fixes_leaves_nothing_fixable_and_nothing_new(seed_fixed):
    after = seed_fixed["after"]["findings"]
    assert not [f for f in after if f["check"] == "terminology.forbidden"]
    assert not [f for f in after if f["fix"] and f["fix"]["safe"]]
    before = Counter((f["check"], f["segment"]) for f in seed_fixed["before"]["findings"])
    assert not Counter((f["check"], f["segment"]) for f in after) - before


def _run() -> Run:
    return Run(load(None), configs.build(configs.Settings()))


def _finding(seg: Segment, span: tuple[int, int], repl: str, check: str = "fluency.artifact",
             safe: bool = True) -> Finding:
    return Finding(check, "fluency/grammar", Severity.MINOR, seg.id, "m", seg.index, seg.doc,
                   target_span=span, target_text=(seg.target or "")[span[0]:span[1]], fix=Fix(span, repl, safe, "x"))


def test_overlapping_fixes_apply_right_to_left_never_over_each_other():
    seg = Segment("1", None, "They held talks talks on trade.")
    a = _finding(seg, (10, 21), "talks")  # "talks talks"
    b = _finding(seg, (16, 24), "negotiations on")  # overlaps a
    c = _finding(seg, (0, 4), "They")
    out = Fixer(_run()).fix(seg, [c, a, b])
    assert out.target == "They held talks negotiations on trade."
    assert [f.fix.span for f in out.fixed] == [(16, 24), (0, 4)]
    assert dict((f.fix.span, why) for f, why in out.skipped) == {(10, 21): "overlaps another fix"}


def test_a_fix_that_makes_a_new_finding_is_not_applied():
    seg = Segment("1", None, "They held talks on trade.")
    bad = _finding(seg, (10, 15), "the the talks")  # a doubled word: fluency.artifact
    good = _finding(seg, (19, 24), "commerce")
    out = Fixer(_run()).fix(seg, [bad, good])
    assert out.target == "They held talks on commerce."
    assert [why for _, why in out.skipped] == ["would create a new finding (fluency.artifact)"]


def test_unsafe_fixes_and_selection():
    seg = Segment("1", None, "They signed 5 deals.")
    unsafe = _finding(seg, (12, 13), "3", check="accuracy.number", safe=False)
    assert Fixer(_run()).fix(seg, [unsafe]).target == seg.target
    assert Fixer(_run(), unsafe=True).fix(seg, [unsafe]).target == "They signed 3 deals."
    only_terms = chosen(("terminology",), ())
    assert Fixer(_run(), unsafe=True, applies=only_terms).fix(seg, [unsafe]).target == seg.target
    assert chosen((), ("accuracy.number",))("accuracy.number") is False


def test_in_place_is_atomic(tmp_path, seed, monkeypatch):
    en = tmp_path / "a.en.txt"
    en.write_bytes(seed["mt"].read_bytes())
    args = ["fix", "-q", "--no-config", "--source", str(seed["zh"]), "--target", str(en), "--in-place"]

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    assert main(args) == 2  # one error line, the file untouched, no temp file left
    assert en.read_bytes() == seed["mt"].read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.en.txt"]
    monkeypatch.undo()
    assert main(args) == 0
    assert en.read_bytes() != seed["mt"].read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.en.txt"]


def test_sarif_fixes_validate_and_splice_into_the_line(tmp_path, seed):
    out = tmp_path / "r.sarif"
    main(["check", "-q", "--no-config", "--source", str(seed["zh"]), "--target", str(seed["mt"]),
          "--format", "sarif", "-o", str(out)])
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [e.message for e in Draft4Validator(SCHEMA).iter_errors(doc)] == []
    lines = seed["mt"].read_text(encoding="utf-8").splitlines()
    with_fix = [r for r in doc["runs"][0]["results"] if "fixes" in r]
    assert len(with_fix) >= 15
    for r in with_fix:
        rep = r["fixes"][0]["artifactChanges"][0]["replacements"][0]
        region = rep["deletedRegion"]
        line = lines[region["startLine"] - 1]
        fixed = line[:region["startColumn"] - 1] + rep["insertedContent"]["text"] + line[region["endColumn"] - 1:]
        assert fixed != line


def test_terminal_report_shows_the_fix_or_says_there_is_none(seed, capsys):
    main(["check", "-q", "--no-config", "--source", str(seed["zh"]), "--target", str(seed["mt"])])
    text = capsys.readouterr().out
    assert "→ Munich Security Conference   safe fix" in text
    assert "safe fix: “special envoys for peninsula affairs” → “special representatives on Korean Peninsula affairs”" \
        in text
    assert "no safe fix" in text


def test_output_takes_one_file(tmp_path, mini_glossary, capsys):
    for name in ("a.tsv", "b.tsv"):
        (tmp_path / name).write_text("source\ttarget\n中美关系\tSino-American relations\n", encoding="utf-8")
    code = main(["fix", "-q", "--no-config", "--glossary", str(mini_glossary), str(tmp_path), "--output",
                 str(tmp_path / "o.tsv")])
    assert code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_unknown_check_in_select_is_an_error(tmp_path, seed, capsys):
    code = main(["fix", "-q", "--no-config", "--source", str(seed["zh"]), "--target", str(seed["mt"]),
                 "--select", "terminology.nonesuch"])
    assert code == 2


def test_the_plain_text_diff_is_a_patch(seed_fixed, tmp_path, capsys):
    import shutil
    import subprocess

    if shutil.which("patch") is None:
        pytest.skip("no patch program")
    main(["fix", "-q", "--no-config", "--source", str(seed_fixed["zh"]), "--target", str(seed_fixed["mt"])])
    diff = capsys.readouterr().out
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed_fixed["mt"].read_bytes())
    subprocess.run(["patch", "-s", str(copy)], input=diff.encode("utf-8"), check=True)
    assert copy.read_bytes() == seed_fixed["out"].read_bytes()


def test_python_api_fix(mini_glossary):
    from termcheck.api import fix

    segs = [Segment("1", "中美关系十分重要。", "Sino-American relations are important."),
            Segment("2", "中美关系十分重要。", "China-US relations are important.", 1)]
    result = fix(segs, glossary=[mini_glossary])
    assert [(o.segment.id, o.target) for o in result.outcomes if o.changed] == [
        ("1", "China-US relations are important.")]
