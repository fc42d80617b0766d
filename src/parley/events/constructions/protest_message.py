"""What a protest says is not a second act by the protesters (drops REQUEST/ACCUSE).

    Thousands demonstrated in Kirkuk calling for independence.
    -> PROTEST only (the "calling for" is the protest's message, no REQUEST)
Near miss: "The government called for calm after protesters marched" (a different party asks).
"""

from __future__ import annotations

from ...records import Event
from ..arguments import ArgumentFinders

def _drop_protest_messages(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    """"demonstrated in Kirkuk calling for independence", "staged rallies to demand
    reforms", "protested outside the embassy, denouncing Beijing's actions": the demand or
    denunciation is what the protest says, not a second act by the protesters."""
    protest_at = {e.trigger_start: e for e in events if e.type == "PROTEST"}
    if not protest_at:
        return events
    out: list[Event] = []
    for e in events:
        tok = ctx._trigger_token(e)
        if e.type in ("REQUEST", "ACCUSE") and tok is not None and tok.pos_ == "VERB" and tok.dep_ in ("advcl", "xcomp", "acl", "pcomp", "conj"):
            up, message = tok, False
            for _ in range(3):
                if up.dep_ not in ("advcl", "xcomp", "acl", "pcomp", "prep", "conj") or up.head.i == up.i:
                    break
                up = up.head
                heads = [up] + [c for c in up.children if c.dep_ in ("dobj", "nsubj")]
                hits = [protest_at[ctx.sentence.start + h.idx] for h in heads if ctx.sentence.start + h.idx in protest_at]
                if any(p.source.country == e.source.country for p in hits):
                    message = True
                    break
            if message:
                continue
        out.append(e)
    return out


def apply(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    return _drop_protest_messages(ctx, events)
