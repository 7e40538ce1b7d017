"""English for repairs: sentence starts, title case, a/an, the head noun of a phrase and its plural."""

from __future__ import annotations

import re

from termcheck.lang.en import split_sentences, stem

ARTICLES = frozenset({"a", "an", "the"})
# words a title leaves in lower case (unless first)
_SMALL = frozenset("a an the and or nor but of for on in to at by with from as per via vs against".split())
# prepositions after which a noun phrase's head has been said ("envoys for peninsula affairs")
_PREPOSITIONS = frozenset("""of for on in to at by with from about against among between across over under into
    within without toward towards regarding concerning""".split())
_OPENING = "\"'“‘«(["
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# spelled with a vowel letter, said with a consonant (a union, a one-off, a European) and the reverse (an hour)
_A_BEFORE_VOWEL = ("uni", "use", "usu", "usa", "ute", "uti", "eu", "one", "once", "ubiq", "ura", "uro")
_AN_BEFORE_H = ("hour", "honest", "honor", "honour", "heir")
_AN_LETTERS = frozenset("AEFHILMNORSX")
_IRREGULAR = {"man": "men", "woman": "women", "child": "children", "person": "people", "foot": "feet",
              "criterion": "criteria", "phenomenon": "phenomena", "analysis": "analyses", "crisis": "crises",
              "thesis": "theses", "basis": "bases", "axis": "axes"}
_SINGULAR = {v: k for k, v in _IRREGULAR.items()}


def words(text: str) -> list[tuple[str, int, int]]:
    """The words of a text with their spans (hyphens and apostrophes inside a word kept)."""
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def starts_sentence(text: str, pos: int) -> bool:
    """Whether `pos` is where a sentence of `text` begins (after any opening quotes or brackets)."""
    for a, _ in split_sentences(text):
        while a < len(text) and (text[a].isspace() or text[a] in _OPENING):
            a += 1
        if a == pos:
            return True
        if a > pos:
            return False
    return False


def capitalize_first(text: str) -> str:
    """`de-risking` -> `De-risking` (the rest left as it is)."""
    for i, c in enumerate(text):
        if c.isalpha():
            return text[:i] + c.upper() + text[i + 1:]
    return text


def lower_first(text: str) -> str:
    """`The Sino` -> `the Sino`: the first letter lowered, only when the first word is not an acronym."""
    ws = words(text)
    if not ws or (len(ws[0][0]) > 1 and ws[0][0][1:2].isupper()):
        return text
    i = ws[0][1]
    return text[:i] + text[i].lower() + text[i + 1:]


def is_upper(text: str) -> bool:
    """A phrase of two or more words in capitals (a headline), not an acronym."""
    ws = [w for w, _, _ in words(text)]
    return len(ws) >= 2 and all(w.isupper() for w in ws)


def is_title(text: str) -> bool:
    """Two or more words, every one of them but the small ones capitalized (`Working Group on Cooperation`)."""
    ws = [w for w, _, _ in words(text)]
    if len(ws) < 2:
        return False
    return all(w[0].isupper() for k, w in enumerate(ws) if k == 0 or w.lower() not in _SMALL)


def title_case(text: str) -> str:
    """Capitalize every word but the small ones (which stay as written unless first)."""
    out = list(text)
    for k, (w, a, _) in enumerate(words(text)):
        if k == 0 or w.lower() not in _SMALL:
            out[a] = w[0].upper()
            for m in re.finditer(r"-([a-z])", w):  # `people-to-people` parts: each capitalized but small ones
                part = w[m.start(1):].split("-")[0]
                if part not in _SMALL:
                    out[a + m.start(1)] = m.group(1).upper()
    return "".join(out)


def head_word(text: str) -> int | None:
    """Index (in `words(text)`) of a noun phrase's head: the last word before the first preposition
    (`special envoys for peninsula affairs` -> `envoys`), else the last word."""
    ws = [w.lower() for w, _, _ in words(text)]
    if not ws:
        return None
    for k, w in enumerate(ws):
        if k and w in _PREPOSITIONS:
            return k - 1
    return len(ws) - 1


def is_plural(word: str) -> bool:
    """A regular or common irregular English plural (`communiqués`, `policies`, `crises`)."""
    w = word.lower()
    if w in _SINGULAR:
        return True
    if w in _IRREGULAR or len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is")):
        return False
    return stem(w) != w


