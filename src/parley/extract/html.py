"""Main-text extraction from news HTML.

trafilatura is the core. On top of it, measured on the Zyte article-extraction benchmark
(``python -m parley.quality.extractbench ../shared/eval/extraction --compare``):

* two passes: ``favor_precision`` decides where the article starts and ends, and the
  ``fast`` (recall-leaning) pass fills paragraphs that precision mode dropped *inside* that
  span; if precision mode returns (almost) nothing, the fast pass is used instead;
* generic line filters for boilerplate that sits inside article containers (share/subscribe
  prompts, "Related:" / "Read more:" cross-links, comment counters, copyright and reprint
  notices, credit lines, reading-time and bare dateline/byline lines);
* the headline is kept out of the body (it is returned as ``title``).

Nothing is fetched: trafilatura only ever sees the HTML string passed in.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html
from trafilatura.xml import xmltotxt


@dataclass(frozen=True)
class HtmlExtraction:
    title: str | None
    text: str
    published: str | None
    published_source: str | None
    method: str
    date_candidates: tuple = ()  # the markup's date cues, URL not included (parley.records.DateCandidate)
    url: str | None = None  # the URL given, else the page's canonical link


_WORD_RE = re.compile(r"\w+", re.UNICODE)

# Raw trafilatura option sets (kept for the benchmark's --compare listing).
_MODES: dict[str, dict[str, bool]] = {
    "default": {},
    "fast": {"fast": True},
    "recall": {"favor_recall": True},
    "precision": {"favor_precision": True},
}

# Below this many words a precision-mode body is treated as a failed extraction.
_MIN_BODY_WORDS = 25
# Longest run of recall-only paragraphs inserted between two precision paragraphs.
_MAX_GAP = 3
# Minimum prose in a sibling container before it is treated as more of the article.
_MIN_CHUNK_WORDS = 30


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def _norm(text: str) -> str:
    return " ".join(_words(unicodedata.normalize("NFKC", text)))


# ---------------------------------------------------------------------------------------
# trafilatura passes


def _parse(html: str) -> lxml_html.HtmlElement | None:
    try:
        return lxml_html.fromstring(html)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None


def _run(html: str, url: str | None, mode: str, with_metadata: bool = False):
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=True,
            with_metadata=with_metadata,
            **_MODES[mode],
        )
    except Exception:  # trafilatura can raise on odd markup; treat as "nothing found"
        return None


def _doc_lines(doc) -> list[str]:
    if doc is None or doc.body is None:
        return []
    text = xmltotxt(doc.body, include_formatting=False)
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def _fill_gaps(precise: list[str], recall: list[str], max_gap: int = _MAX_GAP) -> list[str]:
    """Insert recall-pass paragraphs that precision mode dropped between two kept ones.

    Precision mode sometimes drops a short or link-heavy paragraph in the middle of an
    article while the span it chose is right.  Paragraphs are only inserted between two
    precision paragraphs that both appear, in order, in the recall pass; the start and end
    of the article stay precision mode's choice.
    """
    if not precise or not recall:
        return precise
    index: dict[str, list[int]] = {}
    for i, line in enumerate(recall):
        index.setdefault(_norm(line), []).append(i)
    out: list[str] = []
    prev: int | None = None
    for line in precise:
        cands = index.get(_norm(line), [])  # ascending: bisect, not a scan (100k equal lines)
        k = bisect.bisect_right(cands, -1 if prev is None else prev)
        pos = cands[k] if k < len(cands) else None
        if pos is not None:
            if prev is not None and 1 < pos - prev <= max_gap + 1:
                out.extend(recall[prev + 1 : pos])
            prev = pos
        out.append(line)
    return out


def _chunk_text(chunk: lxml_html.HtmlElement) -> list[str]:
    """Paragraph texts of a sibling article chunk, or [] if it does not read like prose."""
    paras: list[str] = []
    link_chars = total_chars = 0
    for p in chunk.iter("p"):
        if any(a.tag in ("aside", "figure", "figcaption", "nav", "footer", "form") for a in p.iterancestors()):
            continue
        text = " ".join(p.text_content().split())
        if not text:
            continue
        total_chars += len(text)
        link_chars += sum(len(a.text_content()) for a in p.iter("a"))
        paras.append(text)
    if len(_words(" ".join(paras))) < _MIN_CHUNK_WORDS or link_chars > 0.3 * total_chars:
        return []
    return paras


def _add_sibling_chunks(tree: lxml_html.HtmlElement | None, lines: list[str]) -> list[str]:
    """Add article text split over sibling containers that trafilatura left out.

    Some CMSs cut the body into repeated containers with the same tag and class (ads in
    between); trafilatura keeps the first one.  Starting from the container of the
    extracted paragraphs, climb a few levels looking for same-signature siblings with prose.
    """
    if tree is None or len(lines) < 2:
        return lines
    wanted = {_norm(x) for x in lines if len(x) > 40}
    found = [p for p in tree.iter("p") if _norm(p.text_content()) in wanted]
    if len(found) < 2:
        return lines
    common = set(found[0].iterancestors())
    for p in found[1:]:
        common &= set(p.iterancestors())
    node = next((a for a in found[0].iterancestors() if a in common), None)
    have = _norm(" ".join(lines))
    for _ in range(3):
        if node is None or node.getparent() is None:
            break
        parent = node.getparent()
        sig = (node.tag, node.get("class"))
        if node.get("class"):
            before: list[str] = []
            after: list[str] = []
            seen_node = False
            for sib in parent:
                if sib is node:
                    seen_node = True
                elif (sib.tag, sib.get("class")) == sig:
                    paras = [t for t in _chunk_text(sib) if _norm(t) not in have]
                    (after if seen_node else before).extend(paras)
            if before or after:
                return before + lines + after
        node = parent
    return lines


# ---------------------------------------------------------------------------------------
# Boilerplate line filters (generic; patterns are English news conventions plus a few
# reading-time labels of other languages)

_LABEL_PREFIX = re.compile(
    r"^[\[(]?\s*(related( (posts?|articles?|stories|story|content|coverage|reading|links?))?|"
    r"read more|read also|also read|read next|see more|see also|more|also|more on this|"
    r"recommended( reading)?|watch|watch more|listen|download|itunes|don'?t miss|"
    r"filed under|tags?|topics?|categories|category|trending|most read|popular|"
    r"leggi anche|leia também|veja também|lesen sie auch|lire aussi|lea también)\s*[:|\-–—]",
    re.IGNORECASE,
)

_WHOLE_LINE = re.compile(
    r"^(\d+\s+)?(comments?|no comments|leave a (comment|reply)|post a comment|add a comment|"
    r"show comments|view comments|join the (conversation|discussion)|"
    r"related|related (posts?|articles?|stories|story|content|coverage|links?)|"
    r"more stories|more news|top stories|latest news|most read.*|most popular.*|"
    r"you (may|might) also (like|enjoy|be interested in)|recommended( for you)?|"
    r"don'?t miss|trending( now)?|advertisement|sponsored( content)?|share|share this|"
    r"share this (article|story|post|page)|share on \w+|tweet|email|print|tags?|topics?|"
    r"tell us what you think|what do you think|something to consider|"
    r"follow us|subscribe|sign up|back to top|click here|loading|thank you|"
    r"order reprints?|reprints?|print (this )?(article|story|page)|this article has been sent to|"
    r"leggi anche|leia também|veja também|lesen sie auch|lire aussi|lea también)\W*$",
    re.IGNORECASE,
)

_PROMO = [
    # newsletter / subscription prompts
    re.compile(r"\b(subscribe|sign up|signup|register)\b.{0,120}\b(newsletter|inbox)\b", re.I),
    re.compile(r"\b(newsletter|inbox)\b.{0,120}\b(subscrib|sign up|deliver)", re.I),
    re.compile(r"\bget (the )?(latest|day'?s|top)\b.{0,80}\b(in|to) your inbox\b", re.I),
    re.compile(r"\bif you (enjoyed|liked) this (article|story|post)\b", re.I),
    # social follow / share prompts
    re.compile(r"^(please )?follow (us|him|her|them|[\w@.&' -]{1,60}) on (twitter|facebook|instagram|linkedin|youtube)\b", re.I),
    re.compile(r"\bfollow (him|her|them|us|me) (on|at) (twitter|facebook|instagram)\b", re.I),
    re.compile(r"\bshare (it|this|this (story|article|post)) with (a|your) friends?\b", re.I),
    re.compile(r"^like this (story|article)\b", re.I),
    # copyright and reprint notices
    re.compile(r"^(©|\(c\)|copyright\b)", re.I),
    re.compile(r"\ball rights reserved\b", re.I),
    re.compile(r"\bfor your personal,? non-commercial use only\b", re.I),
    re.compile(r"\b(this (material|article) may not be (published|reproduced)|may not be (published|reproduced),? broadcast)", re.I),
    # credit lines appended to wire stories
    re.compile(r"\bcontributed (to )?(this )?(report|story|reporting|article)\b\W*$", re.I),
    re.compile(r"^\(?(additional )?(reporting|writing|editing) by\b", re.I),
    re.compile(r"^(source|sources|image source|photo)\s*:", re.I),
    # reading time
    re.compile(r"^(\d+\s*(min|mins|minutes?)\s*(read|de leitura|de lectura))\W*$", re.I),
    re.compile(r"^(reading time|read time|tempo de leitura|tiempo de lectura|lesezeit|temps de lecture)\s*:", re.I),
    re.compile(r"^also on \S+\.\w{2,}\b", re.I),
    re.compile(r"\bclick(ing)? here\b", re.I),
    re.compile(r"^write to .{2,60} at \S+@\S+", re.I),
    re.compile(r"^an error (has )?occurred\b", re.I),
]

# "Headline [VIDEO]" style cross-links.
_TAGGED_LINK = re.compile(r"\[(video|pictures?|photos?|insight|news|reaction|revealed|poll|latest|analysis|live|watch|gallery)\]\W*$", re.I)

_MONTHS = (
    r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?"
)
_DATEISH = re.compile(
    rf"(\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
    rf"\b({_MONTHS})\.? \d{{1,2}},? \d{{4}}\b|\b\d{{1,2}} ({_MONTHS}) \d{{4}}\b|"
    rf"\b\d{{1,2}}:\d{{2}}\s*([ap]\.?m\.?)?)",
    re.I,
)
_DATE_WORDS = re.compile(
    rf"^({_MONTHS}|am|pm|a|p|m|at|by|on|updated|published|posted|last|modified|est|edt|pst|pdt|"
    r"gmt|utc|bst|cet|ist|amt|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|de|às|the|\d+)$",
    re.I,
)


def _is_dateline(line: str) -> bool:
    """Bare date/time (optionally 'by Name') lines, e.g. 'Updated 5:45 PM EST, Nov 19, 2019'."""
    words = _WORD_RE.findall(line)
    if not words or len(words) > 14 or not _DATEISH.search(line):
        return False
    rest = [w for w in words if not _DATE_WORDS.match(w)]
    if re.search(r"\bby\b", line, re.I):
        # "... by Jane Doe": allow up to three name words
        return len(rest) <= 3
    return len(rest) <= 1


def _is_boilerplate(line: str) -> bool:
    words = _WORD_RE.findall(line)
    n = len(words)
    if n == 0:
        return True
    if n <= 8 and _WHOLE_LINE.match(line):
        return True
    if n <= 30 and _LABEL_PREFIX.match(line):
        return True
    if n <= 60 and any(p.search(line) for p in _PROMO):
        return True
    if n <= 25 and _TAGGED_LINK.search(line):
        return True
    return _is_dateline(line)


def _is_header(line: str) -> bool:
    """Section labels that introduce lists of cross-links ('Related', "DON'T MISS")."""
    return bool(_WHOLE_LINE.match(line) or re.match(r"^[\w' ]{2,40}:$", line)) and len(
        _WORD_RE.findall(line)
    ) <= 6


def _looks_like_headline(line: str) -> bool:
    words = _WORD_RE.findall(line)
    return 0 < len(words) <= 20 and not re.search(r"[.!?:;]['\"”’)]?$", line)


def _filter_lines(lines: list[str]) -> list[str]:
    out: list[str] = []
    in_link_block = False
    for line in lines:
        if in_link_block:
            if _looks_like_headline(line.lstrip("-•* ")):
                continue
            in_link_block = False
        if _is_boilerplate(line):
            # a dropped section label usually heads a list of linked headlines
            in_link_block = _is_header(line) or bool(_LABEL_PREFIX.match(line))
            continue
        out.append(line)
    return out


def _same_headline(line: str, title: str) -> bool:
    """Normalised line equals the title, or one is the other plus a short site/section tag."""
    if line == title:
        return True
    if len(line) < 16 or len(title) < 16:
        return False
    extra = abs(len(line.split()) - len(title.split()))
    return extra <= 8 and (title.startswith(line) or line.startswith(title))


def _drop_title(lines: list[str], titles: Iterable[str]) -> list[str]:
    """Remove the headline when it is repeated as the first line(s) of the body."""
    norms = [t for t in (_norm(x) for x in titles if x) if t]
    if not norms or not lines:
        return lines
    out = list(lines)
    for _ in range(2):  # headline and, on some sites, a repeated headline
        if not out:
            break
        first = _norm(out[0])
        if first and any(_same_headline(first, t) for t in norms):
            out.pop(0)
        else:
            break
    return out


# ---------------------------------------------------------------------------------------
# Title and publication date


def _meta_title(tree: lxml_html.HtmlElement | None) -> list[str]:
    if tree is None:
        return []
    found: list[str] = []
    for xp in (
        '//meta[@property="og:title"]/@content',
        '//meta[@name="twitter:title"]/@content',
        "//h1",
        "//title",
    ):
        for val in tree.xpath(xp)[:2]:
            text = val if isinstance(val, str) else val.text_content()
            text = " ".join(text.split())
            if text:
                found.append(text)
    return found


def _published(tree, url: str | None, doc) -> tuple[str | None, str | None, tuple, str | None]:
    """The page date from the markup's cues and the URL (ranked in parley.extract.pagedate), every cue,
    and the page's URL (the one given, else its canonical link)."""
    from .markup_dates import html_cues
    from .pagedate import decide

    cues, url = html_cues(tree, url, doc.date if doc is not None else None)
    found = decide(cues, url)
    return (found.published.isoformat() if found.published else None), found.source, tuple(cues), url


