"""annotate: sentences for every paragraph, a full parse for candidate sentences.

Paragraphs are split first (a scraped header line must never swallow the first paragraph), then
each paragraph into sentences with spaCy's rule sentencizer. A cheap pass picks candidate
sentences: those with an event cue and something that can be an actor. Only those get the
tagger, parser and NER, which is where nearly all the time goes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .. import nlp as nlp_models
from ..lexicon import cue_regex
from ..records import Document, Paragraph, Sentence

_VERB_POS = {"VERB", "AUX"}
_CAPITALISED = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+|\b[A-Z]{2,}\b")


def split_sentences(text: str, paragraphs: tuple[Paragraph, ...]) -> list[Sentence]:
    splitter = nlp_models.splitter()
    out: list[Sentence] = []
    spans = [(i, p) for i, p in enumerate(paragraphs)]
    docs = splitter.pipe(text[p.start : p.end] for _, p in spans)
    for (pi, para), pdoc in zip(spans, docs):
        for sent in pdoc.sents:
            s_text = sent.text.strip()
            if not s_text:
                continue
            lead = len(sent.text) - len(sent.text.lstrip())
            start = para.start + sent.start_char + lead
            out.append(Sentence(len(out), start, start + len(s_text), s_text, pi))
    return out


def is_candidate(sentence: str) -> bool:
    """Worth a full parse: an event cue and at least one capitalised word or actor term."""
    if not cue_regex().search(sentence):
        return False
    from ..gazetteer import find_actor_terms

    return bool(find_actor_terms(sentence)) or bool(_CAPITALISED.search(sentence))


def parse_candidates(sentences: list[Sentence], batch_size: int = 64) -> dict[int, Any]:
    picked = [s for s in sentences if is_candidate(s.text)]
    nlp = nlp_models.full()
    parsed: dict[int, Any] = {}
    for sent, sdoc in zip(picked, nlp.pipe((s.text for s in picked), batch_size=batch_size)):
        parsed[sent.index] = sdoc
    return parsed


def _verbless(sdoc: Any) -> bool:
    return not any(t.pos_ in _VERB_POS for t in sdoc)


def run(doc: Document) -> Document:
    assert doc.article is not None
    article = doc.article
    sentences = split_sentences(article.text, article.paragraphs)
    parsed = parse_candidates(sentences)
    # A body paragraph of one verbless sentence is a caption left in by the page ("X at a press
    # conference in Y on February 1."): mark it, so events are not coded from it.
    paragraphs = list(article.paragraphs)
    by_para: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_para.setdefault(s.paragraph, []).append(s)
    for pi, sents in by_para.items():
        if paragraphs[pi].kind == "body" and len(sents) == 1 and len(sents[0].text.split()) <= 40:
            sdoc = parsed.get(sents[0].index)
            if sdoc is None:
                sdoc = nlp_models.full()(sents[0].text)
            if _verbless(sdoc) and not sents[0].text.endswith("?"):
                paragraphs[pi] = replace(paragraphs[pi], kind="caption")
    article = replace(article, paragraphs=tuple(paragraphs))
    return replace(doc, article=article, sentences=tuple(sentences), cache={"parsed": parsed})
