"""Two precision orderings with two meanings (time/precision.py), one definition each."""

from __future__ import annotations


def test_the_two_precision_orderings_differ_only_in_ties() -> None:
    from parley.time.precision import PRECISION_ORDER, PRECISION_SPAN_RANK

    assert PRECISION_SPAN_RANK["season"] == PRECISION_SPAN_RANK["quarter"]
    assert PRECISION_ORDER["season"] < PRECISION_ORDER["quarter"]
    by_span = sorted(PRECISION_ORDER, key=lambda p: (PRECISION_SPAN_RANK[p], PRECISION_ORDER[p]))
    assert by_span == sorted(PRECISION_ORDER, key=PRECISION_ORDER.__getitem__)
