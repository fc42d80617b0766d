"""Exports match the standards they name: PLOVER records with the PLOVER manual's fields (JSONL),
GDELT's 61 columns loadable with GDELT's types, flat tables with real types. Hand-built DBs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import hand_db
from parley.cli import main
from parley.ask.export import GDELT_COLUMNS, GDELT_FLOAT, GDELT_INTEGER, export

# The PLOVER manual's event record ("JSON Data Fields" chapter): field names and their kinds.
# Providers may add their own fields; parley's are prefixed parley_.
_ACTOR = {"type": "object", "properties": {
    "code": {"type": "string"}, "sector": {"type": "string"}, "actor_text": {"type": "string"},
    "identifier_id": {"type": "string"}, "identifier_text": {"type": "string"}, "office": {"type": "string"},
}, "additionalProperties": False}
_DAY = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
PLOVER_SCHEMA = {
    "type": "object",
    "required": ["id", "date", "source", "event"],
    "properties": {
        "id": {"type": "string"}, "has_event": {"type": "boolean"}, "date": _DAY, "time": {"type": "string"},
        "enddate": _DAY, "endtime": {"type": "string"},
        "source": {"type": "array", "items": _ACTOR}, "recipient": {"type": "array", "items": _ACTOR},
        "event": {"type": "array", "items": {"enum": ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                                                      "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]}, "minItems": 1},
        "event_loc": {"type": "object", "properties": {"name": {"type": "string"}, "cc3": {"type": "string"}, "latitude": {"type": "number"}, "longitude": {"type": "number"}}},
        "event_text": {"type": "array", "items": {"type": "string"}}, "quad_code": {"enum": [1, 2, 3, 4]}, "event_scale": {"type": "number"},
        "mode": {"type": "array", "items": {"type": "string"}}, "context": {"type": "array", "items": {"type": "string"}},
        "link": {"type": "string"}, "text": {"type": "string"},
        "text_info": {"type": "object", "properties": {"sequence": {}, "start": {"type": "integer"}, "end": {"type": "integer"}}, "additionalProperties": False},
        "cite_info": {"type": "object", "properties": {k: {"type": "string"} for k in ("corpus", "citation", "url", "title", "language", "publication", "license", "copyright", "coder", "codebook", "version")}, "additionalProperties": False},
        "coder": {"type": "string"}, "coded_date": _DAY, "coded_time": {"type": "string"}, "comment": {"type": "string"},
    },
    "patternProperties": {"^parley_": {}},
    "additionalProperties": False,
}

EVENTS = [
    {"id": "e000000000000a1", "type": "CONSULT", "date": "2024-04-16", "coder": "rule:CONSULT:call/noun:parse", "mode": "phone",
     "source_text": "Lloyd Austin", "source_name": "Lloyd Austin", "source_sector": "GOV", "target_text": "Dong Jun", "target_name": "Dong Jun",
     "location": "Washington", "location_country": "USA", "evidence": "Austin spoke with Dong Jun by phone."},
    {"id": "e000000000000a2", "type": "REQUEST", "date": "2022", "date_precision": "year", "coder": "rule:REQUEST:call/verb:parse",
     "location": "Georgia", "location_country": "GEO", "evidence": "Washington called for respect of navigation rights."},
    {"id": "e000000000000a3", "type": "REQUEST", "date": "2023-11", "date_precision": "month", "coder": "rule:REQUEST:demand/verb:parse",
     "location": "Washington", "location_country": "USA", "evidence": "Washington demanded that Beijing release the crew.",
     "source_country": "USA", "target_country": "IRN"},
    {"id": "e000000000000a4", "type": "RETREAT", "date": "2024-04-19", "coder": "rule:RETREAT:hand/verb:parse",
     "location": "Texas", "location_country": "USA", "evidence": "China handed back the seized boat in Texas.", "modality": "planned"},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hand_db(tmp_path_factory.mktemp("std") / "std.db", EVENTS)


def test_plover_export_is_jsonl_with_the_manuals_fields(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert export(db, out, "plover") == 3
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3
    for r in records:
        jsonschema.validate(r, PLOVER_SCHEMA)
    call = next(r for r in records if r["event"] == ["CONSULT"])
    assert call["recipient"][0]["code"] == "CHN" and call["source"][0]["actor_text"] == "Lloyd Austin"
    assert call["event_text"] == ["Austin spoke with Dong Jun by phone."] and call["mode"] == ["phone"] and call["quad_code"] == 1
    assert call["event_loc"]["cc3"] == "USA" and 38 < call["event_loc"]["latitude"] < 39.5
    year = next(r for r in records if r["id"].endswith("a2"))
    assert (year["date"], year["enddate"], year["parley_date_precision"]) == ("2022-01-01", "2022-12-31", "year")


def _gdelt(db: Path, tmp_path: Path, *flags: str) -> list[dict[str, str]]:
    out = tmp_path / "events.tsv"
    export(db, out, "gdelt", include_all="--all" in flags)
    with open(out, newline="", encoding="utf-8") as f:
        return [dict(zip(GDELT_COLUMNS, r)) for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


def test_gdelt_export_loads_with_gdelt_types(db: Path, tmp_path: Path) -> None:
    import pandas as pd

    out = tmp_path / "events.tsv"
    export(db, out, "gdelt", include_all=True)
    dtypes = {c: ("Int64" if c in GDELT_INTEGER else "float64" if c in GDELT_FLOAT else "string") for c in GDELT_COLUMNS}
    frame = pd.read_csv(out, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=dtypes, quoting=csv.QUOTE_NONE)
    assert len(frame) == 4 and frame["EventRootCode"].str.len().eq(2).all()


def test_gdelt_places_have_no_zero_coordinates_and_georgia_is_the_country(db: Path, tmp_path: Path) -> None:
    rows = _gdelt(db, tmp_path, "--all")
    for r in rows:
        assert (r["ActionGeo_Lat"], r["ActionGeo_Long"]) != ("0", "0")
        assert not r["ActionGeo_Lat"] or float(r["ActionGeo_Lat"]) != 0.0
    texas = next(r for r in rows if r["ActionGeo_FullName"] == "Texas")
    assert (texas["ActionGeo_Type"], texas["ActionGeo_ADM1Code"], texas["ActionGeo_Lat"]) == ("2", "USTX", "")
    georgia = next(r for r in rows if r["ActionGeo_FullName"] == "Georgia")
    assert (georgia["ActionGeo_Type"], georgia["ActionGeo_CountryCode"]) == ("1", "GG")
    washington = next(r for r in rows if r["ActionGeo_FullName"] == "Washington")
    assert washington["ActionGeo_Type"] == "3" and washington["ActionGeo_Lat"]


def test_gdelt_event_code_is_the_triggers_and_goldstein_follows_it(db: Path, tmp_path: Path) -> None:
    rows = {r["SQLDATE"]: r for r in _gdelt(db, tmp_path, "--all")}
    phone, appeal, demand, handback = rows["20240416"], rows["20220000"], rows["20231100"], rows["20240419"]
    assert (phone["EventCode"], phone["EventBaseCode"], phone["EventRootCode"]) == ("041", "041", "04")
    assert (handback["EventCode"], handback["EventBaseCode"]) == ("0841", "084")
    assert appeal["EventRootCode"] == "02" and float(appeal["GoldsteinScale"]) > 0 and appeal["QuadClass"] == "1"
    assert demand["EventRootCode"] == "10" and float(demand["GoldsteinScale"]) < 0 and demand["QuadClass"] == "3"


def test_gdelt_partial_dates_keep_their_precision(db: Path, tmp_path: Path) -> None:
    rows = {r["GLOBALEVENTID"]: r for r in _gdelt(db, tmp_path, "--all")}
    year = rows[str(int("000000000000a2", 16))]
    month = rows[str(int("000000000000a3", 16))]
    assert (year["SQLDATE"], year["MonthYear"], year["Year"]) == ("20220000", "202200", "2022")
    assert (month["SQLDATE"], month["MonthYear"]) == ("20231100", "202311")
    assert 2022.4 < float(year["FractionDate"]) < 2022.6  # the middle of the year, not January 1


def test_gdelt_sourceurl_is_empty_without_a_web_address(db: Path, tmp_path: Path) -> None:
    assert all(r["SOURCEURL"] == "" for r in _gdelt(db, tmp_path))


def test_parquet_has_real_dates_event_ids_and_location_country(db: Path, tmp_path: Path) -> None:
    import duckdb

    out = tmp_path / "events.parquet"
    export(db, out, "parquet")
    types = dict(duckdb.sql(f"select column_name, column_type from (describe select * from '{out}')").fetchall())
    assert types["date_first"] == "DATE" and types["date_last"] == "DATE"
    rows = duckdb.sql(f"select id, event_id, location_country from '{out}' order by id").fetchall()
    assert all(event_id == id_ for id_, event_id, _ in rows)
    assert ("e000000000000a3", "e000000000000a3", "USA") in rows
    months = dict(duckdb.sql(f"select id, date_month from '{out}'").fetchall())
    assert months["e000000000000a1"] == "2024-04" and months["e000000000000a3"] == "2023-11"
    assert months["e000000000000a2"] is None  # "2022" belongs to no month


def test_csv_keeps_codes_as_text_for_duckdb(db: Path, tmp_path: Path) -> None:
    import duckdb

    out = tmp_path / "events.csv"
    export(db, out, "csv")
    types = dict(duckdb.sql(f"select column_name, column_type from (describe select * from read_csv('{out}'))").fetchall())
    assert types["cameo_root"] == "VARCHAR" and types["date_first"] == "DATE" and types["historical"] == "BOOLEAN"
    roots = {r[0] for r in duckdb.sql(f"select cameo_root from read_csv('{out}')").fetchall()}
    assert "04" in roots and "02" in roots


def test_export_takes_the_event_filters_and_writes_to_stdout(db: Path) -> None:
    r = CliRunner().invoke(main, ["export", "--format", "jsonl", "-", "--db", str(db), "--country", "IRN"])
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    assert [e["id"] for e in lines] == ["e000000000000a3"]
    assert not Path("-").exists()
    r = CliRunner().invoke(main, ["export", "--format", "csv", "-", "--db", str(db), "--all", "--type", "RETREAT"])
    assert r.exit_code == 0 and r.stdout.count("\n") == 2 and '"RETREAT"' in r.stdout
