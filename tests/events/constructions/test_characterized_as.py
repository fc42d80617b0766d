"""Construction `characterized_as`: "called Kosovo's decision a provocation" is ACCUSE toward the
act's owner; "called X a Y" is no phone call."""

from __future__ import annotations

from conftest import asserted_events as _asserted
from conftest import event_pairs as _pairs


def test_a_reproach_of_a_partys_act_is_an_accusation_of_that_party() -> None:
    assert _pairs("Serbia on Monday called Kosovo's decision a provocation.", "ACCUSE") == {("SRB", "XKX")}
    assert _pairs("The Serbian government described Kosovo's ban as illegal.", "ACCUSE") == {("SRB", "XKX")}


def test_an_anaphoric_act_takes_the_party_the_passage_just_named() -> None:
    text = "Kosovo banned Serbian goods on Monday. Serbia called the decision a provocation."
    evs = [e for e in _asserted(text) if e.type == "ACCUSE"]
    assert [(e.source.country, e.target.country) for e in evs] == [("SRB", "XKX")]


def test_near_misses() -> None:
    # a characterization that reproaches no one
    assert not _pairs("Brazil on Monday called the talks with Argentina constructive.", "ACCUSE")
    # "called X a Y" is no phone call
    assert not _pairs("Serbia on Monday called Kosovo's decision a provocation.", "CONSULT")
    # a phone call dated by "on": no "call on" request
    assert _pairs("Biden called Xi on Tuesday, the White House said.", "CONSULT") == {("USA", "CHN")}
    assert not _pairs("US President Joe Biden called Chinese President Xi Jinping on Tuesday.", "REQUEST")
    # a relative clause the parser hangs on a name: the characterized thing is no act of that name
    text = "Trump said the United States would stop its joint military exercises with South Korea, which he called provocative."
    assert not _pairs(text, "ACCUSE")


# -- session 24, R1: a denial is REJECT; an act with no owner is whoever did it in the passage --

def test_a_characterization_that_denies_rejects_what_it_characterizes() -> None:
    # manual, REJECT: an accusation is rejected; no reproach is coded beside it
    assert _pairs("The Kremlin on Monday called the Czech accusations absurd.", "REJECT") == {("RUS", "CZE")}
    assert not _pairs("The Kremlin on Monday called the Czech accusations absurd.", "ACCUSE")
    assert _pairs("The Netherlands accused Iran on Friday of plotting two killings on Dutch soil. "
                  "Iran's foreign ministry called these accusations baseless.", "REJECT") == {("IRN", "NLD")}


def test_an_act_with_no_owner_is_whoever_the_passage_says_did_it() -> None:
    # not the party named last (Iran's leader), but the strike's doer ("a US air strike")
    text = ("Qassem Soleimani was killed in a US air strike at Baghdad airport on Friday. "
            "Iran's supreme leader vowed severe revenge. "
            "Iraq's caretaker prime minister called the strike a violation of Iraqi sovereignty.")
    assert _pairs(text, "ACCUSE") == {("IRQ", "USA")}
    # the act told by a verb of the same stem: its subject did it
    text = ("Iranian commandos seized a British tanker in the Strait of Hormuz on Friday, and France protested. "
            "London called the seizure an act of piracy.")
    assert ("GBR", "IRN") in _pairs(text, "ACCUSE")
    # a noun whose verb names its doer as a passive agent
    text = ("The strike was ordered by Israel, officials said. Egypt's president met Jordan's king on Monday. "
            "Cairo called the strike a crime.")
    assert ("EGY", "ISR") in _pairs(text, "ACCUSE")


def test_an_earlier_mention_is_matched_by_its_stem_only() -> None:
    from parley.events.referents import _same_act

    assert _same_act("diversion", "divert") and _same_act("seizure", "seize") and _same_act("extradition", "extradite")
    assert not _same_act("visit", "visa") and not _same_act("arrest", "arrive") and not _same_act("strike", "statement")
