"""actors: who is who on the page - states, organisations, people with their titles.

Needs `Document.article` and the parses from annotate; adds `Document.actors` (the page's actors
with their country codes) and the per-token actors the events stage reads. World knowledge comes
from `parley.reference`.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# name -> submodule; loaded on first use so importing one helper does not load the whole stage
_EXPORTS = {"run": "stage", "resolve_document": "stage"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
