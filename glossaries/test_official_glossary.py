"""The bundled glossary tests itself: every entry's sentences through the real checks, lint clean, 400+ entries."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from termcheck import selftest
from termcheck.errors import GlossaryError
from termcheck.glossary.lint import lint
from termcheck.glossary.load import load
from termcheck.glossary.model import Glossary

OFFICIAL = Path(__file__).resolve().parent / "official"


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    return load([OFFICIAL])


@lru_cache(maxsize=1)
def result() -> selftest.Result:
    """One run over all entries with the whole glossary, as users get it; each test reads its entry's part."""
    return selftest.run(glossary())


def entry_ids() -> list[str]:
    try:
        return [e.id for e in glossary().entries]
    except GlossaryError:  # reported by test_the_glossary_loads_and_is_large_enough
        return []


def test_the_glossary_loads_and_is_large_enough() -> None:
    assert len(glossary()) >= 400


@pytest.mark.parametrize("entry_id", entry_ids())
def test_entry(entry_id: str) -> None:
    failures = result().for_entry(entry_id)
    assert not failures, "\n".join(str(f) for f in failures)


def test_lint_clean() -> None:
    errors = [str(p) for p in lint([OFFICIAL]) if p.level == "error"]
    assert not errors, "\n".join(errors)
