"""The sentence coder: generic code that reads the ordered rule tables below.

A sentence is read by the passes in `CONSTRUCTIONS`, in order (each a module in
`parley.events.constructions`, except the trigger words, coded here). Each trigger word's event is
filled in by table rows, in order:

1. `RE_READINGS`: a trigger row re-read from its complement ("vowed not to" is a REJECT,
   "vowed to fight" a THREATEN);
2. the arguments the word's own clause names: `NOUN_TARGETS` and `NOUN_SOURCES` (first row that
   applies decides) for an event noun, `VERB_ARGUMENTS` then `VERB_TARGET_FINDERS` (first row that
   finds a target wins) for a verb;
3. `FALLBACKS`, every row in order: guesses and conventions for a side still missing;
4. `MISSING_TARGET`: what a record with no target at all stands for (first row that applies).

A row is `(name, function)`; every function takes the sentence (`SentenceCoder`) and the working
`Reading`. To add a construction: see docs/architecture.md, "Events: triggers and constructions".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any, Callable

from ..records import Actor, Event
from . import derived
from .modality import as_stated
from .coding import Coding
from .constructions import arms_against, at_a_mission, brokered, brought_together, called_to, characterized_as, out_of_the_question, owned_request, persona_non_grata, protest_message, said_that_must
from .custody import CUSTODY_MODES, SUMMON_LEMMAS, custody_sides, passage_custody
from .learned import model_events
from .lexicon import Trigger, triggers_for
from .ontology import PLOVER_TYPES
from .parse_helpers import children_of, crowd_noun, habitual, inside, objects_of, subject_of
from .policy import confidence_for, dyad_allowed, is_place, actor_key
from .readings import TriggerReadings
from .referents import object_doer
from .arguments import ArgumentFinders
from .sentence import first_of_each_country, read_as_pair
from .words import (
    ADDRESSED_TYPES, APOLOGY_LEMMAS, ARMED_NON_STATE, CUSTODY_PENDING, DOMESTIC_TYPES, EVENT_PLACE_TYPES, HARM_VERBS,
    ONE_SIDED_TYPES, PROMISE_VERBS, RECIPROCAL_LIGHT_VERBS, RECIPROCAL_VERBS, STATIVE_PASSIVES, WEAPON_AGENTS,
)

# A government "protests" a visit or a decision: an official complaint (CAMEO 114, ACCUSE).
_OFFICIAL_PROTEST = Trigger("protest", "VERB", "ACCUSE", "114", ("dobj", "to", "against"), mode="allege", context="diplomatic")


@dataclass
class Reading:
    """One trigger word's event while the rule rows fill it in (a working record, not kept)."""

    tok: Any
    trig: Trigger
    verb: Any  # the verb whose clause holds the event (a noun's governing verb)
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    how: str = "parse"  # which argument finder named the dyad (kept in the coder string)
    no_guess: bool = False  # the source may not be guessed from the nearest actor
    vowed_force: bool = False
    governing: Any = None
    inquirer: list[Actor] = field(default_factory=list)
    unplaced: list[Actor] = field(default_factory=list)
    src_guessed: bool = False
    all_pairs: bool = False  # one event per pair of the sources (a symmetric act of three or more parties)
    reduced_passive: bool = False
    location: str | None = None
    location_country: str | None = None
    location_prep: str | None = None
    one_sided: bool = False
    dropped: bool = False  # a row ruled the event out


Row = tuple[str, Callable[["SentenceCoder", Reading], Any]]


