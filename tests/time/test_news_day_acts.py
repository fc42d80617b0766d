"""Session 25: which day an undated act, or one told after a dated sentence, belongs to
(docs/annotation.md section 5, steps 1 and 4), and which date expression is nearest its trigger.
Hand-written news sentences, hand-placed triggers; a parse where the rule reads one."""

from __future__ import annotations

from datetime import date

from conftest import dated_by_time_stage, hand_built_doc

from parley.records import Actor, Document


def _run(paragraphs: list[list[str]], published: date, triggers: list[tuple[int, str]]) -> Document:
    doc = hand_built_doc(paragraphs, published, "html-meta", path="newsday.txt", content_hash="5" * 64)
    sides = (Actor("Tunisia", None, "TUN", "GOV", None), Actor("Libya", None, "LBY", "GOV", None))
    return dated_by_time_stage(doc, triggers, sides, "REQUEST", parse=True)


def _values(doc: Document) -> list[str]:
    return [e.date.value if e.date is not None else "" for e in doc.events]


def test_an_undated_new_act_after_a_lead_of_two_days_before_takes_the_publication_day() -> None:
    """R1: the lead's day dates the lead; a new act with no time word is the page's day's news."""
    out = _run(
        [["Libya closed its main border crossing with Tunisia on Tuesday after clashes near the post."],
         ["The Algerian foreign ministry urged both governments to settle the dispute."]],
        date(2024, 3, 21), [(0, "closed"), (1, "urged")],
    )
    assert out.news_date is not None and out.news_date.value == "2024-03-19"
    assert _values(out) == ["2024-03-19", "2024-03-21"]


def test_a_new_act_after_a_dated_sentence_of_its_paragraph_takes_the_publication_day() -> None:
    """R2: a reaction told after the lead in its paragraph is not dated by the lead's day; one
    whose words continue that occasion ("He also ...") is."""
    out = _run(
        [["Libya closed its main border crossing with Tunisia on Tuesday after clashes near the post.",
          "Tunisia's foreign ministry urged the Libyan authorities to reopen it quickly."],
         ["Libyan guards detained two Tunisian lorry drivers at the post on Tuesday.",
          "They also seized the drivers' lorries."]],
        date(2024, 3, 21), [(0, "closed"), (1, "urged"), (2, "detained"), (3, "seized")],
    )
    assert _values(out) == ["2024-03-19", "2024-03-21", "2024-03-19", "2024-03-19"]


def test_that_weekend_continues_the_occasion_just_told() -> None:
    """R5: "That weekend ..." takes the background month the sentence before told."""
    out = _run(
        [["In March 2017 the Dutch government barred a Turkish minister from landing in Rotterdam.",
          "That weekend the Turkish president called the Dutch government fascists."]],
        date(2018, 7, 20), [(0, "barred"), (1, "called")],
    )
    assert _values(out) == ["2017-03", "2017-03"]


def test_a_date_right_after_the_trigger_word_is_nearer_than_one_just_before_it() -> None:
    """R9: "agreed in April" is dated April, though "December 2020" ends closer to the word's start."""
    out = _run(
        [["Canberra had taken the barley case to the World Trade Organization in December 2020, and agreed in April to suspend it."]],
        date(2023, 8, 11), [(0, "agreed")],
    )
    assert _values(out) == ["2023-04"]


def test_a_day_after_the_news_does_not_date_a_later_act_told_as_done() -> None:
    """R10: "from February 1" dates the plan told before; the answer told as done is the news's."""
    paragraphs = [["Ecuador will impose a 30% tariff on imports from Colombia from February 1.",
                   "Colombia's president answered within hours, ordering a tariff of the same size."]]
    out = _run(paragraphs, date(2025, 1, 22), [(1, "ordering")])
    assert _values(out) == ["2025-01-22"]
