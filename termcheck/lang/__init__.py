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


# ISO 639-2/3 codes of the languages termcheck knows by their two-letter code (Chinese varieties
# written in Han characters count as Chinese: cmn Mandarin, yue Cantonese, wuu Wu)
_THREE_LETTER = {"zho": "zh", "chi": "zh", "cmn": "zh", "yue": "zh", "wuu": "zh", "eng": "en", "fra": "fr",
                 "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "rus": "ru", "ara": "ar", "jpn": "ja",
                 "kor": "ko", "por": "pt", "ita": "it", "nld": "nl", "dut": "nl", "ukr": "uk", "ell": "el",
                 "gre": "el", "heb": "he", "tha": "th", "hin": "hi", "fas": "fa", "per": "fa", "bul": "bg"}


def base_code(code: str) -> str:
    """`zh-CN`, `zh_Hans`, `ZH`, `cmn-Hans`, `zho` -> `zh`; `en-US`, `eng` -> `en`."""
    if not code:
        return code
    base = code.replace("_", "-").split("-")[0].lower()
    return _THREE_LETTER.get(base, base)


def get(code: str) -> ModuleType:
    """The language module for a language code (a generic space-delimited one when unknown)."""
    return importlib.import_module(_MODULES.get(base_code(code), _FALLBACK))


def register(code: str, module_path: str) -> None:
    """Register (or replace) the module for a language code."""
    _MODULES[base_code(code)] = module_path
