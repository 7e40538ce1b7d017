"""Run configuration: which checks, their severities and options, the gate policy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from termcheck.model import Severity


@dataclass(frozen=True)
class Config:
    """Everything that changes what a run reports (and so goes into the signature)."""

    select: tuple[str, ...] = ("",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    fail_on: Severity = Severity.MAJOR
    source_lang: str = "zh"
    target_lang: str = "en"
    batch_size: int = 2000
