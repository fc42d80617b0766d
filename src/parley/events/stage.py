"""events: PLOVER events from the dependency parse, with source, target, mode and evidence.

For each trigger word (see `parley.events.lexicon`) the source and target come from the parse:
subjects (through control verbs, conjunctions and passives), objects and prepositional objects,
possessors of event nouns ("Pelosi's visit"), "between X and Y", compound dyads ("US-China
talks"). A noun counts only as an occurrence (held talks, after a meeting, Pelosi's visit), never
as a topic ("promoting visits"). Modality (negated, planned, hypothetical, question) is kept on
every event; only asserted events are listed by default. Every event names the rule that coded it.

When the verb's own objects name no other party (or only a party of unknown country), the target
is looked for, in order, behind the object noun ("rejected North Korea's demand", "defied a
Security Council resolution", "boycott all contact with the United States", down a short chain
of nouns: "an extension of the mandate for the force in Lebanon"), in the trigger's preposition
hung on its theme ("withdrawal of forces from Panama"), in the complement clause ("demanded that
the US cancel", "offered to hand over to Britain"), in the verb's prepositional objects, in an
ultimatum's condition ("threatened to strike unless Israel ..."), for symmetric types in a
"with" partner ("ended its dispute with its EU partners"), and last in the trigger's own clause.
A group the resolver could not place takes the country its own phrase or the act's place puts
it in ("attacked Islamic fundamentalists in Sudan"); the event's place is the longest place
name in its phrase ("Northern Ireland" is GBR, never the last word's IRL). Compound modifiers ("Hungarian and Romanian officials") expand to one actor
per country. Derived events follow CAMEO: a stated intention to cooperate is an AGREE, to do harm
or an ultimatum a THREATEN (both "planned"), a refusal of cooperation a REJECT; "X said Y must"
is a REQUEST. A derived intention is dropped once the time stage finds its act done.

Dyad policy (`parley.events.policy`): a record with no target at all is made only for one-sided types
and stated commitments (AGREE); a named target of unknown country is kept as the trigger's own
argument; both cap the confidence at 0.5. Same-country pairs need two explicit, distinct actors
(or a domestic PROTEST/CONCEDE/COERCE), never a guessed side. What someone is accused, charged or
convicted of is not asserted ("accused X of threatening" is one ACCUSE). A leading dateline
("SIEM REAP, Cambodia, Nov. 22 - ...") is never an actor; "the two sides/ministers" are the
parties of the page's latest meeting.

Where the rules code nothing usable in a parsed sentence with actors, the learned sentence model
(`parley.events.model`, `parley.events.minilm`) may code events above its threshold
(`coder="model:..."`). A proposed event (of a type that is not one-sided) with no other party in
its sentence is aimed at the page's meeting partner, else at the party of another country named
last in the two sentences before (a reply: "Quito dismissed the allegation"), else dropped. One
whose subject names no party ("They exchanged views", "The ministers agreed") takes its source
from the two sentences before (their latest event's source, else the first party named).

With `dyad_ranker = on` (the default), the learned dyad ranker (`parley.events.dyads`) may
then replace the pair of an interaction alone of its type in its sentence with a better-scored pair
of the parties its passage names. Last, the learned event acceptor (`parley.events.acceptor`)
sets each asserted interaction's confidence to its probability that the type and pair are right;
with `event_acceptor = drop` (the default) it also drops those below its threshold (`rate` drops
nothing).

Where the code lives: `coder` (the sentence coder and its ordered rule tables), `constructions/`
(one module per sentence construction), `arguments` (argument finders), `readings` (which reading
of a trigger word applies), `modality`, `derived` (stated intentions), `policy` (the dyad policy),
`sentence` (actor lookup, places, quotes), `parse_helpers`, `words`, `dyads` (the dyad ranker); `lexicon` holds the trigger
rows and `ontology` the PLOVER types. This module runs them over a document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ..records import Actor, Document, Event, TokenActors
from .coder import SentenceCoder
from .custody import CUSTODY_MODES
from .coding import Coding
from .modality import as_stated
from .ontology import pair_key
from .policy import actor_key
from .words import APOLOGY_LEMMAS, CUSTODY_PENDING, CUSTODY_WINDOW, INTERLOCUTOR_WINDOW, PASSAGE_PAIR_WINDOW, PREVIOUS_PARTY_WINDOW


# Constructions whose pending addressee is the party the passage just named, as for the model's
# events ("Serbia called the decision a provocation": whose decision the sentence before says).
PASSAGE_ADDRESSEES = frozenset({"characterized-as"})


def _read_otherwise(found: list[Event]) -> set[str]:
    """Types the sentence model may not add where the rules read the same words as another
    type: a characterization read as a denial is no reproach as well ("called the accusations
    absurd" is REJECT alone: constructions/characterized_as.py)."""
    return {"ACCUSE"} if any(e.type == "REJECT" and e.coding.construction == "characterized-as" for e in found) else set()


def _resolve_addressees(events: list[Event], actors: TokenActors | None = None) -> list[Event]:
    """Fill a missing addressee with the other side of the page's current meeting; for the
    learned model's events, else with the latest party of another country named in the
    sentences just before (`actors`: the page's token actors)."""
    # (a meeting still waiting for its own other side names no partner)
    meetings = [e for e in events if e.type == "CONSULT" and e.modality == "asserted" and e.target.resolution != "unresolved"]
    out = []
    for e in events:
        if e.target.resolution != "unresolved":
            out.append(e)
            continue
        if e.coding.kind == "rule" and e.coding.pos == "noun":
            continue  # "the agreement", "an investigation": a topic noun names no addressee
        partner = None
        for m in meetings:
            # only the meeting the passage is about: just before, or the same sentence (a
            # meeting far back on the page is not who a later demand is addressed to)
            if not (e.sentence - INTERLOCUTOR_WINDOW <= m.sentence <= e.sentence):
                continue
            if m.source.country == e.source.country or actor_key(m.source) == actor_key(e.source):
                partner = m.target
            elif m.target.country == e.source.country or actor_key(m.target) == actor_key(e.source):
                partner = m.source
            if partner is not None:
                break
        how = "interlocutor"
        if partner is None and actors is not None and (e.coding.kind == "model" or e.coding.construction in PASSAGE_ADDRESSEES
                                                       or e.coding.lemma in APOLOGY_LEMMAS):
            partner = _previous_party(e, actors)
            how = "previous-sentence"
        if partner is None:
            continue
        out.append(replace(e, target=replace(partner, resolution=how, start=-1, end=-1), coder=_interlocutor_coding(e.coder, how),
                           # a party taken from the sentences before is a guess: at most 0.5
                           confidence=0.6 if how == "interlocutor" and e.source.resolution != "previous-subject" else min(e.confidence, 0.5)))
    return out


def _resolve_custody(events: list[Event]) -> list[Event]:
    """An agentless custody passive with no place ("The three officers were released on
    Tuesday"): the custodian is the source of the latest asserted custody act of the
    `CUSTODY_WINDOW` sentences before (an arrest or a release between two states) whose target
    is the patients' state, or any when they name none (then its target is theirs too); with
    none, the event is dropped (`custody.passage_custody`)."""
    out: list[Event] = []
    for e in events:
        if CUSTODY_PENDING not in (e.source.resolution, e.target.resolution):
            out.append(e)
            continue
        held = e.target.country
        for x in reversed(out):
            if x.sentence > e.sentence or x.sentence < e.sentence - CUSTODY_WINDOW:
                continue
            if x.modality != "asserted" or x.mode not in CUSTODY_MODES or not x.source.country or not x.target.country:
                continue
            if x.source.country == x.target.country or (held and x.target.country != held):
                continue
            custodian = replace(x.source, resolution="custody-passage", start=-1, end=-1)
            target = e.target if held else replace(x.target, text=e.target.text, resolution="custody-passage", start=e.target.start, end=e.target.end)
            if custodian.country != target.country:
                out.append(replace(e, source=custodian, target=target, confidence=min(e.confidence, 0.5)))
            break
    return out


def _resolve_sources(events: list[Event], actors: TokenActors) -> list[Event]:
    """A learned event whose subject continues the passage ("They exchanged views", "the
    ministers agreed"): its source is the party the sentences just before were about (the
    latest event's source there, else the first party named), or the event is dropped."""
    out = []
    for e in events:
        if e.source.resolution != "unresolved-source":
            out.append(e)
            continue
        party = None
        for k, named in _parties_before(e, actors, e.target.country):
            before = [x.source for x in out if x.sentence == k and x.source.country and x.source.country != e.target.country]
            party = (before[-1] if before else None) or (named[0] if named else None)
            if party is not None:
                break
        if party is None:
            continue
        out.append(replace(e, source=replace(party, resolution="previous-subject", start=-1, end=-1),
                           confidence=min(e.confidence, 0.5)))
    return out


def _previous_party(e: Event, actors: TokenActors) -> Actor | None:
    """The party of another country named last in the `PREVIOUS_PARTY_WINDOW` sentences before
    the event's: who a reply or a demand with no addressee in its own sentence answers
    ("Bogota accused Ecuador of ... Quito dismissed the allegation")."""
    for _, named in _parties_before(e, actors, e.source.country):
        if named:
            return named[-1]
    return None


def _parties_before(e: Event, actors: TokenActors, other_than: str | None) -> Iterator[tuple[int, list[Actor]]]:
    """(sentence, its actors of a country other than `other_than`, in word order) for each of
    the `PREVIOUS_PARTY_WINDOW` sentences before the event's, the nearest first."""
    for k in range(e.sentence - 1, max(-1, e.sentence - 1 - PREVIOUS_PARTY_WINDOW), -1):
        yield k, [a for _, a in sorted(actors.of(k).items()) if a.country and a.country != other_than]


def _interlocutor_coding(coder: str, how: str = "interlocutor") -> str:
    coding = Coding.from_string(coder)
    return replace(coding, how=how).to_string() if coding.how == "addressee-pending" else coder


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (type, dyad, sentence, date): several triggers in one sentence for one
    meeting ("met ... for talks"). Run by the time stage, once dates are known."""
    # A stated intention whose act the page reports as done ("agreed to send a delegation to
    # the January talks", once the time stage finds January past) is subsumed by the act.
    realized = {(e.sentence, e.source.country) for e in events if e.coding.modality == "planned" and e.modality == "asserted"}
    events = [
        e for e in events
        if not ((e.sentence, e.source.country) in realized and e.coding.modality != "planned"
                and (e.coding.kind == "intent" or e.target.resolution == "none"))
    ]
    seen: dict[tuple[Any, ...], int] = {}
    out: list[Event] = []
    for e in events:
        key = (e.type, pair_key(e.type, e.source.country, e.target.country), e.sentence, e.modality, e.date.value if e.date else None)
        if key in seen:
            prev = out[seen[key]]
            if e.confidence > prev.confidence:
                out[seen[key]] = e
            continue
        seen[key] = len(out)
        out.append(e)
    return out


def run(doc: Document, settings: Any = None) -> Document:
    """Adds `Document.events` (setting `event_model`: the sentence model consulted)."""
    from ..records import Parses
    from ..settings import Settings
    from .minilm import reviewer as minilm_reviewer

    settings = settings if settings is not None else Settings()
    event_model = settings.event_model
    assert doc.article is not None
    parses = doc.parses or Parses()
    actors = doc.token_actors or TokenActors()
    captions = {i for i, p in enumerate(doc.article.paragraphs) if p.kind == "caption"}
    events: list[Event] = []
    meeting: Event | None = None
    pair: Event | None = None  # the latest interaction of two countries, for "urged both sides"
    coded: list[tuple[SentenceCoder, list[Event], bool]] = []
    for sent in doc.sentences:
        sdoc = parses.get(sent.index)
        if sdoc is None or sent.paragraph in captions:
            continue
        coder = SentenceCoder(doc, sent, sdoc, actors.of(sent.index))  # type: ignore[arg-type]
        if meeting is not None and sent.index - meeting.sentence <= PASSAGE_PAIR_WINDOW:
            coder.meeting = (meeting.source, meeting.target)
        if pair is not None and sent.index - pair.sentence <= PASSAGE_PAIR_WINDOW:
            coder.pair = (pair.source, pair.target)
        found = coder.code()
        for e in found:
            if e.type == "CONSULT" and e.modality == "asserted" and e.target.country and e.source.country != e.target.country:
                meeting = e
            if e.modality == "asserted" and e.source.country and e.target.country and e.source.country != e.target.country and not e.target.resolution.startswith("pair:"):
                pair = e
        # the model speaks only where the rules coded nothing usable (an event still waiting for
        # its addressee may yet be resolved, so it counts as usable only when one exists)
        coded.append((coder, found, any(e.target.resolution != "unresolved" for e in found)))
    learned = minilm_reviewer(settings)  # event_model=minilm only: vetoes and proposals
    # the model runs on a sentence only when its answer is used (it costs about as much as the parse):
    # a sentence the rules coded is read only to veto or to add (where it names two countries),
    # one they did not only when `model_events` asks (it has actors, a subject, no ruled-out
    # verb); one sentence per run, so the numbers are the same whichever sentences are read
    for coder, found, usable in coded:
        extra: list[Event] = []
        if learned is not None and found:
            found = learned.review(found, coder.sentence.text)
            usable = any(e.target.resolution != "unresolved" for e in found)
        if learned is not None:
            # an added event is an interaction of its own sentence: read only where it names two
            # countries (the model's reads are the stage's main cost)
            two_countries = len({a.country for a in coder.actors.values() if a.country}) >= 2
            more = learned.additions(coder.sentence.text, {e.type for e in found} | _read_otherwise(found)) if usable and two_countries else []
            if more:  # a second event the rules' triggers missed in a sentence they did code
                # asserted only: a modal or planned clause in a sentence the rules read is mostly
                # the content of the act they coded ("said the US must be ready to mediate": a
                # demand, no offer to mediate)
                extra = [e for e in as_stated(coder, coder.model_events(event_model, learned, more)) if e.modality == "asserted"]
        if usable:
            events.extend(found + extra)
            continue
        events.extend(found + [e for e in as_stated(coder, coder.model_events(event_model, learned)) if e.type not in _read_otherwise(found)])
    events = _resolve_custody(events)
    events = _resolve_sources(events, actors)
    events = _resolve_addressees(events, actors)
    if settings.dyad_ranker == "on":
        from .dyads import shipped as shipped_ranker

        ranker = shipped_ranker()
        if ranker is None:
            raise ValueError("dyad_ranker=on: the dyad ranker is not installed (data/dyads/ranker.json missing)")
        events = ranker.rerank(doc, events)
    if settings.target_fill == "on":
        from .dyads import shipped_filler

        filler = shipped_filler()
        if filler is None:
            raise ValueError("target_fill=on: the target filler is not installed (no 'fill' part in data/dyads/ranker.json)")
        events = filler.fill(doc, events)
    if settings.event_acceptor != "off":
        from .acceptor import shipped as shipped_acceptor

        acceptor = shipped_acceptor()
        if acceptor is None:
            raise ValueError(f"event_acceptor={settings.event_acceptor}: the event acceptor is not installed (data/dyads/acceptor.json missing)")
        events = acceptor.judge(doc, events, drop=settings.event_acceptor == "drop")
    return replace(doc, events=tuple(events))
