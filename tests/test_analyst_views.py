"""What an analyst sees is right: one filter vocabulary across CLI, HTTP and Python; one default
set counted the same everywhere; questions as of the data, not of today; dates at their own
precision; clear command-line answers. Hand-built databases (tests/conftest.py: hand_db)."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import parley
from conftest import WebClient, hand_db
from parley.cli import main

EVENTS = [
    {"id": "e0000000000000b1", "type": "CONSULT", "date": "2022", "date_precision": "year", "source_name": "Lloyd Austin",
     "source_person_id": "lloyd-austin", "source_text": "Austin", "source_role": "Secretary of Defense", "source_office": "defense_minister",
     "target_name": "Wei Fenghe", "target_text": "Wei Fenghe", "target_role": "Minister of National Defense", "target_office": "defense_minister",
     "target_person_id": "wei-fenghe", "evidence": "Austin met Wei Fenghe in 2022 in Cambodia."},
    {"id": "e0000000000000b2", "type": "CONSULT", "date": "2024-04-16", "source_name": "Lloyd Austin", "source_person_id": "lloyd-austin",
     "source_text": "Secretary Austin", "source_role": "Secretary of Defense", "source_office": "defense_minister",
     "target_name": "Dong Jun", "target_text": "Dong Jun", "target_person_id": "dong-jun", "target_role": "Minister of National Defense",
     "target_office": "defense_minister", "evidence": "Austin held a video call with Dong Jun."},
    {"id": "e0000000000000b3", "type": "THREATEN", "date": "2024-04-20", "source_country": "IRN", "target_country": "ISR",
     "source_text": "Tehran", "target_text": "Israel", "source_resolution": "metonymy:capital", "target_resolution": "country-term",
     "evidence": "Tehran warned Israel of a harsh response."},
    {"id": "e0000000000000b4", "type": "CONSULT", "date": "2024-04-25", "modality": "planned", "source_country": "USA", "target_country": "IRN",
     "evidence": "US envoys will meet Iranian officials in Oman."},
    {"id": "e0000000000000b5", "type": "ASSAULT", "date": "2024-04-21", "source_country": "ISR", "target_country": "IRN", "historical": 0,
     "source_text": "Israeli jets", "target_text": "an air base near Isfahan", "confidence": 0.4, "evidence": "Israeli jets struck an air base near Isfahan."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hand_db(tmp_path_factory.mktemp("views") / "views.db", EVENTS, news_date="2024-05-02")


Client = WebClient


@pytest.fixture(scope="module")
def client(db: Path) -> Any:
    c = Client(db)
    yield c
    c.loop.close()


def _cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def _cli_ids(db: Path, *args: str) -> list[str]:
    r = _cli("events", "--db", str(db), "--format", "json", *args)
    assert r.exit_code == 0, r.output
    return sorted(e["id"] for e in json.loads(r.output))


def _web_ids(client: Client, query: str) -> list[str]:
    r = client.get("/api/events?size=500&" + query)
    assert r.status_code == 200, r.text
    return sorted(e["id"] for e in r.json()["events"])


# -- one filter ----------------------------------------------------------------------------------

@pytest.mark.parametrize("cli,web", [
    (["--text", "Dong"], "q=Dong"),                     # names and evidence, on both sides
    (["--text", "Lloyd"], "q=Lloyd"),                   # only in a name, never in the evidence
    (["--text", "video"], "q=video"),
    (["--country", "IRN"], "country=IRN"),               # either side
    (["--actor", "Austin"], "actor=Austin"),
    (["--quad-class", "4"], "quad_class=4"),
    (["--min-confidence", "0.5"], "confidence=0.5"),
    (["--country", "IRN", "--all"], "country=IRN&all=1"),
    (["--historical"], "historical=1"),
    (["--precision", "day,month"], "precision=day,month"),  # the year-dated meeting is left out
])
def test_cli_and_web_return_the_same_rows(db: Path, client: Client, cli: list[str], web: str) -> None:
    assert _cli_ids(db, *cli) == _web_ids(client, web)
    assert sorted(e["id"] for e in parley.events(str(db), **_python(cli))) == _cli_ids(db, *cli)


def _python(cli: list[str]) -> dict[str, Any]:
    names = {"--text": "text", "--country": "country", "--actor": "actor", "--quad-class": "quad_class", "--min-confidence": "confidence",
             "--precision": "precision"}
    out: dict[str, Any] = {}
    it = iter(cli)
    for flag in it:
        if flag == "--all":
            out["include_all"] = True
        elif flag == "--historical":
            out["historical"] = True
        else:
            out[names[flag]] = next(it)
    return out


def test_country_filter_is_either_side(db: Path) -> None:
    assert _cli_ids(db, "--country", "IRN") == ["e0000000000000b3", "e0000000000000b5"]  # IRN as source, as target
    assert "e0000000000000b4" in _cli_ids(db, "--country", "IRN", "--all")  # IRN as target, planned


def test_unknown_api_parameter_is_a_400_in_the_error_shape(client: Client) -> None:
    r = client.get("/api/events?targt=CHN")
    assert r.status_code == 400
    body = r.json()
    assert body["ok"] is False and body["status"] == 400 and "targt" in body["error"] and body["title"] == "Bad request"
    assert client.get("/api/trend?a=USA&b=CHN&bye=month").status_code == 400
    assert client.get("/api/events?country=IRN&q=jets").status_code == 200


# -- counts of one default set -------------------------------------------------------------------

def test_home_list_and_export_count_the_same_default_set(db: Path, client: Client) -> None:
    asserted = len(_cli_ids(db))
    assert asserted == 4  # the planned meeting is not in the default set
    home = client.get("/").text
    assert f"{asserted} events</a> (asserted" in home and "5 with negated, planned" in home
    assert client.get("/api/events").json()["total"] == asserted
    r = _cli("export", "--format", "jsonl", "-", "--db", str(db))
    assert r.exit_code == 0 and f"{asserted} asserted events" in r.output


def test_ingest_reports_the_events_in_the_database(tmp_path: Path) -> None:
    page = tmp_path / "call.txt"
    page.write_text("April 17, 2024\n\nUS and Chinese defense chiefs talk\n\nWASHINGTON - US Secretary of Defense Lloyd Austin held a "
                    "video call with Chinese Defense Minister Dong Jun on Tuesday, April 16, the Pentagon said.\n", encoding="utf-8")
    dbfile = tmp_path / "i.db"
    r = _cli("ingest", str(page), "--db", str(dbfile))
    assert r.exit_code == 0, r.output
    n = len(_cli_ids(dbfile))
    assert f"; {n} asserted events in {dbfile}" in r.output


# -- dates at their precision ----------------------------------------------------------------------

def test_year_only_dates_are_not_january_first(db: Path, client: Client) -> None:
    home = client.get("/").text
    assert "2022-01-01" not in home and "<td>2022</td>" in home
    actors = client.get("/actors").text
    assert "2022-01-01" not in actors
    rows = parley.actors(str(db))
    austin = next(r for r in rows if r["actor"] == "Lloyd Austin")
    assert austin["first_seen"] == "2022"


def test_actors_one_row_per_person_and_no_places(db: Path, client: Client) -> None:
    rows = parley.actors(str(db))
    assert [r["actor"] for r in rows].count("Lloyd Austin") == 1  # "Austin" and "Secretary Austin" are one person
    assert next(r for r in rows if r["actor"] == "Lloyd Austin")["events"] == 2
    assert not any(r["actor"] in ("Tehran", "Israel") for r in rows)  # a capital for its state, a bare state
    html = client.get("/actors").text
    assert 'href="/events?actor=Lloyd%20Austin&amp;country=USA"' in html


def test_the_actors_directory_is_paged(db: Path, client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large database names thousands of actors: the page shows ACTORS_PAGE_SIZE of them, with
    links to the others (the country filter kept), and a bad page number is one clear error."""
    from parley.web import app as web_app

    total = len(parley.actors(str(db), country="CHN"))
    assert total >= 2
    monkeypatch.setattr(web_app, "ACTORS_PAGE_SIZE", 1)
    first = client.get("/actors?country=CHN").text
    assert f"{total} actors, page 1 of {total}" in first and first.count('class="actor-link"') == 1
    assert 'href="/actors?country=CHN&amp;page=2"' in first and 'rel="prev"' not in first
    last = client.get(f"/actors?country=CHN&page={total}").text
    assert last.count('class="actor-link"') == 1 and 'rel="next"' not in last
    bad = client.get("/actors?page=zero")
    assert bad.status_code == 400 and "is not a whole number" in bad.text


