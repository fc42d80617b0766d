"""Unit tests for the scraped-text cleaner (`clean_scraped_text`), on hand-written noisy pages."""

from __future__ import annotations

from datetime import date

from parley.extract.stage import clean_scraped_text, parse_date_line

NOISY = """Tue. Mar 5th, 2024

Foreign ministers of Chile and Peru meet in Lima

Foreign ministers of Chile and Peru meet in Lima 7
Foreign ministers of Chile and Peru meet in Lima 7

Chile's Foreign Minister Alberto van Klaveren met his Peruvian counterpart in Lima on Monday to discuss migration on their shared border.

The two ministers agreed to set up a joint working group, the Chilean foreign ministry said.

Alberto van Klaveren at the foreign ministry in Santiago on January 12. Photo: File

Share this:
Facebook
X
WhatsApp

Read more: Peru declares emergency on northern border

The talks were the first since 2022, when relations were strained by a row over deportations.

Related Post

Leave a Reply

Your email address will not be published. Required fields are marked *
Save my name, email, and website in this browser for the next time I comment.
Post Comment
12
"""


def test_date_line_dropped_and_read_as_page_date() -> None:
    out = clean_scraped_text(NOISY)
    assert out.page_date == date(2024, 3, 5)
    assert out.page_date_source == "page-date-line"
    assert "Mar 5th" not in out.text


def test_one_title_kept_repeats_with_comment_counts_dropped() -> None:
    out = clean_scraped_text(NOISY)
    assert out.title == "Foreign ministers of Chile and Peru meet in Lima"
    assert "meet in Lima 7" not in out.text
    assert out.text.count("Foreign ministers of Chile and Peru meet in Lima") == 0


def test_site_chrome_dropped_body_kept() -> None:
    out = clean_scraped_text(NOISY)
    for chrome in ("Related Post", "Leave a Reply", "Your email address", "Save my name", "Post Comment",
                   "Share this", "Read more:", "WhatsApp", "Peru declares emergency"):
        assert chrome not in out.text, chrome
    paras = out.text.split("\n\n")
    assert "X" not in paras and "Facebook" not in paras and "12" not in paras
    assert paras[0].startswith("Chile's Foreign Minister Alberto van Klaveren met")
    assert paras[-1].startswith("The talks were the first since 2022")


def test_caption_marked_and_kept_apart() -> None:
    out = clean_scraped_text(NOISY)
    kinds = {out.text[p.start : p.end]: p.kind for p in out.paragraphs}
    caption = "Alberto van Klaveren at the foreign ministry in Santiago on January 12. Photo: File"
    assert kinds[caption] == "caption"
    assert kinds["The two ministers agreed to set up a joint working group, the Chilean foreign ministry said."] == "body"


def test_paragraph_offsets_index_the_cleaned_text() -> None:
    out = clean_scraped_text(NOISY)
    assert out.paragraphs, "no paragraphs"
    pieces = [out.text[p.start : p.end] for p in out.paragraphs]
    assert "\n\n".join(pieces) == out.text
    assert all(p.end > p.start for p in out.paragraphs)
    assert all(a.end < b.start for a, b in zip(out.paragraphs, out.paragraphs[1:]))


def test_body_sentences_mentioning_share_or_platforms_are_kept() -> None:
    raw = (
        "Oil ministers meet in Vienna\n\n"
        "Saudi Arabia will share its production data with Iraq under the deal.\n\n"
        "Facebook said it removed accounts linked to the campaign.\n\n"
        "X was fined by the European Commission last year.\n\n"
        "Subscribers to the plan include Kuwait and Oman.\n"
    )
    out = clean_scraped_text(raw)
    for line in raw.split("\n\n")[1:]:
        assert line.strip() in out.text


def test_title_ending_in_a_year_keeps_the_year() -> None:
    raw = (
        "Mon. Jun 3rd, 2024\n\n"
        "Defense chiefs meet in person for first time since 2022\n\n"
        "Defense chiefs meet in person for first time since 2022 4\n\n"
        "The defense ministers of the two countries met in Singapore on Friday.\n"
    )
    out = clean_scraped_text(raw)
    assert out.title == "Defense chiefs meet in person for first time since 2022"
    assert out.text == "The defense ministers of the two countries met in Singapore on Friday."


