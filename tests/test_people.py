"""Officeholders at their date: lookups by office and by name, integrity of the packaged data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import has_event

from parley.errors import InputError
from parley.reference.people import (
    COLUMNS, GAP_ALLOWLIST, OfficeTerm, Officeholders, import_officeholders, load_officeholders,
    read_terms, translit_key,
)

HEADER = ",".join(COLUMNS) + "\n"


@pytest.fixture(scope="module")
def oh() -> Officeholders:
    return load_officeholders()


def _term(pid: str, name: str, start: str, end: str = "", office: str = "defense_minister",
          country: str = "USA", role: str = "Minister", aliases: tuple[str, ...] = ()) -> OfficeTerm:
    return OfficeTerm(pid, name, aliases, country, office, role, "GOV", date.fromisoformat(start),
                      date.fromisoformat(end) if end else None, "test")


# -- holder on a date -----------------------------------------------------------------------------

def test_holder_on_date(oh: Officeholders) -> None:
    held = oh.holder("USA", "defense_minister", date(2024, 4, 16))
    assert held is not None and held.person_id == "lloyd-austin"
    later = oh.holder("USA", "defense_minister", date(2026, 1, 1))
    assert later is not None and later.person_id != "lloyd-austin"


def test_end_date_is_handover_day(oh: Officeholders) -> None:
    # Austin's end (2025-01-20) is the inauguration day: from then on someone else holds it.
    assert oh.holder("USA", "defense_minister", date(2025, 1, 19)).person_id == "lloyd-austin"
    assert oh.holder("USA", "defense_minister", date(2025, 1, 20)) is None or \
        oh.holder("USA", "defense_minister", date(2025, 1, 20)).person_id != "lloyd-austin"
    assert oh.holder("CHN", "defense_minister", date(2023, 6, 1)).person_id == "li-shangfu"
    assert oh.holder("CHN", "defense_minister", date(2023, 11, 15)) is None  # vacancy before Dong Jun


def test_acting_holder_wins_over_suspended_president(oh: Officeholders) -> None:
    # Yoon was formally president until 2025-04-04 but suspended from 2024-12-14.
    assert oh.holder("KOR", "head_of_state", date(2025, 1, 15)).person_id == "choi-sang-mok"
    assert oh.holder("KOR", "head_of_state", date(2024, 11, 1)).person_id == "yoon-suk-yeol"
    assert len(oh.holders("KOR", "head_of_state", date(2025, 1, 15))) == 2


def test_president_holds_both_offices(oh: Officeholders) -> None:
    day = date(2022, 6, 1)
    assert oh.holder("USA", "head_of_state", day).person_id == "joe-biden"
    assert oh.holder("USA", "head_of_government", day).person_id == "joe-biden"


# -- people who changed office -------------------------------------------------------------------

def test_same_person_two_offices(oh: Officeholders) -> None:
    prabowo = oh.person("prabowo-subianto")
    assert {t.office for t in prabowo} >= {"defense_minister", "head_of_state", "head_of_government"}
    assert oh.holder("IDN", "defense_minister", date(2022, 1, 1)).person_id == "prabowo-subianto"
    assert oh.holder("IDN", "head_of_state", date(2025, 1, 1)).person_id == "prabowo-subianto"
    assert oh.holder("IDN", "defense_minister", date(2025, 1, 1)).person_id != "prabowo-subianto"
    terms = oh.find_person("Prabowo Subianto", on=date(2022, 1, 1))
    assert terms[0].office == "defense_minister" and terms[0].active_on(date(2022, 1, 1))
    terms = oh.find_person("Prabowo Subianto", on=date(2025, 6, 1))
    assert terms[0].office in {"head_of_state", "head_of_government"}


# -- names -----------------------------------------------------------------------------------------

def test_exact_and_alias_match(oh: Officeholders) -> None:
    assert {t.person_id for t in oh.find_person("Lloyd J. Austin III")} == {"lloyd-austin"}
    assert {t.person_id for t in oh.find_person("lloyd austin")} == {"lloyd-austin"}
    assert {t.person_id for t in oh.find_person("Secretary of Defense Lloyd Austin")} == {"lloyd-austin"}
    assert {t.person_id for t in oh.find_person("Recep Tayyip Erdogan")} == {"recep-tayyip-erdogan"}
    assert {t.person_id for t in oh.find_person("Jae-myung Lee")} == {"lee-jae-myung"}  # name order
    assert {t.person_id for t in oh.find_person("Lee Jaemyung")} == {"lee-jae-myung"}  # hyphen dropped
    assert {t.person_id for t in oh.find_person("King Salman")} == {"salman-bin-abdulaziz"}


def test_transliteration_fuzzy_match(oh: Officeholders) -> None:
    assert translit_key("Zelenskyy") == translit_key("Zelenskiy") == translit_key("Zelensky")
    assert translit_key("Shoygu") == translit_key("Shoigu")
    assert {t.person_id for t in oh.find_person("Sergei Shoygu")} == {"sergei-shoigu"}
    assert {t.person_id for t in oh.find_person("Sergej Lavrov")} == {"sergey-lavrov"}
    assert {t.person_id for t in oh.find_person("Valeriy Gerasimow")} == {"valery-gerasimov"}
    assert {t.person_id for t in oh.find_person("Shoygu")} == {"sergei-shoigu"}  # fuzzy surname
    # Short names are never fuzzed: "Xu" is not "Xi".
    assert oh.find_person("Xu") == []
    assert oh.find_person("Completely Unknown Person") == []


def test_surname_alone(oh: Officeholders) -> None:
    assert {t.person_id for t in oh.find_person("Hegseth")} == {"pete-hegseth"}
    assert {t.person_id for t in oh.find_person("Hegseth", on=date(2025, 6, 1))} == {"pete-hegseth"}


def test_shared_surname_needs_disambiguation(oh: Officeholders) -> None:
    # Cristina Fernández de Kirchner and Alberto Fernández were both presidents of Argentina.
    assert oh.find_person("Fernández") == []
    assert oh.find_person("Fernandez", country="ARG") == []
    on = oh.find_person("Fernandez", on=date(2021, 6, 1))
    assert {t.person_id for t in on} == {"alberto-fernandez"}
    assert {t.person_id for t in oh.find_person("Fernandez", on=date(2014, 6, 1))} == {"cristina-fernandez-de-kirchner"}
    # Chinese family names come first: several Lis, one in office on the date and in scope.
    assert oh.find_person("Li", country="CHN") == []
    assert {t.person_id for t in oh.find_person("Li", on=date(2024, 1, 1), country="CHN")} == {"li-qiang"}
    # Two Lis active on the same day (premier and defence minister) stay ambiguous.
    assert oh.find_person("Li", on=date(2023, 6, 1), country="CHN") == []


def test_active_terms_first(oh: Officeholders) -> None:
    terms = oh.find_person("Wang Yi", on=date(2024, 1, 1))
    assert terms[0].active_on(date(2024, 1, 1))
    assert not terms[-1].active_on(date(2024, 1, 1))


def test_country_filter(oh: Officeholders) -> None:
    # Charles III reigns in several G20 states; the filter keeps the person, the date orders terms.
    terms = oh.find_person("King Charles III", country="CAN")
    assert {t.person_id for t in terms} == {"charles-iii"}
    assert oh.find_person("Lloyd Austin", country="GBR") == []


# -- integrity ---------------------------------------------------------------------------------------

def test_packaged_data_validates(oh: Officeholders) -> None:
    # Runs over every CSV in the folder (other regions' files included when present).
    assert oh.validate() == []
    assert len(oh) > 300


def test_gap_allowlist_is_documented() -> None:
    assert all(len(reason) > 20 for reason in GAP_ALLOWLIST.values())


def test_validate_finds_problems() -> None:
    table = Officeholders([
        _term("a", "Alice Able", "2015-01-01", "2016-01-01"),
        _term("b", "Bob Baker", "2015-06-01", "2017-01-01"),            # overlaps a
        _term("c", "Carol Cole", "2018-01-01", "2017-06-01"),           # end before start
        _term("d", "Dan Dale", "2020-01-01", "2021-01-01"),             # gap after b/c
        _term("d", "Dan Dale", "2020-01-01", "2021-01-01"),             # duplicate
        _term("e", "Eve East", "2015-01-01", "", country="ZZZ"),        # unknown country
    ])
    problems = "\n".join(table.validate())
    assert "overlap in USA/defense_minister: a" in problems
    assert "end 2017-06-01 before start" in problems
    assert "gap of" in problems
    assert "duplicate row" in problems
    assert "unknown country 'ZZZ'" in problems


def test_acting_overlap_allowed() -> None:
    table = Officeholders([
        _term("a", "Alice Able", "2015-01-01", "2016-01-01"),
        _term("b", "Bob Baker", "2015-06-01", "2016-01-01", role="Acting Minister"),
    ])
    assert table.validate() == []
    assert table.holder("USA", "defense_minister", date(2015, 7, 1)).person_id == "b"


# -- user files ----------------------------------------------------------------------------------

def test_user_override_file(tmp_path: Path) -> None:
    user = tmp_path / "mine.csv"
    user.write_text(
        HEADER
        # A correction of a packaged term (same person and office, overlapping) ...
        + "lloyd-austin,Lloyd Austin,Lloyd J. Austin,USA,defense_minister,Secretary of Defense,GOV,"
          "2021-01-22,2025-01-20,my note\n"
        # ... and a new office holder of a country outside the G20 file.
        + "zanele-test,Zanele Testperson,Z. Testperson,NAM,foreign_minister,Minister of International "
          "Relations,GOV,2020-03-21,,user file\n",
        encoding="utf-8",
    )
    table = load_officeholders(user)
    austin = [t for t in table.person("lloyd-austin") if t.office == "defense_minister"]
    assert len(austin) == 1 and austin[0].source == "my note"
    assert table.holder("NAM", "foreign_minister", date(2022, 1, 1)).person_id == "zanele-test"
    assert {t.person_id for t in table.find_person("Z. Testperson")} == {"zanele-test"}
    assert load_officeholders().holder("NAM", "foreign_minister", date(2022, 1, 1)) is None


def test_bad_user_file_names_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "x,X Y,,USA,president,President,GOV,2020-01-01,,n\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: unknown office"):
        read_terms(bad.read_text(encoding="utf-8"), str(bad))


def test_import_merges_and_rejects_conflicts(tmp_path: Path) -> None:
    dest = tmp_path / "user" / "officeholders.csv"
    src = tmp_path / "new.csv"
    src.write_text(HEADER + "ann-test,Ann Test,,NAM,defense_minister,Minister of Defence,GOV,2019-01-01,,x\n",
                   encoding="utf-8")
    assert import_officeholders(src, dest) == 1
    fix = tmp_path / "fix.csv"
    fix.write_text(HEADER + "ann-test,Ann Test,,NAM,defense_minister,Minister of Defence,GOV,2019-01-01,2021-01-01,fixed\n"
                   + "ben-test,Ben Test,,NAM,defense_minister,Minister of Defence,GOV,2021-01-01,,y\n", encoding="utf-8")
    assert import_officeholders(fix, dest) == 2
    rows = read_terms(dest.read_text(encoding="utf-8"), str(dest))
    assert [(t.person_id, t.source) for t in rows] == [("ann-test", "fixed"), ("ben-test", "y")]
    clash = tmp_path / "clash.csv"
    clash.write_text(HEADER + "cy-test,Cy Test,,NAM,defense_minister,Minister of Defence,GOV,2022-01-01,,z\n",
                     encoding="utf-8")
    with pytest.raises(InputError, match="overlap"):
        import_officeholders(clash, dest)
    assert "cy-test" not in dest.read_text(encoding="utf-8")  # nothing written on failure


# -- co-holders and documented vacancies ----------------------------------------------------------

def test_co_holder_overlap_allowed_and_main_holder_wins(oh: Officeholders) -> None:
    # Ukraine: the Commander-in-Chief and the Chief of the General Staff overlap by design.
    day = date(2023, 3, 1)
    assert {t.person_id for t in oh.holders("UKR", "military_chief", day)} == {"valerii-zaluzhnyi", "serhiy-shaptala"}
    assert oh.holder("UKR", "military_chief", day).person_id == "valerii-zaluzhnyi"
    # Venezuela: Guaidó's claim never displaced Maduro as the holder.
    assert oh.holder("VEN", "head_of_state", date(2020, 1, 1)).person_id == "nicolas-maduro"


def test_undeclared_overlap_still_reported() -> None:
    table = Officeholders([
        _term("a", "Alice Able", "2015-01-01", "2016-01-01", country="UKR", office="military_chief"),
        _term("b", "Bob Baker", "2015-06-01", "2016-01-01", country="UKR", office="military_chief"),
    ])
    assert any("overlap in UKR/military_chief" in p for p in table.validate())


def test_filled_holes_and_vacancies(oh: Officeholders) -> None:
    # Rows added from checked news reports (see their source column).
    assert oh.holder("AFG", "foreign_minister", date(2020, 1, 15)).person_id == "idrees-zaman"
    assert oh.holder("ETH", "military_chief", date(2020, 1, 1)).person_id == "adem-mohammed"
    assert oh.holder("VEN", "foreign_minister", date(2022, 1, 1)).person_id == "felix-plasencia"
    assert oh.holder("VEN", "foreign_minister", date(2022, 10, 1)).person_id == "carlos-faria"
    # A real vacancy is no holder, not the previous one.
    assert oh.holder("LBN", "head_of_state", date(2023, 6, 1)) is None


def test_allowlists_name_real_rows(oh: Officeholders) -> None:
    from parley.reference.people import CO_HOLDERS

    assert all(len(reason) > 20 for reason in CO_HOLDERS.values())
    assert not [p for p in oh.validate() if "matches no row" in p]


# -- historic leaders (officeholders_historic.csv) -----------------------------------------------
def test_historic_file_is_loaded_for_lookup_but_not_validated() -> None:
    from datetime import date

    from parley.reference.people import load_officeholders

    table = load_officeholders()
    historic = [t for t in table.terms if t.historic]
    assert len(historic) >= 40 and all(t.source for t in historic)
    assert table.validate() == []  # the sparse historic rows would report gaps and overlaps
    assert {t.person_id for t in table.find_person("Francois Mitterand")} == {"francois-mitterrand"}
    assert table.find_person("Bush") == []  # two presidents: no date, no person
    assert table.candidate_countries("Bush") == {"USA"}
    assert {t.person_id for t in table.find_person("Bush", on=date(2003, 3, 20))} == {"george-w-bush"}
    assert table.holder("GBR", "head_of_government", date(1985, 6, 1)).person_id == "margaret-thatcher"


# -- heads of international organisations (officeholders_organisations.csv) ----------------------
def test_organisation_heads_resolve_to_their_organisation_code() -> None:
    from datetime import date

    from parley.reference.people import load_officeholders

    table = load_officeholders()
    orgs = [t for t in table.terms if t.organisation]
    assert orgs and {t.country for t in orgs} == {"UNO", "EUR", "IGO"}
    assert all(t.office == "org_head" and t.source for t in orgs)
    assert table.validate() == []  # UNO and IGO rows of several bodies would read as overlaps
    ghali = table.find_person("Secretary-General Boutros Boutros-Ghali")
    assert {(t.person_id, t.country) for t in ghali} == {("boutros-boutros-ghali", "UNO")}
    # one person, two careers: the date picks the office
    stoltenberg = table.find_person("Stoltenberg", on=date(2018, 5, 1))
    assert stoltenberg[0].country == "IGO" and stoltenberg[0].active_on(date(2018, 5, 1))
    assert table.find_person("Jens Stoltenberg", on=date(2010, 5, 1))[0].country == "NOR"


def test_organisation_heads_with_korean_name_order_keep_family_name_first() -> None:
    from parley.reference.people import load_officeholders

    table = load_officeholders()
    # "Ban Ki-moon" under UNO: the family name is Ban, so the surname "Moon" still means the
    # Korean president and "Ban" the Secretary-General.
    assert {t.person_id for t in table.find_person("Ban")} == {"ban-ki-moon"}
    assert {t.person_id for t in table.find_person("Moon")} == {"moon-jae-in"}
    # A Western two-word name in an organisation row is still read family name last.
    assert {t.person_id for t in table.find_person("Lagarde")} == {"christine-lagarde"}


def test_historic_rows_cover_leaders_of_1990_to_2014() -> None:
    from datetime import date

    from parley.reference.people import load_officeholders

    table = load_officeholders()
    thaksin = table.find_person("Thaksin", on=date(2004, 6, 1))
    assert [(t.country, t.office) for t in thaksin] == [("THA", "head_of_government")]
    assert {t.country for t in table.find_person("Kim Dae Jung")} == {"KOR"}
    assert table.find_person("Tansu Ciller")[0].country == "TUR"
    erdogan = table.find_person("Erdogan", on=date(2008, 1, 1))
    assert erdogan[0].office == "head_of_government" and erdogan[0].active_on(date(2008, 1, 1))


# -- state offices since 1990 (officeholders_since1990.csv) --------------------------------------
def test_ministers_of_the_1990s_and_2000s_resolve_to_their_country_at_the_date(oh: Officeholders) -> None:
    since1990 = [t for t in oh.terms if t.historic and t.office in ("foreign_minister", "defense_minister")]
    assert len(since1990) >= 500 and all(t.source for t in since1990)
    assert oh.validate() == []  # incomplete by design: not validated, as the historic file
    albright = oh.find_person("Secretary of State Madeleine Albright", on=date(1999, 3, 1))
    assert [(t.person_id, t.country, t.office) for t in albright] == [("madeleine-albright", "USA", "foreign_minister")]
    assert oh.holder("FRA", "foreign_minister", date(2008, 5, 1)).person_id == "bernard-kouchner"
    assert oh.holder("USA", "foreign_minister", date(1991, 4, 1)).person_id == "james-baker"


def test_a_1999_call_between_two_foreign_ministers_names_both_states() -> None:
    text = ("PUBLISHED: 1999-06-12\n\nSecretary of State Madeleine Albright telephoned Foreign Minister "
            "Igor Ivanov on Saturday to ask for an explanation.\n")
    assert has_event(text, "CONSULT", "USA", "RUS")


# -- state offices before 1990 (officeholders_before1990.csv) ------------------------------------
def test_leaders_of_1945_to_1989_resolve_to_their_state_at_the_date(oh: Officeholders) -> None:
    before = [t for t in oh.terms if t.historic and t.start < date(1990, 1, 1)]
    assert len(before) >= 2000 and all(t.source for t in before)
    deng = oh.find_person("Deng Xiaoping", on=date(1979, 1, 15))
    assert {t.country for t in deng} == {"CHN"}
    assert oh.find_person("Indira Gandhi", on=date(1974, 5, 16))[0].country == "IND"
    # a one-party state's ruler is its party leader
    assert oh.holder("RUS", "party_leader", date(1975, 1, 1)).person_id == "leonid-brezhnev"
    # the realms' monarch stays one person (no second id per realm), so her name stays one person
    assert {t.person_id for t in oh.find_person("Queen Elizabeth II", on=date(1965, 1, 1))} == {"elizabeth-ii"}


def test_a_1979_warning_by_a_paramount_leader_names_his_state() -> None:
    text = ("PUBLISHED: 2019-02-17\n\nForty years ago this week, the border war began. In January 1979 "
            "Deng Xiaoping warned that Vietnam would be taught a lesson.\n")
    assert has_event(text, "THREATEN", "CHN", "VNM")


def test_a_person_out_of_office_takes_the_term_nearest_the_page_date() -> None:
    # Blix was Sweden's foreign minister in 1978-79 and the IAEA's head until 1997; in 2002 he is
    # the international official, the nearer of the two
    text = ("PUBLISHED: 2002-11-27\n\nHans Blix, the chief inspector, met Iraqi officials in Baghdad "
            "on Wednesday.\n")
    assert has_event(text, "CONSULT", "UNO", "IRQ")


def test_a_bare_surname_names_a_pre_1990_holder_only_in_text_before_1990(oh: Officeholders) -> None:
    # Xu Xiangqian, China's defence minister 1978-81, is known only from officeholders_before1990.csv
    assert {t.person_id for t in oh.find_person("Xu", on=date(1979, 6, 1))} == {"xu-xiangqian"}
    assert oh.find_person("Xu", on=date(2020, 6, 1)) == []
    assert oh.find_person("Xu Xiangqian", on=date(2020, 6, 1))[0].country == "CHN"  # the full name still does
