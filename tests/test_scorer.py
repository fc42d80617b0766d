"""The scorer follows ../shared/eval/GOLD-FORMAT.md: matching rules built by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parley.quality.evaluate import GoldEvent, GoldSetReport, Predicted, dates_agree, match_page, parse_gold_date, score_page


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


def test_only_interactions_are_scored_and_the_rest_is_counted_apart() -> None:
    """Gold pages record interactions between two different codes: a domestic or a one-sided
    event is neither a false alarm nor a miss, but is counted; a named other side of unknown
    country still claims an interaction. The score of every event is kept beside."""
    from parley.quality.evaluate import scope_of

    assert scope_of("GBR", "GBR", "GBR") == "domestic"
    assert scope_of("RUS", None, "") == "one-sided"
    assert scope_of("RUS", None, "former president Carlos Menem") == "interaction"
    assert scope_of(None, "UKR", "Ukraine") == "interaction"
    rep = GoldSetReport()
    protest = Predicted("PROTEST", "GBR", "GBR", None, None, parse_gold_date("2024-04-16"), None, False, "e", "domestic")
    mobilize = Predicted("MOBILIZE", "RUS", None, None, None, parse_gold_date("2024-04-16"), None, False, "e", "one-sided")
    unknown = Predicted("ACCUSE", "ARG", None, None, None, parse_gold_date("2024-04-16"), None, False, "e", "interaction")
    arrest = GoldEvent("COERCE", "VEN", "VEN", None, None, parse_gold_date("2024-04-16"), None, False, "e", "domestic")
    score_page(rep, "p", [protest, mobilize, unknown, P("CONSULT", "USA", "CHN", "2024-04-16")],
               [G("CONSULT", "USA", "CHN", "2024-04-16"), arrest])
    j = rep.as_json()
    assert (j["overall"]["tp"], j["overall"]["fp"], j["overall"]["fn"]) == (1, 1, 0)
    assert j["outside_scope"] == {"predicted": {"domestic": 1, "one-sided": 1}, "gold": {"domestic": 1}}
    assert (j["all_events"]["tp"], j["all_events"]["fp"], j["all_events"]["fn"]) == (1, 3, 1)
    assert [x["type"] for x in j["false_alarms"]] == ["ACCUSE"]


def test_relaxed_matchers_free_only_the_named_requirement() -> None:
    from parley.quality.evaluate import RELAXATIONS, matcher

    gold = G("CONSULT", "USA", "CHN", "2024-04-16")
    wrong_date = P("CONSULT", "USA", "CHN", "2023-01-05")
    wrong_dyad = P("CONSULT", "USA", "RUS", "2024-04-16")
    wrong_type = P("ACCUSE", "USA", "CHN", "2024-04-16")
    strict = matcher(RELAXATIONS["strict"])
    assert not any(strict(p, gold) for p in (wrong_date, wrong_dyad, wrong_type))
    assert matcher(frozenset({"date"}))(wrong_date, gold) and not matcher(frozenset({"date"}))(wrong_dyad, gold)
    assert matcher(frozenset({"dyad"}))(wrong_dyad, gold) and not matcher(frozenset({"dyad"}))(wrong_type, gold)
    assert matcher(frozenset({"type"}))(wrong_type, gold) and not matcher(frozenset({"type"}))(wrong_date, gold)
    type_only = matcher(RELAXATIONS["type only"])
    assert type_only(wrong_date, gold) and type_only(wrong_dyad, gold) and not type_only(wrong_type, gold)


def test_unknown_relaxation_is_an_error() -> None:
    import pytest

    from parley.quality.evaluate import matcher

    with pytest.raises(ValueError, match="unknown relaxation"):
        matcher(frozenset({"place"}))


def test_diagnose_scores_one_ingest_under_each_relaxation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from parley.quality.evaluate import diagnose_gold_set, format_diagnosis

    page = tmp_path / "p.txt"
    page.write_text(
        "Ministers meet in Hanoi\n\nHANOI, March 4, 2025 - Vietnamese Foreign Minister Bui Thanh Son met his Japanese "
        "counterpart in Hanoi on Tuesday, the ministry said.\n",
        encoding="utf-8",
    )
    (tmp_path / "p.gold.json").write_text(json.dumps({"published": "2025-03-04", "events": [
        {"type": "CONSULT", "source": {"country": "VNM"}, "target": {"country": "JPN"}, "date": "2019-06-01",
         "evidence": "Vietnamese Foreign Minister Bui Thanh Son met his Japanese counterpart in Hanoi on Tuesday, the ministry said."}]}),
        encoding="utf-8")
    reports = diagnose_gold_set(tmp_path)
    assert reports["strict"].overall.tp == 0  # the gold's date is deliberately wrong
    assert reports["any date"].overall.tp == 1
    assert "any date" in format_diagnosis(reports)


def test_a_gold_folder_scores_the_same_by_relative_and_absolute_path(monkeypatch) -> None:
    # ingest keys its status rows by absolute path; the scorer must find them from a relative one
    from parley.quality.evaluate import evaluate_gold_set

    repo = Path(__file__).resolve().parents[1]
    monkeypatch.chdir(repo)
    relative = evaluate_gold_set(Path("examples/memory")).as_json()["overall"]
    absolute = evaluate_gold_set(repo / "examples" / "memory").as_json()["overall"]
    assert relative == absolute
    assert relative["tp"] > 0
