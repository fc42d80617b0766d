"""Actor resolution on hand-written news sentences: a group or office owned by "its", "their",
"his" belongs to the pronoun's antecedent (A1 of training/decisions/session29-rules.md), and a
bare later conjunct shares the nationality adjective before the first one (A2); a state organ
is not the state its own act is aimed at (A3)."""

from __future__ import annotations

from conftest import find_actor as find
from conftest import resolve_actors as resolve


# -- 1. owned by a pronoun ---------------------------------------------------------------------------
def test_its_navy_is_the_state_of_the_clause_above() -> None:
    acts = resolve("Ghana warned Togo on Friday that it would arrest trawler crews after its navy boarded three Togolese boats.")
    navy = find(acts, "its navy")
    assert navy.country == "GHA" and navy.sector == "MIL"


def test_through_a_to_infinitive_the_asked_party_owns_it() -> None:
    acts = resolve("Chile asked Peru to pull back its coast guard vessels from the disputed bay.")
    # the one told to act is the owner ("asked Peru to pull back its boats"), not the asker
    assert find(acts, "its coast guard vessels").country == "PER"
    acts = resolve("Peru agreed to pull back its troops from the disputed valley.")
    assert find(acts, "its troops").country == "PER"


def test_with_no_subject_above_it_the_previous_sentence_subject_owns_it() -> None:
    acts = resolve("Norway protested to Iceland over the fishing quotas. Its defence minister went further on Monday.")
    assert find(acts, "Its defence minister").country == "NOR"


def test_an_owner_that_names_no_single_state_decides_nothing() -> None:
    # two conjoined parties: "their" is both, and the phrase keeps no country of either
    acts = resolve("Laos and Cambodia said on Monday that their armies would hold joint drills near the river.")
    armies = [a for a in acts if a.text == "their armies"]
    assert all(a.country not in ("LAO", "KHM") for a in armies)


# -- 2. a shared nationality adjective -----------------------------------------------------------------
def test_a_bare_second_conjunct_shares_the_adjective() -> None:
    acts = resolve("Vietnamese fishermen and students rallied outside the Chinese consulate on Sunday.")
    assert find(acts, "students").country == "VNM"


def test_a_state_organ_and_the_people_beside_it_do_not_share_it() -> None:
    acts = resolve("Kenyan police and protesters clashed outside the parliament in the morning.")
    protesters = [a for a in acts if a.text == "protesters"]
    assert all(a.resolution != "shared-adjective" for a in protesters)


def test_a_conjunct_with_its_own_modifier_keeps_it() -> None:
    acts = resolve("Turkish troops and Syrian rebels entered the town on Tuesday.")
    assert find(acts, "Syrian rebels").country == "SYR"


# -- 3. a state organ is not the state it acts on -------------------------------------------------------
def test_a_state_organ_takes_the_one_state_its_act_is_not_aimed_at() -> None:
    acts = resolve("Relations between Lisbon and Bissau soured after the junta expelled the Portuguese consul in March.")
    assert find(acts, "the junta").country == "GNB"
    # with no state left over, the sentence tells nothing of the organ's own state
    acts = resolve("The ministry summoned the Dutch and Belgian ambassadors on Monday.")
    assert all(a.resolution != "group+context:not-counterpart" for a in acts)
