"""Baselines: known findings pass, new ones fail, edits elsewhere keep fingerprints stable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termcheck import baseline
from termcheck.cli import main
from termcheck.errors import InputError
from termcheck.fingerprint import fingerprint, segment_context
from termcheck.model import Finding, Segment, Severity


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _check(args: list[str], capsys) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(["check", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def seed_baseline(tmp_path, seed, mini_glossary, capsys) -> tuple[Path, list[str]]:
    """A baseline of the seed's findings, and the common arguments of the seed run."""
    common = ["--glossary", str(mini_glossary), "--source", str(seed["zh"])]
    out = tmp_path / "baseline.json"
    assert main(["baseline", "create", *common, "--target", str(seed["mt"]), "-o", str(out)]) == 0
    assert "accepted" in capsys.readouterr().err
    return out, common


def test_seed_with_its_own_baseline_passes(seed_baseline, seed, capsys):
    path, common = seed_baseline
    code, rep = _check([*common, "--target", str(seed["mt"])], capsys)
    assert code == 1 and rep["findings"]  # without the baseline the seed fails
    code, rep = _check([*common, "--target", str(seed["mt"]), "--baseline", str(path)], capsys)
    assert code == 0
    assert rep["findings"] == []
    assert rep["summary"]["baseline"]["known"] == len(json.loads(path.read_text())["findings"]) > 0
    assert rep["summary"]["baseline"]["new"] == 0
    assert rep["summary"]["gate"]["passed"] is True


def test_one_new_error_fails_with_exactly_that_finding(seed_baseline, seed, tmp_path, capsys):
    path, common = seed_baseline
    lines = _lines(seed["mt"])
    lines[1] = lines[1].rstrip(".") + ", and warned against desinization."
    target = _write(tmp_path / "draft.en.txt", lines)
    code, rep = _check([*common, "--target", str(target), "--baseline", str(path)], capsys)
    assert code == 1
    assert [(f["check"], f["segment"], f["target_text"]) for f in rep["findings"]] == [
        ("terminology.forbidden", "2", "desinization")]
    assert rep["summary"]["findings"] == 1
    assert rep["summary"]["baseline"]["new"] == 1
    reasons = " ".join(rep["summary"]["gate"]["reasons"])
    assert "1 new finding" in reasons and "desinization" in reasons and "draft.en.txt:2" in reasons


def test_edits_elsewhere_keep_known_findings_known(seed_baseline, seed, tmp_path, capsys):
    """Insert a sentence pair at the top, reword a clean sentence, fix one error: nothing new."""
    path, common = seed_baseline
    zh, en = _lines(seed["zh"]), _lines(seed["mt"])
    zh.insert(0, "外交部发言人介绍了会见情况。")
    en.insert(0, "The Foreign Ministry spokesperson described the meeting.")
    assert "objectively and rationally" in en[6]
    en[6] = en[6].replace("objectively and rationally", "rationally and objectively")  # old line 6: clean
    en[1] = en[1].replace("Conference of Munich on security", "Munich Security Conference")  # fixed
    src = _write(tmp_path / "zh.txt", zh)
    tgt = _write(tmp_path / "en.txt", en)
    args = ["--glossary", common[1], "--source", str(src), "--target", str(tgt), "--baseline", str(path)]
    code, rep = _check(args, capsys)
    assert (code, rep["findings"]) == (0, [])
    assert rep["summary"]["baseline"]["fixed"] == 1


def test_changed_sentence_makes_its_finding_new(seed_baseline, seed, tmp_path, capsys):
    """The fingerprint holds the segment's content: the same error in a rewritten source sentence is new."""
    path, common = seed_baseline
    zh = _lines(seed["zh"])
    zh[17] = "双方还就热点问题交换了意见。"
    src = _write(tmp_path / "zh.txt", zh)
    code, rep = _check(["--glossary", common[1], "--source", str(src), "--target", str(seed["mt"]),
                        "--baseline", str(path)], capsys)
    assert code == 1
    new = [(f["check"], f["segment"], f["target_text"]) for f in rep["findings"]]
    assert ("terminology.forbidden", "18", "burning issues") in new
    assert {seg for _, seg, _ in new} == {"18"}  # nothing else became new


def _finding(seg: Segment, target_text: str = "risk reduction", check: str = "terminology.forbidden") -> Finding:
    return Finding(check, "terminology/wrong-term", Severity.MAJOR, seg.id, "m", seg.index, seg.doc,
                   None, (0, len(target_text)), None, target_text, context=segment_context(seg))


