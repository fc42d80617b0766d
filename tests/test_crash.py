"""Crash safety: `kill -9` in the middle of `parley ingest`, then the same command again, yields
the database a clean run yields; readers (`parley events`) work while an ingest writes.

Compares documents, mentions, events and ingest_status row by row, ignoring only timestamps.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
PARLEY = str(REPO / ".venv" / "bin" / "parley")
TIMESTAMPS = {"ingested_at", "updated_at"}
COUNTRIES = [
    ("France", "French", "Paris"), ("Germany", "German", "Berlin"), ("Japan", "Japanese", "Tokyo"),
    ("India", "Indian", "New Delhi"), ("Brazil", "Brazilian", "Brasilia"), ("Kenya", "Kenyan", "Nairobi"),
    ("Turkey", "Turkish", "Ankara"), ("Egypt", "Egyptian", "Cairo"), ("Canada", "Canadian", "Ottawa"),
]
VERBS = ["met", "criticized", "praised", "accused", "hosted"]


def make_pages(folder: Path, n: int) -> None:
    """`n` short distinct news pages, some sharing dyads so canonical events merge across pages."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i * 2 + 1) % len(COUNTRIES)]
        if a == b:
            b = COUNTRIES[(i + 4) % len(COUNTRIES)]
        verb = VERBS[i % len(VERBS)]
        day = 1 + i % 27
        text = (
            f"{a[1]} minister {verb} {b[1]} envoy\n\n"
            f"{a[2].upper()}, March {day} - The {a[1]} foreign minister {verb} the {b[1]} ambassador in {a[2]} on Tuesday, "
            f"officials said. The government of {b[0]} said talks would continue. (Report {i})\n"
        )
        (folder / f"page{i:03d}.txt").write_text(text, encoding="utf-8")


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out = {}
        for table in ("documents", "mentions", "events", "ingest_status"):
            cols = [r[1] for r in conn.execute(f"pragma table_info({table})") if r[1] not in TIMESTAMPS]
            out[table] = sorted(conn.execute(f"select {', '.join(cols)} from {table}").fetchall(), key=repr)
        out["journal"] = [conn.execute("pragma journal_mode").fetchone()]
        return out
    finally:
        conn.close()


def _status_rows(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("select count(*) from ingest_status").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def ingest_cmd(pages: Path, db: Path) -> list[str]:
    return [PARLEY, "ingest", str(pages), "--db", str(db), "--workers", "1", "--format", "json"]


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[tuple[Any, ...]]]]:
    root = tmp_path_factory.mktemp("crash")
    pages = root / "pages"
    make_pages(pages, 80)
    db = root / "clean.db"
    run = subprocess.run(ingest_cmd(pages, db), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    snap = snapshot(db)
    assert len(snap["documents"]) == 80 and len(snap["events"]) > 10
    return pages, snap


def kill_mid_run(pages: Path, db: Path, after_rows: int, readers: bool = False) -> list[str]:
    """Start an ingest, SIGKILL it once `after_rows` status rows exist; return reader errors."""
    proc = subprocess.Popen(ingest_cmd(pages, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    errors: list[str] = []
    reads = 0
    try:
        deadline = time.monotonic() + 180
        while _status_rows(db) < after_rows:
            if proc.poll() is not None:
                pytest.fail(f"ingest ended (rc {proc.returncode}) before {after_rows} pages were stored: raise the page count")
            if time.monotonic() > deadline:
                pytest.fail("ingest made no progress")
            if readers and db.exists():
                r = subprocess.run([PARLEY, "events", "--db", str(db), "--format", "json"], capture_output=True, text=True, timeout=60)
                if r.returncode != 0 and "no such table" not in r.stderr and "no such database" not in r.stderr:
                    errors.append(r.stderr.strip())
                elif r.returncode == 0:
                    json.loads(r.stdout)
                    reads += 1
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole group: workers die with the parent
        proc.wait()
    if readers:
        assert reads >= 1, "no read overlapped the ingest"
    return errors


def test_kill_9_then_rerun_equals_clean_run(clean: tuple[Path, dict], tmp_path: Path) -> None:
    pages, expected = clean
    db = tmp_path / "crashed.db"
    kill_mid_run(pages, db, after_rows=25)
    partial = snapshot(db)
    assert 0 < len(partial["documents"]) < 80, "the kill did not land mid-run"
    # Every stored document is whole: its status row and its mentions came in the same transaction.
    assert len(partial["documents"]) == len([r for r in partial["ingest_status"] if r[1] == "stored"])
    run = subprocess.run(ingest_cmd(pages, db), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert snapshot(db) == expected


def test_readers_work_while_an_ingest_writes(clean: tuple[Path, dict], tmp_path: Path) -> None:
    pages, _ = clean
    db = tmp_path / "busy.db"
    errors = kill_mid_run(pages, db, after_rows=60, readers=True)
    assert not errors, errors[:3]


def test_database_is_in_wal_mode(clean: tuple[Path, dict]) -> None:
    assert clean[1]["journal"] == [("wal",)]