class SentenceCoder(TriggerReadings, ArgumentFinders):
    """Codes one sentence: the passes of `CONSTRUCTIONS` in order, each trigger word by the tables."""

    def code(self) -> list[Event]:
        events: list[Event] = []
        for _name, apply in CONSTRUCTIONS:
            events = apply(self, events)
        return events

    def model_events(self, event_model: str, model: Any = None, proposals: list[tuple[str, float]] | None = None) -> list[Event]:
        return model_events(self, event_model, model, proposals)

    def _events_for(self, tok: Any, trig: Trigger) -> list[Event]:
        r = Reading(tok, trig, tok)
        for _name, rule in RE_READINGS:
            rule(self, r)
        if r.trig.pos == "NOUN":
            ok, r.governing = self._noun_is_occurrence(tok, r.trig)
            if not ok:
                return []
            for _name, rule in NOUN_TARGETS:
                rule(self, r)
            if r.dropped:
                return []
            for _name, rule in NOUN_SOURCES:
                if rule(self, r):
                    break
        else:
            for _name, rule in VERB_ARGUMENTS:
                rule(self, r)
        for _name, rule in FALLBACKS:
            rule(self, r)
        if not r.sources:
            return []
        if not r.targets:
            for _name, rule in MISSING_TARGET:
                if rule(self, r):
                    break
            if r.dropped:
                return []
        return self._emit(r)

    def _emit(self, r: Reading) -> list[Event]:
        tok, trig, how = r.tok, r.trig, r.how
        modality, why = self.modality_reason(tok, r.verb if trig.pos == "NOUN" else tok)
        if modality == "asserted" and trig.type == "CONSULT" and r.sources and all(a.resolution == "pair:meeting" for a in r.sources + r.targets):
            # "during the call, the two ministers ...": the meeting already coded (a negated
            # "the two ministers did not discuss X" is kept, marked)
            return []
        mode = self._mode(tok, trig, r.verb)
        coding = Coding("rule", trig.type, lemma=trig.lemma, pos=trig.pos.lower(), how=how).with_modality(modality, why).to_string()
        out = []
        pairs = list(combinations(r.sources, 2)) if r.all_pairs else [(s, t) for s in r.sources for t in r.targets]
        for s, t in pairs:
            if actor_key(s) == actor_key(t):
                continue
            if s.country is None and (t.country is None or r.one_sided) and how != "custody-passage":
                continue
            if t.resolution == "none" and s.resolution != "pair:meeting" and how == "one-sided" and r.src_guessed:
                continue  # a guessed source with no target at all: nothing is known
            if not dyad_allowed(trig.type, s, t, how) and not (r.vowed_force and t.resolution == "none"):
                if trig.type not in ONE_SIDED_TYPES or t.country != s.country or s.country is None:
                    continue
                # a one-sided act (a withdrawal, a strike) stands without its doubtful target
                t = Actor.absent("none")
            out.append(
                Event(
                    type=trig.type,
                    source=s,
                    target=t,
                    sentence=self.sentence.index,
                    evidence=self.sentence.text,
                    evidence_start=self.sentence.start,
                    evidence_end=self.sentence.end,
                    mode=mode,
                    context=trig.context,
                    modality=modality,  # type: ignore[arg-type]
                    trigger=tok.text,
                    trigger_start=self.sentence.start + tok.idx,
                    coder=coding,
                    confidence=confidence_for(how, s, t) if t.country else min(confidence_for(how, s, t), 0.5),
                    location=r.location,
                    location_country=r.location_country,
                    quotes=self._quotes_for(s, tok),
                )
            )
        return out


# -- the trigger-word pass ---------------------------------------------------------------------
def code_trigger_words(c: SentenceCoder, events: list[Event]) -> list[Event]:
    """Every trigger word of the sentence (see `parley.events.lexicon`), one reading per word."""
    events = list(events)
    for tok in c.sdoc:
        cands = _trigger_rows(tok)
        if not cands:
            continue  # most words trigger nothing: the checks below are for those that do
        if inside(tok.idx, c.quotes):
            continue  # events inside quotes are the speaker's words, attributed via Quote
        if tok.ent_type_ in ("DATE", "TIME"):
            continue  # "in March 2023": a month, never a march
        if tok.pos_ == "VERB" and tok.dep_ in ("amod", "compound"):
            continue  # "five detained US citizens": a state described, not an act reported
        if tok.tag_ in ("VBN", "JJ") and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and any(ch.dep_ == "det" and ch.lower_ == "the" for ch in tok.children) and not children_of(tok, ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "agent")):
            continue  # "evacuated the wounded", "the dead included": people, not an act
        if c._accusation_content(tok):
            continue  # "accused X of threatening": only the accusation is asserted
        verb = tok if tok.pos_ in ("VERB", "AUX", "ADJ") else tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
        if verb is not None and habitual(verb):
            continue  # "have clashed repeatedly", "has long refused", "held talks for years": no occasion
        for trig in c._select(tok, cands):
            found = c._events_for(tok, trig)
            if found:
                events.extend(found)
                break  # one reading per word
    return events


def _trigger_rows(tok: Any) -> list[Trigger]:
    """The trigger rows a word may stand for, before its context is read."""
    cands = triggers_for(tok.lemma_, tok.pos_)
    if not cands and tok.pos_ == "VERB" and tok.lower_ in ("met",):
        cands = triggers_for("meet", "VERB")
    if not cands and tok.pos_ in ("ADJ", "VERB", "NOUN") and tok.tag_ in ("VBN", "JJ", "NN"):
        # the tagger sometimes reads a participle as an adjective ("was attacked")
        cands = triggers_for(tok.lemma_, "VERB") if tok.dep_ in ("ROOT", "acomp", "conj", "advcl", "xcomp", "ccomp", "relcl") and tok.pos_ == "ADJ" else []
    return cands


# The passes over a sentence, in order. A new construction: one module in constructions/ with an
# `apply(coder, events) -> events`, and one row here.
CONSTRUCTIONS: tuple[tuple[str, Callable[[SentenceCoder, list[Event]], list[Event]]], ...] = (
    ("persona-non-grata", persona_non_grata.apply),
    ("trigger-words", code_trigger_words),
    ("said-that-must", said_that_must.apply),
    ("arms-against", arms_against.apply),
    ("protest-message", protest_message.apply),
    ("at-a-mission", at_a_mission.apply),
    ("out-of-the-question", out_of_the_question.apply),
    ("owned-request", owned_request.apply),
    ("characterized-as", characterized_as.apply),
    ("called-to", called_to.apply),
    ("brokered", brokered.apply),
    ("brought-together", brought_together.apply),
    ("derived", derived.apply),
    ("as-stated", as_stated),
)


