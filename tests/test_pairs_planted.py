"""Every supported pair: a planted wrong term and planted debris are found at their span, the correct
translation stays quiet (a glossary of our own holding the pair's languages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck.api import check
from termcheck.config import build
from termcheck.model import Segment

GLOSSARY = """\
id,zh,en,en_forbidden,fr,fr_forbidden,es,es_forbidden,ru,ru_forbidden,de,de_forbidden,zh_forbidden,severity,attestation
bri,一带一路,Belt and Road Initiative,"One Belt, One Road",initiative la Ceinture et la Route,"Une ceinture, une route",\
Iniciativa de la Franja y la Ruta,"Un cinturón, una ruta",инициатива «Пояс и путь»,"Один пояс, один путь",\
Initiative Belt and Road,"Ein Gürtel, eine Straße",一带一路战略,major,test data of our own
"""

# pair -> (source, correct target, target with the wrong rendering, the wrong rendering, target with debris, debris)
CASES = {
    "en-zh": ("China proposed the Belt and Road Initiative in 2013.", "中国于2013年提出一带一路倡议。",
              "中国于2013年提出一带一路战略。", "一带一路战略", None, None),
    "zh-fr": ("中国于2013年提出一带一路倡议。", "La Chine a proposé l'initiative la Ceinture et la Route en 2013.",
              "La Chine a proposé « Une ceinture, une route » en 2013.", "Une ceinture, une route",
              "La Chine a proposé l'initiative la Ceinture et la Route en 2013. .", ". ."),
    "zh-es": ("中国于2013年提出一带一路倡议。", "China propuso la Iniciativa de la Franja y la Ruta en 2013.",
              "China propuso «Un cinturón, una ruta» en 2013.", "Un cinturón, una ruta",
              "China propuso la Iniciativa de la Franja y la Ruta en 2013. .", ". ."),
    "zh-ru": ("中国于2013年提出一带一路倡议。", "Китай выдвинул инициативу «Пояс и путь» в 2013 году.",
              "Китай выдвинул «Один пояс, один путь» в 2013 году.", "Один пояс, один путь",
              "Китай выдвинул инициативу «Пояс и путь» в 2013 году. .", ". ."),
    "en-de": ("China proposed the Belt and Road Initiative in 2013.",
              "China hat 2013 die Initiative Belt and Road vorgeschlagen.",
              "China hat 2013 „Ein Gürtel, eine Straße“ vorgeschlagen.", "Ein Gürtel, eine Straße",
              "China hat 2013 die Initiative Belt and Road vorgeschlagen. .", ". ."),
    "en-fr": ("China proposed the Belt and Road Initiative in 2013.",
              "La Chine a proposé l'initiative la Ceinture et la Route en 2013.",
              "La Chine a proposé « Une ceinture, une route » en 2013.", "Une ceinture, une route",
              "La Chine a proposé l'initiative la Ceinture et la Route en 2013. .", ". ."),
}


@pytest.fixture(scope="module")
def glossary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("g") / "bri.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


def findings(pair: str, source: str, target: str, glossary: Path) -> list[tuple[str, str]]:
    src, tgt = pair.split("-")
    report = check([Segment("1", source, target, 0, "d", source_lang=src, target_lang=tgt)], glossary=[glossary],
                   config=build(select=("terminology", "fluency.artifact"), source_lang=src, target_lang=tgt))
    return [(f.check, target[f.target_span[0]:f.target_span[1]] if f.target_span else "") for f in report.findings]


@pytest.mark.parametrize("pair", sorted(CASES))
def test_correct_translation_is_quiet(pair: str, glossary: Path) -> None:
    source, correct, *_ = CASES[pair]
    assert findings(pair, source, correct, glossary) == []


@pytest.mark.parametrize("pair", sorted(CASES))
def test_wrong_term_is_found_at_its_span(pair: str, glossary: Path) -> None:
    source, _, wrong, rendering, *_ = CASES[pair]
    assert ("terminology.forbidden", rendering) in findings(pair, source, wrong, glossary)


@pytest.mark.parametrize("pair", sorted(p for p in CASES if CASES[p][4]))
def test_debris_is_found_at_its_span(pair: str, glossary: Path) -> None:
    source, *_, debris_target, debris = CASES[pair]
    found = findings(pair, source, debris_target, glossary)
    assert any(check == "fluency.artifact" and text.strip() == debris for check, text in found), found
