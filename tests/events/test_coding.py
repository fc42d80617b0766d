"""How an event was coded: every event names its rule; GDELT columns come from the coding.
"""

from __future__ import annotations

from typing import Any

import pytest

import parley
from parley.events.coding import Coding
from conftest import analysed_events
from conftest import asserted_events as _asserted


def test_every_event_has_coder_and_confidence() -> None:
    text = "Turkey and Greece agreed to resume talks. Greek police arrested two Turkish fishermen near Lesbos on Friday."
    evs = _asserted(text, include_all=True)
    assert evs
    for e in evs:
        assert e.coding.kind in ("rule", "intent"), e.coder
        assert 0.0 < e.confidence <= 1.0


def test_gdelt_columns_from_the_coding_rule() -> None:
    from parley.events.lexicon import gdelt_columns

    cols = gdelt_columns("COERCE", "rule:COERCE:arrest/verb:parse")
    assert cols == {"cameo_code": "173", "cameo_root": "17", "quad_class": 4, "goldstein": -7.0}
    assert gdelt_columns("AGREE", "rule:intent:AGREE<-AID:x")["cameo_code"] == "03"


@pytest.mark.parametrize(
    "text,fields",
    [
        ("rule:CONSULT:meet/verb:parse", {"kind": "rule", "type": "CONSULT", "lemma": "meet", "pos": "verb", "how": "parse", "why": ""}),
        ("rule:RETREAT:release/verb:one-sided~planned:future", {"kind": "rule", "lemma": "release", "how": "one-sided", "modality": "planned", "why": "future"}),
        ("rule:REJECT:out-of-the-question:parse", {"kind": "rule", "type": "REJECT", "lemma": "", "construction": "out-of-the-question", "trigger": "out-of-the-question"}),
        ("rule:intent:AGREE<-AID:send/verb", {"kind": "intent", "type": "AGREE", "derived_from": "AID", "trigger": "send/verb", "why": ""}),
        ("model:eventmodel-v1:ASSAULT:in-clause~hypothetical:modal", {"kind": "model", "type": "ASSAULT", "model": "eventmodel-v1", "how": "in-clause", "why": "modal"}),
        ("test", {"kind": "unknown", "type": ""}),
    ],
)
def test_coding_reads_every_stored_form_by_field_and_writes_it_back(text: str, fields: dict[str, str]) -> None:
    coding = Coding.from_string(text)
    for name, value in fields.items():
        assert getattr(coding, name) == value, (name, coding)
    assert coding.to_string() == text


def test_every_coded_event_round_trips_through_its_coding() -> None:
    text = ("Serbia said it would withdraw its police from Kosovo unless the mission left. "
            "Greek police arrested two Turkish fishermen near Lesbos on Friday. "
            "Iran's foreign minister said that talks with Britain are out of the question.")
    evs = analysed_events(text)
    assert {e.coding.kind for e in evs} >= {"rule", "intent"}
    for e in evs:
        assert e.coding.to_string() == e.coder
        assert e.coding.type == e.type or e.coding.kind == "unknown"


def test_an_asserted_coding_records_no_modality() -> None:
    assert Coding("rule", "AID", lemma="send", pos="verb", how="parse").with_modality("asserted", "").to_string() == "rule:AID:send/verb:parse"
    assert Coding("rule", "AID", lemma="send", pos="verb", how="parse").with_modality("planned", "intent").to_string() == "rule:AID:send/verb:parse~planned:intent"


def test_gdelt_columns_read_a_coding_record() -> None:
    from parley.events.lexicon import gdelt_columns

    assert gdelt_columns("COERCE", Coding("rule", "COERCE", lemma="arrest", pos="verb", how="parse"))["cameo_code"] == "173"
    # a construction names no trigger row: the type's root
    assert gdelt_columns("REJECT", Coding("rule", "REJECT", construction="out-of-the-question", how="parse"))["cameo_code"] == "12"
    assert gdelt_columns("ASSAULT", None)["cameo_code"] == "18"