def pluralize(word: str) -> str | None:
    """The plural of a singular noun, keeping its case; None where the rule is not clear."""
    w = word.lower()
    if w in _IRREGULAR:
        out = _IRREGULAR[w]
    elif not w.isascii() and not w[-1:].isalpha():
        return None
    elif w.endswith(("us", "is", "ss")) or (w.endswith("s") and len(w) <= 3):
        return None  # status, basis, gas: not sure
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        out = w + "es"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        out = w[:-1] + "ies"
    else:
        out = w + "s"
    if word.isupper() and len(word) > 1:
        return word + "s"  # acronyms: NGOs
    return word[:1] + out[1:] if word[:1].isupper() else out


def singularize(word: str) -> str | None:
    """The singular of a regular plural, keeping its case; None where the rule is not clear."""
    w = word.lower()
    if w in _SINGULAR:
        out = _SINGULAR[w]
    elif w.endswith("ies") and len(w) > 4:
        out = w[:-3] + "y"
    elif w.endswith(("sses", "xes", "zes", "ches", "shes")):
        out = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        out = w[:-1]
    else:
        return None
    return word[:1] + out[1:] if word[:1].isupper() else out


def inflect_head(text: str, plural: bool) -> str | None:
    """`text` with its head noun made plural (or singular); itself if it already is; None if unclear."""
    k = head_word(text)
    if k is None:
        return None
    w, a, b = words(text)[k]
    if is_plural(w) == plural:
        return text
    new = pluralize(w) if plural else singularize(w)
    return None if new is None else text[:a] + new + text[b:]


def indefinite_article(word: str) -> str | None:
    """`a` or `an` before a word as it is said; None where the spelling does not tell (numbers, symbols)."""
    if not word or not word[0].isalpha():
        return None
    letters = re.match(r"[A-Za-z]+", word)
    if letters and letters.group().isupper() and len(letters.group()) > 1:  # an acronym, said letter by letter
        return "an" if word[0] in _AN_LETTERS else "a"
    w = word.lower()
    if w.startswith(_A_BEFORE_VOWEL):
        return "a"
    if w.startswith(_AN_BEFORE_H):
        return "an"
    return "an" if w[0] in "aeiou" else "a"


def article_was_for_of_phrase(wrong: str, repl: str) -> bool:
    """Whether a `the` before `wrong` belonged to its of-phrase (`the independence of Taiwan`) and goes
    when the rendering is a plain compound of a common noun (`Taiwan independence`); a title or a
    rendering with its own preposition keeps it (`the Munich Security Conference`)."""
    ws = [w.lower() for w, _, _ in words(wrong)]
    k = head_word(wrong)
    rw = words(repl)
    if k is None or k + 1 >= len(ws) or ws[k + 1] != "of" or not rw or is_title(repl):
        return False
    if any(w.lower() in _PREPOSITIONS or w.lower() in ARTICLES for w, _, _ in rw):
        return False
    h = head_word(repl)
    return h is not None and rw[h][0][0].islower()


# derivational endings: two words that differ only in these are two words, not one garbled
_DERIVATIONAL = ("", "e", "er", "or", "ry", "y", "ist", "ism", "ion", "ive", "al", "ity", "ment", "ance", "ence",
                 "ant", "ent", "ic", "ical", "ize", "ise", "ian", "ese", "ing", "ed", "s", "es", "ary", "ial")

# endings of one word's forms (`Affaires` for `Affairs` is a garble, not another word)
_INFLECTIONAL = frozenset({"", "e", "s", "es", "ed", "ing"})


def other_word(a: str, b: str) -> bool:
    """Whether `a` and `b` are two forms of one stem by derivation (`terrorist`/`terrorism`,
    `Minister`/`Ministry`): each a real word, so one is not a garble of the other."""
    a, b = a.lower(), b.lower()
    if a == b:
        return False
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    if n < 4:
        return False
    return any(a[k:] in _DERIVATIONAL and b[k:] in _DERIVATIONAL
               and not (a[k:] in _INFLECTIONAL and b[k:] in _INFLECTIONAL) for k in range(max(4, n - 3), n + 1))


def possessive(text: str) -> str:
    """The possessive ending of a phrase (`'s`, `’s`, or the apostrophe of `envoys'`), else ''."""
    if text.endswith(("'s", "’s")) and len(text) > 2:
        return text[-2:]
    if text.endswith(("s'", "s’")) and len(text) > 2:
        return text[-1:]
    return ""
