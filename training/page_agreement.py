"""How far two annotations of the same pages agree, scored as parley is scored.

    python training/page_agreement.py examples/wdev1 training/agreement/wdev1-second

The second folder's NAME.gold.json files stand in the place of parley's output and are scored
against the first folder's by parley's own scorer (`parley.quality.evaluate.score_page`: the same
type, the same pair, dates agreeing at the coarser precision; interactions only). Prints the
overall, historical and per-type scores, page dates and event dates, as JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from parley.quality.evaluate import GoldSetReport, gold_events, gold_published, score_event_dates, score_page, score_page_date


def agreement(first: Path, second: Path) -> dict:
    report = GoldSetReport()
    pages = sorted(second.glob("*.gold.json"))
    if not pages:
        raise SystemExit(f"{second}: no NAME.gold.json files")
    for other in pages:
        reference = first / other.name
        if not reference.exists():
            raise SystemExit(f"{other}: no {reference}")
        page = other.name[: -len(".gold.json")]
        pred, gold = gold_events(other), gold_events(reference)
        score_page(report, page, pred, gold)
        score_page_date(report, page, gold_published(other), gold_published(reference))
        score_event_dates(report, pred, gold)
    out = report.as_json()
    return {k: out[k] for k in ("pages", "overall", "historical", "page_dates", "event_dates", "per_type", "misses", "false_alarms") if k in out}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    print(json.dumps(agreement(Path(sys.argv[1]), Path(sys.argv[2])), indent=1))
