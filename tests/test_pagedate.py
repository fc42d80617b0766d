"""parley.extract.pagedate: the page date from every cue, ranked; traps that must never date a page.

All pages here are written for these tests (news-like, invented wording)."""

from __future__ import annotations

from datetime import date

import pytest
from lxml import html as lxml_html

from parley.extract import markup_dates as md
from parley.extract import pagedate as pd
from parley.records import DateCandidate


def _page_date(raw: str, url: str | None = None) -> pd.PageDate:
    cues = pd.text_cues(raw)
    return pd.decide(cues.candidates, url, cues.dateline, cues.copyright_year)


LEAD = "The foreign ministers of the two countries met in Geneva to discuss the border dispute, officials said."


# -- URL shapes -------------------------------------------------------------------------------

@pytest.mark.parametrize("url, day", [
    ("https://news.example.com/world/2024/04/16/ministers-meet-geneva/", date(2024, 4, 16)),
    ("https://news.example.com/world/ministers-meet-20240601-a1b2c3.html", date(2024, 6, 1)),
    ("https://news.example.com/world/ministers-meet-05312024073900.html", date(2024, 5, 31)),
    ("https://news.example.com/20230827/ministers-meet", date(2023, 8, 27)),
    ("https://news.example.com/2024-04-16/ministers-meet", date(2024, 4, 16)),
    # day first where a month cannot come first; a date the query names
    ("https://news.example.com/politics/border-arbitration-ruling-29062017.html", date(2017, 6, 29)),
    ("https://news.example.com/article.php?id=4471&date=2010-04-08", date(2010, 4, 8)),
    # a date spelled in the slug (session 26, R5): day-month-year and month-day-year
    ("https://mfa.example/briefings/regular-press-conference-21-december-1999", date(1999, 12, 21)),
    ("https://news.example.com/world/talks-resume-dec-3-2019-geneva", date(2019, 12, 3)),
])
def test_url_day_shapes(url: str, day: date) -> None:
    found = pd.url_date(url)
    assert found is not None and found.day == day


def test_url_month_and_year_only_shapes_give_a_year_not_a_day() -> None:
    month = pd.url_date("https://news.example.com/2022/02/ministers-meet.html")
    assert month is not None and (month.day, month.year, month.month) == (None, 2022, 2)
    year = pd.url_date("https://news.example.com/archive/2019/ministers-meet")
    assert year is not None and (year.day, year.year) == (None, 2019)


@pytest.mark.parametrize("url", [
    "https://news.example.com/2024/02/30/impossible-day/",   # 30 February
    "https://news.example.com/story-20241345-id.html",       # month 13
    "https://news.example.com/story-20240416999999.html",    # a 14-digit id, no time of day
    "https://news.example.com/story/12345678",               # an id that is no date either way
    "https://news.example.com/1899/04/16/old/",              # before 1990
    "https://news.example.com/31-february-2019-archive",     # 31 February, spelled
])
def test_impossible_url_dates_are_refused(url: str) -> None:
    found = pd.url_date(url)
    assert found is None or found.day is None


# -- bylines and date lines -------------------------------------------------------------------

