"""REQUEST (CAMEO 100): "X said Y must/should/needs to ..." asks Y to act.

    The Bush administration declared that China must drop its trade barriers.
    -> REQUEST USA -> CHN
Near miss: "Scholz said Germany must avoid ..." (his own country's course, no request).
"""

from __future__ import annotations

from ...records import Event
from ..arguments import ArgumentFinders
from ..coding import Coding
from ..parse_helpers import children_of, inside, subject_of
from ..policy import actor_key
from ..words import SPEECH_VERBS

def _must_requests(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    """"The Bush administration declared that China must drop barriers": a speaker saying
    another party must/should do something requests it (REQUEST speaker -> that party)."""
    out: list[Event] = []
    for verb in ctx.sdoc:
        if verb.lemma_.lower() not in SPEECH_VERBS or inside(verb.idx, ctx.quotes):
            continue
        speaker_tok, _ = subject_of(verb)
        if speaker_tok is not None and speaker_tok.pos_ == "VERB" and children_of(speaker_tok, ("nsubj",)):
            # "The Red Cross operating in Iraq said": the parser makes the participle the
            # subject; the speaker is its own subject
            speaker_tok = children_of(speaker_tok, ("nsubj",))[0]
        speakers = ctx.actor(speaker_tok)
        if not speakers:
            continue
        for comp in children_of(verb, ("ccomp",)):
            if inside(comp.idx, ctx.quotes):
                continue
            auxes = {k.lower_ for k in comp.children if k.dep_ in ("aux", "auxpass")}
            needs = bool(auxes & {"must", "should", "ought"}) or (comp.lemma_.lower() in ("need", "have") and any(k.dep_ == "xcomp" for k in comp.children))
            if not needs:
                continue
            addressees = [a for s in children_of(comp, ("nsubj", "nsubjpass")) for a in ctx.actor(s)]
            for s in speakers:
                for t in addressees:
                    if actor_key(s) == actor_key(t) or (s.country and s.country == t.country and not (s.name or t.name)):
                        continue
                    if s.country and s.country == t.country and s.sector in ("GOV", "MIL") and t.name is None and t.resolution.startswith("country-term"):
                        continue  # "Scholz said Germany must avoid ...": his own country's course, no request
                    out.append(ctx._make("REQUEST", s, t, verb, "100", None, None, "asserted", Coding("rule", "REQUEST", construction=f"{verb.lemma_.lower()}-that-must", how="parse").to_string(), 0.75))
    return out


def apply(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    return events + _must_requests(ctx, events)
