"""REQUEST told through its answer: a party's request named as what another party acted on.

    The EU activated its civil protection mechanism at Belgrade's request.
    -> REQUEST SRB -> EUR (the request a noun introduces: annotation manual, section 1,
       "the judge rejected Kenya's request": REJECT and a REQUEST)
    Nicaragua rejected the OAS's call for troops to leave the area.
    -> REQUEST IGO -> NIC, beside the rules' REJECT NIC -> IGO
    The council approved the deployment following the request of Vietnam and India.
    -> REQUEST VNM -> UNO and IND -> UNO
Near misses: "Japan renewed its request" (the asker's own light verb: the trigger rows code it),
"would reject any request from Libya" (no request was made), "held a call with Seoul" (a phone
call: "call" asks only with "for" or an infinitive), "at its own request" (no other party).
"""

from __future__ import annotations

from typing import Any

from ...records import Event
from ..arguments import ArgumentFinders
from ..coding import Coding
from ..parse_helpers import children_of, inside, subject_of
from ..policy import actor_key

# Nouns that name a request, and the one that does only with "for" or an infinitive ("a call for").
REQUEST_NOUNS = frozenset({"request", "demand", "appeal", "plea", "call"})
NEEDS_COMPLEMENT = frozenset({"call"})
# Verbs whose object is a request the subject answers.
ANSWERING_VERBS = frozenset({
    "reject", "dismiss", "refuse", "decline", "rebuff", "spurn", "deny", "ignore", "defy", "turn",
    "grant", "accept", "approve", "heed", "answer", "honour", "honor", "meet", "fulfil", "fulfill",
})
# Prepositions that tie an act to the request it answers ("at Belgrade's request", "following
# the request of Vietnam", "agreed to Kenya's request", "in response to a plea from Lima").
ANSWERING_PREPS = frozenset({"at", "upon", "on", "following", "after", "to", "per"})
# Determiners of a request nobody made ("any request", "no demand").
NOT_MADE = frozenset({"any", "no", "every", "such"})


def _owners(ctx: ArgumentFinders, noun: Any) -> list[Any]:
    """The parties whose request the noun is: its possessor, or its "of"/"from"/"by" phrase with
    the parties enumerated there."""
    heads = list(children_of(noun, ("poss",)))
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "by"):
            for pobj in children_of(prep, ("pobj",)):
                heads += [pobj, *(c for c in pobj.conjuncts)]
    return heads


def _answering_verb(noun: Any) -> Any | None:
    """The verb whose subject answered the request: the request is its object, or the object of
    its "at"/"following"/"to" phrase ("activated the mechanism at Belgrade's request")."""
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in ANSWERING_VERBS:
        verb = noun.head
        if verb.lemma_.lower() == "turn" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
            return None
        return verb
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ANSWERING_PREPS:
        prep = noun.head
        up = prep.head
        if prep.lower_ == "following" and up.dep_ == "prep":
            up = up.head
        if prep.lower_ != "to":
            # "formed a reserve of police officers at Lukashenko's request": the parser hangs the
            # phrase on the object, or on a noun inside it; the request is the verb's
            obj, steps = up, 0
            while obj.pos_ in ("NOUN", "PROPN") and obj.dep_ == "pobj" and obj.head.dep_ == "prep" and steps < 2:
                obj, steps = obj.head.head, steps + 1
            if obj.pos_ in ("NOUN", "PROPN") and obj.dep_ == "dobj" and obj.head.pos_ in ("VERB", "AUX"):
                up = obj.head
        if up.pos_ in ("VERB", "AUX"):
            return up
        if prep.lower_ == "to" and up.lemma_.lower() == "agree":
            return up
    return None


def _owned_requests(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    lowered = ctx.sentence.text.lower()
    if not any(noun in lowered for noun in REQUEST_NOUNS):
        return events  # every form of the nouns spells them: a string test spares the walk
    out: list[Event] = []
    for noun in ctx.sdoc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in REQUEST_NOUNS or inside(noun.idx, ctx.quotes):
            continue
        if any(c.dep_ == "det" and c.lower_ in NOT_MADE for c in noun.children):
            continue
        if noun.lemma_.lower() in NEEDS_COMPLEMENT and not any(
            (c.dep_ == "prep" and c.lower_ == "for") or (c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.children)) for c in noun.children
        ):
            continue
        verb = _answering_verb(noun)
        if verb is None:
            continue
        subj, _ = subject_of(verb)
        answerers = [a for a in ctx.actor(subj) if a.country]
        askers = [a for h in _owners(ctx, noun) for a in ctx.actor(h) if a.country]
        if not answerers or not askers:
            continue
        if ctx.modality_reason(verb, verb)[0] == "question":
            continue  # "Will Lima grant Quito's request?": asks, tells no request
        coder = Coding("rule", "REQUEST", construction="owned-request", how="parse").to_string()
        for s in askers:
            for t in answerers:
                if actor_key(s) == actor_key(t) or s.country == t.country:
                    continue
                out.append(ctx._make("REQUEST", s, t, noun, "020", None, None, "asserted", coder, 0.7))
    have = {(e.source.country, e.target.country) for e in events if e.type == "REQUEST"}
    return events + [e for e in out if (e.source.country, e.target.country) not in have]


def apply(ctx: ArgumentFinders, events: list[Event]) -> list[Event]:
    return _owned_requests(ctx, events)
