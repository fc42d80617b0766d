"""extract: main text, title and page date; boilerplate out.

HTML goes through trafilatura (see `parley.htmltext`, options chosen by measurement on the
article-extraction benchmark). Scraped plain text goes through `clean_scraped_text`, a line-level
cleaner for the chrome that scrapers leave around an article: site date lines, repeated titles,
comment counts, "Related Post", "Leave a Reply", comment-form notices, share/subscribe lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from ..records import Article, Document, Paragraph

# Lines that are site chrome wherever they appear. Anchored to the whole line: a body sentence
# that merely mentions "share" or "subscribe" is never dropped.
_CHROME = re.compile(
    r"""^(?:
        related\s+posts?|related\s+articles?|related\s+stories|related\s+news|related|
        read\s+more|read\s+next|see\s+also|more\s+from\s+.{1,40}|you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?|
        trending(?:\s+now)?|most\s+read|most\s+popular|popular\s+posts?|latest\s+news|recent\s+posts?|
        leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment|\d+\s+comments?|comments?|
        no\s+comments?(?:\s+yet)?|
        your\s+email\s+address\s+will\s+not\s+be\s+published\.?.*|required\s+fields\s+are\s+marked.*|
        save\s+my\s+name,?\s+email.*|
        share(?:\s+this(?:\s+(?:article|story|post))?)?:?|share\s+on\s+\w+|tweet|pin\s+it|email\s+this|print(?:\s+this)?|
        (?:follow|like)\s+us\s+on\s+.{1,60}|subscribe(?:\s+to\s+.{1,60})?|sign\s+up(?:\s+for\s+.{1,60})?|
        (?:sign\s+up\s+for\s+|get\s+)?our\s+(?:daily\s+|weekly\s+)?newsletter.*|
        advertisement|sponsored(?:\s+content)?|skip\s+to\s+(?:main\s+)?content|
        (?:all\s+rights\s+reserved|copyright\s+©?|©).{0,120}|
        (?:tags?|categories|category|filed\s+under|posted\s+in)\s*:.*|
        (?:previous|next)\s+(?:post|article|story)(?::.*)?|
        click\s+here.{0,80}|accept\s+(?:all\s+)?cookies.*|this\s+website\s+uses\s+cookies.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A line that is only a date (site headers: "Sat. Jul 20th, 2024", "Monday, 3 June 2024 | 10:42").
_DATE_LINE = re.compile(
    rf"""^\s*(?:{_WEEKDAY}\s*)?(?:
        {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|
        \d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|
        \d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}
    )(?:\s*[|,-]?\s*\d{{1,2}}:\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_COUNT_ONLY = re.compile(r"^\s*\d{1,6}\s*$")
_CAPTION_MARK = re.compile(
    r"^(?:photo|image|picture|file\s+photo|caption|credit|pictured)\s*[:|-]|"
    r"(?:\(|\|\s*)(?:photo|image|file photo|credit)\b[^)]*\)?\s*$|"
    r"\b(?:photo|image|credit)\s*:\s*[A-Z][\w .&/-]{1,60}$",
    re.IGNORECASE,
)
_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


@dataclass(frozen=True)
class CleanedText:
    title: str | None
    text: str
    paragraphs: tuple[Paragraph, ...]
    page_date: date | None
    page_date_source: str | None
    dropped: tuple[str, ...]  # what was removed, for `parley extract --explain` and tests


def parse_date_line(line: str) -> date | None:
    if not _DATE_LINE.match(line):
        return None
    s = line.lower()
    iso = re.search(r"(\d{4})-(\d{2})-(\d{2})", s)
    try:
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        m = re.search(rf"({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", s)
        if m:
            return date(int(m.group(3)), _MONTHS[m.group(1)[:3]], int(m.group(2)))
        m = re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+(\d{{4}})", s)
        if m:
            return date(int(m.group(3)), _MONTHS[m.group(2)[:3]], int(m.group(1)))
    except ValueError:
        return None
    return None


def _norm(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().lower()


def _is_titleish(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 30 and not line.rstrip().endswith((".", ":", ";", ",")) or (
        2 <= len(words) <= 30 and line.rstrip().endswith("?")
    )


def clean_scraped_text(raw: str) -> CleanedText:
    """Clean text copied or scraped from a news page, line by line."""
    lines = [ln.strip() for ln in raw.replace("\u00a0", " ").split("\n")]
    kept: list[tuple[str, str]] = []  # (text, kind)
    dropped: list[str] = []
    title: str | None = None
    title_norm = ""
    page_date: date | None = None
    for line in lines:
        if not line:
            continue
        d = parse_date_line(line)
        if d is not None:
            if page_date is None:
                page_date = d
            dropped.append(line)
            continue
        if _CHROME.match(line) or _COUNT_ONLY.match(line):
            dropped.append(line)
            continue
        norm = _norm(line)
        if title is None and not kept and _is_titleish(line):
            title = re.sub(r"\s+\d{1,6}$", "", line).strip()  # a trailing comment count is chrome
            title_norm = _norm(title)
            continue
        # A repeated title, alone or followed by a comment count, anywhere in the page.
        if title_norm and (norm == title_norm or re.fullmatch(re.escape(title_norm) + r"(?: \d{1,6})?", norm)):
            dropped.append(line)
            continue
        kind = "caption" if _CAPTION_MARK.search(line) else "body"
        kept.append((line, kind))
    # Trailing short lines after the last body paragraph are usually widget leftovers; keep them
    # (they may be body) unless they are chrome, which was handled above.
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for text, kind in kept:
        if parts:
            offset += 2
        paragraphs.append(Paragraph(offset, offset + len(text), kind))  # type: ignore[arg-type]
        parts.append(text)
        offset += len(text)
    return CleanedText(
        title=title,
        text="\n\n".join(parts),
        paragraphs=tuple(paragraphs),
        page_date=page_date,
        page_date_source="page-date-line" if page_date else None,
        dropped=tuple(dropped),
    )


def paragraphs_of(text: str) -> tuple[Paragraph, ...]:
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        if m.group().strip():
            out.append(Paragraph(m.start(), m.end(), "caption" if _CAPTION_MARK.search(m.group()) else "body"))
    return tuple(out)


def _meta_date(doc: Document) -> tuple[date | None, str | None]:
    for key in ("PUBLISHED", "DATE", "PUBLISHED-DATE", "PUBDATE"):
        value = doc.page.meta_value(key)
        if value:
            m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
            if m:
                try:
                    return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "page-header"
                except ValueError:
                    pass
    return None, None


def run(doc: Document) -> Document:
    page = doc.page
    header_date, header_source = _meta_date(doc)
    if page.media_type == "html":
        from ..htmltext import extract_html

        ex = extract_html(page.content, page.url)
        text = ex.text.strip()
        published = date.fromisoformat(ex.published) if ex.published else None
        article = Article(
            title=ex.title,
            text=text,
            paragraphs=paragraphs_of(text),
            published=header_date or published,
            published_source=header_source or ex.published_source,
            method=ex.method,
        )
    else:
        cleaned = clean_scraped_text(page.content)
        article = Article(
            title=cleaned.title,
            text=cleaned.text,
            paragraphs=cleaned.paragraphs,
            published=header_date or cleaned.page_date,
            published_source=header_source or cleaned.page_date_source,
            method="line-cleaner",
        )
    return replace(doc, article=article)