@pytest.mark.parametrize("line, day, source", [
    ("Published: April 16, 2024 10:32:11", date(2024, 4, 16), "published-line"),
    ("Published: Tuesday, April 16, 2024 - 10:32", date(2024, 4, 16), "published-line"),
    ("Posted on 16 April 2024 by Jane Roe", date(2024, 4, 16), "published-line"),
    ("First published on Tue 16 Apr 2024 10.32 BST", date(2024, 4, 16), "published-line"),
    ("By Jane Roe | Published April 16, 2024", date(2024, 4, 16), "published-line"),
    ("Updated: 17 Apr 2024 09:00 IST", date(2024, 4, 17), "updated-line"),
    ("Last updated April 17, 2024", date(2024, 4, 17), "updated-line"),
    ("date 2024-04-16 Photo: Staff photographer", date(2024, 4, 16), "page-date-line"),
    ("Sat. Jul 20th, 2024", date(2024, 7, 20), "page-date-line"),
    ("By Jane Roe | 21/05/2023 | Comments (2)", date(2023, 5, 21), "page-date-line"),
    # a release's place and date; a day-first dotted date; a heading that ends in its day
    ("Lima, 5 March 2014", date(2014, 3, 5), "page-date-line"),
    ("NEW YORK, March 12, 2019", date(2019, 3, 12), "page-date-line"),
    ("05.03.2014 14:20", date(2014, 3, 5), "page-date-line"),
    ("Press briefing by the spokesperson, Wednesday, 5 March 2014", date(2014, 3, 5), "page-date-line"),
    ("Press briefing, Tuesday, March 4, 2014", date(2014, 3, 4), "page-date-line"),
    ("Updated 6 March 2014, 09:12 | Published 5 March 2014, 18:40", date(2014, 3, 5), "published-line"),
    # read since session 17 (examples/datecues): more labels, foreign chrome's labels, a
    # machine-translated date, a heading closed by its date in brackets
    ("Release date: 19 February 2025", date(2025, 2, 19), "published-line"),
    ("Issued: 3 March 2021", date(2021, 3, 3), "published-line"),
    ("Publication date: 2019-06-30", date(2019, 6, 30), "published-line"),
    ("Opublikovano: 29.05.2019, 17:05 | Prosmotrov: 3 410", date(2019, 5, 29), "published-line"),
    ("Publicado: 7 March 2022", date(2022, 3, 7), "published-line"),
    ("Aktualisiert: 8 March 2022", date(2022, 3, 8), "updated-line"),
    ("Published: 17 of September of 2020 year, 11:42", date(2020, 9, 17), "published-line"),
    ("Transcript of Weekly Media Briefing by the Official Spokesperson (June 08, 2017)", date(2017, 6, 8), "page-date-line"),
    # read since session 18: month names and labels of foreign chrome (a Thai Buddhist-era year),
    # a two-digit year after a label, a numbered statement's or newsletter issue's heading
    ("Geplaatst: 4 december 1997 08:00", date(1997, 12, 4), "published-line"),
    ("Bijgewerkt: 5 december 1997", date(1997, 12, 5), "updated-line"),
    ("Ver\u00f6ffentlicht am 12. M\u00e4rz 2015, 06:30 Uhr", date(2015, 3, 12), "published-line"),
    ("Publicado el 3 de mayo de 2019", date(2019, 5, 3), "published-line"),
    ("\u092a\u094d\u0930\u0915\u093e\u0936\u093f\u0924: 22 \u091c\u0928\u0935\u0930\u0940 2020, 11:20 IST", date(2020, 1, 22), "published-line"),
    ("\u0416\u0430\u0440\u0438\u044f\u043b\u0430\u043d\u0434\u044b: 12 \u043c\u0430\u0443\u0441\u044b\u043c 2023, 14:05", date(2023, 6, 12), "published-line"),
    ("\u0e40\u0e1c\u0e22\u0e41\u0e1e\u0e23\u0e48: 15 \u0e21\u0e35.\u0e04. 2565 09:20", date(2022, 3, 15), "published-line"),
    ("Published: 14/03/05 17:22 GMT", date(2005, 3, 14), "published-line"),
    ("Page last reviewed: 02.06.2011", date(2011, 6, 2), "updated-line"),
    ("Statement No. 214/2016, 19 September 2016", date(2016, 9, 19), "page-date-line"),
    ("Issue #212 \u2014 Wednesday 6 April 2022", date(2022, 4, 6), "page-date-line"),
    # R4 (examples/datecues4): foreign weekdays, calendars and labels; broadcast and print labels;
    # the legal form; an ISO stamp with its time of day
    ("Publicado: jueves, 18 de diciembre de 2014, 07:15", date(2014, 12, 18), "published-line"),
    ("Originally printed: Thursday 22nd November 1990, page 7", date(1990, 11, 22), "published-line"),
    ("Judgment delivered on Wednesday, the 14th day of October, 1998", date(1998, 10, 14), "published-line"),
    ("48,551 views \u00b7 Streamed live on 28 Sep 2015", date(2015, 9, 28), "published-line"),
    ("\u6765\u6e90\uff1a\u534e\u590f\u65e5\u62a5   \u53d1\u5e03\u65f6\u95f4\uff1a2012-11-16 09:12   \u8d23\u4efb\u7f16\u8f91\uff1a\u5218\u6653", date(2012, 11, 16), "published-line"),
    ("\u4ee4\u548c\u5143\u5e7410\u670823\u65e5 07\u664205\u5206", date(2019, 10, 23), "page-date-line"),
    ("2021\ub144 3\uc6d4 3\uc77c", date(2021, 3, 3), "page-date-line"),
    ("Publish Date: 1396/12/01 - 10:20", date(2018, 2, 20), "published-line"),
    ("\u0646\u064f\u0634\u0631: \u0627\u0644\u0623\u062d\u062f \u0662\u0661 \u064a\u0646\u0627\u064a\u0631 \u0662\u0660\u0662\u0664", date(2024, 1, 21), "published-line"),
    ("\u0627\u0644\u0623\u062d\u062f 12 \u0631\u0645\u0636\u0627\u0646 1431 \u0647\u0640 - 22 \u0623\u063a\u0633\u0637\u0633 2010 \u0645", date(2010, 8, 22), "page-date-line"),
    ("\u0e15\u0e48\u0e32\u0e07\u0e1b\u0e23\u0e30\u0e40\u0e17\u0e28 \u00b7 22 \u0e15.\u0e04. 2546 \u00b7 08:30 \u0e19.", date(2003, 10, 22), "page-date-line"),
    ("Published 2018-06-11T23:40:00-04:00 (June 11, 2018, 11:40 p.m. ET)", date(2018, 6, 11), "published-line"),
    # a label that is also a byline's verb, without its date, leaves the line a byline
    ("Reviewed by Jane Roe | 5 March 2014", date(2014, 3, 5), "page-date-line"),
    # R5 (examples/datecues5): a time's "a.m." is no sentence end; a later update part is cut off;
    # Vietnamese, Greek and Hebrew dates; another calendar's date before the Gregorian one;
    # "09-Feb-01" after a label; print and live-blog labels
    ("By Rachel Dunmore | January 27th, 2026 | Updated January 28th, 2026 at 8:15 a.m.", date(2026, 1, 27), "page-date-line"),
    ("Th\u1ee9 N\u0103m, ng\u00e0y 3 th\u00e1ng 3 n\u0103m 2022, 14:25 (GMT+7) \u00b7 C\u1eadp nh\u1eadt: Th\u1ee9 S\u00e1u, ng\u00e0y 4 th\u00e1ng 3 n\u0103m 2022, 08:00 \u00b7 Nguy\u1ec5n Thu H\u00e0", date(2022, 3, 3), "page-date-line"),
    ("\u0394\u03b5\u03c5\u03c4\u03ad\u03c1\u03b1, 15 \u03a6\u03b5\u03b2\u03c1\u03bf\u03c5\u03b1\u03c1\u03af\u03bf\u03c5 2010 \u00b7 10:40", date(2010, 2, 15), "page-date-line"),
    ("16 \u05d1\u05d0\u05d5\u05e7\u05d8\u05d5\u05d1\u05e8 2017", date(2017, 10, 16), "page-date-line"),
    ("\u1245\u12f3\u121c \u1325\u122d 12 \u1240\u1295 2010 \u12d3.\u121d | Saturday, 20 January 2018", date(2018, 1, 20), "page-date-line"),
    ("Posted On: 09-Feb-01 18:30 IST", date(2001, 2, 9), "published-line"),
    ("Published in print on Saturday, 12 January 2008", date(2008, 1, 12), "published-line"),
    ("Started Tuesday 12 June 2018 01:30 BST", date(2018, 6, 12), "published-line"),
    # session 26, R5: the "Input" label of Korean sites' English editions; Malay chrome
    ("Reporter Kim Min-ji | Input 2015.12.29 14:22 | Modified 2015.12.29 18:05", date(2015, 12, 29), "published-line"),
    ("Diterbitkan: Jumaat, 1 Mac 2013", date(2013, 3, 1), "published-line"),
    ("Dikemaskini: Isnin, 12 Ogos 2019", date(2019, 8, 12), "updated-line"),
])
def test_byline_forms(line: str, day: date, source: str) -> None:
    assert pd.read_byline(line) == (day, source)


