"""Property-based fuzzing (hypothesis), bounded to a few seconds for `make test`.

The long run is `scripts/fuzz.py --minutes N` (same targets, docs/reliability.md). Crashes it finds
become explicit regression cases at the bottom of this file.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from badinput.fuzz_targets import (  # noqa: E402
    anchors,
    any_text,
    check_actor_terms,
    check_cleaner,
    check_dates,
    check_person,
    check_pipeline,
    page_bytes,
)

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


@FAST
@given(any_text)
def test_cleaner_properties(raw: str) -> None:
    check_cleaner(raw)


@FAST
@given(any_text, anchors)
def test_date_grammar_properties(text: str, anchor: date | None) -> None:
    check_dates(text, anchor)


@FAST
@given(any_text)
def test_actor_terms_properties(text: str) -> None:
    check_actor_terms(text)


@FAST
@given(any_text, anchors)
def test_person_resolution_never_fails(name: str, on: date | None) -> None:
    check_person(name, on)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(page_bytes, pytest.importorskip("hypothesis.strategies").sampled_from(["html", "txt"]))
def test_read_extract_annotate_never_crash(data: bytes, kind: str) -> None:
    check_pipeline(data, kind)


# --- Regression cases: inputs that crashed or hung before a fix (see docs/reliability.md). -------


@pytest.mark.parametrize(
    "data,kind",
    [
        (b"Minis\x00ters met in Gen\x07eva." + b" The talks went on." * 10, "txt"),  # NUL/controls: lxml refused them
        (b"<html><body>" + b"<div>" * 5000 + b"<p>The minister met the envoy.</p>", "html"),  # nesting past libxml2's 256
        (b"<p>" + b"x " * 30_000 + b"</p>", "html"),  # a 60 KB "sentence": actor search grew quadratically
        ("<p>\ud800 lone surrogate</p>".encode("utf-8", errors="surrogatepass"), "html"),
        (b"\xff\xfe" + "<p>UTF-16 page</p>".encode("utf-16-le"), "html"),
        (b"<html><body>" + b"<p>Yes.</p>" * 40_000 + b"</body></html>", "html"),  # quadratic gap filling
    ],
)
def test_regressions(data: bytes, kind: str) -> None:
    check_pipeline(data, kind)


# --- structure-aware targets (issue #16): a bounded run; scripts/fuzz.py runs them for longer ---

from badinput import structured  # noqa: E402

STRUCTURED = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@STRUCTURED
@given(structured.warc_archives)
def test_warc_archives_never_crash(data: bytes) -> None:
    structured.check_warc(data)


@STRUCTURED
@given(structured.feeds)
def test_feeds_never_crash(data: bytes) -> None:
    structured.check_feed(data)


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(structured.nested_html)
def test_nested_html_keeps_the_article(spec: tuple) -> None:
    structured.check_nested_html(spec)


@STRUCTURED
@given(structured.urls)
def test_urls_get_one_row_and_no_connection_to_a_name(url: str) -> None:
    structured.check_url(url)


@STRUCTURED
@given(structured.file_names)
def test_file_names_of_any_bytes_get_storable_rows(spec: tuple) -> None:
    structured.check_file_names(spec)
