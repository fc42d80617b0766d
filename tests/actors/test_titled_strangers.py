"""A person no list knows, named with a title ("Vice Foreign Minister Le Yucheng"), is not given
the state of whom he acts on or meets: "summoned the Canadian ambassador" names the ambassador's
state, not his own (session24-rules R2)."""

from __future__ import annotations

import parley
from conftest import RULES_READING


def _subject_country(text: str) -> str | None:
    doc = parley.analyse_text(text, settings=RULES_READING)
    last = doc.sentences[-1].index
    actors = doc.token_actors.of(last)
    sdoc = doc.parses.get(last)
    subj = next(t for t in sdoc if t.dep_ == "nsubj")
    a = actors.get(subj.i)
    return a.country if a is not None else None


def test_a_stranger_who_summons_an_envoy_is_not_of_the_envoys_state() -> None:
    assert _subject_country("PUBLISHED: 2018-12-09\n\nDeputy Foreign Minister Tarno Velikov summoned the Canadian ambassador on Sunday.\n") != "CAN"
    assert _subject_country("PUBLISHED: 2018-12-09\n\nGeneral Armo Kessler met Indonesian generals at the airport on Sunday.\n") != "IDN"


def test_a_stranger_still_takes_the_one_state_his_sentence_places_him_in() -> None:
    # the sentence's only state, named outside whom he acts on: his own (the rule's first use)
    assert _subject_country("PUBLISHED: 2004-09-20\n\nPrime Minister Tarno Velikov said Iraqi forces would retake the city.\n") == "IRQ"
