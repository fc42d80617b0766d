"""Shared test helpers: where ../shared is, and small builders for hand-made inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seed").is_dir():
        pytest.skip("../shared is absent (a user's clone): skipping tests on the shared gold data")
    return SHARED


def dump_db(db_path: Path, document_columns: str = "id, path, title, text, sentences, news_date") -> dict[str, list[dict[str, object]]]:
    """The stored content of a parley database, in a fixed order, for comparing two runs."""
    from parley.stages.store import open_db

    db = open_db(db_path, readonly=True)
    try:
        return {
            "events": list(db.query("select * from events order by id")),
            "mentions": list(db.query("select * from mentions order by id")),
            "documents": list(db.query(f"select {document_columns} from documents order by id")),
            "status": list(db.query("select path, status, reason, stage, document_id, events from ingest_status order by path")),
        }
    finally:
        db.close()
