"""Custody and summonses told in an agentless passive: the state of the place acts.

    Two Spanish trawlers were detained off the Moroccan port of Larache on Tuesday.
    -> COERCE MAR -> ESP (the place's state holds the patient's people)
    Three Moroccan sailors held in Algeciras were freed on bail on Thursday.
    -> RETREAT ESP -> MAR
    The Bulgarian ambassador was summoned to the foreign ministry in Athens.
    -> ACCUSE GRC -> BGR (a state summons envoys where it sits)
Near misses: "were detained by Moroccan coastguards" (the agent is the source: the rules read
it); "two Spaniards were arrested in Madrid" (the place is the patient's own country: a domestic
act, no interaction); "the crew were released" (no place: nothing is known of who held them);
"two aid workers were seized at the camp" (a seizure of people may be a kidnapping).

A state arrests and frees on its own territory and waters, so where the text names no
agent the place says who acted (docs/annotation.md section 3: an agentless passive takes its
source from context when the page makes the actor clear).
"""

from __future__ import annotations

from typing import Any

from ..records import Actor
from .parse_helpers import children_of
from .sentence import SentenceContext
from .words import CUSTODY_PENDING

# the modes of the custody triggers (COERCE arrest, RETREAT release; a seizure of people is as
# often a kidnapping as an arrest)
CUSTODY_MODES = frozenset({"arrest", "release"})
# the summoning verbs, read the same way
SUMMON_LEMMAS = frozenset({"summon"})
# prepositions that put an arrest or a release somewhere ("to" for a summons: "to the ministry in Athens")
CUSTODY_PLACE_PREPS = frozenset({"in", "at", "near", "off", "inside", "outside"})
SUMMONS_PLACE_PREPS = CUSTODY_PLACE_PREPS | {"to"}
# the relative words whose antecedent is the patient ("fishermen who were arrested")
_RELATIVES = frozenset({"who", "which", "that", "whom"})


def custody_sides(ctx: SentenceContext, verb: Any) -> tuple[list[Actor], Actor] | None:
    """(the patients, the place's state as the source) for a custody verb in the passive with no
    agent, when the place is of another country than every patient; else None."""
    if children_of(verb, ("agent", "nsubj")) or not _passive(verb):
        return None
    patient = _patient(verb)
    if patient is None:
        return None
    patients = [a for a in ctx.actor(patient) if a.country]
    if not patients:
        return None
    preps = SUMMONS_PLACE_PREPS if verb.lemma_.lower() in SUMMON_LEMMAS else CUSTODY_PLACE_PREPS
    place = _place(ctx, verb, preps) or (_place(ctx, patient_clause, preps) if (patient_clause := _held_clause(patient)) is not None else None)
    if place is None:
        return None
    text, country = place
    if any(a.country == country for a in patients):
        return None
    return patients, Actor(text, None, country, "GOV", None, None, None, -1, -1, "custody-place")


def passage_custody(ctx: SentenceContext, verb: Any) -> list[Actor] | None:
    """An agentless custody passive that names no place ("The three officers were released on
    Tuesday", "The two groups were detained in November"): its patients' actors (the phrase
    itself, `CUSTODY_PENDING`, when they name no state), for the stage to take the custodian
    from the custody the passage told (`events.stage._resolve_custody`); None when the verb is
    no such passive clause or names a place (`custody_sides` reads that)."""
    if children_of(verb, ("agent", "nsubj")) or not children_of(verb, ("nsubjpass",)):
        return None  # (a participle, "carabineros detained last month", describes its noun: the
        # clause it sits in names the parties)
    patient = _patient(verb)
    if patient is None or patient.lower_ in _RELATIVES:
        return None
    preps = SUMMONS_PLACE_PREPS if verb.lemma_.lower() in SUMMON_LEMMAS else CUSTODY_PLACE_PREPS
    if _place(ctx, verb, preps) is not None:
        return None  # a place of the patients' own state: a domestic act (custody_sides)
    held = [a for a in ctx.actor(patient) if a.country]
    if held:
        return held
    # patients of no named state: a side the passage's custody fills in
    phrase = ctx.sdoc[patient.left_edge.i:patient.i + 1]
    start = ctx.sentence.start + phrase.start_char
    return [Actor(phrase.text, None, None, None, None, None, None, start, start + len(phrase.text), CUSTODY_PENDING)]


def _passive(verb: Any) -> bool:
    """"were detained", "had been seized", "sailors held in ...", "who were arrested"."""
    if children_of(verb, ("auxpass", "nsubjpass")):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "conj")


def _patient(verb: Any) -> Any | None:
    """Who is held or freed: the passive subject (its antecedent when a relative word), the noun a
    reduced clause describes, or the passive subject of the verb a bare conjunct shares it with."""
    subj = children_of(verb, ("nsubjpass",))
    if subj:
        # two passive subjects is a parse error (a dateline taken as one: "JAKARTA, March 21 -
        # Eight Chinese fishermen were detained"); the one nearest the verb is the likelier
        nearest = min(subj, key=lambda x: abs(verb.i - x.i))
        if nearest.lower_ in _RELATIVES and verb.dep_ == "relcl":
            return verb.head
        return nearest
    if verb.dep_ == "acl":
        return verb.head
    if verb.dep_ == "conj" and verb.head is not verb:
        return _patient(verb.head)
    return None


def _held_clause(patient: Any) -> Any | None:
    """"sailors held in Algeciras ... were freed": the patient's own custody clause."""
    return next((c for c in patient.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)


def _place(ctx: SentenceContext, verb: Any, preps: frozenset[str]) -> tuple[str, str] | None:
    """(place text, its country) named by the verb's own place phrase."""
    from ..reference.gazetteer import lookup_country
    from ..reference.places import place_country

    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for pobj in children_of(prep, ("pobj",)):
            words = list(pobj.subtree)
            for tok in words:
                a = ctx.actors.get(tok.i)
                if a is not None and a.country and not a.person_id:
                    return a.text, a.country
            names = [t for t in words if t.pos_ == "PROPN"]
            if names:
                name = " ".join(t.text for t in names)
                ref = lookup_country(name)
                code = ref.code if ref is not None else place_country(name)
                if code is not None:
                    return name, code
    return None
