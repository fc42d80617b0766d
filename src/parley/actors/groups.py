"""Collective actors without a state word: NGOs named by name or common noun, crowds, peoples.
"""

from __future__ import annotations

from typing import Any

from .phrases import NounPhrase
from .words import (
    ORG_NAME_HEADS, NGO_SECTOR_WORDS, CROWD_HEADS, CROWD_COUNTS, ELITE_HEADS,
)


def people_sector(np: NounPhrase, head: Any) -> str:
    # "a group of Yoruba leaders": the group is its members
    of = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    lead = of[0] if of and head.lemma_.lower() in CROWD_COUNTS else head
    if lead.lemma_.lower() in ELITE_HEADS and (np.sector in (None, "GOV")):
        return "ELI"
    return np.sector or "CVL"


def ngo_sector(words: list[str]) -> str:
    for keys, sector in NGO_SECTOR_WORDS:
        if any(w in keys for w in words):
            return sector
    return "SOC"


def named_org_head(head: Any) -> Any:
    """The head of a proper-noun organisation name the phrase is, or is a member of ("Members of
    the Association of African Jurists"); None otherwise."""
    tok = head
    if head.lemma_.lower() in ("member", "delegation", "delegate", "representative") :
        pobj = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if not pobj:
            return None
        tok = pobj[0]
    if tok.pos_ != "PROPN" or tok.lower_ not in ORG_NAME_HEADS or not tok.text[:1].isupper():
        return None
    # the name: capitalised modifiers before the head, and an "of" complement after it
    named = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i and c.text[:1].isupper()]
    of_obj = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "for", "on", "against")
              for o in p.children if o.dep_ == "pobj" and o.text[:1].isupper()]
    return tok if (named or of_obj) else None


def crowd_noun(head: Any) -> Any:
    """"Hundreds of thousands of people", "crowds", "inmates": the crowd noun, else None."""
    tok = head
    for _ in range(3):
        if tok.lemma_.lower() in CROWD_HEADS or tok.lower_ in CROWD_HEADS:
            return tok
        if tok.lemma_.lower() not in CROWD_COUNTS and tok.lower_ not in CROWD_COUNTS:
            return None
        nxt = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if not nxt:
            return None
        tok = nxt[0]
    return None
