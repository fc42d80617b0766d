"""REQUEST: "called X to do Y" asks X to act (CAMEO 020, appeal), it is no phone call.

    China called both sides to stop fighting.          -> REQUEST CHN -> each side (no CONSULT)
    The president called his Kenyan counterpart to discuss the border.
                                                       -> CONSULT (a purpose: the call itself
                                                          is to talk, "discuss" is its topic)
Near miss: "called the minister on Tuesday" (a call; no infinitive).
"""

from __future__ import annotations

from typing import Any

from ...records import Event
from ..arguments import ArgumentFinders
from ..coding import Coding
from ..parse_helpers import children_of, inside, subject_of

# Infinitives that say what a call was for, not what it asks of the callee ("called X to discuss").
TALK_PURPOSES = frozenset({"discuss", "talk", "congratulate", "thank", "express", "offer", "convey", "review", "exchange", "brief", "condole", "wish"})


def _asked_act(verb: Any) -> Any | None:
    """The infinitive the callee is asked to carry out, if any."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "advcl", "ccomp") and c.pos_ in ("VERB", "AUX") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return None if c.lemma_.lower() in TALK_PURPOSES else c
    return None


def _called_to(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    out: list[Event] = []
    dropped: set[int] = set()
    for verb in ctx.sdoc:
        if verb.lemma_.lower() != "call" or verb.pos_ != "VERB" or inside(verb.idx, ctx.quotes):
            continue
        objs = children_of(verb, ("dobj",))
        if not objs or _asked_act(verb) is None:
            continue
        start = ctx.sentence.start + verb.idx
        dropped.add(start)
        if any(e.type == "REQUEST" and e.trigger_start == start for e in events):
            continue
        subj, _ = subject_of(verb)
        sources = [a for a in ctx.actor(subj) if a.country]
        targets = [a for a in ctx.actor(objs[0]) if a.country]
        modality, why = ctx.modality_reason(verb, verb)
        coder = Coding("rule", "REQUEST", construction="called-to", how="parse").with_modality(modality, why).to_string()
        out += [ctx._make("REQUEST", s, t, verb, "020", None, None, modality, coder, 0.7) for s in sources for t in targets if s.country != t.country]
    kept = [e for e in events if not (e.type == "CONSULT" and e.trigger_start in dropped)]
    return kept + out


def apply(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    return _called_to(ctx, events)
