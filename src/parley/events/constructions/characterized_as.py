"""ACCUSE `disapprove` by characterization: a party calls another's act or person something bad.

    Serbia called Kosovo's decision a provocation.          -> ACCUSE SRB -> XKX
    The Greek prime minister called the terms harsh.        -> ACCUSE GRC -> the party whose terms
                                                               the passage just named
    The ministry described Slovenia's action as unfair.     -> ACCUSE (ministry's state) -> SVN
    Germany called the seizure "piracy".                    -> ACCUSE DEU -> the seizer named before
    The Kremlin called the Czech accusations absurd.        -> REJECT RUS -> CZE (a denial rejects
                                                               what it characterizes: manual, REJECT)
An act with no owner in its sentence ("the strike", "the diversion") is whoever did it in the
passage: the latest earlier mention of the same act ("a US air strike", "the strike was ordered
by Trump", "Belarus diverted the plane"); only where the passage names none, the party it last
named (the stage's `_resolve_addressees`).
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
from ..referents import ACCUSATION_NOUNS, ACT_NOUNS, ANAPHORIC_DETS, referent_agents

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

# Characterizations that deny: the act or words characterized are rejected, not criticised
# ("called the accusations baseless", "the findings a fabrication", "the measures unfounded").
DENIALS = frozenset({
    "baseless", "groundless", "unfounded", "unsubstantiated", "absurd", "false", "untrue", "fabrication", "fabricated",
    "lie", "lies", "slander", "slanderous", "nonsense", "fiction", "fantasy", "invention", "fake", "libel", "smear",
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


def _predicate_words(word: Any) -> list[Any]:
    words = [word, *(c for c in word.children if c.dep_ in ("amod", "compound", "advmod"))]
    return words + [p for prep in word.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in children_of(prep, ("pobj",))]


def _reproach(word: Any) -> bool:
    return any(w.lemma_.lower() in PEJORATIVES or w.lower_ in PEJORATIVES for w in _predicate_words(word))


def _denial(word: Any) -> bool:
    return any(w.lemma_.lower() in DENIALS or w.lower_ in DENIALS for w in _predicate_words(word))


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
        type_ = "REJECT" if _denial(pred) else "ACCUSE"
        objs = children_of(verb, ("dobj",))
        if not objs:
            continue
        obj = objs[0]
        anaphoric = any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in obj.children)
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
        # (an act noun's own actor is its state modifier's: "the Czech accusations")
        holders = ([obj] if named or obj.lemma_.lower() in ACT_NOUNS | ACCUSATION_NOUNS else [])
        holders += [c for c in obj.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        holders += [p for prep in obj.children if prep.dep_ == "prep" and prep.lower_ in ("of", "by") for p in children_of(prep, ("pobj",))]
        # (each holder's own token actor: a noun's phrase-wide actor would name its "with" partner)
        holders = [c for h in holders for c in (h, *h.conjuncts)]
        targets = [a for h in holders if (a := ctx.actors.get(h.i)) is not None and a.country and a.country not in own]
        how = "parse"
        if not targets:
            if not anaphoric or obj.lemma_.lower() not in ACT_NOUNS | ACCUSATION_NOUNS:
                continue  # nobody's act: "called it a mistake" is left to the sentence model
            # "called the strike a violation": whose strike, the passage told ("a US air strike");
            # else the party it last named (the stage fills a pending addressee)
            targets, how = referent_agents(ctx, obj, verb, own, type_ == "REJECT"), "referent"
            if not targets:
                targets, how = [Actor.absent("unresolved")], "addressee-pending"
        modality, why = ctx.modality_reason(verb, verb)
        coder = Coding("rule", type_, construction="characterized-as", how=how).with_modality(modality, why).to_string()
        cameo, mode = ("111", "disapprove") if type_ == "ACCUSE" else ("120", None)
        out += [ctx._make(type_, s, t, verb, cameo, mode, None, modality, coder, 0.7) for s in sources for t in targets[:1]]
    kept = [e for e in events if not (e.type == "CONSULT" and e.trigger_start in dropped)]
    have = {(e.type, e.source.country) for e in kept if e.type in ("ACCUSE", "REJECT")}
    return kept + [e for e in out if (e.type, e.source.country) not in have]


def apply(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    return _characterized(ctx, events)
