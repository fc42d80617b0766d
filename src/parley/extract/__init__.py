"""extract: main text, title and page date of a page; boilerplate out.

Needs `Document.page`; adds `Document.article` (title, paragraphs, page date with every date cue
read, year hint). `stage` is the pipeline step, `html` the main-text extractor for news HTML,
`pagedate` the page date from every cue (bylines, date lines, datelines, URL, meta, JSON-LD,
htmldate), ranked, with `markup_dates` reading an HTML page's markup, `url_dates` its URL and
`foreign_dates` the month and weekday names of foreign chrome, `language` the language check, and `api` the `parley extract` entry point (read
+ extract, no NLP, any language). `dateline` is the news dateline pattern the actors and time
stages read (a sentence-opening "KYIV (Reuters) - ").
"""

from __future__ import annotations

from .._lazy import lazy_getattr

# name -> submodule; loaded on first use so importing one helper does not load the whole stage
_EXPORTS = {"run": "stage", "extract_paths": "api", "extract_html": "html", "decide": "pagedate"}
__all__ = sorted(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _EXPORTS)
