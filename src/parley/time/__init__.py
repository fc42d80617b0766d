"""time: each event's own date and precision, the page's news date, and what is background.

Needs the events and the article's page date; adds `Document.news_date` and dates on the events.
`expressions` resolves date expressions in news English to calendar ranges; `told` reads times
counted from the date a text told before them ("that year", "six years later"); `gaps` dates the
act a counted gap introduces ("six months after accusing Moscow"); `clauses` which of a
sentence's dates are its act's own ("had agreed to build the link in 1991"). (Inside parley,
`import time` is still the standard library: imports here are absolute.)
"""

from __future__ import annotations

from .._lazy import lazy_getattr

# name -> submodule; loaded on first use so importing one helper does not load the whole stage
_EXPORTS = {"run": "stage", "find_dates": "expressions"}
__all__ = sorted(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _EXPORTS)