# -- 1. re-readings of the trigger row -----------------------------------------------------------
def _promise_not_to(c: SentenceCoder, r: Reading) -> None:
    """"vowed not to return the Golan Heights": a promise not to act is a refusal."""
    if r.trig.type == "AGREE" and r.trig.lemma in PROMISE_VERBS and any(k.dep_ == "neg" for x in children_of(r.tok, ("xcomp", "ccomp")) for k in x.children):
        r.trig = replace(r.trig, type="REJECT", cameo="120")


def _vow_of_force(c: SentenceCoder, r: Reading) -> None:
    """"vowed to fight on", "swore to avenge": a vow to use force is a threat of force (CAMEO
    138), not an intent to cooperate; "vowed to fight corruption" is neither."""
    r.vowed_force = r.trig.pos == "VERB" and r.trig.lemma in PROMISE_VERBS and c._vowed_force(r.tok)
    if r.vowed_force:
        r.trig = replace(r.trig, type="THREATEN", cameo="138", objects=("against",), mode=None, context="military")


RE_READINGS: tuple[Row, ...] = (
    ("promise-not-to", _promise_not_to),
    ("vow-of-force", _vow_of_force),
)


# -- 2a. an event noun's own arguments -----------------------------------------------------------
def _noun_objects(c: SentenceCoder, r: Reading) -> None:
    objs = objects_of(r.tok, tuple(x for x in r.trig.objects if x != "between"))
    r.targets = [a for o in objs for a in c.actor(o)]
    if not any(a.country for a in r.targets):
        # "demonstrations against violations by the Israeli military", "withdrawal of
        # forces from Panama": the party behind the object, or the theme's own phrase
        behind = [a for o in objs for a in c._behind(o) if a.country] or [a for a in c._theme_targets(r.tok, r.trig) if a.country]
        if behind:
            r.targets, r.how = behind, "object-modifier"


def _noun_that_clause(c: SentenceCoder, r: Reading) -> None:
    """"reiterated its demand that Israel ease restrictions", "insisted on its demands that the
    government grant": the addressee is the subject of the "that" clause the noun (or its
    governing verb) takes."""
    if any(a.country for a in r.targets) or r.trig.type not in ("REQUEST", "THREATEN"):
        return
    tok, governing = r.tok, r.governing
    holders = [tok] + ([governing] if governing is not None else []) + ([tok.head.head] if tok.dep_ == "pobj" else [])
    for h in holders:
        for comp in h.children:
            if comp.dep_ in ("acl", "ccomp") and any(k.dep_ == "mark" and k.lower_ == "that" for k in comp.children):
                found = [a for sj in children_of(comp, ("nsubj",)) for a in c.actor(sj) if a.country]
                if found:
                    r.targets, r.how = found, "complement"
                    break
        if any(a.country for a in r.targets):
            break


def _noun_governing_verb(c: SentenceCoder, r: Reading) -> None:
    governing = r.governing
    if governing is None:
        return
    r.verb = governing
    if not r.targets:
        r.targets = [a for o in objects_of(governing, tuple(x for x in r.trig.objects if x not in ("dobj", "between"))) for a in c.actor(o)]
    if not r.targets and r.trig.type in ("ASSAULT", "COERCE"):
        # "opened fire to disperse the demonstrators": the force is aimed at whoever its
        # purpose clause acts on
        r.targets = [a for comp in governing.children if comp.dep_ == "advcl" and any(k.dep_ == "aux" and k.lower_ == "to" for k in comp.children)
                     for o in children_of(comp, ("dobj",)) for a in c.actor(o) if a.country]
        r.how = "complement" if r.targets else r.how


def _under_investigation(c: SentenceCoder, r: Reading) -> None:
    """"X has been put under investigation in Italy": X is investigated by the authorities of
    the place the inquiry is in (when one is named)."""
    tok, governing = r.tok, r.governing
    if not (governing is not None and tok.dep_ == "pobj" and tok.head.lower_ == "under" and children_of(governing, ("nsubjpass", "nsubj")) and not children_of(governing, ("agent",))):
        return
    r.targets = [a for sj in children_of(governing, ("nsubjpass", "nsubj")) for a in c.actor(sj) if a.country]
    places = [a for o in objects_of(tok, ("in",)) + objects_of(governing, ("in",)) for a in c.actor(o) if a.country and is_place(a)]
    if not (r.targets and places and places[0].country not in {a.country for a in r.targets}):
        r.dropped = True
        return
    p0 = places[0]
    r.inquirer = [Actor(p0.text, None, p0.country, "GOV", None, None, None, p0.start, p0.end, "place-authority")]


