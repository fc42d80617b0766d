"""`parley extract`: read + extract only (no NLP), one record per input.

Extraction does no language analysis, so it reads pages in every language and reports the one
it detected; only `ingest` skips the languages the `languages` setting does not want. Every other
setting in force (the `PARLEY_*` environment) applies as it does to any command.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterator

from ..errors import StageError
from .language import detect
from ..pipeline import Stage, run_stages
from ..records import Document, IngestStatus
from ..settings import Settings
from . import stage as extract_stage
from ..read.files import read_inputs


def extract_paths(paths: list[str], settings: Settings | None = None, explain: bool = False) -> Iterator[dict[str, Any]]:
    """One record per input: title, text, paragraphs, page date (`published`, its source) and
    `language`; with `explain`, every page-date cue read (`published_candidates`, winner first)."""
    settings = settings if settings is not None else Settings.from_env()  # the API edge reads them once
    reading = replace(settings, languages=("any",))
    stage = Stage("extract", extract_stage.run, needs=("page",), adds=("article",))
    for item in read_inputs(paths, reading):
        if isinstance(item, IngestStatus):
            yield {"path": item.path, "status": item.status, "error": item.reason}
            continue
        try:
            doc = run_stages(Document(page=item), [stage], settings)
        except StageError as exc:
            yield {"path": item.path, "status": "failed", "error": str(exc)}
            continue
        art = doc.article
        assert art is not None
        row = {
            "path": item.path,
            "url": item.url,
            "language": detect(item.content, is_html=item.media_type == "html").code,
            "title": art.title,
            "published": art.published.isoformat() if art.published else None,
            "published_source": art.published_source,
            "method": art.method,
            "text": art.text,
            "paragraphs": [{"start": p.start, "end": p.end, "kind": p.kind} for p in art.paragraphs],
        }
        if explain:
            row["published_candidates"] = [c.as_json() for c in art.date_candidates]
            row["year_hint"] = art.year_hint
            row["year_hint_source"] = art.year_hint_source
        yield row
