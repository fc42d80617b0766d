"""Fuzz targets and input strategies shared by tests/test_fuzz.py (bounded) and scripts/fuzz.py (long).

Each target states the properties that must hold for ANY input, not just "does not crash":
offsets inside the text, the text they point at equal to what is returned, ranges ordered.
"""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

# News-like pieces mixed with junk, so the fuzzer reaches the interesting branches quickly.
WORDS = [
    "the", "minister", "met", "President", "Biden", "Xi", "Jinping", "China", "United States", "U.S.", "Russia's",
    "on", "Monday", "last", "week", "March", "4", "2024", "in", "1998", "ago", "two", "years", "said", "NATO",
    "Defense Minister", "Dong", "Jun", "Lloyd Austin", "Secretary", "the Kremlin", "Kyiv", "early", "2023",
    "Related Post", "Leave a Reply", "Sat. Jul 20th, 2024", "12", "Share", "©", "\n", "\n\n", ".", ",", "\"", "'",
    "between", "and", "from", "to", "until", "mid-", "Q3", "spring", "1990s", "next", "Tuesday", "yesterday",
    "Photo: File", "Mr.", "Gen.", "Pope", "Francis", "\u202e", "\u200f", "🌍", "ﬁ", "İ", "ß", "\t", "\r", "\x00", "\x1b",
]
news_text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=60).map(" ".join)
any_text = st.one_of(news_text, st.text(max_size=400))
anchors = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
page_bytes = st.one_of(
    st.binary(max_size=2000),
    any_text.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    st.tuples(st.sampled_from(["<html><body><p>", "<div><div><p>", "<p>", "<html><head><title>", "<!DOCTYPE html><article><p>"]), news_text).map(
        lambda p: (p[0] + p[1] + "</p>").encode("utf-8", errors="surrogatepass")
    ),
)


def check_cleaner(raw: str) -> None:
    from parley.extract.stage import clean_scraped_text

    out = clean_scraped_text(raw)
    prev_end = -1
    for p in out.paragraphs:
        assert 0 <= p.start <= p.end <= len(out.text)
        assert p.start > prev_end or prev_end == -1
        assert out.text[p.start : p.end].strip()
        prev_end = p.end
    assert "\n\n\n" not in out.text


def check_dates(text: str, anchor: date | None) -> None:
    from parley.time.expressions import find_dates

    prev_end = 0
    for m in find_dates(text, anchor):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.first <= m.last
        assert m.start >= prev_end, "mentions overlap or are unsorted"
        prev_end = m.end
        assert m.iso


def check_actor_terms(text: str) -> None:
    from parley.reference.gazetteer import find_actor_terms

    prev_end = 0
    for start, end, _ref in find_actor_terms(text):
        assert 0 <= start < end <= len(text)
        assert start >= prev_end
        prev_end = end


def check_person(name: str, on: date | None) -> None:
    from parley.reference.people import load_officeholders

    for term in load_officeholders().find_person(name, on):
        assert term.person_id and term.name


def check_pipeline(data: bytes, kind: str) -> None:
    """read + extract + annotate on raw bytes: a Page or a status, then an Article and sentences."""
    from parley.pipeline import run_stages
    from parley.records import Document, IngestStatus, Page
    from parley.settings import Settings
    from parley.annotate import stage as annotate
    from parley.extract import stage as extract
    from parley.read.files import page_from_bytes

    try:
        page = page_from_bytes(f"fuzz.{kind}", data, "html" if kind == "html" else "text", Settings())
    except ValueError:
        return  # a skipped page: the documented outcome for empty/binary/foreign input
    assert isinstance(page, Page) and not isinstance(page, IngestStatus)
    doc = extract.run(Document(page=page))
    assert doc.article is not None
    text = doc.article.text
    for p in doc.article.paragraphs:
        assert 0 <= p.start <= p.end <= len(text)
    if text.strip():
        from parley.pipeline import Stage

        doc = run_stages(doc, [Stage("annotate", annotate.run)])
        for s in doc.sentences:
            assert text[s.start : s.end] == s.text
