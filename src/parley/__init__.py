"""parley: news pages to a verifiable record of international interactions.

The public API (the functions behind the CLI):

    import parley
    parley.ingest(["pages/"], "parley.db")
    parley.events("parley.db", source="USA", target="CHN", type="CONSULT")
    parley.evaluate("../shared/seed")

Imports are lazy so `import parley` stays fast.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = [
    "ingest",
    "extract",
    "events",
    "documents",
    "actors",
    "evaluate",
    "analyse_text",
    "ParleyError",
    "InputError",
    "StageError",
    "StoreError",
    "QueryError",
]

from .errors import InputError, ParleyError, QueryError, StageError, StoreError


def ingest(paths: list[str], db_path: str = "parley.db") -> Any:
    """Read, analyse and store pages; returns an IngestSummary (one status per input)."""
    from .ingest import ingest as _ingest

    return _ingest(list(paths), db_path)


def extract(paths: list[str]) -> list[dict[str, Any]]:
    """Main text, title and dates of pages (no NLP)."""
    from .extract_api import extract_paths

    return list(extract_paths(list(paths)))


def events(db_path: str = "parley.db", **filters: Any) -> list[dict[str, Any]]:
    """Canonical events matching filters: source, target, type, since, until, include_all, mentions."""
    from .ask import events as _events

    return _events(db_path, **filters)


def documents(db_path: str = "parley.db", status: str | None = None) -> list[dict[str, Any]]:
    from .ask import documents as _documents

    return _documents(db_path, status)


def actors(db_path: str = "parley.db") -> list[dict[str, Any]]:
    from .ask import actors as _actors

    return _actors(db_path)


def evaluate(path: str) -> dict[str, Any]:
    """Score against a gold folder or the PLOVER gold records; returns the report as a dict."""
    from pathlib import Path

    from .evaluate import evaluate_path

    kind, report = evaluate_path(Path(path))
    return {"kind": kind, **report.as_json()}


def analyse_text(text: str, *, path: str = "<text>", html: bool = False) -> Any:
    """Run the whole pipeline on one text in memory; returns the analysed Document."""
    from .pipeline import analyse
    from .records import Document
    from .settings import Settings
    from .stages.read import page_from_bytes

    page = page_from_bytes(path, text.encode("utf-8"), "html" if html else "text", Settings())
    return analyse(Document(page=page))
