"""time: each event's own date and precision, the page's news date, and what is background.

News date. The anchor for deictic expressions ("on Tuesday", "earlier this month") is the *news
date*. A page date taken from the page's metadata (meta tags, JSON-LD, a PUBLISHED header, the URL)
is trusted as the publication date; the lead's own day (a weekday, "yesterday", a date it writes)
within the week before it is the news date. A date found anywhere else - typically a site's date line,
which is often the day the page was rendered or crawled - is weak: when the lead (the first
substantive body paragraph) dates its main event with an explicit day on or before the page date,
that day is the news date ("page dated July, call on April 16": the news is April 16, and
"earlier this month" means April). Without any page date only absolute lead dates count (a bare
"April 16" needs a year from somewhere; we never guess it from today's date). Both dates are kept:
`Article.published` and `Document.news_date` (with its source).

Event date. An event takes the date expression nearest its trigger in its own sentence (an act
told in a trailing gap clause, "voted on Sunday, two days after a drone strike killed ...", is
counted back from that date: hours keep the day, a vague "days"/"weeks" keeps the month); else the
latest date of an earlier sentence in its paragraph, unless that date is background (before the
news by more than the historical margin) named in a side clause or a noun's prepositional phrase (the paragraph
stepped back into history for a clause and returned; a main clause's date sets the scene), or
background the sentence does not continue (a new act told with no time word after a background
sentence is the news's: "NATO said it backed the decision"; "He also ...", "... too", "In
return, ..." continue it), or a recent day before the publication date the sentence does not
continue, or a day after the news date for an act told as done;
else, in a paragraph the page marks as
background, the widest honest range the paragraph gives ("since 2020", "over the past two years")
or none at all - never the page's or the news date; else the news date (the publication date
when the news date is the lead's day of the week before a trusted page date). Precision is kept
(day, month, season, quarter, half, year, decade); multi-day events keep start and end
("January 8-9" -> first 2024-01-08, last 2024-01-09, value "2024-01-08/2024-01-09"); a duration
("over the past two years") is stored at the precision its length supports (a two-year span is
"year", value "2022/2024"), and "since 2020" runs from 2020 to the news date.
Anaphoric expressions ("the next day", "two days later", "three days earlier") are anchored on the
latest date named before them: earlier in their own sentence, else in the same paragraph (else
the previous paragraph), not on the news date. A day, a month or a year that sets the time ("In
2011 ...") counts; from a month or a year, the anaphor keeps its precision ("In 2011 protesters
stormed the embassy, and Britain expelled its diplomats the next day": 2011). A flashback ("two
days earlier") dates its own act but is no reference for the anaphors after it. "The next year"
and an uncounted "days later" or "within hours" count only from their own paragraph's past time
(`time.anaphora`). When the act's
own clause names no date, a past date with its year written in its own complement dates it
("had agreed to build the link in 1991": `time.clauses`).

Historical. An event whose date ends more than `HISTORICAL_MARGIN_DAYS` before the news date is
historical (background); so is an undated event in a background paragraph. The lead paragraph is
never background: it reports the news. Background events keep their own date.
Roles are then fixed at the event's date from the officeholder file ("his Chinese counterpart"
in 2022 is the 2022 minister).

Headlines. Once events are dated, one told in headline form (a title, a short standfirst or
summary line) is dropped where a body sentence tells one of the same type, pair and historical
flag: the headline restates the body, and the body is the record (the annotation manual,
section 1). Then `events.dedupe` keeps one event per type, pair, sentence and date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..events.ontology import pair_key
from ..events.words import PRONOUN_SUBJECTS
from ..extract.pagedate import STRONG_SOURCES
from ..records import Actor, Article, Document, Event, EventDate, Precision, Sentence
from .anaphora import ANAPHORIC, counted_from_references, reference
from .clauses import in_spans, own_clause_dates, subtree_span, tells_dated_noun
from .expressions import DateMention, find_dates
from .expressions import span_value as _value
from .gaps import gap_date, in_trailing_gap, references, trailing_gap_date
from .told import told_unit_anaphora, told_year_counts

if TYPE_CHECKING:
    from ..reference.people import OfficeTerm

HISTORICAL_MARGIN_DAYS = 3
# A lead day this close before the page date is the news of a page written on the page date.
RECENT_LEAD_DAYS = 6
# Page-date sources we trust as publication dates; anything else may be a render/crawl date.
STRONG_DATE_SOURCES = STRONG_SOURCES
# A weak page date may run a day ahead of the lead's date (time zones, late-night filing).
_LEAD_SLACK = timedelta(days=1)
_LEAD_MIN_WORDS = 8
_BACKGROUND_CUES = re.compile(
    # (a pluperfect in a relative clause - "a visit that had been planned", "nationals who had
    # been charged" - describes a participant, not the paragraph's time)
    r"\b(?:the last time|last met|previously|in the past|years? ago|(?<!\bthat )(?<!\bwhich )(?<!\bwho )had (?:been|met|held)|"
    r"for (?:nearly|almost|more than|over)? ?(?:two|three|four|five|several|many|\d+) (?:years|months|decades)|"
    r"since (?:19|20)\d\d|back in|at that time|at the time|historically|formerly)\b",
    re.IGNORECASE,
)
# A speech verb earlier in the sentence: a pluperfect after it ("said none of its planes had
# been in the area") is the reported words' tense, shifted back, not a step back in time.
_REPORTED = re.compile(
    r"\b(?:said|says|told|tells|stated|added|noted|insisted|claimed|denied|confirmed|reported|acknowledged|admitted|"
    r"explained|argued|maintained|announced|declared|stressed|insists|claims|denies|confirms)\b[^.!?]*$",
    re.IGNORECASE,
)


def is_background_text(text: str) -> bool:
    """A background cue in `text` (`_BACKGROUND_CUES`), a pluperfect in reported speech not counted."""
    return any(not (m.group(0).lower().startswith("had ") and _REPORTED.search(text[: m.start()]))
               for m in _BACKGROUND_CUES.finditer(text))


# A paragraph of running text ends like a sentence; a headline-style standfirst does not.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s*$")
_SINCE = re.compile(r"\b(?:since|ever since)\s*$", re.IGNORECASE)
# A dateline or byline paragraph is not the lead ("By Jane Doe", "WASHINGTON (Reuters) -").
_BYLINE = re.compile(r"^\s*(?:by\s+[A-Z]|[A-Z][A-Z .,]+(?:\([^)]*\))?\s*[-\u2013\u2014:]\s*$)")


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


def _span_precision(first: date, last: date, precision: Precision) -> Precision:
    """A duration given as a day range ("the past two years") is only as precise as its length."""
    days = (last - first).days
    if precision != "day" or days <= 31:
        return precision
    return "year" if days > 366 else "month"


def year_source(m: DateMention, anchor_label: str | None) -> str | None:
    """Where a mention's year came from: written in it ("text"), or the anchor it was read
    against (`anchor_label`: page-date, news-date, url, copyright)."""
    if not m.relative and not m.year_inferred:
        return "text"
    return anchor_label


def _event_date(m: DateMention, source: str, before: str = "", anchor: date | None = None, anchor_label: str | None = None) -> EventDate:
    """EventDate for a mention; `before` is the sentence text up to the mention ("since 2020")."""
    first, last, precision = m.first, m.last, m.precision
    if anchor is not None and _SINCE.search(before) and first <= anchor:
        last = max(last, anchor)  # "since 2020": from 2020 up to the news
    precision = _span_precision(first, last, precision)
    return EventDate(_value(first, last, precision), precision, first, last, source, m.text, year_source(m, anchor_label))


def lead_sentences(doc: Document) -> list[Sentence]:
    """The first two sentences of the first substantive body paragraph (the news lead)."""
    art = doc.article
    assert art is not None
    for i, p in enumerate(art.paragraphs):
        text = art.text[p.start : p.end]
        if p.kind != "body" or len(text.split()) < _LEAD_MIN_WORDS or _BYLINE.match(text):
            continue
        if not _SENTENCE_END.search(text):
            continue  # a standfirst or subheading in headline style ("Abiy's visit ends two decades of war")
        return [s for s in doc.sentences if s.paragraph == i][:2]
    return []


# Headlines, standfirsts and summary lines are short; a paragraph a scrape cut off mid-sentence
# ("..., including a proposal to resume") is not one.
HEADLINE_MAX_WORDS = 25


def headline_sentences(doc: Document) -> set[int]:
    """Sentences in headline form: a title paragraph's, and the only sentence of a short paragraph
    that does not end like a sentence (a standfirst, a subheading, a bulleted summary line)."""
    art = doc.article
    assert art is not None
    per_paragraph: dict[int, list[int]] = {}
    for s in doc.sentences:
        per_paragraph.setdefault(s.paragraph, []).append(s.index)
    out: set[int] = set()
    for i, p in enumerate(art.paragraphs):
        sents = per_paragraph.get(i, [])
        text = art.text[p.start : p.end]
        if p.kind == "title" or (len(sents) == 1 and len(text.split()) <= HEADLINE_MAX_WORDS and not _SENTENCE_END.search(text)):
            out.update(sents)
    return out


def drop_restated_headlines(doc: Document, events: list[Event]) -> list[Event]:
    """A headline restates the body in compressed form and the body is the record (the annotation
    manual, section 1): an asserted event told in headline form is dropped when a body sentence
    codes one of the same type, pair (either order for a symmetric type) and historical flag.
    One the body does not tell (its mention may have been missed) stays."""
    headlines = headline_sentences(doc)
    if not headlines:
        return events

    def key(e: Event) -> tuple[object, ...]:
        return (e.type, pair_key(e.type, e.source.country, e.target.country), e.historical)

    told = {key(e) for e in events if e.modality == "asserted" and e.sentence not in headlines}
    return [e for e in events if not (e.modality == "asserted" and e.sentence in headlines and key(e) in told)]


def _lead_paragraph(doc: Document) -> int | None:
    lead = lead_sentences(doc)
    return lead[0].paragraph if lead else None


from ..extract.dateline import DATELINE as _DATELINE  # noqa: E402 - one definition, shared with actors


def infer_news_date(doc: Document) -> EventDate | None:
    """The date of the page's main news (see the module docstring)."""
    art = doc.article
    assert art is not None
    page_date = art.published
    page_source = "page-date:" + (art.published_source or "unknown")
    leads = lead_sentences(doc)
    if page_date is not None and _is_live_blog(art):
        # A live blog's posts are the page's day's news ("09:20 Turkey says two ships have set
        # sail"): its lead's earlier day ("dams burst on Sunday night") dates only that sentence.
        return EventDate(page_date.isoformat(), "day", page_date, page_date, page_source, year_from="page-date")
    if page_date is not None and (art.published_source or "") in STRONG_DATE_SOURCES:
        # A trusted publication date is the anchor, but the news is the day the lead reports
        # ("published Wednesday: ... met on Tuesday", "On 12 August, ..." in a report of 15
        # August), when it lies within the past week. (An older day the lead writes stays
        # background: taking it too lost corpus dev pages and date-cue pages, session 19's R2.)
        lead = _lead_event_day(doc, leads, page_date)
        if lead is not None and page_date - timedelta(days=RECENT_LEAD_DAYS) <= lead.first <= page_date:
            return lead
        return EventDate(page_date.isoformat(), "day", page_date, page_date, page_source, year_from="page-date")
    # A wire dateline ("NAIROBI, June 26 (Reuters) - ...") states the dispatch date: the news date.
    dateline = _DATELINE.match(leads[0].text) if leads else None
    if dateline:
        for m in find_dates(dateline.group("when"), page_date):
            if m.precision == "day" and (page_date is None or m.last <= page_date + _LEAD_SLACK):
                return EventDate(m.first.isoformat(), "day", m.first, m.first, "dateline", m.text, year_source(m, "page-date"))
    lead = _lead_event_day(doc, leads, page_date)
    if lead is not None:
        return lead
    if page_date is not None:
        return EventDate(page_date.isoformat(), "day", page_date, page_date, page_source, year_from="page-date")
    return None


