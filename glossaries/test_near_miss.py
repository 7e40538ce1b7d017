"""Each wrong rendering in the issue-15 glossary files has a near-miss: a correct sentence with similar words."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from termcheck.glossary.load import load
from termcheck.glossary.model import Entry, Glossary

OFFICIAL = Path(__file__).resolve().parent / "official"
# Files whose every forbidden or deprecated rendering must come with a near-miss correct sentence
# (issue 15). The near-miss is a second correct pair (`test_zh|…`, `test_en|…`); test_official_glossary
# runs it through the real checks, so it must draw no finding.
NEAR_MISS_FILES = ("mfa-sovereignty-governance.csv", "mfa-security-rights.csv", "mfa-organizations-economy.csv",
                   "mfa-names.csv", "mfa-regions-territory.csv")
# Wrong renderings with no near-miss possible: their own word is a transliteration or foreign name that no English
# word shares four letters with (Quemoy, Lasa, Taishojima), so a correct sentence could hold it only by holding the
# rendering itself, which is rightly flagged; and 'ruling' / 'verdict' for 仲裁裁决, flagged (lint test-has-wrong)
# in any sentence that holds the term. test_no_lookalike_list_is_current keeps this list from going stale.
NO_LOOKALIKE: dict[str, tuple[str, ...]] = {
    "kinmen": ("Quemoy",), "kaohsiung": ("Gaoxiong",), "hsinchu": ("Xinzhu",), "urumqi": ("Wulumuqi",),
    "altay": ("Aletai",), "korla": ("Kuerle",), "horgos": ("Huoerguosi",), "lhasa": ("Lasa",),
    "nyingchi": ("Linzhi",), "nagqu": ("Naqu",), "tashilhunpo": ("Zhashilunbu Monastery",),
    "shoton-festival": ("Xuedun Festival",), "arbitral-award": ("ruling", "verdict"), "taiping-dao": ("Itu Aba",),
    "beibu-gulf": ("Gulf of Tonkin",), "chiwei-yu": ("Taishojima",), "huangwei-yu": ("Kubajima",),
    "tarim-basin": ("Talimu Basin",), "junggar-basin": ("Zhungeer Basin",), "karamay": ("Kelamayi",),
    "medog": ("Motuo",), "namtso": ("Namucuo",), "ryukyu": ("Liuqiu",),
}
_STOP = frozenset(("the and for its are was not but all any can has had who our one with from that this "
                   "their they them have will into onto over upon than then were what when").split())


def content_words(text: str) -> list[str]:
    """Lowercased words of three letters or more, stop words left out."""
    return [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 3 and w not in _STOP]


def _has(sentence_words: list[str], word: str) -> bool:
    """The word, or one sharing its first four letters (rude / rudely, Maoism / Maoist), is in the sentence."""
    if len(word) < 4:
        return word in sentence_words
    return any(s[:4] == word[:4] for s in sentence_words)


def is_near_miss(sentence: str, wrong: str, preferred: str) -> bool:
    """A correct sentence is a near-miss of a wrong rendering when it uses the rendering's own words.

    Words the rendering shares with the preferred rendering prove nothing, so one of the others must be
    there; a rendering made only of the preferred one's words needs all of them.
    """
    words = content_words(sentence)
    own = [w for w in content_words(wrong) if not _has(content_words(preferred), w)]
    if own:
        return any(_has(words, w) for w in own)
    return all(_has(words, w) for w in content_words(wrong))


@pytest.mark.parametrize(("sentence", "wrong", "preferred", "expected"), [
    ("Certain media hype up the matter to stir public anger.", "stir-fry", "hype up", True),
    ("Certain media hype up the matter.", "stir-fry", "hype up", False),
    ("The foreign side will not respond rudely.", "rude interference", "grossly interfere", True),
    ("Maximum pressure only pushes things to the extreme.", "extreme pressure", "maximum pressure", True),
    ("Maximum pressure solves nothing.", "extreme pressure", "maximum pressure", False),
    ("The law of the jungle has no place among rules.", "jungle law", "law of the jungle", True),
    ("Mao Zedong Thought also inspired Maoist movements.", "Maoism", "Mao Zedong Thought", True),
])
def test_is_near_miss(sentence: str, wrong: str, preferred: str, expected: bool) -> None:
    assert is_near_miss(sentence, wrong, preferred) is expected


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    return load([OFFICIAL])


def _entries() -> list[Entry]:
    return [e for e in glossary().entries
            if e.origin is not None and Path(str(e.origin.file)).name in NEAR_MISS_FILES]


def test_the_issue_15_files_are_loaded() -> None:
    names = {Path(str(e.origin.file)).name for e in _entries() if e.origin is not None}
    assert names == set(NEAR_MISS_FILES)


def _missing(entry: Entry) -> list[str]:
    """The entry's wrong renderings (with a wrong test sentence) that no near-miss correct sentence answers."""
    preferred = entry.preferred("en")
    assert preferred is not None
    correct = [x for t in entry.terms_in("en", ok=True) for x in t.examples]
    near = correct[1:]  # the first correct sentence is the plain example
    return [t.text for t in entry.terms_in("en", ok=False) if t.examples
            and not any(is_near_miss(s, t.text, preferred.text) for s in near)]


@pytest.mark.parametrize("entry", [e for e in _entries() if any(not t.status.ok for t in e.terms_in("en"))],
                         ids=lambda e: e.id)
def test_every_wrong_rendering_has_a_near_miss(entry: Entry) -> None:
    missing = [m for m in _missing(entry) if m not in NO_LOOKALIKE.get(entry.id, ())]
    assert not missing, f"{entry.id}: no correct sentence with words like {missing} (add a second test pair)"


def test_no_lookalike_list_is_current() -> None:
    """Each exempted rendering is a wrong rendering of its entry in these files and still has no near-miss."""
    by_id = {e.id: e for e in _entries()}
    stale = [(i, r) for i, rs in NO_LOOKALIKE.items() for r in rs
             if i not in by_id or r not in _missing(by_id[i])]
    assert not stale, f"remove from NO_LOOKALIKE (entry gone, or it has a near-miss now): {stale}"
