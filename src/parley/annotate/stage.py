"""annotate: sentences for every paragraph, a full parse for candidate sentences.

Paragraphs are split first (a scraped header line must never swallow the first paragraph), then
each paragraph into sentences with spaCy's rule sentencizer. A cheap pass picks candidate
sentences: those with an event cue and something that can be an actor. Only those get the
tagger and parser, which is where nearly all the time goes. Their entity spans come from spaCy's
NER or, with setting `ner` = "rules", from parley.annotate.entities (about half the parse's cost saved).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from . import nlp as nlp_models
from ..events.lexicon import cue_regex
from ..records import Document, Paragraph, Parses, Sentence
from ..settings import Settings

_VERB_POS = {"VERB", "AUX"}
# What part-of-speech tags need: the shared token vectors, the tagger and the tag -> POS map.
_TAGGING_PIPES = {"tok2vec", "tagger", "attribute_ruler"}
_CAPITALISED = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+|\b[A-Z]{2,}\b")


def split_sentences(text: str, paragraphs: tuple[Paragraph, ...]) -> list[Sentence]:
    splitter = nlp_models.splitter()
    out: list[Sentence] = []
    spans = [(i, p) for i, p in enumerate(paragraphs)]
    docs = splitter.pipe(text[p.start : p.end] for _, p in spans)
    for (pi, para), pdoc in zip(spans, docs):
        para_text = text[para.start : para.end]
        for sent in pdoc.sents:
            # the span's characters, sliced: Span.text would join its tokens again
            raw = para_text[sent.start_char : sent.end_char]
            s_text = raw.strip()
            if not s_text:
                continue
            lead = len(raw) - len(raw.lstrip())
            start = para.start + sent.start_char + lead
            out.append(Sentence(len(out), start, start + len(s_text), s_text, pi))
    return out


# Actors named by a common noun, which the actors stage resolves from the page ("the two sides",
# "both countries", "police", "the government", "rebels"): a lowercase sentence with one of these
# and an event cue is as much a candidate as one with a name.
_GENERIC_ACTOR = re.compile(
    r"\b(?:(?:two|both)\s+(?:sides|countries|nations|governments|leaders|ministers|delegations|parties|states|armies|presidents)"
    r"|the\s+two\b|the\s+sides|^sides"
    # the people a meeting story has just named ("The ministers agreed ...": actors/phrases.py)
    r"|the\s+(?:(?:prime|foreign|defen[cs]e|finance|trade|deputy)\s+)?(?:ministers|leaders|presidents|premiers|chancellors|delegations)"
    r"|government|authorities|police|army|military|troops|soldiers|forces|rebels|militants|insurgents|guerrillas"
    r"|militias?|gunmen|protesters|protestors|demonstrators|activists|opposition|ministry|officials|regime|junta|security\s+forces"
    # a personal pronoun stands for the person or state just named ("He warned that ...")
    r"|he|she|they)\b",
    re.IGNORECASE,
)


def is_candidate(sentence: str, gate: int = 100) -> bool:
    """Worth a full parse: an event cue and at least one capitalised word, actor term or
    common-noun actor; with `gate` < 100 (the `parse_gate` setting, percent), also a sentence
    with no cue whose best event type the small TF-IDF model rates at `gate` or more ("shuttled
    between Damascus and Ankara": the sentence model reads it once it is parsed)."""
    cued = bool(cue_regex().search(sentence))
    if not cued and gate >= 100:
        return False
    if not (_CAPITALISED.search(sentence) or _GENERIC_ACTOR.search(sentence)):
        from ..reference.gazetteer import find_actor_terms

        if not find_actor_terms(sentence):
            return False
    return cued or _gate_score(sentence) * 100 >= gate


def _gate_score(sentence: str) -> float:
    """The TF-IDF model's probability of the sentence's best event type (0 when it is absent)."""
    from ..events.model import model_named

    model = model_named("v2")
    return model.predict(sentence)[1] if model is not None else 0.0


def _parse(texts: Any, batch_size: int, ner: str = "rules") -> Any:
    """Full parses of `texts`; with setting `ner` = "rules", NER is skipped (about half the
    parse's cost) and `entities.assign` sets doc.ents from parley's own tables instead."""
    from .entities import assign

    nlp = nlp_models.full()
    texts = list(texts)
    off = ["ner"] if ner == "rules" and "ner" in nlp.pipe_names else []
    for text, sdoc in zip(texts, nlp.pipe(texts, batch_size=batch_size, disable=off)):
        nlp_models.remember_text(sdoc, text)
        yield assign(sdoc) if off else sdoc


def parse_candidates(sentences: list[Sentence], settings: Settings | None = None) -> dict[int, Any]:
    settings = settings if settings is not None else Settings()
    picked = [s for s in sentences if is_candidate(s.text, settings.parse_gate)]
    parsed: dict[int, Any] = {}
    for sent, sdoc in zip(picked, _parse((s.text for s in picked), settings.spacy_batch_size, settings.ner)):
        parsed[sent.index] = sdoc
    return parsed


def _verbless(sdoc: Any) -> bool:
    return not any(t.pos_ in _VERB_POS for t in sdoc)


def _caption_checks(article: Any, sentences: list[Sentence]) -> list[tuple[int, Sentence]]:
    """(paragraph index, its only sentence) for short one-sentence body paragraphs."""
    by_para: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_para.setdefault(s.paragraph, []).append(s)
    out = []
    for pi, sents in by_para.items():
        if article.paragraphs[pi].kind == "body" and len(sents) == 1 and len(sents[0].text.split()) <= 40:
            out.append((pi, sents[0]))
    return out


def _finish(doc: Document, sentences: list[Sentence], parsed: dict[int, Any], checks: list[tuple[int, Sentence]], tagged: dict[int, Any]) -> Document:
    # A body paragraph of one verbless sentence is a caption left in by the page ("X at a press
    # conference in Y on February 1."): mark it, so events are not coded from it.
    assert doc.article is not None
    paragraphs = list(doc.article.paragraphs)
    for pi, sent in checks:
        sdoc = parsed.get(sent.index)
        if sdoc is None:
            sdoc = tagged[sent.index]
        if _verbless(sdoc) and not sent.text.endswith("?"):
            paragraphs[pi] = replace(paragraphs[pi], kind="caption")
    article = replace(doc.article, paragraphs=tuple(paragraphs))
    return replace(doc, article=article, sentences=tuple(sentences), parses=Parses(parsed))


def run(doc: Document, settings: Settings | None = None) -> Document:
    """Adds `Document.sentences` and `Document.parses` (settings `spacy_batch_size`, `ner`)."""
    return run_batch([doc], settings)[0]


def run_batch(docs: list[Document], settings: Settings | None = None) -> list[Document]:
    """Annotate many documents with one `nlp.pipe` stream across all of them.

    Batching across pages (not per page) keeps spaCy's batches full: a page has only a handful
    of candidate sentences. Results equal `run` on each document alone: spaCy parses each
    sentence text on its own, so batch neighbours never change a parse.
    """
    settings = settings if settings is not None else Settings()
    batch_size = settings.spacy_batch_size
    split = []
    for doc in docs:
        assert doc.article is not None
        split.append(split_sentences(doc.article.text, doc.article.paragraphs))
    picked: list[tuple[int, Sentence]] = [(di, s) for di, sents in enumerate(split) for s in sents if is_candidate(s.text, settings.parse_gate)]
    parsed: list[dict[int, Any]] = [{} for _ in docs]
    nlp = nlp_models.full()
    for (di, sent), sdoc in zip(picked, _parse((s.text for _, s in picked), batch_size, settings.ner)):
        parsed[di][sent.index] = sdoc
    # The caption check needs part-of-speech tags only: tagger without parser and NER is ~3x
    # cheaper and gives the same tags (the parser and NER do not feed the tagger).
    checks = [_caption_checks(doc.article, sents) for doc, sents in zip(docs, split)]
    need_tags = [(di, s) for di, cs in enumerate(checks) for _, s in cs if s.index not in parsed[di]]
    tagged: list[dict[int, Any]] = [{} for _ in docs]
    if need_tags:
        off = [name for name in nlp.pipe_names if name not in _TAGGING_PIPES]
        for (di, sent), sdoc in zip(need_tags, nlp.pipe((s.text for _, s in need_tags), batch_size=batch_size, disable=off)):
            tagged[di][sent.index] = sdoc
    return [_finish(doc, split[i], parsed[i], checks[i], tagged[i]) for i, doc in enumerate(docs)]
