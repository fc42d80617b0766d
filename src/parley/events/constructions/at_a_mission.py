"""A crowd protesting at a foreign mission: the mission's state is the target, the crowd is of
the state the mission stands in.

    Several dozen students demonstrated outside the Indian embassy in Kathmandu.
    -> PROTEST NPL -> IND (the crowd is where it protests; the mission is its state's)
    In Abidjan, protesters blocked roads and besieged the French embassy.
    -> PROTEST CIV -> FRA (not the city: a venue is a location, never a target)
    Supporters of the cleric stormed the embassy of Sweden in Baghdad.
    -> PROTEST IRQ -> SWE (a crowd's force at a mission is a protest: annotation manual, PROTEST)
Near misses: "Police guarded the US embassy" (no crowd), "Students queued outside the US embassy
for visas" (no protest: gathering verbs count only with a sign of protest in the sentence),
"The ambassador left the embassy" (no crowd), "Turkish protesters rallied outside the Israeli
embassy in Ankara" (a protester with a country of its own keeps it).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...records import Actor, Event
from ..arguments import ArgumentFinders
from ..coding import Coding
from ..parse_helpers import children_of, crowd_noun, inside, subject_of

MISSION_NOUNS = frozenset({"embassy", "consulate", "legation", "chancery"})
# "the Australian High Commission": a Commonwealth mission is a "high commission"
HIGH_COMMISSION = ("high", "commission")
# Verbs a crowd does at a mission that are a protest whatever else the sentence says.
PROTEST_AT = frozenset({
    "protest", "demonstrate", "rally", "march", "picket", "storm", "besiege", "attack", "ransack", "throw",
    "hurl", "pelt", "stone", "burn", "torch", "set", "surround", "blockade", "block", "occupy", "invade", "chant",
})
# Verbs of gathering: a protest only where the sentence shows one ("holding placards", "chanting").
GATHER_AT = frozenset({"gather", "mass", "assemble", "converge", "congregate"})
PROTEST_SIGNS = ("protest", "placard", "banner", "slogan", "chant", "shout", "denounc", "demand", "flag", "anger", "burn", "egg", "stone")
# The words between a verb and the mission it acts at ("outside", "in front of", "at", "to").
_PLACE_DEPS = frozenset({"dobj", "pobj", "prep", "advmod", "npadvmod", "pcomp"})
# Crowd resolutions the rule may re-place: none, or one the page's context guessed.
_GUESSED = ("group", "context", "crowd", "located-in")


def _mission_state(ctx: ArgumentFinders, noun: Any) -> str | None:
    """The state a mission noun belongs to: its nationality word ("the Indian embassy", "US
    embassy"), its owner ("Iran's embassy") or its "of" phrase ("the embassy of Sweden")."""
    from ...reference.gazetteer import lookup_country

    words = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.lower_ != "high"]
    words += [p for prep in children_of(noun, ("prep",)) if prep.lower_ == "of" for p in children_of(prep, ("pobj",))]
    for w in words:
        inner = ctx.actors.get(w.i)
        if inner is not None and inner.country and inner.name is None:
            return inner.country
        ref = lookup_country(w.text)
        if ref is not None and ref.kind == "country":
            return ref.code
    return None


def _missions(ctx: ArgumentFinders) -> list[Any]:
    out = []
    for t in ctx.sdoc:
        lem = t.lemma_.lower()
        if lem in MISSION_NOUNS or (lem == HIGH_COMMISSION[1] and any(c.lower_ == HIGH_COMMISSION[0] for c in t.children)):
            if not inside(t.idx, ctx.quotes):
                out.append(t)
    return out


def _acting_verb(noun: Any) -> Any | None:
    """The verb a mission phrase is the place or object of ("besieged the embassy", "outside the
    embassy", "in front of the embassy"), at most four steps up."""
    up = noun
    if up.dep_ == "compound" and up.head.pos_ == "NOUN":
        up = up.head  # "the US embassy compound", "the embassy gates"
    for _ in range(4):
        if up.dep_ not in _PLACE_DEPS or up.head.i == up.i:
            return None
        up = up.head
        if up.pos_ == "VERB":
            return up
    return None


