"""Small readings of a spaCy dependency parse shared by the event rules: quotes, children by
dependency, conjuncts, a verb's subject (through control, conjunction and passive) and objects.
"""

from __future__ import annotations

import re
from typing import Any

from .words import (
    COMMITMENT_HEADS, COUNT_NOUNS, CROWD_NOUNS, GENERIC_QUANT, ITERATION_NOUNS, ITERATIVE_ADVERBS, LONG_SPAN_NOUNS, OBJECTLESS_STOPS, QUOTE_PAIRS,
    SPEECH_PRODUCTS, SPEECH_VERBS, STANDING_ADVERBS, TIME_NOUNS,
)


def quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for open_q, close_q in QUOTE_PAIRS:
        if open_q == close_q:
            idx = [m.start() for m in re.finditer(re.escape(open_q), text)]
            if open_q == "`":
                idx = [i for i in idx if not text.startswith("``", i) and not text.startswith("``", i - 1)]
            for a, b in zip(idx[0::2], idx[1::2]):
                spans.append((a, b + len(close_q)))
        else:
            for m in re.finditer(re.escape(open_q) + r"(.+?)" + re.escape(close_q), text, flags=re.S):
                if open_q == "‘" and re.match(r"\w", text[m.end():m.end() + 1] or " "):
                    continue
                spans.append((m.start(), m.end()))
    return sorted(set(spans))


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)


def counted_vaguely(tok: Any) -> bool:
    """A plural counted without a number ("many visits", "several attacks"): an aggregate of
    occasions, not one that happened."""
    return bool(tok.tag_ in ("NNS", "NNPS") and any(c.lower_ in GENERIC_QUANT for c in tok.children))


def habitual(verb: Any) -> bool:
    """The verb tells a habit, a run of occasions or a position held over years, not one
    occasion: "have clashed repeatedly", "has accused Paris many times", "on several occasions",
    "time and again", "has complained for years", "has long refused" (a perfect with "long" or
    "always"), or the verb it is the complement of ("has long refused to recognise"). Not "for
    years of help" (a noun's measure) or "for five years" (a counted span)."""
    while not _habit_marked(verb):
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return True


def _habit_marked(verb: Any) -> bool:
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    for c in verb.children:
        low = c.lower_
        if c.dep_ == "advmod" and (low in ITERATIVE_ADVERBS or (perfect and low in STANDING_ADVERBS)):
            return True
        if c.dep_ in ("npadvmod", "advmod", "dobj") and c.lemma_.lower() in ITERATION_NOUNS and (
            counted_vaguely(c) or any(k.lower_ == "again" for k in c.subtree if k.i != c.i)
        ):
            return True  # "many times", "time and again"
        if c.dep_ == "prep" and low in ("for", "on"):
            for p in children_of(c, ("pobj",)):
                lemma = p.lemma_.lower()
                if low == "on" and lemma in ITERATION_NOUNS and counted_vaguely(p):
                    return True  # "on several occasions"
                if low == "for" and lemma in LONG_SPAN_NOUNS and not children_of(p, ("prep", "nummod")) and (
                    p.tag_ == "NNS" or any(k.lower_ in ("a", "many", "several") for k in p.children)
                ):
                    return True  # "for years", "for decades", "for a decade", "for many years"
    return False


def states_fact(clause_verb: Any) -> bool:
    """A that-clause states a fact rather than what should be done: its verb is finite ("is",
    "belonged") or has a tense or modal auxiliary other than the mandative "should"/"must"
    ("will not be drawn", "has broken"). "that the North give up", "that he not be extradited"
    and "that talks should resume" are mandative: no statement."""
    auxes = {k.lower_ for k in clause_verb.children if k.dep_ in ("aux", "auxpass")}
    if auxes - {"should", "must", "to"}:
        return True
    if auxes:
        return False
    # a plain present form is the mandative's too ("that the sides resume talks"), except "are"
    # and "am" (the mandative says "be")
    return clause_verb.tag_ in ("VBZ", "VBD") or (clause_verb.tag_ == "VBP" and clause_verb.lower_ in ("are", "'re", "am"))


