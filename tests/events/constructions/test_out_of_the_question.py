"""Construction `out_of_the_question`: an act "out of the question" is the speaker's REJECT,
and the act itself is not asserted.
"""

from __future__ import annotations

import pytest

from conftest import analysed_events
from conftest import has_event as _has
from conftest import show_events as _show


# (type, sentence, source, target or None): each must be coded (any modality)
RULED_OUT_POSITIVE = [
    # ruling an act out is a refusal
    ("REJECT", "Iran's foreign minister said that talks with Britain are out of the question.", "IRN", "GBR"),
]


@pytest.mark.parametrize("etype,text,src,tgt", RULED_OUT_POSITIVE, ids=[f"{p[0]}-{i}" for i, p in enumerate(RULED_OUT_POSITIVE)])
def test_ruled_out_act_is_a_rejection(etype: str, text: str, src: str | None, tgt: str | None) -> None:
    """The speaker rejects the act ruled out."""
    assert _has(text, etype, src, tgt), _show(text)


# (type, sentence): near misses that must NOT be coded as that type (any modality)
RULED_OUT_NEGATIVE = [
    ("REJECT", "Iran's foreign minister said that talks with Britain are not out of the question."),
    ("REJECT", "Iran's foreign minister said the question of talks with Britain was raised in parliament."),
]


@pytest.mark.parametrize("etype,text", RULED_OUT_NEGATIVE, ids=[f"{n[0]}-{i}" for i, n in enumerate(RULED_OUT_NEGATIVE)])
def test_possible_or_raised_act_is_no_rejection(etype: str, text: str) -> None:
    """Not ruled out, no REJECT."""
    assert not _has(text, etype), _show(text)


def test_act_ruled_out_is_not_asserted() -> None:
    text = "Iran's foreign minister said that talks with Britain are out of the question."
    assert not [e for e in analysed_events(text) if e.type == "CONSULT" and e.modality == "asserted"]
