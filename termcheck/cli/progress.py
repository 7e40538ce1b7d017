"""Progress on stderr for long runs (a rich bar, only on a terminal) and the one-line status after a run."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO

from termcheck.report.model import Report


def interactive(stream: IO[str] | None = None) -> bool:
    """Whether `stream` (default stderr) is a terminal a person watches."""
    stream = stream if stream is not None else sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)())


@contextmanager
def bar(enabled: bool, *, delay: float = 0.5, stream: IO[str] | None = None) -> Iterator[Callable[[int], None]]:
    """Yield `tick(n_segments)`; a transient bar appears once the run has lasted `delay` seconds.

    Short runs print nothing; nothing at all is printed when `enabled` is false (not a terminal,
    or --quiet). Colors follow NO_COLOR.
    """
    if not enabled:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(file=stream if stream is not None else sys.stderr, no_color="NO_COLOR" in os.environ,
                      stderr=stream is None)
    progress = Progress(SpinnerColumn(), TextColumn("checking"), BarColumn(),
                        TextColumn("{task.completed:,} segments"), TextColumn("{task.fields[rate]}"),
                        TimeElapsedColumn(), console=console, transient=True)
    task = progress.add_task("check", total=None, rate="")
    start = time.monotonic()
    done = 0
    # the bar shows only once the run has lasted `delay` seconds: short runs print nothing
    timer = threading.Timer(delay, progress.start)
    timer.daemon = True
    timer.start()

    def tick(n: int) -> None:
        nonlocal done
        done += n
        elapsed = time.monotonic() - start
        progress.update(task, completed=done, rate=f"{done / elapsed:,.0f}/s" if elapsed > 0 else "")

    try:
        yield tick
    finally:
        timer.cancel()
        timer.join()
        if progress.live.is_started:
            progress.stop()


def status_line(report: Report, output: str) -> str:
    """What a run did, in one line for stderr when the report went to a file."""
    s = report.summary
    n = s.get("findings", 0)
    parts = [f"{n} finding{'s' if n != 1 else ''} in {s.get('segments', 0)} segments"]
    base = s.get("baseline")
    if isinstance(base, dict):
        parts.append(f"{base.get('known', 0)} known, accepted by the baseline")
    verdict = ""
    if report.gate is not None:
        verdict = "; gate passed" if report.gate.passed else "; gate FAILED: " + " ".join(report.gate.reasons)
    return f"termcheck: wrote {output} ({', '.join(parts)}){verdict}"
