"""CLI: `parley serve` (the web interface) and `parley export` (files for other tools)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .options import db_option, event_filter, filter_options, progress


def register(main: click.Group) -> None:
    @main.command()
    @db_option
    @click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind; the default is this machine only.")
    @click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
    @click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME", help="Also answer requests whose Host header is NAME (the server's name on your network). Others get 421, against DNS rebinding.")
    def serve(db: str, host: str, port: int, allow_hosts: tuple[str, ...]) -> None:
        """Web pages, charts and a JSON API over a database (read-only, Datasette).

        Pages: / (dyads), /events, /event/ID, /dyad/USA/CHN, /actors, /status; JSON under /api/
        (OpenAPI at /api/openapi.json); raw tables at /parley/TABLE.

        \b
        Example:
          parley serve --db news.db --port 8001
          # then open http://127.0.0.1:8001/dyad/USA/CHN
        """
        from ..web import make_datasette

        from ..web.app import check_port

        make_datasette(db)  # fail here, with one clear line, before the server starts
        check_port(host, port)
        if host not in ("127.0.0.1", "localhost", "::1"):
            click.echo(f"parley: note: serving {db} read-only to the network on {host}:{port}", err=True)
        click.echo(f"parley: serving {db} read-only at http://{'[' + host + ']' if ':' in host else host}:{port}/  (Ctrl-C to stop)", err=True)
        from ..web import serve as run

        run(db, host=host, port=port, allow_hosts=allow_hosts)

    @main.command(name="export")
    @click.argument("out", type=click.Path(dir_okay=False, allow_dash=True))
    @click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl", "plover", "gdelt"]), required=True, help="File format.")
    @db_option
    @filter_options
    @click.option("--mentions", is_flag=True, help="One row per mention instead of per canonical event.")
    @click.option("--header", is_flag=True, help="gdelt only: write a header row (GDELT's own files have none).")
    def export_cmd(out: str, fmt: str, db: str, mentions: bool, header: bool, **filters: Any) -> None:
        """Write events to OUT (a file, or - for standard output) as Parquet, CSV, JSON lines,
        PLOVER records (JSONL) or a GDELT-shaped TSV. Takes the filters of `parley events`;
        by default the asserted canonical events, the set `parley events` lists.

        \b
        Example:
          parley export --format parquet events.parquet --db news.db
          parley export --format gdelt events.tsv --db news.db --country IRN --since 2022
          parley export --format csv - --type THREATEN | head
          duckdb -c "select type, count(*) from 'events.parquet' group by type"
        """
        from ..ask.export import export
        from ..ask.queries import count_events

        where = event_filter(filters)
        total = count_events(db, where=where, mentions=mentions)
        bar = progress(total, "export", unit="event")
        try:
            n = export(db, out, fmt, where=where, mentions=mentions, header=header, on_progress=bar.update)
        finally:
            bar.close()
        what = "mentions" if mentions else "events"
        kind = "" if where.include_all else "asserted "
        message = f"{n} {kind}{what} -> {'standard output' if out == '-' else Path(out)} ({fmt})"
        click.echo(message, err=out == "-")
