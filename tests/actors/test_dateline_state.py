"""An unnamed state organ in wire copy is the state the story was filed from (R4 of
training/decisions/session16-rules.md): "BEIJING, Nov 22 - ... The foreign ministry said"."""

from __future__ import annotations

from conftest import analysed_events as _events

import parley


def test_unnamed_ministry_takes_the_dateline_state() -> None:
    events = _events(
        "BEIJING, Nov 22 - China cut its diplomatic ties with Lithuania to the level of charge d'affaires on "
        "Sunday over a new Taiwanese office in Vilnius. The foreign ministry accused Vilnius of damaging "
        "China's sovereignty and said it would bear the consequences."
    )
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert accuse, [(e.type, e.source.country, e.target.country) for e in events]
    assert (accuse[0].source.country, accuse[0].target.country) == ("CHN", "LTU")
    assert accuse[0].source.resolution == "group+context:dateline"


def test_a_dateline_at_a_venue_the_page_never_names_is_no_home_state() -> None:
    events = _events(
        "GENEVA, March 3 - Iranian and American negotiators held a fourth round of talks on Sunday. "
        "The foreign ministry accused Washington of bad faith."
    )
    assert all(e.source.country != "CHE" for e in events)
    assert all("dateline" not in e.source.resolution for e in events)


def test_the_dateline_state_is_read_once_from_the_first_body_sentences() -> None:
    from parley.actors.resolver import PageActors

    doc = parley.analyse_text("SIEM REAP, Cambodia, Nov. 22 - Cambodia and Thailand agreed to reopen the border.")
    assert PageActors(doc).dateline_state == "KHM"
    undated = parley.analyse_text("Cambodia and Thailand agreed to reopen the border on Monday.")
    assert PageActors(undated).dateline_state is None