def _host_state(ctx: ArgumentFinders, noun: Any, mission: str) -> str | None:
    """The state the mission stands in: its own "in" place, else another place of the sentence,
    else the page's first dateline; never the mission's own state."""
    from ...extract.dateline import DATELINE, dateline_end
    from ...reference.places import place_country

    for prep in children_of(noun, ("prep",)):
        if prep.lower_ == "in":
            for p in children_of(prep, ("pobj",)):
                inner = ctx.actors.get(p.i)
                if inner is not None and inner.country and inner.country != mission:
                    return inner.country
    for _, a in sorted(ctx.actors.items()):
        if a.country and a.country != mission and (a.resolution == "place" or a.resolution.startswith("metonymy:capital")):
            return a.country
    doc = ctx.doc
    for s in doc.sentences[:3]:
        if dateline_end(s.text):
            m = DATELINE.match(s.text)
            state = place_country(m.group("place").title()) if m else None
            return state if state and state != mission else None
    return None


def _crowd_side(ctx: ArgumentFinders, verb: Any) -> Any | None:
    """The unnamed crowd that does the act: the verb's subject ("students demonstrated"), a
    conjoined verb's ("blocked roads and besieged the embassy"), or the noun a participle
    describes ("people massed outside the embassy")."""
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return crowd_noun(verb.head)
    subj, _ = subject_of(verb)
    if subj is None and verb.dep_ == "conj":
        subj, _ = subject_of(verb.head)
    if subj is not None and subj.idx < ctx.dateline:
        # "JAKARTA, Aug 24 - Protesters threw ...": the parser hangs the subject off the dateline
        subj = next((c for c in subj.subtree if c.idx >= ctx.dateline and c.head.idx < ctx.dateline and c.pos_ in ("NOUN", "PROPN")), None)
    return crowd_noun(subj)


def _at_a_mission(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    if not any(n in ctx.sentence.text.lower() for n in ("embass", "consulate", "legation", "chancery", "high commission")):
        return events  # a string test spares the walk
    out = list(events)
    for noun in _missions(ctx):
        mission = _mission_state(ctx, noun)
        verb = _acting_verb(noun)
        if mission is None or verb is None:
            continue
        at = ctx.sentence.start + verb.idx
        start = ctx.sentence.start + noun.idx
        target = Actor(noun.text, None, mission, "GOV", None, None, None, start, start + len(noun.text), "mission")
        crowd = _crowd_side(ctx, verb)
        host = _host_state(ctx, noun, mission) if crowd is not None else None
        protests = [k for k, e in enumerate(out) if e.type == "PROTEST" and e.trigger_start == at]
        for k in protests:
            e = out[k]
            source, aimed = e.source, e.target
            if host is not None and (source.country is None or source.resolution.startswith(_GUESSED)) and source.name is None:
                source = replace(source, country=host, resolution="crowd-at-mission")
            if aimed.country is None or aimed.resolution in ("place", "event-place") or aimed.country == source.country:
                aimed = target
            out[k] = replace(e, source=source, target=aimed)
        if protests or crowd is None or host is None:
            continue
        lem = verb.lemma_.lower()
        if lem not in PROTEST_AT and not (lem in GATHER_AT and any(w in ctx.sentence.text.lower() for w in PROTEST_SIGNS)):
            continue
        modality, _ = ctx.modality_reason(verb, verb)
        if modality != "asserted":
            continue
        cstart = ctx.sentence.start + crowd.idx
        source = Actor(crowd.text, None, host, "CVL", None, None, None, cstart, cstart + len(crowd.text), "crowd-at-mission")
        coder = Coding("rule", "PROTEST", construction="at-a-mission", how="parse").to_string()
        out.append(ctx._make("PROTEST", source, target, verb, "140", "demo", None, "asserted", coder, 0.7))
    return out


def apply(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    return _at_a_mission(ctx, events)
