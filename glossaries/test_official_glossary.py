"""The bundled glossary tests itself: every entry's sentences through the real checks (zh->en, and zh->fr where
the entry has French), lint clean, 400+ entries, 150+ with French."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from termcheck import selftest
from termcheck.config import build
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


@lru_cache(maxsize=1)
def result_fr() -> selftest.Result:
    """The same with French targets: test_zh against test_fr and test_fr_wrong, for entries with French."""
    return selftest.run(glossary(), build(select=("terminology",), source_lang="zh", target_lang="fr"))


def entry_ids(lang: str | None = None) -> list[str]:
    try:
        return [e.id for e in glossary().entries if lang is None or e.terms_in(lang)]
    except GlossaryError:  # reported by test_the_glossary_loads_and_is_large_enough
        return []


def test_the_glossary_loads_and_is_large_enough() -> None:
    assert len(glossary()) >= 400


@pytest.mark.parametrize("entry_id", entry_ids())
def test_entry(entry_id: str) -> None:
    failures = result().for_entry(entry_id)
    assert not failures, "\n".join(str(f) for f in failures)


def test_french_covers_150_concepts() -> None:
    assert len(entry_ids("fr")) >= 150


@pytest.mark.parametrize("entry_id", entry_ids("fr"))
def test_entry_french(entry_id: str) -> None:
    failures = result_fr().for_entry(entry_id)
    assert not failures, "\n".join(str(f) for f in failures)


def test_lint_clean() -> None:
    errors = [str(p) for p in lint([OFFICIAL]) if p.level == "error"]
    assert not errors, "\n".join(errors)
