"""One glossary as CSV, TBX 2008 and TBX 2019 gives identical findings on the seed readout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termcheck.cli import main
from termcheck.glossary.load import bundled_path

DATA = Path(__file__).resolve().parent / "data"


def glossaries() -> list[Path]:
    return [DATA / "seed-mini.csv", bundled_path()]


def check(seed: dict[str, Path], glossary: Path, out: Path) -> dict:
    # only the glossary's checks: the others do not read it, and would only make the test slow
    code = main(["check", "--glossary", str(glossary), "--source", str(seed["zh"]), "--target", str(seed["mt"]),
                 "--select", "terminology", "--format", "json", "--output", str(out)])
    assert code in (0, 1)
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("glossary", glossaries(), ids=lambda p: p.name)
def test_every_format_gives_the_same_findings(tmp_path: Path, seed: dict[str, Path], glossary: Path,
                                              capsys: pytest.CaptureFixture) -> None:
    base = check(seed, glossary, tmp_path / "base.json")
    assert base["findings"], "the seed must draw findings, or the comparison proves nothing"
    for name, extra in [("g2008.tbx", ["--tbx-version", "2008"]), ("g2019.tbx", ["--tbx-version", "2019"])]:
        converted = tmp_path / name
        assert main(["glossary", "convert", str(glossary), str(converted), *extra]) == 0
        got = check(seed, converted, tmp_path / f"{name}.json")
        assert got["findings"] == base["findings"], name
        assert got["summary"] == base["summary"], name
        assert got["signature"]["glossary_hash"] == base["signature"]["glossary_hash"], name
    capsys.readouterr()
