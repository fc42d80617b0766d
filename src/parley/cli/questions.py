"""CLI for the dyad questions: last-contact, timeline, channels, trend (see parley.ask.questions)."""

from __future__ import annotations

import json
from typing import Any, Callable

import click

from .options import db_option, emit

_LEVELS = ["leader", "minister", "military", "official", "any"]


def _period_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--by, --since and --until: the options every per-period question takes."""
    fn = click.option("--until", help="Events starting on or before this date.")(fn)
    fn = click.option("--since", help="Events ending on or after this date.")(fn)
    return click.option("--by", type=click.Choice(["month", "quarter", "year"]), default="month", show_default=True)(fn)


def _echo_undated(text: str) -> None:
    if text:
        click.echo("")
        click.echo(text)


def register(main: click.Group) -> None:
    """Add the dyad questions to the `parley` command group."""
    _register_last_contact(main)
    _register_timeline(main)
    _register_channels(main)
    _register_trend(main)


def _register_last_contact(main: click.Group) -> None:
    @main.command(name="last-contact")
    @click.argument("a")
    @click.argument("b")
    @db_option
    @click.option("--before", help="Only contacts that began before this date (YYYY[-MM[-DD]]); default: as of the newest news date in the database.")
    @click.option("--level", type=click.Choice(_LEVELS), default="any", show_default=True, help="Level of the contact (see `parley.ask.questions`).")
    @click.option("--type", "type_", default="CONSULT", show_default=True, help="PLOVER type(s), comma-separated, or 'any'.")
    @click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
    def last_contact_cmd(a: str, b: str, db: str, before: str | None, level: str, type_: str, fmt: str) -> None:
        """When did A and B last meet (or talk), at what level, and how long was the silence?

        \b
        Example:
          parley last-contact USA CHN --before 2024-04-16 --level minister
        """
        from ..ask.questions import format_last_contact, format_undated, last_contact, undated_reports

        result = last_contact(db, a, b, before=before, level=level, type=type_)
        undated = undated_reports(db, a, b, type=type_)
        if fmt == "json":
            out = {**result, "undated_reports": undated} if result is not None else {"contact": None, "undated_reports": undated}
            click.echo(json.dumps(out, indent=2, ensure_ascii=False, default=str))
        else:
            click.echo(format_last_contact(result, a, b))
            _echo_undated(format_undated(undated))


def _register_timeline(main: click.Group) -> None:
    @main.command(name="timeline")
    @click.argument("a")
    @click.argument("b")
    @db_option
    @_period_options
    @click.option("--type", "type_", default=None, help="PLOVER type(s), comma-separated (default: all).")
    @click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table", show_default=True)
    def timeline_cmd(a: str, b: str, db: str, by: str, since: str | None, until: str | None, type_: str | None, fmt: str) -> None:
        """Events between A and B per period and type, each at its own date.

        \b
        Example:
          parley timeline USA CHN --by quarter
        """
        from ..ask.questions import format_undated, timeline, undated_reports

        rows = timeline(db, a, b, by=by, since=since, until=until, type=type_)
        if fmt in ("json", "jsonl"):
            emit(rows, fmt)
            return
        flat = [
            {"period": r["period"], "events": r["events"], "types": " ".join(f"{k}:{v}" for k, v in r["types"].items()),
             "detail": "; ".join(f"{i['date']} {i['type']} {i['source']}-{i['target']}" + (f" x{i['mentions']}" if i["mentions"] > 1 else "") for i in r["items"])}
            for r in rows
        ]
        emit(flat, fmt, ["period", "events", "types", "detail"])
        if fmt == "table":
            _echo_undated(format_undated(undated_reports(db, a, b, type=type_)))


def _register_channels(main: click.Group) -> None:
    @main.command(name="channels")
    @click.argument("a")
    @click.argument("b")
    @db_option
    @click.option("--as-of", "as_of", help="Date to measure silence to (YYYY[-MM[-DD]]); default: the newest news date in the database.")
    @click.option("--type", "type_", default="CONSULT", show_default=True, help="PLOVER type(s) that count as contact, or 'any'.")
    @click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
    def channels_cmd(a: str, b: str, db: str, as_of: str | None, type_: str, fmt: str) -> None:
        """Dialogue channels of A and B by level: last contact, silence, frozen (setting frozen_after_days).

        \b
        Example:
          parley channels USA CHN --as-of 2024-04-16
        """
        from ..ask.questions import channels, format_undated, undated_reports
        from ..settings import Settings

        # the settings in force are read once, here at the edge (PARLEY_FROZEN_AFTER_DAYS=30)
        rows = channels(db, a, b, as_of=as_of, type=type_, settings=Settings.from_env())
        if fmt == "json":
            emit(rows, "json")
            return
        cols = ["label", "status", "last_contact", "date_precision", "silent_days", "silent_months", "contacts", "evidence"]
        if fmt == "table" and rows:
            click.echo(f"as of {rows[0]['as_of']} ({rows[0]['as_of_source']}; --as-of to change)")
        emit(rows, fmt, cols)
        if fmt == "table":
            _echo_undated(format_undated(undated_reports(db, a, b, type=type_)))


def _register_trend(main: click.Group) -> None:
    @main.command(name="trend")
    @click.argument("a")
    @click.argument("b")
    @db_option
    @_period_options
    @click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table", show_default=True)
    def trend_cmd(a: str, b: str, db: str, by: str, since: str | None, until: str | None, fmt: str) -> None:
        """Cooperation-conflict index of A and B per period (mean PLOVER score; Goldstein; QuadClass counts).

        \b
        Example:
          parley trend USA CHN --by year --format csv
        """
        from ..ask.questions import trend

        emit(trend(db, a, b, by=by, since=since, until=until), fmt)
