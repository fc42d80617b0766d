"""Date cues of an HTML page's markup: publication meta tags, JSON-LD, microdata, a date-classed
element of the headline's article, htmldate's reading, trafilatura's metadata date. The ranking of
every cue, and the cues of a page's visible lines, are `parley.extract.pagedate`'s."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any, Iterator

from ..records import DateCandidate
from .pagedate import _UPDATE_LABELS, RANK, _iso_day, numeric_order, read_byline
from .url_dates import url_date, valid_day as _valid


_DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "date_published", "published_time", "publish_date", "publish-date", "publishdate", "pubdate",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "dc.date.created",
    "citation_publication_date", "sailthru.date", "parsely-pub-date", "article.published",
    "article_date_original", "originalpublicationdate", "date",
)


def _walk_json(obj: Any) -> Iterator[dict[str, Any]]:
    if isinstance(obj, dict):
        yield obj
        for v in obj.values():
            yield from _walk_json(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk_json(v)


def _jsonld(tree: Any) -> DateCandidate | None:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content().strip() or "null")
        except ValueError:
            continue
        for node in _walk_json(data):
            for key in ("datePublished", "dateCreated"):
                value = node.get(key)
                day = _iso_day(value) if isinstance(value, str) else None
                if day:
                    return DateCandidate("json-ld", day, f"{key}: {value}"[:120], RANK["json-ld"])
    return None


def _meta(tree: Any) -> DateCandidate | None:
    by_key: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and key not in by_key:
            by_key[key] = meta.get("content") or ""
    for key in _DATE_META:
        day = _iso_day(by_key.get(key))
        if day:
            return DateCandidate("html-meta", day, f"{key}: {by_key[key]}"[:120], RANK["html-meta"])
    for value in tree.xpath('//*[@itemprop="datePublished" or @itemprop="dateCreated"]/@datetime | //*[@itemprop="datePublished" or @itemprop="dateCreated"]/@content | //time[@pubdate]/@datetime'):
        day = _iso_day(value)
        if day:
            return DateCandidate("html-meta", day, f"datePublished: {value}"[:120], RANK["html-meta"])
    for key, value in by_key.items():
        # a name of the site's own that says publication ("pubstamp", "pub-date",
        # "article-published"), never one that says the page changed, expires or was indexed
        if _OWN_PUBLICATION_KEY.search(key) and not _NOT_PUBLICATION_KEY.search(key):
            m = _SLASHED_OR_ISO.search(value)
            day = _valid(int(m.group(1)), int(m.group(3)), int(m.group(4))) if m else None
            if day:
                return DateCandidate("html-meta", day, f"{key}: {value}"[:120], RANK["html-meta"])
    return None


_OWN_PUBLICATION_KEY = re.compile(r"pub|issued|released|posted")
_NOT_PUBLICATION_KEY = re.compile(r"modif|updat|expir|revis|valid|crawl|index|review|last|end|publisher|pubmed|public_?key")
_SLASHED_OR_ISO = re.compile(r"((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")


def canonical_url(tree: Any) -> str | None:
    """The page's own address as its markup states it (canonical link, og:url)."""
    for xp in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for value in tree.xpath(xp):
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None


_NOT_THE_ARTICLE = (
    "//aside | //nav | //footer | //figure | //figcaption | //form | "
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' related') or contains(@class, 'comment') "
    "or contains(@id, 'comment') or contains(@class, 'cookie') or contains(@id, 'cookie') or contains(@class, 'caption')]"
)


# A class or id that names a date: "date", "pubdate", "post-time", "dateline", "timestamp", ...
_DATE_CLASS = re.compile(r"date|time|publish|posted", re.IGNORECASE)
# ... but not one that names the page's change ("updated", "modified", "last-edit").
_UPDATE_CLASS = re.compile(r"updat|modif|edit", re.IGNORECASE)


def _article_date_element(tree: Any, url: str | None) -> DateCandidate | None:
    """The day printed in a date-classed element of the headline's article ("<span class="date">
    05.08.2016 | 11:47</span>" beside the author, "<div class="dateline">Tues., Nov. 29th,
    2011</div>" above the <h1>), as an `html-byline`; None when there is none. The article is
    the headline's nearest <article>, else its parent (never the whole <body>, where a masthead
    prints today's date); related links, comments and captions inside it are not read, nor an
    update line."""
    heads = [h for h in tree.xpath("//h1") if not h.xpath("ancestor::nav | ancestor::aside | ancestor::footer | ancestor::header")]
    if not heads:
        return None
    head = heads[0]
    holders = head.xpath("ancestor::article")
    holder = holders[-1] if holders else head.getparent()
    if holder is None or holder.tag in ("body", "html"):
        return None
    order = None
    for el in holder.iter():
        if not isinstance(el.tag, str) or el is head or el.tag in ("script", "style"):
            continue
        names = " ".join(el.get(a) or "" for a in ("class", "id"))
        if not _DATE_CLASS.search(names) or _UPDATE_CLASS.search(names) or el.xpath("ancestor-or-self::figure | ancestor-or-self::aside | ancestor-or-self::*"
                                                     "[contains(@class, 'comment') or contains(@class, 'related') or contains(@class, 'caption')]"):
            continue
        # the element's own words before any child ("07/04/2011 18h05 <span>- Updated ...</span>")
        text = " ".join(((el.text if len(el) and (el.text or "").strip() else el.text_content()) or "").split())
        if not text or len(text) > 120:
            continue
        if order is None:
            order = numeric_order(tree.text_content() or "", url) or ""
        got = read_byline(text, order or None)
        if got is not None and got[1] != "updated-line":
            return DateCandidate("html-byline", got[0], text[:120], RANK["html-byline"])
    return None


