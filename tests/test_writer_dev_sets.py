"""The two dev sets written the way the blind sets are (examples/wdev1, wdev2; session 26): written
by helpers that never saw the code, the corpus or any gold, from the blind sets' brief, but used
as dev sets (their misses may be read). Integrity, and a floor so that their score does not slide.

Reproduce the numbers with: parley eval examples/wdev1 (and wdev2), or make eval-dev.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.quality.evaluate import evaluate_gold_set, gold_pairs

REPO = Path(__file__).resolve().parents[1]
SETS = (REPO / "examples" / "wdev1", REPO / "examples" / "wdev2")
FLOORS = json.loads((REPO / "tests" / "quality_floors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", SETS, ids=lambda f: f.name)
def test_every_page_has_its_gold_and_the_evidence_is_verbatim(folder: Path) -> None:
    pairs = gold_pairs(folder)
    assert len(pairs) == 20 == len(list(folder.glob("*.gold.json")))
    for page, gold in pairs:
        raw = page.read_text(encoding="utf-8")
        for e in json.loads(gold.read_text(encoding="utf-8"))["events"]:
            assert e["evidence"] in raw, (page.name, e["evidence"][:80])


@pytest.mark.parametrize("folder", SETS, ids=lambda f: f.name)
def test_dev_set_quality_does_not_slide(folder: Path) -> None:
    report = evaluate_gold_set(folder).as_json()
    assert report["overall"]["f1"] >= FLOORS[f"{folder.name}_f1"], report["overall"]
