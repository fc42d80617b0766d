"""How fine a date's precision is: two orderings with two meanings, one definition each.

`PRECISION_SPAN_RANK` ranks a precision by the span of time it names, to keep the most precise
of several dates of one event (merge) or to tell whether a date is finer than a period (ask). A
season and a quarter both name about three months, so neither is more precise than the other.

`PRECISION_ORDER` is a total order, finest first, used where one of two precisions must be
picked deterministically (the two ends of a range: "spring to the third quarter" keeps spring's).
"""

from __future__ import annotations

from typing import Mapping

from ..records import Precision

PRECISION_SPAN_RANK: Mapping[str, int] = {"day": 0, "month": 1, "season": 2, "quarter": 2, "half": 3, "year": 4, "decade": 5}
# The rank of an undated or unknown precision: coarser than any.
UNKNOWN_SPAN_RANK = 9

PRECISION_ORDER: Mapping[Precision, int] = {"day": 0, "month": 1, "season": 2, "quarter": 3, "half": 4, "year": 5, "decade": 6}

assert list(PRECISION_ORDER) == list(PRECISION_SPAN_RANK), "the two orderings cover the same precisions"
assert sorted(PRECISION_ORDER, key=PRECISION_ORDER.__getitem__) == sorted(PRECISION_SPAN_RANK, key=lambda p: (PRECISION_SPAN_RANK[p], PRECISION_ORDER[p])), "the orders agree but for ties"