@pytest.mark.parametrize("line", [
    "On April 16, 2024, the two delegations met in Geneva and agreed to meet again next month.",
    "Photo: Soldiers at the border crossing, April 16, 2024. Staff photographer",
    "A soldier stands guard at the border crossing on April 16, 2024. REUTERS/Staff",
    "Published: sometime last spring",
    "Posted in: World, Politics",
    "The accord, signed March 4, 2014",
    "Berlin, Germany",
    "The talks, held in 2014",
    "Brussels, 5 March 2014 - The EU said the talks would resume next week in the Belgian capital.",
    "Remembering the Brasilia accord, 26 October 1998",
    # a two-digit year is read after a label only; a name like a month's stays a name
    "3/4/99",
    "By Marco Rossi | Rome bureau",
    "Posted by Mac Jones | Sports desk",
    "Room No. 5, 5 May",
    # a verb that labels a date at a line's start is a sentence's after a comma
    "Text of the daily part, printed 14 February 2005.",
])
def test_sentences_captions_and_labels_without_a_day_are_no_byline(line: str) -> None:
    assert pd.read_byline(line) is None


def test_a_byline_under_the_headline_beats_the_sites_header_date() -> None:
    raw = (
        "THE DAILY EXAMPLE\nHome | World | Politics | Business | Sport\nMonday, 29 April 2024 | Geneva 14°C\n\n"
        "Ministers agree to reopen border crossings\n\nBy Jane Roe | 16/04/2024\n\n" + LEAD + "\n"
    )
    found = _page_date(raw)
    assert (found.published, found.source) == (date(2024, 4, 16), "byline-date")
    assert [c.source for c in found.losers] == ["page-date-line"]


def test_a_labelled_byline_beats_url_and_date_lines() -> None:
    raw = "Sat. Jul 20th, 2024\n\nMinisters meet in Geneva\n\nPosted on 17 April 2024 by Jane Roe\n\n" + LEAD
    found = _page_date(raw, url="https://news.example.com/2024/04/15/ministers-geneva/")
    assert (found.published, found.source) == (date(2024, 4, 17), "published-line")
    assert [c.source for c in found.candidates] == ["published-line", "url", "page-date-line"]


def test_published_beats_updated_whatever_the_order() -> None:
    raw = "Ministers meet in Geneva\n\nUpdated: 19 April 2024\nPublished: 16 April 2024\n\n" + LEAD
    found = _page_date(raw)
    assert (found.published, found.source) == (date(2024, 4, 16), "published-line")


def test_a_published_line_under_the_article_counts_but_a_bare_date_after_the_lead_is_weakest() -> None:
    found = _page_date("Ministers meet in Geneva\n\n" + LEAD + "\n\nPublished: 16 April 2024\n")
    assert (found.published, found.source) == (date(2024, 4, 16), "published-line")
    found = _page_date("Sat. Jul 20th, 2024\n\nMinisters meet in Geneva\n\n" + LEAD + "\n\nApril 16, 2024\n")
    assert (found.published, found.source) == (date(2024, 7, 20), "page-date-line")


# -- datelines --------------------------------------------------------------------------------

def test_wire_dateline_takes_its_year_from_the_url_month() -> None:
    raw = "Ministers meet in Geneva\n\nGENEVA, Feb 16 (Wire) - " + LEAD + "\n"
    found = _page_date(raw, url="https://news.example.com/2022/02/ministers-geneva.html")
    assert (found.published, found.source) == (date(2022, 2, 16), "dateline")
    assert "year from the url year" in found.candidates[0].evidence


def test_city_dateline_takes_its_year_from_the_copyright_line() -> None:
    raw = "Ministers meet in Geneva\n\nGeneva, March 28 - " + LEAD + "\n\n© 2019-2023 The Daily Example\n"
    found = _page_date(raw)
    assert (found.published, found.source) == (date(2023, 3, 28), "dateline")


