"""The JSON report: written finding by finding, yet exactly the bytes of one json.dumps."""

from __future__ import annotations

import io
import json

import pytest
from reportdata import sample

from termcheck.report.json import render, report_dict, write


@pytest.mark.parametrize("passed", [True, False])
def test_streamed_report_is_the_same_bytes_as_one_dump(passed: bool) -> None:
    rep = sample(passed=passed)
    whole = (json.dumps(report_dict(rep), ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")
    buf = io.BytesIO()
    write(rep, buf)
    assert buf.getvalue() == whole == render(rep)
    assert len(json.loads(whole)["findings"]) == len(rep.findings) > 0


def test_a_report_without_findings_has_an_empty_list() -> None:
    from dataclasses import replace

    rep = replace(sample(), findings=())
    assert json.loads(render(rep))["findings"] == []
    assert render(rep).endswith(b'"findings": []\n}\n')
