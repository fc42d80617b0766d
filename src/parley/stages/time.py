"""time: each event's own date and precision, the page's news date, and what is background.

The anchor for relative expressions is the *news date*: the page date when it comes from the
page's own metadata, but when the page date is weak (a site's date line, which is often the day the
page was rendered or crawled) and the lead paragraph dates its main event explicitly, the lead's
date wins ("page July, call April": the call is April). Both are recorded.

An event takes the date expression nearest its trigger in its sentence; else the date of an
earlier sentence in its paragraph; else, in a paragraph that the page marks as background, no
date (the coarsest honest answer) — never the page's date; else the news date. An event whose date
ends more than `HISTORICAL_MARGIN_DAYS` before the news date is historical.
Roles are then fixed at the event's date from the officeholder file ("his Chinese counterpart"
in 2022 is the 2022 minister).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..dates import DateMention, find_dates, iso_at_precision
from ..records import Actor, Document, Event, EventDate

HISTORICAL_MARGIN_DAYS = 3
# Page-date sources we trust as publication dates; anything else may be a render/crawl date.
STRONG_DATE_SOURCES = {"html-meta", "json-ld", "page-header", "url", "trafilatura"}
_BACKGROUND_CUES = re.compile(
    r"\b(?:the last time|last met|previously|in the past|years? ago|had (?:been|met|held)|"
    r"for (?:nearly|almost|more than|over)? ?(?:two|three|four|five|several|many|\d+) (?:years|months|decades)|"
    r"since (?:19|20)\d\d|back in|at that time|at the time|historically|formerly)\b",
    re.IGNORECASE,
)


def is_historical(when: EventDate | None, anchor: date | None, background: bool) -> bool:
    """Background to the news: a day more than HISTORICAL_MARGIN_DAYS before the news date (a
    report on Thursday of Tuesday's talks is still news), or a coarser period that is over by the
    news date ("earlier this month", "in 2022"), or an undated event in a background paragraph."""
    if anchor is None:
        return False
    if when is None:
        return background
    if when.precision == "day":
        return when.last < anchor - timedelta(days=HISTORICAL_MARGIN_DAYS)
    if when.text and re.search(r"\b(?:earlier|ago|last|previous|past)\b", when.text, re.IGNORECASE):
        return when.first < anchor
    return when.last < anchor


def _event_date(m: DateMention, source: str) -> EventDate:
    return EventDate(iso_at_precision(m.first, m.precision), m.precision, m.first, m.last, source, m.text)


def infer_news_date(doc: Document) -> EventDate | None:
    art = doc.article
    assert art is not None
    page_date = art.published
    strong = page_date is not None and (art.published_source or "") in STRONG_DATE_SOURCES
    if strong:
        assert page_date is not None
        return EventDate(page_date.isoformat(), "day", page_date, page_date, "page-date:" + (art.published_source or ""))
    body = [p for p in art.paragraphs if p.kind == "body"]
    lead_sents = [s for s in doc.sentences if body and s.paragraph == art.paragraphs.index(body[0])][:2]
    for s in lead_sents:
        for m in find_dates(s.text, page_date or date.today()):
            if m.precision == "day" and (page_date is None or m.last <= page_date):
                if page_date is None and m.relative:
                    continue
                return EventDate(m.first.isoformat(), "day", m.first, m.last, "lead-event", m.text)
    if page_date is not None:
        return EventDate(page_date.isoformat(), "day", page_date, page_date, "page-date:" + (art.published_source or "unknown"))
    return None


def _nearest(mentions: list[DateMention], pos: int) -> DateMention | None:
    if not mentions:
        return None

    def distance(m: DateMention) -> int:
        if m.start >= pos:
            return m.start - pos
        return (pos - m.end) + 1  # slight preference for expressions after the trigger

    return min(mentions, key=distance)


def _role_at(actor: Actor, when: EventDate | None, holders: object) -> Actor:
    """Fix an actor's role and office to the event's date using the officeholder file."""
    if when is None:
        return actor
    from ..people import Officeholders

    assert isinstance(holders, Officeholders)
    probe_days = [when.first, when.first + (when.last - when.first) / 2, when.last]
    if actor.person_id or actor.name:
        terms = holders.find_person(actor.name or actor.text, on=None, country=actor.country)
        terms = [t for t in terms if actor.person_id is None or t.person_id == actor.person_id]
        active = [t for t in terms for d in probe_days if t.start <= d and (t.end is None or d <= t.end)]
        if active:
            # The most senior office active that day, preferring the office the page gave.
            pick = next((t for t in active if t.office == actor.office), active[0])
            return replace(actor, role=pick.role, office=pick.office, sector=pick.sector, country=actor.country or pick.country, person_id=pick.person_id, name=pick.name)
        if terms:
            # Known person, but not in office then: keep only what the sentence itself said.
            said = actor.role if actor.role and actor.role.lower() in actor.text.lower() else None
            return replace(actor, role=said, office=actor.office if said else None)
        return actor
    return actor


def _counterpart(actor: Actor, other: Actor, when: EventDate | None, holders: object) -> Actor:
    from ..people import Officeholders

    assert isinstance(holders, Officeholders)
    if when is None or not actor.country or not other.office:
        return actor
    probe_days = [when.first, when.first + (when.last - when.first) / 2, when.last]
    found = [holders.holder(actor.country, other.office, d) for d in probe_days]
    found = [t for t in found if t is not None]
    if not found:
        return replace(actor, office=other.office)
    counts: dict[str, int] = {}
    for t in found:
        counts[t.person_id] = counts.get(t.person_id, 0) + 1
    best = max(found, key=lambda t: counts[t.person_id])
    return replace(actor, name=best.name, person_id=best.person_id, role=best.role, office=best.office, sector=best.sector, resolution="counterpart-at-date")


def run(doc: Document) -> Document:
    assert doc.article is not None
    news = infer_news_date(doc)
    anchor = news.first if news else None
    from ..people import load_officeholders

    holders = load_officeholders()
    art = doc.article
    per_sentence: dict[int, list[DateMention]] = {}
    for s in doc.sentences:
        mentions = [replace(m, start=m.start + s.start, end=m.end + s.start) for m in find_dates(s.text, anchor)]
        per_sentence[s.index] = mentions
    background_paras = {
        i for i, p in enumerate(art.paragraphs) if _BACKGROUND_CUES.search(art.text[p.start : p.end])
    }
    dated: list[Event] = []
    for e in doc.events:
        sent = doc.sentences[e.sentence]
        m = _nearest(per_sentence.get(e.sentence, []), e.trigger_start)
        when: EventDate | None
        if m is not None:
            when = _event_date(m, "sentence")
        else:
            prev = [
                x
                for s in doc.sentences
                if s.paragraph == sent.paragraph and s.index < sent.index
                for x in per_sentence.get(s.index, [])
            ]
            if prev:
                when = _event_date(prev[-1], "paragraph")
            elif sent.paragraph in background_paras:
                when = None
            else:
                when = news
        historical = is_historical(when, anchor, sent.paragraph in background_paras)
        source = _role_at(e.source, when, holders)
        target = _role_at(e.target, when, holders)
        if target.resolution == "counterpart":
            target = _counterpart(target, source, when, holders)
        if source.resolution == "counterpart":
            source = _counterpart(source, target, when, holders)
        modality = e.modality
        # A plan whose own date has passed is reported as done ("agreed to send a delegation to
        # attend the January talks"); a planned event with a future date stays planned.
        if modality == "planned" and when is not None and when.source == "sentence" and anchor and historical:
            modality = "asserted"
        dated.append(replace(e, date=when, historical=historical, source=source, target=target, modality=modality))
    from .events import dedupe

    return replace(doc, news_date=news, events=tuple(dedupe(dated)))