def test_dateline_beats_a_site_header_date_and_takes_the_nearest_year() -> None:
    raw = "Fri. Jan 5th, 2024\n\nMinisters meet in Geneva\n\nGENEVA, Dec 28 (Wire) - " + LEAD + "\n"
    found = _page_date(raw)
    assert (found.published, found.source) == (date(2023, 12, 28), "dateline")
    assert [c.source for c in found.candidates] == ["dateline", "page-date-line"]


def test_a_dateline_alone_without_any_year_gives_no_date() -> None:
    found = _page_date("Ministers meet in Geneva\n\nGENEVA, Dec 28 (Wire) - " + LEAD + "\n")
    assert found.published is None and found.year_hint is None


# -- traps ------------------------------------------------------------------------------------

def test_caption_related_posts_comments_and_cookie_notice_never_date_the_page() -> None:
    raw = (
        "Ministers meet in Geneva\n\n"
        "Photo: The two ministers in Geneva, March 3, 2024. Staff photographer\n\n"
        + LEAD + "\n\n"
        "Related posts\nBorder talks stall again\nApril 2, 2024\nMinisters to meet next week\nMarch 30, 2024\n\n"
        "This website uses cookies. Cookie policy updated: 12 May 2023\n\n"
        "3 Comments\n\nPosted on April 18, 2024 at 5:12 pm\nGreat news for both countries.\n"
    )
    found = _page_date(raw)
    assert found.published is None and found.candidates == ()


def test_a_related_list_above_the_article_is_skipped_too() -> None:
    raw = (
        "Latest news\nBorder talks stall again\n2 April 2024\n\n"
        "Ministers meet in Geneva\n\nPublished: 16 April 2024\n\n" + LEAD + "\n"
    )
    found = _page_date(raw)
    assert (found.published, [c.source for c in found.candidates]) == (date(2024, 4, 16), ["published-line"])


def test_a_page_with_no_date_at_all() -> None:
    found = _page_date("Ministers meet in Geneva\n\n" + LEAD + "\n")
    assert (found.published, found.source, found.year_hint) == (None, None, None)


def test_year_hint_from_url_then_copyright_when_no_day() -> None:
    assert _page_date("Ministers meet\n\n" + LEAD, url="https://x.example/2021/09/ministers").year_hint_source == "url"
    found = _page_date("Ministers meet\n\n" + LEAD + "\n\nCopyright 2021 The Daily Example\n")
    assert (found.published, found.year_hint, found.year_hint_source) == (None, 2021, "copyright")


# -- HTML -------------------------------------------------------------------------------------

_HTML = """<html><head><title>Ministers meet in Geneva</title>{head}</head><body>
<article><h1>Ministers meet in Geneva</h1>{body}<p>{lead}</p>
<aside><h2>Related</h2><ul><li><a href="/a">Border talks stall</a> <time datetime="2024-03-30">March 30</time></li></ul></aside>
</article></body></html>"""


def _html_cues(head: str = "", body: str = "", url: str | None = None) -> pd.PageDate:
    tree = lxml_html.fromstring(_HTML.format(head=head, body=body, lead=LEAD))
    cues, url = md.html_cues(tree, url)
    return pd.decide(cues, url)


def test_html_json_ld_and_meta_beat_the_url() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-04-16T08:00:00Z",'
            ' "dateModified": "2024-04-20T08:00:00Z"}</script>')
    found = _html_cues(head, url="https://news.example.com/2024/04/10/ministers/")
    assert (found.published, found.source) == (date(2024, 4, 16), "json-ld")
    assert "url" in [c.source for c in found.losers]


def test_html_time_element_read_by_htmldate_prefers_publication() -> None:
    body = '<p class="byline">By Jane Roe <time datetime="2024-04-16T08:00:00Z">April 16, 2024</time></p>'
    head = '<meta property="article:modified_time" content="2024-05-02T08:00:00Z">'
    found = _html_cues(head, body)
    assert found.published == date(2024, 4, 16) and found.source == "htmldate"


def test_html_canonical_link_gives_the_url_date() -> None:
    head = '<link rel="canonical" href="https://news.example.com/2023/08/27/ministers-geneva/">'
    found = _html_cues(head)
    assert (found.published, found.source) == (date(2023, 8, 27), "url")


def test_ranking_is_stable_and_lists_every_loser() -> None:
    cues = [
        DateCandidate("page-date-line", date(2024, 7, 20), "Sat. Jul 20th, 2024", pd.RANK["page-date-line"]),
        DateCandidate("page-header", date(2024, 4, 17), "PUBLISHED: 2024-04-17", pd.RANK["page-header"]),
    ]
    found = pd.decide(cues, "https://x.example/2024/04/16/story/")
    assert found.source == "page-header" and [c.source for c in found.candidates] == ["page-header", "url", "page-date-line"]


def test_html_dates_in_related_posts_captions_and_comments_are_not_the_page_date() -> None:
    body = ('<figure><img src="a.jpg"><figcaption>Ministers in Geneva, <time datetime="2024-03-03">March 3, 2024</time>'
            '</figcaption></figure>')
    tail = ('<div class="comments"><p>Jane: great news <time datetime="2024-04-18">April 18</time></p></div>'
            '<div class="cookie-notice">Cookie policy updated <time datetime="2023-05-12">12 May 2023</time></div>')
    found = _html_cues(body=body + tail)
    assert found.published is None and found.candidates == ()


