"""Length models per pair: measured entries, reversal, conservative defaults, and human pairs within bounds."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from termcheck.lang import lengths

TATOEBA = Path(__file__).resolve().parents[1].parent / "shared" / "real-parallel" / "tatoeba"
if not TATOEBA.is_dir():  # a worktree: look further up
    TATOEBA = next((p / "shared" / "real-parallel" / "tatoeba" for p in Path(__file__).resolve().parents
                    if (p / "shared" / "real-parallel" / "tatoeba").is_dir()), TATOEBA)


@pytest.mark.parametrize(("src", "tgt", "data"), [
    ("zh", "en", "UN sample"), ("en", "zh", "UN sample"), ("zh-Hans", "fr-FR", "tatoeba"), ("zh", "es", "tatoeba"),
    ("zh", "ru", "tatoeba"), ("en", "de", "tatoeba"), ("en", "fr", "tatoeba"), ("de", "en", "tatoeba"),
    ("fr", "en", "tatoeba"), ("zh", "de", "default"), ("en", "ru", "default"), ("it", "pt", "default"),
])
def test_lookup(src, tgt, data):
    assert lengths.lookup(src, tgt).data == data


def test_directions_mirror():
    for (src, tgt), model in lengths.MEASURED.items():
        back = lengths.MEASURED.get((tgt, src))
        if back is not None:
            assert math.isclose(model.center, -back.center, abs_tol=1e-9)
    assert lengths.lookup("zh", "en").center > 0.8 > 0 > -0.8 > lengths.lookup("en", "zh").center


def test_defaults_are_wide():
    measured = max(m.sigma(40) for m in lengths.MEASURED.values())
    for pair in [("zh", "de"), ("ja", "en"), ("it", "fr"), ("ar", "ru")]:
        assert lengths.lookup(*pair).sigma(40) > measured


@pytest.mark.parametrize(("source", "target", "far"), [
    ("中国和美国进行了会谈。", "China and the United States held talks.", False),
    ("中国和美国进行了会谈。", "China.", True),
    ("中国和美国进行了会谈。", "China and the United States held talks on trade, climate, security, health, "
                            "education and culture for three days in Beijing.", True),
])
def test_z(source, target, far):
    assert (abs(lengths.lookup("zh", "en").z(source, target)) > 3) is far


@pytest.mark.skipif(not TATOEBA.is_dir(), reason="shared data not available")
@pytest.mark.parametrize("name", ["fra-zho", "spa-zho", "rus-zho", "deu-eng", "eng-fra"])
def test_human_pairs_within_bounds(name):
    from termcheck.lang.codes import resolve

    a, b = (resolve(c) for c in name.split("-"))
    rows = [line.split("\t") for line in (TATOEBA / f"{name}.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    zs = [lengths.lookup(a, b).z(r[2], r[3]) for r in rows if len(r) == 4]
    far = sum(1 for z in zs if z is not None and abs(z) > 4.5)
    assert far / len(zs) <= 0.005
