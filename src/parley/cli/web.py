"""CLI: `parley serve` (the web interface) and `parley export` (files for other tools)."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def register(main: click.Group) -> None:
    @main.command()
    @click.option("--db", "db", default="parley.db", show_default=True, type=click.Path(dir_okay=False), help="SQLite database file.")
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

        make_datasette(db)  # fail here, with one clear line, before the server starts
        if host not in ("127.0.0.1", "localhost", "::1"):
            click.echo(f"parley: note: serving {db} read-only to the network on {host}:{port}", err=True)
        click.echo(f"parley: serving {db} read-only at http://{'[' + host + ']' if ':' in host else host}:{port}/  (Ctrl-C to stop)", err=True)
        from ..web import serve as run

        run(db, host=host, port=port, allow_hosts=allow_hosts)

    @main.command(name="export")
    @click.argument("out", type=click.Path(dir_okay=False, writable=True))
    @click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl", "plover", "gdelt"]), required=True, help="File format.")
    @click.option("--db", "db", default="parley.db", show_default=True, type=click.Path(dir_okay=False), help="SQLite database file.")
    @click.option("--all", "include_all", is_flag=True, help="Also negated, planned, hypothetical and question events.")
    @click.option("--mentions", is_flag=True, help="One row per mention instead of per canonical event.")
    @click.option("--header", is_flag=True, help="gdelt only: write a header row (GDELT's own files have none).")
    def export_cmd(out: str, fmt: str, db: str, include_all: bool, mentions: bool, header: bool) -> None:
        """Write events to OUT as Parquet, CSV, JSON lines, PLOVER records or a GDELT-shaped TSV.

        \b
        Example:
          parley export --format parquet events.parquet --db news.db
          parley export --format gdelt events.tsv --db news.db
          duckdb -c "select type, count(*) from 'events.parquet' group by type"
        """
        from tqdm import tqdm

        from ..ask.export import export

        bar = tqdm(desc="export", unit="event", disable=not sys.stderr.isatty(), file=sys.stderr)
        try:
            n = export(db, out, fmt, include_all=include_all, mentions=mentions, header=header, on_progress=bar.update)
        finally:
            bar.close()
        click.echo(f"{n} {'mentions' if mentions else 'events'} -> {Path(out)} ({fmt})")