@pytest.mark.parametrize("byline", [
    "By Jane Roe\nApril 16, 2024 at 10:32 am",
    "By Jane Roe\n16 April 2024, 10:32 GMT+8",
    "By Jane Roe, Staff Reporter\nTuesday 16 April 2024 10.32 BST",
    "Jane Roe · April 16, 2024 · 4 min read",
    "April 16, 2024 / 10:32 AM / Updated 3 days ago",
])
def test_author_line_then_date_line_under_the_headline(byline: str) -> None:
    raw = "Sat. Apr 27th, 2024\n\nMinisters meet in Geneva over border checks\n" + byline + "\n\n" + LEAD + "\n"
    found = _page_date(raw)
    assert (found.published, found.source) == (date(2024, 4, 16), "byline-date")


@pytest.mark.parametrize("solar_hijri, gregorian", [
    ((1396, 12, 1), (2018, 2, 20)), ((1399, 1, 1), (2020, 3, 20)), ((1400, 1, 1), (2021, 3, 21)), ((1403, 12, 30), (2025, 3, 20)),
])
def test_solar_hijri_days(solar_hijri: tuple[int, int, int], gregorian: tuple[int, int, int]) -> None:
    from parley.extract.foreign_dates import solar_hijri_to_gregorian

    assert solar_hijri_to_gregorian(*solar_hijri) == gregorian


def test_an_unstandardised_publication_meta_name_is_read_and_a_modification_one_is_not() -> None:
    page = "<html><head><meta name='pubstamp' content='1997/07/02 06:40'><meta name='last-modified' content='1999/01/05'></head><body></body></html>"
    found = md._meta(lxml_html.fromstring(page))
    assert found is not None and (found.value, found.source) == (date(1997, 7, 2), "html-meta")
    assert md._meta(lxml_html.fromstring("<html><head><meta name='pub-modified' content='1999/01/05'></head><body></body></html>")) is None


def test_a_url_with_the_months_name_between_year_and_day() -> None:
    assert pd.url_date("https://news.example.com/world/2016/feb/04/syria-donor-conference").day == date(2016, 2, 4)


def test_a_short_promo_line_above_the_headline_is_not_the_lead() -> None:
    """The byline's date under the headline stays the article's date (not a footer line)."""
    raw = ("The Example Observer\nSupport the Example Observer with a contribution from just one pound.\n\n"
           "Donors pledge more than ten billion for Syrians in London\n\nJane Roe\nThu 4 Feb 2016 17.12 GMT\n\n" + LEAD + "\n")
    found = _page_date(raw)
    assert (found.published, found.source) == (date(2016, 2, 4), "byline-date")


def test_day_first_dateline_with_its_year() -> None:
    assert pd.read_dateline("Geneva, 10 December 2009 \u2013 Forty groups urged governments ...") == pd.Dateline(12, 10, 2009, "Geneva, 10 December 2009 \u2013")
    assert pd.read_dateline("In Geneva, 10 December was a day of talks.") is None


def test_a_dateline_beats_trafilaturas_free_text_guess() -> None:
    found = pd.decide([DateCandidate("trafilatura", date(2009, 10, 15), "trafilatura: 2009-10-15", pd.RANK["trafilatura"])],
                      None, pd.read_dateline("Geneva, 10 December 2009 \u2013 Forty groups urged governments to act."))
    assert (found.published, found.source) == (date(2009, 12, 10), "dateline")


def test_a_librarys_guess_that_is_the_pages_update_day_is_no_publication_date() -> None:
    cues = [DateCandidate("trafilatura", date(2011, 6, 2), "trafilatura: 2011-06-02", pd.RANK["trafilatura"]),
            DateCandidate("updated-line", date(2011, 6, 2), "Page last reviewed: 02.06.2011", pd.RANK["updated-line"])]
    assert pd.decide(cues).source == "updated-line"


def test_a_label_alone_on_its_line_gives_the_next_lines_date_its_meaning() -> None:
    raw = "FOR IMMEDIATE RELEASE\nOctober 28, 1998\nPeace group welcomes the border agreement\n\n" + LEAD + "\n"
    found = _page_date(raw)
    assert (found.published, found.source) == (date(1998, 10, 28), "published-line")


def test_a_byline_under_a_menu_read_as_a_link_list_is_still_read() -> None:
    """A menu item "Top stories" opens what looks like a link list; the article's byline block,
    right above the lead, is read all the same."""
    raw = ("Top stories\nWorld\nEurope\nMinisters sign a rail tunnel memorandum\nSource: Baltic Wire \u00b7 2 Oct 2018\n"
           "By Liisa Kask\n" + LEAD + "\nMore from Baltic Wire\nOther story (1 Oct 2018)\n")
    found = _page_date(raw)
    assert (found.published, found.source) == (date(2018, 10, 2), "byline-date")


@pytest.mark.parametrize("date_markup, day", [
    ("<div class='dateline'>Tues., Nov. 29th, 2011</div><h1>Climate talks open amid doubts</h1>", date(2011, 11, 29)),  # above the headline
    ("<h1>Climate talks open amid doubts</h1><div class='info'><span class='author'>Selin Ayd\u0131n \u2013 ANKARA</span> "
     "<span class='date'>05.08.2016 | 11:47</span></div>", date(2016, 8, 5)),
    ("<h1>Climate talks open amid doubts</h1><div class='time'>07/04/2011 18h05 <span>- Updated 08/04/2011 09h30</span></div>", date(2011, 4, 7)),
])
def test_a_date_element_in_the_headlines_article_is_an_html_byline(date_markup: str, day: date) -> None:
    """An archive's toolbar outside the article prints its capture date; the article's own
    date-classed element dates the page."""
    from parley.extract.stage import run
    from parley.records import Document, Page

    page = (
        "<!DOCTYPE html><html><head><title>Climate talks open amid doubts</title></head><body>"
        "<div id='toolbar'>ARCHIVE SNAPSHOT \u00b7 Captured 2016-02-11 04:12 UTC</div><nav>Home | World</nav>"
        f"<article>{date_markup}<p>{LEAD}</p><p class='comment'>reader, 09/04/2011 10h00</p></article></body></html>"
    )
    doc = run(Document(page=Page(path="p.html", content=page, media_type="html", url="https://news.example.com.br/x")))
    assert doc.article is not None and (doc.article.published, doc.article.published_source) == (day, "html-byline")


