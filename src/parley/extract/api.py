"""`parley extract`: read + extract only (no NLP), one record per input."""

from __future__ import annotations

from typing import Any, Iterator

from ..errors import StageError
from ..pipeline import Stage, run_stages
from ..records import Document, IngestStatus
from ..settings import Settings
from . import stage as extract_stage
from ..read.files import read_inputs


def extract_paths(paths: list[str], settings: Settings | None = None) -> Iterator[dict[str, Any]]:
    settings = settings or Settings()
    stage = Stage("extract", extract_stage.run, needs=("page",), adds=("article",))
    for item in read_inputs(paths, settings):
        if isinstance(item, IngestStatus):
            yield {"path": item.path, "status": item.status, "error": item.reason}
            continue
        try:
            doc = run_stages(Document(page=item), [stage])
        except StageError as exc:
            yield {"path": item.path, "status": "failed", "error": str(exc)}
            continue
        art = doc.article
        assert art is not None
        yield {
            "path": item.path,
            "url": item.url,
            "title": art.title,
            "published": art.published.isoformat() if art.published else None,
            "published_source": art.published_source,
            "method": art.method,
            "text": art.text,
            "paragraphs": [{"start": p.start, "end": p.end, "kind": p.kind} for p in art.paragraphs],
        }
