"""Modality of a coded event: asserted, negated, planned, hypothetical or a question, with why.

Why is "future", "intent", "refusal", "condition", "negation", "modal", "requested", "question",
"ruled-out" or "": the derived-event rules (`parley.events.derived`) read it.
"""

from __future__ import annotations

from typing import Any

from .parse_helpers import children_of
from .words import (
    FUTURE_AUX, HYPO_AUX, INTENT_HEADS, NEG, NEG_VERBS, PLAN_NOUNS, PLAN_VERBS, REFUSAL_HEADS, REQUEST_HEADS, REQUEST_NOUNS,
    SCHEDULING_HEADS, SPEECH_VERBS,
)


def modality_reason(sentence_text: str, tok: Any, event_verb: Any) -> tuple[str, str]:
    """(modality, why): why is "future", "intent", "refusal", "condition", "negation",
    "modal", "question" or "" — the derived-event rules use it."""
    if sentence_text.rstrip(" `'\"”’").endswith("?"):
        return "question", "question"
    if tok is not event_verb and _occasion_followed(tok):
        event_verb = tok  # an occasion an act followed: its modality is its own (below)
    chain = [event_verb]
    t = event_verb
    while t.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "dobj", "pobj", "prep", "acomp") and t.head is not t and len(chain) < 7:
        if _occasion_followed(t):
            # "agreed to resume talks after a meeting of their ministers": the occasion an act
            # followed took place; the plan above it is not its modality, unless the act after
            # it is itself still to come ("will sign the deal after talks next week")
            if _future_above(t.head.head):
                return "planned", "future"
            break
        if t.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("after", "before", "because", "as", "since", "when", "while", "although", "though") for k in t.children):
            break  # a time/cause clause: its modality is its own
        t = t.head
        chain.append(t)
    if tok is not event_verb:
        chain.insert(0, tok)
    for i, v in enumerate(chain):
        if _not_taken(v):
            return "negated", "negation"
        kids = list(v.children)
        lemma = v.lemma_.lower()
        if any(k.dep_ == "neg" or k.lower_ in NEG and k.dep_ in ("neg", "det", "advmod") for k in kids):
            auxes = {k.lower_ for k in kids if k.dep_ in ("aux", "auxpass")}
            if auxes & (FUTURE_AUX | {"would"}):
                return "negated", "refusal"  # "will not accept": a refusal
            return "negated", "negation"
        if i > 0 and lemma in NEG_VERBS | REFUSAL_HEADS and chain[i - 1].dep_ in ("xcomp", "acomp"):
            return "negated", "refusal"
        auxes = {k.lower_ for k in kids if k.dep_ in ("aux", "auxpass")}
        if auxes & FUTURE_AUX:
            return "planned", "condition" if _conditioned(v) else "future"
        if "would" in auxes and _reported(v):
            # "said it would allow": the future of a past report, not a hypothesis.
            return "planned", "condition" if _conditioned(v) else "future"
        if auxes & HYPO_AUX:
            # "may halt its mediation if cooperation founders": a conditional move is an
            # ultimatum or an offer, as with "will"
            return "hypothetical", "condition" if _conditioned(v) else "modal"
        if any(k.dep_ == "mark" and k.lower_ in ("if", "unless", "whether") for k in kids):
            return "hypothetical", "condition"
        if i > 0 and chain[i - 1].dep_ in ("xcomp",) and lemma in PLAN_VERBS | INTENT_HEADS:
            if lemma == "set" and v.pos_ != "ADJ" and v.tag_ != "VBN":
                continue
            if _asked_of(v):
                return "hypothetical", "modal"
            return "planned", "condition" if _conditioned(v) else "intent"
        if i > 0 and v.pos_ == "ADJ" and lemma in INTENT_HEADS:
            if _asked_of(v):
                return "hypothetical", "modal"
            return "planned", "condition" if _conditioned(v) else "intent"
        if v.pos_ == "NOUN" and lemma in PLAN_NOUNS and i > 0:
            return "planned", "intent"
        if v.lower_ in ("going",) and any(k.dep_ == "xcomp" for k in kids):
            return "planned", "future"
    requested = _requested(event_verb)
    if requested:
        return "hypothetical", "requested"
    # "is to visit", "are due to meet"
    for k in event_verb.children:
        if k.dep_ == "aux" and k.lower_ == "to" and event_verb.head.lemma_.lower() in SCHEDULING_HEADS:
            return "planned", "future"
    return "asserted", ""

def _not_taken(v: Any) -> bool:
    """The alternative not taken: "respond with threats rather than cave in", "instead of
    bowing to the pressure, Ankara expelled the envoy"."""
    if v.i >= 2 and v.doc[v.i - 1].lower_ == "than" and v.doc[v.i - 2].lower_ == "rather":
        return True  # (the parser may hang "than" on the noun before: "with threats rather than yield")
    if v.dep_ == "conj":
        return any(k.dep_ == "cc" and k.lower_ == "than" and k.i < v.i and any(a.lower_ == "rather" for a in k.children)
                   for k in v.head.children)
    if v.dep_ == "pcomp" and v.head.lower_ in ("of", "than"):
        return any(k.lower_ in ("instead", "rather") for k in v.head.children)
    return False


def _occasion_followed(t: Any) -> bool:
    """An event noun after "after"/"following": an occasion an act followed ("after talks")."""
    return t.dep_ == "pobj" and t.pos_ in ("NOUN", "PROPN") and t.head.dep_ == "prep" and t.head.lower_ in ("after", "following")


