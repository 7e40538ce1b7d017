"""Language identification: a private, seeded langdetect factory (the one place it is seeded)."""

from __future__ import annotations

import re
from functools import lru_cache

SEED = 0

# frequent function words that are not also common words of other Latin-script languages (Spanish words
# shared with Portuguese, Catalan or Italian, French ones shared with Italian or Catalan, are left out)
_EN = ("the of and to that for with by be are this it from or which was have has not its their will "
       "should shall were been these other such also an at would could can they we our "
       "you your she his him who what how does")
_FR = ("je tu nous vous ils elles pas des du au aux avec dans pour cette ces sont était été mais très être ont "
       "avez avons suis êtes leur leurs où ça aussi")
_ES = ("los las muy pero hay yo usted ustedes él ella ellos nosotros qué quién cómo dónde también tiene tengo esto "
       "eso aquí quiero quiere necesito puedes gusta siempre")
_DE = "und ist nicht ich wir ihr ein eine einen dem mit von zu auf für sich auch noch nur aber wie sind haben"
FUNCTION_WORDS = {
    "en": frozenset(_EN.split()),
    "fr": frozenset(_FR.split()),
    "es": frozenset(_ES.split()),
    "de": frozenset(_DE.split()),
}
# word forms only one language writes: English contractions (doesn't, I've, you're, we'll, I'm, he'd)
MARKERS = {
    "en": re.compile(r"[^\W\d_]+(?:n['’]t|['’](?:ve|re|ll|m|d))\b", re.I),
}
# a word keeps its inner apostrophes (doesn't, l'homme): one word, not two
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _factory():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(SEED)
    return factory


def load() -> None:
    """Read langdetect's language profiles now (they are read on first use otherwise)."""
    _factory()


def languages(text: str) -> list[tuple[str, float]]:
    """langdetect's guesses for a text, best first, deterministic ([] when it cannot tell)."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text)
    try:
        return [(p.lang, p.prob) for p in detector.get_probabilities()]
    except LangDetectException:
        return []


def words(text: str) -> list[str]:
    """The words of a text, as written."""
    return _WORD.findall(text)


def has_function_word(ws: list[str], lang: str) -> bool | None:
    """Whether any of the words `ws` is a frequent function word of `lang` or a form only it writes: whether
    `function_word_share` is above 0, read only up to the first such word (None when there is no list)."""
    fw = FUNCTION_WORDS.get(lang)
    if fw is None or not ws:
        return None
    marker = MARKERS.get(lang)
    return any(w.lower() in fw for w in ws) or (marker is not None and any(marker.fullmatch(w) for w in ws))


def function_word_share(text: str, lang: str) -> float | None:
    """Share of a text's words that are frequent function words of `lang` or forms only it writes
    (contractions), None when there is no list for it."""
    fw = FUNCTION_WORDS.get(lang)
    ws = words(text)
    if fw is None or not ws:
        return None
    marker = MARKERS.get(lang)
    return sum(w.lower() in fw or bool(marker and marker.fullmatch(w)) for w in ws) / len(ws)
