"""The pipeline: batches of segments -> term matching (once per batch) -> checks -> report."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from termcheck import __version__
from termcheck.checks import Batch, Check, select
from termcheck.config import Config
from termcheck.glossary.match import Matcher
from termcheck.glossary.model import Glossary
from termcheck.metrics import Metric, metric_factories
from termcheck.model import Finding, Segment
from termcheck.report.model import Report, summarize

FLAGGED_ONLY_AFTER = 20_000


def batches(segments: Iterable[Segment], size: int) -> Iterator[list[Segment]]:
    it = iter(segments)
    while chunk := list(islice(it, size)):
        yield chunk


class Run:
    """One run: the glossary, its matcher, the selected checks and metrics, and their state."""

    def __init__(self, glossary: Glossary, config: Config, glossary_name: str = "custom") -> None:
        self.glossary = glossary
        self.glossary_name = glossary_name
        self.config = config
        self.matcher = Matcher(glossary, config.source_lang, config.target_lang)
        self.check_classes = select(config.select, config.ignore)
        self._selected = {c.id for c in self.check_classes}
        self.checks: list[Check] = [
            cls(self, config.options.get(cls.id, {}), config.severity.get(cls.id)) for cls in self.check_classes
        ]
        self.metrics: list[Metric] = [make(self) for make in metric_factories()]

    def is_selected(self, check_id: str) -> bool:
        return check_id in self._selected

    def check_options(self, check_id: str) -> Mapping[str, Any]:
        cls = next((c for c in self.check_classes if c.id == check_id), None)
        return {**(cls.options if cls else {}), **self.config.options.get(check_id, {})}

    def signature(self) -> dict[str, Any]:
        """Everything needed to reproduce the numbers, as fields and as one line."""
        opts = {c.id: dict(c.opts) for c in self.checks if c.opts}
        sev = {k: str(v) for k, v in sorted(self.config.severity.items())}
        opt_hash = hashlib.sha256(json.dumps([opts, sev], sort_keys=True, default=str).encode()).hexdigest()[:8]
        fields = {
            "version": __version__,
            "glossary": self.glossary_name,
            "glossary_hash": self.glossary.digest,
            "glossary_entries": len(self.glossary),
            "pair": f"{self.config.source_lang}-{self.config.target_lang}",
            "checks": sorted(self._selected),
            "options_hash": opt_hash,
            "fail_on": str(self.config.fail_on) if self.config.fail_on is not None else "never",
        }
        sel = ",".join(self.config.select) if self.config.select != ("",) else "all"
        ign = ",".join(self.config.ignore) or "none"
        fields["text"] = (f"termcheck:{__version__}|glossary:{self.glossary_name}@{self.glossary.digest}"
                          f"({len(self.glossary)})|pair:{fields['pair']}|select:{sel}|ignore:{ign}"
                          f"|options:{opt_hash}|fail-on:{fields['fail_on']}")
        return fields

    def execute(self, segments: Iterable[Segment], *, keep_segments: bool | str = False,
                progress: Callable[[int], None] | None = None) -> Report:
        """Run every selected check over the segments, batch by batch.

        `keep_segments`: True or "all" keeps every segment in the report; "flagged" keeps every
        segment of a small run but, past FLAGGED_ONLY_AFTER segments, only those with a finding
        (memory stays flat on archives); False or "none" keeps none.
        """
        keep = {True: "all", False: "none"}.get(keep_segments, keep_segments)  # type: ignore[call-overload]
        findings: list[Finding] = []
        kept: list[Segment] = []
        docs: set[str] = set()
        n = 0
        for chunk in batches(segments, self.config.batch_size):
            batch = Batch(chunk)
            for check in self.checks:
                findings.extend(check.check_batch(batch))
            for metric in self.metrics:
                metric.observe(batch)
            n += len(chunk)
            docs.update(s.doc for s in chunk)
            if keep == "all":
                kept.extend(chunk)
            elif keep == "flagged":
                # small runs keep everything (corpus-level findings come at the end); past
                # FLAGGED_ONLY_AFTER segments only those with a finding stay
                kept.extend(chunk)
                if len(kept) > FLAGGED_ONLY_AFTER:
                    flagged = {f.index for f in findings}
                    kept = [s for s in kept if s.index in flagged]
            if progress is not None:
                progress(len(chunk))
        for check in self.checks:
            findings.extend(check.finish())
        findings.sort(key=Finding.sort_key)
        metrics: dict[str, Any] = {}
        for metric in self.metrics:
            metrics.update(metric.result(findings))
        return Report(
            version=__version__,
            signature=self.signature(),
            summary=summarize(findings, n, docs),
            metrics=metrics,
            findings=tuple(findings),
            segments=tuple(kept),
            checks=tuple({"id": c.id, "category": c.category, "severity": str(c.severity),
                          "title": c.info().title} for c in self.check_classes),
        )
