"""extract: main text, title and page date; boilerplate out.

HTML goes through trafilatura (see `parley.extract.html`, options chosen by measurement on the
article-extraction benchmark). Scraped plain text goes through `clean_scraped_text`, a line-level
cleaner for the chrome that scrapers leave around an article: site date lines, repeated titles,
comment counts, "Related Post", "Leave a Reply", comment-form notices, share/subscribe lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ..records import Article, DateCandidate, Document, Paragraph

if TYPE_CHECKING:
    from ..settings import Settings

# Lines that are site chrome wherever they appear. Anchored to the whole line: a body sentence
# that merely mentions "share" or "subscribe" is never dropped.
_CHROME = re.compile(
    r"""^(?:
        related\s+posts?|related\s+articles?|related\s+stories|related\s+news|related|
        # a cross-link with its label ("Related: EU envoy to meet both sides"): a headline, no news
        (?:related(?:\s+(?:posts?|articles?|stor(?:y|ies)|news|coverage|content|links?|reading))?|don'?t\s+miss|recommended|watch|listen|see\s+more|more\s+on\s+this)\s*[:|»>]\s*.{0,200}|
        (?:read\s+more|read\s+next|read\s+also|also\s+read|see\s+also|more\s+on\s+this\s+story)(?:\s*[:|»>-].{0,200})?|more\s+from\s+.{1,40}|you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?|
        trending(?:\s+now)?|most\s+read|most\s+popular|popular\s+posts?|latest\s+news|recent\s+posts?|
        leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment|\d+\s+comments?|comments?|
        no\s+comments?(?:\s+yet)?|
        your\s+email\s+address\s+will\s+not\s+be\s+published\.?.*|required\s+fields\s+are\s+marked.*|
        save\s+my\s+name,?\s+email.*|
        share(?:\s+this(?:\s+(?:article|story|post))?)?:?|share\s+on\s+\w+|tweet|pin\s+it|email\s+this|print(?:\s+this)?|
        # Share-widget buttons left one per line by scrapers ("Share this:" then "Facebook", "X").
        facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|tumblr|pocket|flipboard|messenger|
        threads|bluesky|e-?mail|copy\s+link|like\s+this:?|loading(?:\.{0,3}|…)|post\s+comment|submit\s+comment|
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
    rf"""^\s*(?:(?:posted|published|updated|last\s+updated)(?:\s+on)?:?\s*)?(?:{_WEEKDAY}\s*)?(?:
        {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|
        \d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|
        \d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}
    )(?:\s*[|,-]?\s*\d{{1,2}}:\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?
    (?:\s*[|•·-]\s*(?:\d{{1,6}}\s+comments?|no\s+comments|by\s+[\w .'-]{{1,40}}))*\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_LINK_LIST_HEADING = re.compile(
    r"^(?:related(?:\s+(?:posts?|articles?|stories|news))?|read\s+(?:more|next|also)|see\s+also|"
    r"more\s+from\s+.{1,40}|you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?|trending(?:\s+now)?|"
    r"most\s+(?:read|popular)|popular\s+posts?|latest\s+news|recent\s+posts?)\s*:?$",
    re.IGNORECASE,
)
# Above the headline: a masthead in capitals ("THE WORLD DESK") or a menu of section names set
# apart by bars or wide gaps ("Home | World | Sport", "News  Nation  Regions", "Menu: Home ...").
_MASTHEAD_OR_MENU = re.compile(
    r"^(?:[A-Z0-9&'.,-]+(?: [A-Z0-9&'.,-]+){0,4}|(?i:menu)\b.*|[^|]{1,30}(?:\s*\|\s*[^|]{1,30}){2,}|\S+(?: \S+){0,2}(?: {2,}\S+(?: \S+){0,2}){2,})$"
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


def _title_without_count(line: str, lines: list[str]) -> str:
    """The title line without a trailing comment count ("... in 18 months 3"), but keeping a
    number that belongs to the headline ("... first time since 2022"), told apart by how the
    title repeats further down the page."""
    m = re.match(r"^(.*?\S)\s+(\d{1,6})$", line)
    if not m:
        return line
    stripped, number = m.group(1), m.group(2)
    raw_norm, stripped_norm = _norm(line), _norm(stripped)
    others = [_norm(x) for x in lines if x and x != line]
    if any(re.fullmatch(re.escape(raw_norm) + r" \d{1,6}", o) for o in others):
        return line  # repeated as "<title with number> <count>": the number is the title's
    if any(o == stripped_norm for o in others):
        return stripped  # repeated without the number: the number was a count
    if 1900 <= int(number) <= 2100:
        return line  # a year ending a headline, more likely than that many comments
    return stripped


def clean_scraped_text(raw: str) -> CleanedText:
    """Clean text copied or scraped from a news page, line by line."""
    from .pagedate import read_byline

    lines = [ln.strip() for ln in raw.replace("\u00a0", " ").split("\n")]
    kept: list[tuple[str, str]] = []  # (text, kind)
    dropped: list[str] = []
    title: str | None = None
    title_norm = ""
    in_link_list = False  # after a "Related posts" / "Read more" heading: a list of linked headlines
    for line in lines:
        if not line:
            continue
        if in_link_list:
            # Headlines under a link-list heading are chrome until a real paragraph (a sentence
            # ending in punctuation, or a long line) resumes the body.
            if _is_titleish(line) and len(line.split()) <= 20:
                dropped.append(line)
                continue
            in_link_list = False
        if parse_date_line(line) is not None or read_byline(line) is not None:
            dropped.append(line)  # a date or byline line: read as a date cue by parley.extract.pagedate
            continue
        if _CHROME.match(line) or _COUNT_ONLY.match(line):
            dropped.append(line)
            in_link_list = bool(_LINK_LIST_HEADING.match(line))
            continue
        norm = _norm(line)
        if title is None and not kept and _MASTHEAD_OR_MENU.search(line):
            dropped.append(line)  # the site's name or its section menu, above the headline
            continue
        if title is None and not kept and _is_titleish(line):
            title = _title_without_count(line, lines)
            title_norm = _norm(title)
            continue
        # A repeated title, alone or followed by a comment count, anywhere in the page.
        if title_norm and (norm == title_norm or re.fullmatch(re.escape(title_norm) + r"(?: \d{1,6})?", norm)):
            dropped.append(line)
            continue
        kind = "caption" if _CAPTION_MARK.search(line) else "body"
        kept.append((line, kind))
    # A page that is one line (a sentence pasted on its own) has no title: that line is the body.
    if title is not None and not kept:
        kept.append((title, "body"))
        title = None
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for text, kind in kept:
        if parts:
            offset += 2
        paragraphs.append(Paragraph(offset, offset + len(text), kind))  # type: ignore[arg-type]
        parts.append(text)
        offset += len(text)
    from .pagedate import decide, text_cues

    cues = text_cues(raw)
    found = decide(cues.candidates)
    return CleanedText(
        title=title,
        text="\n\n".join(parts),
        paragraphs=tuple(paragraphs),
        page_date=found.published,
        page_date_source=found.source,
        dropped=tuple(dropped),
    )


def paragraphs_of(text: str) -> tuple[Paragraph, ...]:
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        if m.group().strip():
            out.append(Paragraph(m.start(), m.end(), "caption" if _CAPTION_MARK.search(m.group()) else "body"))
    return tuple(out)


def header_cues(doc: Document) -> list[DateCandidate]:
    """A scraped page's own header lines ("PUBLISHED: 2024-04-16"): the most trusted cue."""
    from .pagedate import RANK, _iso_day

    out = []
    for key in ("PUBLISHED", "DATE", "PUBLISHED-DATE", "PUBDATE"):
        value = doc.page.meta_value(key)
        day = _iso_day(value.strip()) if value else None
        if day:
            out.append(DateCandidate("page-header", day, f"{key}: {value}"[:120], RANK["page-header"]))
    return out


# Tags that never hold text themselves and that deep-nesting junk is made of; dropped (text kept)
# when a page nests deeper than max_html_depth.
_TAG_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]{0,30})\b[^<>]*?(/?)>")
# Void elements: never opened, never deepen the tree.
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Elements whose end tag may be left out, and what an opening tag closes implicitly (the HTML
# parsing rules, in short): a new <li> closes the open <li> of its list, a <td> the open cell of
# its row, and so on, but never across the container named on the right.
_IMPLIED_END: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table", "tbody", "thead", "tfoot"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tbody": (frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "thead": (frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "tfoot": (frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "option": (frozenset({"option"}), frozenset({"select", "datalist", "optgroup"})),
    "optgroup": (frozenset({"optgroup", "option"}), frozenset({"select"})),
    "rt": (frozenset({"rt", "rp"}), frozenset({"ruby"})),
    "rp": (frozenset({"rt", "rp"}), frozenset({"ruby"})),
}
_CLOSES_P = frozenset(
    "address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hgroup hr main menu nav ol p pre section table ul".split()
)
_KEEP_WHEN_FLAT = frozenset("html head title meta body article main h1 h2 h3 h4 h5 h6 p br time".split())
_BLOCK_BREAK = re.compile(r"<(?:/?(?:p|div|h[1-6]|li|article|section|tr|blockquote)\b[^<>]*|br\s*/?)>", re.I)


def html_depth(html: str, stop_at: int | None = None) -> int:
    """Deepest element nesting a parser will build, from the tags (linear; no parser recursion).

    Every element counts, lists and tables too (130 levels of <ul><li> are 260 deep, 100 of
    <table><tr><td> 300); an element whose end tag is optional is closed where the HTML rules
    close it, so a flat list of unclosed <li> or <p> stays flat.
    """
    stack: list[str] = []
    deepest = 0
    for m in _TAG_TOKEN.finditer(html):
        name = m.group(2).lower()
        if name in _VOID or m.group(3):
            continue
        if m.group(1):
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name) :]
            continue
        implied = _IMPLIED_END.get(name)
        if implied is not None:
            closes, scope = implied
            for i in range(len(stack) - 1, -1, -1):
                if stack[i] in scope:
                    break
                if stack[i] in closes:
                    del stack[i:]
                    break
        elif name in _CLOSES_P and stack and stack[-1] == "p":
            stack.pop()
        stack.append(name)
        if len(stack) > deepest:
            deepest = len(stack)
            if stop_at is not None and deepest > stop_at:
                break
    return deepest


def truncate_elements(html: str, max_elements: int) -> str:
    """The markup up to its `max_elements`-th tag: extraction cost grows with the element count."""
    if max_elements <= 0 or html.count("<") <= max_elements:
        return html
    for n, m in enumerate(_TAG_TOKEN.finditer(html), 1):
        if n > max_elements:
            return html[: m.start()]
    return html


def flatten_html(html: str) -> str:
    """Keep only the tags that carry the article's structure; every other tag goes, its text stays."""
    return _TAG_TOKEN.sub(lambda m: m.group(0) if m.group(2).lower() in _KEEP_WHEN_FLAT else " ", html)


def html_to_lines(html: str) -> str:
    """Last resort for markup no parser should see: visible text, one block a line."""
    from .language import _drop_blocks

    text = _BLOCK_BREAK.sub("\n", _drop_blocks(html))
    text = re.sub(r"<[^<>]*>", " ", text)
    import html as html_mod

    return html_mod.unescape(text)


_SENTENCE_END = re.compile(r"(?<=[.!?;:\u3002])\s+")


def split_long_runs(text: str, max_chars: int) -> str:
    """Break runs longer than `max_chars` without a sentence end into paragraphs, at spaces.

    Ordinary prose passes through unchanged; only text no reader would take for one sentence
    (a 2 MB line, a list without punctuation) is broken, so later stages never see a sentence
    whose parse and actor search cost grows without bound.
    """
    if max_chars <= 0 or len(text) <= max_chars:
        return text
    paras = []
    for para in text.split("\n\n"):
        if len(para) <= max_chars:
            paras.append(para)
            continue
        current: list[str] = []
        for run in _SENTENCE_END.split(para):
            if len(run) <= max_chars:
                current.append(run)
                continue
            if current:
                paras.append(" ".join(current))
                current = []
            while len(run) > max_chars:
                cut = run.rfind(" ", max_chars // 2, max_chars)
                cut = cut if cut > 0 else max_chars
                paras.append(run[:cut].rstrip())
                run = run[cut:].lstrip()
            current.append(run)
        if current:
            paras.append(" ".join(current))
    return "\n\n".join(p for p in paras if p.strip())


def cut_text(text: str, max_chars: int, max_paragraphs: int = 0) -> str:
    """At most `max_chars` and `max_paragraphs`, cut at a paragraph break when there is one."""
    if max_paragraphs > 0:
        pos = -1
        for _ in range(max_paragraphs):
            pos = text.find("\n\n", pos + 2)
            if pos < 0:
                break
        if pos >= 0:
            text = text[:pos]
    if max_chars <= 0 or len(text) <= max_chars:
        return text
    cut = text.rfind("\n\n", 0, max_chars)
    return text[: cut if cut > 0 else max_chars].rstrip()


def bound_text(text: str, settings: "Settings") -> str:
    return cut_text(split_long_runs(text, settings.max_sentence_chars), settings.max_text_chars, settings.max_paragraphs)


def _html_article(content: str, url: str | None, max_depth: int, max_elements: int) -> tuple[str | None, str, tuple[DateCandidate, ...], str | None, str]:
    from .html import extract_html

    method_note = ""
    # Too deep or too many elements: keep only the structure tags (all text stays), then, if the
    # page is still over the element budget, drop the markup after it.
    if html_depth(content, stop_at=max_depth) > max_depth or truncate_elements(content, max_elements) != content:
        content = flatten_html(content)
        method_note = "+flattened"
        cut = truncate_elements(content, max_elements)
        if len(cut) < len(content):
            content, method_note = cut, method_note + "+truncated"
        if html_depth(content, stop_at=max_depth) > max_depth:
            # Still too deep with structure tags only: read it as scraped text.
            cleaned = clean_scraped_text(html_to_lines(content))
            return cleaned.title, cleaned.text, (), url, "line-cleaner+deep-html"
    try:
        ex = extract_html(content, url)
    except RecursionError:
        cleaned = clean_scraped_text(html_to_lines(content))
        return cleaned.title, cleaned.text, (), url, "line-cleaner+deep-html"
    return ex.title, ex.text.strip(), ex.date_candidates, ex.url or url, ex.method + method_note


# Date lines of an HTML page's visible text that say what their date is (pagedate.read_byline);
# unlabelled ones there may be a site header's render date or a teaser's.
_LABELLED_LINES = frozenset({"published-line", "updated-line"})


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATOR = re.compile(r"\s+[-|\u2013\u2014:\u00bb]\s+")


def _title_parts(content: str) -> list[str]:
    """The parts of the page's <title> of four or more words ("Danube Herald Online - Belgrade
    and Zagreb agree border crossing rules": the headline may be either part)."""
    import html as html_mod

    m = _TITLE_TAG.search(content[:20000])
    if m is None:
        return []
    return [p for p in _TITLE_SEPARATOR.split(html_mod.unescape(re.sub(r"<[^<>]*>", " ", m.group(1)))) if len(p.split()) >= 4]


def visible_date_lines(content: str, title: str | None, url: str | None = None) -> list[DateCandidate]:
    """The date lines of an HTML page as a reader sees them: the labelled ones anywhere before the
    comments ("Updated 6 March | Published 5 March", "Posted on ..."), and from the article's
    headline on, an unlabelled date line above the lead ("March 5, 2014 — Staff Report") as an
    `html-byline`. The markup may carry no date, and trafilatura's free-text search then takes
    any date it finds, a related story's too."""
    from .pagedate import RANK, line_cues, numeric_order

    at = content.lower().find("<body")
    # the <head>'s <title> is not the headline: a masthead's date after it would pass for a byline
    lines = html_to_lines(content[at:] if at >= 0 else content).split("\n")
    order = numeric_order("\n".join(lines), url)
    wanted = {" ".join(t.split()).lower() for t in (title, *_title_parts(content)) if t}
    start = next((k for k, line in enumerate(lines) if " ".join(line.split()).lower() in wanted), len(lines))
    above = next((line.strip() for line in reversed(lines[:start]) if line.strip()), None)
    # labelled lines above the headline, and the date line right above it ("<b>Monday, December
    # 29, 2003</b>" over the headline): weak, as on a text page, since it may be a header's
    out = [c for c in line_cues("\n".join(lines[:start]), order)[0]
           if c.source in _LABELLED_LINES or (c.source == "page-date-line" and start < len(lines) and c.evidence == above[:120])]
    for c in line_cues("\n".join(lines[start:]), order)[0] if start < len(lines) else ():
        if c.source in _LABELLED_LINES:
            out.append(c)
        elif c.source == "byline-date":
            out.append(DateCandidate("html-byline", c.value, c.evidence, RANK["html-byline"]))
    return out


def run(doc: Document, settings: "Settings | None" = None) -> Document:
    """Main text, title and date of the page; text bounded by the max_* settings."""
    from .pagedate import copyright_year, decide, read_dateline, text_cues
    from ..settings import Settings

    settings = settings if settings is not None else Settings()
    page = doc.page
    cues = header_cues(doc)
    if page.media_type == "html":
        title, text, html_cues, url, method = _html_article(page.content, page.url, settings.max_html_depth, settings.max_html_elements)
        text = bound_text(text, settings)
        paragraphs = paragraphs_of(text)
        cues.extend(html_cues)
        cues.extend(visible_date_lines(page.content, title, url))
        # The lead's wire dateline, read from the extracted text (the markup has no byline rules).
        lead = next((text[p.start : p.end] for p in paragraphs if p.kind == "body" and len(text[p.start : p.end].split()) >= 15), "")
        found = decide(cues, url, read_dateline(lead), copyright_year(page.content))
    else:
        cleaned = clean_scraped_text(page.content)
        text = bound_text(cleaned.text, settings)
        paragraphs = cleaned.paragraphs if text == cleaned.text else paragraphs_of(text)
        title, method = cleaned.title, "line-cleaner"
        scraped = text_cues(page.content, page.url)
        cues.extend(scraped.candidates)
        found = decide(cues, page.url, scraped.dateline, scraped.copyright_year)
    article = Article(
        title=title,
        text=text,
        paragraphs=paragraphs,
        published=found.published,
        published_source=found.source,
        method=method,
        date_candidates=found.candidates,
        year_hint=found.year_hint,
        year_hint_source=found.year_hint_source,
    )
    return replace(doc, article=article)
