"""Shared test helpers: where ../shared is, and small builders for hand-made inputs."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

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
    from parley.store.db import open_db

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


# -- builders shared by the hand-written event, actor and time tests ----------------------------

def analysed_events(text: str) -> list[Any]:
    """Every event parley codes in `text` (all modalities), through the whole pipeline."""
    import parley

    return list(parley.analyse_text(text).events)


def has_event(text: str, etype: str, src: str | None = None, tgt: str | None = None, *, asserted_only: bool = False) -> bool:
    """An event of `etype` is coded in `text`, from `src` to `tgt` where given."""
    for e in analysed_events(text):
        if e.type != etype or (asserted_only and e.modality != "asserted"):
            continue
        if src is not None and e.source.country != src:
            continue
        if tgt is not None and e.target.country != tgt:
            continue
        return True
    return False


def resolve_actors(text: str, published: date | None = None) -> list[Any]:
    """The actors of a one-paragraph page, through the pipeline's own annotate and actors stages
    (the parse the resolver sees in production)."""
    from parley.pipeline import default_stages, run_stages
    from parley.records import Article, Document, Page, Paragraph

    stages = [s for s in default_stages() if s.name in ("annotate", "actors")]
    art = Article(None, text, (Paragraph(0, len(text)),), published, "html-meta" if published else None, "test")
    doc = run_stages(Document(page=Page("t", text, "text"), article=art), stages)
    return [a for sent in doc.actors for a in sent]


def find_actor(actors: list[Any], text: str) -> Any:
    """The resolved actor written as `text`; fails naming what was resolved instead."""
    hits = [a for a in actors if a.text == text]
    assert hits, f"{text!r} not resolved; got {[(a.text, a.country) for a in actors]}"
    return hits[0]


def hand_built_doc(paragraphs: list[list[str]], published: date | None, source: str | None, *, path: str, content_hash: str) -> Any:
    """A hand-built analysed page: each paragraph a list of sentences."""
    from parley.records import Article, Document, Page, Paragraph, Sentence

    text, paras, sents = "", [], []
    for sentences in paragraphs:
        p_start = len(text)
        for s in sentences:
            start = len(text)
            text += s + " "
            sents.append(Sentence(len(sents), start, start + len(s), s, len(paras)))
        paras.append(Paragraph(p_start, len(text) - 1))
        text = text[:-1] + "\n\n"
    art = Article("t", text, tuple(paras), published, source, "test")
    return Document(page=Page(path, text, "text", content_hash=content_hash), article=art, sentences=tuple(sents))