_CLOCK_POST = re.compile(r"^\s*(?:\d{1,2}[:.]\d{2}|\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.))\b", re.IGNORECASE)


def _is_live_blog(art: Article) -> bool:
    """Three or more paragraphs, at least half of them, open with a clock time ("09:20 Turkey says")."""
    paras = [art.text[p.start : p.end] for p in art.paragraphs]
    posts = sum(1 for p in paras if _CLOCK_POST.match(p))
    return posts >= 3 and 2 * posts >= len(paras)


def _lead_event_day(doc: Document, leads: list[Sentence], page_date: date | None) -> EventDate | None:
    """The day the lead dates its main event with (the expression nearest the lead's first
    trigger): a weekday, "yesterday" or a day it writes, not after the page date (plus a day)."""
    first_event = {e.sentence: e for e in reversed(doc.events)}  # first event per sentence
    for s in leads:
        # No page date: anchor None, so only absolute dates (with their year) are found. A date
        # after a background cue ("The last time they met was on March 3") is not the news.
        found = [
            m for m in find_dates(s.text, page_date)
            if m.precision == "day" and not ANAPHORIC.search(m.text)
            and not _BACKGROUND_CUES.search(s.text[: m.start])
            and (page_date is None or m.last <= page_date + _LEAD_SLACK)
        ]
        if not found:
            continue
        # "returned to Iraq on Monday ..., after Baghdad last Wednesday accepted ...": a day the
        # main clause tells is the news's; a side clause's day only when the main clause has none
        main = [m for m in found if _sets_the_scene(doc, s, replace(m, start=m.start + s.start, end=m.end + s.start))]
        found = main or found
        event = first_event.get(s.index)
        pos = (event.trigger_start if event else s.start) - s.start
        m = min(found, key=lambda x: (abs(x.start - pos), x.start))
        if _is_plan(s.text, m, event):
            continue  # a visit announced for a coming day is not the day of the news
        return EventDate(m.first.isoformat(), "day", m.first, m.first, "lead-event", m.text, year_source(m, "page-date"))
    return None


