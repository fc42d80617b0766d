"""The `parley` command line: each command parses arguments, calls one library function, formats.

Errors become one line on stderr naming the input and the reason, with a non-zero exit.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any, Iterable

import click

from ..errors import ParleyError
from .options import FORMATS, db_option, emit, event_filter, filter_options, format_option, progress  # noqa: F401

DB_OPTION = db_option  # the one --db option (cli.options); old name kept for plugins
_format_option = format_option


class ParleyGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ParleyError as exc:
            click.echo(f"parley: error: {exc}", err=True)
            sys.exit(2)
        except FileNotFoundError as exc:
            click.echo(f"parley: error: {exc}", err=True)
            sys.exit(2)
        except sqlite3.DatabaseError as exc:  # a database that broke after it was opened
            click.echo(f"parley: error: database: {exc}", err=True)
            sys.exit(2)


@click.group(cls=ParleyGroup)
@click.version_option(package_name="parley")
def main() -> None:
    """parley: news pages to a verifiable record of international interactions.

    \b
    Example:
      parley ingest pages/ --db news.db
      parley events --db news.db --source USA --target CHN --type CONSULT
    """


@main.command()
@click.argument("paths", nargs=-1)
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--workers", type=int, default=0, help="Processes analysing pages (default: all cores); with --dask local, Dask workers.")
@click.option("--urls-file", type=click.Path(exists=True, dir_okay=False), help="A file of http(s) URLs to fetch, one a line (# comments allowed).")
@click.option("--allow-private", is_flag=True, help="Let URLs reach private, loopback and link-local addresses (intranets, tests).")
@click.option("--dask", "dask_address", metavar="ADDRESS", help="Run on a Dask cluster: a scheduler address (tcp://host:8786) or 'local'.")
@click.option("--shard-dir", type=click.Path(file_okay=False), help="With --dask: folder for the Parquet shards (default: DB.shards).")
@click.option("--partition-size", type=int, default=64, show_default=True, help="With --dask: inputs (files, WARCs, feeds, URLs) per partition.")
def ingest(paths: tuple[str, ...], db: str, fmt: str, workers: int, urls_file: str | None, allow_private: bool, dask_address: str | None, shard_dir: str | None, partition_size: int) -> None:
    """Read, analyse and store pages: files, folders, globs of .html/.htm/.txt (and .gz),
    WARC/WARC.gz archives, RSS/Atom feed files (.rss/.atom/.xml) and http(s) URLs.

    Exit 0 when every input was stored or skipped, 1 when any failed (the rest are still stored).

    \b
    Example:
      parley ingest ../shared/seed/seed.txt examples/ --db parley.db
      parley ingest CC-NEWS-20240101.warc.gz --workers 2 --db news.db
      parley ingest --urls-file urls.txt --db news.db
      parley ingest archive/ --dask local --workers 4 --db news.db
    """
    import importlib

    ingest_mod = importlib.import_module("parley.ingest")
    inputs = list(paths)
    if urls_file:
        from ..read.sources import read_urls_file

        try:
            inputs += read_urls_file(urls_file)
        except (OSError, ValueError) as exc:
            raise click.UsageError(str(exc)) from exc
    if not inputs:
        raise click.UsageError("give at least one path or URL, or --urls-file")
    workers = workers if workers > 0 else ingest_mod.default_workers()
    if dask_address:
        from ..distributed import run_dask

        def on_partition(part: Any, what: str) -> None:
            click.echo(f"{what}: {part.name} ({len(part.units)} inputs)", err=True)

        dsum = run_dask(inputs, db, address=dask_address, workers=workers, shard_dir=shard_dir, partition_size=partition_size, allow_private=allow_private, on_partition=on_partition)
        info = dsum.as_json()
        if fmt == "json":
            click.echo(json.dumps({**info, "db": str(Path(db).resolve())}))
        else:
            click.echo(f"{info['stored']} stored, {info['skipped']} skipped, {info['failed']} failed; {info['events']} events -> {db} "
                       f"({info['partitions']} partitions: {info['analysed']} analysed, {info['reused']} reused, {info['merged']} merged)")
        sys.exit(1 if info["failed"] else 0)

    bar = progress(_input_total(inputs), "ingest", unit="input")

    def on_progress(status: Any) -> None:
        bar.update(1)
        if status.status == "failed":
            bar.write(f"failed: {status.path}: [{status.stage}] {status.reason}", file=sys.stderr)

    summary = ingest_mod.ingest(inputs, db, on_progress=on_progress, workers=workers, allow_private=allow_private)
    bar.close()
    # The count every view gives: asserted canonical events in the database (merged across pages).
    from ..ask.queries import count_events

    in_db = count_events(db) if Path(db).exists() else 0
    if fmt == "json":
        click.echo(json.dumps({**summary.as_json(), "db_events": in_db, "db": str(Path(db).resolve())}))
    else:
        click.echo(f"{summary.stored} stored, {summary.skipped} skipped, {summary.failed} failed; {in_db} asserted events in {db} "
                   f"({summary.events} asserted mentions from these inputs)")
    sys.exit(1 if summary.failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_format_option("jsonl", ["json", "jsonl"])
@click.option("--explain", is_flag=True, help="Also list every page-date cue read (published_candidates, winner first) and the year used for dates written without one.")
def extract(paths: tuple[str, ...], fmt: str, explain: bool) -> None:
    """Main text, title, page date and language of pages (any language), without any NLP.

    \b
    Example:
      parley extract ../shared/seed/seed.txt --format json --explain
    """
    from ..extract.api import extract_paths

    rows = list(extract_paths(list(paths), explain=explain))
    emit(rows, fmt)
    if any(r.get("error") for r in rows):
        sys.exit(1)


@main.command(name="events")
@db_option
@filter_options
@click.option("--mentions", is_flag=True, help="List raw mentions instead of canonical events.")
@format_option()
def events_cmd(db: str, mentions: bool, fmt: str, **filters: Any) -> None:
    """List events (canonical; the asserted ones unless --all). The filters are those of the web's
    /events and the Python API (docs/api.md); the id opens /event/ID in `parley serve`.

    \b
    Example:
      parley events --country IRN --since 2022 --format json
      parley events --source USA --target CHN --type CONSULT --text video
    """
    from ..ask.queries import events

    rows = events(db, where=event_filter(filters), mentions=mentions)
    if fmt == "table":
        table = [
            {
                "id": r["id"], "date": r["date"], "type": r["type"], "mode": r["mode"], "source": _who(r["source"]), "target": _who(r["target"]),
                "hist": r["historical"], "modality": r["modality"] if r["modality"] != "asserted" else "",
                **({"n": r["mentions"]} if "mentions" in r else {}), "evidence": r["evidence"]["text"],
            }
            for r in rows
        ]
        emit(table, "table")
    else:
        emit(rows, fmt)


def _input_total(inputs: list[str]) -> int | None:
    """How many status rows an ingest will write, when that is known before reading (files,
    folders and globs expand to one row each; an archive or a feed holds an unknown number)."""
    from ..read.sources import expand_inputs, input_kind

    units = expand_inputs(inputs)
    return None if any(input_kind(u) in ("warc", "feed") for u in units) else len(units)


def _who(a: dict[str, Any]) -> str:
    name = a.get("name") or a.get("text") or ""
    return f"{a.get('country') or '?'}:{name}" + (f" ({a['role']})" if a.get("role") else "")


@main.command()
@db_option
@click.option("--status", type=click.Choice(["stored", "skipped", "failed"]), help="Only rows with this status.")
@_format_option()
def documents(db: str, status: str | None, fmt: str) -> None:
    """One row per input: stored, skipped (why) or failed (why).

    \b
    Example:
      parley documents --status failed
    """
    from ..ask.queries import documents as list_documents

    emit(list_documents(db, status), fmt)


@main.command()
@db_option
@_format_option()
def actors(db: str, fmt: str) -> None:
    """Actors with their mentions and roles over time.

    \b
    Example:
      parley actors --format csv
    """
    from ..ask.queries import actors as list_actors

    rows = list_actors(db)
    if fmt == "table":
        emit([{k: r[k] for k in ("actor", "country", "sector", "role", "events", "first_seen", "last_seen")} for r in rows], "table", widths={"role": 80})
    else:
        emit(rows, fmt)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="json: the full report.")
@click.option("--json", "as_json", is_flag=True, hidden=True, help="Old name of --format json.")
@click.option("--quiet", is_flag=True, help="Only the summary lines, no per-event hits and misses.")
@click.option("--diagnose", is_flag=True, help="Gold folders: also score with the date, the dyad or the type left free, to show which kind of error costs most.")
def eval_cmd(gold: str, fmt: str, as_json: bool, quiet: bool, diagnose: bool) -> None:
    """Score parley against a gold folder (NAME.txt + NAME.gold.json) or the PLOVER gold records.

    \b
    Example:
      parley eval ../shared/seed
      parley eval ../shared/eval/plover --format json
      parley eval examples/gold --diagnose
    """
    as_json = as_json or fmt == "json"
    from ..quality.evaluate import diagnose_gold_set, evaluate_path, format_diagnosis, format_gold_report, format_plover_report

    if diagnose:
        path = Path(gold)
        if not path.is_dir():
            raise click.UsageError(f"{gold}: --diagnose needs a gold folder (NAME.txt/.html + NAME.gold.json)")
        reports = diagnose_gold_set(path)
        if as_json:
            click.echo(json.dumps({name: r.as_json() for name, r in reports.items()}, indent=2, default=str))
        else:
            click.echo(format_diagnosis(reports))
        return
    kind, report = evaluate_path(Path(gold))
    if as_json:
        click.echo(json.dumps({"kind": kind, **report.as_json()}, indent=2, default=str))
    elif kind == "plover":
        click.echo(format_plover_report(report))
    else:
        click.echo(format_gold_report(report, hits=not quiet))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--pages", type=int, default=200, show_default=True, help="How many pages of the benchmark corpus.")
@click.option("--workers", type=int, default=0, help="Processes for the end-to-end run (default: all cores).")
@click.option("--spacy-pages", type=int, default=60, show_default=True, help="Pages of the same corpus timed through spaCy's full pipeline alone.")
@click.option("--keep", "keep_dir", type=click.Path(file_okay=False), help="Keep the generated pages and database in this folder.")
@click.option("--pages-dir", type=click.Path(exists=True), help="Benchmark your own pages (a folder or file) instead of the built-in corpus.")
def bench(fmt: str, pages: int, workers: int, spacy_pages: int, keep_dir: str | None, pages_dir: str | None) -> None:
    """Throughput of the whole pipeline and, in the same run on the same texts, of spaCy alone.

    \b
    Example:
      parley bench --pages 100 --format json
    """
    from ..quality.bench import format_bench, run_bench

    from ..settings import Settings

    result = run_bench(pages=pages, workers=workers, spacy_pages=spacy_pages, keep_dir=keep_dir, pages_dir=pages_dir,
                       settings=Settings.from_env())
    click.echo(json.dumps(result, indent=2) if fmt == "json" else format_bench(result))


@main.command()
@format_option()
def settings(fmt: str) -> None:
    """The settings table: every limit, its value in force, its default, the environment
    variable that changes it, and its meaning.

    \b
    Example:
      parley settings
      PARLEY_FROZEN_AFTER_DAYS=30 parley settings --format json
    """
    from ..settings import describe

    rows = describe()
    if fmt != "table":
        emit(rows, fmt)
        return
    shown = [{**r, "current": _setting_value(r["current"]), "default": _setting_value(r["default"])} for r in rows]
    emit(shown, "table", ["name", "current", "default", "env", "help"], widths={"help": 10_000, "current": 40, "default": 40})


def _setting_value(v: Any) -> str:
    """A setting as one would type it in its environment variable: en,fr (not ('en', 'fr'))."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (tuple, list, set, frozenset)):
        return ",".join(str(x) for x in v)
    return "" if v is None else str(v)


