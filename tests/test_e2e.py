"""End-to-end: pages ingested as a user would (the `parley` CLI through click's CliRunner, one
process so spaCy loads once), then asked back through `events`, `documents` and `extract`.

Seed-based tests skip when ../shared is absent (a user's clone); the tests on parley's own
example pages (examples/, examples/gold/) always run.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from parley.cli import main

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "seed.txt"
GOLD = REPO / "examples" / "gold"

needs_seed = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not present (user's clone)")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def as_json(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def events(db: Path, *extra: str) -> list[dict[str, Any]]:
    return as_json(run("events", "--db", str(db), "--format", "json", *extra))


# -- the seed, ingested with a non-page file and a missing path ---------------------------------
@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not SEED.exists():
        pytest.skip("../shared/seed is not present (user's clone)")
    tmp = tmp_path_factory.mktemp("seed")
    db = tmp / "parley.db"
    page = tmp / "seed.txt"
    shutil.copy(SEED, page)
    notes = tmp / "analyst-notes.csv"
    notes.write_text("country,comment\nCHN,check Dong Quan spelling\n", encoding="utf-8")
    missing = tmp / "no-such-page.html"
    first = run("ingest", str(page), str(notes), str(missing), "--db", str(db), "--format", "json")
    return {"db": db, "page": page, "notes": notes, "missing": missing, "first": first}


@needs_seed
def test_ingest_exit_code_1_when_an_input_failed_but_others_stored(seed_run: dict[str, Any]) -> None:
    res = seed_run["first"]
    assert res.exit_code == 1, res.output
    summary = json.loads(res.stdout)
    assert summary["stored"] == 1 and summary["skipped"] == 1 and summary["failed"] == 1
    assert summary["events"] > 0
    assert "no-such-page.html" in res.stderr


@needs_seed
def test_documents_one_row_per_input(seed_run: dict[str, Any]) -> None:
    rows = as_json(run("documents", "--db", str(seed_run["db"]), "--format", "json"))
    by_path = {Path(r["path"]).name: r for r in rows}
    assert set(by_path) == {"seed.txt", "analyst-notes.csv", "no-such-page.html"}
    assert by_path["seed.txt"]["status"] == "stored"
    assert by_path["seed.txt"]["title"] == "US and Chinese Defense Ministers met for the first time in nearly 18 months"
    assert by_path["analyst-notes.csv"]["status"] == "skipped" and by_path["analyst-notes.csv"]["reason"]
    assert by_path["no-such-page.html"]["status"] == "failed" and by_path["no-such-page.html"]["reason"]
    failed = as_json(run("documents", "--db", str(seed_run["db"]), "--status", "failed", "--format", "json"))
    assert [Path(r["path"]).name for r in failed] == ["no-such-page.html"]


@needs_seed
def test_main_event_is_the_april_16_video_consult(seed_run: dict[str, Any]) -> None:
    rows = [r for r in events(seed_run["db"], "--type", "CONSULT") if r["date"] == "2024-04-16"]
    assert len(rows) == 1, rows
    ev = rows[0]
    assert {ev["source"]["country"], ev["target"]["country"]} == {"USA", "CHN"}
    assert ev["mode"] == "video"
    assert ev["date_precision"] == "day"
    assert ev["historical"] is False and ev["modality"] == "asserted"
    names = {ev["source"]["name"], ev["target"]["name"]}
    assert names == {"Lloyd Austin", "Dong Jun"}
    assert ev["evidence"]["text"].startswith("On April 16, the Pentagon announced")


@needs_seed
def test_two_requests_and_dong_quan_is_dong_jun(seed_run: dict[str, Any]) -> None:
    rows = [r for r in events(seed_run["db"], "--type", "REQUEST") if r["date"] == "2024-04-16"]
    dyads = {(r["source"]["country"], r["target"]["country"]) for r in rows}
    assert dyads == {("USA", "CHN"), ("CHN", "USA")}
    chn = next(r for r in rows if r["source"]["country"] == "CHN")
    assert "Dong Quan" in chn["evidence"]["text"]
    assert chn["source"]["name"] == "Dong Jun"  # the page's variant spelling resolved
    usa = next(r for r in rows if r["source"]["country"] == "USA")
    assert usa["source"]["name"] == "Lloyd Austin"
    assert all(r["historical"] is False for r in rows)


@needs_seed
@pytest.mark.parametrize("prefix", ["2020-01", "2022", "2023-11", "2023-12", "2024-01", "2024-04"])
def test_background_events_dated_to_their_own_time(seed_run: dict[str, Any], prefix: str) -> None:
    rows = events(seed_run["db"])
    # "2024-04" must be the month-dated Honolulu meeting, not the April 16 news itself.
    hist = [r for r in rows if r["historical"] and r["date"] and r["date"].startswith(prefix)]
    assert hist, f"no historical event dated {prefix}: {[(r['date'], r['type'], r['historical']) for r in rows]}"
    if prefix == "2024-04":
        assert any(r["date_precision"] == "month" for r in hist)


@needs_seed
def test_no_event_dated_to_the_page_date_line(seed_run: dict[str, Any]) -> None:
    rows = events(seed_run["db"], "--all")
    assert rows
    assert not [r for r in rows if (r["date"] or "").startswith("2024-07")]


@needs_seed
def test_events_json_fields(seed_run: dict[str, Any]) -> None:
    rows = events(seed_run["db"], "--all")
    required = {"id", "type", "mode", "date", "date_precision", "historical", "modality", "source", "target",
                "location", "evidence", "document", "confidence", "coder"}
    for r in rows:
        assert required <= set(r), required - set(r)
        for side in ("source", "target"):
            assert {"text", "name", "country", "sector", "role"} <= set(r[side])
        assert set(r["evidence"]) >= {"text", "start", "end"}
        assert isinstance(r["evidence"]["start"], int) and r["evidence"]["end"] > r["evidence"]["start"]
        assert set(r["document"]) >= {"path", "url", "title", "published", "id"}
        assert r["document"]["published"] == "2024-07-20"  # the page date is recorded, not used for events
        assert r["coder"]
    filtered = events(seed_run["db"], "--source", "USA", "--target", "CHN", "--since", "2024-04", "--until", "2024-04")
    assert filtered and all(r["source"]["country"] == "USA" and r["date"].startswith("2024-04") for r in filtered)


@needs_seed
def test_reingest_adds_nothing(seed_run: dict[str, Any]) -> None:
    db = seed_run["db"]
    before = events(db, "--all")
    res = run("ingest", str(seed_run["page"]), "--db", str(db), "--format", "json")
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert summary["stored"] == 0 and summary["skipped"] == 1 and summary["events"] == 0
    assert [r["id"] for r in events(db, "--all")] == [r["id"] for r in before]
    # The same content under another name is recognised too (content hash, not path).
    twin = seed_run["page"].with_name("seed-copy.txt")
    shutil.copy(seed_run["page"], twin)
    res = run("ingest", str(twin), "--db", str(db), "--format", "json")
    assert json.loads(res.stdout)["skipped"] == 1
    assert len(events(db, "--all")) == len(before)
    statuses = {Path(r["path"]).name: r["status"] for r in as_json(run("documents", "--db", str(db), "--format", "json"))}
    assert statuses["seed-copy.txt"] == "skipped"


@needs_seed
def test_extract_drops_the_seed_boilerplate() -> None:
    rows = as_json(run("extract", str(SEED), "--format", "json"))
    assert len(rows) == 1
    r = rows[0]
    assert {"path", "url", "title", "published", "text"} <= set(r)
    title = "US and Chinese Defense Ministers met for the first time in nearly 18 months"
    assert r["title"] == title
    assert r["published"] == "2024-07-20"
    text = r["text"]
    for chrome in ("Related Post", "Leave a Reply", "Your email address", "Required fields", "Sat. Jul 20th", title):
        assert chrome not in text, chrome
    assert text.startswith("On April 16, the Pentagon announced")
    assert text.rstrip().endswith("Maritime Military Consultation Agreement meeting earlier this month.")
    assert "Dong Quan" in text and "`Taiwan is a core issue" in text


# -- parley's own pages ----------------------------------------------------------------------
def extract_one(path: Path) -> dict[str, Any]:
    rows = as_json(run("extract", str(path), "--format", "json"))
    assert len(rows) == 1
    return rows[0]


HTML_PAGES = {
    "eu_russia_sanctions.html": {
        "title": "EU adopts 13th sanctions package against Russia",
        "published": "2024-02-23",
        "first": "The European Union on Friday adopted a 13th package of sanctions against Russia",
        "last": "the bloc has adopted a dozen packages of measures since then.",
        "absent": ["Share on Facebook", "Related stories", "All rights reserved", "dataLayer", "Subscribe",
                   "Cookie settings", "EU agrees 50 billion euro Ukraine facility", "comments.js"],
    },
    "iran_israel_drone_attack.html": {
        "title": "Iran launches hundreds of drones and missiles at Israel",
        "published": "2024-04-14",
        "first": None,
        "last": "Mohsen Fakhrizadeh, near Tehran.",
        "absent": ["BREAKING", "Markets open lower", "Most read", "Oil prices jump", "WhatsApp", "Terms", "refresh: 30", "Log in"],
    },
    "deu_ukr_security_pact.html": {
        "title": "Germany and Ukraine sign ten-year security pact",
        "published": "2024-02-16",
        "first": "Ukrainian President Volodymyr Zelensky met German Chancellor Olaf Scholz in Berlin on Friday",
        "last": "together with the United States.",
        "absent": ["Accept all cookies", "Share on LinkedIn", "Get the Europe briefing", "More on Ukraine",
                   "Imprint", "console.log", "paywall", "How Ukraine's air defence works"],
    },
    "usa_ner_troop_withdrawal.html": {
        "title": "US agrees to pull troops out of Niger after junta demand",
        "published": "2024-04-20",
        "first": "The United States agreed on Friday to withdraw its roughly 1,000 troops from Niger",
        "last": "following the July 2023 coup.",
        "absent": ["Donate", "Share this article", "Comments (14)", "Log in to comment", "Advertise", "analytics.js"],
    },
}


@pytest.mark.parametrize("name", sorted(HTML_PAGES))
def test_extract_clean_html_pages(name: str) -> None:
    want = HTML_PAGES[name]
    r = extract_one(GOLD / name)
    assert r["title"] == want["title"]
    assert r["published"] == want["published"]
    text = r["text"]
    if want["first"]:
        assert text.startswith(want["first"]), text[:200]
    assert text.rstrip().endswith(want["last"]), text[-200:]
    for chrome in want["absent"]:
        assert chrome not in text, chrome
    assert "<" not in text and "{" not in text  # no markup, no script or JSON left


def test_extract_scraped_page_with_url_header() -> None:
    r = extract_one(GOLD / "ind_chn_border_talks.txt")
    assert r["url"] == "https://news.example.org/asia/india-china-corps-commander-talks-21st-round"
    assert r["title"] == "India, China hold 21st round of military talks on Ladakh border standoff"
    assert r["published"] == "2024-02-21"
    text = r["text"]
    assert text.startswith("NEW DELHI: Indian and Chinese military commanders")
    for chrome in ("URL:", "09:12 IST", "Read more:", "Tags:", "Share on WhatsApp", "Follow us on Google News",
                   "standoff 2"):
        assert chrome not in text, chrome
    assert text.rstrip().endswith("Foreign Minister S. Jaishankar has repeatedly said.")


def test_extract_scraped_page_drops_share_widget_lines() -> None:
    r = extract_one(GOLD / "usa_irn_prisoner_exchange.txt")
    paras = r["text"].split("\n\n")
    for chrome in ("Share this:", "Tweet", "Like this:", "Loading...", "Related"):
        assert chrome not in paras, chrome
    assert paras[-1].startswith("In January 2020, a US drone strike in Baghdad")
    caption = next(p for p in r["paragraphs"] if r["text"][p["start"] : p["end"]].startswith("Caption:"))
    assert caption["kind"] == "caption"


@pytest.fixture(scope="module")
def own_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("own") / "own.db"
    pages = [GOLD / "deu_ukr_security_pact.html", GOLD / "usa_ner_troop_withdrawal.html",
             GOLD / "eu_russia_sanctions.html", GOLD / "jpn_kor_phone_call.txt", GOLD / "README.md"]
    res = run("ingest", *map(str, pages), "--db", str(db), "--format", "json")
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert summary["stored"] == 4 and summary["skipped"] == 1, summary
    return db


def test_own_pages_main_events(own_db: Path) -> None:
    rows = events(own_db)
    def has(type_: str, a: str, b: str, day: str, symmetric: bool = False) -> bool:
        return any(
            r["type"] == type_ and r["date"] == day
            and ((r["source"]["country"], r["target"]["country"]) == (a, b)
                 or (symmetric and (r["source"]["country"], r["target"]["country"]) == (b, a)))
            for r in rows
        )
    assert has("CONSULT", "UKR", "DEU", "2024-02-16", symmetric=True)  # met in Berlin "on Friday" (HTML meta date)
    assert has("CONSULT", "USA", "NER", "2024-04-19", symmetric=True)  # "on Friday" relative to Sat 2024-04-20
    assert has("CONSULT", "JPN", "KOR", "2024-02-20", symmetric=True)  # "on Tuesday" relative to Thu 2024-02-22
    consult = next(r for r in rows if r["type"] == "CONSULT" and r["date"] == "2024-02-20")
    assert consult["mode"] == "phone"
    assert has("REQUEST", "KOR", "JPN", "2024-02-20")  # "Minister Jo Tae-yul called on Japan"
    assert has("ACCUSE", "RUS", "EUR", "2024-02-23")


def test_own_pages_negated_and_planned_not_asserted(own_db: Path) -> None:
    asserted = events(own_db)
    traps = ("Campbell did not meet", "did not discuss the disputed islets", "will visit Seoul next month",
             "will travel to Niamey", "will address the Munich Security Conference", "could impose further sanctions")
    for r in asserted:
        for trap in traps:
            assert trap not in r["evidence"]["text"], (trap, r["type"])
    everything = events(own_db, "--all")
    for trap, modality in (("did not discuss the disputed islets", "negated"), ("could impose further sanctions", "hypothetical")):
        kept = [r for r in everything if trap in r["evidence"]["text"]]
        assert kept and any(r["modality"] == modality for r in kept), (trap, kept)  # kept, marked
        assert all(r["modality"] != "asserted" for r in kept)


def test_own_pages_negated_meeting_kept_marked(own_db: Path) -> None:
    kept = [r for r in events(own_db, "--all") if "Campbell did not meet" in r["evidence"]["text"]]
    assert kept and all(r["modality"] == "negated" for r in kept)


def test_own_pages_future_video_call_not_asserted(own_db: Path) -> None:
    assert not [r for r in events(own_db) if "will hold a video call" in r["evidence"]["text"]]


def test_own_pages_background_is_historical(own_db: Path) -> None:
    rows = events(own_db)
    hist = {(r["type"], (r["date"] or "")[:7]) for r in rows if r["historical"]}
    assert ("CONSULT", "2023-03") in hist  # Yoon visited Tokyo in March 2023
    assert ("RETREAT", "2023-12") in hist  # France withdrew from Niger in December 2023
    assert not [r for r in rows if r["historical"] and r["date"] in ("2024-02-16", "2024-02-20", "2024-04-19")]
