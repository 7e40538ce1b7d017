"""Run a command and measure it: wall seconds, its own peak RSS, and the peak over time of its whole process
tree (the main process and its --jobs workers), RSS summed and PSS (pages the forked workers share with the
main process counted once), sampled from /proc every half second (Linux; elsewhere only the first two)."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Measured:
    exit: int
    seconds: float
    peak_rss_mb: float  # the command's own process (ru_maxrss)
    tree_rss_mb: float  # the process tree, summed, at its peak sample
    tree_pss_mb: float
    stderr: str


def tree(pid: int) -> list[int]:
    """The process and its descendants, from /proc."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            continue
    return out


def memory(pid: int) -> tuple[float, float]:
    """Resident (RSS) and proportional (PSS) MB of a process tree."""
    rss = pss = 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            continue
    return rss / 1024, pss / 1024


def run(cmd: list[str], interval: float = 0.5) -> Measured:
    """Run `cmd` (stdout dropped) and measure it."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    tree_rss = tree_pss = 0.0
    usage = None
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        rss, pss = memory(proc.pid)
        tree_rss, tree_pss = max(tree_rss, rss), max(tree_pss, pss)
        time.sleep(interval)
    seconds = time.perf_counter() - t0
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    return Measured(os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss / 1024, tree_rss, tree_pss, err)
