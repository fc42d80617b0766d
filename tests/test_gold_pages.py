"""Quality gate on parley's own gold pages (examples/gold): overall and historical F1 must not fall
below the floors pinned in tests/quality_floors.json. Lowering a floor is a deliberate commit.

Reproduce the numbers with: parley eval examples/gold
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parley.quality.evaluate import evaluate_gold_set, gold_pairs

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "examples" / "gold"
FLOORS = json.loads((REPO / "tests" / "quality_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return evaluate_gold_set(GOLD).as_json()


def test_every_gold_file_has_its_page_and_parses() -> None:
    golds = sorted(GOLD.glob("*.gold.json"))
    pairs = gold_pairs(GOLD)
    assert len(golds) >= 8 and len(pairs) == len(golds)
    for _, gold in pairs:
        data = json.loads(gold.read_text(encoding="utf-8"))
        assert data["events"], gold.name
        for e in data["events"]:
            assert e["type"] and e["date"] and e["evidence"], (gold.name, e)
            assert (e["source"] or {}).get("country") and (e["target"] or {}).get("country"), (gold.name, e["evidence"])


def test_gold_evidence_is_verbatim_page_text() -> None:
    # The gold quotes the page exactly: a typo here would make the gold unverifiable.
    for page, gold in gold_pairs(GOLD):
        raw = page.read_text(encoding="utf-8")
        for e in json.loads(gold.read_text(encoding="utf-8"))["events"]:
            assert e["evidence"] in raw, (page.name, e["evidence"][:80])


def test_overall_f1_at_or_above_floor(report: dict[str, Any]) -> None:
    f1 = report["overall"]["f1"]
    assert f1 >= FLOORS["examples_gold_f1"], f"examples/gold F1 {f1:.3f} < floor {FLOORS['examples_gold_f1']}"


def test_historical_f1_at_or_above_floor(report: dict[str, Any]) -> None:
    f1 = report["historical"]["f1"]
    floor = FLOORS["examples_gold_historical_f1"]
    assert f1 >= floor, f"examples/gold historical F1 {f1:.3f} < floor {floor}"


def test_page_dates_of_the_gold_pages(report: dict[str, Any]) -> None:
    """Page dates within a day of the gold `published`, over the pages where it is known."""
    assert report["page_dates"]["known"] >= 10
    assert report["page_dates"]["accuracy"] >= FLOORS["page_date_accuracy"], report["page_dates"]["misses"]


@pytest.mark.parametrize("folder", ["memory", "dates"])
def test_page_dates_of_the_other_dev_pages(folder: str) -> None:
    """The same check on the other dev sets, through `parley extract` alone (no NLP needed):
    examples/dates has one page per date cue, and pages whose gold `published` is null must stay
    undated."""
    from datetime import date

    from parley.quality.evaluate import GoldSetReport, gold_published, score_page_date
    from parley.extract.api import extract_paths

    rep = GoldSetReport()
    for page, gold in gold_pairs(REPO / "examples" / folder):
        (row,) = extract_paths([str(page)])
        score_page_date(rep, page.name, row["published"], gold_published(gold))
        if gold_published(gold) is None and folder == "dates":
            assert row["published"] is None, (page.name, row["published"])
        elif row["published"]:
            assert date.fromisoformat(row["published"])
    assert rep.page_dates_known >= 5 and rep.page_date_accuracy() >= FLOORS["page_date_accuracy"], rep.page_date_misses