def _future_above(v: Any) -> bool:
    """A verb, or one it is the complement or conjunct of, is future ("will sign", "is to sign")."""
    for _ in range(6):
        if {k.lower_ for k in v.children if k.dep_ in ("aux", "auxpass")} & FUTURE_AUX:
            return True
        if v.dep_ not in ("xcomp", "conj", "advcl", "ccomp") or v.head is v:
            return False
        v = v.head
    return False


def _asked_of(v: Any) -> bool:
    """"the US must be ready to mediate", "should be willing to talk": readiness asked of
    someone (a demand), not an intent they state."""
    cop = v.head if v.dep_ == "acomp" else v
    return bool({k.lower_ for x in (v, cop) for k in x.children if k.dep_ == "aux"} & {"must", "should", "ought"})

def _requested(v: Any) -> bool:
    """The act is what someone asks, urges or demands ("demanded that its partners refuse
    to recognize", "urged the bloc to support", "reiterated its demand that Israel ease"):
    asked for, not done."""
    up = v
    for _ in range(3):
        if up.dep_ not in ("xcomp", "ccomp", "acl", "advcl", "pcomp") or up.head.i == up.i:
            return False
        dep, up = up.dep_, up.head
        lem = up.lemma_.lower()
        if dep in ("xcomp", "ccomp") and up.pos_ == "VERB" and lem in REQUEST_HEADS:
            if lem == "tell" and dep == "ccomp":
                return False  # "told reporters that X had left": a report
            return True
        if dep == "advcl" and up.pos_ == "VERB" and lem in REQUEST_HEADS - {"tell", "call"} and any(k.dep_ == "aux" and k.lower_ == "to" for k in v.children):
            return True  # "demanded parties to allow": the parser's purpose clause
        if dep == "advcl" and up.pos_ == "VERB" and lem == "call" and any(k.dep_ == "aux" and k.lower_ == "to" for k in v.children) and any(
            p.dep_ == "prep" and p.lower_ in ("on", "upon") and any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in p.children) for p in up.children
        ):
            return True  # "called on Serbia on Tuesday to release": the parser's purpose clause again
        if dep == "ccomp" and up.pos_ == "VERB" and any(o.lemma_.lower() in REQUEST_NOUNS for o in children_of(up, ("dobj",))):
            return True  # "reiterated its demand that Israel ease": the clause hangs on the verb
        if dep in ("acl", "ccomp") and up.pos_ == "NOUN" and lem in REQUEST_NOUNS:
            return True
        if dep == "pcomp" and up.lower_ == "for" and up.head.pos_ == "NOUN" and up.head.lemma_.lower() in REQUEST_NOUNS:
            return True  # "an appeal for deploying troops"
    return False

def _reported(v: Any) -> bool:
    """The clause is the content of a speech verb ("X said it would ...")."""
    up = v
    for _ in range(3):
        if up.dep_ in ("ccomp", "conj") and up.head is not up:
            up = up.head
            if up.lemma_.lower() in SPEECH_VERBS | {"announce", "confirm", "decide", "agree", "indicate", "signal", "promise"}:
                return True
        else:
            return False
    return False

def _conditioned(v: Any) -> bool:
    """An ultimatum: "will withdraw ... unless X", "would boycott ... if X"."""
    return any(t.dep_ == "mark" and t.lower_ in ("unless", "if") for t in v.subtree)


# Types whose event is a statement about a future act (a threat, a demand); intentions derived
# from an offer or a pledge are statements too.
STATEMENT_TYPES = {"THREATEN", "REQUEST"}
# Only verbs that make the threat, promise or demand to someone: a plain "said" reports a plan or
# a forecast ("officials said Isaias is expected to visit"), which is no offer.
STATEMENT_VERBS = {"threaten", "warn", "vow", "pledge", "promise", "offer", "swear", "commit", "agree", "demand", "urge", "insist"}


def as_stated(ctx: Any, events: list[Any]) -> list[Any]:
    """A threat, a demand or an offer is an act when it is made (PLOVER, CAMEO): "warned that
    Beijing would take resolute measures" is an asserted THREATEN whose content lies in the
    future. The modality of a statement type is therefore that of the verb that makes the
    statement (the trigger itself, or the nearest threatening, warning, offering or demanding verb
    above it), not that of the act it announces: "will threaten" stays planned, "did not threaten"
    negated, a question a question. The announced act keeps its own modality.

    The pass after `derived` in `coder.CONSTRUCTIONS`; also applied to the sentence model's events."""
    from dataclasses import replace

    out = []
    for e in events:
        stated = e.type in STATEMENT_TYPES or e.coding.kind == "intent"
        if stated and e.modality in ("planned", "hypothetical"):
            verb = _statement_verb(ctx._trigger_token(e))
            if verb is not None and _plain_statement(ctx.sentence.text, verb):
                e = replace(e, modality="asserted")
        out.append(e)
    return out


def _statement_verb(tok: Any) -> Any | None:
    for _ in range(6):
        if tok is None:
            return None
        if tok.lemma_.lower() in STATEMENT_VERBS:
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _plain_statement(sentence_text: str, verb: Any) -> bool:
    """The statement verb is itself asserted: no negation, no future or modal auxiliary, no
    condition, not asked for, not a question."""
    if sentence_text.rstrip(" `'\"”’").endswith("?"):
        return False
    kids = list(verb.children)
    if any(k.dep_ == "neg" or (k.lower_ in NEG and k.dep_ in ("det", "advmod")) for k in kids):
        return False
    if {k.lower_ for k in kids if k.dep_ in ("aux", "auxpass")} & (FUTURE_AUX | HYPO_AUX):
        return False
    if any(k.dep_ == "mark" and k.lower_ in ("if", "unless", "whether") for k in kids):
        return False
    return verb.dep_ not in ("xcomp", "ccomp") or verb.head.lemma_.lower() not in PLAN_VERBS | REQUEST_HEADS

