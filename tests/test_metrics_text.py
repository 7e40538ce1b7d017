"""The terminal report shows the metrics: term accuracy, the MQM score, reference scores, the renderings table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from termcheck.report.metrics_text import MAX_TERMS, metric_lines


def plain(metrics: dict) -> list[str]:
    return [line.plain for line in metric_lines(metrics)]


def test_seed_run_prints_renderings_and_mqm_score(seed: dict, mini_glossary: Path) -> None:
    p = subprocess.run([sys.executable, "-m", "termcheck", "check", "--glossary", str(mini_glossary), "--source",
                        str(seed["zh"]), "--target", str(seed["mt"]), "--reference", str(seed["ref"])],
                       capture_output=True, text=True)
    assert p.returncode == 1, p.stderr
    out = p.stdout
    assert "MQM        score " in out and "per 1,000 words" in out
    assert "reference  BLEU 52.72   chrF++ 73.32   TER 34.20" in out
    assert "Renderings" in out
    line = next(x for x in out.splitlines() if x.strip().startswith("去风险 de-risking"))
    assert "risk reduction 1 (forbidden: segment 10)" in line
    assert "mqm|penalty:info=0,minor=1,major=5,critical=25" in out


def test_renderings_lines() -> None:
    rows = [
        {"term": "de-risking", "source": "去风险", "rendering": "de-risking", "status": "preferred", "count": 14,
         "share": 82.35, "segments": ["1", "2", "3"]},
        {"term": "de-risking", "source": "去风险", "rendering": "risk reduction", "status": "forbidden", "count": 2,
         "share": 11.76, "segments": ["4", "9"]},
        {"term": "de-risking", "source": "去风险", "rendering": None, "status": "other", "count": 1,
         "share": 5.88, "segments": ["12"]},
    ]
    lines = plain({"renderings": rows})
    assert lines[1].strip() == ("去风险 de-risking  de-risking 14 (preferred) · risk reduction 2 (forbidden: segment "
                                "4, 9) · other 1 (segment 12)")


def test_terms_with_problems_come_first_and_the_list_is_capped() -> None:
    rows = [{"term": f"t{i:02}", "source": "词", "rendering": "x", "status": "preferred", "count": 5,
             "share": 100.0, "segments": []} for i in range(MAX_TERMS + 3)]
    rows.append({"term": "zz", "source": "错", "rendering": "bad", "status": "forbidden", "count": 1, "share": 100.0,
                 "segments": ["7"]})
    lines = plain({"renderings": rows})
    assert lines[1].strip().startswith("错 zz")
    assert lines[-1].strip() == "… and 4 more terms (all of them with --format json or --breakdowns DIR)"


def test_no_metrics_no_lines() -> None:
    assert plain({}) == []
    assert plain({"terms": {"source_terms": 0}}) == []