def children_of(tok: Any, deps: tuple[str, ...]) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]





def crowd_noun(subj: Any | None) -> Any | None:
    """The subject is an unnamed crowd ("thousands of people", "students", "a crowd of
    villagers"); returns the noun that names it."""
    if subj is None:
        return None
    lem = subj.lemma_.lower()
    if lem in CROWD_NOUNS:
        return subj
    if lem in COUNT_NOUNS or subj.lower_ in COUNT_NOUNS:
        for prep in subj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for p in children_of(prep, ("pobj",)):
                    if p.lemma_.lower() in CROWD_NOUNS:
                        return p
    return None


def based_in(t: Any) -> list[Any]:
    """The "in" phrase of a participle placing a group: "a group based in Trinidad", "militants
    headquartered in Syria", "troops stationed in Germany"."""
    return [p for c in t.children if c.dep_ == "acl" and c.lemma_.lower() in ("base", "headquarter", "station", "locate") for p in c.children if p.dep_ == "prep" and p.lower_ == "in"]


def conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(conjuncts(c))
    return out


def conjuncts_any(tok: Any) -> list[Any]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(conjuncts_any(c))
    return out


def fragment_subject(v: Any) -> Any | None:
    """"Doctors from two aid groups donated and delivered goods to ...": with no verb at the
    root, the parser hangs the real predicate off the subject phrase as a participle. A
    participle that (itself or its conjunct) takes a direct object is active, not a reduced
    passive ("Five soldiers killed in an attack" has none), so the root noun is its subject."""
    if v.dep_ != "acl" or v.tag_ not in ("VBN", "VBD"):
        return None
    root = v.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp") and t.i < v.i for t in v.sent):
        return None
    head = v.head
    if not (head.i == root.i or (head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i == root.i)):
        return None
    if v.i > 0 and v.doc[v.i - 1].is_punct:
        return None  # "the envoy, received warmly, ...": an aside
    if not any(c.dep_ == "dobj" for x in conjuncts_any(v) for c in x.children):
        return None
    return root


def subject_of(verb: Any) -> tuple[Any | None, bool]:
    """(subject token, is_passive_target) for a verb, climbing control and conjunction."""
    seen = 0
    tok = verb
    came_by = ""
    while tok is not None and seen < 6:
        seen += 1
        subj = children_of(tok, ("nsubj",))
        if subj:
            # two subjects is a parse error; the one nearest the verb is the likelier
            return min(subj, key=lambda x: abs(tok.i - x.i)), False
        if children_of(tok, ("nsubjpass",)) and tok is not verb and came_by == "conj":
            # "has been indicted ... and will resign": the passive subject is the conjunct's too
            return children_of(tok, ("nsubjpass",))[0], False
        if children_of(tok, ("nsubjpass",)) and tok is verb:
            agent = [c for c in tok.children if c.dep_ == "agent"]
            if agent:
                pobj = children_of(agent[0], ("pobj",))
                return (pobj[0] if pobj else None), False
            return None, False
        if tok.dep_ == "acomp" and tok.head is not tok and tok.head.pos_ in ("AUX", "VERB") and came_by == "xcomp":
            # "he is prepared to lift the ban", "Norway is willing to send": the adjective's
            # controller is the copula's subject
            came_by = "acomp"
            tok = tok.head
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in SPEECH_PRODUCTS and tok.head.dep_ in ("dobj", "pobj") and tok.head.head is not tok.head:
            # "issued a declaration demanding that ...": the declaration speaks for whoever
            # issued it (climb to the issuing verb, or past "in a statement")
            up = tok.head.head
            if up.pos_ == "ADP" and up.head is not up:
                up = up.head
            if up.pos_ in ("VERB", "AUX"):
                came_by = "acl"
                tok = up
                continue
        if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp") and tok.head is not tok:
            # xcomp/advcl: controlled by the head's subject ("China agreed to send ... to attend").
            if tok.dep_ == "ccomp":
                return None, False
            came_by = tok.dep_
            tok = tok.head
            continue
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head, False
        fragment = fragment_subject(tok)
        if fragment is not None:
            return fragment, False
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head, False  # "demonstrators protesting election results"
        return None, False
    return None, False





