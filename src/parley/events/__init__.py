"""events: PLOVER events from the dependency parse, with source, target, mode and evidence.

Needs the parses and actors; adds `Document.events`. `lexicon` holds the trigger rows (which words
trigger which PLOVER type), `ontology` the PLOVER types (quad class, score, CAMEO root, Goldstein,
modes, contexts), `coder` the sentence coder with its ordered rule tables, `constructions/` one
module per sentence construction, `coding` the typed record of how an event was coded, `model` the
small learned event-type classifier (its artifacts ship in `parley/data/eventmodel`, its training
code in `training/`).
"""

from __future__ import annotations

from .._lazy import lazy_getattr

# name -> submodule; loaded on first use so importing one helper does not load the whole stage
_EXPORTS = {"run": "stage", "dedupe": "stage"}
__all__ = sorted(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _EXPORTS)