def _is_plan(text: str, m: DateMention, event: Event | None) -> bool:
    """The lead dates a plan, not a happening: its event is planned, or the clause before the
    date speaks of the future ("will visit on May 3", "is due to arrive on Friday")."""
    if event is not None and event.modality == "planned":
        return True
    return bool(_FUTURE.search(text[max(0, m.start - 60) : m.start]))


def deictic_anchor(news: EventDate | None, page_date: date | None) -> date | None:
    """The day deictic expressions ("on Wednesday", "last month") count from: the page date when
    the news lies within the week before it (the page was written then: a Thursday page's "on
    Wednesday" is the day before, even when its lead reports Tuesday), else the news date (a July
    page re-reporting an April call: "earlier this month" is April)."""
    if news is None:
        return page_date
    if page_date is not None and news.source == "lead-event" and timedelta(0) <= page_date - news.first <= timedelta(days=RECENT_LEAD_DAYS):
        return page_date
    return news.first


def undated_act_date(news: EventDate | None, art: Article) -> EventDate | None:
    """The date of a new act told with no time word and no occasion it continues: the news date,
    read as a wire story's publication date (the manual, section 5, step 1). When the news date
    is the lead's day within the week before a trusted page date ("published Monday: ... expelled
    on Saturday"), the lead's day dates the lead's acts; an undated act told after them ("The
    Kremlin called the accusations absurd") is the page's day's news, as the dev gold dates it.
    (The manual's step 1 says so since session 26: a lead day counted back from a trusted page
    date is not a disagreement between page and lead.)"""
    published = art.published
    if (news is not None and published is not None and news.source == "lead-event"
            and (art.published_source or "") in STRONG_DATE_SOURCES
            and timedelta(0) < published - news.first <= timedelta(days=RECENT_LEAD_DAYS)):
        return EventDate(published.isoformat(), "day", published, published, "page-date:" + (art.published_source or "unknown"), year_from="page-date")
    return news


