"""People's names in a phrase: the name the NER missed, titles and honorifics stripped.
"""

from __future__ import annotations

import re
from typing import Any

from .words import FAITH_WORDS, HONORIFICS, INSTITUTION_WORDS


def norm_tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in re.findall(r"[\w'-]+", name.lower()) if t not in {h.rstrip(".") for h in HONORIFICS})


def names_people(person: str, head: Any) -> bool:
    """A one-word "name" that is a stateless people modifying another noun ("Karen guerrilla
    stronghold", "Tamil rebels"): the NER's PERSON label is wrong there."""
    from ..reference.gazetteer import ethnic_group

    if len(person.split()) != 1 or head.text == person:
        return False
    return ethnic_group(person, fuzzy=False) is not None and any(
        t.text == person and t.dep_ in ("compound", "amod", "nmod") for t in head.subtree)


def name_without_ner(head: Any, toks: list[Any], title: str | None) -> str | None:
    """A person's name the NER missed: the run of proper nouns ending at the head, after any
    title and country words ("US Secretary of Defense Lloyd Austin" -> "Lloyd Austin"). Taken
    as a name when a title precedes it, or when the officeholder file knows the full name."""
    from ..reference.gazetteer import find_titles, lookup_country
    from ..reference.people import load_officeholders

    run: list[Any] = []
    for t in reversed([t for t in toks if t.i <= head.i]):
        if t.pos_ != "PROPN" or lookup_country(t.text) is not None or find_titles(t.text) or t.lower_ in HONORIFICS:
            break
        run.insert(0, t)
    if not run:
        return None
    name = " ".join(t.text for t in run)
    # A full name the officeholder file knows beats the NER's label (it tags some as FAC/ORG).
    if len(run) >= 2 and load_officeholders()._lookup_exact(name):
        return name
    if title and run[0].i > toks[0].i and head.ent_type_ not in ("GPE", "LOC", "FAC", "NORP"):
        return name
    return None


def strip_titles(person: str, title: str | None) -> str:
    """The name without the honorifics and words of the phrase's title before it ("Defense
    Minister Dong Jun" -> "Dong Jun")."""
    from ..reference.people import strip_leading_titles

    title_words = set(title.lower().split()) if title else set()
    return " ".join(strip_leading_titles(person.split(), lambda w: w.lower() in HONORIFICS or w.lower() in title_words))


def person_in_phrase(head: Any, toks: list[Any], ids: set[int], title: str | None) -> str | None:
    """The person a noun phrase names, titles stripped ("Defense Minister Dong Jun" -> "Dong Jun"):
    an NER person inside the phrase, else a name after an honorific ("Mr. Dong"), else a run of
    proper nouns the NER missed; never a state, an organisation, a faith or a people."""
    from ..reference.gazetteer import lookup_country

    person = None
    # doc.ents is rebuilt on every access: compute the person spans once per sentence.
    persons = head.doc.user_data.get("parley_person_ents")
    if persons is None:
        persons = head.doc.user_data["parley_person_ents"] = [e for e in head.doc.ents if e.label_ == "PERSON"]
    for ent in persons:
        if all(t.i in ids for t in ent):
            person = ent.text
            break
    if person is None and head.pos_ == "PROPN" and head.ent_type_ in ("", "PERSON", "ORG") and any(
        t.lower_ in HONORIFICS for t in toks
    ):
        # "Mr. Dong" may be missed by NER; an honorific makes it a person.
        names = [t.text for t in toks if t.pos_ == "PROPN" and t.lower_ not in HONORIFICS and t.i >= min(x.i for x in toks if x.lower_ in HONORIFICS)]
        person = " ".join(names) or None
    if person is None and head.pos_ == "PROPN":
        person = name_without_ner(head, toks, title)
    if person:
        person = strip_titles(person, title)
    if person and lookup_country(person) is not None:
        person = None  # the NER's "PERSON" on "Armenia" or "NATO": a state or an organisation
    if person and (all(w.lower() in FAITH_WORDS for w in person.split())
                   or person.split()[-1].lower() in INSTITUTION_WORDS):
        # the NER's PERSON on "Christian" or "Esfahan Uranium Conversion Facilities"
        person = None
    if person and names_people(person, head):
        person = None  # "a Karen guerrilla stronghold": a people modifying a group, not a name
    return person
