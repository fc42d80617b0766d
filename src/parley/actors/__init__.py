"""actors: who is who on the page - states, organisations, people with their titles.

Needs `Document.article`, `sentences` and `parses`; adds `Document.actors` (the page's actors with
their country codes) and `Document.token_actors` (the actor of each phrase head, which the events
stage reads). World knowledge comes from `parley.reference`.

The modules: `stage` (run, resolve_document), `resolver` (PageActors: what the page has named so
far), `rules` (ACTOR_RULES: the ordered, named rules `PageActors.resolve` applies), `phrases` (what a
noun phrase's words say), `names` (people's names), `people_on_page` (people remembered across the
page), `groups` (NGOs, crowds, peoples), `words` (the word lists). A leading
dateline is read by `parley.extract.dateline`.
"""

from __future__ import annotations

from .._lazy import lazy_getattr

# name -> submodule; loaded on first use so importing one helper does not load the whole stage
_EXPORTS = {"run": "stage", "resolve_document": "stage", "PageActors": "resolver", "ACTOR_RULES": "rules",
            "is_pair_phrase": "phrases", "group_size": "phrases"}
__all__ = sorted(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _EXPORTS)
