"""A range whose yearless end takes its year from the other end (time/expressions._with_year)."""

from __future__ import annotations

from datetime import date

from parley.time.expressions import find_dates


def test_february_of_a_leap_anchor_year_moved_to_a_common_year() -> None:
    # found by the date property test: "February" read in leap 2000 ends on the 29th, which
    # 2025 lacks; moving it to the range's year must not crash the page's time stage
    (m,) = find_dates("07/20/2024 to February", date(2000, 2, 1))
    assert (m.first, m.last) == (date(2024, 7, 20), date(2025, 2, 28))
