"""The dyad policy (`parley.events.policy`): same-country pairs, records without a target, and
guessed sources (news-like sentences, invented facts).
"""

from __future__ import annotations

from typing import Any

import parley
from conftest import asserted_events as _asserted
from conftest import event_pairs as _pairs


def test_no_same_country_pair_from_a_possessive_target() -> None:
    text = "During the call, Ghana and Togo condemned Burkina Faso's decision to expel their diplomats."
    assert all(s != t for s, t in _pairs(text, "ACCUSE"))


def test_same_country_pair_when_both_sides_are_explicit_distinct_actors() -> None:
    text = "Kenyan police fired tear gas to disperse protesters in Nairobi on Tuesday."
    assert ("KEN", "KEN") in _pairs(text, "COERCE")


def test_one_sided_commitment_kept_without_target_with_low_confidence() -> None:
    events = [e for e in _asserted("Chile promised to reduce its carbon emissions by half.") if e.type == "AGREE"]
    assert events and all(e.target.country is None and e.confidence <= 0.5 for e in events)


def test_directed_event_without_any_target_is_not_made() -> None:
    # an attack on nobody named: an interaction record with one side missing is not made
    assert not _pairs("Mali launched a large attack near the town late on Monday.", "ASSAULT")


def test_participle_coordinated_with_a_passive_guesses_no_agent() -> None:
    # "charged or convicted": the nationals were convicted; they convicted no one
    text = "Washington granted clemency to five Iranian nationals who had been charged or convicted of violating US sanctions."
    assert not _pairs(text, "SANCTION", include_all=True)
