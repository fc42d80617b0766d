"""REJECT (CAMEO 120): an act the speaker says "is out of the question".

    US officials said that lifting the sanctions on Burma is out of the question.
    -> REJECT USA -> MMR; the lifting itself, if coded, is kept negated ("~negated:ruled-out")
Near miss: "said that lifting the sanctions is not out of the question" (a possibility).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...records import Actor, Event
from ..arguments import ArgumentFinders
from ..coding import Coding
from ..parse_helpers import children_of, inside, subject_of
from ..words import SPEECH_VERBS

def _ruled_out_act(ctx: ArgumentFinders, e: Event) -> list[Any]:
    be = ctx._trigger_token(e)
    if be is None:
        return []
    return [t for a in children_of(be, ("csubj", "nsubj")) for t in a.subtree]

def _out_of_the_question(ctx: ArgumentFinders) -> list[Event]:
    """"US officials said that lifting the sanctions on Burma is out of the question": the
    speaker rules the act out (REJECT speaker -> the party the act concerns)."""
    out: list[Event] = []
    if "question" not in ctx.sentence.text.lower():
        return out  # (the word the loop looks for: a string test spares the walk over the parse)
    for q in ctx.sdoc:
        if q.lower_ != "question" or q.dep_ != "pobj" or inside(q.idx, ctx.quotes):
            continue
        of = q.head
        if of.lower_ != "of" or of.head.lower_ != "out" or of.head.head.lemma_.lower() != "be":
            continue
        if not any(d.lower_ == "the" for d in q.children):
            continue
        be = of.head.head
        if any(k.dep_ == "neg" for k in be.children):
            continue  # "is not out of the question": a possibility, not a refusal
        speakers: list[Actor] = []
        if be.dep_ == "ccomp" and be.head.lemma_.lower() in SPEECH_VERBS:
            speakers = [a for a in ctx.actor(subject_of(be.head)[0]) if a.country]
        acts = children_of(be, ("csubj", "nsubj"))
        if not speakers or not acts:
            continue
        own = {a.country for a in speakers}
        act = acts[0]
        if act.pos_ == "VERB":
            targets = ctx._clause_objects(act, depth=0, exclude=own)
        else:
            targets = [a for a in ctx.actor(act) if a.country and a.country not in own] or [a for a in ctx._behind(act) if a.country and a.country not in own]
        for s in speakers:
            for t in targets[:1]:
                out.append(ctx._make("REJECT", s, t, be, "120", None, None, "asserted", Coding("rule", "REJECT", construction="out-of-the-question", how="parse").to_string(), 0.7))
    return out


def apply(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    ruled_out = _out_of_the_question(ctx)
    if ruled_out:
        # the act ruled out did not happen: it is kept, negated
        starts = {ctx.sentence.start + t.idx for r in ruled_out for t in _ruled_out_act(ctx, r)}
        events = [replace(e, modality="negated", coder=_ruled_out_coding(e.coder)) if e.trigger_start in starts else e for e in events]  # type: ignore[arg-type]
        events.extend(ruled_out)
    return events


def _ruled_out_coding(coder: str) -> str:
    """The act's coding marked negated for being ruled out (a reason it already has is kept)."""
    coding = Coding.from_string(coder)
    return (coding if coding.why else coding.with_modality("negated", "ruled-out")).to_string()
