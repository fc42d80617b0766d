"""The learned layer: the sentence model's event where the rules coded nothing usable."""

from __future__ import annotations

from typing import Any

from ..records import Actor, Event
from .arguments import ArgumentFinders
from .sentence import read_as_pair
from .coding import Coding
from .lexicon import triggers_for, words_naming
from .ontology import PLOVER_TYPES
from .parse_helpers import children_of, counted_vaguely, habitual, inside, objects_of, stated, states_fact, subject_of
from .policy import actor_key, is_place
from .referents import object_doer
from .words import (CONTINUING_SUBJECTS, DOMESTIC_TYPES, EVENT_PLACE_TYPES, LOCATIVE_PREPS, NON_AGENT_NOUNS, ONE_SIDED_TYPES, PRONOUN_SUBJECTS,
                    SCHEDULING_HEADS, SPEECH_VERBS)


def model_events(ctx: ArgumentFinders, event_model: str, model: Any = None,
                 proposals: list[tuple[str, float]] | None = None) -> list[Event]:
    """A sentence with actors but no trigger the rules know: the sentence model's type when
    it is confident (its threshold was chosen on held-out training stories). The source is
    the main clause's subject actor; the target the first other-country actor in the
    clause, else (one-sided and domestic types) the source's own country or nobody.
    `model`: any object with `name`, `threshold` and `predict(text) -> (type, p)` (a TF-IDF model),
    or with `proposals(text) -> [(type, p), ...]` (the MiniLM reviewer of `parley.events.minilm`);
    the `event_model` setting's TF-IDF model when None.
    `proposals`: the (type, probability) pairs to code, instead of asking the model.
    A type named by a noun the main verb answers ("turned down a Chinese request", "bowed to
    Washington's demand") is the act of the noun's maker toward the subject, not the subject's
    (`_answered_act`)."""
    from .model import model_named

    model = model if model is not None else model_named(event_model)
    learned = hasattr(model, "proposals")  # the MiniLM reviewer, not a TF-IDF model
    if model is None or ctx.sentence.text.rstrip(" `'\"”’").endswith("?"):
        return []
    if not ctx.actors and not learned:
        return []  # (the learned model may still find a source in the sentences before)
    root = next((t for t in ctx.sdoc if t.dep_ == "ROOT"), None)
    if root is None:
        return []
    # "X said (that) Y ...": the reported clause carries the event
    main = root
    if root.lemma_.lower() in SPEECH_VERBS:
        comp = children_of(root, ("ccomp",))
        if comp:
            main = comp[0]
    subj, _ = subject_of(main)
    if subj is not None and subj.lemma_.lower() in NON_AGENT_NOUNS:
        # "The agreement, signed by Iran and the US, limits ...": a document acts for no one. An
        # event named inside the sentence ("The announcement followed talks between X and Y") is
        # the learned model's only where its span tagger marks a source and a target
        return _tagged_only(ctx, model, root, main, proposals) if learned and hasattr(model, "tagged_actors") else []
    main_objs = {o.lemma_.lower() for o in children_of(main, ("dobj",))}
    # the rules read the verb with this object and ruled that reading out ("ordered an embargo" is
    # no REQUEST, "released a statement" no RETREAT): not that type; the sentence may still tell
    # another ("The Security Council ordered an embargo against Serbia" is a SANCTION)
    forbidden = {t.type for t in triggers_for(main.lemma_.lower(), "VERB") if main_objs & set(t.forbids_object)}
    if forbidden and not learned:
        return []  # the TF-IDF v1 model keeps its older reading: no event at all
    sources = [a for a in ctx.actor(subj) if a.country]
    tagged: list[Actor] = []
    continues = learned and not sources and subj is not None and _continues(subj, ctx)
    if not sources and not continues and not any(a.country for a in ctx.actors.values()):
        return []  # no source, and none the tagger could name (asked only when it may help: it is costly)
    if not sources and ctx.actors and hasattr(model, "tagged_actors"):
        # no subject actor in the parse: the learned span tagger's source and target, if any
        sources, tagged = model.tagged_actors(ctx)
    if not sources and continues:
        # "They exchanged views ...", "The ministers agreed ...": the subject names no party of
        # its own; the stage takes the party the passage was about, or drops the event
        sources = [Actor.absent("unresolved-source")]
    if not sources:
        return []
    if proposals is None:
        asked = model.proposals(ctx.sentence.text) if learned else [model.predict(ctx.sentence.text)]
        proposals = [(t, p) for t, p in asked if p >= model.threshold]
    if learned:
        # the rules read the verb's "from" object and ruled its reading out ("withdrew from the
        # treaty" is no retreat): not that type (the learned model only; v1 keeps its behaviour)
        froms = {o.lemma_.lower() for o in objects_of(main, ("from",))}
        ruled_out = forbidden | {t.type for t in triggers_for(main.lemma_.lower(), "VERB") if froms & set(t.forbids_from)}
        for obj in children_of(main, ("dobj",)):
            # an event noun counted vaguely ("promoting many visits", "held numerous meetings")
            # is an aggregate, no occurrence, as the rules read it (readings.py)
            if counted_vaguely(obj):
                ruled_out |= {t.type for t in triggers_for(obj.lemma_.lower(), "NOUN")}
        if any(states_fact(c) for c in children_of(main, ("ccomp",))):
            # "insists it will not be drawn in": a statement, no demand (lexicon: forbids_statement)
            ruled_out |= {t.type for t in triggers_for(main.lemma_.lower(), "VERB") if t.forbids_statement}
        for verb in (t for t in ctx.sdoc if t.pos_ in ("VERB", "AUX") and habitual(t)):
            # "have clashed repeatedly", "has long refused": that verb's act is a habit or a
            # position held, no occasion (as the rules read it: coder.code_trigger_words)
            ruled_out |= {t.type for t in triggers_for(verb.lemma_.lower(), "VERB")}
        proposals = [(t, p) for t, p in proposals if t not in ruled_out and not _not_the_main_clauses(ctx, t, main, sources)]
    if not proposals:
        return []
    if tagged == [] and getattr(model, "prefer_tagged", False):
        # the span tagger read who is acted on; the parse's subject stays the source
        tagged = [a for a in model.tagged_actors(ctx)[1] if a.country not in {x.country for x in sources}]
    out: list[Event] = []
    for type_, p in proposals:
        answered = _answered_act(ctx, type_, main) if learned else None
        if answered is not None:
            # "Ecuador turned down a Chinese request": the request is China's, made to Ecuador
            out += _answered_events(ctx, model, type_, p, main, sources, *answered)
            continue
        out += _typed(ctx, model, type_, p, root, main, sources, tagged)
    return out


