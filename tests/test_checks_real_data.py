"""The accuracy and fluency checks on real UN text: quiet on the human reference (skipped without the data)."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

from termcheck.api import check
from termcheck.config import Config
from termcheck.glossary.model import Glossary
from termcheck.model import Segment, Severity

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "real-parallel"
CHECKS = ("accuracy.number", "accuracy.untranslated", "accuracy.language", "accuracy.omission",
          "accuracy.addition", "fluency.artifact", "fluency.punctuation")
N = 1000


def _segments(name: str, src: str, tgt: str) -> list[Segment]:
    path = DATA / name
    if not path.is_file():
        pytest.skip(f"{path} is not here")
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in islice(f, N)]
    return [Segment(str(i), r[src], r[tgt], i) for i, r in enumerate(rows, 1)]


def test_human_reference_is_quiet() -> None:
    segs = _segments("un-zh-en.ref.jsonl", "zh", "en")
    found = check(segs, glossary=Glossary([]), config=Config(select=CHECKS)).findings
    major = {f.segment for f in found if f.severity >= Severity.MAJOR}
    anything = {f.segment for f in found}
    assert len(major) / len(segs) <= 0.01, sorted(major)
    assert len(anything) / len(segs) <= 0.03


def test_deterministic_on_machine_translation() -> None:
    segs = _segments("un-zh-en.mt-opusmt.jsonl", "source", "result")[:300]
    cfg = Config(select=CHECKS)
    first = check(segs, glossary=Glossary([]), config=cfg).findings
    assert first == check(segs, glossary=Glossary([]), config=cfg).findings
