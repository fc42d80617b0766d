"""Construction `persona_non_grata`: "declared X persona non grata" is SANCTION expel (1663).
"""

from __future__ import annotations

from typing import Any

import parley
from conftest import asserted_events as _asserted


def test_persona_non_grata_is_an_expulsion_with_its_cameo_code() -> None:
    evs = [e for e in _asserted("Estonia declared a Russian diplomat persona non grata on Friday.") if e.type == "SANCTION"]
    assert evs and evs[0].mode == "expel" and (evs[0].source.country, evs[0].target.country) == ("EST", "RUS")
    # planned, not asserted
    planned = _asserted("Estonia will declare a Russian diplomat persona non grata, officials said.", include_all=True)
    assert all(e.modality != "asserted" for e in planned if e.type == "SANCTION")


def test_persona_non_grata_without_a_declaring_verb_is_no_expulsion() -> None:
    # near miss: the phrase describes a past status; nobody declares anything
    text = "The Lithuanian envoy, once persona non grata in Moscow, returned to Russia on Monday."
    assert not [e for e in _asserted(text, include_all=True) if e.type == "SANCTION"]
