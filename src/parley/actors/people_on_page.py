"""The people a page has named so far, so that "Secretary Austin", "Mr. Dong" and a variant
spelling ("Dong Quan" after "Dong Jun") resolve to the person introduced earlier.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .names import norm_tokens
from .words import (
    PERSON_OFFICES,
)


@dataclass
class PersonEntry:
    name: str
    tokens: tuple[str, ...]
    country: str | None
    sector: str | None
    role: str | None
    office: str | None
    person_id: str | None
    aliases: set[str] = field(default_factory=set)


@dataclass
class PageMemory:
    """What the page has said so far about people (mutable only within one document's stage)."""

    people: list[PersonEntry] = field(default_factory=list)
    last_subject_person: PersonEntry | None = None
    last_subject_sentence: int | None = None
    people_since_subject: int = 0  # other people named after the last subject person

    def match(self, name: str, country: str | None, office: str | None) -> tuple[PersonEntry | None, str]:
        toks = norm_tokens(name)
        if not toks:
            return None, ""
        key = " ".join(toks)
        for p in self.people:
            if key == " ".join(p.tokens) or key in p.aliases:
                return p, "same-name"
        if "-" in name and name.replace("-", "").split():
            # "Blin-ken": a line-break hyphen left in scraped text
            joined = name.replace("-", "").lower().split()[-1]
            hits = [p for p in self.people if p.tokens and p.tokens[-1] == joined]
            if len(hits) == 1:
                return hits[0], "dehyphenated"
        # Surname-only or partial ("Austin", "Mr. Dong"): every token of the mention occurs in
        # exactly one known person.
        sharing = [p for p in self.people if set(toks) & set(p.tokens) and self._compatible(p, country, office)]
        if len(sharing) == 1:
            p = sharing[0]
            if set(toks) <= set(p.tokens):
                return p, "surname"
            # A variant spelling: shares a name token (the family name) and nothing contradicts.
            others = [p2 for p2 in self.people if p2 is not p and set(toks) & set(p2.tokens)]
            if not others and len(toks) <= 3:
                return p, "variant-spelling"
        elif len(sharing) > 1:
            # Two people share the surname: only a close full-name match decides.
            scored = sorted(((fuzz.ratio(key, " ".join(p.tokens)), i) for i, p in enumerate(sharing)), reverse=True)
            if scored[0][0] >= 85 and (len(scored) == 1 or scored[0][0] - scored[1][0] >= 10):
                return sharing[scored[0][1]], "fuzzy-name"
        return None, ""

    @staticmethod
    def _compatible(p: PersonEntry, country: str | None, office: str | None) -> bool:
        if country and p.country and country != p.country:
            return False
        # Only two *personal* offices can contradict ("Defense Minister" vs "Prime Minister");
        # an institution in the phrase ("the Ministry of National Defense, Minister Dong") cannot.
        generic = ("minister", "official")
        if (office in PERSON_OFFICES and p.office in PERSON_OFFICES and office != p.office
                and office not in generic and p.office not in generic):
            return False
        return True
