"""The language-module protocol: every capability a check may ask of a language, None where it abstains."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from termcheck.lang.european import Typo
from termcheck.lang.numeric import Quantity
from termcheck.text import Normalized

Splitter = Callable[[str], list[tuple[int, int]]]


@dataclass(frozen=True)
class LanguageModule:
    """What termcheck knows about one language. A None capability means: checks needing it stay silent.

    - `normalize`, `term_keys`, `boundary_filter`: term matching (always present).
    - `split_sentences(text)`: sentence spans, aware of the language's abbreviations.
    - `abbreviations`: words that do not end a sentence before a capital (lower case, no period).
    - `quantities(text)`: numbers, percents, ordinals, months and dates as `numeric.Quantity`.
    - `shows(value, kind)`: a value as the language writes it, for suggestions (2,5 milliards, 1er, März).
    - `typography(text)`: breaches of the language's punctuation and spacing norms, as `Typo`s.
    - `quote_pairs`: opening -> closing quotation marks the language uses (for balance and quoted spans).
    - `space_before_marks`: punctuation written after a space, so a space there is no debris (French ; : ! ? »).
    - `grammatical_double(word)`: whether `word word` can be grammar in this language ("nous nous").
    - `keeps_foreign(run, script)`: whether a run of another script belongs in this language's text
      (APEC, G20, iPhone in Chinese).
    """

    code: str
    name: str
    script: str
    normalize: Callable[[str], Normalized]
    term_keys: Callable[[str], tuple[str, ...]]
    boundary_filter: Callable[[Any], Any]
    split_sentences: Splitter | None = None
    abbreviations: frozenset[str] | None = None
    quantities: Callable[[str], list[Quantity]] | None = None
    shows: Callable[[float, str], str] | None = None
    typography: Callable[[str], list[Typo]] | None = None
    quote_pairs: Mapping[str, str] | None = None
    space_before_marks: str | None = None
    grammatical_double: Callable[[str], bool] | None = None
    keeps_foreign: Callable[[str, str], bool] | None = None


_FIELDS = ("split_sentences", "abbreviations", "quantities", "shows", "typography", "quote_pairs", "space_before_marks",
           "grammatical_double", "keeps_foreign")


def describe(code: str, module: ModuleType) -> LanguageModule:
    """The protocol view of a language module: its functions, None for what it does not define."""
    from termcheck.lang import scripts

    numbers = getattr(module, "NUMBERS_MODULE", None)
    extra: dict[str, Any] = {f: getattr(module, f, None) for f in _FIELDS}
    if numbers is not None and extra["quantities"] is None:
        import importlib

        reader = importlib.import_module(numbers)
        extra["quantities"] = reader.quantities
        extra["shows"] = extra["shows"] or getattr(reader, "shows", None)
    if extra["quantities"] is not None:  # the number check and alignment anchors read the same texts
        from termcheck.lang.memo import per_text

        extra["quantities"] = per_text(extra["quantities"])
    return LanguageModule(code=code, name=getattr(module, "NAME", code), script=scripts.script_of(code),
                          normalize=module.normalize, term_keys=module.term_keys,
                          boundary_filter=module.boundary_filter, **extra)


# --- shared allowances for text of another script ----------------------------------------------

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}s?$")             # APEC, G20, WHO, UNESCO, SMEs
_CODE = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9.\-/+]*$")   # COVID-19, 5G, H1N1, A4
_CAMEL = re.compile(r"^[a-z]+[A-Z][A-Za-z0-9]*$|^[A-Z][a-z]+[A-Z][A-Za-z0-9]*$")  # iPhone, eBay, YouTube


def acronym_or_code(word: str) -> bool:
    """A token every language keeps as written: an acronym, a code or model number, a camel-case brand."""
    return bool(_ACRONYM.match(word) or _CODE.match(word) or _CAMEL.match(word))