def _htmldate(tree: Any) -> DateCandidate | None:
    """htmldate's publication date from the markup alone (no free-text search: a related
    post's or a comment's date in the body would do as well as the article's)."""
    try:
        from copy import deepcopy

        from htmldate import find_date

        # htmldate falls back to a modification meta tag when no publication tag exists, even
        # with original_date=True: without those tags it reads <time> elements and the like.
        tree = deepcopy(tree)
        for meta in tree.xpath("//meta"):
            key = " ".join(meta.get(a) or "" for a in ("property", "name", "itemprop")).lower()
            if "modif" in key or "updated" in key:
                meta.getparent().remove(meta)
        # Nor a related post's, a comment's or a caption's date: those parts go before it looks.
        for node in tree.xpath(_NOT_THE_ARTICLE):
            if node.getparent() is not None:
                node.getparent().remove(node)
        # The URL is read by url_date (its own cue); htmldate reads the markup alone.
        value = find_date(tree, extensive_search=False, original_date=True, url=None)
    except Exception:  # htmldate on odd markup: no cue, not a failed page
        return None
    day = _iso_day(value)
    return DateCandidate("htmldate", day, f"htmldate: {value}", RANK["htmldate"]) if day else None


def _unwritten_new_year(day: date, raw: str) -> bool:
    """1 January that the page never writes (`raw`: `_page_text`): a date library's fill-in for
    a year alone (a copyright line, an issue's month), not a day the page states."""
    if (day.month, day.day) != (1, 1):
        return False
    y = day.year
    written = re.compile(
        rf"\bjan(?:uary|\.)?\s+0?1(?:st)?\b|\b0?1(?:st)?\s+jan(?:uary|\.)?\b|\b{y}[-/.]0?1[-/.]0?1\b|\b0?1[-/.]0?1[-/.]{y}\b",
        re.IGNORECASE,
    )
    return written.search(raw) is None


# An update label, then a numeric date whose day and month could be swapped ("Last modified:
# 01/02/2004"): the pagedate reader leaves it unread without the page's order.
_UPDATE_NUMERIC = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(_UPDATE_LABELS, key=len, reverse=True)) + r")"
    r"(?!\w)\W{0,3}(?:on\s+)?(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})(?!\d)", re.IGNORECASE)


def _update_day(day: date, raw: str) -> bool:
    """`day` is one reading of a numeric date the page labels as an update (`raw`: `_page_text`):
    a library read the update line ("Last modified: 01/02/2004" taken as 1 February), no
    publication."""
    if not re.search(rf"\d[/.-]{day.year}(?!\d)", raw):
        return False  # no numeric date of that year anywhere: the label search (~4 ms a page) is skipped
    for m in _UPDATE_NUMERIC.finditer(raw):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if day in (_valid(y, b, a), _valid(y, a, b)):
            return True
    return False


def _page_text(tree: Any) -> str:
    """The page's text and attribute values (where a library may have read a date)."""
    from lxml import etree

    return " ".join([tree.text_content() or "", *(" ".join(str(v) for v in el.attrib.values()) for el in tree.iter() if isinstance(el.tag, str))]) if isinstance(tree, etree._Element) else ""


def html_cues(tree: Any, url: str | None, trafilatura_date: str | None = None) -> tuple[list[DateCandidate], str | None]:
    """Date cues of an HTML page's markup, and its URL (the one given, else its canonical link).
    A library's 1 January the page never writes is left out (`_unwritten_new_year`), and so is
    its reading of an update line (`_update_day`)."""
    found: list[DateCandidate] = []
    raw = _page_text(tree) if tree is not None else ""  # once: both checks of a library's guess read it
    if tree is not None:
        url = url or canonical_url(tree)
        for cue in (_meta(tree), _jsonld(tree)):
            if cue is not None:
                found.append(cue)
        in_url = url_date(url)
        printed = _article_date_element(tree, url)
        if printed is not None:
            found.append(printed)
        # htmldate (~15 ms a page) only when no more trusted cue is there to beat it.
        if not found and (in_url is None or in_url.day is None):
            cue = _htmldate(tree)
            if cue is not None and not _unwritten_new_year(cue.value, raw) and not _update_day(cue.value, raw):
                found.append(cue)
    day = _iso_day(trafilatura_date)
    if day and tree is not None and (_unwritten_new_year(day, raw) or _update_day(day, raw)):
        day = None
    if day:
        found.append(DateCandidate("trafilatura", day, f"trafilatura: {trafilatura_date}", RANK["trafilatura"]))
    return found, url