# Verbs (lemma, with their particle) that answer an act another party made: what they take as
# object, or as the object of "to" or "with", is that party's act, not the subject's.
ANSWERING_VERBS = frozenset({
    "accept", "agree", "bow", "yield", "give in", "heed", "meet", "comply", "grant", "reject", "turn down", "refuse",
    "decline", "dismiss", "brush aside", "ignore", "defy", "rebuff", "spurn", "respond", "answer",
})
ANSWERED_PREPS = frozenset({"to", "with"})
# A standing act is a position held over time, no occasion (docs/annotation.md section 1).
STANDING_WORDS = frozenset({"long-standing", "longstanding", "standing", "long-held", "longtime", "repeated", "persistent"})


def _answered_act(ctx: ArgumentFinders, type_: str, main: Any) -> tuple[Any, list[Actor]] | None:
    """(the noun, its owners) when the one word naming the type is a noun the main verb answers
    ("accepted a demand", "bowed to Washington's demand", "complied with the call"), else None.
    The owners are the parties that made the act, as the noun's own words name them (possessor,
    adjective or compound, "from"/"by" X, a relative clause's subject); none for a standing act
    or an act whose maker the sentence does not name."""
    if _verb_phrase(main) not in ANSWERING_VERBS:
        return None
    naming = words_naming(ctx.sdoc, type_)
    if len(naming) != 1 or naming[0].pos_ != "NOUN":
        return None
    noun = naming[0]
    if not (noun.dep_ == "dobj" and noun.head.i == main.i) and not _answered_through(noun, main):
        return None
    if any(c.lower_ in STANDING_WORDS for c in noun.children if c.dep_ in ("amod", "compound")):
        return noun, []
    owners: list[Actor] = []
    for c in noun.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod"):
            owners += ctx.actor(c)
        elif c.dep_ == "prep" and c.lower_ in ("from", "by"):
            owners += [a for o in children_of(c, ("pobj",)) for a in ctx.actor(o)]
        elif c.dep_ in ("relcl", "acl"):
            subj, _ = subject_of(c)
            owners += ctx.actor(subj) if subj is not None and subj.i != c.i else []
    return noun, owners


