"""ACCUSE `disapprove` by characterization: a party calls another's act or person something bad.

    Serbia called Kosovo's decision a provocation.          -> ACCUSE SRB -> XKX
    The Greek prime minister called the terms harsh.        -> ACCUSE GRC -> the party whose terms
                                                               the passage just named
    The ministry described Slovenia's action as unfair.     -> ACCUSE (ministry's state) -> SVN
    Germany called the seizure "piracy".                    -> ACCUSE DEU -> the seizer named before
Near misses: "called the talks constructive" (praise, no ACCUSE), "called Xi on Tuesday" (a phone
call: no predicate), "called the meeting for Friday". The criticism is the point of the sentence
(manual, ACCUSE: stock epithets and characterizations). "dismissed the ruling as null and void"
is REJECT (manual), so "dismiss" and "reject" are not characterizing verbs here.

"call X a Y" is also no phone call: the trigger row's CONSULT reading of that verb is dropped.
"""

from __future__ import annotations

from typing import Any

from ...records import Actor, Event
from ..arguments import ArgumentFinders
from ..coding import Coding
from ..parse_helpers import children_of, inside, subject_of

# Verbs that characterize their object by a predicate ("called X a Y", "branded X illegal") or an
# "as" phrase ("described X as unfair").
PREDICATE_VERBS = frozenset({"call", "brand", "label", "term", "dub", "deem", "declare", "pronounce"})
AS_VERBS = frozenset({"describe", "brand", "label", "denounce", "condemn", "characterize", "characterise", "portray", "slam", "criticize", "criticise"})
# What makes the characterization a reproach (nouns and adjectives; the head word or its "of" noun:
# "an act of aggression", "a violation of the accord").
PEJORATIVES = frozenset({
    "provocation", "crime", "piracy", "pretext", "violation", "breach", "aggression", "threat", "lie", "farce", "sham",
    "travesty", "disgrace", "insult", "affront", "blackmail", "interference", "meddling", "terrorism", "terror",
    "terrorist", "propaganda", "fabrication", "slander", "hypocrisy", "bullying", "intimidation", "invasion", "occupation",
    "genocide", "massacre", "atrocity", "betrayal", "mistake", "blunder", "dictator", "criminal", "war", "attack",
    "illegal", "illegitimate", "unlawful", "unacceptable", "absurd", "baseless", "groundless", "unfounded", "hostile",
    "harsh", "unfair", "unjust", "outrageous", "irresponsible", "provocative", "dangerous", "shameful", "deplorable",
    "reckless", "ridiculous", "null", "void", "invalid", "barbaric", "cowardly", "aggressive", "unfriendly", "false",
    "fabricated", "racist", "criminal", "inhumane", "unconstitutional", "illegitimate", "arbitrary", "abusive",
    "politically", "motivated", "regrettable", "lamentable", "counterproductive", "destabilizing", "destabilising",
})


# Nouns that name a party's act or words ("the decision", "the seizure"): a definite one points
# back to an act the passage told; an institution ("the tribunal") does not.
ACT_NOUNS = frozenset({
    "decision", "move", "step", "action", "act", "measure", "ban", "terms", "demand", "demands", "remark", "remarks",
    "comment", "comments", "statement", "claim", "claims", "accusation", "accusations", "allegation", "allegations",
    "attack", "strike", "strikes", "raid", "incursion", "seizure", "shooting", "killing", "arrest", "detention",
    "expulsion", "deployment", "operation", "exercise", "exercises", "drill", "drills", "sanction", "sanctions",
    "tariff", "tariffs", "plan", "proposal", "offer", "ultimatum", "threat", "threats", "visit", "vote", "law",
    "annexation", "blockade", "closure", "embargo", "policy", "interference", "announcement", "report", "verdict",
})


