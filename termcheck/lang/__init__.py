"""Language modules, found through a small registry: what is specific to one language lives there.

Each module provides `normalize(text) -> Normalized`, `term_keys(term) -> tuple[str, ...]`
(the keys a glossary term is matched by, in the same normalized space) and
`boundary_filter(words) -> BoundaryFilter | None` (an extra word-boundary check for hits,
used by languages written without spaces). Checks for other concerns (sentence splitting,
numbers) add their own functions to the same modules.
"""

from __future__ import annotations

import importlib
from types import ModuleType

_MODULES: dict[str, str] = {
    "zh": "termcheck.lang.zh",
    "en": "termcheck.lang.en",
}
_FALLBACK = "termcheck.lang.spaced"


def base_code(code: str) -> str:
    """`zh-CN`, `zh_Hans`, `ZH` -> `zh`; `en-US` -> `en`."""
    return code.replace("_", "-").split("-")[0].lower() if code else code


def get(code: str) -> ModuleType:
    """The language module for a language code (a generic space-delimited one when unknown)."""
    return importlib.import_module(_MODULES.get(base_code(code), _FALLBACK))


def register(code: str, module_path: str) -> None:
    """Register (or replace) the module for a language code."""
    _MODULES[base_code(code)] = module_path


# language code -> module with the knowledge repairs need (sentence starts, case, articles, plurals)
_FIXING: dict[str, str] = {"en": "termcheck.lang.en_fix"}


def fixing(code: str) -> ModuleType | None:
    """The repair module of a language, or None when termcheck knows no repair rules for it."""
    name = _FIXING.get(base_code(code))
    return importlib.import_module(name) if name else None