def test_trailing_count_stripped_when_title_repeats_without_it() -> None:
    raw = (
        "Ministers hold talks on trade 15\n\n"
        "Ministers hold talks on trade\n\n"
        "The trade ministers of Kenya and Uganda held talks in Nairobi on Tuesday.\n"
    )
    out = clean_scraped_text(raw)
    assert out.title == "Ministers hold talks on trade"
    assert out.text.startswith("The trade ministers of Kenya")


def test_body_date_sentences_are_not_date_lines() -> None:
    raw = "Talks in Geneva\n\nOn April 16, 2024, the two delegations met in Geneva.\n\nApril 16, 2024\n"
    out = clean_scraped_text(raw)
    assert "On April 16, 2024, the two delegations met in Geneva." in out.text
    assert out.page_date == date(2024, 4, 16)
    assert parse_date_line("On April 16, 2024, the two delegations met in Geneva.") is None
    assert parse_date_line("Monday, 3 June 2024 | 10:42") == date(2024, 6, 3)
    assert parse_date_line("2024-02-30") is None  # not a real day


def test_first_date_line_wins_later_ones_dropped() -> None:
    raw = "Sat. Jul 20th, 2024\n\nTitle of the story here\n\nBody sentence about a meeting.\n\nJuly 21, 2024\n"
    out = clean_scraped_text(raw)
    assert out.page_date == date(2024, 7, 20)
    assert "July 21" not in out.text


def test_empty_and_chrome_only_input_gives_empty_text() -> None:
    assert clean_scraped_text("").text == ""
    out = clean_scraped_text("Related Post\n\nLeave a Reply\n\n3\n")
    assert out.text == "" and out.paragraphs == ()


def test_headlines_under_a_related_heading_are_chrome() -> None:
    raw = (
        "Sat. Mar 2nd, 2024\n\nLeaders meet in Rome\n\n"
        "ROME - The Italian and Greek prime ministers met on Monday to discuss migration.\n\n"
        "Related Posts\n\nHarbour strike enters second week\nMinisters to vote on budget\n\n"
        "The talks will continue in Athens next month, officials said.\n"
    )
    cleaned = clean_scraped_text(raw)
    assert "Harbour strike" not in cleaned.text and "Ministers to vote" not in cleaned.text
    # A real paragraph after the list is body again.
    assert "The talks will continue in Athens" in cleaned.text


def test_masthead_and_menu_above_the_headline_are_not_the_title() -> None:
    raw = (
        "THE WORLD DESK\nHome | World | Europe | Business\nNews  Nation  West Philippine Sea  Videos\n"
        "Friday, 26 April 2024 | Vienna 12°C\n\nMinisters meet in Vienna over border checks\n\n"
        "Published: April 17, 2024 10:32:11\n\nThe two foreign ministers met in Vienna on Tuesday, officials said.\n"
    )
    out = clean_scraped_text(raw)
    assert out.title == "Ministers meet in Vienna over border checks"
    assert out.text == "The two foreign ministers met in Vienna on Tuesday, officials said."
    assert (out.page_date, out.page_date_source) == (date(2024, 4, 17), "published-line")


def test_a_labelled_cross_link_is_chrome() -> None:
    """"Related: EU envoy to meet both sides in Brussels" is a linked headline, not news; a body
    sentence that merely contains "related" stays."""
    raw = ("Kosovo delays plate rule\n\nKosovo's government postponed the rule on Sunday after talks with Serbia.\n"
           "Related: EU envoy to meet both sides in Brussels\nWatch: Barricades go up in the north\n"
           "Officials said the delay was related to security concerns.\n")
    cleaned = clean_scraped_text(raw)
    assert "EU envoy" not in cleaned.text and "Barricades go up" not in cleaned.text
    assert "related to security concerns" in cleaned.text and "postponed the rule" in cleaned.text