NOUN_TARGETS: tuple[Row, ...] = (
    ("objects", _noun_objects),
    ("that-clause", _noun_that_clause),
    ("governing-verb", _noun_governing_verb),
    ("under-investigation", _under_investigation),
)


def _between(c: SentenceCoder, r: Reading) -> list[Actor]:
    return [a for o in objects_of(r.tok, ("between",)) for a in c.actor(o)]


def _mediator(c: SentenceCoder, r: Reading) -> list[Actor]:
    governing = r.governing
    if r.trig.mode != "mediate" or governing is None:
        return []
    mediator = c.actor(subject_of(governing)[0])
    if not mediator:
        # a long name the parser breaks up ("Qatar's emir, Sheikh Hamad bin Khalifa al-Thani
        # launched"): the subject-side phrase before the verb names the mediator
        mediator = [a for ch in governing.lefts if ch.dep_ in ("nsubj", "dep") for a in c.actor(ch) if a.country][:1]
    return mediator


def _src_inquirer(c: SentenceCoder, r: Reading) -> bool:
    if not r.inquirer:
        return False
    r.sources = r.inquirer
    return True


def _src_mediation_between(c: SentenceCoder, r: Reading) -> bool:
    """"undertook a mediation mission between Syria and Arafat": the mediator consults each side."""
    between = _between(c, r)
    if len(between) < 2:
        return False
    mediator = _mediator(c, r)
    if not mediator:
        return False
    r.sources, r.targets, r.how = mediator, between, "between"
    return True


def _src_between(c: SentenceCoder, r: Reading) -> bool:
    between = _between(c, r)
    if len(between) < 2:
        return False
    r.sources, r.targets, r.how = [between[0]], between[1:], "between"
    return True


def _src_by_agent(c: SentenceCoder, r: Reading) -> bool:
    agents = [a for o in objects_of(r.tok, ("by",)) for a in c.actor(o) if a.country]
    if not agents:
        return False
    r.sources = agents  # "a visit by senior US officials"
    return True


def _src_possessor(c: SentenceCoder, r: Reading) -> bool:
    poss = children_of(r.tok, ("poss",))
    if not poss:
        return False
    r.sources = c.actor(poss[0])
    if not r.sources and poss[0].tag_ == "PRP$":
        # "insisted on its demands": the possessive pronoun is the clause's subject
        tok = r.tok
        holder = r.governing if r.governing is not None else tok.head.head if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" else None
        if holder is not None:
            r.sources = [a for a in c.actor(subject_of(holder)[0]) if a.country]
    return True


def _src_background_conflict(c: SentenceCoder, r: Reading) -> bool:
    """"surrendered following a government offensive", "offered talks after the invasions": the
    clause's subject answers the act, it did not do it; only the noun's own phrase names the doer."""
    if r.governing is None or not c._background_conflict(r.tok, r.trig):
        return False
    r.sources = [a for ch in r.tok.children if ch.dep_ in ("compound", "amod", "nmod") and ch.i in c.actors for a in c.actor(ch) if a.country]
    r.no_guess = True
    return True


def _src_governing_subject(c: SentenceCoder, r: Reading) -> bool:
    if r.governing is None:
        return False
    r.sources = c.actor(subject_of(r.governing)[0])
    return True


def _src_head_noun(c: SentenceCoder, r: Reading) -> bool:
    if not (r.tok.dep_ == "pobj" and r.tok.head.head.pos_ in ("NOUN", "PROPN")):
        return False
    r.sources = c.actor(r.tok.head.head)
    return True


# The first row that applies names the noun's source (and may name the target too).
NOUN_SOURCES: tuple[Row, ...] = (
    ("place-authority", _src_inquirer),
    ("mediation-between", _src_mediation_between),
    ("between", _src_between),
    ("by-agent", _src_by_agent),
    ("possessor", _src_possessor),
    ("background-conflict", _src_background_conflict),
    ("governing-subject", _src_governing_subject),
    ("head-noun", _src_head_noun),
)


