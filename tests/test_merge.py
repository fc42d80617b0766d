"""merge: mentions across pages -> canonical events; constraints, counts, determinism."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from parley.store import merge
from parley.ingest import ingest
from parley.store.db import open_db

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "memory"
BALI = ["bali-talks-day.txt", "bali-talks-month.txt", "bali-talks-year.txt"]

_SIDE = ("text", "name", "country", "sector", "role", "office", "person_id", "resolution")


def _mention(doc: str, sentence: int, date: str | None, precision: str | None, first: str | None, last: str | None,
             src: tuple[str, str | None, str | None], tgt: tuple[str, str | None, str | None], evidence: str,
             mode: str | None = None, type_: str = "CONSULT", location: str | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": hashlib.sha256(f"{doc}{sentence}{evidence}".encode()).hexdigest()[:16], "document_id": doc, "event_id": None,
        "sentence": sentence, "type": type_, "mode": mode, "context": None, "modality": "asserted", "date": date,
        "date_precision": precision, "date_first": first, "date_last": last, "date_source": "sentence", "date_text": None,
        "historical": 0, "location": location, "location_country": None, "evidence": evidence, "evidence_start": 0,
        "evidence_end": len(evidence), "trigger": "met", "coder": "test", "confidence": 0.5, "quotes": "[]",
    }
    for side, (country, name, office) in (("source", src), ("target", tgt)):
        for c in _SIDE:
            row[f"{side}_{c}"] = None
        row[f"{side}_country"], row[f"{side}_name"], row[f"{side}_office"] = country, name, office
        row[f"{side}_text"] = name or country
    return row


def _store(db: Any, mentions: list[dict[str, Any]]) -> None:
    for m in mentions:
        if not list(db.query("select 1 from documents where id = ?", [m["document_id"]])):
            db["documents"].insert({"id": m["document_id"], "path": m["document_id"] + ".txt", "text": ""})
        db["mentions"].insert(m)
        merge.merge_mentions(db, [m["id"]])


def _groups(db: Any) -> set[frozenset[str]]:
    out: dict[str, set[str]] = {}
    for r in db.query("select id, event_id from mentions"):
        out.setdefault(r["event_id"], set()).add(r["id"])
    return {frozenset(v) for v in out.values()}


AUSTIN = ("USA", "Lloyd Austin", "defense_minister")
WEI = ("CHN", "Wei Fenghe", "defense_minister")


def test_coarse_and_precise_reports_merge_and_take_the_precise_date(tmp_path: Path) -> None:
    db = open_db(tmp_path / "m.db")
    _store(db, [
        _mention("p1", 0, "2022", "year", "2022-01-01", "2022-12-31", AUSTIN, WEI, "The last time Austin met his Chinese counterpart was in 2022 in Cambodia."),
        _mention("p2", 0, "2022-11-22", "day", "2022-11-22", "2022-11-22", WEI, AUSTIN, "Wei Fenghe held talks with Lloyd Austin in Siem Reap on Tuesday."),
        _mention("p3", 3, "2022-11", "month", "2022-11-01", "2022-11-30", AUSTIN, WEI, "Austin and Wei met in Cambodia last month."),
    ])
    events = list(db.query("select * from events"))
    assert len(events) == 1
    e = events[0]
    assert (e["date"], e["date_precision"], e["mentions"], e["sources"]) == ("2022-11-22", "day", 3, 3)
    assert len(merge.event_mentions(db, e["id"])) == 3


def test_month_boundaries_offices_modes_and_same_page_keep_events_apart(tmp_path: Path) -> None:
    db = open_db(tmp_path / "m.db")
    chief_us, chief_cn = ("USA", None, "military_chief"), ("CHN", None, "military_chief")
    us, cn = ("USA", None, None), ("CHN", None, None)
    _store(db, [
        # December and January never overlap (a day of slack is for two day-precise dates only).
        _mention("p1", 0, "2023-12", "month", "2023-12-01", "2023-12-31", chief_us, chief_cn, "The military chiefs spoke by phone in December 2023.", mode="phone"),
        _mention("p1", 1, "2024-01", "month", "2024-01-01", "2024-01-31", us, cn, "Officials attended defense policy talks in January."),
        # A defense ministers' meeting is not a military chiefs' meeting on the same day.
        _mention("p2", 0, "2024-04-16", "day", "2024-04-16", "2024-04-16", ("USA", None, "defense_minister"), ("CHN", None, "defense_minister"), "The defense ministers held a video call.", mode="video"),
        _mention("p3", 0, "2024-04-16", "day", "2024-04-16", "2024-04-16", chief_us, chief_cn, "The two military chiefs held a video call.", mode="video"),
        # A phone call and an in-person meeting of the same people in one year are two events.
        _mention("p4", 0, "2022", "year", "2022-01-01", "2022-12-31", AUSTIN, WEI, "Austin spoke by phone with Wei in 2022.", mode="phone"),
        _mention("p5", 0, "2022-06-10", "day", "2022-06-10", "2022-06-10", AUSTIN, WEI, "Austin met Wei in Singapore on Friday.", mode="in-person"),
        # Bare dyads in one page: the page already told these apart.
        _mention("p6", 0, "2024-04", "month", "2024-04-01", "2024-04-30", cn, us, "A delegation attended maritime consultations in Honolulu earlier this month."),
        _mention("p6", 2, "2024-04-16", "day", "2024-04-16", "2024-04-16", ("USA", "Lloyd Austin", "defense_minister"), ("CHN", "Dong Jun", "defense_minister"), "Austin had an online meeting with Dong Jun on April 16."),
    ])
    assert len(list(db.query("select * from events"))) == 8


def _mixed_events(db: Any) -> list[str]:
    """Canonical events holding both dated and undated mentions (there must be none)."""
    return [r["event_id"] for r in db.query(
        "select event_id from mentions group by event_id "
        "having sum(date_first is null) > 0 and sum(date_first is not null) > 0"
    )]


def test_an_undated_mention_never_joins_a_dated_event(tmp_path: Path) -> None:
    """The same named dyad, same evidence words: a meeting on a page with no usable date is still
    not the dated meeting of weeks earlier, in either order of arrival and after a rebuild."""
    db = open_db(tmp_path / "m.db")
    _store(db, [
        _mention("p1", 0, "2022-06-10", "day", "2022-06-10", "2022-06-10", AUSTIN, WEI, "Austin met Wei in Singapore."),
        _mention("p2", 0, None, None, None, None, AUSTIN, WEI, "Austin met Wei in Singapore."),
    ])
    _store(db, [
        _mention("p4", 0, None, None, None, None, AUSTIN, WEI, "Austin and Wei have held talks."),
        _mention("p3", 0, "2022-06", "month", "2022-06-01", "2022-06-30", AUSTIN, WEI, "Austin and Wei held talks in June."),
    ])
    assert _mixed_events(db) == []
    events = {r["id"]: r for r in db.query("select * from events")}
    # The dated reports are one event (June 10 inside June), the two undated ones another.
    assert len(events) == 2
    assert sorted((str(r["date"]), r["mentions"]) for r in events.values()) == [("2022-06-10", 2), ("None", 2)]
    merge.rebuild(db)
    assert _mixed_events(db) == [] and len(list(db.query("select * from events"))) == 2


def test_dates_compatible_never_pairs_dated_with_undated() -> None:
    dated = {"date_first": "2022-06-10", "date_last": "2022-06-10", "date_precision": "day"}
    undated = {"date_first": None, "date_last": None, "date_precision": None}
    assert merge.dates_compatible(dated, undated) is False and merge.dates_compatible(undated, dated) is False
    assert merge.dates_compatible(undated, undated) is True


def test_similarity_signal() -> None:
    a = "Austin met Wei Fenghe in Siem Reap, Cambodia on the sidelines of the ADMM-Plus."
    b = "Wei Fenghe and Austin met in Cambodia on the sidelines of the ADMM-Plus meeting."
    assert merge.evidence_similarity(a, b) > merge.SIMILAR_EVIDENCE
    assert merge.evidence_similarity(a, "Officials attended defense policy talks in January.") < 0.1


def test_rebuild_is_independent_of_ingest_order(tmp_path: Path) -> None:
    rows = [
        _mention("p1", 0, "2022", "year", "2022-01-01", "2022-12-31", AUSTIN, WEI, "Austin met his counterpart in 2022."),
        _mention("p2", 0, "2022-11-22", "day", "2022-11-22", "2022-11-22", AUSTIN, WEI, "Austin met Wei in Cambodia."),
        _mention("p3", 0, "2022-06-10", "day", "2022-06-10", "2022-06-10", AUSTIN, WEI, "Austin met Wei in Singapore."),
    ]
    one, two = open_db(tmp_path / "a.db"), open_db(tmp_path / "b.db")
    _store(one, rows)
    _store(two, list(reversed(rows)))
    merge.rebuild(one)
    merge.rebuild(two)
    assert _groups(one) == _groups(two)
    assert [dict(r) for r in one.query("select * from events order by id")] == [dict(r) for r in two.query("select * from events order by id")]


# -- end to end: three hand-written pages ----------------------------------------------------

@pytest.fixture(scope="module")
def bali_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bali") / "bali.db"
    summary = ingest([str(EXAMPLES / n) for n in BALI], path)
    assert summary.failed == 0
    return path


def _consults(db: Any) -> list[dict[str, Any]]:
    return list(db.query(
        "select * from events where type = 'CONSULT' and source_country in ('IND', 'CHN') and target_country in ('IND', 'CHN') order by id"
    ))


def test_three_reports_of_one_meeting_are_one_event(bali_db: Path) -> None:
    db = open_db(bali_db, readonly=True)
    events = _consults(db)
    assert len(events) == 1, [e["evidence"] for e in events]
    e = events[0]
    assert (e["date"], e["date_precision"], e["mentions"], e["sources"]) == ("2022-07-07", "day", 3, 3)
    precisions = sorted(r["date_precision"] for r in db.query("select date_precision from mentions where event_id = ?", [e["id"]]))
    assert precisions == ["day", "month", "year"]
    assert not e["historical"], "one page reports it as news"
    for m in merge.event_mentions(db, e["id"]):
        assert m["path"] and 0 <= m["evidence_start"] < m["evidence_end"]


def test_rerunning_the_same_input_gives_the_same_events(bali_db: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    ingest([str(EXAMPLES / n) for n in BALI], again)
    a, b = open_db(bali_db, readonly=True), open_db(again, readonly=True)
    cols = "id, type, date, date_precision, mentions, sources, source_name, target_name, evidence"
    assert list(a.query(f"select {cols} from events order by id")) == list(b.query(f"select {cols} from events order by id"))
    assert list(a.query("select id, event_id from mentions order by id")) == list(b.query("select id, event_id from mentions order by id"))


def test_questions_do_not_count_undated_events_and_list_them_apart(tmp_path: Path) -> None:
    """last-contact, channels and timeline count the dated meeting only; the undated report is
    listed apart (and the CLI prints it under "Undated reports")."""
    from click.testing import CliRunner

    from parley.ask import questions as q
    from parley.cli import main

    path = tmp_path / "q.db"
    db = open_db(path)
    _store(db, [
        _mention("p1", 0, "2022-06-10", "day", "2022-06-10", "2022-06-10", AUSTIN, WEI, "Austin met Wei in Singapore."),
        _mention("p2", 0, None, None, None, None, AUSTIN, WEI, "Austin met Wei again, officials said."),
    ])
    db.close()
    last = q.last_contact(path, "USA", "CHN", before="2024-01-01")
    assert last is not None and last["date"] == "2022-06-10" and last["mentions"] == 1
    channel = {r["channel"]: r for r in q.channels(path, "USA", "CHN", as_of="2024-01-01")}["defense_ministers"]
    assert channel["contacts"] == 1 and channel["last_contact"] == "2022-06-10"
    assert [r["events"] for r in q.timeline(path, "USA", "CHN")] == [1]
    undated = q.undated_reports(path, "USA", "CHN", type="CONSULT")
    assert [r["evidence"] for r in undated] == ["Austin met Wei again, officials said."]
    out = CliRunner().invoke(main, ["last-contact", "USA", "CHN", "--db", str(path), "--before", "2024-01-01"]).output
    assert "2022-06-10" in out and "Undated reports (not counted as contacts): 1" in out
    js = json.loads(CliRunner().invoke(main, ["last-contact", "USA", "CHN", "--db", str(path), "--format", "json"]).output)
    assert len(js["undated_reports"]) == 1
