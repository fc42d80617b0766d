"""The scorer follows ../shared/eval/GOLD-FORMAT.md: matching rules built by hand."""

from __future__ import annotations

from datetime import date

from parley.evaluate import GoldEvent, GoldSetReport, Predicted, dates_agree, match_page, parse_gold_date, score_page


def P(t: str, s: str, tg: str, d: str | None, hist: bool = False) -> Predicted:
    return Predicted(t, s, tg, None, None, parse_gold_date(d), None, hist, "e")


def G(t: str, s: str, tg: str, d: str | None, hist: bool = False) -> GoldEvent:
    return GoldEvent(t, s, tg, None, None, parse_gold_date(d), None, hist, "e")


def test_dates_agree_at_coarser_precision() -> None:
    assert dates_agree(parse_gold_date("2024-04"), parse_gold_date("2024-04-16"))
    assert dates_agree(parse_gold_date("2024-04-16"), parse_gold_date("2024-04-17"))  # time zones
    assert not dates_agree(parse_gold_date("2024-04-16"), parse_gold_date("2024-04-19"))
    assert not dates_agree(parse_gold_date("2024-03"), parse_gold_date("2024-04-16"))
    assert dates_agree(parse_gold_date("2022"), (date(2022, 4, 1), date(2022, 9, 30), "half"))


def test_symmetric_types_match_either_direction() -> None:
    assert match_page([P("CONSULT", "CHN", "USA", "2024-04-16")], [G("CONSULT", "USA", "CHN", "2024-04-16")])
    assert not match_page([P("REQUEST", "CHN", "USA", "2024-04-16")], [G("REQUEST", "USA", "CHN", "2024-04-16")])


def test_one_to_one_and_counts() -> None:
    rep = GoldSetReport()
    pred = [P("CONSULT", "USA", "CHN", "2024-04-16"), P("CONSULT", "USA", "CHN", "2024-04-16"), P("ACCUSE", "USA", "RUS", "2024-04-16")]
    gold = [G("CONSULT", "USA", "CHN", "2024-04"), G("REQUEST", "CHN", "USA", "2024-04-16"), G("CONSULT", "USA", "CHN", "2022", hist=True)]
    score_page(rep, "p", pred, gold)
    j = rep.as_json()
    assert (j["overall"]["tp"], j["overall"]["fp"], j["overall"]["fn"]) == (1, 2, 2)
    assert j["historical"]["fn"] == 1 and j["historical"]["tp"] == 0
    assert j["per_type"]["REQUEST"]["recall"] == 0.0
