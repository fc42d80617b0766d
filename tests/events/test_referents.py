"""An addressed act on a definite act noun with no owner ("condemned the strikes", "rejected the
accusations") is aimed at whoever did that act, read from its earlier mention in the passage
(`parley.events.referents`; session24-rules R6). No mention of that act: the addressee stays
pending, as before."""

from __future__ import annotations

from conftest import RULES_READING, event_pairs


def _pairs(text: str, etype: str) -> set[tuple[str | None, str | None]]:
    return event_pairs("PUBLISHED: 2025-09-03\n\n" + text + "\n", etype, settings=RULES_READING)


def test_a_condemnation_of_the_act_is_aimed_at_its_doer() -> None:
    text = "The US military struck a boat off Venezuela on Tuesday. Brazil's president met Chile's on Wednesday. Colombia has condemned the strikes."
    assert ("COL", "USA") in _pairs(text, "ACCUSE")


def test_a_rejected_accusation_is_aimed_at_the_accuser() -> None:
    text = "The Netherlands accused Iran on Friday of plotting two killings on Dutch soil. Tehran rejected the accusations."
    assert _pairs(text, "REJECT") == {("IRN", "NLD")}


def test_the_act_must_have_been_told() -> None:
    # no strike in the passage: nothing says whose strikes they were (the addressee stays pending,
    # and the page's meeting may fill it as before)
    import parley

    text = "Brazil's president met Chile's president on Wednesday. Colombia has condemned the strikes."
    doc = parley.analyse_text("PUBLISHED: 2025-09-03\n\n" + text + "\n", settings=RULES_READING)
    assert [e for e in doc.events if e.type == "ACCUSE"]
    assert not [e for e in doc.events if e.coding.how == "referent"]


def test_the_sentence_models_addressed_event_reads_the_acts_doer_too() -> None:
    # "brushed off", "deplored": no trigger row; the sentence model's event (R7) is aimed at the
    # act's doer, not at the party the passage named last (the meeting's Chile)
    import parley

    for text, expected in (
        ("The Netherlands accused Iran on Friday of plotting two killings on Dutch soil. Brazil's president met Chile's "
         "president on Wednesday. Tehran brushed off the accusations.", ("IRN", "NLD")),
        ("The US military struck a boat off Venezuela on Tuesday. Brazil's president met Chile's president on Wednesday. "
         "Mexico deplored the strikes.", ("MEX", "USA")),
    ):
        doc = parley.analyse_text("PUBLISHED: 2025-09-03\n\n" + text + "\n")
        last = doc.sentences[-1].index
        pairs = {(e.source.country, e.target.country) for e in doc.events if e.sentence == last and e.coding.how == "referent"}
        assert pairs == {expected}, text
