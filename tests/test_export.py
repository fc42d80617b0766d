"""Exports load back in the tools analysts use: Parquet (pyarrow, DuckDB), CSV, JSONL, PLOVER, GDELT."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from parley.ask.queries import events as ask_events
from parley.errors import InputError, QueryError, StoreError
from parley.ask.export import FLAT_COLUMNS, GDELT_COLUMNS, export
from test_web import build_db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def expected(db: Path) -> list[dict]:
    return ask_events(str(db))


def test_parquet_loads_in_pyarrow_and_duckdb(db: Path, tmp_path: Path, expected: list[dict]) -> None:
    import duckdb
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    assert export(db, out, "parquet") == len(expected) > 0
    table = pq.read_table(out)
    assert table.column_names == list(FLAT_COLUMNS)
    assert table.num_rows == len(expected)
    assert str(table.schema.field("historical").type) == "bool" and str(table.schema.field("goldstein").type) == "double"
    rows = table.to_pylist()
    assert sorted(r["id"] for r in rows) == sorted(e["id"] for e in expected)
    consult = duckdb.connect().execute(f"select count(*) from read_parquet('{out}') where type = 'CONSULT' and source_country = 'USA'").fetchall()[0][0]
    assert consult == sum(1 for e in expected if e["type"] == "CONSULT" and e["source"]["country"] == "USA")


def test_csv_flat_table(db: Path, tmp_path: Path, expected: list[dict]) -> None:
    out = tmp_path / "events.csv"
    export(db, out, "csv")
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0].keys()) == list(FLAT_COLUMNS)
    by_id = {e["id"]: e for e in expected}
    assert set(r["id"] for r in rows) == set(by_id)
    for r in rows:
        e = by_id[r["id"]]
        assert r["evidence_text"] == e["evidence"]["text"]  # markup in page text survives as text
        assert r["source_country"] == (e["source"]["country"] or "")
        assert r["date"] == (e["date"] or "")


def test_jsonl_matches_events_json(db: Path, tmp_path: Path, expected: list[dict]) -> None:
    out = tmp_path / "events.jsonl"
    export(db, out, "jsonl")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == json.loads(json.dumps(expected))


def test_plover_records_load_with_the_plover_reader(db: Path, tmp_path: Path, expected: list[dict]) -> None:
    from parley.quality.evaluate import load_plover_records

    out = tmp_path / "events.jsonl"
    export(db, out, "plover")
    records = load_plover_records(out)
    assert len(records) == len(expected)
    for r in records:
        assert r["event"] in {e["type"] for e in expected}
        assert isinstance(r["source"], list) and r["source"][0]["code"]
        assert r["event_text"] and r["cite_info"]["language"] == "en"
        assert r["date"] is None or len(r["date"]) == 10


def test_gdelt_shape(db: Path, tmp_path: Path, expected: list[dict]) -> None:
    out = tmp_path / "events.tsv"
    export(db, out, "gdelt")
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == len(expected)
    assert all(len(r) == 61 for r in rows)
    named = [dict(zip(GDELT_COLUMNS, r)) for r in rows]
    video = next(r for r in named if r["SQLDATE"] == "20240416" and r["EventRootCode"] == "04")
    assert video["EventCode"] == "041" and video["QuadClass"] == "1"  # the trigger's code: discuss by telephone
    assert video["Actor1CountryCode"] == "USA" and video["Actor2CountryCode"] == "CHN"
    assert video["Actor1Code"].startswith("USA") and video["MonthYear"] == "202404" and video["Year"] == "2024"
    assert video["SOURCEURL"] == "https://wire.example.com/asia/2024/04/16/defense-chiefs-call"
    assert float(video["GoldsteinScale"]) == next(e["goldstein"] for e in expected if e["type"] == "CONSULT")
    assert all(r["GLOBALEVENTID"].isdigit() for r in named)
    # Hostile markup stays one field: no tab or newline from page text breaks the columns.
    export(db, out, "gdelt", header=True)
    with open(out, newline="", encoding="utf-8") as f:
        head = next(csv.reader(f, delimiter="\t"))
    assert tuple(head) == GDELT_COLUMNS


def test_export_errors_are_clear_and_leave_nothing(db: Path, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="format"):
        export(db, tmp_path / "x.xls", "xls")
    with pytest.raises(InputError, match="does not exist"):
        export(db, tmp_path / "no" / "x.csv", "csv")
    with pytest.raises(StoreError, match="no such database"):
        export(tmp_path / "missing.db", tmp_path / "x.csv", "csv")
    assert not list(tmp_path.glob(".*tmp")) and not (tmp_path / "x.csv").exists()


def test_export_cli(db: Path, tmp_path: Path, expected: list[dict]) -> None:
    from click.testing import CliRunner

    from parley.cli import main

    out = tmp_path / "e.csv"
    r = CliRunner().invoke(main, ["export", "--format", "csv", str(out), "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert f"{len(expected)} asserted events" in r.output
    r = CliRunner().invoke(main, ["export", "--format", "csv", str(out), "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 2 and "no such database" in r.output