def test_an_update_classed_element_is_no_date_element() -> None:
    tree = lxml_html.fromstring("<html><body><article><h1>Ministers meet</h1><span class='updated'>6 March 2014</span>"
                                "<span class='date'>5 March 2014</span><p>Text.</p></article></body></html>")
    found = md._article_date_element(tree, None)
    assert found is not None and found.value == date(2014, 3, 5)


def test_a_mastheads_date_outside_any_article_is_no_date_element() -> None:
    tree = lxml_html.fromstring("<html><body><div class='date'>Monday, 29 April 2024</div><h1>Ministers meet</h1><p>Text.</p></body></html>")
    assert md._article_date_element(tree, None) is None


def test_dateline_shapes() -> None:
    assert pd.read_dateline("KYIV, April 16 (Reuters) - Ukraine said ...") == pd.Dateline(4, 16, None, "KYIV, April 16 (Reuters) -")
    assert pd.read_dateline("Manila, March 28 - The Philippines said ...") is not None
    assert pd.read_dateline("WASHINGTON, Feb. 22, 2024 (Wire) — Officials said ...") == pd.Dateline(2, 22, 2024, "WASHINGTON, Feb. 22, 2024 (Wire) —")
    # Not datelines: a lowercase opening, a sentence that names a day later on, a date with no separator.
    assert pd.read_dateline("the ministers, April 16 - met again") is None
    assert pd.read_dateline("On April 16, the two ministers met in Geneva.") is None
    assert pd.read_dateline("Geneva, April 16 the two ministers met.") is None


def test_an_html_pages_visible_published_line_beats_what_trafilatura_reads() -> None:
    """A byline that gives both days: the page is dated by its "Published" part, also in HTML,
    whose markup here has no date of its own."""
    from parley.extract.stage import run
    from parley.records import Document, Page

    page = (
        "<!DOCTYPE html><html><head><title>Ministers meet</title></head><body><nav>Home | World</nav>"
        "<h1>Ministers meet on the border</h1><p class='byline'>Updated 6 March 2014, 09:12 | Published 5 March 2014, 18:40</p>"
        f"<p>{LEAD}</p><p>The talks will resume next month, a spokesman said.</p></body></html>"
    )
    doc = run(Document(page=Page(path="p.html", content=page, media_type="html")))
    assert doc.article is not None and doc.article.published == date(2014, 3, 5)
    assert doc.article.published_source == "published-line"


@pytest.mark.parametrize("date_line", ["March 5, 2014 — Staff Report", "5 Mar 2014 | 14:20 GMT", "By Ana Ruiz, Lima correspondent, March 5, 2014"])
def test_an_html_date_line_under_the_headline_beats_a_related_storys_date(date_line: str) -> None:
    """No date in the markup: the line under the headline dates the page, not the related story
    in the aside (whose date trafilatura's free-text search finds)."""
    from parley.extract.stage import run
    from parley.records import Document, Page

    page = (
        "<!DOCTYPE html><html><head><title>Ministers meet on the border</title></head><body><nav>Home | World | Americas</nav>"
        f"<article><h1>Ministers meet on the border</h1><div>{date_line}</div><p>{LEAD}</p>"
        "<p>The talks will resume next month, a spokesman said.</p></article>"
        "<aside><h3>Related</h3><ul><li><a href='/x'>Earlier talks on the border fail in Geneva</a> <span>12 January 2013</span></li></ul></aside>"
        "<footer>© 2014 Example Media</footer></body></html>"
    )
    doc = run(Document(page=Page(path="p.html", content=page, media_type="html")))
    assert doc.article is not None and doc.article.published == date(2014, 3, 5)
    assert doc.article.published_source == "html-byline"


def test_microdata_date_created_on_any_element_is_read() -> None:
    tree = lxml_html.fromstring(
        "<html><body><h1>Ministers meet</h1><span itemprop='dateCreated' content='2014-03-05'>Wednesday</span><p>Text.</p></body></html>"
    )
    found = md._meta(tree)
    assert found is not None and found.value == date(2014, 3, 5) and found.source == "html-meta"


def test_an_anniversary_heading_does_not_date_the_page() -> None:
    """A subheading that ends in the date it remembers is no date line; the byline under it is."""
    raw = (
        "Twenty years of peace\nRemembering the Brasilia accord, 26 October 1998\nBy Ana Ruiz | 27 October 2018\n\n" + LEAD + "\n"
    )
    assert _page_date(raw).published == date(2018, 10, 27)


def test_a_mastheads_date_above_the_headline_is_no_html_byline() -> None:
    """The site's header date sits after the <head>'s title but above the article's headline."""
    from parley.extract.stage import visible_date_lines

    page = (
        "<!DOCTYPE html><html><head><title>Ministers meet on the border</title></head><body>"
        "<div class='masthead'><div>Monday, 29 April 2024</div><div>Home | World</div></div>"
        f"<article><h1>Ministers meet on the border</h1><div>By Ana Ruiz</div><p>{LEAD}</p></article></body></html>"
    )
    assert visible_date_lines(page, "Ministers meet on the border") == []


