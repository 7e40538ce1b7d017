"""`termcheck checks`: the registered checks with their default severity, MQM category and title."""

from __future__ import annotations

import argparse

from termcheck.checks.base import REGISTRY, load_all

HELP = "list the checks: id, default severity, MQM category, title"


def arguments(p: argparse.ArgumentParser) -> None:
    return None


def run(args: argparse.Namespace) -> int:
    load_all()
    rows = [REGISTRY[k].info() for k in sorted(REGISTRY)]
    w = max(len(r.id) for r in rows)
    for r in rows:
        print(f"{r.id:<{w}}  {r.severity!s:<8}  {r.category:<40}  {r.title}")
    return 0
