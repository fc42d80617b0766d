"""The cheap surface pattern (`parley.events.lexicon.cue_regex`) that picks the sentences worth
parsing: every trigger's inflections, and the pair phrases "the two sides".
"""

from __future__ import annotations

from typing import Any

import parley
from conftest import asserted_events as _asserted
from parley.events.lexicon import cue_regex


def test_cue_regex_is_one_compiled_pattern_covering_new_triggers() -> None:
    rx = cue_regex()
    for word in ("demolished", "extradited", "resigned", "mobilized", "boycotted", "blew", "swore"):
        assert rx.search(f"They {word} it"), word
    assert not rx.search("The weather in the capital was mild.")


def test_cue_regex_reads_y_to_i_inflections() -> None:
    # "defied", "denied", "occupied": a sentence with only these must still be parsed
    for word in ("defied", "denied", "occupied", "rallied"):
        assert cue_regex().search(f"The group {word} the order."), word
    assert not cue_regex().search("The party's deputy left early.")


def test_two_sides_sentences_are_parse_candidates() -> None:
    from parley.annotate.stage import is_candidate

    assert is_candidate("The two sides agreed to maintain peace along the border.")
    assert is_candidate("the government forces mobilized reservists overnight.")
    assert is_candidate("Both countries signed the accord.")
    assert not is_candidate("the victim survived despite three gunshot wounds.")
    assert not is_candidate("the weather was mild all week.")
    # a pronoun may stand for a state or leader just named, so such a sentence is parsed, but a
    # survivor's wounds are no event
    assert is_candidate("She survived despite three gunshot wounds.")
    assert not _asserted("She survived despite three gunshot wounds.", include_all=True)
