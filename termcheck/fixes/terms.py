"""Repairs of a wrong term: the official rendering, fitted to the sentence (case, number, article, quotes)."""

from __future__ import annotations

from types import ModuleType

from termcheck.glossary.model import Entry, Status
from termcheck.model import Finding, Fix, Segment

_QUOTES = "\"'“”‘’«»"
# words before a noun phrase that already determine it: an official rendering's own "the" goes
_DETERMINERS = frozenset("a an the this that these those its their our his her my your".split())


def _wrong_form(entry: Entry | None, wrong: str, lang: str, en: ModuleType) -> str | None:
    """The glossary's wrong rendering the text matched, when it has as many words as the text."""
    if entry is None:
        return None
    n = len(en.words(wrong))
    for term in entry.terms_in(lang):
        if term.status is not Status.PREFERRED and term.status is not Status.ADMITTED and \
                len(en.words(term.text)) == n:
            same = all(en_stem(a, en) == en_stem(b, en) for (a, _, _), (b, _, _)
                       in zip(en.words(term.text), en.words(wrong), strict=True))
            if same:
                return term.text
    return None


def en_stem(word: str, en: ModuleType) -> str:
    return en.stem(word.lower())


def _drop_repeated(text: str, a: int, b: int, repl: str, en: ModuleType) -> str:
    """Leading words of the rendering already said just before the span (`the three` + `three China-US
    joint communiqués`), and trailing ones said just after it, are not said twice."""
    off = max(0, a - 80)
    before = en.words(text[off:a])
    rw = en.words(repl)
    if before and not text[off + before[-1][2]:a].strip():
        said = [w.lower() for w, _, _ in before]
        for k in range(len(rw) - 1, 0, -1):
            if said[-k:] == [w.lower() for w, _, _ in rw[:k]]:
                repl = repl[rw[k][1]:]
                break
    after = en.words(text[b:b + 80])
    rw = en.words(repl)
    if after and not text[b:b + after[0][1]].strip():
        said = [w.lower() for w, _, _ in after]
        for k in range(len(rw) - 1, 0, -1):
            if said[:k] == [w.lower() for w, _, _ in rw[-k:]]:
                repl = repl[:rw[-k][1]].rstrip()
                break
    return repl


def _number(repl: str, wrong: str, form: str | None, en: ModuleType) -> str | None:
    """The rendering in the number the text gave the wrong one (`envoys` -> `representatives`)."""
    wk = en.head_word(wrong)
    if wk is None:
        return repl
    plural = en.is_plural(en.words(wrong)[wk][0])
    if form is not None:
        fk = en.head_word(form)
        if fk is not None and en.is_plural(en.words(form)[fk][0]) == plural:
            return repl  # the text has the glossary's own number: the official rendering's stands
    elif not plural:
        return repl
    return en.inflect_head(repl, plural)


def _case(text: str, a: int, wrong: str, repl: str, en: ModuleType) -> str:
    if en.is_upper(wrong):
        return repl.upper()
    if en.starts_sentence(text, a):
        return en.capitalize_first(repl)
    if en.is_title(wrong) and not en.is_title(repl):
        return en.title_case(repl)
    return repl


def _article(text: str, a: int, wrong: str, repl: str, en: ModuleType) -> tuple[int, str] | None:
    """(new start, replacement) with the article before the span fitted to the rendering; None when
    the rendering's first word does not tell `a` from `an`."""
    before = en.words(text[max(0, a - 40):a])
    off = max(0, a - 40)
    if not before or text[off + before[-1][2]:a].strip():
        return a, repl
    word, s, _ = before[-1]
    rw = en.words(repl)
    if rw and rw[0][0].lower() in en.ARTICLES and word.lower() in _DETERMINERS:
        repl = repl[rw[1][1]:] if len(rw) > 1 else repl  # "the the", "its the"
        rw = en.words(repl)
    if word.lower() == "the" and en.article_was_for_of_phrase(wrong, repl):
        return off + s, en.capitalize_first(repl) if word[0].isupper() else repl
    if word.lower() not in ("a", "an") or not rw:
        return a, repl
    wanted = en.indefinite_article(rw[0][0])
    if wanted is None:
        return None
    if wanted == word.lower():
        return a, repl
    shown = wanted.capitalize() if word[0].isupper() else wanted
    return off + s, shown + text[off + before[-1][2]:a] + repl


def _changed_words(wrong: str, repl: str, en: ModuleType) -> list[tuple[str, str]]:
    """Pairs of words one rendering has where the other has another, word for word."""
    import difflib

    ws, rs = [w for w, _, _ in en.words(wrong)], [w for w, _, _ in en.words(repl)]
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ws, rs, autojunk=False).get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            out.extend(zip(ws[i1:i2], rs[j1:j2], strict=True))
    return out


def term_fix(f: Finding, seg: Segment, entry: Entry | None) -> Fix | None:
    """The official rendering in place of a wrong one or a near miss, fitted to the sentence."""
    from termcheck.lang import fixing

    text = seg.target or ""
    if f.target_span is None or not f.suggestion:
        return None
    a, b = f.target_span
    wrong = text[a:b]
    if entry is not None and len([t for t in entry.terms_in(seg.target_lang, ok=True)
                                  if t.status is Status.PREFERRED]) > 1:
        return Fix((a, b), f.suggestion, False, "two official renderings to choose from")
    en = fixing(seg.target_lang)
    if en is None:
        return Fix((a, b), f.suggestion, False, f"no repair rules for {seg.target_lang!r} to fit the sentence")
    repl = f.suggestion
    if f.check == "terminology.near-miss":
        pairs = _changed_words(wrong, repl, en)
        other = next(((x, y) for x, y in pairs if en.other_word(x, y)), None)
        if other is not None:
            return Fix((a, b), repl, False, f"“{other[0]}” is another word than “{other[1]}”, not a garble of it")
    lead = len(wrong) - len(wrong.lstrip(_QUOTES))
    trail = len(wrong) - len(wrong.rstrip(_QUOTES))
    a, b, wrong = a + lead, b - trail, wrong[lead:len(wrong) - trail]  # quotes around it stay where they are
    ww, rw = en.words(wrong), en.words(repl)
    if len(ww) > 1 and ww[0][0].lower() in en.ARTICLES and rw and rw[0][0].lower() not in en.ARTICLES:
        a, wrong = a + ww[1][1], wrong[ww[1][1]:]  # `the Standing Committee member`: its article stays
    possessive = en.possessive(wrong)
    b, wrong = b - len(possessive), wrong[:len(wrong) - len(possessive)]  # `Macau's` -> `Macao's`
    repl = _drop_repeated(text, a, b, repl, en)
    number = _number(repl, wrong, _wrong_form(entry, wrong, seg.target_lang, en), en)
    if number is None:
        return Fix((a, b), repl, False, "the plural of the official rendering is not clear")
    repl = _case(text, a, wrong, number, en)
    fitted = _article(text, a, wrong, repl, en)
    if fitted is None:
        return Fix((a, b), repl, False, "a or an: the rendering's first word does not tell")
    start, repl = fitted
    if text[start:b] == repl:
        return None
    return Fix((start, b), repl)
