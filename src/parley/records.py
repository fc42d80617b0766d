"""The typed, frozen records that flow through parley's pipeline.

One `Document` travels through the stages (read -> extract -> annotate -> actors -> events ->
time -> store). Each stage returns a new `Document` with its own fields filled in
(`dataclasses.replace`), so a stage can never silently change what an earlier stage produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, Mapping

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

    from .events.coding import Coding

Modality = Literal["asserted", "negated", "planned", "hypothetical", "question"]
Precision = Literal["day", "month", "season", "quarter", "half", "year", "decade"]
Status = Literal["stored", "skipped", "failed"]
ParagraphKind = Literal["body", "caption", "title"]


@dataclass(frozen=True)
class Page:
    """Raw input as read from disk (or a WARC record / feed item / URL)."""

    path: str
    content: str
    media_type: Literal["html", "text"]
    url: str | None = None
    meta: tuple[tuple[str, str], ...] = ()  # header lines of a .txt page, e.g. ("URL", "...")
    content_hash: str = ""

    def meta_value(self, key: str) -> str | None:
        for k, v in self.meta:
            if k.lower() == key.lower():
                return v
        return None


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    kind: ParagraphKind = "body"


@dataclass(frozen=True)
class DateCandidate:
    """One cue to the page's date (see parley.extract.pagedate): where it was read, the day it gives,
    the text it was read from, and its rank (lower is more trusted)."""

    source: str
    value: date
    evidence: str
    rank: int

    def as_json(self) -> dict[str, Any]:
        return {"source": self.source, "date": self.value.isoformat(), "evidence": self.evidence, "rank": self.rank}


@dataclass(frozen=True)
class Article:
    """Main text of a page, boilerplate removed. Offsets everywhere refer to `text`."""

    title: str | None
    text: str
    paragraphs: tuple[Paragraph, ...]
    published: date | None  # the page's own date (may be a render or crawl date)
    published_source: str | None  # where `published` came from
    method: str  # which extractor produced the text
    date_candidates: tuple[DateCandidate, ...] = ()  # every page-date cue, the winner first
    year_hint: int | None = None  # completes dates written without a year (page date, URL, copyright)
    year_hint_source: str | None = None  # page-date | url | copyright


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int  # index into Article.paragraphs


@dataclass(frozen=True)
class Actor:
    """One actor of an event: a person, an institution or a state, as resolved on the page."""

    text: str  # as written in the sentence
    name: str | None  # canonical person name when known ("Dong Jun")
    country: str | None  # ISO3 or IGO/UNO/EUR/NGO
    sector: str | None  # PLOVER sector code (GOV, MIL, ...)
    role: str | None  # title at the event's date ("Minister of National Defense")
    office: str | None = None  # head_of_state, defense_minister, ...
    person_id: str | None = None
    start: int = -1  # char span in Article.text (-1 when inferred, e.g. a counterpart)
    end: int = -1
    resolution: str = ""  # how it was resolved: "title+name", "surname", "country-term", ...

    @classmethod
    def absent(cls, resolution: str) -> "Actor":
        """A side no word of the page names; `resolution` says why: "none" (a one-sided act),
        "unresolved" (an addressee the page may still name), "unknown-attacker"."""
        return cls("", None, None, None, None, None, None, -1, -1, resolution)

    def as_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "office": self.office,
            "person_id": self.person_id,
            "resolution": self.resolution,
        }


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: Actor | None


@dataclass(frozen=True)
class EventDate:
    value: str  # ISO at its precision: 2024-04-16 | 2024-04 | 2024
    precision: Precision
    first: date
    last: date
    source: str  # "sentence" (an expression in it), "paragraph", "news-date", "coarse-background"
    text: str | None = None  # the expression, when there is one
    # Where the year came from: "text" (written), "page-date" or "news-date" (an expression
    # without a year, or a relative one, read against that day), "url" or "copyright" (a date
    # without a year on a page whose only date cue is its URL's or copyright line's year).
    year_from: str | None = None


@dataclass(frozen=True)
class Event:
    type: str  # PLOVER type
    source: Actor
    target: Actor
    sentence: int  # index into Document.sentences
    evidence: str
    evidence_start: int
    evidence_end: int
    mode: str | None = None
    context: str | None = None
    modality: Modality = "asserted"
    trigger: str = ""  # the words that triggered the event
    trigger_start: int = -1  # char offset of the trigger in Article.text
    coder: str = ""  # which rule or model coded it
    confidence: float = 0.5
    location: str | None = None
    location_country: str | None = None
    date: EventDate | None = None
    historical: bool = False
    quotes: tuple[Quote, ...] = ()

    @property
    def coding(self) -> Coding:
        """How the event was coded, read by field (`coder` is its stored string)."""
        from .events.coding import Coding

        return Coding.from_string(self.coder)


@dataclass(frozen=True)
class IngestStatus:
    path: str
    status: Status
    reason: str = ""
    stage: str | None = None
    document_id: str | None = None
    events: int = 0


@dataclass(frozen=True)
class Parses:
    """The spaCy parse of each candidate sentence, by sentence index (the annotate stage parses
    only sentences that may hold an event; the others have none)."""

    by_sentence: Mapping[int, "SpacyDoc"] = field(default_factory=dict)

    def get(self, sentence_index: int) -> "SpacyDoc | None":
        return self.by_sentence.get(sentence_index)


@dataclass(frozen=True)
class TokenActors:
    """The actor of each resolved noun-phrase head: sentence index -> token index -> Actor
    (token indices refer to the sentence's parse in `Parses`)."""

    by_sentence: Mapping[int, Mapping[int, Actor]] = field(default_factory=dict)

    def of(self, sentence_index: int) -> Mapping[int, Actor]:
        return self.by_sentence.get(sentence_index, {})


@dataclass(frozen=True)
class Document:
    """The container that flows through the stages."""

    page: Page
    article: Article | None = None
    sentences: tuple[Sentence, ...] = ()
    news_date: EventDate | None = None  # the date of the page's main news (may differ from page date)
    actors: tuple[tuple[Actor, ...], ...] = ()  # per sentence
    events: tuple[Event, ...] = ()
    # Working state between the analysis stages, not results: big, rebuilt from the text, left
    # out of equality and repr, and dropped (`without_working_state`) before a document is
    # stored or sent between processes. None until the stage that adds it has run.
    parses: Parses | None = field(default=None, compare=False, repr=False)  # added by annotate
    token_actors: TokenActors | None = field(default=None, compare=False, repr=False)  # added by actors

    @property
    def id(self) -> str:
        return self.page.content_hash[:16]

    def parse_of(self, sentence_index: int) -> "SpacyDoc | None":
        """The sentence's parse, or None (not a candidate sentence, or not parsed yet)."""
        return self.parses.get(sentence_index) if self.parses is not None else None

    def without_working_state(self) -> "Document":
        """The document with its parses and per-token actors dropped (the results stay)."""
        if self.parses is None and self.token_actors is None:
            return self
        return replace(self, parses=None, token_actors=None)