@pytest.mark.parametrize(("a", "b", "same"), [
    (Segment("1", "不要去风险。", "x"), Segment("9", "不要去风险。", "y", index=8, doc="other"), True),
    (Segment("1", "不要去风险。", "x"), Segment("1", " 不要去风险。 ", "x"), True),   # whitespace only
    (Segment("1", "不要去风险。", "x"), Segment("1", "不要去风险！", "x"), False),    # source edited
    (Segment("1", None, "We pursue risk reduction."), Segment("4", None, "we pursue  RISK reduction."), True),
    (Segment("1", None, "We pursue risk reduction."), Segment("1", None, "They pursue risk reduction."), False),
])
def test_fingerprint_depends_on_segment_content_only(a, b, same):
    assert (fingerprint(_finding(a)) == fingerprint(_finding(b))) is same


def test_fingerprint_separates_checks_and_spans():
    seg = Segment("1", "不要去风险。", "risk reduction and risk mitigation")
    fps = {fingerprint(_finding(seg)), fingerprint(_finding(seg, "risk mitigation")),
           fingerprint(_finding(seg, check="terminology.near-miss"))}
    assert len(fps) == 3


def test_repeated_finding_needs_as_many_baseline_entries():
    seg = Segment("1", "不要去风险。", "risk reduction")
    twice = [_finding(seg), _finding(Segment("2", "不要去风险。", "risk reduction", index=1))]
    accepted = baseline.loads(baseline.dumps(twice[:1]))
    parts = baseline.split(twice, accepted)
    assert (len(parts.known), len(parts.new), parts.fixed) == (1, 1, 0)
    assert baseline.split(twice[:1], baseline.loads(baseline.dumps(twice))).fixed == 1


def test_baseline_file_is_deterministic(seed_baseline, seed, tmp_path):
    path, common = seed_baseline
    again = tmp_path / "again.json"
    assert main(["baseline", "create", *common, "--target", str(seed["mt"]), "-o", str(again), "-q"]) == 0
    assert again.read_bytes() == path.read_bytes()
    data = json.loads(path.read_text())
    assert data["format"] == "termcheck-baseline" and data["version"] == 1
    assert {"fingerprint", "check", "severity", "segment", "target_text"} <= set(data["findings"][0])


@pytest.mark.parametrize(("text", "error"), [
    ("{not json", "invalid JSON"),
    ('{"format": "sarif"}', "not a termcheck baseline"),
    ('{"format": "termcheck-baseline", "version": 99, "findings": []}', "unsupported baseline version"),
    ('{"format": "termcheck-baseline", "version": 1}', "no \"findings\" list"),
    ('{"format": "termcheck-baseline", "version": 1, "findings": [{"check": "x"}]}', "has no \"fingerprint\""),
])
def test_bad_baseline_file_is_an_input_error(text, error):
    with pytest.raises(InputError, match=error):
        baseline.loads(text, "b.json")


@pytest.mark.parametrize("content", [None, "{broken"])
def test_bad_baseline_on_the_command_line_exits_2(tmp_path, seed, mini_glossary, capsys, content):
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content)
    code = main(["check", "--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target",
                 str(seed["mt"]), "--baseline", str(path), "-o", str(tmp_path / "out.json"), "--format", "json"])
    err = capsys.readouterr().err
    assert code == 2
    assert str(path) in err and err.count("\n") == 1
    assert not (tmp_path / "out.json").exists()


def test_json_report_carries_the_baseline_fingerprints(seed_baseline, seed, capsys):
    path, common = seed_baseline
    code, rep = _check([*common, "--target", str(seed["mt"])], capsys)
    assert code == 1
    accepted = [e["fingerprint"] for e in json.loads(path.read_text())["findings"]]
    assert [f["fingerprint"] for f in rep["findings"]] == accepted


def test_baseline_named_in_the_config_file(tmp_path, seed, mini_glossary, monkeypatch, capsys):
    """A team keeps `baseline = ...` in termcheck.toml: create writes it, check then uses it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "termcheck.toml").write_text('baseline = "termcheck-baseline.json"\n', encoding="utf-8")
    common = ["--glossary", str(mini_glossary), "--source", str(seed["zh"]), "--target", str(seed["mt"])]
    assert main(["baseline", "create", *common, "-q"]) == 0
    assert (tmp_path / "termcheck-baseline.json").exists()
    code, rep = _check(common, capsys)
    assert (code, rep["findings"]) == (0, [])
    assert rep["summary"]["baseline"]["known"] > 0
