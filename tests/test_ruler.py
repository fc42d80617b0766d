"""parley's matcher for spaCy's attribute_ruler (annotate/ruler.py) finds exactly what spaCy's
Matcher finds, so every tag, part of speech, morphology and lemma stays the same."""

from __future__ import annotations

import pytest

from parley.annotate import nlp
from parley.annotate.ruler import compile_ruler

# Written for this test: news sentences plus the contractions, spacing and pronoun cases the
# ruler's exception patterns are about.
SENTENCES = [
    "The foreign minister said on Tuesday that talks with Beijing would resume in March.",
    "Police arrested two protesters outside the embassy, officials said.",
    "There is no agreement yet, and there were reports of shelling near the border.",
    "We're gonna keep talking, but they ain't ready to sign, the envoy said.",
    "Let's see whether y'all can c'mon over; nothin' was agreed.",
    "I told you it was over, and it told me nothing.",
    "He did not answer, but she did, and they have since left.",
    "Whether or not the ministers meet, the army has   mobilised  troops.\n\nGotta go.",
    "That is what the president wants: that which was promised.",
    "",
]


@pytest.fixture(scope="module")
def stock():
    return nlp.stock()


def _spacy_matches(ruler, doc):
    found = ruler.matcher(doc, allow_missing=True, as_spans=False)
    return sorted((int(ruler.vocab.strings[key]), key, start, end) for key, start, end in found)


@pytest.mark.parametrize("parsed", [True, False], ids=["parsed", "tags-only"])
def test_same_matches_as_spacy(stock, parsed):
    ruler = stock.get_pipe("attribute_ruler")
    fast = compile_ruler(ruler)
    assert fast is not None, "the shipped model's ruler patterns should all be readable"
    off = ["attribute_ruler", "lemmatizer", "ner"] + ([] if parsed else ["parser"])
    for doc in stock.pipe(SENTENCES, disable=off):
        assert fast.match(doc) == _spacy_matches(ruler, doc), doc.text


def test_same_annotations_as_stock_pipeline(stock):
    tuned = nlp.full()
    assert tuned.get_pipe("attribute_ruler").match != stock.get_pipe("attribute_ruler").match
    for a, b in zip(stock.pipe(SENTENCES), tuned.pipe(SENTENCES)):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in a] == [
            (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in b
        ]


def test_unknown_pattern_form_keeps_spacys_matcher(stock):
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(stock.vocab)
    ruler.add([[{"LOWER": "talks"}]], {"POS": "NOUN"})
    assert compile_ruler(ruler) is not None
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert compile_ruler(ruler) is None


def test_splitter_tokenizes_as_a_blank_english_tokenizer():
    # The sentence splitter borrows the full pipeline's tokenizer (one lexeme per word, a warm
    # cache for the parse); that is only right while its rules are spaCy's English defaults.
    import spacy

    borrowed, blank = nlp.splitter().tokenizer, spacy.blank("en").tokenizer
    assert borrowed is nlp.full().tokenizer
    assert borrowed.rules == blank.rules
    for attr in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        assert getattr(borrowed, attr).__self__.pattern == getattr(blank, attr).__self__.pattern, attr
    assert borrowed.token_match == blank.token_match
    for text in SENTENCES:
        assert [t.text for t in borrowed(text)] == [t.text for t in blank(text)]
