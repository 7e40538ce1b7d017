"""The JSON report: written finding by finding, yet exactly the bytes of one json.dumps."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportdata import sample

from termcheck.report.json import indented, render, report_dict, write


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


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                     st.text(max_size=12))
_PLAIN = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.tuples(inner, inner),
    st.dictionaries(st.one_of(st.text(max_size=6), st.integers()), inner, max_size=4)), max_leaves=20)


@settings(max_examples=400, deadline=None)
@given(_PLAIN, st.integers(min_value=0, max_value=3))
def test_a_finding_is_written_as_the_json_module_writes_it(value: object, level: int) -> None:
    """Findings are encoded by termcheck's own indenting writer: the same text as json.dumps(indent=2)."""
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
    assert indented(value, level) == expected
