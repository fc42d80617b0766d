"""THREATEN (CAMEO 138): arming oneself to use the arms against a named party.

    Iraq claims to be manufacturing chemical weapons to use against the United States.
    -> THREATEN IRQ -> USA
Near miss: "sent missiles to Ukraine to use against Russian forces" (arms supplied to another
party are aid to it, not a threat by the supplier).
"""

from __future__ import annotations

from ...records import Event
from ..arguments import ArgumentFinders
from ..coding import Coding
from ..parse_helpers import children_of, inside, subject_of
from ..words import ARMING_VERBS, ARMS_NOUNS

def _armed_against(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    """"claims to be manufacturing chemical weapons to use against the United States",
    "is building missiles to be used against Israel": arming oneself for the stated
    purpose of using the arms on a named party is a threat of force against it (CAMEO 138).
    Supplying arms to someone else for that use is aid to them, not this."""
    out: list[Event] = []
    have = {(e.type, e.source.country) for e in events}
    for use in ctx.sdoc:
        if use.lemma_.lower() != "use" or use.pos_ != "VERB" or inside(use.idx, ctx.quotes) or any(k.dep_ == "neg" for k in use.children):
            continue
        if not any(k.dep_ == "aux" and k.lower_ == "to" for k in use.children):
            continue
        enemies = [a for prep in use.children if prep.dep_ == "prep" and prep.lower_ == "against" for p in children_of(prep, ("pobj",)) for a in ctx.actor(p) if a.country]
        if not enemies:
            continue
        head = use.head
        if head.pos_ in ("NOUN", "PROPN") and use.dep_ in ("acl", "relcl") and head.lemma_.lower() in ARMS_NOUNS and head.dep_ == "dobj":
            verb = head.head  # "weapons to use against": the weapons' own verb
        elif use.dep_ in ("advcl", "xcomp") and head.pos_ == "VERB" and any(d.lemma_.lower() in ARMS_NOUNS for d in children_of(head, ("dobj",))):
            verb = head
        else:
            continue
        if verb.lemma_.lower() not in ARMING_VERBS:
            continue
        subj, _ = subject_of(verb)
        sources = [a for a in ctx.actor(subj) if a.country]
        modality = ctx.modality(verb, verb)
        for s in sources:
            if ("THREATEN", s.country) in have:
                continue
            for t in enemies:
                if t.country == s.country:
                    continue
                out.append(ctx._make("THREATEN", s, t, verb, "138", None, "military", modality, Coding("rule", "THREATEN", construction=f"{verb.lemma_.lower()}-arms-against", how="parse").to_string(), 0.7))
            have.add(("THREATEN", s.country))
    return out


def apply(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    return events + _armed_against(ctx, events)
