"""`termcheck glossary show`: find an entry by id, Chinese form or rendering, and show all about it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termcheck.cli import main
from termcheck.glossary.load import load
from termcheck.glossary.show import find

MINI = Path(__file__).resolve().parent / "data" / "seed-mini.csv"


@pytest.mark.parametrize(("query", "how", "ids"), [
    ("de-risking", "id", ["de-risking"]),
    ("去风险", "exact", ["de-risking"]),
    ("去風險", "exact", ["de-risking"]),                   # Traditional characters
    ("台独", "exact", ["taiwan-independence"]),             # a short form
    ("Risk Reductions", "exact", ["de-risking"]),           # a forbidden rendering, case and plural folded
    ("China-U.S. relations", "exact", ["china-us-relations"]),
    ("desinization", "exact", ["de-sinicization"]),         # wrong in any context
    ("Sino-US relations", "exact", ["china-us-relations"]),  # superseded
    ("我们反对台独。", "partial", ["taiwan-independence"]),   # a pasted sentence holding the term
    ("Munich Conference", "partial", ["munich-security-conference"]),
    ("中国", "partial", ["de-sinicization"]),               # inside a longer form
])
def test_find(query: str, how: str, ids: list[str]) -> None:
    found = find(load([MINI]), query)
    assert [m.entry.id for m in found] == ids
    assert {m.how for m in found} == {how}


@pytest.mark.parametrize("query", ["xyzzy", "", "   ", "美国"])
def test_find_nothing(query: str) -> None:
    assert find(load([MINI]), query) == []


def test_cli_json(capsys: pytest.CaptureFixture) -> None:
    assert main(["glossary", "show", "risk reduction", "--glossary", str(MINI), "--format", "json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["id"] == "de-risking" and entry["file"] == str(MINI) and entry["line"] == 6
    assert entry["matched"] == {"how": "exact", "text": "risk reduction", "lang": "en", "status": "forbidden"}
    assert [(t["text"], t["status"]) for t in entry["terms"]] == [
        ("去风险", "preferred"), ("de-risking", "preferred"), ("risk reduction", "forbidden")]
    assert entry["terms"][2]["examples"] == ["Do not pursue decoupling in the name of risk reduction."]
    assert entry["attestation"] == "MFA readout, 2024-02-17" and entry["severity"] == "major"


def test_cli_terminal_shows_everything(capsys: pytest.CaptureFixture) -> None:
    assert main(["glossary", "show", "去風險", "--glossary", str(MINI)]) == 0
    out = capsys.readouterr().out
    for expected in [f"de-risking  {MINI}:6", "去风险", "Traditional 去風險", "de-risking", "preferred",
                     "risk reduction", "forbidden (for this source term)", "severity  major", "domains   china-us",
                     "attested  MFA readout, 2024-02-17", "✓ zh  不要以去风险为名搞脱钩。",
                     "✗ en  Do not pursue decoupling in the name of risk reduction.  (risk reduction)"]:
        assert expected in out
    assert not any(line != line.rstrip() for line in out.splitlines())


def test_cli_not_found_exits_1_with_suggestions(capsys: pytest.CaptureFixture) -> None:
    assert main(["glossary", "show", "de-riskin", "--glossary", str(MINI)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("no glossary entry for 'de-riskin'; did you mean: de-risking")
