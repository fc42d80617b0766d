"""Which reading of a trigger word its sentence allows, and whether an event noun happened.

`_select` ranks a word's trigger rows by the context they need (particle, object, modifier,
subject, complement); `_noun_is_occurrence` tells "held talks" (an event) from "promoting
visits" (a topic); `_accusation_content` finds what someone is only accused of.
"""

from __future__ import annotations

from typing import Any

from .lexicon import OCCURRENCE_VERBS, Trigger
from .ontology import PLOVER_TYPES
from .parse_helpers import counted_vaguely, objects_of, states_fact, subject_of
from .sentence import SentenceContext
from .words import ADJUNCT_PREPS, ALLEGING_HEADS, EVENT_PART_NOUNS, HAPPENING_NOUNS, STATE_NOUNS, TERMINATING, TIME_NOUNS, TRAVEL_VERBS


class TriggerReadings(SentenceContext):
    """Which trigger rows a word's context allows, and whether an event noun happened."""

    def _accusation_content(self, tok: Any) -> bool:
        """The trigger is what someone is accused, charged, convicted or suspected of ("accused
        the delegation of threatening retaliation", "charged with violating sanctions",
        "condemned X for attacking"): an allegation, not an event the page asserts."""
        t = tok
        for _ in range(6):
            if t.head is t or t.dep_ not in ("pobj", "pcomp", "prep", "conj"):
                return False
            if t.dep_ == "prep" and t.lower_ in ("of", "for", "with") and (
                t.head.lemma_.lower() in ALLEGING_HEADS
                or (t.head.dep_ == "dobj" and t.head.head.lemma_.lower() in ALLEGING_HEADS)
            ):
                return True  # "accused X of ...", "accused the delegation of ..."
            t = t.head
        return False

    def _select(self, tok: Any, cands: list[Trigger]) -> list[Trigger]:
        """Readings of a trigger word that its context allows, most specific first."""
        if not cands:
            return []
        # "called Xi on Tuesday": a preposition whose object is a time is no particle ("call on")
        preps = {c.lower_ for c in tok.children if c.dep_ == "prt" or (c.dep_ == "prep" and not _time_phrase(c))}
        objs = objects_of(tok, ("dobj", "dative")) if tok.pos_ in ("VERB", "AUX", "ADJ") else []
        obj_lemmas = {o.lemma_.lower() for o in objs} | {c.lemma_.lower() for o in objs for c in o.children if c.dep_ in ("compound", "amod")}
        obj_lemmas |= {o.lower_ for o in objs}
        # "5.1 million dollars of aid", "700 kg of medicine": the measured stuff is the object
        obj_lemmas |= {p.lemma_.lower() for o in objs for prep in o.children if prep.dep_ == "prep" and prep.lower_ in ("of", "in") for p in prep.children if p.dep_ == "pobj"}
        subj_tok, _ = subject_of(tok) if tok.pos_ in ("VERB", "AUX", "ADJ") else (None, False)
        subj_lemmas = {subj_tok.lemma_.lower(), subj_tok.lower_} if subj_tok is not None else set()
        if subj_tok is not None:
            # "the first deployment of NATO troops arrived", "a batch of peacekeepers": the
            # measured group is the subject's kind
            subj_lemmas |= {p.lemma_.lower() for prep in subj_tok.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"}
        comps = {c.lemma_.lower() for c in tok.children if c.dep_ in ("xcomp", "ccomp")} if tok.pos_ in ("VERB", "AUX") else set()
        pobjs = {p.lemma_.lower() for prep in tok.children if prep.dep_ == "prep" for p in prep.children if p.dep_ == "pobj"}
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "advmod", "npadvmod")}
        mods |= {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "advmod", "npadvmod")}
        scored: list[tuple[int, int, Trigger]] = []
        for n, t in enumerate(cands):
            if t.particle and t.particle not in preps:
                continue
            if t.needs_object and not obj_lemmas & set(t.needs_object):
                continue
            if t.forbids_object and {o.lemma_.lower() for o in objs} & set(t.forbids_object):
                continue
            if t.needs_modifier and not mods & set(t.needs_modifier):
                continue
            if t.forbids_modifier and mods & set(t.forbids_modifier):
                continue
            if t.forbids_from and {p.lemma_.lower() for p in objects_of(tok, ("from",))} & set(t.forbids_from):
                continue
            if t.needs_subject and not subj_lemmas & set(t.needs_subject):
                continue
            if t.needs_complement and not comps & set(t.needs_complement):
                continue
            if t.needs_pobj and not pobjs & set(t.needs_pobj):
                continue
            if t.particle_alone and any(p.dep_ == "pobj" for c in tok.children if c.lower_ == t.particle for p in c.children):
                continue
            if t.forbids_subject and subj_lemmas & set(t.forbids_subject):
                continue
            if t.forbids_statement and any(states_fact(c) for c in tok.children if c.dep_ == "ccomp"):
                continue
            rank = 0 if t.particle else 1 if (t.needs_object or t.needs_modifier or t.needs_pobj) else 2
            if t.needs_complement:
                rank = 0  # the most specific reading there is
            scored.append((rank, n, t))
        if any(r == 0 for r, _, _ in scored):
            scored = [x for x in scored if x[0] == 0]
        return [t for _, _, t in sorted(scored, key=lambda x: (x[0], x[1]))]

    @staticmethod
    def _background_conflict(tok: Any, trig: Trigger) -> bool:
        """A conflictual event noun in a time or cause phrase of another act ("after the
        attacks", "following a government offensive", "despite the protests")."""
        if PLOVER_TYPES[trig.type].quad_class not in (3, 4) or tok.dep_ != "pobj":
            return False
        prep = tok.head
        if prep.lower_ in ("after", "following", "since", "amid", "despite", "before"):
            return True
        # "in response to the raids", "in retaliation for the shelling"
        return prep.lower_ in ("to", "for") and prep.head.lemma_.lower() in ("response", "retaliation", "reaction", "revenge", "reprisal") and prep.head.dep_ == "pobj"

    def _noun_is_occurrence(self, tok: Any, trig: Trigger) -> tuple[bool, Any]:
        """Whether an event noun denotes an event that happened (and its governing verb)."""
        if tok.dep_ in ("compound", "nmod", "amod"):
            return False, None
        if counted_vaguely(tok):
            return False, None
        head = tok.head
        if any(c.dep_ == "poss" for c in tok.children):
            if trig.lemma in STATE_NOUNS and not (
                tok.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX") and (head.lemma_.lower() in OCCURRENCE_VERBS or head.lemma_.lower() in trig.light_verbs)
            ):
                # "over their ties with Israel", "match the EU's support for statehood": a
                # standing state named, not something done now
                return False, None
            return True, head if head.pos_ in ("VERB", "AUX") else None
        if tok.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
            lem = head.lemma_.lower()
            if lem == "stag":
                lem = "stage"  # the lemmatizer reads "staged" as the animal's plural verb
            if lem in TERMINATING and trig.type not in ("CONSULT",) and lem not in trig.light_verbs:
                return False, None  # "ended a cooperation agreement": no agreement is made
            if lem in OCCURRENCE_VERBS or lem in trig.light_verbs:
                return True, head
            return False, None
        # "spoke at the opening ceremony of the joint exercise": an event noun inside a phrase
        # about a stage of the event occurred; the governing verb is above that phrase.
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in EVENT_PART_NOUNS:
            up = head.head
            while up.dep_ in ("pobj", "prep") and up.head is not up:
                up = up.head
            if up.pos_ in ("NOUN", "PROPN") and up.dep_ in ("dobj", "nsubjpass") and up.head.pos_ in ("VERB", "AUX"):
                # "held the 21st round of talks": the part noun is the verb's object
                lem = up.head.lemma_.lower()
                return (True, up.head) if lem in OCCURRENCE_VERBS or lem in trig.light_verbs else (False, None)
            return True, up if up.pos_ in ("VERB", "AUX") else None
        if trig.mode == "investigate" and tok.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in ("put", "place", "be", "come", "remain"):
            # "has been put under investigation in Italy", "came under investigation"
            return True, head.head
        if trig.type == "CONSULT" and tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in TRAVEL_VERBS:
            return True, head.head  # "flew to Beijing for talks", "return to Geneva for talks"
        if trig.lemma in STATE_NOUNS:
            # a state ("relations", "support") is an occurrence only when something is done to it
            if tok.dep_ in ("nsubjpass",) and head.lemma_.lower() in trig.light_verbs:
                return True, head
            # "put its forces on high alert", "placed the army under a curfew"
            if tok.dep_ == "pobj" and head.lower_ in ("on", "under") and head.head.pos_ in ("VERB", "AUX") and head.head.lemma_.lower() in trig.light_verbs:
                return True, head.head
            return False, None
        if tok.dep_ == "pobj" and head.lower_ in ADJUNCT_PREPS and head.head.pos_ in ("VERB", "AUX"):
            return True, head.head
        if tok.dep_ == "pobj" and head.lower_ in ADJUNCT_PREPS and head.head.pos_ in ("NOUN", "PROPN"):
            return True, None
        if tok.dep_ in ("nsubj",) and head.lemma_.lower() in ("take", "be", "begin", "end", "start", "focus", "last", "come", "follow", "conclude", "open") or (
            tok.dep_ == "nsubj" and head.lemma_.lower() in ("continue", "erupt", "spread", "rage") and tok.lemma_.lower() in HAPPENING_NOUNS | {"protest", "demonstration"}
        ):
            # "riots against Israeli policies are still continuing" (not "the rally in bond
            # prices would continue": a market rally is no protest)
            return True, head
        if tok.dep_ == "appos" or tok.dep_ == "ROOT":
            return True, None
        return False, None


def _time_phrase(prep: Any) -> bool:
    """"on Tuesday", "on May 3", "on the same day": the preposition only dates its verb."""
    pobjs = [p for p in prep.children if p.dep_ == "pobj"]
    return bool(pobjs) and all(p.ent_type_ in ("DATE", "TIME") or p.lemma_.lower() in TIME_NOUNS for p in pobjs)
