"""Construction `owned_request`: a party's request told through what another party did with it
("at Belgrade's request", "rejected the OAS's call for", "following the request of X and Y")."""

from __future__ import annotations

from conftest import asserted_events as _asserted


def _requests(text: str) -> set[tuple[str | None, str | None]]:
    return {(e.source.country, e.target.country) for e in _asserted(text) if e.type == "REQUEST"}


def test_a_request_answered_by_another_party_is_the_askers_request() -> None:
    assert _requests("The European Union activated its civil protection mechanism at Serbia's request.") == {("SRB", "EUR")}
    assert _requests("Mexico sent two hundred soldiers at the request of Guatemala.") == {("GTM", "MEX")}
    # beside the rules' REJECT, the rejected demand is the asker's REQUEST (manual, section 1)
    evs = _asserted("Brazil rejected Argentina's demand for compensation on Monday.")
    assert {(e.type, e.source.country, e.target.country) for e in evs} >= {("REJECT", "BRA", "ARG"), ("REQUEST", "ARG", "BRA")}


def test_every_enumerated_asker_is_a_source() -> None:
    assert _requests("Japan approved the deployment following the request of Vietnam and India.") == {("VNM", "JPN"), ("IND", "JPN")}


def test_near_misses_tell_no_request() -> None:
    # a request nobody made
    assert ("LBY", "ITA") not in _requests("Italy would reject any request from Libya.")
    # a phone call is no call for anything
    assert not _requests("Seoul held a call with Tokyo's foreign minister on Friday.")
    # a request of the answerer's own
    assert not _requests("Chile withdrew the bill at its own request.")


def test_a_request_hung_on_the_object_is_the_verbs() -> None:
    # the parser hangs "at Peru's request" on a noun of the object phrase; the request is still
    # the one the verb's subject answered
    assert _requests("Chile put together a team of mine rescuers at Peru's request.") == {("PER", "CHL")}
