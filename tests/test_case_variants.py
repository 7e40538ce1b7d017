"""Letters a case-insensitive pattern takes for ASCII ones without folding to them (dotless ı, long ſ, the
Kelvin sign) in a number word: read as the word, never a crash of the run."""

from __future__ import annotations

import json

import pytest

from termcheck import lang as langs
from termcheck.cli import main

CASES = [
    ("en", "They have two mıllion people.", 2_000_000),
    ("en", "ſeven of them came back.", 7),
    ("en", "A thırd of them left.", 1 / 3),
    ("de", "Es waren 3 Mıllionen.", 3_000_000),
    ("fr", "Il y avait 4 mıllions de personnes.", 4_000_000),
    ("es", "Hubo 5 mıllones de votos.", 5_000_000),
]


@pytest.mark.parametrize(("code", "text", "value"), CASES)
def test_number_words_with_case_variant_letters_are_read(code: str, text: str, value: float) -> None:
    found = langs.module(code).quantities(text)
    assert any(abs(q.value - value) < 1e-6 * max(1.0, value) for q in found), found


def test_a_target_with_a_dotless_i_is_checked_not_a_crash(tmp_path, capsys) -> None:
    src, tgt = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    src.write_text("他们有两百万人。\n", encoding="utf-8")
    tgt.write_text("They have two mıllion people.\n", encoding="utf-8")
    code = main(["check", "--no-config", "--source", str(src), "--target", str(tgt), "--format", "json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    # 两百万 is two million: the number is read as rendered, nothing to report
    assert [f["check"] for f in json.loads(out.out)["findings"]] == []