@main.group()
def people() -> None:
    """The officeholder file (who held which office when)."""


@people.command(name="import")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--dest", type=click.Path(dir_okay=False), default=None, help="User officeholder file (default: ~/.parley/officeholders.csv).")
def people_import(csv_file: str, dest: str | None) -> None:
    """Validate a CSV of officeholders (same columns as the packaged file) and merge it into yours.

    \b
    Example:
      parley people import my_ministers.csv
    """
    from ..reference.people import import_officeholders, user_file

    target = Path(dest) if dest else user_file()
    n = import_officeholders(Path(csv_file), target)
    click.echo(f"{n} rows merged into {target}")


@people.command(name="who")
@click.argument("country")
@click.argument("office")
@click.argument("on")
def people_who(country: str, office: str, on: str) -> None:
    """Who held OFFICE in COUNTRY on a date: a day (YYYY-MM-DD), or everyone who held it during
    a month (YYYY-MM) or a year (YYYY). Office codes: `parley people offices`.

    \b
    Example:
      parley people who CHN defense_minister 2022-11-22
      parley people who CHN defense_minister 2023
    """
    from datetime import timedelta

    from ..ask.filters import check_country, check_date, first_day, last_day
    from ..reference.people import OFFICES, load_officeholders

    try:
        code = check_country(country, "country")
        when = check_date(on, "date")
    except ParleyError as exc:
        click.echo(f"parley: error: {exc}", err=True)
        sys.exit(1)
    if office not in OFFICES:
        click.echo(f"parley: error: office: '{office}' is not an office code ({', '.join(OFFICES)}; see `parley people offices`)", err=True)
        sys.exit(1)
    assert code and when
    from datetime import date as day

    first, last = day.fromisoformat(first_day(when)), day.fromisoformat(last_day(when))
    book = load_officeholders()
    found: dict[str, Any] = {}
    d = first
    while d <= last:  # everyone in office on some day of the period (terms change on a day)
        for term in book.holders(code, office, d):
            found.setdefault(term.person_id + term.start.isoformat(), term)
        d += timedelta(days=1)
    if not found:
        click.echo(f"nobody on file for {office} of {code} in {when}")
        return
    for term in sorted(found.values(), key=lambda t: t.start):
        click.echo(f"{term.name} ({term.role}, {term.start}..{term.end or 'present'})")


@people.command(name="offices")
def people_offices() -> None:
    """The office codes of the officeholder file (for `parley people who` and imports)."""
    from ..reference.people import OFFICES

    for name in OFFICES:
        click.echo(name)


def register_all(main: click.Group) -> None:
    """Each submodule of this package (questions, web, actors) registers its commands onto `main`."""
    import importlib
    import pkgutil

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(main)


register_all(main)


def run_cli(argv: Iterable[str]) -> int:  # pragma: no cover - convenience for python -m
    try:
        main.main(list(argv), standalone_mode=False)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


if __name__ == "__main__":  # pragma: no cover
    main()