def _predicate(verb: Any) -> Any | None:
    """The word the verb's object is characterized by: its object predicate ("a provocation",
    "harsh") or, for "describe"-like verbs, the object of its "as"."""
    lemma = verb.lemma_.lower()
    if lemma in PREDICATE_VERBS:
        oprd = children_of(verb, ("oprd",))
        # both an object and its predicate: "called Xi Jinping" alone is parsed as a predicate too
        if oprd and children_of(verb, ("dobj",)) and oprd[0].pos_ != "PROPN":
            return oprd[0]
    if lemma in AS_VERBS:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                pobj = children_of(prep, ("pobj",)) or children_of(prep, ("amod", "acomp"))
                if pobj:
                    return pobj[0]
    return None


def _reproach(word: Any) -> bool:
    words = [word, *(c for c in word.children if c.dep_ in ("amod", "compound", "advmod"))]
    words += [p for prep in word.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in children_of(prep, ("pobj",))]
    return any(w.lemma_.lower() in PEJORATIVES or w.lower_ in PEJORATIVES for w in words)


def _characterized(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    out: list[Event] = []
    dropped: set[int] = set()
    for verb in ctx.sdoc:
        if verb.pos_ != "VERB" or inside(verb.idx, ctx.quotes):
            continue
        pred = _predicate(verb)
        if pred is None:
            continue
        if verb.lemma_.lower() == "call":
            dropped.add(ctx.sentence.start + verb.idx)  # "called X a Y" is no phone call
        if not _reproach(pred):
            continue
        objs = children_of(verb, ("dobj",))
        if not objs:
            continue
        obj = objs[0]
        anaphoric = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in obj.children)
        if obj.lower_ in ("which", "that", "what", "who", "whom"):
            # "the exercises, which he called provocative": the characterized thing is the
            # relative clause's noun; a free relative ("what Swaziland called a proxy war") names none
            rel = next((a for a in verb.ancestors if a.dep_ != "relcl"), None) if verb.dep_ == "relcl" else None
            if rel is None or rel.lemma_.lower() not in ACT_NOUNS:
                continue  # (an act's noun: the parser may hang the clause on a nearby name)
            obj, anaphoric = rel, False
        subj, _ = subject_of(verb)
        sources = [a for a in ctx.actor(subj) if a.country]
        if not sources:
            continue
        own = {a.country for a in sources}
        # whose act or person: the object itself ("called Maduro a dictator"), its owner
        # ("Kosovo's decision", "the Chinese offer"), else the party the passage just named
        named = obj.pos_ == "PROPN" or obj.ent_type_ in ("GPE", "NORP", "PERSON", "ORG")  # "called Maduro a dictator"
        holders = ([obj] if named else []) + [c for c in obj.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        holders += [p for prep in obj.children if prep.dep_ == "prep" and prep.lower_ in ("of", "by") for p in children_of(prep, ("pobj",))]
        # (each holder's own token actor: a noun's phrase-wide actor would name its "with" partner)
        holders = [c for h in holders for c in (h, *h.conjuncts)]
        targets = [a for h in holders if (a := ctx.actors.get(h.i)) is not None and a.country and a.country not in own]
        how = "parse"
        if not targets:
            if not anaphoric or obj.lemma_.lower() not in ACT_NOUNS:
                continue  # nobody's act: "called it a mistake" is left to the sentence model
            # "called the decision a provocation": whose decision, the passage just said
            targets, how = [Actor.absent("unresolved")], "addressee-pending"
        modality, why = ctx.modality_reason(verb, verb)
        coder = Coding("rule", "ACCUSE", construction="characterized-as", how=how).with_modality(modality, why).to_string()
        out += [ctx._make("ACCUSE", s, t, verb, "111", "disapprove", None, modality, coder, 0.7) for s in sources for t in targets[:1]]
    kept = [e for e in events if not (e.type == "CONSULT" and e.trigger_start in dropped)]
    have = {e.source.country for e in kept if e.type == "ACCUSE"}
    return kept + [e for e in out if e.source.country not in have]


def apply(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    return _characterized(ctx, events)