# "the 2000 peace agreement", "Iran's 2015 nuclear deal": a year naming a thing, not a time.
_MODIFIER_YEAR_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this|that)|'s|\u2019s)\s+$", re.IGNORECASE)
_MODIFIER_YEAR_AFTER = re.compile(r"^\s+(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+")


def _not_modifier_years(doc: Document, e: Event, mentions: list[DateMention]) -> list[DateMention]:
    """Drop a bare year used as a noun modifier ("accept the 2000 peace agreement") unless it
    modifies the trigger itself ("the 2022 meeting" dates the meeting) or the act is told as
    that noun's occasion ("the 1937 massacre, when soldiers killed ...": `tells_dated_noun`)."""
    text = doc.article.text  # type: ignore[union-attr]
    out = []
    for m in mentions:
        if m.precision == "year" and re.fullmatch(r"(?:1[89]|20)\d\d", m.text) and _MODIFIER_YEAR_BEFORE.search(text[max(0, m.start - 12) : m.start]):
            after = text[m.end : m.end + 40]
            nxt = re.match(r"^\s+([a-z][a-z-]*|[A-Z][a-z]+)", after)
            if nxt is not None and nxt.group(1).lower() not in _NOT_NOUN_WORDS:
                np_end = m.end + len(_MODIFIER_YEAR_AFTER.match(after).group(0))  # type: ignore[union-attr]
                if not (m.end < e.trigger_start <= np_end) and not tells_dated_noun(doc, e, m):
                    continue
        out.append(m)
    return out


_WORD = re.compile(r"[\w'-]+")
_NOT_NOUN_WORDS = {"and", "or", "to", "when", "after", "before", "in", "on", "at", "by", "for", "with", "was", "were", "is", "had", "has"}


# Dependencies that put a date in a side clause or a noun's phrase, not in its sentence's main clause.
_SIDE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "appos", "pcomp", "parataxis"}


def _sets_the_scene(doc: Document, sent: Sentence, m: DateMention) -> bool:
    """The date is told in its sentence's main clause ("In 1982, Argentina invaded", "Baku
    regained control last September"), not in a side clause ("which it abolished in 1948", "an
    agreement signed in 2012") or a noun's prepositional phrase ("the war in 2008"). Unparsed: True."""
    sdoc = doc.parse_of(sent.index)
    if sdoc is None:
        return True
    span = sdoc.char_span(m.start - sent.start, m.end - sent.start, alignment_mode="expand")
    if span is None:
        return True
    for up in [span.root, *span.root.ancestors][:12]:
        if up.dep_ in _SIDE_DEPS:
            return False
        if up.dep_ == "prep" and up.head.pos_ in ("NOUN", "PROPN"):
            return False  # "the war in 2008": the date belongs to a noun
    return True


