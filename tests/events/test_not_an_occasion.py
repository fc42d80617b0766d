"""What the manual says is no act on an occasion, read by the rules: an act told as a habit, a run
of occasions or a position held over years (docs/annotation.md section 1; session23-rules R2), and
"insisted that" with a statement of fact, which asserts rather than demands (R3). The same acts
told once, or in the mandative, are coded."""

from __future__ import annotations

import pytest

import parley

from conftest import rules_pairs



@pytest.mark.parametrize("sentence", [
    "Kenya's president has repeatedly accused Somalia of meddling in the election.",
    "Kenya has accused Somalia on several occasions of meddling in the election.",
    "Kenya accused Somalia many times of meddling in the election.",
    "For years Kenya has accused Somalia of meddling in its elections.",
])
def test_a_repeated_accusation_is_no_occasion(sentence: str) -> None:
    assert ("KEN", "SOM") not in rules_pairs(sentence, "ACCUSE")


def test_a_dateline_does_not_hide_the_habit_from_the_sentence_model() -> None:
    # the dateline becomes the parse's root: the habit is read on the verb that carries the act
    doc = parley.analyse_text("PUBLISHED: 2021-03-09\n\nNAIROBI, March 9 (Wire) - For years Kenya has accused Somalia of meddling in its elections.\n")
    assert not [e for e in doc.events if e.type == "ACCUSE" and e.modality == "asserted"]


def test_a_position_held_is_no_refusal_on_a_day() -> None:
    assert not rules_pairs("Morocco has long refused to recognise the government in Algiers.", "REJECT")


def test_the_same_act_told_once_is_coded() -> None:
    assert ("KEN", "SOM") in rules_pairs("Kenya's president accused Somalia on Monday of meddling in the election.", "ACCUSE")


def test_a_span_that_measures_a_noun_or_is_counted_is_no_habit() -> None:
    # "for years of help" measures the help; "for five years" is one sentence of a court
    assert ("BLZ", "IGO") in rules_pairs("Belize's prime minister thanked the Organization of American States for years of patient help.", "SUPPORT")
    assert ("RUS", "USA") in rules_pairs("A Russian court jailed the American teacher for five years on Friday.", "COERCE")


def test_a_habit_in_another_clause_leaves_the_act_alone() -> None:
    # "regularly" belongs to the meetings agreed on, not to the agreement
    assert ("RUS", "UKR") in rules_pairs("Russia and Ukraine agreed on Tuesday to meet regularly.", "AGREE")


# -- "insisted that": a demand only in the mandative (session23-rules R3) -------------------------
@pytest.mark.parametrize("sentence", [
    "Quito insists it will not be drawn into Colombia's war.",
    "Panama's president has insisted the canal's sovereignty is not up for discussion.",
    "China insists the islands are Chinese.",
])
def test_insisting_on_a_fact_is_no_demand(sentence: str) -> None:
    assert not rules_pairs(sentence, "REQUEST")


@pytest.mark.parametrize("sentence", [
    "Washington insisted on Monday that North Korea give up its nuclear weapons first.",
    "Seoul insisted on Monday that North Korea should give up its nuclear weapons first.",
])
def test_insisting_in_the_mandative_is_a_demand(sentence: str) -> None:
    assert rules_pairs(sentence, "REQUEST") & {("USA", "PRK"), ("KOR", "PRK")}
