"""Shared test helpers: where ../shared is, and small builders for hand-made inputs."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from parley.settings import Settings

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


def dated_by_time_stage(doc: Any, triggers: list[tuple[int, str]], sides: tuple[Any, Any], etype: str, *,
                        parse: bool, modality: str = "asserted") -> Any:
    """`doc` (a `hand_built_doc`) with one `etype` event between `sides` at each (sentence,
    trigger word), run through the time stage; parsed by the full pipeline first when `parse`."""
    from parley.records import Event, Parses
    from parley.time import stage as time_stage

    events = []
    for i, trigger in triggers:
        s = doc.sentences[i]
        events.append(Event(etype, sides[0], sides[1], i, s.text, s.start, s.end, trigger=trigger,
                            trigger_start=s.start + s.text.index(trigger), modality=modality))
    if parse:
        from parley.annotate import nlp

        parsed = {s.index: sdoc for s, sdoc in zip(doc.sentences, nlp.full().pipe(s.text for s in doc.sentences))}
        doc = time_stage.replace(doc, parses=Parses(parsed))
    return time_stage.run(time_stage.replace(doc, events=tuple(events)))


def hand_db(path: Path, events: list[dict[str, Any]], *, news_date: str = "2024-05-02", url: str | None = None) -> Path:
    """A parley database holding exactly these hand-written canonical events (one page, one
    mention per event): for tests of what the views, exports and questions make of known rows."""
    from parley.store.db import open_db

    db = open_db(path)
    text = " ".join(e.get("evidence", "Officials met.") for e in events)
    db["documents"].insert({"id": "d1", "path": "pages/hand.txt", "url": url, "title": "Hand-written page", "published": news_date,
                            "news_date": news_date, "news_date_source": "test", "method": "test", "text": text, "paragraphs": "[]",
                            "sentences": len(events), "ingested_at": "2024-05-02T10:00:00+00:00"})
    pos = 0
    for i, e in enumerate(events):
        evidence = e.get("evidence", "Officials met.")
        row: dict[str, Any] = {
            "id": e.get("id", f"e{i:015x}"), "type": "CONSULT", "mode": None, "context": None, "modality": "asserted",
            "date": "2024-04-16", "date_precision": "day", "date_first": None, "date_last": None, "historical": 0,
            "source_country": "USA", "target_country": "CHN", "location": None, "location_country": None,
            "evidence": evidence, "document_id": "d1", "evidence_start": pos, "evidence_end": pos + len(evidence),
            "coder": "rule:CONSULT:meet/verb:parse", "confidence": 0.9, "mentions": 1, "sources": 1,
        }
        row.update({k: v for k, v in e.items() if k in row or k.startswith(("source_", "target_"))})
        if row["date_first"] is None and row["date"]:
            v = row["date"]
            row["date_first"] = v if len(v) == 10 else (v + "-01" if len(v) == 7 else v + "-01-01")
            row["date_last"] = v if len(v) == 10 else (v + "-28" if len(v) == 7 else v + "-12-31")
        db["events"].insert(row, alter=True)
        mention = {k: v for k, v in row.items() if k not in ("mentions", "sources", "quad_class", "plover_score", "cameo_root", "goldstein")}
        mention.update({"id": "m" + row["id"], "event_id": row["id"], "sentence": i, "trigger": "met", "quotes": "[]"})
        db["mentions"].insert(mention, alter=True)
        db["ingest_status"].insert({"path": f"pages/hand-{i}.txt", "status": "stored", "reason": "", "stage": "store", "document_id": "d1", "events": 1, "updated_at": "2024-05-02"}, replace=True)
        pos += len(evidence) + 1
    db.close()
    return path


# -- builders shared by the event tests (tests/events/...) --------------------------------------

# The rules' own reading: no acceptor, dyad ranker or target filler between the rules and the
# events (those are retrained with each change and may drop or move an event the rules code).
RULES_READING = Settings().with_overrides(event_acceptor="off", dyad_ranker="off", target_fill="off")


def asserted_events(text: str, *, include_all: bool = False, settings: Settings | None = None) -> list[Any]:
    """The asserted events of `text` (every event with `include_all`), read with `settings`
    (the defaults when None)."""
    import parley

    doc = parley.analyse_text(text, settings=settings)
    return [e for e in doc.events if include_all or e.modality == "asserted"]


def event_pairs(text: str, etype: str, *, include_all: bool = False, settings: Settings | None = None) -> set[tuple[str | None, str | None]]:
    """The (source, target) country pairs of the asserted `etype` events of `text`."""
    return {(e.source.country, e.target.country) for e in asserted_events(text, include_all=include_all, settings=settings) if e.type == etype}


def rules_pairs(sentence: str, etype: str, published: str = "2022-12-14") -> set[tuple[str | None, str | None]]:
    """`event_pairs` of a page of one sentence, published that day, as the rules alone read it
    (`RULES_READING`)."""
    return event_pairs(f"PUBLISHED: {published}\n\n{sentence}\n", etype, settings=RULES_READING)


def typed_events(text: str, etype: str) -> list[Any]:
    """Every event of `etype` coded in `text`, whatever its modality."""
    return [e for e in analysed_events(text) if e.type == etype]


def show_events(text: str) -> list[tuple[str, str | None, str | None, str]]:
    """What was coded in `text`, for assertion messages."""
    return [(e.type, e.source.country, e.target.country, e.coder) for e in analysed_events(text)]


class WebClient:
    """Synchronous wrapper over Datasette's in-process ASGI client (the web tests' one client)."""

    def __init__(self, db_path: Path) -> None:
        import asyncio

        from parley.web import make_datasette

        self.ds = make_datasette(db_path)
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(self.ds.invoke_startup())

    def get(self, path: str) -> Any:
        return self.loop.run_until_complete(self.ds.client.get(path))

    def json(self, path: str, status: int = 200) -> Any:
        r = self.get(path)
        assert r.status_code == status, (path, r.status_code, r.text[:500])
        assert r.headers["content-type"].startswith("application/json")
        return r.json()