# Words by which a sentence continues the occasion just told ("He also warned ...", "... the
# border too", "In return, ...", "Within days, police arrested ..."), as the manual's section 5
# step 4 reads them.
_CONTINUATION = re.compile(
    r"\b(?:also|too|as well|then|later|afterwards?|in return|in response|within (?:hours|days|weeks|a day|a week)"
    r"|during|after (?:the|that|this)|the same day|that (?:day|morning|afternoon|evening|night|weekend|week|month|year)"
    r"|at the time|by then)\b",
    re.IGNORECASE,
)


# The events stage's pronoun subjects, less "I": a quoted speaker, not the party the paragraph told of.
_CONTINUING_PRONOUNS = PRONOUN_SUBJECTS - {"i"}


def _continues_occasion(doc: Document, e: Event) -> bool:
    """The sentence continues the occasion an earlier sentence dated: its main clause's subject
    is a personal pronoun ("He said ..."), or it carries a continuation word ("also", "in
    return", "within days", "after the incident"). A new act told without a time word ("NATO
    said it backed the decision") does not: it is the news's (docs/annotation.md section 5)."""
    sent = doc.sentences[e.sentence]
    if _CONTINUATION.search(sent.text):
        return True
    sdoc = doc.parse_of(e.sentence)
    if sdoc is None:
        return True  # unparsed: as before
    roots = [t for t in sdoc if t.dep_ == "ROOT"]
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _CONTINUING_PRONOUNS for r in roots for c in r.children)


