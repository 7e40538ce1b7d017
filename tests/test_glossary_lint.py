"""`termcheck glossary lint`: each rule fires on the broken row it is about, and only there."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from termcheck.cli import main
from termcheck.glossary.lint import RULES, lint

HEADER = ["id", "zh", "en", "en_admitted", "en_superseded", "en_forbidden", "en_forbidden_any", "severity",
          "domain", "note", "attestation", "test_zh", "test_en", "test_en_wrong"]

DERISK = {"id": "de-risking", "zh": "去风险", "en": "de-risking", "en_forbidden": "risk reduction",
          "attestation": "MFA readout, 2024-02-17", "test_zh": "不要以去风险为名搞脱钩。",
          "test_en": "Do not pursue decoupling in the name of de-risking.",
          "test_en_wrong": "Do not pursue decoupling in the name of risk reduction."}
DECOUPLE = {"id": "decoupling", "zh": "脱钩", "en": "decoupling", "en_admitted": "decouple",
            "en_forbidden": "unhooking", "attestation": "MFA readout, 2024-02-17", "test_zh": "反对脱钩断链。",
            "test_en": "We oppose decoupling.", "test_en_wrong": "We oppose unhooking."}
CHINA_US = {"id": "china-us", "zh": "中美", "en": "China-US", "en_admitted": "China and the United States",
            "attestation": "MFA readout, 2024-02-17", "test_zh": "中美双方同意。", "test_en": "China-US: both agreed."}
RELATIONS = {"id": "china-us-relations", "zh": "中美关系", "en": "China-US relations",
             "attestation": "MFA readout, 2024-02-17", "test_zh": "中美关系重要。", "test_en": "China-US relations matter."}


def write(tmp_path: Path, *rows: dict, name: str = "g.csv", header: list[str] = HEADER) -> Path:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([r.get(h, "") for h in header])
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def rules(tmp_path: Path, *rows: dict) -> set[tuple[str, str]]:
    return {(p.rule, p.entry) for p in lint([write(tmp_path, *rows)])}


def test_a_clean_glossary_has_no_problems(tmp_path: Path) -> None:
    assert lint([write(tmp_path, DERISK, DECOUPLE, CHINA_US, RELATIONS)]) == []


CASES = [
    ("missing attestation", [{**DERISK, "attestation": ""}], {("missing-attestation", "de-risking")}),
    ("no zh test sentence", [{**DERISK, "test_zh": ""}], {("missing-test", "de-risking")}),
    ("no en test sentence", [{**DERISK, "test_en": ""}], {("missing-test", "de-risking")}),
    ("test_zh without the term", [{**DERISK, "test_zh": "不要搞脱钩。"}], {("test-missing-form", "de-risking")}),
    ("test_en without the preferred rendering", [{**DERISK, "test_en": "Do not decouple."}],
     {("test-missing-preferred", "de-risking")}),
    ("test_en with a forbidden rendering", [{**DERISK, "test_en": "De-risking is not risk reduction."}],
     {("test-has-wrong", "de-risking")}),
    ("too many wrong sentences", [{**DERISK, "test_en_wrong": "risk reduction.|Risk reduction again."}],
     {("wrong-test-count", "de-risking")}),
    ("too few wrong sentences",
     [{**DERISK, "en_forbidden": "risk reduction|risk lowering", "test_en_wrong": "Risk reduction."}],
     {("wrong-test-count", "de-risking"), ("wrong-test-missing", "de-risking")}),
    ("no wrong sentence", [{**DERISK, "test_en_wrong": ""}], {("wrong-test-missing", "de-risking")}),
    ("wrong sentence without its rendering", [{**DERISK, "test_en_wrong": "Do not reduce risks."}],
     {("wrong-test-lacks-rendering", "de-risking")}),
    ("forbidden equal to preferred after normalization",
     [{**DERISK, "en_forbidden": "De-Risking", "test_en_wrong": "De-Risking is it."}],
     {("forbidden-equals-ok", "de-risking")}),
    ("one id twice", [DERISK, {**DECOUPLE, "id": "de-risking"}], {("duplicate-id", "de-risking")}),
    ("one Chinese form in two entries (Traditional too)", [DERISK, {**DECOUPLE, "zh": "脱钩|去風險"}],
     {("duplicate-form", "decoupling")}),
    ("correct in one entry, forbidden in another",
     [DERISK, {**DECOUPLE, "en_forbidden": "unhooking|de-risking",
               "test_en_wrong": "We oppose unhooking.|We oppose de-risking."}],
     {("status-conflict", "decoupling")}),
    ("correct in one entry, wrong in any context in another",
     [DERISK, {**DECOUPLE, "en_forbidden_any": "De-Risking", "test_en_wrong": "We oppose unhooking.|De-risking."}],
     {("any-context-conflict", "decoupling")}),
    ("correct in one entry, superseded in another", [DERISK, {**DECOUPLE, "en_superseded": "De-risk"}],
     {("superseded-conflict", "decoupling")}),
    ("same preferred rendering twice", [DERISK, {**DECOUPLE, "id": "derisk-2", "zh": "降风险", "en": "de-risking",
                                                 "en_admitted": "", "en_forbidden": "", "test_en_wrong": "",
                                                 "test_zh": "降风险。", "test_en": "De-risking."}],
     {("same-preferred", "derisk-2")}),
    ("form inside a longer form whose renderings do not build on it",
     [CHINA_US, {**RELATIONS, "en": "Sino-American ties", "test_en": "Sino-American ties matter."}],
     {("substring-form", "china-us-relations")}),
    ("a space inside a Chinese form", [{**DERISK, "zh": "去 风险"}],
     {("bad-character", "de-risking"), ("test-missing-form", "de-risking")}),
    ("a zero-width space in a rendering", [{**DERISK, "en_admitted": "de\u200brisking"}],
     {("bad-character", "de-risking")}),
    ("doubled spaces in a rendering", [{**DECOUPLE, "en_admitted": "de  couple"}], {("whitespace", "decoupling")}),
    ("trailing spaces in a cell", [{**DERISK, "note": "careful "}], {("whitespace", "de-risking")}),
    ("empty list item", [{**DECOUPLE, "en_admitted": "decouple||delink"}], {("whitespace", "decoupling")}),
    ("id not a slug", [{**DERISK, "id": "De Risking"}], {("id-format", "De Risking")}),
    ("Chinese in an English rendering", [{**DECOUPLE, "en_admitted": "decouple 脱钩"}], {("script", "decoupling")}),
    ("the same term twice", [{**DECOUPLE, "en_admitted": "decouple|Decouple"}], {("repeated-term", "decoupling")}),
]


@pytest.mark.parametrize(("name", "rows", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_rule_fires_on_its_problem(tmp_path: Path, name: str, rows: list[dict], expected: set) -> None:
    assert rules(tmp_path, *rows) == expected


def test_every_rule_is_exercised_by_a_case() -> None:
    covered = {rule for _, _, exp in CASES for rule, _ in exp}
    assert covered == set(RULES)


@pytest.mark.parametrize(("short", "long", "warn"), [
    ("中美", "中美关系", False),         # China-US relations builds on China-US
    ("七国集团", "七十七国集团", False),  # G7 is not a word inside G77: the segmenter does not split it there
])
def test_substring_forms_that_build_on_the_short_one_are_fine(tmp_path: Path, short: str, long: str,
                                                               warn: bool) -> None:
    a = {**CHINA_US, "zh": short, "test_zh": f"{short}。"}
    b = {**RELATIONS, "zh": long, "test_zh": f"{long}。"}
    if long == "七十七国集团":
        a |= {"id": "g7", "en": "G7", "en_admitted": "", "test_en": "G7."}
        b |= {"id": "g77", "en": "Group of 77", "test_en": "Group of 77."}
    found = {p.rule for p in lint([write(tmp_path, a, b)])}
    assert ("substring-form" in found) == warn


def test_problems_name_file_line_entry_and_rule(tmp_path: Path) -> None:
    path = write(tmp_path, DERISK, {**DECOUPLE, "attestation": ""})
    (p,) = lint([path])
    assert (p.file, p.line, p.entry, p.rule) == (str(path), 3, "decoupling", "missing-attestation")
    assert str(p).startswith(f"{path}:3: error[missing-attestation] decoupling: ")


def test_an_id_repeated_in_a_later_glossary_is_an_override_not_a_duplicate(tmp_path: Path) -> None:
    base = write(tmp_path, DERISK, DECOUPLE, name="base.csv")
    desk = write(tmp_path, {**DERISK, "en_admitted": "derisk"}, name="desk.csv")
    assert lint([base, desk]) == []
    folder = tmp_path / "folder"
    folder.mkdir()
    write(folder, DERISK, name="a.csv")
    write(folder, DERISK, name="b.csv")
    assert [(p.rule, p.file) for p in lint([folder])] == [("duplicate-id", str(folder / "b.csv"))]


def test_cross_entry_rules_see_the_merged_glossary(tmp_path: Path) -> None:
    # the later file replaces de-risking: the conflict of the earlier version is gone
    base = write(tmp_path, {**DERISK, "en_admitted": "unhooking"}, DECOUPLE, name="base.csv")
    desk = write(tmp_path, DERISK, name="desk.csv")
    assert {p.rule for p in lint([base])} == {"status-conflict"}
    assert [p.rule for p in lint([base, desk])] == []


def test_ignore_skips_rules(tmp_path: Path) -> None:
    path = write(tmp_path, {**DERISK, "attestation": "", "id": "De Risking"})
    assert {p.rule for p in lint([path], ignore={"id-format"})} == {"missing-attestation"}


def test_tbx_glossaries_are_linted_too(tmp_path: Path) -> None:
    from termcheck.glossary import tbx
    from termcheck.glossary.load import read_entries

    entries = read_entries(write(tmp_path, DERISK, {**DECOUPLE, "test_en_wrong": "We oppose it."}))
    path = tmp_path / "g.tbx"
    path.write_bytes(tbx.dump(entries, "2008"))
    line = next(i for i, x in enumerate(path.read_text().splitlines(), 1) if 'id="decoupling"' in x)
    (p,) = lint([path])
    assert (p.rule, p.entry, p.line) == ("wrong-test-lacks-rendering", "decoupling", line)


# ---------------------------------------------------------------- the command


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(["glossary", "lint", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    clean = write(tmp_path, DERISK, name="clean.csv")
    warn = write(tmp_path, {**DERISK, "id": "DeRisking"}, name="warn.csv")
    bad = write(tmp_path, {**DERISK, "attestation": ""}, name="bad.csv")
    broken = tmp_path / "broken.csv"
    broken.write_text("id,zh,en\nx,去风险\n", encoding="utf-8")
    assert run(capsys, str(clean)) == (0, "", "0 error(s), 0 warning(s)\n")
    code, out, _ = run(capsys, str(warn))
    assert code == 0 and "warning[id-format] DeRisking" in out
    assert run(capsys, "--strict", str(warn))[0] == 1
    code, out, _ = run(capsys, str(bad))
    assert code == 1 and out == f"{bad}:2: error[missing-attestation] de-risking: no attestation: name the " \
                                "official publication and date\n"
    code, out, err = run(capsys, str(broken))
    assert code == 2 and out == "" and f"{broken}:2: row has 2 fields, header has 3" in err
    assert run(capsys, "--ignore", "no-such-rule", str(clean))[0] == 2


def test_cli_json_and_glossary_option(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = write(tmp_path, {**DERISK, "attestation": ""})
    code, out, _ = run(capsys, "--format", "json", "--glossary", str(bad))
    assert code == 1
    assert json.loads(out) == [{"file": str(bad), "line": 2, "entry": "de-risking", "rule": "missing-attestation",
                                "level": "error", "message": "no attestation: name the official publication and date"}]


def test_kanji_in_a_japanese_rendering_are_no_script_problem(tmp_path: Path) -> None:
    header = [*HEADER, "ja", "attestation_ja", "test_ja"]
    japanese = {**DERISK, "ja": "デリスキング|リスク低減", "attestation_ja": "MOFA Japan, 2024-02-17",
                "test_ja": "デリスキングを進める。"}
    problems = lint([write(tmp_path, japanese, header=header)])
    assert ("script", "de-risking") not in {(p.rule, p.entry) for p in problems}
    chinese_in_english = {**japanese, "en_admitted": "de-risking 去风险"}
    problems = lint([write(tmp_path, chinese_in_english, header=header)])
    assert ("script", "de-risking") in {(p.rule, p.entry) for p in problems}
