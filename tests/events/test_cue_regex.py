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


def test_letter_by_letter_pattern_accepts_what_the_plain_alternation_accepts() -> None:
    # cue_regex merges the forms into a trie for speed; it must match exactly the words (and
    # spans) the plain alternation of every form matches, so no sentence changes its parse.
    import re

    from parley.events.lexicon import cue_forms

    prefixes, words = cue_forms()
    plain = re.compile(r"\b(?:" + "|".join([re.escape(p) + r"\w*" for p in prefixes] + words) + r")\b", re.IGNORECASE)
    probes = [p + end for p in prefixes for end in ("", "s", "ed", "ing", "-led", "'s")]
    probes += words + [w.upper() for w in words] + [p[:-1] for p in prefixes] + ["re-opened", "sit-ins", "Bangkok", "several", "x" + prefixes[0]]
    probes += ["The two sides met in Geneva and agreed to re-open the border.", "Mild weather, a quiet week."]
    for text in probes:
        assert [m.span() for m in cue_regex().finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_the_parse_gate_admits_an_event_sentence_with_no_trigger_word() -> None:
    from parley.annotate.stage import is_candidate

    shuttle = "Egypt's president shuttled between Damascus and Ankara to calm the crisis."
    assert not is_candidate(shuttle), "no trigger word: the cue pattern alone skips it"
    assert is_candidate(shuttle, 30), "the TF-IDF gate reads it as an event"
    # the gate never admits what names no actor, and not a sentence it rates low
    assert not is_candidate("the delegates shuttled between the two halls all day.", 30)
    assert not is_candidate("The weather in Oslo was mild all week.", 30)
    assert not is_candidate("Norway won the match 3-1 in Oslo.", 30)
    # 100 is the cue pattern alone
    assert not is_candidate(shuttle, 100)
