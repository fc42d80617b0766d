"""store: documents, event mentions, canonical events and one status row per input, in SQLite.

Needs analysed Documents (or IngestStatus rows); adds rows. `db` holds the schema and the rows,
`merge` folds mentions from many pages into canonical events, incrementally and deterministically.
"""

from __future__ import annotations

from .._lazy import lazy_getattr

# name -> submodule; loaded on first use so importing one helper does not load the whole stage
_EXPORTS = {"open_db": "db", "store_document": "db", "record_status": "db", "merge_mentions": "merge", "rebuild": "merge"}
__all__ = sorted(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _EXPORTS)
