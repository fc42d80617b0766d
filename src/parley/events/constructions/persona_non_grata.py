"""SANCTION expel (CAMEO 1663): "declared persona non grata".

    Lithuania declared two Russian diplomats persona non grata on Monday.
    -> SANCTION LTU -> RUS, mode expel, context diplomatic
Near miss: "the envoy, once persona non grata in Vilnius, returned" (no declaring verb before it).
"""

from __future__ import annotations

import re

from ...records import Event
from ..arguments import ArgumentFinders
from ..coding import Coding
from ..parse_helpers import inside, subject_of

def _persona_non_grata(ctx: ArgumentFinders) -> list[Event]:
    """"declared two diplomats persona non grata" (CAMEO 1663, SANCTION expel): a fixed
    Latin phrase the parser cannot read, so the declaring verb's subject is the source and
    the actors between the verb and the phrase are the expelled."""
    m = re.search(r"\bpersona(?:e)?\s+non\s+grata\b", ctx.sentence.text, re.IGNORECASE)
    if m is None or inside(m.start(), ctx.quotes):
        return []
    verbs = [t for t in ctx.sdoc if t.lemma_.lower() in ("declare", "name", "deem", "brand") and t.idx < m.start() and not inside(t.idx, ctx.quotes)]
    if not verbs:
        return []
    verb = verbs[-1]
    subj, _ = subject_of(verb)
    sources = [a for a in ctx.actor(subj) if a.country]
    between = [ctx.sdoc[i] for i in sorted(ctx.actors) if verb.idx < ctx.sdoc[i].idx < m.start()]
    targets = [a for t in between[:1] for a in ctx.actor(t) if a.country]
    modality, why = ctx.modality_reason(verb, verb)
    coder = Coding("rule", "SANCTION", construction="persona-non-grata", how="parse").with_modality(modality, why).to_string()
    return [ctx._make("SANCTION", s, t, verb, "1663", "expel", "diplomatic", modality, coder, 0.8) for s in sources for t in targets if s.country != t.country]


def apply(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    return events + _persona_non_grata(ctx)