def _told_as_current(doc: Document, e: Event) -> bool:
    """The act is told in the present perfect ("Eritrea has rejected mediation", "planes have
    been allowed to land") or the present simple ("Caracas calls the operation a pretext"):
    English does not put these with a definite past time, so an earlier sentence's date is not
    its date; it is reported as of the news. The verb is the trigger's, or the nearest verb above
    a noun trigger ("has held talks"). Unparsed: False."""
    sdoc = doc.parse_of(e.sentence)
    if sdoc is None or e.trigger_start < 0:
        return False
    at = e.trigger_start - doc.sentences[e.sentence].start
    span = sdoc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return False
    verb = next((t for t in [span.root, *span.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    if verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return True  # the present simple: "Caracas calls the operation a pretext"
    if verb.tag_ != "VBN":
        return False
    return any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_.lower() == "have" for c in verb.children)


def _not_dateline(doc: Document, e: Event, mentions: list[DateMention]) -> list[DateMention]:
    """Drop the date of a wire dateline ("PORT-AU-PRINCE, Oct 3 - Haiti recalled its envoy on
    Tuesday") when the sentence dates its act otherwise: the dateline is the filing day, the
    act's own day is "Tuesday". Alone, it stays (the act is then the day's news)."""
    from ..extract.dateline import dateline_end

    sentence = doc.sentences[e.sentence]
    end = dateline_end(sentence.text)
    if not end:
        return mentions
    rest = [m for m in mentions if m.start - sentence.start >= end]
    return rest or mentions


def _participle_naming(doc: Document, e: Event, mentions: list[DateMention]) -> int:
    """Where to date a learned event (the sentence model's type, coded at the main clause's verb):
    at the past participle that alone names its type in the rules' lexicon, when that participle
    heads a reduced relative clause holding a date of its own ("dropped all charges against a
    journalist arrested last month": COERCE is "arrested", dated "last month"). Where the trigger
    itself names no act (the model codes the type at a frame verb: "was fixed in treaties that the
    two presidents signed in September 1977"), at the one verb naming the type that heads a full
    relative clause with a date of its own. Else its trigger."""
    from ..annotate.nlp import token_at
    from ..events.lexicon import triggers_for

    sdoc = doc.parse_of(e.sentence)
    if sdoc is None or not e.coder.startswith("model:") or e.trigger_start < 0 or not mentions:
        return e.trigger_start
    start = doc.sentences[e.sentence].start
    naming = [t for t in sdoc if any(x.type == e.type for x in triggers_for(t.lemma_, t.pos_))]

    def dated(word: Any) -> int:
        return start + word.idx if any(in_spans(m, start, [subtree_span(word)]) for m in mentions) else e.trigger_start

    if len(naming) == 1 and start + naming[0].idx != e.trigger_start and naming[0].dep_ == "acl" and naming[0].tag_ == "VBN":
        return dated(naming[0])
    trigger = token_at(sdoc, e.trigger_start - start)
    if trigger is None or triggers_for(trigger.lemma_, trigger.pos_):
        return e.trigger_start  # an act word is the act the model read; a relative clause tells another
    # a noun naming the type ("treaty") heads no clause: only the verbs count
    verbs = [t for t in naming if t.pos_ == "VERB"]
    if len(verbs) == 1 and verbs[0].dep_ == "relcl":
        return dated(verbs[0])
    return e.trigger_start


def _gap_clause_naming(doc: Document, e: Event) -> int:
    """Where to date a learned event (coded at the main clause's verb) whose type is told in a
    trailing gap clause: at the one word of its sentence that names its type in the rules'
    lexicon (as a verb or a noun), when that word is inside the clause ("banned the apps on
    Monday, two weeks after a deadly clash": ASSAULT is "clash", counted back from Monday by
    `trailing_gap_date`); else its trigger."""
    from ..events.lexicon import words_naming

    sdoc = doc.parse_of(e.sentence)
    if sdoc is None or not e.coder.startswith("model:") or e.trigger_start < 0:
        return e.trigger_start
    sent = doc.sentences[e.sentence]
    naming = words_naming(sdoc, e.type)
    if len(naming) != 1 or sent.start + naming[0].idx == e.trigger_start:
        return e.trigger_start
    at = sent.start + naming[0].idx
    return at if in_trailing_gap(sent, at) and not in_trailing_gap(sent, e.trigger_start) else e.trigger_start


def _nearest(mentions: list[DateMention], pos: int, end: int | None = None) -> DateMention | None:
    """The expression nearest the trigger word (from `pos` to `end`): one after it is measured
    from the word's end ("agreed in April" is three characters away, not nine)."""
    if not mentions:
        return None
    end = pos if end is None else end

    def distance(m: DateMention) -> int:
        if m.start >= pos:
            return max(0, m.start - end)
        return (pos - m.end) + 1  # slight preference for expressions after the trigger

    best = min(mentions, key=distance)
    # A more precise expression inside the nearest one's range names the same time better
    # ("the 2020 Sea Guardians exercise ... in January 2020" is January 2020).
    rank = {"day": 0, "month": 1, "season": 2, "quarter": 2, "half": 3, "year": 4, "decade": 5}
    finer = [
        m for m in mentions
        if rank[m.precision] < rank[best.precision] and best.first <= m.first and m.last <= best.last
    ]
    return min(finer, key=lambda m: (rank[m.precision], distance(m))) if finer else best


def _inherits(doc: Document, e: Event, ps: Sentence, pm: DateMention, inherited: EventDate, news: EventDate | None,
              undated: EventDate | None, holders: object) -> bool:
    """Whether an undated event takes the date `inherited` from an earlier sentence `ps` of its
    paragraph (the mention `pm`), by the manual's section 5, step 4."""
    news_day = news.first if news else None
    past = is_historical(inherited, news_day, False)  # background before the news, by the 7-day line
    if news_day is not None and inherited.first > news_day and e.modality == "asserted":
        # "Ecuador will impose a tariff from February 1 ... Petro answered within hours": a day
        # after the news dates a plan; an act told as done is not after the news
        return False
    if news_day is not None and past and not _sets_the_scene(doc, ps, pm):
        # A background date named in a side clause ("Costa Rica, which abolished its
        # army in 1948, ...") is not the date of the next act the paragraph tells: the
        # paragraph stepped back into history for a clause and returned to the news.
        # A main clause's date ("In 1982, Argentina invaded the islands.") sets the
        # time of the acts told after it.
        return False
    if news_day is not None and past and not _continues_occasion(doc, e):
        # "In March, the US suspended the treaty. NATO said it backed the decision.": a
        # new act told with no time word is the news's, not the background's
        return False
    if (undated is not None and not past
          and inherited.last < undated.first and not _continues_occasion(doc, e)):
        # "Libya closed the crossing on Tuesday ... Tunisia's foreign ministry urged
        # Libya to reopen it": a new act told with no time word after a dated one
        # is the news's, as after background, unless its words continue that occasion
        return False
    if news_day is not None and not past and ps.index < e.sentence - 1:
        # A recent day named further back ("... who was shot dead on Wednesday." two
        # sentences before "Bogota has asked Haiti for consular access") dated an earlier
        # happening; the acts reported after it are the news's
        return False
    if news is not None and past and _out_of_office(e, inherited, news, holders):
        # "President Laura Chinchilla accused Nicaragua" after a paragraph's 1948: the
        # titled person held no office then, and holds it at the news date
        return False
    return True


def _role_at(actor: Actor, when: EventDate | None, holders: object) -> Actor:
    """Fix an actor's role and office to the event's date using the officeholder file."""
    if when is None:
        return actor
    from ..reference.people import Officeholders

    assert isinstance(holders, Officeholders)
    probe_days = [when.first, when.first + (when.last - when.first) / 2, when.last]
    if actor.person_id or actor.name:
        terms = _person_terms(actor, holders)
        active = [t for t in terms for d in probe_days if t.active_on(d)]
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


def _person_terms(actor: Actor, holders: object) -> list[OfficeTerm]:
    """The office terms of the person an actor names (its resolved person, when it has one)."""
    from ..reference.people import Officeholders

    assert isinstance(holders, Officeholders)
    terms = holders.find_person(actor.name or actor.text, on=None, country=actor.country)
    return [t for t in terms if actor.person_id is None or t.person_id == actor.person_id]


def _out_of_office(e: Event, when: EventDate, news: EventDate, holders: object) -> bool:
    """A side of `e` is a person named with a title ("President Laura Chinchilla") who held no
    office of theirs on `when` but holds one on the news date."""
    for actor in (e.source, e.target):
        if not (actor.person_id or actor.name) or not actor.role or actor.role.lower() not in actor.text.lower():
            continue  # no person, or no title in the page's own words
        terms = _person_terms(actor, holders)
        if not terms:
            continue
        then = any(t.active_on(d) for t in terms for d in (when.first, when.last))
        now = any(t.active_on(news.first) for t in terms)
        if now and not then:
            return True
    return False


def _counterpart(actor: Actor, other: Actor, when: EventDate | None, holders: object) -> Actor:
    from ..reference.people import Officeholders

    assert isinstance(holders, Officeholders)
    if when is None or not actor.country or not other.office:
        return actor
    probe_days = [when.first, when.first + (when.last - when.first) / 2, when.last]
    found = [t for t in (holders.holder(actor.country, other.office, d) for d in probe_days) if t is not None]
    if not found:
        return replace(actor, office=other.office)
    counts: dict[str, int] = {}
    for t in found:
        counts[t.person_id] = counts.get(t.person_id, 0) + 1
    best = max(found, key=lambda t: counts[t.person_id])
    return replace(actor, name=best.name, person_id=best.person_id, role=best.role, office=best.office, sector=best.sector, resolution="counterpart-at-date")


_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_MONTH_NAME = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
# A plan stated in the future tense; "agreed to send a delegation in January" is a past frame.
_FUTURE = re.compile(r"\b(?:will|shall|is (?:due|set|scheduled|expected|slated) to|are (?:due|set|scheduled|expected|slated) to|plans? to)\b", re.IGNORECASE)
_PAST_WORDS = re.compile(r"\b(?:last|ago|earlier|previous|past|yesterday|preceding)\b", re.IGNORECASE)


def _shift_year(d: date, years: int = 1) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _forward(when: EventDate, m: DateMention, anchor: date | None) -> EventDate:
    """A plan in the future tense ("will hold a call on Saturday") is in the future: a yearless or weekday
    expression that the tense-blind date grammar resolved into the past moves to its next
    occurrence (the weekday a week on, the month or day a year on)."""
    if anchor is None or m.kind not in ("relative", "partial") or when.last >= anchor or _PAST_WORDS.search(m.text):
        return when
    first, last = when.first, when.last
    if _WEEKDAY.search(m.text) and not _MONTH_NAME.search(m.text):
        while first < anchor:
            first, last = first + timedelta(days=7), last + timedelta(days=7)
    else:
        first, last = _shift_year(first), _shift_year(last)
    return replace(when, value=_value(first, last, when.precision), first=first, last=last)


def _mentions(text: str, anchor: date | None, year_only: int | None) -> list[DateMention]:
    """find_dates with the anchor; with none but a year known, also the dates written without a
    year, put in that year (and nothing relative: "on Tuesday" needs a day to count from)."""
    if anchor is not None or year_only is None:
        return find_dates(text, anchor)
    return [m for m in find_dates(text, date(year_only, 12, 31)) if not m.relative or m.year_inferred]


def _sentence_dates(doc: Document, anchor: date | None, year_only: int | None = None) -> dict[int, list[DateMention]]:
    """Date mentions per sentence, offsets in Article.text. Anaphoric ones ("the next day") are
    re-resolved against the latest day named before them in the paragraph (else the previous one)."""
    out: dict[int, list[DateMention]] = {}
    # paragraph -> latest explicit day (or month: "In May, ...") named so far
    last_ref: dict[int, tuple[date, Precision]] = {}
    prev_para_ref: tuple[date, Precision] | None = None
    # paragraph -> the latest date told so far, at any precision ("In 1859, ..." for "that year")
    last_told: dict[int, DateMention] = {}
    prev_para_told: DateMention | None = None
    current_para = -1
    for s in doc.sentences:
        if s.paragraph != current_para:
            if current_para in last_ref:
                prev_para_ref = last_ref[current_para]
            if current_para in last_told:
                prev_para_told = last_told[current_para]
            current_para = s.paragraph
        mentions = _mentions(s.text, anchor, year_only)
        if any(ANAPHORIC.search(m.text) for m in mentions):
            mentions = counted_from_references(s.text, mentions, last_ref.get(s.paragraph, prev_para_ref), anchor,
                                                in_paragraph=s.paragraph in last_ref)
        told = last_told.get(s.paragraph, prev_para_told)
        mentions = told_year_counts(told_unit_anaphora(s.text, mentions, told, anchor), told, anchor)
        for m in sorted(mentions, key=lambda m: m.start):
            if not (m.first == m.last == anchor):
                last_told[s.paragraph] = m
        for m in mentions:
            ref = reference(m, s.text)
            if ref is not None:
                last_ref[s.paragraph] = ref
        out[s.index] = [replace(m, start=m.start + s.start, end=m.end + s.start) for m in mentions]
    return out


def _background_range(doc: Document, para: int, per_sentence: dict[int, list[DateMention]], anchor: date | None, anchor_label: str | None = None) -> EventDate | None:
    """The widest honest range a background paragraph gives ("since 2020", "the past two years")."""
    art = doc.article
    assert art is not None
    spans: list[EventDate] = []
    for s in doc.sentences:
        if s.paragraph != para:
            continue
        for m in per_sentence.get(s.index, []):
            before = art.text[s.start : m.start]
            if m.kind == "duration" or (anchor is not None and _SINCE.search(before)):
                spans.append(_event_date(m, "coarse-background", before, anchor, anchor_label))
    if not spans:
        return None
    return min(spans, key=lambda d: (d.first, -d.last.toordinal()))


def run(doc: Document, settings: object = None) -> Document:
    """Adds `Document.news_date` and each event's date and historical flag. No setting changes
    it; `settings` is taken for the stage contract."""
    assert doc.article is not None
    news = infer_news_date(doc)
    anchor = deictic_anchor(news, doc.article.published)
    news_day = news.first if news else None
    from ..reference.people import load_officeholders

    holders = load_officeholders()
    art = doc.article
    # Without any day to read against, a date written without its year ("on March 1") still
    # takes the year of the page's URL or copyright line; relative ones ("on Tuesday") stay unread.
    year_only = art.year_hint if anchor is None and art.year_hint_source in ("url", "copyright") else None
    if anchor is None:
        anchor_label = art.year_hint_source if year_only else None
    else:
        anchor_label = "page-date" if anchor == art.published else "news-date"
    per_sentence = _sentence_dates(doc, anchor, year_only)
    refs = references(doc, per_sentence)
    lead_para = _lead_paragraph(doc)
    background_paras = {
        i for i, p in enumerate(art.paragraphs)
        if i != lead_para and is_background_text(art.text[p.start : p.end])
    }
    undated = undated_act_date(news, art)
    dated: list[Event] = []
    for e in doc.events:
        sent = doc.sentences[e.sentence]
        # a learned event is dated where its type is told, if that is a dated reduced relative
        at = replace(e, trigger_start=_participle_naming(doc, e, per_sentence.get(e.sentence, [])))
        # ... or in a trailing gap clause, dated by the gap
        at = replace(at, trigger_start=_gap_clause_naming(doc, at))
        word = _WORD.match(art.text, at.trigger_start) if at.trigger_start >= 0 else None
        m = _nearest(_not_dateline(doc, at, _not_modifier_years(doc, at, own_clause_dates(doc, at, per_sentence.get(e.sentence, []), anchor))),
                     at.trigger_start, word.end() if word else None)
        when: EventDate | None
        if m is not None:
            when = _event_date(m, "sentence", art.text[sent.start : m.start], anchor, anchor_label)
            when = trailing_gap_date(sent, at, m) or when
            if e.modality == "planned" and _FUTURE.search(sent.text):
                when = _forward(when, m, anchor)
        elif (gap := gap_date(sent, at, refs.get(e.sentence))) is not None:
            when = gap
        else:
            prev = [
                (s, x)
                for s in doc.sentences
                if s.paragraph == sent.paragraph and s.index < sent.index
                for x in per_sentence.get(s.index, [])
            ]
            inherited = None
            if prev and _SINCE.search(art.text[prev[-1][0].start : prev[-1][1].start]):
                prev = []  # "... since Friday": a span up to the news, no occasion a next act continues
            if prev and not _told_as_current(doc, e):
                ps, pm = prev[-1]
                inherited = _event_date(pm, "paragraph", art.text[ps.start : pm.start], anchor, anchor_label)
                if not _inherits(doc, e, ps, pm, inherited, news, undated, holders):
                    inherited = None
            if inherited is not None:
                when = inherited
            elif sent.paragraph in background_paras:
                # Never the news date: the widest range the paragraph gives, else unknown.
                when = _background_range(doc, sent.paragraph, per_sentence, anchor, anchor_label)
            else:
                when = undated
        historical = is_historical(when, news_day, sent.paragraph in background_paras)
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
    from ..events.stage import dedupe

    return replace(doc, news_date=news, events=tuple(dedupe(drop_restated_headlines(doc, dated))))
