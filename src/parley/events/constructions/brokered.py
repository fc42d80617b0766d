"""CONSULT `mediate` from a broker to each party of the deal it brokered.

    Slovenia and Croatia agreed on Sunday to suspend their declarations, in a deal brokered by
    European Community ministers.          -> CONSULT EUR -> SVN and EUR -> HRV
    Turkey brokered a deal between Ethiopia and Somalia.   -> CONSULT TUR -> ETH and TUR -> SOM
    Norway brokered the accord that Israel and the PLO signed.   (the relative clause's parties)
Near miss: "the broker of the deal" (a noun, no act told), "would broker talks" (not asserted:
the modality follows the verb).
"""

from __future__ import annotations

from typing import Any

from ...records import Actor, Event
from ..arguments import ArgumentFinders
from ..coding import Coding
from ..parse_helpers import children_of, inside, subject_of


def _actors(ctx: ArgumentFinders, toks: list[Any]) -> list[Actor]:
    return [a for t in toks for a in ctx.actor(t) if a.country]


def _parties(ctx: ArgumentFinders, verb: Any) -> list[Actor]:
    """Who the brokered deal was between: its "between" phrase, its owner ("their
    reconciliation", "Kenya's deal with Somalia"), else the subject of the clause the deal
    belongs to ("Slovenia and Croatia agreed ..., in a deal brokered by ...")."""
    deal = verb.head if verb.dep_ == "acl" else next(iter(children_of(verb, ("dobj",))), None)
    if deal is None:
        return []
    between = [p for prep in deal.children if prep.dep_ == "prep" and prep.lower_ in ("between", "with") for p in children_of(prep, ("pobj",))]
    owners = [c for c in deal.children if c.dep_ in ("poss", "compound", "amod")]
    found = _actors(ctx, between + owners)
    if found or verb.dep_ != "acl":
        return found
    up = deal
    while up.dep_ in ("pobj", "prep", "dobj", "npadvmod") and up.head is not up:
        up = up.head
    subj, _ = subject_of(up) if up.pos_ in ("VERB", "AUX") else (None, False)
    return _actors(ctx, [subj]) if subj is not None else []


def _brokered(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    if "broker" not in ctx.sentence.text.lower():
        return events  # every form of the verb spells "broker": a string test spares the walk
    out: list[Event] = []
    for verb in ctx.sdoc:
        if verb.lemma_.lower() != "broker" or verb.pos_ != "VERB" or inside(verb.idx, ctx.quotes):
            continue
        agents = [p for a in children_of(verb, ("agent",)) for p in children_of(a, ("pobj",))]
        brokers = _actors(ctx, agents) if agents else _actors(ctx, [subject_of(verb)[0]]) if verb.dep_ != "acl" else []
        if not brokers:
            continue
        parties = _parties(ctx, verb)
        # a participle describing the deal ("a deal brokered by X") tells a brokering done: the
        # plan or intent of the clause it sits in is the deal's, not the brokering's
        modality, why = ("asserted", "") if verb.dep_ == "acl" else ctx.modality_reason(verb, verb)
        if verb.dep_ == "acl" and ctx.modality_reason(verb, verb)[0] == "question":
            continue
        coder = Coding("rule", "CONSULT", construction="brokered", how="parse").with_modality(modality, why).to_string()
        own = {b.country for b in brokers}
        out += [ctx._make("CONSULT", b, p, verb, "045", "mediate", "diplomatic", modality, coder, 0.7)
                for b in brokers for p in parties if p.country not in own]
    have = {(e.source.country, e.target.country) for e in events if e.type == "CONSULT"}
    return events + [e for e in out if (e.source.country, e.target.country) not in have]


def apply(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    return _brokered(ctx, events)
