"""The per-segment table: every metric's per-segment columns side by side (`metrics["per_segment"]`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from termcheck.model import Finding


def segment_table(metrics: Sequence[Any], findings: Sequence[Finding]) -> dict[str, Any]:
    """The columns of the metrics that offer `segment_columns`, segment and doc first.

    Every such metric appends exactly one value per observed segment, so the columns line up.
    """
    columns: dict[str, list[Any]] = {}
    for metric in metrics:
        if hasattr(metric, "segment_columns"):
            columns.update(metric.segment_columns(findings))
    first = [k for k in ("segment", "doc") if k in columns]
    columns = {k: columns[k] for k in first + [k for k in columns if k not in first]}
    lengths = {len(v) for v in columns.values()}
    if len(lengths) > 1:
        raise AssertionError(f"per-segment columns of different lengths: {sorted(lengths)}")
    return {"per_segment": columns} if columns and lengths != {0} else {}
