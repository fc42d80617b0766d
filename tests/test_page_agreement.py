"""training/page_agreement.py: a second annotation scored against the first as parley is scored
(same type, same pair, dates at the coarser precision; interactions only)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _event(type_: str, source: str, target: str | None, date: str, evidence: str) -> dict:
    return {"date": date, "type": type_, "source": {"name": None, "country": source, "role": None},
            "target": {"name": None, "country": target, "role": None}, "location": None,
            "evidence": evidence, "historical": False}


def _write(folder: Path, name: str, published: str | None, events: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.gold.json").write_text(json.dumps({"url": None, "published": published, "events": events}), encoding="utf-8")


def test_two_annotations_agree_where_type_pair_and_date_agree(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "training"))
    from page_agreement import agreement

    talks = "Chile's foreign minister met her Peruvian counterpart in Lima on Monday."
    ban = "Peru barred two Chilean fishing boats from its waters on Tuesday."
    first, second = tmp_path / "first", tmp_path / "second"
    _write(first, "p1", "2026-03-04", [_event("CONSULT", "CHL", "PER", "2026-03-02", talks),
                                       _event("SANCTION", "PER", "CHL", "2026-03-03", ban)])
    # the meeting either way round (a symmetric type), at the month; the ban read as another type;
    # a one-sided record, which gold pages do not score
    _write(second, "p1", "2026-03-04", [_event("CONSULT", "PER", "CHL", "2026-03", talks),
                                        _event("COERCE", "PER", "CHL", "2026-03-03", ban),
                                        _event("MOBILIZE", "PER", None, "2026-03-03", ban)])
    out = agreement(first, second)
    assert (out["overall"]["tp"], out["overall"]["fp"], out["overall"]["fn"]) == (1, 1, 1)
    assert out["page_dates"]["accuracy"] == 1.0


def test_a_page_missing_from_the_first_annotation_is_refused(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "training"))
    from page_agreement import agreement

    _write(tmp_path / "first", "p1", None, [])
    _write(tmp_path / "second", "p2", None, [])
    with pytest.raises(SystemExit, match="p2.gold.json"):
        agreement(tmp_path / "first", tmp_path / "second")
