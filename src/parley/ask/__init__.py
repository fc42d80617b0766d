"""ask: what analysts ask of the store, as plain functions the CLI, the Python API and the web call.

Needs a parley database; adds nothing. `queries` lists events, documents and actors, `questions`
answers dyad questions (last contact, timeline, channels, trend), and `export` writes events as
Parquet, CSV, JSON lines, PLOVER or GDELT files (`parley.ask.export.export`).
"""

from __future__ import annotations

from .._lazy import lazy_getattr

# name -> submodule; loaded on first use so importing one helper does not load the whole stage
_EXPORTS = {"events": "queries", "documents": "queries", "actors": "queries", "last_contact": "questions", "timeline": "questions", "trend": "questions", "channels": "questions"}
__all__ = sorted(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _EXPORTS)
