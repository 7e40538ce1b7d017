"""Language codes: ISO 639-1, ISO 639-2/3 and BCP 47 forms resolved to termcheck's module codes."""

from __future__ import annotations

import difflib
from functools import lru_cache

from termcheck.errors import ConfigError

# ISO 639-2/B, 639-2/T and 639-3 codes (and Chinese varieties) of the languages termcheck names
THREE = {
    "eng": "en", "zho": "zh", "chi": "zh", "cmn": "zh", "yue": "zh", "wuu": "zh", "lzh": "zh", "cjy": "zh",
    "fra": "fr", "fre": "fr", "spa": "es", "rus": "ru", "deu": "de", "ger": "de", "ara": "ar", "jpn": "ja",
    "kor": "ko", "por": "pt", "ita": "it", "nld": "nl", "dut": "nl", "pol": "pl", "ukr": "uk", "tur": "tr",
    "vie": "vi", "tha": "th", "hin": "hi", "ell": "el", "gre": "el", "heb": "he", "fas": "fa", "per": "fa",
    "ind": "id", "msa": "ms", "may": "ms", "swe": "sv", "ces": "cs", "cze": "cs", "ron": "ro", "rum": "ro",
    "hun": "hu", "fin": "fi", "dan": "da", "nor": "no", "nob": "no", "bul": "bg",
}
# English names of languages, for "did you mean"
_NAMES = {
    "english": "en", "chinese": "zh", "mandarin": "zh", "french": "fr", "spanish": "es", "russian": "ru",
    "german": "de", "arabic": "ar", "japanese": "ja", "korean": "ko", "portuguese": "pt", "italian": "it",
    "dutch": "nl", "polish": "pl", "ukrainian": "uk", "turkish": "tr", "vietnamese": "vi", "thai": "th",
    "hindi": "hi", "greek": "el", "hebrew": "he", "persian": "fa", "indonesian": "id", "swedish": "sv",
    "czech": "cs", "romanian": "ro", "hungarian": "hu", "finnish": "fi", "danish": "da", "norwegian": "no",
    "bulgarian": "bg", "malay": "ms",
}
# every ISO 639-1 code
_ISO1 = frozenset("""
    aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el
    en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it
    iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt
    my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl
    sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
    za zh zu
""".split())


def resolve(code: str) -> str:
    """`eng` -> `en`, `zh-Hans-CN` -> `zh`, `fre` -> `fr`, `pt-BR` -> `pt`; ConfigError for an unknown code.

    The first subtag of a BCP 47 tag decides (`_` is read as `-`); a two-letter subtag is taken
    as an ISO 639-1 code. A language name or an unknown code is refused with a suggestion.
    """
    raw = (code or "").strip()
    first = raw.replace("_", "-").split("-")[0].lower()
    if first in _ISO1:
        return first
    if first in THREE:
        return THREE[first]
    hint = _NAMES.get(first) or _NAMES.get(raw.lower()) or {"iw": "he", "in": "id", "ji": "yi"}.get(first)
    if hint is None:
        close = difflib.get_close_matches(first, [*_NAMES, *THREE], n=1, cutoff=0.75)
        hint = (_NAMES.get(close[0]) or THREE.get(close[0])) if close else None
    msg = f"unknown language code {raw!r}"
    raise ConfigError(msg + (f" (did you mean {hint!r}?)" if hint else
                             " (use an ISO 639-1 code such as 'en', 'zh', 'fr', or a BCP 47 tag such as 'zh-Hans')"))


def known(code: str) -> bool:
    """Whether a code is an ISO 639-1 code (it may still have no language module)."""
    return code in _ISO1


@lru_cache(maxsize=1024)  # asked for on every segment by every check; a run sees a handful of codes
def base_code(code: str) -> str:
    """`zh-CN`, `zh_Hans`, `ZH` -> `zh`; `en-US` -> `en`; ISO 639-2/3 codes of known languages too
    (`eng` -> `en`, `cmn_Hant` -> `zh`, `fra` -> `fr`). Never raises: see `resolve` for validation."""
    if not code:
        return code
    first = code.replace("_", "-").split("-")[0].lower()
    if len(first) == 3:
        return THREE.get(first, first)
    return first
