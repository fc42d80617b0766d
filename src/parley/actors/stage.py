"""actors: who is who on the page — states, organisations, people with their titles.

For every noun phrase in a parsed sentence that names an actor we build an `Actor`: country from a
country term, demonym, capital or seat of power in the phrase ("Chinese", "the Pentagon"), or from
the officeholder file, or from what the page said earlier about the same person; sector and office
from the title ("Defense Minister"); the person's canonical name from the officeholder file.

People are remembered across the page, so that "Secretary Austin", "Mr. Dong" and a transliteration
variant ("Dong Quan" after "Dong Jun") resolve to the person introduced earlier. Each actor records
how it was resolved. Role-at-date is finalised by the time stage, once the event's date is known.

Groups without a country word get one from where the phrase puts them ("security forces in
Guinea", "Darfur rebels", "doctors from American aid groups"), else the sentence's only country,
else -- for unidentified attackers -- the one country of the places the sentence sets the attack
in ("gunmen ... in Kabul"). Stateless peoples ("Yoruba leaders", "Tamil refugees") go to a host
state the sentence names (data/ethnic_groups.csv). Misspelt country names are corrected
conservatively (gazetteer.fuzzy_country). A town or region that is itself a participant
("tanks shelled Jericho") is an actor with office "place"; a place that only says where a verb
happened ("based in Geneva") is not.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Actor, Document, TokenActors
from ..extract.dateline import dateline_end
from .phrases import group_size, is_pair_phrase, np_heads
from .resolver import PageActors

if TYPE_CHECKING:
    from ..settings import Settings

# Read by the events stage (kept importable from here).
__all__ = ["PageActors", "dateline_end", "group_size", "is_pair_phrase", "resolve_document", "run"]


def resolve_document(doc: Document) -> tuple[PageActors, dict[int, dict[int, Actor]]]:
    """The page's resolver (what it learnt of the page) and, per parsed sentence, the actor of
    each resolved noun-phrase head by token index."""
    pa = PageActors(doc)
    per_sentence: dict[int, dict[int, Actor]] = {}
    parses = doc.parses
    for sent in doc.sentences:
        sdoc = parses.get(sent.index) if parses is not None else None
        if sdoc is None:
            continue
        found: dict[int, Actor] = {}
        dateline = dateline_end(sent.text)
        for head in np_heads(sdoc):
            if head.idx < dateline:
                continue  # the dateline's place is where the story was filed, not an actor
            actor = pa.resolve(head, sent)
            if actor is not None:
                found[head.i] = actor
            # "the Turkish and Greek sides": one actor per coordinated country, even when the
            # head alone names no actor
            for i, part in pa.modifier_actors(head, sent).items():
                found.setdefault(i, part)
        per_sentence[sent.index] = found
    return pa, per_sentence


def run(doc: Document, settings: "Settings | None" = None) -> Document:
    """Adds `Document.actors` (per sentence) and `Document.token_actors` (per head token).
    No setting changes how actors are resolved; `settings` is taken for the stage contract."""
    _, per_sentence = resolve_document(doc)
    actors = tuple(tuple(per_sentence.get(s.index, {}).values()) for s in doc.sentences)
    return replace(doc, actors=actors, token_actors=TokenActors(per_sentence))
