"""Argument finders: where an event's source and target are when the verb's own subject and
objects do not name them ("rejected North Korea's demand", "withdrew troops from Panama",
"demanded that the US cancel", "threatened to strike unless Israel ...", "a move Beijing
criticized", "was killed by an Israeli air strike"). `parley.events.coder` orders them in tables.
"""

from __future__ import annotations

from typing import Any

from ..records import Actor
from .lexicon import Trigger
from .parse_helpers import children_of, inside, objects_of, subject_of
from .policy import is_place, actor_key
from .sentence import SentenceContext
from .words import (
    COMPLEMENT_PREPS, DEED_NOUNS, DEVICE_EVENTS, ENEMY_NOUNS, FORCE_AGAINST_PARTY, FORCE_ALWAYS, LOCATIVE_PREPS,
    NON_AGENT_NOUNS, PRONOUN_SUBJECTS, SPEECH_VERBS, TRAVELLER_NOUNS, WEAPON_AGENTS,
)


class ArgumentFinders(SentenceContext):
    """The argument finders, as methods of the sentence they search."""

    def _vowed_force(self, tok: Any) -> bool:
        """The promise verb's "to" complement is a use of force: "vowed to fight on (until
        ...)", "swore to avenge", "pledged to crush the rebels", "vowed to retaliate against
        Israel". Fighting or crushing a thing that is no party ("fight corruption", "fight
        against poverty", "destroy its chemical weapons") is a policy pledge, not a threat."""
        for comp in tok.children:
            if comp.dep_ not in ("xcomp", "advcl", "ccomp") or comp.pos_ != "VERB" or inside(comp.idx, self.quotes):
                continue
            if not any(k.dep_ == "aux" and k.lower_ == "to" for k in comp.children) or any(k.dep_ == "neg" for k in comp.children):
                continue
            lem = comp.lemma_.lower()
            if lem == "continue":
                # "pledged to continue fighting", "vowed to continue the war"
                nxt = [c for c in comp.children if c.dep_ in ("xcomp", "dobj")]
                if any(c.lemma_.lower() in ("fight", "fighting", "war", "attack", "struggle") and not children_of(c, ("dobj",)) for c in nxt):
                    return True
                continue
            if lem in FORCE_ALWAYS:
                return True
            if lem in ("hit", "strike") and any(k.dep_ in ("prt", "advmod") and k.lower_ == "back" for k in comp.children):
                return True  # "vowed to hit back"
            if lem == "take" and any(d.lemma_.lower() in ("revenge", "vengeance", "retaliation") for d in children_of(comp, ("dobj",))):
                return True
            if lem in FORCE_AGAINST_PARTY:
                objs = children_of(comp, ("dobj",)) + [p for prep in comp.children if prep.dep_ == "prep" and prep.lower_ == "against" for p in children_of(prep, ("pobj",))]
                if not objs:
                    if lem in ("fight", "battle"):
                        return True  # "vowed to fight on", "swore to fight until they win"
                    continue
                if any(o.i in self.actors or o.lemma_.lower() in ENEMY_NOUNS for o in objs):
                    return True
        return False

    def _reacted_to(self, tok: Any) -> list[Actor]:
        """"X signed a law ..., a move that Beijing criticized": a reaction in a relative clause
        on a noun standing for an act is addressed to whoever did the act."""
        if tok.dep_ != "relcl" or tok.head.lemma_.lower() not in DEED_NOUNS:
            return []
        up = tok.head
        for _ in range(3):
            if up.dep_ not in ("appos", "dobj", "attr", "conj") or up.head is up:
                break
            up = up.head
            if up.pos_ in ("VERB", "AUX"):
                subj, _ = subject_of(up)
                return self.actor(subj)
        if tok.head.dep_ == "appos":
            # the parser hangs a sentence-final "..., a move that" on the nearest noun; it
            # restates the main clause
            root = next((t for t in self.sdoc if t.dep_ == "ROOT"), None)
            if root is not None and root.pos_ in ("VERB", "AUX") and root.i < tok.head.i:
                subj, _ = subject_of(root)
                return self.actor(subj)
        return []

    def _device_attacker(self, tok: Any, subj: Any | None) -> list[Actor]:
        """"was killed by an improvised explosive device", "killed in a car bomb explosion in
        Beirut", "a minefield explosion killed two youths": the harm was done by a device or a
        blast. The state or group that modifies it ("an Israeli air strike") is the attacker;
        with none named the attacker is unknown (source country null), never a bystander guessed
        from the sentence (the place a bomb went off in did not set it off)."""
        cands = [subj] if subj is not None else []
        if children_of(tok, ("nsubjpass",)):
            cands += [p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in ("in", "by") for p in children_of(prep, ("pobj",))]
        for n in cands:
            lem = n.lemma_.lower()
            if lem not in WEAPON_AGENTS and lem not in DEVICE_EVENTS:
                continue
            for m in n.children:
                if m.dep_ in ("amod", "compound", "nmod", "poss"):
                    found = [a for a in self.actor(m) if a.country]
                    if found:
                        return found[:1]
            # PLOVER codes an unidentified attacker by the country the device went off in
            # (sector UAF); the place must be in the device's or the act's locative phrase
            scope = [n] + [prep for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS]
            for root in scope:
                for t in root.subtree:
                    a = self.actors.get(t.i)
                    if a is not None and a.country and is_place(a) and not inside(t.idx, self.quotes):
                        return [Actor(a.text, None, a.country, "UAF", None, None, None, a.start, a.end, "unidentified-attacker")]
            return [Actor.absent("unknown-attacker")]
        return []

    def _named_non_agent(self, tok: Any, trig: Trigger) -> bool:
        """The clause names its doer, and the doer is no state, group or person: a storm, a
        report, a resolution, a statement ("a UN resolution that condemns X", "the cyclone
        killed 90", "media reports suggested ... withdrawing"). Guessing the nearest actor as
        the source would pin the act on a bystander."""
        subj = None
        if trig.pos == "VERB":
            subj, _ = subject_of(tok)
        else:
            _, governing = self._noun_is_occurrence(tok, trig)
            if governing is not None:
                subj, _ = subject_of(governing)
        if subj is None:
            return False
        if subj.lower_ in PRONOUN_SUBJECTS or subj.tag_ in ("WDT", "WP", "PRP"):
            return False
        return subj.lemma_.lower() in NON_AGENT_NOUNS or subj.ent_type_ in ("LAW", "EVENT", "WORK_OF_ART", "PRODUCT", "MONEY", "DATE", "TIME", "PERCENT", "QUANTITY")

    # -- targets beyond the verb's own objects -------------------------------------------------
    def _object_modifiers(self, tok: Any) -> list[Actor]:
        """"rejected North Korea's demand", "rejected calls by Belarus's rulers", "accepted
        demands from Shona rebels": the party behind the object noun is the target."""
        for o in objects_of(tok, ("dobj",)):
            out = self._behind(o)
            if out:
                return out
        return []

    def _behind(self, o: Any, depth: int = 0) -> list[Actor]:
        """The party behind a noun that names none itself: its possessor, an organisation or
        country modifying it ("a Security Council resolution", "the NATO proposal"), or the
        party in its prepositional phrase, followed down a chain of nouns ("an extension of
        the mandate for the peacekeeping force in Lebanon"). A bare place met as a landmark
        down the chain ("talks on a plan for Geneva") is not a party."""
        out: list[Actor] = []
        for c in o.children:
            if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod", "amod") and c.i in self.actors and c.i != o.i):
                out += self.actor(c)
            elif c.dep_ in ("compound", "nmod") and depth == 0:
                out += self._modifier_organisation(c)
            elif c.dep_ == "prep" and c.lower_ in ("by", "from", "of", "to", "for", "against", "with", "on"):
                if any(k.lower_ in ("together", "along") for k in c.children):
                    continue
                for p in children_of(c, ("pobj",)):
                    # a happening placed somewhere ("a plan for talks in Geneva") is no party
                    found = [a for a in self.actor(p) if not (a.resolution == "located-in" and self._non_agent_noun(p))]
                    if depth and all(is_place(a) for a in found) and c.lower_ not in ("with", "against", "to"):
                        found = []
                    out += found
                    if not out:
                        out += [a for g in p.children if g.dep_ == "poss" for a in self.actor(g)]
                    if not out and depth < 2 and p.pos_ in ("NOUN", "PROPN"):
                        out += self._behind(p, depth + 1)
            elif c.dep_ == "acl" and depth == 0:
                # "a call for its peacekeeping forces to be deployed in East Timor" (the
                # clause's own phrases only, not a purpose or reported clause below it)
                out += [a for g in c.subtree if g.i in self.actors and g.dep_ == "pobj" and not self._crosses_clause(g, c) for a in self.actor(g)]
            if out:
                return out
        return out

    def _modifier_organisation(self, c: Any) -> list[Actor]:
        """An organisation named inside a noun modifier the resolver left alone, as when the
        parser makes the whole phrase a modifier ("vetoed a Security Council resolution
        censuring ...", where "resolution" hangs on "censuring")."""
        from ..reference.gazetteer import lookup_country

        words = [t for t in c.subtree if t.pos_ == "PROPN" and t.dep_ in ("compound", "nmod")]
        if not words or words[-1].i - words[0].i + 1 != len(words):
            return []
        text = " ".join(t.text for t in words)
        ref = lookup_country(text)
        if ref is None or ref.kind != "organisation":
            return []
        start = self.sentence.start + words[0].idx
        return [Actor(text, None, ref.code, ref.sector, None, None, None, start, start + len(text), "object-modifier:organisation")]

    @staticmethod
    def _crosses_clause(t: Any, top: Any) -> bool:
        """A clause boundary lies between token `t` and its ancestor `top`."""
        for anc in t.ancestors:
            if anc.i == top.i:
                return False
            if anc.dep_ in ("advcl", "ccomp", "relcl", "acl", "xcomp", "csubj"):
                return True
        return False

    def _theme_targets(self, tok: Any, trig: Trigger) -> list[Actor]:
        """The trigger's preposition attached to its theme rather than to itself: "withdrew
        troops from Panama", "the withdrawal of forces from Panama"."""
        preps = tuple(x for x in trig.objects if x not in ("dobj", "dative", "of", "between"))
        if not preps:
            return []
        themes = children_of(tok, ("dobj",)) if tok.pos_ != "NOUN" else objects_of(tok, ("of",))
        return [a for th in themes for o in objects_of(th, preps) for a in self.actor(o)]

    def _ultimatum_addressees(self, tok: Any, exclude: set[str]) -> list[Actor]:
        """"threatened to strike unless Israel rescinded ...": the party the condition is put
        to is the threat's addressee."""
        for t in tok.subtree:
            marks = [k for k in t.children if k.dep_ == "mark" and k.lower_ in ("unless", "if")]
            if t.dep_ == "advcl" and not inside(t.idx, self.quotes) and marks:
                # the condition's subject follows its "if" at once (an adverb or comma aside): a
                # subject further on is a misparse ("if cooperation by all parties founders,
                # Dutch Foreign Minister Hans Van den Broek said", with "den" read as the verb)
                subjects = [sj for sj in children_of(t, ("nsubj", "nsubjpass")) if all(x.pos_ in ("ADV", "PUNCT") for x in self.sdoc[marks[0].i + 1 : sj.left_edge.i])]
                found = [a for s in subjects for a in self.actor(s) if a.country and a.country not in exclude]
                if found:
                    return found
        return []

    def _with_partner(self, tok: Any, sources: list[Actor]) -> list[Actor]:
        """A symmetric act's partner named by "with" anywhere in its clause ("accepted a formula
        for ending its dispute with its European partners"), not inside a reported or relative
        clause, a quote, or the subject, and not "together with" (a co-actor)."""
        own = {a.country for a in sources}
        subj_ids = {t.i for s in children_of(tok, ("nsubj", "nsubjpass", "agent")) for t in s.subtree}
        for prep in tok.subtree:
            if prep.dep_ != "prep" or prep.lower_ != "with" or prep.i in subj_ids or inside(prep.idx, self.quotes):
                continue
            if any(k.lower_ in ("together", "along") for k in prep.children):
                continue
            path = list(prep.ancestors)
            path = path[: next((n for n, a in enumerate(path) if a.i == tok.i), len(path))]
            if any(p.dep_ in ("ccomp", "relcl", "csubj") or p.lemma_.lower() in SPEECH_VERBS for p in path):
                continue
            for p in children_of(prep, ("pobj",)):
                found = [a for a in self.actor(p) if a.country and a.country not in own]
                if found:
                    return found
        return []

    def _complement_targets(self, tok: Any, trig: Trigger, exclude: set[str] | None = None) -> list[Actor]:
        """The addressee inside the verb's complement: "offered to hand over to Great Britain",
        "demanded that the US cancel", "threatened to cut off electricity to Nakhichevan"."""
        comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "advcl") and not inside(c.idx, self.quotes)]
        for comp in comps:
            if comp.dep_ == "advcl" and not any((k.dep_ == "aux" and k.lower_ == "to") or (k.dep_ == "mark" and k.lower_ == "for") for k in comp.children):
                continue  # only purpose clauses ("summoned the ambassador to complain", "pushed for the US to back")
            if comp.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ == "for" for k in comp.children):
                found = [a for sj in children_of(comp, ("nsubj",)) for a in self.actor(sj)]
                if found:
                    return found
            if comp.dep_ == "ccomp" or (comp.dep_ == "xcomp" and children_of(comp, ("nsubj",))):
                for s in children_of(comp, ("nsubj", "nsubjpass")):
                    found = self.actor(s)
                    if found:
                        return found
            # the source's own assets ("withdraw its troops from Niger") are not the addressee
            found = self._clause_objects(comp, depth=0, exclude=exclude or set())
            if found:
                return found
        return []

    def _clause_objects(self, verb: Any, depth: int, exclude: set[str] | None = None) -> list[Actor]:
        exclude = exclude or set()
        own = lambda found: [a for a in found if a.country and a.country not in exclude]  # noqa: E731
        dobjs = children_of(verb, ("dobj",))
        travellers = any(d.lemma_.lower() in TRAVELLER_NOUNS or d.lower_ in TRAVELLER_NOUNS for d in dobjs)
        out: list[Actor] = []
        for d in dobjs + children_of(verb, ("dative",)):
            out += own(self.actor(d))
        if not out:
            for prep in verb.children:
                if prep.dep_ in ("prep", "dative") and prep.lower_ in COMPLEMENT_PREPS:
                    if travellers and prep.lower_ in ("to", "in", "into", "at"):
                        continue
                    if any(k.lower_ in ("together", "along", "jointly") for k in prep.children):
                        continue  # "together with the United States": a partner, not the addressee
                    for p in children_of(prep, ("pobj",)):
                        out += own(self.actor(p))
        if not out:
            out = own(self._object_modifiers(verb))
        if not out and depth < 2:
            for c in verb.children:
                if c.dep_ in ("xcomp", "conj") and c.pos_ == "VERB":
                    out = self._clause_objects(c, depth + 1, exclude)
                    if out:
                        break
        return out

    def _in_clause(self, tok: Any, sources: list[Actor], aimed_at_place: bool = False) -> list[Actor]:
        """Last resort: the first other actor inside the trigger's own clause (not its subject,
        not a reporting "according to" phrase, not a quote). A bare place named as a landmark
        within a locative phrase is not the target, unless the act is aimed at a place (a
        deployment "along the border with Armenia")."""
        own = {actor_key(a) for a in sources}
        subj_ids = {t.i for s in children_of(tok, ("nsubj", "nsubjpass", "agent")) for t in s.subtree}
        for t in tok.subtree:
            if t.i in subj_ids or t.i not in self.actors or inside(t.idx, self.quotes):
                continue
            path = []
            for anc in t.ancestors:
                if anc.i == tok.i:
                    break
                path.append(anc)
            if any(p.dep_ in ("ccomp", "advcl", "relcl", "acl") or p.lower_ in ("according", "said", "told") or p.lemma_ == "accord" for p in path):
                continue
            a = self.actors[t.i]
            preps = [p for p in path if p.dep_ == "prep"]
            if not aimed_at_place and is_place(a) and len(preps) >= 2 and any(p.lower_ in LOCATIVE_PREPS for p in preps):
                # "attacked a village near the border with Niger": a landmark's place locates
                # the act and is not its target (a place the act is in, "in the West Bank",
                # still stands for the affected party, as PLOVER codes it)
                continue
            # another country only: a same-country party this loosely attached is usually the
            # source's own institution ("the Pentagon's announcement")
            if a.country and actor_key(a) not in own and a.country not in {s.country for s in sources}:
                return [a]
        return []
