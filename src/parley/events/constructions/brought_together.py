"""CONSULT between every two states whose people a meeting brought together.

    The G7 talks bring together ministers from Britain, Canada, France and Japan.
                                        -> CONSULT GBR - CAN, GBR - FRA, ... CAN - JPN (six pairs)
    The summit in Arusha brought together the presidents of Kenya, Uganda and Tanzania.
    The conference drew Russia, Turkey and Iran together.
    The meeting gathered the foreign ministers of Kazakhstan, Kyrgyzstan and Tajikistan.
Near misses: "the crisis brought Russia and China together" (no meeting: the subject decides),
"the alliance brings together 32 states" (a standing body, not a meeting), "the summit will
bring together ..." (planned: the modality follows the verb). The forum in the subject ("the G7
talks") and the venue are no party (docs/annotation.md, section 3: one event per pair of
participants; venues are locations).
"""

from __future__ import annotations

from typing import Any

from ...records import Actor, Event
from ..arguments import ArgumentFinders
from ..coding import Coding
from ..parse_helpers import children_of, inside, subject_of
from ..sentence import first_of_each_country

# A gathering of a day or a few: who it brings together meet there.
MEETING_NOUNS = frozenset({
    "talks", "talk", "meeting", "summit", "conference", "forum", "session", "gathering", "round",
    "negotiations", "consultations",
})
# "bring" and "draw" gather only with "together"; the others do alone.
GATHERING_VERBS = frozenset({"gather", "assemble", "convene"})
TOGETHER_VERBS = frozenset({"bring", "draw"})


def _participants(ctx: ArgumentFinders, verb: Any) -> list[Actor]:
    """The states named in the verb's object phrase (its enumeration, its people's "of"/"from"
    phrases), one actor per country, in text order."""
    return first_of_each_country([a for obj in children_of(verb, ("dobj",)) for tok in obj.subtree for a in ctx.actor(tok)])


def _gathers(verb: Any) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in GATHERING_VERBS:
        return True
    return lemma in TOGETHER_VERBS and any(c.lower_ == "together" for c in verb.children)


def apply(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for verb in ctx.sdoc:
        if verb.pos_ != "VERB" or not _gathers(verb) or inside(verb.idx, ctx.quotes):
            continue
        subj, passive = subject_of(verb)
        if subj is None or passive or subj.lemma_.lower() not in MEETING_NOUNS:
            continue
        parties = _participants(ctx, verb)
        if len(parties) < 2:
            continue
        modality, why = ctx.modality_reason(verb, verb)
        coder = Coding("rule", "CONSULT", construction="brought-together", how="parse").with_modality(modality, why).to_string()
        out += [ctx._make("CONSULT", a, b, verb, "044", "in-person", "diplomatic", modality, coder, 0.7)
                for i, a in enumerate(parties) for b in parties[i + 1:]]
    have = {frozenset((e.source.country, e.target.country)) for e in events if e.type == "CONSULT"}
    return events + [e for e in out if frozenset((e.source.country, e.target.country)) not in have]
