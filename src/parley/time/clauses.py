"""Which of a sentence's dates are its act's own: not those of a clause that describes something
else ("a call that Washington has sought since last year"), but, when the act's clause names
none, a past date in its own complement ("had agreed to build the link in 1991"). Read from the
parse; the time stage (`time.stage`) chooses among what is left."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..records import Document, Event
from .expressions import DateMention


def own_clause_dates(doc: Document, e: Event, mentions: list[DateMention], anchor: date | None = None) -> list[DateMention]:
    """Drop date expressions inside a relative or complement clause (or a past participle's) that
    does not contain the trigger: in "agreed to keep a channel open, a call that Washington has
    sought since last year", "since last year" dates the seeking, not the agreement. But when the
    trigger's own clause names no date, a date with its year written in the trigger's own
    complement that begins no later than `anchor` dates the act (`_complement_dates`)."""
    if not mentions:
        return mentions
    sdoc = doc.parse_of(e.sentence)
    if sdoc is None:
        return mentions
    start = doc.sentences[e.sentence].start
    trigger = e.trigger_start - start
    kept = _outside_side_clauses(sdoc, trigger, start, mentions)
    return _complement_dates(sdoc, trigger, start, mentions, kept, anchor) or kept


def subtree_span(tok: Any) -> tuple[int, int]:
    """The character span of `tok`'s subtree in its sentence's text."""
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)


def in_spans(m: DateMention, start: int, spans: list[tuple[int, int]]) -> bool:
    """The mention (offsets in the article; its sentence begins at `start`) lies in one of `spans`."""
    return any(a <= m.start - start and m.end - start <= b for a, b in spans)


# What heads a clause: a date whose nearest such head is the trigger's is told in the act's own clause.
_CLAUSE_HEAD_DEPS = {"ROOT", "advcl", "xcomp", "ccomp", "relcl", "acl", "csubj", "parataxis", "pcomp"}


def _clause_head(tok: Any) -> Any:
    while not (tok.dep_ in _CLAUSE_HEAD_DEPS or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"))) and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _complement_dates(sdoc: Any, trigger: int, start: int, mentions: list[DateMention], kept: list[DateMention],
                      anchor: date | None) -> list[DateMention]:
    """"had agreed to build the link in 1991", "offered to lead it in July 2023", "refused to
    include the enclave when Namibia gained independence in March 1990": the parser hangs the
    date on the complement's verb, English leaves the attachment open, and a past date there
    bounds the act that governs it. The dates with their year written ("in 1991", "in March
    1990") inside the trigger's own xcomp that begin no later than `anchor`, when no kept date
    is told in the trigger's own clause; else nothing. A later date, or one whose year is
    inferred ("agreed to hold talks in March" may mean next March) or deictic ("on Friday"),
    stays the complement's."""
    from ..annotate.nlp import token_at

    trig = token_at(sdoc, trigger)
    if trig is None or anchor is None:
        return []
    head = _clause_head(trig)
    if any((t := token_at(sdoc, m.start - start)) is not None and _clause_head(t).i == head.i for m in kept):
        return []

    comps = [c for c in head.children if c.dep_ == "xcomp"]
    spans = [subtree_span(c) for c in comps]
    # a clause describing a noun inside the complement dates its own act ("a statue that
    # activists placed ... in 2011"); an adverbial one ("when Namibia gained ...") times the verb
    described = [subtree_span(t) for c in comps for t in c.subtree if t.dep_ in ("relcl", "acl") and t.i != c.i]
    return [m for m in mentions if m.kind == "absolute" and m.first <= anchor and in_spans(m, start, spans) and not in_spans(m, start, described)]


# Verbs whose object they make: a clause "that X signed" of "a 1974 convention" tells its year.
_MAKING_VERBS = frozenset({"sign", "conclude", "ink", "seal", "strike", "broker", "negotiate"})
# What links a clause verb to the relative clause above it ("that it said X signed").
_CLAUSE_LINKS = frozenset({"ccomp", "conj", "xcomp"})


def tells_dated_noun(doc: Document, e: Event, m: DateMention) -> bool:
    """The act is told in a relative clause of the noun the year `m` modifies, and the clause
    tells that noun's own occasion: "the 1937 massacre, when soldiers killed ..."; "a 1974
    convention that it said the two presidents signed" (a verb that makes its object, with no
    object of its own). "the 1994 treaty that Moscow broke" tells no occasion of the treaty."""
    from ..annotate.nlp import token_at

    sdoc = doc.parse_of(e.sentence)
    if sdoc is None:
        return False
    start = doc.sentences[e.sentence].start
    year, trig = token_at(sdoc, m.start - start), token_at(sdoc, e.trigger_start - start)
    if year is None or trig is None or year.dep_ not in ("nummod", "compound", "amod", "nmod"):
        return False
    noun, clause = year.head, trig
    while not (clause.dep_ in ("relcl", "acl") and clause.head.i == noun.i):
        if clause.dep_ not in _CLAUSE_LINKS | {"relcl", "acl"} or clause.head.i == clause.i:
            return False
        clause = clause.head
    if any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children):
        return True
    own_object = any(c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") and c.lower_ not in ("that", "which") for c in trig.children)
    return trig.lemma_.lower() in _MAKING_VERBS and not own_object


def _outside_side_clauses(sdoc: Any, trigger: int, start: int, mentions: list[DateMention]) -> list[DateMention]:
    """The mentions not inside a relative or complement clause (or a past participle's) that does
    not contain the trigger."""
    clauses = []
    for tok in sdoc:
        if tok.dep_ in ("relcl", "acl", "ccomp", "xcomp"):
            if tok.dep_ == "acl" and tok.tag_ == "VBG":
                # a present participle describes its noun at the main clause's time ("signed a
                # treaty confirming their border ... in November 1990": the parser hangs the date
                # under "confirming"); it tells no act of its own, unlike "the deal signed in 2015"
                continue
            a, b = subtree_span(tok)
            if not a <= trigger < b:
                clauses.append((a, b))
    return [m for m in mentions if not in_spans(m, start, clauses)]
