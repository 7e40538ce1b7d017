"""Untranslated text and punctuation on human translations in other pairs: tatoeba (both ways) and the UN
sample read as en->zh stay quiet at major severity (skipped without the shared data)."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

from termcheck.api import check
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.lang.codes import resolve
from termcheck.model import Segment, Severity

DATA = next((p / "shared" / "real-parallel" for p in Path(__file__).resolve().parents
             if (p / "shared" / "real-parallel").is_dir()), Path("/nonexistent"))
CHECKS = ("accuracy.untranslated", "fluency.punctuation")
# pairs the tatoeba README names as wrong or loose translations: a finding on them would be right
WRONG = {"Salut", "Are you listening?", "He can do it better than me.", "They climbed Mt. Fuji last week.",
         "Warum nehmen die Tom?", "Too late! Tom has already left.", "I have just one thing to ask of you.",
         "Por favor no ponga eso en la mesa.", "No dejó de llover toda la noche.",
         "Compré el libro por doscientos yenes."}


def _major_share(segs: list[Segment]) -> tuple[float, list[str]]:
    rep = check(segs, glossary=Glossary([]), config=Config(select=CHECKS))
    bad = [f for f in rep.findings if f.severity >= Severity.MAJOR]
    return len({f.segment for f in bad}) / len(segs), [f"{f.target_text}: {f.message}" for f in bad]


@pytest.mark.parametrize("name", ["fra-zho", "eng-zho", "deu-eng", "eng-fra", "rus-zho", "spa-zho"])
@pytest.mark.parametrize("reverse", [False, True])
def test_tatoeba_quiet(name, reverse):
    path = DATA / "tatoeba" / f"{name}.tsv"
    if not path.is_file():
        pytest.skip(f"{path} is not here")
    a, b = (resolve(c) for c in name.split("-"))
    rows = [r for r in (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:])
            if len(r) == 4 and r[2] not in WRONG]
    if reverse:
        a, b, rows = b, a, [[r[1], r[0], r[3], r[2]] for r in rows]
    segs = [Segment(str(i), r[2], r[3], i, source_lang=a, target_lang=b) for i, r in enumerate(rows, 1)]
    share, shown = _major_share(segs)
    assert share <= 0.005, shown[:10]


def test_un_as_en_zh_quiet():
    path = DATA / "un-zh-en.ref.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not here")
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in islice(f, 2500)]
    segs = [Segment(str(i), r["en"], r["zh"], i, source_lang="en", target_lang="zh") for i, r in enumerate(rows, 1)]
    share, shown = _major_share(segs)
    assert share <= 0.005, shown[:10]