# -- 2b. a verb's own arguments ------------------------------------------------------------------
def _verb_subject_and_objects(c: SentenceCoder, r: Reading) -> None:
    tok, trig = r.tok, r.trig
    subj, _ = subject_of(tok)
    stative = False
    stative_preps = STATIVE_PASSIVES.get(tok.lemma_.lower(), ())
    if subj is None and stative_preps and not children_of(tok, ("agent",)) and (
        objects_of(tok, stative_preps) or any(p.dep_ == "prep" and p.lower_ in stative_preps and children_of(p, ("pcomp",)) for p in tok.children)
    ):
        # ("is committed to opening up the economy": the stance's object is a clause)
        # "Israel is opposed to French mediation": a state, not a passive; the grammatical
        # subject holds the stance
        subj = next(iter(children_of(tok, ("nsubjpass",))), None)
        stative = True
    r.sources = c.actor(subj)
    if not r.sources and subj is not None and subj.lemma_.lower() in WEAPON_AGENTS:
        # "was hit by missiles fired from Syria", "killed by a drone launched by the rebels":
        # the agent is a weapon; whoever fired it is the source
        r.sources = [a for t in subj.subtree if t.i != subj.i and t.i in c.actors for a in c.actor(t) if a.country][:1]
    if not r.sources and trig.type == "ASSAULT" and trig.lemma in HARM_VERBS:
        r.sources = c._device_attacker(tok, subj)
        r.how = "device" if r.sources else r.how
    r.targets = [a for o in objects_of(tok, STATIVE_PASSIVES[tok.lemma_.lower()] if stative else trig.objects) for a in (c.actor(o) or (c._behind(o) if stative else []))]
    if trig.particle:
        r.targets = [a for o in objects_of(tok, (trig.particle,) + trig.objects) for a in c.actor(o)] or r.targets
    # An object of unknown country ("boycott all official contact with the United States",
    # read as a group of officials) gives way to a party the finders below find; it stays the
    # target when they find none.
    if r.targets and not any(a.country for a in r.targets):
        r.unplaced, r.targets = r.targets, []


def _verb_target_finders(c: SentenceCoder, r: Reading) -> None:
    for _name, how, finder in VERB_TARGET_FINDERS:
        if r.targets:
            return
        found = finder(c, r)
        if found:
            r.targets = found
            r.how = how or r.how


def _official_protest(c: SentenceCoder, r: Reading) -> None:
    """A government "protests" a visit or a decision: an official complaint (CAMEO 114,
    ACCUSE), not a street demonstration."""
    if r.trig.type == "PROTEST" and r.trig.lemma == "protest" and r.sources and all(a.sector == "GOV" and a.country for a in r.sources):
        r.trig = _OFFICIAL_PROTEST


VERB_ARGUMENTS: tuple[Row, ...] = (
    ("subject-and-objects", _verb_subject_and_objects),
    ("target-finders", _verb_target_finders),
    ("official-protest", _official_protest),
)


def _sources_countries(r: Reading) -> set[str]:
    return {a.country for a in r.sources if a.country}


def _find_prep_objects(c: SentenceCoder, r: Reading) -> list[Actor]:
    return [a for o in objects_of(r.tok, ("with", "against", "on", "upon", "to", "from")) for a in (c.actor(o) or c._behind(o)) if a.country]


def _find_ultimatum(c: SentenceCoder, r: Reading) -> list[Actor]:
    return c._ultimatum_addressees(r.tok, _sources_countries(r)) if r.trig.type == "THREATEN" else []


def _find_inquiry_place(c: SentenceCoder, r: Reading) -> list[Actor]:
    """"sent 20 experts to Bosnia to investigate ...": the inquiry is into the place the
    investigators were sent to."""
    tok, trig = r.tok, r.trig
    if not (trig.type == "ACCUSE" and trig.lemma in ("investigate", "probe", "inspect") and tok.dep_ == "advcl" and tok.head.pos_ == "VERB"):
        return []
    return [a for o in objects_of(tok.head, ("to", "into")) for a in c.actor(o) if a.country and a.country not in {x.country for x in r.sources}]


def _find_reaction(c: SentenceCoder, r: Reading) -> list[Actor]:
    if r.trig.type not in ADDRESSED_TYPES:
        return []
    return [a for a in c._reacted_to(r.tok) if a.country and actor_key(a) not in {actor_key(x) for x in r.sources}]


def _find_in_clause(c: SentenceCoder, r: Reading) -> list[Actor]:
    if PLOVER_TYPES[r.trig.type].symmetric or len(r.sources) >= 2:
        return []
    # a deployment or a threat is aimed at a place, and an apology at the place its wrong was done
    # in ("apologised for Italy's colonial rule over Libya")
    return c._in_clause(r.tok, r.sources, aimed_at_place=r.trig.type in ("MOBILIZE", "THREATEN") or r.trig.lemma in APOLOGY_LEMMAS)


# When the verb's own objects name no placed party: (name, how, finder), first found wins.
# `how` None keeps the finder's label as it was ("unplaced": the object of unknown country).
VERB_TARGET_FINDERS: tuple[tuple[str, str | None, Callable[[SentenceCoder, Reading], list[Actor]]], ...] = (
    ("object-modifier", "object-modifier", lambda c, r: [a for a in c._object_modifiers(r.tok) if a.country]),
    ("theme", "object-modifier", lambda c, r: [a for a in c._theme_targets(r.tok, r.trig) if a.country]),
    ("complement", "complement", lambda c, r: [a for a in c._complement_targets(r.tok, r.trig, _sources_countries(r)) if a.country]),
    ("prep-object", "prep-object", _find_prep_objects),
    ("ultimatum", "complement", _find_ultimatum),
    ("inquiry-place", "prep-object", _find_inquiry_place),
    ("unplaced", None, lambda c, r: r.unplaced),
    ("reaction", "reaction", _find_reaction),
    ("in-clause", "in-clause", _find_in_clause),
)


