"""A run's findings, sorted, in bounded memory: past a limit, sorted runs go to a temporary file and are merged back."""

from __future__ import annotations

import heapq
import pickle
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import IO, overload

from termcheck.model import Finding

# findings a run keeps in memory before it writes them out (an archive's run may find hundreds of thousands)
LIMIT = 20_000
# findings per pickled block: a merge holds one block of each run in memory
BLOCK = 1_000


class Store:
    """Findings as they come; `sorted()` gives them in `Finding.sort_key` order, ties in the order they came
    (the bytes of a stable sort of the whole list, however many runs were written out)."""

    def __init__(self, limit: int | None = None) -> None:
        self._limit = max(LIMIT if limit is None else limit, 1)
        self._memory: list[Finding] = []
        self._file: IO[bytes] | None = None
        self._runs: list[list[int]] = []  # per run written out: the file offsets of its blocks
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def extend(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            self._memory.append(f)
            self._n += 1
            if len(self._memory) >= self._limit:
                self._write_out()

    def _write_out(self) -> None:
        if self._file is None:
            # open as long as the report is read; the file has no name and is gone when closed or collected
            try:
                self._file = tempfile.TemporaryFile(prefix="termcheck-findings-")  # noqa: SIM115
            except OSError:  # no writable temporary folder: the findings stay in memory, as they used to
                self._limit = sys.maxsize
                return
        self._memory.sort(key=Finding.sort_key)
        self._file.seek(0, 2)
        offsets = []
        for i in range(0, len(self._memory), BLOCK):
            offsets.append(self._file.tell())
            pickle.dump(self._memory[i:i + BLOCK], self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._runs.append(offsets)
        self._memory = []

    def sorted(self) -> Sequence[Finding]:
        """Every finding in order: a tuple when all stayed in memory, else a sequence read from the file."""
        if self._file is None:
            self._memory.sort(key=Finding.sort_key)
            return tuple(self._memory)
        if self._memory:
            self._write_out()
        file, self._file = self._file, None  # the sequence owns the file now
        return Spilled(file, tuple(tuple(r) for r in self._runs), self._n)

    def __del__(self) -> None:
        if self._file is not None:
            self._file.close()


class Spilled(Sequence[Finding]):
    """Findings in sorted runs of a temporary file, merged each time they are read (runs in the order
    they were written: equal keys come out as they came in)."""

    def __init__(self, file: IO[bytes], runs: tuple[tuple[int, ...], ...], n: int) -> None:
        self._file = file
        self._runs = runs
        self._n = n

    def __len__(self) -> int:
        return self._n

    def __del__(self) -> None:
        self._file.close()

    def __iter__(self) -> Iterator[Finding]:
        return heapq.merge(*(self._run(r) for r in self._runs), key=Finding.sort_key)

    def _run(self, offsets: tuple[int, ...]) -> Iterator[Finding]:
        for offset in offsets:
            self._file.seek(offset)
            block = pickle.load(self._file)
            yield from block

    @overload
    def __getitem__(self, i: int) -> Finding: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[Finding]: ...

    def __getitem__(self, i: int | slice) -> Finding | Sequence[Finding]:
        if isinstance(i, slice):
            return tuple(self)[i]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        return next(islice(iter(self), i, None))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == self._n and all(a == b for a, b in zip(self, other, strict=False))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[type, tuple[tuple[Finding, ...]]]:
        return tuple, (tuple(self),)  # sent elsewhere (another process), the findings themselves go
