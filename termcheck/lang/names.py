"""Languages' names in English, for report labels (`zh` -> Chinese); an unknown code is shown as itself."""

from __future__ import annotations

from termcheck.lang.codes import base_code

NAMES: dict[str, str] = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fr": "French", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "nl": "Dutch", "pt": "Portuguese", "ru": "Russian", "zh": "Chinese",
}


def name(code: str) -> str:
    """`zh-CN` -> Chinese; `xx` -> xx."""
    return NAMES.get(base_code(code), code)
