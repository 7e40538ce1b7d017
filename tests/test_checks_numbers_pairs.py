"""accuracy.number in other pairs: each side read by its own language module, errors found at their span."""

from __future__ import annotations

import pytest

from termcheck.api import check
from termcheck.config import build
from termcheck.model import Segment

SRC_ZH = "投资总额达25亿美元。"
CASES = [
    ("zh", "fr", "2024年3月1日，中国经济增长3.7%。", "Le 1er mars 2024, l'économie chinoise a progressé de 3,7 %.", None),
    ("zh", "fr", "2024年3月1日，中国经济增长3.7%。", "Le 1er avril 2024, l'économie chinoise a progressé de 3,7 %.", "avril"),
    ("zh", "fr", SRC_ZH, "L'investissement total atteint 2 500 millions de dollars.", None),
    ("zh", "fr", SRC_ZH, "L'investissement total atteint 25 millions de dollars.", "25 millions"),
    ("zh", "es", SRC_ZH, "La inversión total asciende a 2.500 millones de dólares.", None),
    ("zh", "es", SRC_ZH, "La inversión total asciende a 250 millones de dólares.", "250 millones"),
    ("zh", "ru", SRC_ZH, "Общий объем инвестиций достиг 2,5 миллиарда долларов.", None),
    ("zh", "ru", SRC_ZH, "Общий объем инвестиций достиг 2,5 миллиона долларов.", "2,5 миллиона"),
    ("en", "de", "The investment reached 1,234 million dollars on 1 March 2024.",
     "Die Investition erreichte am 1. März 2024 1.234 Millionen Dollar.", None),
    ("en", "de", "The investment reached 1,234 million dollars on 1 March 2024.",
     "Die Investition erreichte am 1. Mai 2024 1.234 Millionen Dollar.", "Mai"),
    ("en", "fr", "Growth was 3.7 percent in 2023.", "La croissance a été de 3,7 % en 2023.", None),
    ("en", "fr", "Growth was 3.7 percent in 2023.", "La croissance a été de 7,3 % en 2023.", "7,3 %"),
]


@pytest.mark.parametrize(("src", "tgt", "source", "target", "flagged"), CASES)
def test_numbers_and_dates_in_other_pairs(src: str, tgt: str, source: str, target: str, flagged: str | None) -> None:
    report = check([Segment("1", source, target, 0, "d", source_lang=src, target_lang=tgt)],
                   config=build(select=("accuracy.number",), source_lang=src, target_lang=tgt))
    major = [f.target_text for f in report.findings if str(f.severity) == "major"]
    assert major == ([flagged] if flagged else [])
    if flagged:
        f = next(f for f in report.findings if f.target_text == flagged)
        assert target[f.target_span[0]:f.target_span[1]] == flagged


def test_a_language_without_a_number_reader_is_not_judged() -> None:
    report = check([Segment("1", SRC_ZH, "Investimento totale di 25 milioni di dollari.", 0, "d", target_lang="it")],
                   config=build(select=("accuracy.number",), target_lang="it"))
    assert report.findings == ()
