"""Findings written out past a limit come back as a stable sort of all of them would give them."""

from __future__ import annotations

import pickle
import random
from pathlib import Path

import pytest

from termcheck import findingstore
from termcheck.cli import main
from termcheck.findingstore import Store
from termcheck.model import Finding, Severity

ROOT = Path(__file__).resolve().parents[1]


def _findings(n: int, seed: int) -> list[Finding]:
    rng = random.Random(seed)
    # few distinct keys, so many findings tie and only their order of arrival tells them apart
    return [Finding("c" + str(rng.randint(0, 2)), "cat", Severity.MINOR, str(i), "m", index=rng.randint(0, 30),
                    doc=rng.choice("ab"), suggestion=str(i)) for i in range(n)]


@pytest.mark.parametrize(("n", "limit"), [(0, 3), (5, 10), (10, 10), (57, 4), (400, 7), (400, 1)])
def test_same_order_as_a_stable_sort_however_many_runs(n: int, limit: int) -> None:
    found = _findings(n, n + limit)
    store = Store(limit)
    for i in range(0, n, 9):  # as batches arrive
        store.extend(found[i:i + 9])
    out = store.sorted()
    expected = sorted(found, key=Finding.sort_key)
    assert len(store) == len(out) == n
    assert list(out) == expected
    assert list(out) == expected  # read twice: the same
    if n:
        assert out[0] == expected[0] and out[-1] == expected[-1] and list(out[2:5]) == expected[2:5]
    assert bool(out) is bool(n)
    assert list(pickle.loads(pickle.dumps(out))) == expected  # sent to another process: the findings go


def test_a_report_is_the_same_bytes_when_its_findings_went_to_disk(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    seed = ROOT / "corpora" / "readout-2024-02-16"
    args = ["check", "--source", f"{seed}.zh.txt", "--target", f"{seed}.mt.lines.en.txt", "--fail-on", "never",
            "-q", "--jobs", "1"]
    out = {}
    spilled: list[int] = []
    real = findingstore.Spilled.__init__

    def counted(self: findingstore.Spilled, file: object, runs: tuple, n: int) -> None:
        spilled.append(len(runs))
        real(self, file, runs, n)

    monkeypatch.setattr(findingstore.Spilled, "__init__", counted)
    for limit in (findingstore.LIMIT, 2):
        monkeypatch.setattr(findingstore, "LIMIT", limit)
        for fmt in ("json", "html", "sarif", "markdown", "junit", "terminal"):
            path = tmp_path / f"{limit}.{fmt}"
            assert main([*args, "--format", fmt, "-o", str(path)]) == 0
            out[(limit, fmt)] = path.read_bytes()
    for fmt in ("json", "html", "sarif", "markdown", "junit", "terminal"):
        assert out[(2, fmt)] == out[(findingstore.LIMIT, fmt)], fmt
    assert out[(2, "json")].count(b'"check":') > 10  # the seed has findings enough to fill several runs
    assert len(spilled) == 6 and min(spilled) > 5  # each report at limit 2 was read back from several runs


def test_without_a_writable_temporary_folder_the_findings_stay_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(findingstore.tempfile, "TemporaryFile", refuse)
    found = _findings(50, 1)
    store = Store(4)
    store.extend(found)
    assert store.sorted() == tuple(sorted(found, key=Finding.sort_key))