# -- 3. fallbacks, every row in order ------------------------------------------------------------
def _no_subject_in_quote(c: SentenceCoder, r: Reading) -> None:
    """A subject inside a quote cannot be the agent of a verb outside it (a parse error)."""
    if r.sources and any(inside(a.start - c.sentence.start, c.quotes) for a in r.sources):
        r.sources = []
    own = {actor_key(a) for a in r.sources}
    r.targets = [a for a in r.targets if actor_key(a) not in own or len(r.sources) > 1]


def _protester_noun(c: SentenceCoder, r: Reading) -> None:
    """"Hundreds of Filipinos protested outside ...", parsed as a participle of the noun:
    protesting is done, not suffered, so the noun is the protester."""
    if not r.sources and r.tok.dep_ == "acl" and r.trig.type == "PROTEST" and r.trig.pos == "VERB":
        r.sources = c.actor(r.tok.head)


def _nearest_actor(c: SentenceCoder, r: Reading) -> None:
    tok = r.tok
    reduced_passive = (tok.dep_ == "acl" and tok.tag_ == "VBN") or (tok.dep_ == "relcl" and any(ch.dep_ == "nsubjpass" for ch in tok.children))
    # "who had been charged or convicted": a participle coordinated with a passive is passive
    # too; its subject is the patient, and no agent may be guessed
    r.reduced_passive = reduced_passive or (
        tok.dep_ == "conj" and tok.tag_ == "VBN" and not any(ch.dep_ in ("aux", "auxpass", "nsubj") for ch in tok.children)
        and any(ch.dep_ in ("auxpass", "nsubjpass") for ch in tok.head.children)
    )
    if not r.sources and not r.reduced_passive and not r.no_guess and not c._named_non_agent(tok, r.trig):
        # (a participle or passive relative clause describes its noun's fate: "Koreans
        # mobilized for forced labour", "nationals who had been charged": no agent to guess)
        exclude = {actor_key(a) for a in r.targets}
        near = c.nearest_actor_before(tok.idx, exclude)
        r.src_guessed = near is not None
        if near is not None:
            r.sources = [near]
            r.how = "nearest-actor"


def _dyad_in_name(c: SentenceCoder, r: Reading) -> None:
    """Dyad named inside the event noun: "the US-China defense talks"."""
    if r.trig.pos != "NOUN" or r.targets:
        return
    from ..reference.gazetteer import lookup_country

    tok = r.tok
    inner_countries: list[str] = []
    for ch in tok.subtree:
        if ch.i < tok.i and ch.dep_ in ("compound", "amod", "nmod"):
            ref = lookup_country(ch.text)
            if ref is not None and ref.code not in inner_countries:
                inner_countries.append(ref.code)
    src_c = {a.country for a in r.sources}
    others = [x for x in inner_countries if x not in src_c]
    if others and (src_c & set(inner_countries) or not r.sources):
        r.targets = [Actor(others[0], None, others[0], "GOV", None, None, None, -1, -1, "dyad-in-name")]
        r.how = "dyad-in-name"
        if not r.sources and len(inner_countries) >= 2:
            r.sources = [Actor(inner_countries[0], None, inner_countries[0], "GOV", None, None, None, -1, -1, "dyad-in-name")]


def _with_partner(c: SentenceCoder, r: Reading) -> None:
    if PLOVER_TYPES[r.trig.type].symmetric and not r.targets and r.sources and len(r.sources) < 2:
        r.targets = c._with_partner(r.tok, r.sources)
        r.how = "with-partner" if r.targets else r.how


