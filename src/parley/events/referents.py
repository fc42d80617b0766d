"""What a definite act noun refers back to: "Iraq called the strike a violation" after "a US air
strike killed ...", "Colombia condemned the strikes", "Seoul rejected the accusations".

The act is whoever did it, read from its latest earlier mention in the sentence or the
`REFERENT_WINDOW` before: a noun of the same stem with a state as its owner ("a US air strike",
"Belarus's diversion", "the strike by Israel", "the strike was ordered by Trump") or a verb of
that stem with a state as its subject ("Belarus diverted the plane"). A rejected accusation is
the accuser's ("X accused Y", "X's allegations"). Read by `constructions/characterized_as.py`
(R1 of training/decisions/session24-rules.md), the coder's missing-target step (R6) and the
sentence model's addressed events (`learned._typed`, R7), the last two through `object_doer`.
"""

from __future__ import annotations

from typing import Any

from ..records import Actor
from .parse_helpers import children_of, subject_of
from .sentence import SentenceContext

# Determiners that make a noun the passage's own act ("the decision", "these accusations").
ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those"})

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

# Words whose earlier mention names who accused: "called the accusations baseless" answers
# "X accused Y", "X's allegations", "X alleged".
ACCUSATION_NOUNS = frozenset({"accusation", "allegation", "claim", "charge", "finding"})
ACCUSING_VERBS = frozenset({"accuse", "allege", "claim", "charge", "blame"})
# How far back the passage is searched for the act's earlier mention (sentences).
REFERENT_WINDOW = 3


def _same_act(a: str, b: str) -> bool:
    """Two lemmas naming one act: equal, or sharing a stem ("diversion"/"divert",
    "seizure"/"seize", "extradition"/"extradite"; not "visit"/"visa")."""
    if a == b:
        return True
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= min(5, min(len(a), len(b)) - 1) and n >= 4


def _agents(tok: Any, actors: Any) -> list[Any]:
    """The states a mention of an act names as its doer: a verb's subject (or passive agent); a
    noun's owner ("Belarus's diversion", "a US air strike", "the strike by Israel") or, as a
    passive subject, its verb's agent ("the strike was ordered by Trump")."""
    if tok.pos_ in ("VERB", "AUX"):
        subj, _ = subject_of(tok)
        heads = [subj] if subj is not None else []
    else:
        heads = [tok, *(c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod"))]
        heads += [p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "by" for p in children_of(prep, ("pobj",))]
        if tok.dep_ == "nsubjpass":
            heads += [p for agent in tok.head.children if agent.dep_ == "agent" for p in children_of(agent, ("pobj",))]
    return [a for h in heads for c in (h, *h.conjuncts) if (a := actors.get(c.i)) is not None and a.country]


def referent_agents(ctx: SentenceContext, obj: Any, verb: Any, own: set[str], denial: bool) -> list[Actor]:
    """Who did the act `obj` names ("the strike"), from its latest earlier mention in this
    sentence or the `REFERENT_WINDOW` before; a denied accusation: who accused."""
    lemma = obj.lemma_.lower()
    accusation = denial and lemma in ACCUSATION_NOUNS

    def mentions(sdoc: Any, before: int) -> list[Any]:
        found = [t for t in sdoc if t.i < before and t.pos_ in ("NOUN", "VERB")
                 and (_same_act(t.lemma_.lower(), lemma) or (accusation and t.lemma_.lower() in ACCUSING_VERBS | ACCUSATION_NOUNS))]
        return sorted(found, key=lambda t: -t.i)

    doc = ctx.doc
    here = [(ctx.sdoc, ctx.actors, min(obj.i, verb.i))]
    before = [(doc.parses.get(k), (doc.token_actors.of(k) if doc.token_actors else {}), 10**6)
              for k in range(ctx.sentence.index - 1, max(-1, ctx.sentence.index - 1 - REFERENT_WINDOW), -1)]
    for sdoc, actors, limit in here + before:
        if sdoc is None:
            continue
        for t in mentions(sdoc, limit):
            agents = [a for a in _agents(t, actors) if a.country not in own]
            if agents:
                return agents[:1]
    return []


def object_doer(ctx: SentenceContext, verb: Any, own: set[str], denial: bool) -> list[Actor]:
    """Whoever did the act `verb` takes as its definite object with no owner ("condemned the
    strikes", "rejected the accusations"), or nobody: `referent_agents` of that object. Read by
    the coder's missing-target step and the sentence model's addressed events."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs or objs[0].lemma_.lower() not in ACT_NOUNS | ACCUSATION_NOUNS:
        return []
    if not any(d.dep_ == "det" and d.lower_ in ANAPHORIC_DETS for d in objs[0].children):
        return []
    return referent_agents(ctx, objs[0], verb, own, denial)
