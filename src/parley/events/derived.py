"""Derived events: CAMEO codes stated intentions, read off an act's modality.

A planned cooperative act is an intent to cooperate (AGREE), a planned conflictual act or an
ultimatum a THREATEN, a refusal of a cooperative act a REJECT. The derived event keeps the act's
dyad. A refusal, and the intention of a plan someone in the sentence states or commits to, are
acts themselves (asserted: the promise or threat was made); a narrator's schedule's intention
and a conditional's stay "planned".

    Iran said it would release the detained sailors.       -> RETREAT (planned) + AGREE (asserted)
    Serbia will boycott the talks unless Kosovo withdraws.  -> THREATEN SRB -> XKX (ultimatum)
    The president declined to resign despite calls from the opposition. -> REJECT
The rules are rows of `DERIVED_RULES`: the first whose `applies` holds decides the new type.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from ..records import Actor, Event
from .arguments import ArgumentFinders
from .coding import Coding
from .ontology import PLOVER_TYPES
from .parse_helpers import children_of, stated
from .policy import actor_key
from .words import PRESSURE_NOUNS


@dataclass(frozen=True)
class DerivedRule:
    """A stated intention: when `applies(event, why)` holds, `decide(ctx, event, quad_class)`
    gives the derived type (or None: the rule applies but derives nothing)."""

    name: str
    applies: Callable[[Event, str], bool]
    decide: Callable[[ArgumentFinders, Event, int], str | None]
    modality: str = "planned"


def _conditional(ctx: ArgumentFinders, e: Event, quad_class: int) -> str | None:
    if quad_class in (1, 2) and not _ultimatum(ctx, e):
        # "would meet the mediator if he gave them a veto", "is willing to send material if it
        # is attacked": a conditional offer is an intent to cooperate
        return "AGREE" if e.type != "AGREE" else None
    if quad_class in (3, 4) or e.modality == "planned":
        # "will boycott the elections unless", "may halt mediation if": an ultimatum
        return "THREATEN"
    return None


def _stated_plan(ctx: ArgumentFinders, e: Event, quad_class: int) -> str | None:
    if quad_class in (1, 2) and e.type != "AGREE":
        return "AGREE"
    if quad_class == 4 and e.type != "MOBILIZE":
        # a planned deployment is not by itself a threat (peacekeepers, exercises)
        return "THREATEN"
    return None


DERIVED_RULES: tuple[DerivedRule, ...] = (
    DerivedRule("conditional", lambda e, why: e.modality in ("planned", "hypothetical") and why == "condition" and e.type not in ("REQUEST", "THREATEN", "ACCUSE"), _conditional),
    DerivedRule("stated-plan", lambda e, why: e.modality == "planned" and why in ("future", "intent"), _stated_plan),
    DerivedRule("refusal", lambda e, why: e.modality == "negated" and why == "refusal", lambda ctx, e, qc: "REJECT" if qc in (1, 2) else None, modality="asserted"),
)


def apply(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    return events + derived_events(ctx, events)


def derived_events(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    out: list[Event] = []
    # an event still waiting for its addressee does not block the derived reading
    have = {(e.type, e.source.country) for e in events if e.target.resolution != "unresolved"}
    for e in events:
        coding = e.coding
        if not coding.why or coding.kind == "intent":
            continue
        why = coding.why
        info = PLOVER_TYPES[e.type]
        if e.target.resolution == "none" and (coding.how == "nearest-actor" or info.quad_class not in (1, 2)):
            # a one-sided act ("will release the hostages", "declined to resign") stands for an
            # intention or a refusal only when its doer is the clause's own subject
            continue
        rule = next((x for x in DERIVED_RULES if x.applies(e, why)), None)
        new_type = rule.decide(ctx, e, info.quad_class) if rule is not None else None
        if rule is None or new_type is None or (new_type, e.source.country) in have:
            continue
        have.add((new_type, e.source.country))
        if new_type == "REJECT" and e.target.resolution == "none":
            # "declined to resign despite pressure by the anti-graft body": the refusal is
            # addressed to whoever pressed for the act
            pressers = _despite_pressers(ctx, e)
            if pressers:
                e = replace(e, target=pressers[0])
        if new_type == "THREATEN" and why == "condition":
            # an ultimatum is addressed to whoever the condition is put to ("would strike unless
            # Israel rescinded ...")
            put_to = _condition_addressees(ctx, e)
            if put_to:
                e = replace(e, target=put_to[0])
        modality = rule.modality
        if rule.name == "stated-plan" and e.type in STATED_ACT_TYPES and _stated(ctx, e):
            # a promise or a threat is asserted when it is made (docs/annotation.md section 6:
            # "said it would send tents", "pledged to send" are AGREE asserted); a narrator's
            # schedule ("will travel to Ankara next month") and an announced visit stay planned
            modality = "asserted"
        out.append(replace(e, type=new_type, modality=modality, coder=_intention(coding, new_type, e.type), confidence=round(max(e.confidence - 0.1, 0.4), 2), mode=None, context=e.context))  # type: ignore[arg-type]
    return out


# Planned acts whose stated intention is itself an act: giving or yielding (AGREE) and a coercive
# step (THREATEN); an announced meeting or visit is a schedule (docs/annotation.md section 6)
STATED_ACT_TYPES = {"AID", "CONCEDE", "RETREAT", "COOPERATE", "SANCTION", "COERCE", "ASSAULT"}


def _stated(ctx: ArgumentFinders, e: Event) -> bool:
    """The planned act is said or committed to by someone in the sentence (see `stated`)."""
    tok = ctx._trigger_token(e)
    return tok is not None and stated(tok)


def _ultimatum(ctx: ArgumentFinders, e: Event) -> bool:
    """The act's condition is an "unless" clause ("will withdraw unless X pays"): a demand
    backed by the act, not an offer made on a condition ("would meet him if ...")."""
    clause = ctx._act_clause(e)
    return clause is None or any(t.dep_ == "mark" and t.lower_ == "unless" for t in clause.subtree)

def _despite_pressers(ctx: ArgumentFinders, e: Event) -> list[Actor]:
    """"refused to step down despite calls from the opposition", "declined to resign in
    spite of pressure by the commission": the party behind the pressure or demand the
    refusal withstands (its "by"/"from" phrase or its possessor)."""
    tok = ctx._trigger_token(e)
    if tok is None:
        return []
    anchors = [tok] + ([tok.head] if tok.dep_ in ("xcomp", "ccomp") else [])
    own = {actor_key(e.source)}
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("despite", "spite"):
                continue
            nouns = children_of(prep, ("pobj",))
            if prep.lower_ == "spite":
                nouns = [p for of in children_of(prep, ("prep",)) if of.lower_ == "of" for p in children_of(of, ("pobj",))]
            for n in nouns:
                if n.lemma_.lower() not in PRESSURE_NOUNS:
                    continue
                holders = children_of(n, ("poss",)) + [p for b in n.children if b.dep_ == "prep" and b.lower_ in ("by", "from") for p in children_of(b, ("pobj",))]
                found = [a for h in holders for a in ctx.actor(h) if a.country and actor_key(a) not in own]
                if found:
                    return found
    return []

def _condition_addressees(ctx: ArgumentFinders, e: Event) -> list[Actor]:
    clause = ctx._act_clause(e)
    if clause is None:
        return []
    return ctx._ultimatum_addressees(clause, {e.source.country} if e.source.country else set())


def _intention(act: Coding, new_type: str, act_type: str) -> str:
    """The coding of an intention read from an act: its type, the act's type and trigger."""
    return Coding("intent", new_type, lemma=act.lemma, pos=act.pos, construction=act.construction, derived_from=act_type).to_string()
