"""People's names in a phrase: the name the NER missed, titles and honorifics stripped.
"""

from __future__ import annotations

import re
from typing import Any

from .words import (
    HONORIFICS,
)


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
