"""The one dateline pattern, read by two stages: actors skip it, time takes its date as the news date."""

from __future__ import annotations

from datetime import date

import pytest

from parley.extract.dateline import DATELINE, dateline_end
from parley.time.expressions import find_dates


@pytest.mark.parametrize("text, lead, day", [
    ("NAIROBI, June 26 (Reuters) - Kenya said ...", "NAIROBI, June 26 (Reuters) - ", date(2024, 6, 26)),
    ("NAIROBI, June 26, 2023 (AP) -- Kenya said ...", "NAIROBI, June 26, 2023 (AP) -- ", date(2023, 6, 26)),
    ("SIEM REAP, Cambodia, Nov. 22 - The ministers ...", "SIEM REAP, Cambodia, Nov. 22 - ", date(2023, 11, 22)),
    ("KYIV June 26 — Ukraine said ...", "KYIV June 26 — ", date(2024, 6, 26)),
    ("NEW DELHI: India said ...", "NEW DELHI: ", None),
])
def test_one_pattern_gives_the_actor_skip_and_the_dispatch_date(text: str, lead: str, day: date | None) -> None:
    assert text[: dateline_end(text)] == lead
    m = DATELINE.match(text)
    assert m is not None
    days = [d.first for d in find_dates(m.group("when"), date(2024, 6, 30)) if d.precision == "day"]
    assert days == ([day] if day else [])


@pytest.mark.parametrize("text", ["NATO: allies agreed to ...", "US - China talks resumed.", "The EU - a bloc of 27 - said ...",
                                  "Kenya said on Monday - in a statement - that ..."])
def test_no_dateline(text: str) -> None:
    assert dateline_end(text) == 0