# ---------------------------------------------------------------------------------------
# Entry points


def _join(lines: list[str]) -> str:
    return "\n\n".join(lines)


# Pipeline steps on top of trafilatura; ``final-no-<step>`` strategies switch one off so the
# benchmark --compare listing shows what each contributes.
STEPS = ("overshoot", "gaps", "chunks", "fallback", "filters", "title")


def _strategy_steps(strategy: str) -> frozenset[str]:
    if strategy == "final":
        return frozenset(STEPS)
    if strategy == "precision":
        return frozenset({"filters", "title"})
    if strategy.startswith("final-no-") and strategy[9:] in STEPS:
        return frozenset(STEPS) - {strategy[9:]}
    raise ValueError(f"unknown extraction strategy {strategy!r}")


def extract_html(html: str, url: str | None = None, strategy: str = "final") -> HtmlExtraction:
    """Extract headline, main text and publication date from one HTML page.

    ``url`` is only used as metadata (date in the path, trafilatura's URL-aware rules);
    nothing is fetched.  ``strategy`` exists for benchmarking: ``raw-<mode>`` returns
    trafilatura's text for that mode unchanged (paragraphs re-joined), ``precision`` adds
    only the line filters and title removal, ``final-no-<step>`` drops one step, and
    ``final`` (the default) is the full pipeline described in the module docstring.
    """
    tree = _parse(html)
    if strategy.startswith("raw-"):
        mode = strategy[4:]
        doc = _run(html, url, mode, with_metadata=True)
        text = _join(_doc_lines(doc))
        title = doc.title if doc is not None else None
        published, source, cues, url = _published(tree, url, doc)
        return HtmlExtraction(title, text, published, source, f"trafilatura-{mode}", cues, url)

    steps = _strategy_steps(strategy)
    doc = _run(html, url, "precision", with_metadata=True)
    meta_titles = _meta_title(tree)
    title = (doc.title if doc is not None else None) or next(iter(meta_titles), None)
    lines = _doc_lines(doc)
    method = ["trafilatura-precision"]
    fast: list[str] = []
    if steps & {"overshoot", "gaps", "fallback"}:
        fast = _doc_lines(_run(html, url, "fast"))
    if "overshoot" in steps:
        n_prec, n_fast = len(_words(" ".join(lines))), len(_words(" ".join(fast)))
        if n_fast >= 2 * _MIN_BODY_WORDS and n_prec > 1.5 * n_fast:
            # Precision mode should be the more selective pass; when it returns far more,
            # it has switched to a broader fallback extractor's output.
            lines, method = fast, ["trafilatura-fast(precision-overshoot)"]
    if "gaps" in steps:
        filled = _fill_gaps(lines, fast)
        if len(filled) > len(lines):
            lines = filled
            method.append("fast-gaps")
    if "chunks" in steps:
        chunked = _add_sibling_chunks(tree, lines)
        if len(chunked) > len(lines):
            lines = chunked
            method.append("sibling-chunks")
    if "fallback" in steps and fast:
        kept = _filter_lines(lines) if "filters" in steps else lines
        if len(_words(" ".join(kept))) < _MIN_BODY_WORDS:
            lines, method = fast, ["trafilatura-fast(fallback)"]
    if "filters" in steps:
        lines = _filter_lines(lines)
        method.append("filters")
    if "title" in steps:
        lines = _drop_title(lines, [t for t in [title, *meta_titles] if t])
    published, source, cues, url = _published(tree, url, doc)
    return HtmlExtraction(title, _join(lines), published, source, "+".join(method), cues, url)
