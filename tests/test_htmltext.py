"""Tests of main-text extraction on small hand-written news pages."""

from __future__ import annotations

import dataclasses

import pytest

from lxml import html as lxml_html

from parley.extract.html import (
    HtmlExtraction,
    _add_sibling_chunks,
    _fill_gaps,
    _filter_lines,
    extract_html,
)

PARAS = [
    "Harbourton city council approved a new budget for the port on Tuesday, ending a dispute "
    "that had delayed repairs to the northern breakwater for more than two years.",
    "The plan sets aside money for dredging the main channel and for replacing two cranes that "
    "were damaged during last winter's storms, according to the finance committee.",
    "Mayor Elena Ruiz said the vote showed that the council could still work together on "
    "questions that matter to fishermen, ferry operators and the families who depend on them.",
    "Opposition members argued that the spending should have been tied to an independent audit "
    "of the port authority, which has been criticised for slow decisions.",
    "Work on the breakwater is expected to begin in the spring and to last about eighteen "
    "months, the port authority said in a statement released after the session.",
]

ARTICLE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Council approves harbour budget after long dispute | Harbourton Gazette</title>
<meta property="og:title" content="Council approves harbour budget after long dispute">
<meta property="article:published_time" content="2021-03-09T14:05:00Z">
<script>var tracker = "SCRIPTSECRET"; window.dataLayer = [];</script>
<style>.nav {{ color: red; }}</style>
</head><body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<main><article>
<h1>Council approves harbour budget after long dispute</h1>
<p class="byline">By Staff Reporter</p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
<p>{PARAS[0]}</p>
<p>{PARAS[1]}</p>
<p>{PARAS[2]}</p>
<p>Related: Ferry timetable changes announced for the summer season</p>
<p>{PARAS[3]}</p>
<p>{PARAS[4]}</p>
<p>Sign up for our daily newsletter to get the top stories delivered to your inbox.</p>
<p>Follow the Harbourton Gazette on Twitter and Facebook.</p>
</article>
<section id="comments" class="comments">
<h3>3 Comments</h3>
<div class="comment"><p>COMMENTNOISE this council never gets anything right, what a waste of money honestly.</p></div>
<div class="comment"><p>COMMENTNOISE about time somebody fixed the breakwater, my boat was nearly lost.</p></div>
</section>
</main>
<footer><p>© 2021 Harbourton Gazette. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>
<script>console.log("SCRIPTSECRET2");</script>
</body></html>"""


@pytest.fixture(scope="module")
def result() -> HtmlExtraction:
    return extract_html(ARTICLE, url="https://news.example.com/local/council-budget")


def test_result_is_frozen(result: HtmlExtraction) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "changed"  # type: ignore[misc]


def test_body_paragraphs_present_in_order(result: HtmlExtraction) -> None:
    positions = [result.text.find(p) for p in PARAS]
    assert all(pos >= 0 for pos in positions), result.text
    assert positions == sorted(positions)


def test_paragraphs_separated_by_one_blank_line(result: HtmlExtraction) -> None:
    assert "\n\n\n" not in result.text
    assert f"{PARAS[0]}\n\n{PARAS[1]}" in result.text
    assert result.text == result.text.strip()


@pytest.mark.parametrize(
    "noise",
    [
        "SCRIPTSECRET",  # <script>
        "color: red",  # <style>
        "Weather",  # nav
        "COMMENTNOISE",  # comments section
        "Privacy policy",  # footer
        "All rights reserved",  # copyright line
        "Share on Facebook",  # share buttons
        "newsletter",  # subscribe prompt
        "Follow the Harbourton Gazette",  # social follow prompt
        "Related:",  # cross-link
        "<p>",  # no HTML in the text
    ],
)
def test_boilerplate_absent(result: HtmlExtraction, noise: str) -> None:
    assert noise not in result.text


def test_title_extracted_and_kept_out_of_body(result: HtmlExtraction) -> None:
    assert result.title == "Council approves harbour budget after long dispute"
    assert "Council approves harbour budget" not in result.text


def test_meta_published_date(result: HtmlExtraction) -> None:
    assert result.published == "2021-03-09"
    assert result.published_source == "html-meta"
    assert result.method.startswith("trafilatura")


def _page(head: str, body: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"<html><head><title>Port news</title>{head}</head><body><article>{body}{paras}</article></body></html>"


def test_json_ld_date_when_no_meta() -> None:
    head = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2020-11-02T08:00:00+01:00"}]}</script>'
    res = extract_html(_page(head, ""), url="https://news.example.com/port")
    assert (res.published, res.published_source) == ("2020-11-02", "json-ld")


def test_url_date_when_page_has_none() -> None:
    res = extract_html(_page("", ""), url="https://news.example.com/2019/07/04/port-story/")
    assert (res.published, res.published_source) == ("2019-07-04", "url")


def test_no_date_anywhere() -> None:
    res = extract_html(_page("", ""), url=None)
    assert res.published is None and res.published_source is None


def test_dateline_and_reading_time_lines_dropped() -> None:
    body = "<p>Updated 5:45 PM EST, Nov 19, 2019</p><p>4 min read</p>"
    res = extract_html(_page("", body))
    assert "5:45" not in res.text and "min read" not in res.text
    assert PARAS[0] in res.text


def test_article_split_over_sibling_containers_is_joined() -> None:
    # The body is cut into repeated containers with an ad slot between them.
    first = "".join(f"<p>{p}</p>" for p in PARAS[:3])
    second = "".join(f"<p>{p}</p>" for p in PARAS[3:])
    html = (
        "<html><head><title>Port</title></head><body><article>"
        f'<div class="body-chunk"><div class="text">{first}</div></div>'
        '<div class="ad-slot"><a href="/ad">Advertisement</a></div>'
        f'<div class="body-chunk"><div class="text">{second}</div></div>'
        "</article></body></html>"
    )
    res = extract_html(html)
    for p in PARAS:
        assert p in res.text
    # The step itself: given only the first container's paragraphs, the later same-class
    # container is appended, and the ad slot (different class) is not.
    tree = lxml_html.fromstring(html)
    joined = _add_sibling_chunks(tree, PARAS[:3])
    assert joined == PARAS
    assert "Advertisement" not in " ".join(joined)


def test_sibling_containers_of_links_are_not_added() -> None:
    teasers = "".join(
        f'<p><a href="/story{i}">Another headline about the port number {i} and its many '
        f"troubles with cranes and ferries this year</a></p>"
        for i in range(4)
    )
    first = "".join(f"<p>{p}</p>" for p in PARAS[:3])
    html = (
        "<html><body>"
        f'<div class="box"><div class="t">{first}</div></div>'
        f'<div class="box"><div class="t">{teasers}</div></div>'
        "</body></html>"
    )
    assert _add_sibling_chunks(lxml_html.fromstring(html), PARAS[:3]) == PARAS[:3]


def test_empty_and_junk_input_do_not_crash() -> None:
    for html in ("", "<html></html>", "not html at all"):
        res = extract_html(html)
        assert isinstance(res.text, str)
        assert res.published is None


def test_fill_gaps_inserts_only_between_kept_paragraphs() -> None:
    precise = [PARAS[0], PARAS[2]]
    recall = ["Menu Home News", PARAS[0], PARAS[1], PARAS[2], "Most read stories today"]
    assert _fill_gaps(precise, recall) == [PARAS[0], PARAS[1], PARAS[2]]
    # nothing to anchor on: precision output is returned unchanged
    assert _fill_gaps(precise, ["unrelated"]) == precise


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE: Ferry strike called off after late-night talks",
        "You may also like",
        "12 Comments",
        "Copyright 2021 Harbourton Gazette",
        "Reporting by Jane Smith; Editing by Tom Brown",
        "Additional reporting by Ana Costa.",
        "Staff writer Bo Lee contributed to this report.",
        "Follow us on Instagram for more photos",
        "CLICK HERE TO GET THE GAZETTE APP",
        "Nov. 19, 2019 at 5:45 p.m.",
    ],
)
def test_boilerplate_lines_dropped(line: str) -> None:
    assert _filter_lines([PARAS[0], line, PARAS[1]]) == [PARAS[0], PARAS[1]]


@pytest.mark.parametrize(
    "line",
    [
        "More than 100 people were evacuated from the harbour district on Monday.",
        "Related companies have also been asked to share their records with investigators.",
        "The council meets again on Nov. 19, 2019, when the audit is due.",
        "Sources close to the mayor said the vote was never in doubt.",
    ],
)
def test_ordinary_sentences_kept(line: str) -> None:
    assert _filter_lines([PARAS[0], line]) == [PARAS[0], line]
