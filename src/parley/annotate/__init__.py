"""annotate: sentences for every paragraph and a spaCy parse of the candidate sentences.

Needs `Document.article`; adds `Document.sentences` and `Document.parses` (typed, `records.Parses`). `nlp`
loads the shared spaCy pipelines once per process, `entities` holds the rule-based entity spans
used when the `ner` setting is "rules".
"""

from __future__ import annotations

from .._lazy import lazy_getattr

# name -> submodule; loaded on first use so importing one helper does not load the whole stage
_EXPORTS = {"run": "stage", "run_batch": "stage", "split_sentences": "stage"}
__all__ = sorted(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _EXPORTS)