# -- questions as of the data ----------------------------------------------------------------------

def test_questions_answer_as_of_the_newest_news_date(db: Path) -> None:
    result = parley.last_contact(str(db), "USA", "CHN")
    assert result is not None and result["reference"] == {"date": "2024-05-02", "source": "newest news date in the database"}
    assert result["gap_days"] == 16  # 2024-04-16 to 2024-05-02, not to the day the test runs
    r = _cli("last-contact", "USA", "CHN", "--db", str(db))
    assert "as of 2024-05-02 (newest news date in the database" in r.output
    rows = parley.channels(str(db), "USA", "CHN")
    defense = next(c for c in rows if c["channel"] == "defense_ministers")
    assert defense["status"] == "open" and defense["silent_days"] == 16 and defense["as_of"] == "2024-05-02"
    assert parley.channels(str(db), "USA", "CHN", as_of="2026-01-01")[2]["status"] == "frozen"  # --as-of still overrides


def test_frozen_after_days_setting_reaches_channels(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def defense_status() -> str:
        r = _cli("channels", "USA", "CHN", "--db", str(db), "--format", "json", "--as-of", "2024-05-02")
        return next(c for c in json.loads(r.output) if c["channel"] == "defense_ministers")["status"]

    assert defense_status() == "open"  # 16 days of silence, threshold 365 by default
    monkeypatch.setenv("PARLEY_FROZEN_AFTER_DAYS", "10")
    assert defense_status() == "frozen"
    r = _cli("channels", "USA", "CHN", "--db", str(db), "--format", "json")
    defense = next(c for c in json.loads(r.output) if c["channel"] == "defense_ministers")
    assert defense["status"] == "frozen"


def test_python_timeline_and_trend_take_since_until_and_type(db: Path) -> None:
    assert [r["period"] for r in parley.timeline(str(db), "USA", "CHN", since="2024")] == ["2024-04"]
    assert parley.trend(str(db), "USA", "CHN", type="THREATEN") == []
    frame = parley.events_frame(str(db), country="IRN")
    assert list(frame["id"]) == ["e0000000000000b3", "e0000000000000b5"]
    assert str(frame["date_first"].dtype).startswith("datetime64") and str(frame["cameo_root"].dtype) == "string"


# -- the command line ----------------------------------------------------------------------------

def test_people_who_takes_a_year_or_month_and_names_a_bad_office() -> None:
    r = _cli("people", "who", "CHN", "defense_minister", "2023")
    assert r.exit_code == 0 and "Traceback" not in r.output
    assert "Li Shangfu" in r.output and "Dong Jun" in r.output  # everyone who held it that year
    assert _cli("people", "who", "CHN", "defense_minister", "2022-11").exit_code == 0
    r = _cli("people", "who", "CHN", "defence_chief", "2022")
    assert r.exit_code == 1 and "defence_chief" in r.output and "people offices" in r.output
    assert "defense_minister" in _cli("people", "offices").output.split()


def test_settings_show_full_help_and_plain_values() -> None:
    r = _cli("settings")
    assert r.exit_code == 0
    assert "('" not in r.output  # tuples as one types them: en,fr
    from parley.settings import SETTINGS

    longest = max(SETTINGS, key=lambda s: len(s.help))
    assert longest.help in r.output


def test_events_table_has_an_id_column(db: Path) -> None:
    r = _cli("events", "--db", str(db))
    assert r.output.split()[0] == "id" and "e0000000000000b2" in r.output


def test_every_command_takes_the_one_db_option() -> None:
    for name in ("events", "export", "documents", "actors", "serve", "last-contact", "timeline", "channels", "trend", "ingest"):
        opts = [p for p in main.commands[name].params if p.name == "db"]
        assert len(opts) == 1 and opts[0].opts == ["--db"] and opts[0].default == "parley.db", name


def test_cli_has_no_import_cycle() -> None:
    import subprocess
    import sys

    import parley.cli.questions as q
    import parley.cli.web as w

    # the command modules take shared options from cli.options, never from the package that
    # imports them (which was a cycle: cli -> questions -> cli)
    for module in (q, w):
        source = open(module.__file__, encoding="utf-8").read()
        assert "from . import" not in source and "from ..cli import" not in source and "parley.cli import" not in source
    options = open(sys.modules["parley.cli.options"].__file__, encoding="utf-8").read()
    assert "from . import" not in options and "from .questions" not in options and "from .web" not in options
    code = "import parley.cli.options, parley.cli.questions, parley.cli.web; import parley.cli"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


# -- parley serve ----------------------------------------------------------------------------------

def test_not_found_pages_have_no_traceback(client: Client, capsys: pytest.CaptureFixture[str]) -> None:
    for path in ("/event/nope", "/api/events/nope", "/no-such-page"):
        assert client.get(path).status_code == 404
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err


def test_serve_refuses_a_busy_port_before_announcing(db: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = _cli("serve", "--db", str(db), "--port", str(port))
    assert r.exit_code != 0 and "serving" not in r.output and f"127.0.0.1:{port}" in r.output


def test_serve_writes_an_access_log() -> None:
    from parley.web.app import log_config

    assert log_config()["loggers"]["uvicorn.access"]["level"] == "INFO"


def test_json_output_is_format_json_everywhere_with_old_names_hidden() -> None:
    import click

    for name, command in main.commands.items():
        cmds = command.commands.values() if isinstance(command, click.Group) else [command]
        for cmd in cmds:
            opts = {o for p in cmd.params for o in getattr(p, "opts", [])}
            json_flag = next((p for p in cmd.params if "--json" in getattr(p, "opts", [])), None)
            if json_flag is not None:
                assert json_flag.hidden and "--format" in opts, f"{name}: --json is an old alias of --format json"
    r = _cli("eval", "--help")
    assert "--format" in r.output and "--json" not in r.output


def test_a_month_bar_lists_exactly_the_events_it_counts(tmp_path: Path) -> None:
    """A year-dated event overlaps every month of its year, but no month bar counts it (it is
    listed apart as 'dated only coarser'): the bar's link must not list it either."""
    import sqlite3

    from parley.ask.filters import EventFilter
    from parley.web.data import month_series

    events = [
        {"id": "e00000000000c001", "type": "CONSULT", "date": "2024-04-16", "source_country": "USA", "target_country": "CHN",
         "evidence": "The US envoy met Chinese officials in Beijing."},
        {"id": "e00000000000c002", "type": "ACCUSE", "date": "2024", "date_precision": "year", "source_country": "USA", "target_country": "CHN",
         "evidence": "Washington accused Beijing of hacking during 2024."},
    ]
    path = hand_db(tmp_path / "bars.db", events)
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    series = month_series(conn, EventFilter(country="USA"))
    april = next(p for p in series["points"] if p["month"] == "2024-04")
    assert april["count"] == 1 and series["coarse"] == 1
    c = WebClient(path)
    try:
        listed = _web_ids(c, april["href"].split("?", 1)[1])
    finally:
        c.loop.close()
    assert listed == ["e00000000000c001"]
    with pytest.raises(parley.QueryError, match="precision"):
        EventFilter.from_params({"precision": "week"})
