"""Glossary entries: a concept with terms per language, each with a TBX-style status."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

from termcheck.model import Origin, Severity


class Status(StrEnum):
    """TBX administrative status of a term."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"
    FORBIDDEN = "forbidden"

    def __str__(self) -> str:
        return self.value

    @property
    def ok(self) -> bool:
        """Preferred and admitted renderings are correct."""
        return self in (Status.PREFERRED, Status.ADMITTED)


TBX_STATUS = {
    "preferredTerm-admn-sts": Status.PREFERRED,
    "admittedTerm-admn-sts": Status.ADMITTED,
    "deprecatedTerm-admn-sts": Status.DEPRECATED,
    "supersededTerm-admn-sts": Status.SUPERSEDED,
    # the rest of TBX's picklist: a standard's, a law's or a regulation's term is the one to use
    "standardizedTerm-admn-sts": Status.PREFERRED,
    "legalTerm-admn-sts": Status.PREFERRED,
    "regulatedTerm-admn-sts": Status.PREFERRED,
    # not TBX-Basic, but seen in the wild
    "forbiddenTerm-admn-sts": Status.FORBIDDEN,
    "notRecommendedTerm-admn-sts": Status.DEPRECATED,
}


@dataclass(frozen=True, slots=True)
class Term:
    """One rendering of a concept in one language.

    `any_context` marks a wrong rendering that is wrong wherever it appears (a garble, a non-word),
    so it is flagged even when the source lacks the term or there is no source at all.
    `examples` are test sentences using this term: correct ones for ok terms, wrong ones else.
    """

    text: str
    lang: str
    status: Status = Status.PREFERRED
    any_context: bool = False
    examples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entry:
    """A concept: its terms in every language, severity, domains, note and attestation.

    `attestation` attests the renderings of the first target language (English in the bundled
    glossary); `attestations` holds (language, attestation) pairs for the other languages.
    """

    id: str
    terms: tuple[Term, ...]
    severity: Severity = Severity.MAJOR
    domains: tuple[str, ...] = ()
    note: str = ""
    attestation: str = ""
    origin: Origin | None = None
    attestations: tuple[tuple[str, str], ...] = ()

    def attestation_for(self, lang: str) -> str:
        """The attestation of one language's renderings (the entry's own where none is given for it)."""
        return next((a for code, a in self.attestations if code == lang), "") or self.attestation

    def terms_in(self, lang: str, *, ok: bool | None = None) -> tuple[Term, ...]:
        """Terms in one language; `ok=True` only correct ones, `ok=False` only wrong ones."""
        return tuple(t for t in self.terms if t.lang == lang and (ok is None or t.status.ok == ok))

    def preferred(self, lang: str) -> Term | None:
        """The first preferred term in a language (the suggestion), else the first admitted."""
        ok = self.terms_in(lang, ok=True)
        pref = [t for t in ok if t.status is Status.PREFERRED]
        return (pref or list(ok) or [None])[0]

    @property
    def langs(self) -> tuple[str, ...]:
        """Languages in order of first appearance."""
        return tuple(dict.fromkeys(t.lang for t in self.terms))


@dataclass(frozen=True)
class Glossary:
    """An ordered set of entries (ids unique) and where they came from."""

    entries: tuple[Entry, ...]
    sources: tuple[str, ...] = ()
    _by_id: dict[str, Entry] = field(default_factory=dict, repr=False, compare=False)
    _memo: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({e.id: e for e in self.entries})

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    @property
    def digest(self) -> str:
        """A short hash of the content (for the report signature), computed once."""
        memo = self.__dict__.setdefault("_memo", {})  # (a Glossary pickled by an older version has none)
        if "digest" not in memo:
            h = hashlib.sha256()
            for e in self.entries:
                h.update(repr((e.id, e.terms, e.severity, e.domains)).encode())
            memo["digest"] = h.hexdigest()[:12]
        return memo["digest"]

    def merged(self, other: Glossary) -> Glossary:
        """Entries of `other` override entries with the same id; new ones are appended."""
        by_id = dict(self._by_id)
        order = [e.id for e in self.entries]
        for e in other.entries:
            if e.id not in by_id:
                order.append(e.id)
            by_id[e.id] = e
        return Glossary(tuple(by_id[i] for i in order), self.sources + other.sources)
