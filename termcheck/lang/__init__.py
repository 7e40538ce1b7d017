"""Language modules, found through a small registry: what is specific to one language lives there.

The protocol every module follows, with None where a language abstains, is
`termcheck.lang.base.LanguageModule`; `module(code)` gives that view, `resolve(code)` reads
ISO 639-1/639-3 and BCP 47 codes. Each module provides `normalize(text) -> Normalized`,
`term_keys(term) -> tuple[str, ...]`
(the keys a glossary term is matched by, in the same normalized space) and
`boundary_filter(words) -> BoundaryFilter | None` (an extra word-boundary check for hits,
used by languages written without spaces). Checks for other concerns (sentence splitting,
numbers) add their own functions to the same modules.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from termcheck.lang.codes import base_code

if TYPE_CHECKING:
    from termcheck.lang.base import LanguageModule

__all__ = ["base_code", "get", "module", "register", "resolve"]

_MODULES: dict[str, str] = {
    "zh": "termcheck.lang.zh",
    "en": "termcheck.lang.en",
    "fr": "termcheck.lang.fr",
    "es": "termcheck.lang.es",
    "ru": "termcheck.lang.ru",
    "de": "termcheck.lang.de",
    "ko": "termcheck.lang.ko",
}
_FALLBACK = "termcheck.lang.spaced"
_FALLBACK_UNSPACED = "termcheck.lang.unspaced"


def get(code: str) -> ModuleType:
    """The language module for a language code; when termcheck has none, a generic one: for languages written
    without spaces between words (`unspaced.LANGUAGES`) terms are runs of characters, else words."""
    base = base_code(code)
    found = _MODULES.get(base)
    if found is not None:
        return importlib.import_module(found)
    from termcheck.lang.unspaced import LANGUAGES

    return importlib.import_module(_FALLBACK_UNSPACED if base in LANGUAGES else _FALLBACK)


def register(code: str, module_path: str) -> None:
    """Register (or replace) the module for a language code."""
    _MODULES[base_code(code)] = module_path
    module.cache_clear()


@lru_cache(maxsize=64)
def module(code: str) -> LanguageModule:
    """The protocol view (`base.LanguageModule`) of the module for a language code."""
    from termcheck.lang.base import describe

    return describe(base_code(code), get(code))


def resolve(code: str) -> str:
    """`eng` -> `en`, `zh-Hans-CN` -> `zh`; ConfigError (with a suggestion) for an unknown code."""
    from termcheck.lang.codes import resolve as _resolve

    return _resolve(code)


# language code -> module with the knowledge repairs need (sentence starts, case, articles, plurals)
_FIXING: dict[str, str] = {"en": "termcheck.lang.en_fix"}


def fixing(code: str) -> ModuleType | None:
    """The repair module of a language, or None when termcheck knows no repair rules for it."""
    name = _FIXING.get(base_code(code))
    return importlib.import_module(name) if name else None
