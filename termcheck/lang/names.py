"""Languages' names in English, for report labels (`zh` -> Chinese); an unknown code is shown as itself."""

from __future__ import annotations

NAMES: dict[str, str] = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fr": "French", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "pt": "Portuguese", "ru": "Russian", "zh": "Chinese",
}


def name(code: str) -> str:
    """`zh-CN` -> Chinese; `xx` -> xx."""
    base = code.replace("_", "-").split("-")[0].lower() if code else code
    return NAMES.get(base, code)
