"""Options and output shared by every command: `--db` (defined once), the event filter options
(the vocabulary of `parley.ask.filters`, the same for `events` and `export`), the output formats
and a progress bar. Commands import from here; nothing here imports a command (no cycle)."""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any, Callable

import click

FORMATS = ["table", "json", "jsonl", "csv"]

db_option = click.option("--db", "db", default="parley.db", show_default=True, type=click.Path(dir_okay=False), help="SQLite database file.")


def format_option(default: str = "table", choices: list[str] | None = None) -> Callable[[Any], Any]:
    return click.option("--format", "fmt", type=click.Choice(choices or FORMATS), default=default, show_default=True, help="Output format.")


# (option declarations, keyword, help); the keyword is the EventFilter field it fills.
_FILTERS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("--country",), "country", "Either side is this country (ISO3), e.g. IRN."),
    (("--source",), "source", "Source country (ISO3)."),
    (("--target",), "target", "Target country (ISO3)."),
    (("--dyad",), "dyad", "Both countries, either direction: USA-CHN."),
    (("--actor",), "actor", "Words in an actor's name, e.g. 'Dong Jun'."),
    (("--type", "type_"), "type", "PLOVER type, e.g. CONSULT."),
    (("--mode",), "mode", "PLOVER mode, e.g. phone."),
    (("--context",), "context", "PLOVER context, e.g. military."),
    (("--since",), "since", "Events ending on or after this date (YYYY[-MM[-DD]])."),
    (("--until",), "until", "Events starting on or before this date."),
    (("--precision",), "precision", "Only events dated this finely: a comma list of day, month, season, quarter, half, year, decade."),
    (("--text",), "text", "Words in the evidence sentence or an actor's name (the web's q=)."),
)


def filter_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The event filter as options: the vocabulary of docs/api.md, as `parley events` and
    `parley export` take it. The command receives them as keyword arguments; pass those
    through `event_filter(**kwargs)`."""
    fn = click.option("--all", "include_all", is_flag=True, help="Also negated, planned, hypothetical and question events.")(fn)
    fn = click.option("--min-confidence", "confidence", type=click.FloatRange(0, 1), help="Only events with at least this confidence.")(fn)
    fn = click.option("--historical/--current", "historical", default=None, help="Only background (historical) events, or only current ones.")(fn)
    fn = click.option("--quad-class", "quad_class", type=click.IntRange(1, 4), help="CAMEO QuadClass: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.")(fn)
    for decls, _key, help_text in reversed(_FILTERS):
        fn = click.option(*decls, help=help_text)(fn)
    return fn


FILTER_KEYS = ("country", "source", "target", "dyad", "actor", "type_", "mode", "context", "since", "until", "precision", "text", "include_all", "confidence", "historical", "quad_class")


def event_filter(kwargs: dict[str, Any]) -> Any:
    """Pop the filter options out of a command's keyword arguments; return the EventFilter."""
    from ..ask.filters import EventFilter

    values = {k: kwargs.pop(k, None) for k in FILTER_KEYS}
    values["type"] = values.pop("type_")
    values["include_all"] = bool(values["include_all"])
    return EventFilter.of(**values)


def flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in row.items():
        if isinstance(v, dict):
            out.update(flatten(v, f"{prefix}{k}_"))
        else:
            out[f"{prefix}{k}"] = v
    return out


def cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else ""
    if isinstance(v, (tuple, list)):
        return ", ".join(cell(x) for x in v)
    return str(v).replace("\n", " ")


def emit(rows: list[dict[str, Any]], fmt: str, columns: list[str] | None = None, widths: dict[str, int] | None = None) -> None:
    """Write rows to stdout in one of the tabular formats."""
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False, default=str))
        return
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False, default=str))
        return
    flat = [flatten(r) for r in rows]
    cols = columns or (list(flat[0].keys()) if flat else [])
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for r in flat:
            w.writerow(r)
        click.echo(buf.getvalue(), nl=False)
        return
    if not flat:
        click.echo("(none)")
        return
    limit = widths or {}
    width = {c: min(max(len(c), *(len(cell(r.get(c))) for r in flat)), limit.get(c, 60)) for c in cols}
    click.echo("  ".join(c.ljust(width[c]) for c in cols).rstrip())
    for r in flat:
        click.echo("  ".join(cell(r.get(c))[: width[c]].ljust(width[c]) for c in cols).rstrip())


def progress(total: int | None, desc: str, unit: str = "page") -> Any:
    """A progress bar on stderr, with the total when it is known; on a terminal only, unless
    PARLEY_PROGRESS=1 asks for it in a log too."""
    import os

    from tqdm import tqdm

    shown = sys.stderr.isatty() or os.environ.get("PARLEY_PROGRESS") == "1"
    return tqdm(total=total, desc=desc, unit=unit, disable=not shown, file=sys.stderr)