def _compound_subject(c: SentenceCoder, r: Reading) -> None:
    """Symmetric types: "Biden and Xi agreed" / "after a meeting, Biden and Xi agreed" -> a pair;
    reciprocal acts ("Thai and Cambodian troops clashed", "exchanged fire", "accused each
    other") -> each way."""
    symmetric = PLOVER_TYPES[r.trig.type].symmetric
    if not symmetric and r.trig.type != "SUPPORT" and not r.targets and read_as_pair(r.sources):
        # "the two countries fought a border war", "both sides pulled back": a pair phrase with
        # no one else named acts each way (docs/annotation.md section 3). A signing stays one
        # event, as for named parties below (the manual leaves it open, section 11)
        r.targets, r.how = list(r.sources), "pair"
        return
    if not symmetric and r.trig.type != "SUPPORT" and r.how == "parse" and not r.src_guessed and _reciprocal(c, r):
        # fighting or a row with no initiator told: one event in each direction between the
        # states on both sides, the subject and a verb's "with" object, read from the act itself
        # (docs/annotation.md section 3); `_emit` skips a party paired with itself
        partners = [a for o in objects_of(r.tok, ("with",)) for a in c.actor(o)] if r.trig.pos == "VERB" else []
        sides = first_of_each_country(r.sources + partners)
        if len(sides) >= 2:
            r.sources, r.targets, r.how = sides, list(sides), "reciprocal"
            return
    if symmetric and r.trig.pos == "VERB" and len(r.sources) >= 2 and r.how != "nearest-actor":
        # "Japan and South Korea agreed to strengthen cooperation with the US": the agreement
        # is between the subject's parties; the complement's third party is its topic.
        # Three or more parties ("Kyrgyzstan, Kazakhstan and Uzbekistan agreed"): one event per
        # pair of them, as the manual codes a deal or meeting among named parties.
        r.all_pairs = len(r.sources) >= 3
        r.sources, r.targets, r.how = (r.sources if r.all_pairs else [r.sources[0]]), r.sources[1:], "compound-actor"
    if (symmetric or r.trig.type in ("SUPPORT", "REJECT")) and not r.targets and len(r.sources) >= 2:
        # "a summit of Brazil, Argentina and Chile": a symmetric act of three or more, every pair
        r.all_pairs = symmetric and len(r.sources) >= 3
        if r.trig.type == "SUPPORT" and r.trig.cameo == "054":
            # "Washington and Hanoi normalised relations": each recognises the other, one event
            # each way (docs/annotation.md 2.17); `_emit` skips a party paired with itself
            r.targets = list(r.sources)
        else:
            r.sources, r.targets = (r.sources if r.all_pairs else [r.sources[0]]), r.sources[1:]
        r.how = "compound-actor"


def _reciprocal(c: SentenceCoder, r: Reading) -> bool:
    """The act is one of two sides against each other: a reciprocal verb with no direct object
    naming a party ("clashed", "fought with clubs", "fought a border war"), an event noun that
    "exchange" or "trade" takes ("exchanged fire", "traded accusations"), or an act on "each
    other" / "one another"."""
    tok = r.tok
    if r.trig.pos == "VERB" and r.trig.lemma in RECIPROCAL_VERBS:
        return not any(a.country for o in children_of(tok, ("dobj",)) for a in c.actor(o))
    if r.trig.pos == "NOUN" and r.verb is not None and r.verb.i != tok.i and r.verb.lemma_.lower() in RECIPROCAL_LIGHT_VERBS and tok.head.i == r.verb.i:
        return True
    doc = tok.doc
    return any(t.lower_ in ("other", "another") and t.i > 0 and doc[t.i - 1].lower_ in ("each", "one") for t in tok.subtree if t.i > tok.i)


def _locate(c: SentenceCoder, r: Reading) -> None:
    r.location, r.location_country = c._location(r.tok, r.verb)
    r.location_prep = c._location_prep


def _crowd_in_place(c: SentenceCoder, r: Reading) -> None:
    """"Thousands of people blocked streets in Hong Kong": an unnamed crowd protesting in a
    place is of that place (PLOVER codes protesters by where they protest)."""
    if not r.sources and r.trig.type == "PROTEST" and r.trig.pos == "VERB" and r.location_country and not r.reduced_passive:
        crowd = crowd_noun(subject_of(r.tok)[0])
        if crowd is not None:
            start = c.sentence.start + crowd.idx
            r.sources = [Actor(crowd.text, None, r.location_country, "CVL", None, None, None, start, start + len(crowd.text), "crowd-in-place")]


def _host_country(c: SentenceCoder, r: Reading) -> None:
    """The host country is a party only to joint exercises, visits, and meetings travelled *to*
    ("sent a delegation to Honolulu to attend the meeting"); a forum held *in* a city ("met on
    the sidelines of the dialogue in Singapore") does not make the host a participant."""
    trig, lc = r.trig, r.location_country
    travelled_to = trig.pos == "NOUN" and r.location_prep == "to"
    if not r.targets and trig.type in ("COOPERATE", "CONSULT") and lc and r.sources and all(a.country != lc for a in r.sources) and (trig.mode in ("joint exercise", "joint patrol", "visit") or trig.lemma in ("visit", "trip") or travelled_to):
        r.targets = [Actor(r.location or lc, None, lc, "GOV", None, None, None, -1, -1, "host-country")]
        r.how = "host-country"


def _group_in_place(c: SentenceCoder, r: Reading) -> None:
    """"attacked Islamic fundamentalists in Sudan": an unnamed group struck where the act takes
    place is of that place (a named person keeps an unknown country)."""
    lc = r.location_country
    if lc and r.location_prep in ("in", "at") and r.trig.type in ("ASSAULT", "COERCE") and r.targets and not any(a.country for a in r.targets):
        r.targets = [replace(a, country=lc, resolution=a.resolution + "+event-place") if a.name is None and a.person_id is None and a.start >= 0 else a for a in r.targets]


