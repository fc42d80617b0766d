"""questions: last contact, timeline, channels, trend - on the seed plus a hand-written 2022 report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from parley.ask import questions as q
from parley.ask.queries import events
from parley.cli import main
from parley.errors import QueryError
from parley.ingest import ingest
from parley.events.lexicon import PLOVER_TYPES

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
AUSTIN_WEI = REPO / "examples" / "memory" / "austin-wei-cambodia-2022.txt"


def _row(so: str | None, to: str | None, ss: str | None = "GOV", ts: str | None = "GOV") -> dict[str, str | None]:
    return {"source_office": so, "target_office": to, "source_sector": ss, "target_sector": ts}


def test_levels_and_channels() -> None:
    assert q.event_level(_row("defense_minister", "defense_minister")) == "minister"
    assert q.event_level(_row("head_of_state", "head_of_state")) == "leader"
    assert q.event_level(_row("defense_minister", "military_chief")) == "military"
    assert q.event_level(_row(None, None)) == "official"
    assert q.event_level(_row("foreign_minister", None)) == "minister"
    assert q.event_channels(_row("head_of_state", "head_of_state")) == ["leaders"]
    assert q.event_channels(_row("foreign_minister", "head_of_state")) == ["foreign_ministers"]
    assert q.event_channels(_row("defense_minister", "military_chief")) == ["military_chiefs"]
    assert q.event_channels(_row(None, "diplomat")) == ["working_level"]
    assert q.gap_text(511) == "about 17 months"


def test_periods_keep_coarse_dates_honest() -> None:
    day = {"date_first": "2022-11-22", "date_last": "2022-11-22", "date_precision": "day"}
    year = {"date_first": "2022-01-01", "date_last": "2022-12-31", "date_precision": "year"}
    assert [q.period_of(day, b) for b in ("month", "quarter", "year")] == ["2022-11", "2022-Q4", "2022"]
    assert q.period_of(year, "month") == "2022"
    with pytest.raises(QueryError):
        q.period_of(day, "week")


@pytest.fixture(scope="module")
def memory_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (SHARED / "seed").is_dir():
        pytest.skip("../shared is absent: skipping the seed question tests")
    path = tmp_path_factory.mktemp("memory") / "memory.db"
    summary = ingest([str(SHARED / "seed" / "seed.txt"), str(AUSTIN_WEI)], path)
    assert summary.failed == 0
    return path


def test_last_contact_explains_nearly_18_months(memory_db: Path) -> None:
    r = q.last_contact(memory_db, "USA", "CHN", before="2024-04-16", level="minister")
    assert r is not None
    assert (r["date"], r["date_precision"]) == ("2022-11-22", "day")
    assert r["gap_days"] == 511 and 16.5 < r["gap_months"] < 17.5 and r["gap_text"] == "about 17 months"
    assert r["mentions"] == 2 and r["sources"] == 2, "the seed's '2022 in Cambodia' and the November report are one event"
    names = {r["event"]["source"]["name"], r["event"]["target"]["name"]}
    assert names == {"Lloyd Austin", "Wei Fenghe"}
    assert {m["path"] for m in r["event"]["reports"]} == {str(SHARED / "seed" / "seed.txt"), str(AUSTIN_WEI)}


def test_last_contact_by_level(memory_db: Path) -> None:
    leader = q.last_contact(memory_db, "CHN", "USA", before="2024-04-16", level="leader")
    military = q.last_contact(memory_db, "USA", "CHN", before="2024-04-16", level="military")
    anyone = q.last_contact(memory_db, "USA", "CHN", before="2024-04-16")
    assert leader is not None and leader["date"] == "2023-11"
    assert military is not None and military["date"] == "2023-12"
    # Working-level maritime talks "earlier this month": a month-precise date, so the gap is a lower bound.
    assert anyone is not None and anyone["date"] == "2024-04" and anyone["gap_is_lower_bound"]
    assert q.last_contact(memory_db, "USA", "CHN", before="2022-01-01", level="minister") is None


def test_channels_show_the_frozen_defense_dialogue(memory_db: Path) -> None:
    rows = {r["channel"]: r for r in q.channels(memory_db, "USA", "CHN", as_of="2024-04-15")}
    assert rows["defense_ministers"]["status"] == "frozen" and rows["defense_ministers"]["last_contact"] == "2022-11-22"
    assert rows["leaders"]["status"] == "open" and rows["leaders"]["last_contact"] == "2023-11"
    assert rows["military_chiefs"]["last_contact"] == "2023-12"
    assert rows["foreign_ministers"]["status"] == "never"
    assert rows["working_level"]["last_contact"] == "2024-04"
    after = {r["channel"]: r for r in q.channels(memory_db, "USA", "CHN", as_of="2024-04-16")}
    assert after["defense_ministers"]["status"] == "open" and after["defense_ministers"]["silent_days"] == 0


def test_timeline_and_trend_formula(memory_db: Path) -> None:
    tl = {r["period"]: r for r in q.timeline(memory_db, "USA", "CHN", by="month")}
    assert tl["2022-11"]["types"].get("CONSULT") == 1, tl["2022-11"]["items"]
    assert any(i["mentions"] == 2 for i in tl["2022-11"]["items"])
    assert "2024-07" not in tl, "nothing is dated to the seed's page date"
    tr = {r["period"]: r for r in q.trend(memory_db, "USA", "CHN", by="year")}
    canon = [e for e in events(memory_db, dyad=("USA", "CHN")) if e["date"] and e["date"].startswith("2023")]
    expected = sum(PLOVER_TYPES[e["type"]].score for e in canon) / len(canon)
    assert tr["2023"]["events"] == len(canon) and tr["2023"]["index"] == pytest.approx(expected, abs=1e-3)
    assert sum(tr["2023"][k] for k in ("q1_verbal_coop", "q2_material_coop", "q3_verbal_conflict", "q4_material_conflict")) == len(canon)


def test_cli(memory_db: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["last-contact", "USA", "CHN", "--before", "2024-04-16", "--level", "minister", "--format", "json", "--db", str(memory_db)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert {"date", "date_precision", "gap_days", "gap_months", "event"} <= set(out) and out["date"] == "2022-11-22"
    text = runner.invoke(main, ["last-contact", "USA", "CHN", "--before", "2024-04-16", "--level", "minister", "--db", str(memory_db)])
    assert "2022-11-22" in text.output and "about 17 months" in text.output
    for cmd in (["timeline", "USA", "CHN", "--by", "quarter"], ["channels", "USA", "CHN", "--as-of", "2024-04-15"], ["trend", "USA", "CHN", "--format", "csv"]):
        r = runner.invoke(main, [*cmd, "--db", str(memory_db)])
        assert r.exit_code == 0, r.output
    bad = runner.invoke(main, ["last-contact", "USA", "CHINA", "--db", str(memory_db)])
    assert bad.exit_code == 2 and "three-letter" in bad.output
    bad_date = runner.invoke(main, ["channels", "USA", "CHN", "--as-of", "April", "--db", str(memory_db)])
    assert bad_date.exit_code == 2 and "as-of" in bad_date.output
