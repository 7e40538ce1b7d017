"""`--jobs N` and `--dask`: the same report, byte for byte, whoever checks the batches."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest

from termcheck import pipeline
from termcheck.checks.base import REGISTRY, Check, load_all
from termcheck.cli import main
from termcheck.config import build
from termcheck.glossary.load import load
from termcheck.model import Segment
from termcheck.report.json import render

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "readout-2024-02-16"


def corpus(n_docs: int = 6) -> list[Segment]:
    """The seed readout (machine translation, with its errors) as several documents, some sentences altered
    per document so that consistency findings differ between them."""
    zh = (SEED.with_suffix(".zh.txt")).read_text(encoding="utf-8").splitlines()
    en = Path(f"{SEED}.mt.lines.en.txt").read_text(encoding="utf-8").splitlines()
    out: list[Segment] = []
    for d in range(n_docs):
        for i, (s, t) in enumerate(zip(zh, en, strict=True)):
            if (i + d) % 5 == 0:
                t = t.replace("Taiwan independence", "the independence of Taiwan").replace("the the", "the")
            out.append(Segment(str(i + 1), s, t, len(out), f"doc{d}"))
    return out


def report_bytes(jobs: int = 1, dask: str | None = None) -> bytes:
    config = build(batch_size=7)  # many batches, documents cut across batch boundaries
    rep = pipeline.check(pipeline.Inputs(segments=corpus()), load(None), config, glossary_name="official",
                         jobs=jobs, dask=dask)
    return render(rep)


def test_jobs_2_gives_byte_identical_json() -> None:
    one = report_bytes(1)
    assert json.loads(one)["summary"]["findings"] > 50
    assert report_bytes(2) == one


# before the dask test, whose cluster leaves threads in this process
def test_an_error_in_a_worker_is_one_line_and_leaves_no_worker_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import multiprocessing
    import os
    import threading

    from termcheck.errors import ConfigError
    from termcheck.runner import Run

    parent, original = os.getpid(), Run.done

    def done(self: Run, work: object) -> object:
        if os.getpid() != parent:
            raise ConfigError("planted in a worker")
        return original(self, work)  # type: ignore[arg-type]

    if threading.active_count() > 1:  # a dask cluster's threads: workers are not forked, and would not see the plant
        pytest.skip("workers are forked only from a process with one thread")
    monkeypatch.setattr(Run, "done", done)  # forked workers inherit it
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("\n".join(["source\ttarget"] + [f"{s.source}\t{s.target}" for s in corpus()]) + "\n",
                   encoding="utf-8")
    conf = tmp_path / "termcheck.toml"
    conf.write_text("batch-size = 10\n", encoding="utf-8")
    out = tmp_path / "r.json"
    code = main(["check", "-q", "--config", str(conf), str(tsv), "--jobs", "2", "--format", "json", "-o", str(out)])
    err = capsys.readouterr().err.splitlines()
    assert code == 2 and err == ["termcheck: error: planted in a worker"]
    assert not out.exists() and not multiprocessing.active_children()


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="needs termcheck[dask]")
def test_dask_local_cluster_gives_the_same_report() -> None:
    assert report_bytes(dask="local:2") == report_bytes(1)


def test_every_check_that_keeps_state_runs_in_the_main_process() -> None:
    load_all()
    for cls in REGISTRY.values():
        if cls.finish is not Check.finish:
            assert cls.corpus, f"{cls.id} has corpus-level findings (finish) but is not marked corpus"


def test_cli_jobs_output_is_identical(tmp_path: Path) -> None:
    tsv = tmp_path / "pairs.tsv"
    rows = ["source\ttarget"] + [f"{s.source}\t{s.target}" for s in corpus()]
    tsv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    conf = tmp_path / "termcheck.toml"
    conf.write_text("batch-size = 10\n", encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"r{jobs}.json"
        assert main(["check", "-q", "--config", str(conf), str(tsv), "--jobs", jobs, "--format", "json", "-o",
                     str(out), "--fail-on", "never"]) == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


@pytest.mark.parametrize("bad", [["--jobs", "0"], ["--dask", "local:zero"]])
def test_bad_parallel_options_are_one_line(bad: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "t.en.txt"
    target.write_text("Hello.\n" * 3, encoding="utf-8")
    assert main(["check", "--no-config", "-q", "--target", str(target), *bad]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_a_shift_across_batches_is_found_alike_by_workers() -> None:
    """alignment.shift keeps state across batches; its costly evidence is prepared in the workers and the run
    found in order in the main process: one finding, the same bytes as in one process."""
    segs = corpus(4)
    # doc1 loses a target from its 5th segment on: each later target translates the next source
    doc1 = [s for s in segs if s.doc == "doc1"]
    shifted = {s.index: t.target for s, t in pairwise(doc1[4:])}
    segs = [replace(s, target=shifted.get(s.index, s.target)) for s in segs if s.index != doc1[-1].index]
    segs = [replace(s, index=i) for i, s in enumerate(segs)]

    def run(jobs: int) -> bytes:
        rep = pipeline.check(pipeline.Inputs(segments=segs), load(None), build(batch_size=5), glossary_name="official",
                             jobs=jobs)
        return render(rep)

    one = run(1)
    shifts = [f for f in json.loads(one)["findings"] if f["check"] == "alignment.shift"]
    assert len(shifts) == 1 and shifts[0]["segment"] == doc1[4].id
    assert run(2) == one
