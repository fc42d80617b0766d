"""An apology is addressed to the wronged: the "to" party, else the other state its "for" phrase
names (the place of the wrong included), else the party named just before (session22-rules R5)."""

from __future__ import annotations

import parley
from conftest import RULES_READING

_PAGE = "PUBLISHED: 2019-10-17\n\n"


def test_an_apology_with_no_to_is_addressed_to_the_place_of_the_wrong() -> None:
    doc = parley.analyse_text(_PAGE + "Italy's prime minister apologised on Saturday for Italy's colonial rule over Libya.\n", settings=RULES_READING)
    assert {(e.source.country, e.target.country) for e in doc.events if e.type == "SUPPORT"} == {("ITA", "LBY")}


def test_an_apology_with_no_party_named_answers_the_party_named_just_before() -> None:
    text = _PAGE + "Thai troops shelled a Cambodian border post on Monday.\n\nThailand's prime minister apologised and promised compensation.\n"
    doc = parley.analyse_text(text, settings=RULES_READING)
    assert ("THA", "KHM") in {(e.source.country, e.target.country) for e in doc.events if e.type == "SUPPORT"}
