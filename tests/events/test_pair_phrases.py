"""Pair phrases as a subject ("the two governments", "ministers of both countries", "the sides"):
the two parties the sentence, the page's latest meeting or the passage's latest interaction
named; their act goes each way unless the type is symmetric or a signing (manual section 3)."""

from __future__ import annotations

import parley
from conftest import RULES_READING

_ROW = "PUBLISHED: 2019-05-08\n\nGuatemala accused Belize on Tuesday of letting its police harass farmers along the frontier.\n\n"


def _events(text: str, type_: str) -> set[tuple[str | None, str | None]]:
    doc = parley.analyse_text(text, settings=RULES_READING)
    return {(e.source.country, e.target.country) for e in doc.events if e.type == type_}


def test_the_two_countries_fought_each_way_after_the_passage_named_them() -> None:
    got = _events(_ROW + "The two countries fought a brief war over the same strip of jungle in 1969.\n", "ASSAULT")
    assert got == {("GTM", "BLZ"), ("BLZ", "GTM")}


def test_a_symmetric_act_of_the_pair_is_one_event() -> None:
    doc = parley.analyse_text(settings=RULES_READING, text=_ROW + "Foreign ministers of the two countries met in Washington on Monday.\n")
    meetings = [e for e in doc.events if e.type == "CONSULT"]
    assert len(meetings) == 1
    assert {meetings[0].source.country, meetings[0].target.country} == {"GTM", "BLZ"}  # never the venue's USA


def test_a_possessive_pair_and_the_sides_are_pair_phrases() -> None:
    assert _events(_ROW + "The two countries' security chiefs agreed on Monday to pull back their troops.\n", "AGREE") & {("GTM", "BLZ"), ("BLZ", "GTM")}
    assert _events(_ROW + "The sides agreed on Monday to reopen two road crossings.\n", "AGREE") & {("GTM", "BLZ"), ("BLZ", "GTM")}


def test_a_signing_by_the_pair_stays_one_event() -> None:
    got = _events(_ROW + "In 2008 the two governments signed a special agreement on the dispute.\n", "SUPPORT")
    assert len(got) == 1 and got <= {("GTM", "BLZ"), ("BLZ", "GTM")}


def test_the_pair_the_sentence_names_before_the_phrase_wins_over_the_passage() -> None:
    text = (_ROW + "Mexico's president met Honduran President Xiomara Castro in April, "
            "and the two leaders met again in Tegucigalpa on Monday.\n")
    assert _events(text, "CONSULT") <= {("MEX", "HND"), ("HND", "MEX")}


def test_no_pair_phrase_without_a_pair_before_it() -> None:
    assert not _events("The two countries fought a brief war in 1969.\n", "ASSAULT")


def test_the_sides_of_a_border_are_a_place_not_a_pair() -> None:
    from parley.actors.phrases import is_pair_phrase
    from parley.annotate.nlp import full

    sdoc = full()("Farmers on both sides of the river sell their cattle.")
    assert not any(is_pair_phrase(t) for t in sdoc if t.lemma_ == "side")


_BALTIC = "PUBLISHED: 2021-04-30\n\nEstonia, Latvia and Lithuania condemned the Russian spy operation on Friday.\n\n"


def test_a_counted_group_is_the_parties_the_page_just_enumerated() -> None:
    got = _events(_BALTIC + "The three leaders expressed full solidarity with the Czech Republic.\n", "SUPPORT")
    assert got == {("EST", "CZE"), ("LVA", "CZE"), ("LTU", "CZE")}


def test_a_counted_group_as_an_object() -> None:
    page = "PUBLISHED: 2024-05-28\n\nSpain, Ireland and Norway said on Wednesday they would recognise a Palestinian state.\n\n"
    got = _events(page + "Israel recalled its ambassadors from the three capitals on Wednesday.\n", "SANCTION")
    assert got == {("ISR", "ESP"), ("ISR", "IRL"), ("ISR", "NOR")}


def test_a_group_with_no_list_of_its_size_names_nobody() -> None:
    """Four states are named before "the four leaders", but no list of four: the state they
    condemned is never one of the group."""
    got = _events(_BALTIC + "The four leaders expressed full solidarity with the Czech Republic.\n", "SUPPORT")
    assert ("RUS", "CZE") not in got and len(got) < 3


_MEETING = "PUBLISHED: 2019-05-08\n\nPeru's foreign minister met Ecuador's foreign minister in Lima on Tuesday.\n\n"


def test_the_ministers_after_a_meeting_are_its_two_sides() -> None:
    """G1 (session 31): "The ministers", "the Prime Ministers" (the tagger's capitalised plural)
    with no count are the people the story has just shown meeting, as "the two ministers" are;
    a sentence that names no one else is still parsed."""
    assert _events(_MEETING + "The ministers agreed to share data on arrivals.\n", "AGREE") & {("PER", "ECU"), ("ECU", "PER")}
    assert _events(_MEETING + "The Foreign Ministers agreed to meet again in Quito.\n", "AGREE") & {("PER", "ECU"), ("ECU", "PER")}


def test_ministers_with_a_people_of_their_own_are_no_pair_phrase() -> None:
    from parley.actors.phrases import is_pair_phrase
    from parley.annotate.nlp import full

    nlp = full()
    for text, word in (("The ministers agreed to share data.", 1), ("The Prime Ministers agreed to coordinate.", 2)):
        assert is_pair_phrase(nlp(text)[word])
    for text, word in (("Arab ministers agreed to share data.", 1), ("The ministers of Chile and Peru agreed to share data.", 1),
                       ("The ministers who resigned agreed to testify.", 1), ("Police arrested the ministers.", 3)):
        assert not is_pair_phrase(nlp(text)[word]), text