def misattached_noun(anchor: Any, limit: int = 8) -> Any | None:
    """The noun phrase the parser tore off as the subject of a later clause: "shortened by one
    hour the nightly curfew imposed ..." (the shifted object read as the subject of a verb
    further on), "granted asylum to five officers holed up in ..." (the preposition left
    without its object). Only a noun reached without crossing punctuation, a verb or a clause
    word, and whose own verb follows it and lies under the anchor's clause, qualifies."""
    doc = anchor.doc
    top = anchor.head if anchor.pos_ == "ADP" else anchor
    for t in doc[anchor.i + 1: min(len(doc), anchor.i + 1 + limit)]:
        if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") or t.dep_ == "mark" or t.lower_ in OBJECTLESS_STOPS:
            return None
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass") and t.head.i > t.i:
            return t if any(a.i == top.i for a in t.head.ancestors) else None
        if t.pos_ == "NOUN" and t.dep_ in ("npadvmod", "oprd") and t.head.i == top.i and anchor.pos_ != "ADP" and t.lemma_.lower() not in TIME_NOUNS and t.ent_type_ not in ("DATE", "TIME"):
            return t  # the same object read as a bare adverbial noun ("eased by two hours the curfew")
    return None


def shifted_object(verb: Any) -> Any | None:
    """A heavy object moved past an adverbial ("shortened by one hour the curfew"): only when
    the verb has no object of its own and an adverbial phrase stands right after it (so "warned
    the rebels would attack", a real clause subject, never qualifies)."""
    if verb.pos_ != "VERB" or children_of(verb, ("dobj", "nsubjpass")) or verb.i + 1 >= len(verb.doc):
        return None
    nxt = verb.doc[verb.i + 1]
    if not (nxt.pos_ in ("ADP", "ADV") and nxt.head.i == verb.i or nxt.dep_ == "agent"):
        return None
    return misattached_noun(verb, limit=10)


def objects_of(tok: Any, kinds: tuple[str, ...]) -> list[Any]:
    found: list[Any] = []
    for kind in kinds:
        if kind in ("dobj", "dative"):
            found += children_of(tok, (kind,) if kind == "dobj" else ("dative",))
            if kind == "dobj":
                found += children_of(tok, ("nsubjpass",))
                if not found and tok.pos_ == "VERB":
                    shifted = shifted_object(tok)
                    found += [shifted] if shifted is not None else []
        else:
            for prep in tok.children:
                if prep.dep_ in ("prep", "prt", "dative") and prep.lower_ == kind:
                    pobjs = children_of(prep, ("pobj",))
                    if not pobjs and prep.dep_ == "prep" and not children_of(prep, ("pcomp",)):
                        # a preposition without its object is a parse error: its noun is the
                        # next phrase, read by the parser as a later clause's subject
                        torn = misattached_noun(prep)
                        pobjs = [torn] if torn is not None else []
                    found += pobjs
    return found


def stated(tok: Any) -> bool:
    """Someone in the sentence says or commits to the act `tok` names: its clause is the
    complement of a speech verb ("said it would withdraw", "..., the president said") or of a
    commitment head ("pledged to send", "is ready to send"). An act inside another plan is not
    ("will travel to Niamey to arrange a withdrawal, the Pentagon said": the trip is the plan)."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT" and verb.head is not verb:
        verb = verb.head  # the clause's own verb ("withdrawal" -> "arrange")
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.dep_ == "prep":
        verb = verb.head.head  # "would answer by expelling": the means is the stated act
    if verb.lemma_.lower() in COMMITMENT_HEADS and verb is not tok:
        return True
    while verb.dep_ in ("ccomp", "xcomp", "parataxis", "conj") and verb.head is not verb:
        head = verb.head
        if head.lemma_.lower() in SPEECH_VERBS or head.lemma_.lower() in COMMITMENT_HEADS:
            return True
        if verb.dep_ != "conj":
            return False  # another verb's complement: that verb's plan, not a statement
        verb = head
    return False