def _answered_through(noun: Any, main: Any) -> bool:
    """"bowed to Washington's demand", "complied with the call"; also with the "to" phrase hung on
    a phrase of the verb's own ("bowed at that meeting to Washington's demand", as parsed)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ANSWERED_PREPS:
        return False
    head = noun.head.head
    if head.i == main.i:
        return True
    return head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i == main.i


def _told_at(noun: Any) -> Any:
    """The word that tells the answered act: the verb of a relative clause on its noun ("a demand
    Burundi first made in 1997", so the act is dated by its own clause), else the noun."""
    return next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"), noun)


def _answered_events(ctx: ArgumentFinders, model: Any, type_: str, p: float, main: Any, sources: list[Actor], noun: Any,
                     owners: list[Actor]) -> list[Event]:
    """The answered act coded as its owners' toward the answering party (the main clause's
    source); nothing when the owners are not named, or are the answering party's own."""
    answering = [s for s in sources if s.country]
    own = {s.country for s in answering}
    makers = list({actor_key(o): o for o in owners if o.country and o.country not in own}.values())
    if not answering or not makers:
        return []
    modality, why = ctx.modality_reason(main, main)
    if modality != "hypothetical":
        modality, why = "asserted", ""  # the act answered was made, whatever became of the answer
    coder = Coding("model", type_, how="answered", model=model.name).with_modality(modality, why).to_string()
    return [ctx._make(type_, o, s, _told_at(noun), PLOVER_TYPES[type_].cameo_root, None, None, modality, coder, round(p, 2))
            for o in makers for s in answering if actor_key(o) != actor_key(s)]


def _not_the_main_clauses(ctx: ArgumentFinders, type_: str, main: Any, sources: list[Actor]) -> bool:
    """The type is told where the main clause's subject did not do it (M1, M2), read from the words
    of the sentence that name it (walked once for both)."""
    naming = words_naming(ctx.sdoc, type_)
    return _told_by_another_subject(ctx, naming, main, sources) or _called_off_or_asked_for(naming, main)


# Clauses subordinate to the main one that tell an act of their own subject (not a conjunct:
# coordinated clauses often tell parallel acts of one type, "X flew in aid, and Peru sent a team").
_OWN_CLAUSES = ("advcl", "relcl", "ccomp", "acl")


def _told_by_another_subject(ctx: ArgumentFinders, naming: list[Any], main: Any, sources: list[Actor]) -> bool:
    """"China released water after Vietnam asked for help": the one word naming the type (`naming`:
    the rules' triggers of it, read as a verb or a noun) heads another clause whose own subject is a party of
    another country than the main clause's source; the act is that clause's, and the rules have
    read it there."""
    if len(naming) != 1:
        return False
    word = naming[0]
    if word.i == main.i or word.pos_ != "VERB" or word.dep_ not in _OWN_CLAUSES:
        return False
    subj, _ = subject_of(word)
    if subj is None or subj.i == word.i:
        return False
    own = {a.country for a in sources}
    return any(a.country and a.country not in own for a in ctx.actor(subj))


# Verbs (lemma, with their particle) whose object meeting or act did not, or not yet, happen.
CALLED_OFF = frozenset({"cancel", "call off", "put off", "postpone", "delay", "scrap", "shelve", "skip", "suspend", "break off", "end", "abandon"})
ASKED_FOR = frozenset({"invite", "propose", "request", "seek", "want", "plan", "offer", "urge"})


def _verb_phrase(verb: Any) -> str:
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


def _called_off_or_asked_for(naming: list[Any], main: Any) -> bool:
    """"cancelled a meeting with his French counterpart", "called off a state visit", "invited
    his counterpart to hold talks": the one word naming the type is a noun the main verb (or a
    to-infinitive under it) takes as object, and the main verb calls it off or asks for it; the
    rules' own noun reading declines it as no occurrence (readings.py)."""
    said = _verb_phrase(main)
    if said not in CALLED_OFF and said not in ASKED_FOR:
        return False
    # the verb that calls the act off does not name it ("called off a visit" is no phone call)
    others = [w for w in naming if w.i != main.i]
    if len(others) != 1 or others[0].pos_ != "NOUN" or others[0].dep_ != "dobj":
        return False
    verb = others[0].head
    return verb.i == main.i or (verb.dep_ == "xcomp" and verb.head.i == main.i)


def _tagged_only(ctx: ArgumentFinders, model: Any, root: Any, main: Any,
                 proposals: list[tuple[str, float]] | None) -> list[Event]:
    """The learned model's events (`proposals`, else every type it proposes) with both sides from
    its span tagger, or none."""
    sources, tagged = model.tagged_actors(ctx)
    tagged = [a for a in tagged if a.country not in {s.country for s in sources}]
    if not sources or not tagged:
        return []
    if proposals is None:
        proposals = [(t, p) for t, p in model.proposals(ctx.sentence.text) if p >= model.threshold]
    out: list[Event] = []
    for type_, p in proposals:
        out += _typed(ctx, model, type_, p, root, main, sources, tagged)
    return out


def _scheduled_content(main: Any) -> Any:
    """The to-infinitive a scheduling head governs ("meet" in "are due to meet"), or None."""
    if main.lemma_.lower() not in SCHEDULING_HEADS:
        return None
    heads = [main, *children_of(main, ("acomp",))]
    for head in heads:
        if head.lemma_.lower() not in SCHEDULING_HEADS:
            continue
        for comp in children_of(head, ("xcomp",)):
            if comp.pos_ == "VERB" and any(k.dep_ == "aux" and k.lower_ == "to" for k in comp.children):
                return comp
    return None


def _continues(subj: Any, ctx: ArgumentFinders) -> bool:
    """A subject that continues the passage's party: a personal pronoun, or a state noun with
    no actor of its own ("the government", "both delegations", "the ministers")."""
    own = ctx.actors.get(subj.i)
    if own is not None and (own.name or own.country):
        return False  # a named person of unknown country is nobody's continuation
    return (subj.lower_ in PRONOUN_SUBJECTS and subj.lower_ != "i") or subj.lemma_.lower() in CONTINUING_SUBJECTS or subj.lower_ in CONTINUING_SUBJECTS


# The rules' event-place types (`words.EVENT_PLACE_TYPES`) but RETREAT and CONCEDE, whose place
# the rules read only by a mode the sentence model does not give.
PLACE_TARGET_TYPES = EVENT_PLACE_TYPES - {"RETREAT", "CONCEDE"}


def _typed(ctx: ArgumentFinders, model: Any, type_: str, p: float, root: Any, main: Any, sources: list[Actor], tagged: list[Actor]) -> list[Event]:
    """The events of one proposed type: its targets found as `model_events` describes."""
    own = {a.country for a in sources}
    # the MiniLM reviewer (`proposals`) follows the rules' clause policies below; the TF-IDF v1
    # model keeps its older behaviour
    learned = hasattr(model, "proposals")
    targets = tagged or ctx._in_clause(main, sources)
    how = "tagged" if tagged else "in-clause"
    symmetric = PLOVER_TYPES[type_].symmetric
    if not targets and (read_as_pair(sources) or (symmetric and read_as_pair(sources, "group:"))):
        # "The sides agreed ...", "the two countries fought ...": the pair acts each way (a
        # symmetric type's second direction is merged by `dedupe`); a signing (SUPPORT) stays
        # one event, as the rules code it (`coder._compound_subject`). A counted group ("the
        # three navies launched joint patrols") does so for the symmetric types only
        sources, targets, how = (sources[:1] if type_ == "SUPPORT" else sources), list(sources), "pair"
    if not targets:
        # any other party in the sentence, but not the reporter ("..., witnesses said")
        reporters = {t.i for s in children_of(root, ("nsubj",)) for t in s.subtree} if main is not root else set()
        for i, a in sorted(ctx.actors.items()):
            tok = ctx.sdoc[i]
            if i in reporters or not a.country or a.country in own or inside(tok.idx, ctx.quotes):
                continue
            if any(x.lemma_ == "accord" for x in tok.ancestors):
                continue
            preps = [x for x in tok.ancestors if x.dep_ == "prep"]
            if learned and is_place(a) and len(preps) >= 2 and any(x.lower_ in LOCATIVE_PREPS for x in preps):
                # a landmark ("a village near the border with Niger"), as `_in_clause` reads it; for
                # the learned model only (its low threshold proposes more), v1 keeps its behaviour
                continue
            if learned and any(x.dep_ == "relcl" for x in tok.ancestors):
                # a relative clause describes its noun ("the plan, which Uganda backs"; "a sign
                # that Uganda had not replied"): its actors are not the one acted on, as `_in_clause`
                # reads a clause boundary (the learned model only, as above)
                continue
            targets, how = [a], "in-sentence"
            break
    if not targets and learned and type_ in PLACE_TARGET_TYPES and sources[0].resolution != "unresolved-source":
        # "Greece is sending a team of firefighters to Hatay": the act's place in another state
        # is its target, as the rules read it (`coder._event_place`)
        place, lc = ctx._location(main, main)
        if lc and lc not in own:
            targets, how = [Actor(place or lc, None, lc, None, None, None, None, -1, -1, "event-place")], "event-place"
    if not targets and sources[0].resolution == "unresolved-source":
        # "They exchanged views": both sides are the passage's (the stage fills them in turn)
        if type_ in ONE_SIDED_TYPES:
            targets, how = [Actor.absent("none")], "one-sided"
        else:
            targets, how = [Actor.absent("unresolved")], "addressee-pending"
    if not targets:
        if type_ in DOMESTIC_TYPES:
            targets = [Actor(sources[0].country or "", None, sources[0].country, "GOV", None, None, None, -1, -1, "domestic")]
            how = "domestic"
        elif type_ in ONE_SIDED_TYPES:
            targets = [Actor.absent("none")]
            how = "one-sided"
        elif learned and (found := object_doer(ctx, main, {c for c in own if c}, type_ == "REJECT")):
            # "condemns the strike": whoever did the act, as the passage told it (referents.py)
            targets, how = found, "referent"
        elif learned:
            # a reply or a demand whose addressee the page named just before ("Quito dismissed
            # the allegation", "Ankara welcomed the decision"): the stage fills it in from the
            # page, or drops the event (the learned model only: on the corpus dev split its
            # proposals gain by it, the rules' own pending events did not; all types, not only
            # the addressed ones: +18 hits, +45 false events on the corpus dev pages)
            targets = [Actor.absent("unresolved")]
            how = "addressee-pending"
        else:
            return []
    content = _scheduled_content(main) if learned else None
    # "are due to meet", "is scheduled to visit": the head schedules; its complement is the act
    modality, why = ctx.modality_reason(content, content) if content is not None else ctx.modality_reason(main, main)
    if learned and type_ in ("AGREE", "THREATEN") and modality == "planned" and why in ("future", "intent") and stated(main):
        # "Germany said it would give 500 million euros": the pledge is made (asserted), though
        # what it promises is future (docs/annotation.md section 6; derived.py for the rules)
        modality, why = "asserted", ""
    coder = Coding("model", type_, how=how, model=model.name).with_modality(modality, why).to_string()
    return [
        ctx._make(type_, s, t, main, PLOVER_TYPES[type_].cameo_root, None, None, modality, coder, round(p, 2))
        for s in sources for t in targets if (actor_key(s) != actor_key(t) or s.resolution == "unresolved-source") and not (t.country in own and how in ("in-clause", "in-sentence", "tagged"))
    ]
