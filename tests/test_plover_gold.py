"""The PLOVER gold records (322 edited CAMEO-manual sentences) scored against pinned floors.

Floors live in tests/quality_floors.json (measured value rounded down, minus 0.01). Skips when
the shared data folder is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
RECORDS = SHARED / "eval" / "plover" / "PLOVER_GSR_CAMEO.json"
FLOORS = Path(__file__).resolve().parent / "quality_floors.json"


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    if not RECORDS.exists():
        pytest.skip(f"{RECORDS} not found (shared data absent)")
    from parley.quality.evaluate import evaluate_plover

    return evaluate_plover(RECORDS).as_json()


def _floor(key: str) -> float:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    if key not in floors:
        pytest.fail(f"quality floor '{key}' missing from {FLOORS}")
    return float(floors[key])


def test_plover_type_coded_floor(report) -> None:  # type: ignore[no-untyped-def]
    assert report["sentences"] == 322
    assert report["type_coded"] >= _floor("plover_type_coded"), report["type_coded"]


def test_plover_type_and_dyad_floor(report) -> None:  # type: ignore[no-untyped-def]
    assert report["type_and_dyad"] >= _floor("plover_type_and_dyad"), report["type_and_dyad"]


def test_every_type_is_found_somewhere(report) -> None:  # type: ignore[no-untyped-def]
    per_type = report["per_type"]
    missing = [t for t, v in per_type.items() if v["tp"] == 0]
    assert not missing, missing


def test_seed_f1_floor() -> None:
    seed = SHARED / "seed"
    if not (seed / "seed.gold.json").exists():
        pytest.skip("seed gold absent")
    from parley.quality.evaluate import evaluate_gold_set

    f1 = evaluate_gold_set(seed).as_json()["overall"]["f1"]
    assert f1 >= _floor("seed_f1"), f1
