"""parley: news pages to a verifiable record of international interactions.

The public API (the functions behind the CLI):

    import parley
    parley.ingest(["pages/"], "parley.db")
    parley.events("parley.db", source="USA", target="CHN", type="CONSULT")
    parley.evaluate("../shared/seed")
    parley.last_contact("parley.db", "USA", "CHN", before="2024-04-16", level="minister")
    parley.timeline("parley.db", "USA", "CHN", by="month")
    parley.trend("parley.db", "USA", "CHN")
    parley.export("parley.db", "events.parquet", "parquet")

Imports are lazy so `import parley` stays fast.
"""

from __future__ import annotations

import sys
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
    "last_contact",
    "timeline",
    "trend",
    "channels",
    "events_frame",
    "export",
    "ParleyError",
    "InputError",
    "StageError",
    "StoreError",
    "QueryError",
]

from .errors import InputError, ParleyError, QueryError, StageError, StoreError


def ingest(paths: list[str], db_path: str = "parley.db", settings: Any = None) -> Any:
    """Read, analyse and store pages; returns an IngestSummary (one status per input).

    `settings` (a `parley.settings.Settings`) go to every stage; when None, the defaults with
    the `PARLEY_*` environment variables applied are read here, once."""
    from .ingest import ingest as _ingest

    return _ingest(list(paths), db_path, settings)


def extract(paths: list[str]) -> list[dict[str, Any]]:
    """Main text, title and dates of pages (no NLP)."""
    from .extract.api import extract_paths

    return list(extract_paths(list(paths)))


def events(db_path: str = "parley.db", **filters: Any) -> list[dict[str, Any]]:
    """Canonical events matching the filters of docs/api.md (country, source, target, dyad,
    actor, type, mode, context, quad_class, historical, confidence, since, until, text,
    include_all), or raw mentions with mentions=True."""
    from .ask.queries import events as _events

    return _events(db_path, **filters)


def documents(db_path: str = "parley.db", status: str | None = None) -> list[dict[str, Any]]:
    from .ask.queries import documents as _documents

    return _documents(db_path, status)


def actors(db_path: str = "parley.db", *, country: str | None = None) -> list[dict[str, Any]]:
    from .ask.queries import actors as _actors

    return _actors(db_path, country=country)


def evaluate(path: str) -> dict[str, Any]:
    """Score against a gold folder or the PLOVER gold records; returns the report as a dict."""
    from pathlib import Path

    from .quality.evaluate import evaluate_path

    kind, report = evaluate_path(Path(path))
    return {"kind": kind, **report.as_json()}


def analyse_text(text: str, *, path: str = "<text>", html: bool = False, settings: Any = None) -> Any:
    """Run the whole pipeline on one text in memory; returns the analysed Document (`settings`
    as for `ingest`)."""
    from .pipeline import analyse
    from .records import Document
    from .settings import Settings
    from .read.files import page_from_bytes

    settings = settings if settings is not None else Settings.from_env()
    page = page_from_bytes(path, text.encode("utf-8"), "html" if html else "text", settings)
    return analyse(Document(page=page), settings)


def last_contact(
    db_path: str = "parley.db", a: str = "", b: str = "", *, before: str | None = None, level: str | None = "any", type: str | None = "CONSULT"
) -> dict[str, Any] | None:
    """The most recent qualifying contact between countries a and b before a date, with the gap."""
    from .ask.questions import last_contact as _last_contact

    return _last_contact(db_path, a, b, before=before, level=level, type=type)


def timeline(
    db_path: str = "parley.db", a: str = "", b: str = "", *, by: str = "month", since: str | None = None, until: str | None = None, type: str | None = None
) -> list[dict[str, Any]]:
    """Events of the dyad a-b per period (month, quarter or year) and type, between since and until."""
    from .ask.questions import timeline as _timeline

    return _timeline(db_path, a, b, by=by, since=since, until=until, type=type)


def trend(
    db_path: str = "parley.db", a: str = "", b: str = "", *, by: str = "month", since: str | None = None, until: str | None = None, type: str | None = None
) -> list[dict[str, Any]]:
    """Cooperation-conflict index of the dyad a-b per period, with counts per QuadClass; `type`
    (a PLOVER type or a comma list) limits the events counted."""
    from .ask.questions import trend as _trend

    return _trend(db_path, a, b, by=by, since=since, until=until, type=type)


def channels(db_path: str = "parley.db", a: str = "", b: str = "", *, as_of: str | None = None, type: str | None = "CONSULT") -> list[dict[str, Any]]:
    """The dialogue channels of a and b by level: last contact, silence, frozen or open, as of a
    date (default: the newest news date in the database); settings from PARLEY_* variables."""
    from .ask.questions import channels as _channels
    from .settings import Settings

    return _channels(db_path, a, b, as_of=as_of, type=type, settings=Settings.from_env())


def events_frame(db_path: str = "parley.db", *, mentions: bool = False, **filters: Any) -> Any:
    """The events matching the filters (those of `parley.events`) as a pandas DataFrame with
    the flat export's columns and types: dates as datetime64, codes as text, `date` at its
    own precision."""
    import pandas as pd

    from .ask.filters import EventFilter
    from .ask.export import FLAT_COLUMNS, _connect, flat_row, iter_events

    conn = _connect(db_path)
    try:
        rows = [flat_row(ev, raw) for ev, raw, _doc in iter_events(conn, where=EventFilter.of(**filters), mentions=mentions)]
    finally:
        conn.close()
    frame = pd.DataFrame(rows, columns=list(FLAT_COLUMNS))
    for col in ("date_first", "date_last"):
        frame[col] = pd.to_datetime(frame[col])
    for col in ("evidence_start", "evidence_end", "mentions", "sources", "quad_class"):
        frame[col] = frame[col].astype("Int64")
    return frame.astype({"historical": "boolean", "cameo_root": "string", "cameo_code": "string", "date": "string"})


def export(db_path: str, out: str, fmt: str, *, include_all: bool = False, mentions: bool = False, header: bool = False, **filters: Any) -> int:
    """Write events as parquet, csv, jsonl, plover or gdelt (see parley.ask.export), filtered like
    `parley.events`; `out` "-" is standard output. Returns the record count."""
    from .ask.export import export as _export

    return _export(db_path, out, fmt, include_all=include_all, mentions=mentions, header=header, **filters)


class _Package(type(sys)):  # type: ignore[misc]
    """Keep `parley.ingest`, `parley.extract`, `parley.events`, `parley.actors` the public functions.

    Importing a submodule of the same name (parley/ingest.py; the extract/, events/ and actors/
    packages) would otherwise rebind the package attribute to the module, and `parley.ingest(...)`
    would fail with "'module' object is not callable". The submodules stay importable as usual
    (`from parley.ingest import ingest`, `from parley.events import stage`), through sys.modules;
    `import parley.events.stage as m` does not work (it walks the attributes), so use `from`.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in __all__ and isinstance(value, type(sys)) and callable(self.__dict__.get(name)):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