# -- cues read since session 17 (examples/datecues) ----------------------------------------------

def test_an_ambiguous_digit_run_keeps_the_month_first_reading() -> None:
    found = pd.url_date("https://news.example.com/world/ministers-meet-04122016.html")
    assert found is not None and found.day == date(2016, 4, 12)


def test_a_byline_verb_without_its_date_still_leaves_the_line_a_byline() -> None:
    """"Reported" and "Filed" are labels when a date follows them, and a byline's verb when its
    author does: the line is read as before."""
    assert pd.read_byline("Reported by Jane Roe | 25/05/2017") == (date(2017, 5, 25), "page-date-line")
    assert pd.read_byline("Updated by Jane Roe | 5 March 2014") is None


def test_a_bracketed_date_in_a_sentence_is_no_byline() -> None:
    assert pd.read_byline("The ministers met in Geneva and signed the accord (June 08, 2017).") is None


@pytest.mark.parametrize("raw, url, order", [
    ("Posted: 09/10/2018\nMore: 13/10/2018", None, "dmy"),
    ("Posted 04/12/2016 6:05 AM\nreader · 4/13/2016 7:02 PM: Long overdue.", None, "mdy"),
    ("Posted: 09/10/2018", "https://www.shirechronicle.example.co.uk/news/1", "dmy"),
    ("Posted: 09/10/2018", "https://www.lakeshore.example.us/news/1", "mdy"),
    ("Posted: 09/10/2018", "https://www.lakeshore.example.com/news/1", None),
    # a format the page writes out for its readers tells the order when its dates do not
    ("WORLD | 04/02/1994\nSearch the archive by date (DD/MM/YYYY): [__/__/____]", "https://www.archive.example.com/a", "dmy"),
    ("Posted: 09/10/2018\nDate of birth (mm/dd/yyyy)", None, "mdy"),
    ("Publié le 09/10/2018 - Recherche par date (JJ/MM/AAAA)", None, "dmy"),
    # the page's own dates outvote what it states; two stated orders tell nothing
    ("Posted: 13/10/2018\nFormat: MM/DD/YYYY", None, "dmy"),
    ("Posted: 09/10/2018\nFrom (DD/MM/YYYY) to (MM/DD/YYYY)", None, None),
])
def test_the_pages_numeric_order(raw: str, url: str | None, order: str | None) -> None:
    assert pd.numeric_order(raw, url) == order


def test_an_ambiguous_numeric_byline_is_read_in_the_pages_order_and_stays_unread_without_one() -> None:
    assert pd.read_byline("Posted: 09/10/2018 07:12", "dmy") == (date(2018, 10, 9), "published-line")
    assert pd.read_byline("Posted: 09/10/2018 07:12", "mdy") == (date(2018, 9, 10), "published-line")
    assert pd.read_byline("Posted: 09/10/2018 07:12") is None


def test_a_libraries_new_year_fill_in_is_no_page_date() -> None:
    """A year alone ("© 2019", "March 2019 issue") read by a date library as 1 January is not
    the page's day; a 1 January the page writes is."""
    tree = lxml_html.fromstring("<html><body><p>March 2019 issue</p><p>The council met.</p><footer>&copy; 2019 Magazine</footer></body></html>")
    cues, _ = md.html_cues(tree, None, "2019-01-01")
    assert [c.source for c in cues] == []
    tree = lxml_html.fromstring("<html><body><p>Published January 1, 2019</p><p>The council met.</p></body></html>")
    cues, _ = md.html_cues(tree, None, "2019-01-01")
    assert [(c.source, c.value) for c in cues] == [("trafilatura", date(2019, 1, 1))]


# -- session 19, R1: examples/datecues6's misses --------------------------------------------------

@pytest.mark.parametrize("url, day", [
    ("https://web.archive.example/web/19991012040311/http://www.balticwire.example/news/991007.html", None),
    ("https://web.archive.example/web/20040114031152/http://www.herald.example/news/2003/12/29/border.html", date(2003, 12, 29)),
    ("https://web.archive.example/web/20040114031152id_/herald.example/2003/12/29/border", date(2003, 12, 29)),
    ("https://www.herald.example/web/2003/12/29/border.html", date(2003, 12, 29)),
])
def test_an_archived_copys_url_is_read_for_the_archived_page_not_the_capture(url: str, day: date | None) -> None:
    found = pd.url_date(url)
    assert (found.day if found else None) == day


@pytest.mark.parametrize("line, day", [
    ("Posted by admin on November 17, 2005", date(2005, 11, 17)),
    ("Posted by Island Pulse staff on 17 Nov. '05 \u00b7 Filed under REGION \u00b7 4 Comments", date(2005, 11, 17)),
    ("Published: Nov. 17, '05", date(2005, 11, 17)),
    ("Posted by the ministry at 10:15 on 3 May 2014", date(2014, 5, 3)),
    ("\u0646\u064f\u0634\u0631 \u0641\u064a: \u0627\u0644\u0623\u062d\u062f \u0663 \u0623\u064a\u0627\u0631 \u0662\u0660\u0661\u0665 \u2014 Published: Sunday 3 May 2015, 10:20 (GMT+3)", date(2015, 5, 3)),
])
def test_a_blog_bylines_author_an_apostrophe_year_and_an_arabic_on_are_read(line: str, day: date) -> None:
    assert pd.read_byline(line) == (day, "published-line")


