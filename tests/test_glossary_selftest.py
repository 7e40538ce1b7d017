"""The glossary self-test: it passes good entries and names the entry and the reason for bad ones."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from termcheck import selftest
from termcheck.cli import main
from termcheck.glossary.load import load

HEADER = ["id", "zh", "en", "en_admitted", "en_forbidden", "en_forbidden_any", "severity", "attestation",
          "test_zh", "test_en", "test_en_wrong"]

DERISK = {"id": "de-risking", "zh": "去风险", "en": "de-risking", "en_forbidden": "risk reduction",
          "en_forbidden_any": "derisquing", "attestation": "MFA readout, 2024-02-17",
          "test_zh": "不要以去风险为名搞脱钩。", "test_en": "Do not pursue decoupling in the name of de-risking.",
          "test_en_wrong": "Do not pursue decoupling in the name of risk reduction.|Derisquing is no answer."}
REGION = {"id": "taiwan-region", "zh": "台湾地区", "en": "Taiwan region", "en_forbidden": "Taiwan country",
          "attestation": "MFA press conference, 2024", "test_zh": "台湾地区是中国的一部分。",
          "test_en": "The Taiwan region is part of China.", "test_en_wrong": "The Taiwan country is part of China."}
ELECTION = {"id": "taiwan-region-election", "zh": "台湾地区的选举", "en": "elections in the Taiwan region",
            "attestation": "MFA press conference, 2024", "test_zh": "台湾地区的选举是中国的地方事务。",
            "test_en": "The elections in the Taiwan region are a local affair of China."}


def write(tmp_path: Path, *rows: dict) -> Path:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER)
    for r in rows:
        w.writerow([r.get(h, "") for h in HEADER])
    path = tmp_path / "g.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def failures(tmp_path: Path, *rows: dict) -> list[tuple[str, str, str]]:
    result = selftest.run(load([write(tmp_path, *rows)]))
    return [(f.entry, f.kind, f.message) for f in result.failures]


def test_good_entries_pass_and_every_sentence_is_run(tmp_path: Path) -> None:
    result = selftest.run(load([write(tmp_path, DERISK, REGION)]))
    assert result.ok, result.failures
    # de-risking: correct, Traditional, 2 wrong with source, 1 any-context without; region: correct, trad., wrong
    assert (result.entries, result.cases) == (2, 8)


def test_every_other_form_is_tried_in_the_test_sentence(tmp_path: Path) -> None:
    # 中美 inside 中美合作 is one word to the segmenter: the short form is not recognized there
    row = {"id": "china-us", "zh": "中美两国|中美", "en": "China and the United States",
           "attestation": "MFA readout, 2024", "test_zh": "中美两国合作。",
           "test_en": "China and the United States cooperate."}
    found = failures(tmp_path, row)
    assert [(e, k) for e, k, _ in found] == [("china-us", "form")]
    assert "source '中美合作。'" in found[0][2] and "inside a longer word" in found[0][2]
    row = {**REGION, "zh": "台湾地区|台澎金马地区"}
    assert failures(tmp_path, row) == []
    assert selftest.run(load([write(tmp_path, row)])).cases == 4


CASES = [
    ("correct sentence uses a wrong rendering", {**DERISK, "test_en": "Not risk reduction but de-risking."},
     "correct", "terminology.forbidden"),
    ("correct sentence lacks every correct rendering", {**DERISK, "test_en": "Do not pursue decoupling."},
     "correct", "terminology.missing on 'Do not pursue decoupling.'"),
    ("source sentence lacks the term", {**DERISK, "test_zh": "不要搞脱钩。"}, "correct", "holds none of the entry's forms"),
    ("wrong sentence lacks its rendering",
     {**DERISK, "test_en_wrong": "Do not decouple.|Derisquing is no answer."}, "wrong", "is not flagged"),
    ("an entry without tests", {**DERISK, "test_zh": "", "test_en": "", "test_en_wrong": ""}, "correct",
     "the entry is untested"),
    ("a forbidden rendering without its wrong sentence", {**DERISK, "test_en_wrong": "risk reduction."},
     "wrong", "'derisquing' has no wrong sentence"),
]


@pytest.mark.parametrize(("name", "row", "kind", "message"), CASES, ids=[c[0] for c in CASES])
def test_a_broken_entry_fails_with_its_id_and_reason(tmp_path: Path, name: str, row: dict, kind: str,
                                                     message: str) -> None:
    found = failures(tmp_path, row, REGION)
    assert found, "the broken entry passed"
    assert {e for e, _, _ in found} == {"de-risking"}
    assert any(k == kind and message in m for _, k, m in found), found


def test_a_longer_term_of_another_entry_swallowing_the_match_fails(tmp_path: Path) -> None:
    # alone, taiwan-region passes; with the whole glossary its test sentence is matched as the election entry
    region = {**REGION, "test_zh": "台湾地区的选举是中国的地方事务。"}
    assert failures(tmp_path, region) == []
    found = failures(tmp_path, region, ELECTION)
    assert {e for e, _, _ in found} == {"taiwan-region"}
    assert {k for _, k, _ in found} == {"correct", "traditional"}  # the wrong sentence's identical report is merged
    assert all("is swallowed by the longer" in m and "of entry 'taiwan-region-election'" in m for _, _, m in found)


def test_failures_point_at_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, REGION, {**DERISK, "test_en": "Do not decouple."})
    (f,) = selftest.run(load([path])).failures
    assert str(f).startswith(f"{path}:3: de-risking: correct: ")


def test_cli_prints_failures_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    good = write(tmp_path, DERISK)
    assert main(["glossary", "test", "--glossary", str(good)]) == 0
    out = capsys.readouterr()
    assert out.out == "" and out.err == "1 entries, 5 test sentences: all pass\n"
    bad = write(tmp_path, {**DERISK, "test_en": "Do not decouple."})
    assert main(["glossary", "test", "--glossary", str(bad)]) == 1
    out = capsys.readouterr()
    assert out.out.startswith(f"{bad}:2: de-risking: correct: terminology.missing on 'Do not decouple.'")
    assert "1 failure(s) in 1 entries" in out.err
