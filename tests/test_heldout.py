"""Integrity of the held-out gold sets (examples/heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13, heldout14, heldout15, heldout16, heldout17, heldout18, heldout19, heldout20, heldout21, heldout22, heldout23, heldout24, heldout25, heldout26, heldout27, heldout28, heldout29, heldout30, heldout31, heldout32, heldout33, heldout34, heldout35): every gold file parses, has its page,
uses the gold format's types, country codes and date precisions, and quotes its page verbatim.

Each set has a regression floor (`test_heldout_quality_does_not_slide`, its start score less about
0.04), never a target: these pages measure parley honestly and must not be tuned against.
Measure with: parley eval examples/heldoutN
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from parley.quality.evaluate import gold_pairs, parse_gold_date

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HELDOUT_SETS = (EXAMPLES / "heldout", EXAMPLES / "heldout2", EXAMPLES / "heldout3", EXAMPLES / "heldout4", EXAMPLES / "heldout5", EXAMPLES / "heldout6", EXAMPLES / "heldout7", EXAMPLES / "heldout8", EXAMPLES / "heldout9", EXAMPLES / "heldout10", EXAMPLES / "heldout11", EXAMPLES / "heldout12", EXAMPLES / "heldout13", EXAMPLES / "heldout14", EXAMPLES / "heldout15", EXAMPLES / "heldout16", EXAMPLES / "heldout17", EXAMPLES / "heldout18", EXAMPLES / "heldout19", EXAMPLES / "heldout20", EXAMPLES / "heldout21", EXAMPLES / "heldout22", EXAMPLES / "heldout23", EXAMPLES / "heldout24", EXAMPLES / "heldout25", EXAMPLES / "heldout26", EXAMPLES / "heldout27", EXAMPLES / "heldout28", EXAMPLES / "heldout29", EXAMPLES / "heldout30", EXAMPLES / "heldout31", EXAMPLES / "heldout32", EXAMPLES / "heldout33", EXAMPLES / "heldout34", EXAMPLES / "heldout35")
TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
CODE = re.compile(r"^(?:[A-Z]{3})$")  # ISO-3166 alpha-3 or IGO/UNO/EUR/NGO
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _golds() -> list[tuple[Path, dict[str, Any]]]:
    return [(page, json.loads(gold.read_text(encoding="utf-8"))) for folder in HELDOUT_SETS for page, gold in gold_pairs(folder)]


@pytest.mark.parametrize("folder", HELDOUT_SETS, ids=lambda f: f.name)
def test_every_gold_file_has_its_page(folder: Path) -> None:
    golds = sorted(folder.glob("*.gold.json"))
    assert len(golds) >= 10
    assert len(gold_pairs(folder)) == len(golds), "a gold file without its NAME.txt/NAME.html page"


@pytest.mark.parametrize("page,data", _golds(), ids=lambda v: v.name if isinstance(v, Path) else "")
def test_gold_events_are_well_formed(page: Path, data: dict[str, Any]) -> None:
    assert data["events"], page.name
    if data.get("published"):
        assert parse_gold_date(data["published"]) is not None
    for e in data["events"]:
        where = (page.name, e.get("evidence", "")[:60])
        assert e["type"] in TYPES, where
        assert DATE.match(e["date"]) and parse_gold_date(e["date"]) is not None, where
        assert isinstance(e["historical"], bool), where
        for side in ("source", "target"):
            # a one-sided event may leave its target empty; a code, when given, is well formed
            code = (e.get(side) or {}).get("country")
            assert (side == "target" and not code) or CODE.match(code or ""), (where, side)


@pytest.mark.parametrize("page,data", _golds(), ids=lambda v: v.name if isinstance(v, Path) else "")
def test_gold_evidence_is_verbatim_page_text(page: Path, data: dict[str, Any]) -> None:
    # The gold quotes the page exactly: anything else would make it unverifiable.
    raw = page.read_text(encoding="utf-8")
    if page.suffix == ".html" or re.search(r"<html|<!DOCTYPE", raw[:2000], re.I):
        # the page's text as a reader sees it (a NAME.txt may hold HTML too): scripts, styles and
        # comments out, tags out, entities decoded, whitespace folded
        raw = re.sub(r"(?is)<(script|style)\b.*?</\1>|<!--.*?-->", " ", raw)
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    text = " ".join(raw.split())
    for e in data["events"]:
        assert e["evidence"] and " ".join(e["evidence"].split()) in text, (page.name, e["evidence"][:80])


def test_historical_events_predate_their_page() -> None:
    # Background events are dated to their own time, never after the page's publication.
    for page, data in _golds():
        published = parse_gold_date(data.get("published"))
        for e in data["events"]:
            if e["historical"] and published:
                assert parse_gold_date(e["date"])[0] < published[0], (page.name, e["evidence"][:60])


@pytest.mark.parametrize("folder", HELDOUT_SETS, ids=lambda f: f.name)
def test_heldout_quality_does_not_slide(folder: Path) -> None:
    """A regression floor only: the held-out pages are never used to tune rules (see their README)."""
    from parley.quality.evaluate import evaluate_gold_set

    floors = json.loads((Path(__file__).with_name("quality_floors.json")).read_text(encoding="utf-8"))
    report = evaluate_gold_set(folder).as_json()
    assert report["overall"]["f1"] >= floors[f"{folder.name}_f1"], report["overall"]