def test_an_update_label_first_still_gives_way_to_the_publication_label_after_it() -> None:
    assert pd.read_byline("Updated: 15.02.2017 | Filed: 14.02.2017") == (date(2017, 2, 14), "published-line")
    assert pd.read_byline("Posted by Jane on the forum for 3 May 2014") is None  # no date after "on"
    assert pd.read_byline("He said on 17 Nov. '05 that talks would go on") is None  # no label


def test_a_menu_bar_under_a_tagline_means_the_headline_is_still_to_come() -> None:
    """The site's tagline looked like a headline; the date under it is the header's render date,
    and the article's own "Source" line under the real headline wins."""
    raw = ("NewsRiver - all your news in one stream\nFriday, 5 July 2013\nTop Stories | World | Africa | Business | Sign in\n\n"
           "African envoys urge calm in Cairo\n\nSource: Nile Valley Wire \u00b7 July 4, 2013 19:20 GMT\n\n"
           "CAIRO (NVW) - African Union envoys on Thursday urged all sides in Egypt to avoid violence and return to order.\n")
    cues, _ = pd.line_cues(raw)
    assert [(c.source, c.value) for c in cues] == [("page-date-line", date(2013, 7, 5)), ("byline-date", date(2013, 7, 4))]
    assert pd.decide(cues).published == date(2013, 7, 4)


def test_a_libraries_reading_of_an_update_line_is_no_page_date() -> None:
    """"Last modified: 01/02/2004" read day first by a library is the update, whichever order."""
    tree = lxml_html.fromstring("<html><body><p>The council met.</p><p>Last modified: 01/02/2004 | Copyright 2003</p></body></html>")
    assert md.html_cues(tree, None, "2004-02-01")[0] == []
    assert md.html_cues(tree, None, "2004-01-02")[0] == []
    tree = lxml_html.fromstring("<html><body><p>Published 01/02/2004</p><p>The council met.</p></body></html>")
    assert "trafilatura" in [c.source for c in md.html_cues(tree, None, "2004-02-01")[0]]


def test_the_date_line_right_above_a_headline_named_in_part_of_the_title_is_a_weak_cue() -> None:
    from parley.extract.stage import visible_date_lines

    page = ("<html><head><title>Danube Herald Online - Belgrade and Zagreb agree border rules</title></head><body>"
            "<a href='/'>Front page</a><br><b>Monday, December 29, 2003</b><br><br><b>Belgrade and Zagreb agree border rules</b>"
            "<br><br>Serbia and Montenegro and Croatia agreed yesterday on simpler rules for local residents crossing the border.</body></html>")
    cues = visible_date_lines(page, "Danube Herald Online", None)
    assert [(c.source, c.value) for c in cues] == [("page-date-line", date(2003, 12, 29))]
    # not when another line stands between it and the headline (a masthead's date over a menu)
    apart = page.replace("</b><br><br><b>Belgrade", "</b><br><a href='/r'>Region news</a><br><b>Belgrade")
    assert visible_date_lines(apart, "Danube Herald Online", None) == []


# -- session 19, R5: examples/datecues7's misses --------------------------------------------------

@pytest.mark.parametrize("line, want", [
    ("Commentary \u00b7 18 Nov. '13", (date(2013, 11, 18), "page-date-line")),  # the apostrophe makes a year anywhere
    ("FOR RELEASE: 10/31/91", (date(1991, 10, 31), "published-line")),
    ("Date of issue: 20101124", (date(2010, 11, 24), "published-line")),
    ("Release No. 20101124-031      Date of issue: 20101124      Source: Information Office", (date(2010, 11, 24), "published-line")),
    ("Th\u1ee9 ba, 09/05/2023 00:40 (GMT+7)", (date(2023, 5, 9), "page-date-line")),  # a Vietnamese weekday: day first
    ("jueves, 09/05/2013", (date(2013, 5, 9), "page-date-line")),
])
def test_release_labels_compact_days_apostrophe_years_and_foreign_weekdays(line: str, want: tuple[date, str]) -> None:
    assert pd.read_byline(line) == want


def test_what_stays_unread() -> None:
    assert pd.read_byline("Published 19991301") is None  # no month 13
    assert pd.read_byline("Ref 20101124 | Home | World") is None  # eight digits with no label
    assert pd.read_byline("Thursday, 09/05/2013") is None  # English weekday: the order stays unknown
    assert pd.read_byline("He said on 18 Nov. '13 that the talks would resume in the spring of next year in Geneva.") is None


@pytest.mark.parametrize("after_bar", ["", "A deal on grain exports looks further away than ever\n\n"])
def test_a_share_bar_under_the_byline_leaves_the_byline_date_alone(after_bar: str) -> None:
    """Session 19's R7: a share bar has a menu bar's shape; with no second headline and a date
    under it, the byline date stays the article's (a standfirst with no date changes nothing)."""
    raw = ("Ministers clash over the grain corridor in Brussels talks\n\nBy Jane Roe\nMarch 5, 2014\n"
           "Share | Tweet | Email | Print\n\n" + after_bar +
           "BRUSSELS - Ministers from the two countries clashed on Tuesday over the grain corridor, officials said after the talks.\n")
    cues, _ = pd.line_cues(raw)
    assert [(c.source, c.value) for c in cues] == [("byline-date", date(2014, 3, 5))]
