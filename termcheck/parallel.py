"""Checking batches in parallel: worker processes on this machine (`--jobs N`) or a dask.distributed
cluster (`--dask ADDRESS`, `--dask local:N`).

Workers do what needs nothing of other batches (term matching and the batch-local checks, most of
the work, for the contents new to the run: what repeated ones gave comes with the batch, see
`termcheck.repetitions`); the main process feeds them batches in input order and takes the results
back in that order, and runs the corpus checks and metrics on them itself, so the report is
byte-identical to a run in one process. Each worker builds its glossary matcher once.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain
from typing import Any

from termcheck.config import Config
from termcheck.errors import ConfigError
from termcheck.glossary.model import Glossary
from termcheck.runner import Done, Result, Run, Stage, Work

_RUN: Run | None = None  # the worker's run (inherited when forked, else built by `_start`)
_RUNS: dict[str, Run] = {}  # dask workers: runs by the token of their glossary and config


def usable_cores() -> int:
    """The cores this process may use (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _start(args: tuple[Glossary, Config, str] | None) -> None:
    """A worker starts: Ctrl-C is the main process's to handle; the run is built unless inherited."""
    global _RUN
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if args is not None:
        _RUN = Run(*args)


def _analyse(work: Work) -> Done:
    assert _RUN is not None, "worker started without a run"
    return _RUN.done(work)


def _in_order(run: Run, first: list[Work], rest: Iterator[Work], submit: Callable[[Work], Any],
              window: int) -> Iterator[Result]:
    """Submit batches keeping at most `window` in flight; yield results in submission order, each made here of
    the work sent and what came back (`Run.result`)."""
    pending: deque[tuple[Work, Any]] = deque()
    for chunk in chain(first, rest):
        pending.append((chunk, submit(chunk)))
        if len(pending) >= window:
            work, future = pending.popleft()
            yield run.result(work, future.result())
    while pending:
        work, future = pending.popleft()
        yield run.result(work, future.result())


def _peek(chunks: Iterator[Work]) -> list[Work]:
    """The first two batches: a run of one batch is not worth starting workers for."""
    return [c for c in (next(chunks, None), next(chunks, None)) if c is not None]


def process_stage(run: Run, jobs: int) -> Stage:
    """Analyse batches in `jobs` worker processes (forked from this one where that is safe, so the
    matcher built here is shared; else started fresh and built once in each)."""

    def stage(chunks: Iterator[Work]) -> Iterator[Result]:
        global _RUN
        first = _peek(chunks)
        if len(first) < 2 or jobs < 2:
            yield from map(run.analyse, chain(first, chunks))
            return
        # what the run loads lazily is loaded here once and forked workers inherit it; every batch then goes
        # to a worker (checking the whole first batch here left the workers idle meanwhile)
        run.warm_up(first[0])
        fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
        context = multiprocessing.get_context("fork" if fork else "forkserver" if os.name == "posix" else "spawn")
        if fork:
            _RUN = run  # the forked workers inherit it
            # what is loaded so far (dictionaries, matcher) moves out of the collector's reach: a collection in a
            # worker would otherwise write to every object's header and copy the pages it shares with this process
            gc.collect()
            gc.freeze()
        args = None if fork else (run.glossary, run.config, run.glossary_name)
        try:
            with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(args,)) as pool:
                def submit(work: Work) -> Future[Done]:
                    return pool.submit(_analyse, work)

                yield from _in_order(run, first, chunks, submit, 2 * jobs)
        finally:
            _RUN = None
            if fork:
                gc.unfreeze()

    return stage


def _dask_analyse(payload: tuple[str, Glossary, Config, str], work: Work) -> Done:
    """On a dask worker: analyse one batch with the run of this glossary and config (built once)."""
    token, glossary, config, name = payload
    run = _RUNS.get(token)
    if run is None:
        _RUNS.clear()
        run = _RUNS[token] = Run(glossary, config, name)
    return run.done(work)


def dask_stage(run: Run, address: str) -> Stage:
    """Analyse batches on a dask.distributed cluster: `tcp://host:8786` (a running scheduler) or
    `local:N` (a LocalCluster of N worker processes on this machine). Needs `termcheck[dask]`."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError('--dask needs the dask extra: pip install "termcheck[dask]"') from None
    local = address.startswith("local:")
    if local:
        try:
            workers = int(address.split(":", 1)[1])
        except ValueError:
            workers = 0
        if workers < 1:
            raise ConfigError(f"--dask {address}: give local:N with N at least 1 (e.g. local:2)")

    def stage(chunks: Iterator[Work]) -> Iterator[Result]:
        import hashlib

        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address="127.0.0.1:0", silence_logs=50) if local else None
        try:
            client = Client(cluster if cluster is not None else address, timeout="30s")
        except OSError as e:
            if cluster is not None:
                cluster.close()
            raise ConfigError(f"--dask {address}: cannot reach the scheduler ({e})") from None
        try:
            token = hashlib.sha256(repr((run.glossary.digest, run.config, run.glossary_name)).encode()).hexdigest()
            [payload] = client.scatter([(token, run.glossary, run.config, run.glossary_name)], broadcast=True)
            window = 2 * max(1, len(client.scheduler_info().get("workers", {})))

            def submit(work: Work) -> Any:
                return client.submit(_dask_analyse, payload, work, pure=False)

            yield from _in_order(run, [], chunks, submit, window)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return stage