def _event_place(c: SentenceCoder, r: Reading) -> None:
    trig, lc = r.trig, r.location_country
    armed_at_home = trig.type == "ASSAULT" and any(a.sector in ARMED_NON_STATE for a in r.sources)
    if not r.targets and lc and r.sources and (trig.type in DOMESTIC_TYPES or armed_at_home or lc not in {a.country for a in r.sources}) and trig.type in EVENT_PLACE_TYPES and (trig.type != "RETREAT" or trig.mode in ("access", "withdraw")):
        r.targets = [Actor(r.location or lc, None, lc, None, None, None, None, -1, -1, "event-place")]
        r.how = "event-place"


def _domestic(c: SentenceCoder, r: Reading) -> None:
    """A strike, a crackdown, a curfew with no one else named is domestic: its target is the
    source's own country (PLOVER codes internal events that way)."""
    if not r.targets and r.sources and r.trig.type in DOMESTIC_TYPES:
        home = r.sources[0].country
        if home:
            r.targets = [Actor(home, None, home, "GOV", None, None, None, -1, -1, "domestic")]
            r.how = "domestic"


def _custody_place(c: SentenceCoder, r: Reading) -> None:
    """"Two Spanish trawlers were detained off the Moroccan port of Larache", "the Bulgarian
    ambassador was summoned to the ministry in Athens": an agentless custody or summons passive's
    source is the state of its place (`parley.events.custody`)."""
    if r.sources or r.trig.pos != "VERB" or not (r.trig.mode in CUSTODY_MODES or r.trig.lemma in SUMMON_LEMMAS):
        return
    found = custody_sides(c, r.tok)
    if found is not None:
        r.targets, source = found
        r.sources, r.how = [source], "custody-place"


def _custody_passage(c: SentenceCoder, r: Reading) -> None:
    """"The three officers were released on Tuesday": an agentless custody passive clause with no
    place is the custodian's the passage told, or no event (`parley.events.custody`, the stage's
    `_resolve_custody`); the nearest actor would be the patients' own state."""
    if r.sources or r.trig.pos != "VERB" or r.trig.mode not in CUSTODY_MODES:
        return
    patients = passage_custody(c, r.tok)
    if patients is not None:
        r.sources, r.targets, r.how = [Actor.absent(CUSTODY_PENDING)], patients, "custody-passage"


FALLBACKS: tuple[Row, ...] = (
    ("no-subject-in-quote", _no_subject_in_quote),
    ("protester-noun", _protester_noun),
    ("custody-place", _custody_place),  # before the nearest-actor guess: the place says who acted
    ("custody-passage", _custody_passage),  # so does the custody the passage told (or nobody)
    ("nearest-actor", _nearest_actor),
    ("dyad-in-name", _dyad_in_name),
    ("with-partner", _with_partner),
    ("compound-subject", _compound_subject),
    ("locate", _locate),
    ("crowd-in-place", _crowd_in_place),
    ("host-country", _host_country),
    ("group-in-place", _group_in_place),
    ("event-place", _event_place),
    ("domestic", _domestic),
)


# -- 4. no target at all --------------------------------------------------------------------------
def _referent(c: SentenceCoder, r: Reading) -> bool:
    """"Colombia has condemned the strikes", "Seoul rejected the accusations": an addressed
    verb's definite act object with no owner is aimed at whoever did that act, as the passage
    told it (`parley.events.referents`); a pending addressee otherwise."""
    if r.trig.type not in ADDRESSED_TYPES or r.trig.pos != "VERB" or r.vowed_force:
        return False
    agents = object_doer(c, r.tok, {a.country for a in r.sources if a.country}, r.trig.type == "REJECT")
    if not agents:
        return False
    r.targets, r.how = agents, "referent"
    return True


def _addressee_pending(c: SentenceCoder, r: Reading) -> bool:
    """A demand or an accusation is addressed: the run fills the page's interlocutor in later."""
    if r.trig.type not in ADDRESSED_TYPES or r.vowed_force:
        return False
    r.targets = [Actor.absent("unresolved")]
    r.how = "addressee-pending"
    return True


def _one_sided(c: SentenceCoder, r: Reading) -> bool:
    """A one-sided act, a stated commitment, or a vow to fight on (which names no enemy as
    often as not) stands without a target."""
    if not (r.trig.type in ONE_SIDED_TYPES or (r.trig.type == "AGREE" and r.trig.pos == "VERB") or r.vowed_force):
        return False
    r.targets = [Actor.absent("none")]
    r.how = "one-sided"
    r.one_sided = True
    return True


def _no_record(c: SentenceCoder, r: Reading) -> bool:
    r.dropped = True
    return True


MISSING_TARGET: tuple[tuple[str, Callable[[SentenceCoder, Reading], bool]], ...] = (
    ("referent", _referent),
    ("addressee-pending", _addressee_pending),
    ("one-sided", _one_sided),
    ("no-record", _no_record),
)
