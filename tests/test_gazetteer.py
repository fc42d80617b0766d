"""Tests for parley.reference.gazetteer and the country/organisation/sector tables it ships.

All sentences are written for these tests (news-like, not taken from any article)."""

from __future__ import annotations

import csv
import re
import time
from importlib import resources

import pytest

from parley.reference import gazetteer as g

DATA = resources.files("parley") / "data"

PLOVER_SECTORS = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
}


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def actors(text: str) -> list[tuple[str, str, str]]:
    """(surface text, code, how) for every actor term found."""
    return [(text[a:b], r.code, r.how) for a, b, r in g.find_actor_terms(text)]


def titles(text: str) -> list[tuple[str, str, str]]:
    return [(text[a:b], r.sector, r.office) for a, b, r in g.find_titles(text)]


# ------------------------------------------------------------------ countries in text


def test_names_demonyms_adjectives_and_possessives() -> None:
    text = ("Japanese officials met Filipinos in Manila, and Britain's envoy said Britons "
            "and Brazilians were safe while Germany's chancellor flew to Kenya.")
    assert actors(text) == [
        ("Japanese", "JPN", "adjective"),
        ("Filipinos", "PHL", "demonym"),
        ("Manila", "PHL", "capital"),
        ("Britain", "GBR", "short_name"),
        ("Britons", "GBR", "demonym"),
        ("Brazilians", "BRA", "demonym"),
        ("Germany", "DEU", "name"),
        ("Kenya", "KEN", "name"),
    ]


def test_possessive_span_excludes_the_s() -> None:
    text = "China's navy and the Philippines' coast guard traded warnings."
    found = g.find_actor_terms(text)
    # "the Philippines" is a listed short name, so its article is inside the span
    assert [(text[a:b], r.code) for a, b, r in found] == [("China", "CHN"), ("the Philippines", "PHL")]
    assert g.lookup_country("China's").code == "CHN"
    assert g.lookup_country("China\u2019s").code == "CHN"
    assert g.lookup_country("Philippines'").code == "PHL"


def test_us_versus_us() -> None:
    text = "Let us be clear, the US told us, and U.S. officials and the USA agreed with us."
    assert [(s, c) for s, c, _ in actors(text)] == [("US", "USA"), ("U.S.", "USA"), ("USA", "USA")]
    assert g.lookup_country("us") is None
    assert g.lookup_country("US").code == "USA"
    assert g.lookup_country("U.S.").code == "USA"


def test_case_sensitive_common_words_and_headline_caps() -> None:
    assert actors("They ate turkey and china plates in Chad's capital.") == [("Chad", "TCD", "name")]
    assert [c for _, c, _ in actors("CHINA WARNS TAIWAN OVER DRILLS")] == ["CHN", "TWN"]
    assert actors("Turkey and Türkiye and Turkiye") == [
        ("Turkey", "TUR", "name"), ("Türkiye", "TUR", "short_name"), ("Turkiye", "TUR", "short_name")]


def test_capital_metonymy() -> None:
    text = "Moscow said on Tuesday that Kyiv and Washington had rejected the plan, Beijing added."
    assert actors(text) == [
        ("Moscow", "RUS", "capital"),
        ("Kyiv", "UKR", "capital"),
        ("Washington", "USA", "capital"),
        ("Beijing", "CHN", "capital"),
    ]


def test_seats_of_power_with_and_without_article() -> None:
    text = ("The Kremlin denied it; Kremlin spokesman said the Pentagon and Downing Street "
            "had been told, and the Elysée and Zhongnanhai stayed silent.")
    found = actors(text)
    assert found == [
        ("The Kremlin", "RUS", "seat"),
        ("Kremlin", "RUS", "seat"),
        ("the Pentagon", "USA", "seat"),
        ("Downing Street", "GBR", "seat"),
        ("the Elysée", "FRA", "seat"),
        ("Zhongnanhai", "CHN", "seat"),
    ]
    assert g.lookup_country("the Kremlin").code == "RUS"
    assert g.lookup_country("State Department").code == "USA"
    assert g.lookup_country("the Blue House").code == "KOR"


def test_longest_match_between_overlapping_names() -> None:
    text = ("Papua New Guinea, Guinea-Bissau, Equatorial Guinea and Guinea; South Sudan and "
            "Sudan; North Korea, North Korean and South Korean troops; Niger and Nigeria; "
            "the Dominican Republic and Dominica; American Samoa and Samoa.")
    assert [c for _, c, _ in actors(text)] == [
        "PNG", "GNB", "GNQ", "GIN", "SSD", "SDN", "PRK", "PRK", "KOR", "NER", "NGA",
        "DOM", "DMA", "ASM", "WSM",
    ]


def test_multiword_forms_accept_line_breaks_and_curly_apostrophes() -> None:
    text = "officials in Cote d\u2019Ivoire and the United\nStates of America"
    assert [(c, h) for _, c, h in actors(text)] == [("CIV", "short_name"), ("USA", "short_name")]


def test_phrases_that_are_not_the_country() -> None:
    text = ("Latin American leaders and North American firms met African American voters "
            "in New Mexico near the South China Sea, the Washington Post reported.")
    assert actors(text) == []
    # the blocked phrase does not hide a real mention next to it
    assert [c for _, c, _ in actors("China rejected claims in the South China Sea.")] == ["CHN"]


def test_former_names_take_the_continuing_state() -> None:
    # the annotation manual, section 4: a state that no longer exists takes its continuing state
    text = ("The Soviet Union, Yugoslavia and Czechoslovakia met envoys of Siam, Persia, Zaire, "
            "Rhodesia, Upper Volta and East Germany.")
    assert [c for _, c, _ in actors(text)] == ["RUS", "SRB", "CZE", "THA", "IRN", "COD", "ZWE", "BFA", "DEU"]
    assert [c for _, c, _ in actors("Soviet troops and the USSR's navy")] == ["RUS", "RUS"]
    # a lake, a gulf and an era are not the state
    assert actors("Boats on Lake Tanganyika and the Gulf of Siam, in post-Soviet times.") == []


def test_ambiguity_choices_are_stable() -> None:
    # Georgia is the country (GEO); the US state is not told apart (data/README.md).
    assert g.lookup_country("Georgia").code == "GEO"
    # bare Congo is the DRC; the Republic of the Congo needs its long form
    assert g.lookup_country("Congo").code == "COD"
    assert g.lookup_country("Republic of the Congo").code == "COG"
    assert g.lookup_country("Congo-Brazzaville").code == "COG"
    # Korea/Korean alone is South Korea
    assert g.lookup_country("Korean").code == "KOR"
    # Taiwan, Palestine and Kosovo are present
    assert g.lookup_country("Taiwanese").code == "TWN"
    assert g.lookup_country("Palestinians").code == "PSE"
    assert g.lookup_country("Kosovo").code == "XKX"
    assert g.lookup_country("People's Republic of China").code == "CHN"
    assert g.lookup_country("Republic of China").code == "TWN"


def test_tilde_forms_resolve_but_are_not_scanned() -> None:
    assert g.lookup_country("Victoria").code == "SYC"
    assert actors("Victoria said the budget was fair.") == []


def test_lookup_country_normalises_and_rejects() -> None:
    assert g.lookup_country("  china ").code == "CHN"
    assert g.lookup_country("RUSSIAN").code == "RUS"
    assert g.lookup_country("elysee").code == "FRA"
    assert g.lookup_country("Atlantis") is None
    assert g.lookup_country("") is None


def test_country_name_and_adjective() -> None:
    assert g.country_name("RUS") == "Russia"
    assert g.country_name("usa") == "United States"
    assert g.adjective("CHN") == "Chinese"
    assert g.adjective("GBR") == "British"
    assert g.adjective("USA") == "American"
    with pytest.raises(KeyError):
        g.country_name("ZZZ")


# ------------------------------------------------------------------ organisations


def test_un_bodies_and_igos() -> None:
    text = ("The UN Security Council met after NATO and the European Union warned Iran, "
            "while the IAEA and the African Union called for talks.")
    found = [(text[a:b], r.code, r.org, r.kind) for a, b, r in g.find_actor_terms(text)]
    assert found == [
        ("UN Security Council", "UNO", "UNSC", "organisation"),
        ("NATO", "IGO", "NATO", "organisation"),
        ("European Union", "EUR", "EU", "organisation"),
        ("Iran", "IRN", "", "country"),
        ("IAEA", "UNO", "IAEA", "organisation"),
        ("African Union", "IGO", "AU", "organisation"),
    ]


def test_org_default_sector_and_ngos() -> None:
    icrc = g.lookup_country("Red Cross")
    assert (icrc.code, icrc.org, icrc.sector) == ("NGO", "ICRC", "MED")
    assert g.lookup_country("Human Rights Watch").code == "NGO"
    assert g.lookup_country("ICJ").sector == "JUD"
    assert g.organisation("NATO").plover_country == "IGO"


def test_national_security_council_is_not_the_un() -> None:
    text = "The National Security Council met; later the Security Council voted."
    assert [(s, c) for s, c, _ in actors(text)] == [("Security Council", "UNO")]


def test_article_required_org_aliases() -> None:
    assert [c for _, c, _ in actors("Leaders of the Quad met in Tokyo.")] == ["IGO", "JPN"]
    assert actors("He rode a quad bike; Quad tires were sold.") == []


# ------------------------------------------------------------------ titles


def test_defence_titles_are_gov_ranks_are_mil() -> None:
    text = ("Chinese Defense Minister Dong met British Defence Secretary Ann Lee, the "
            "Secretary of Defense, and Lieutenant General Ma of the People's Liberation Army.")
    assert titles(text) == [
        ("Defense Minister", "GOV", "defense_minister"),
        ("Defence Secretary", "GOV", "defense_minister"),
        ("Secretary of Defense", "GOV", "defense_minister"),
        ("Lieutenant General", "MIL", "military_officer"),
        ("People's Liberation Army", "MIL", "military"),
    ]


def test_word_orders_and_spellings() -> None:
    for phrase in ("minister of defence", "Minister for Defence", "minister of national defense",
                   "defence minister", "Secretary of State for Defence"):
        (_, _, ref), = g.find_titles(phrase)
        assert (ref.sector, ref.office) == ("GOV", "defense_minister"), phrase
    for phrase in ("foreign minister", "Minister of Foreign Affairs", "Secretary of State",
                   "Foreign Secretary"):
        (_, _, ref), = g.find_titles(phrase)
        assert ref.office == "foreign_minister", phrase


def test_longest_title_wins_and_civilian_chief_of_staff() -> None:
    assert titles("Chairman of the Joint Chiefs of Staff Gen. Brown") == [
        ("Chairman of the Joint Chiefs of Staff", "MIL", "military_chief"),
        ("Gen.", "MIL", "military_officer"),
    ]
    assert titles("White House chief of staff") == [("chief of staff", "GOV", "official")]
    assert titles("the army chief of staff") == [("army chief of staff", "MIL", "military_chief")]
    assert titles("Chancellor of the Exchequer") == [
        ("Chancellor of the Exchequer", "GOV", "finance_minister")]
    assert titles("German Chancellor") == [("Chancellor", "GOV", "head_of_government")]


def test_not_a_title_rows_block_bare_words() -> None:
    assert titles("The general election was a major test in general.") == []
    assert titles("General Assembly") == []
    assert titles("Lt. Gen. Park, a general") == [
        ("Lt. Gen.", "MIL", "military_officer"), ("general", "MIL", "military_officer")]


def test_other_sectors() -> None:
    text = ("Riot police fired on protesters as rebels, gunmen and lawmakers watched; the "
            "Supreme Court judge and intelligence officials said troops and the spokesperson "
            "had left.")
    assert titles(text) == [
        ("Riot police", "COP", "police"),
        ("protesters", "CVL", "protester"),
        ("rebels", "REB", "rebel"),
        ("gunmen", "UAF", "armed_group"),
        ("lawmakers", "LEG", "legislator"),
        ("Supreme Court", "JUD", "judiciary"),
        ("judge", "JUD", "judiciary"),
        ("intelligence officials", "SPY", "intelligence"),
        ("troops", "MIL", "military"),
        ("spokesperson", "GOV", "spokesperson"),
    ]


def test_title_word_boundaries() -> None:
    assert titles("presidential kingdom armyworm") == []
    assert titles("vice-president and ex-president") == [
        ("vice-president", "GOV", "deputy_leader"), ("ex-president", "ELI", "former_official")]


# ------------------------------------------------------------------ data integrity


def test_countries_table_integrity() -> None:
    table = rows("countries.csv")
    assert list(table[0]) == ["iso3", "name", "short_names", "demonyms", "adjectives",
                              "capitals", "seats_of_power"]
    codes = [r["iso3"] for r in table]
    assert len(codes) == len(set(codes)) >= 250
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert {"TWN", "PSE", "XKX", "USA", "CHN", "RUS", "GBR"} <= set(codes)
    assert all(r["name"].strip() for r in table)
    assert all(r["adjectives"].strip() for r in table)
    no_capital = {r["iso3"] for r in table if not r["capitals"].strip()}
    # city-states and uninhabited or capital-less territories only
    assert no_capital <= {"ATA", "BVT", "HMD", "IOT", "UMI", "HKG", "MAC", "SGP", "VAT", "NFK"}
    for r in table:
        for col in ("short_names", "demonyms", "adjectives", "capitals", "seats_of_power"):
            assert all(v.strip() == v and v for v in r[col].split("|") if r[col]), (r["iso3"], col)


def test_major_states_are_well_covered() -> None:
    for iso3 in ("USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "KOR", "IND", "IRN", "ISR",
                 "UKR", "TUR", "SAU", "PAK", "BRA", "EGY", "PRK", "TWN", "PSE"):
        c = g.country(iso3)
        assert c.short_names or c.demonyms, iso3
        assert c.demonyms and c.adjectives and c.capitals, iso3
    assert "the Kremlin" in g.country("RUS").seats_of_power
    assert {"the Pentagon", "the White House", "the State Department"} <= set(
        g.country("USA").seats_of_power)


def test_no_form_maps_to_two_referents() -> None:
    assert g.data_conflicts() == []


def test_organisations_table_integrity() -> None:
    table = rows("organisations.csv")
    assert list(table[0]) == ["code", "name", "aliases", "plover_country", "sector"]
    codes = [r["code"] for r in table]
    assert len(codes) == len(set(codes))
    assert all(r["name"].strip() for r in table)
    assert {r["plover_country"] for r in table} <= {"UNO", "EUR", "IGO", "NGO"}
    assert {r["sector"] for r in table} <= PLOVER_SECTORS
    for code in ("UN", "UNSC", "UNGA", "UNHCR", "UNICEF", "WHO", "IAEA", "WFP", "EU", "EC",
                 "EP", "ECB", "NATO", "ASEAN", "AU", "APEC", "OPEC", "ARAB_LEAGUE", "OAS", "G7",
                 "G20", "SCO", "BRICS", "IMF", "WB", "WTO", "OSCE", "ICC", "ICJ", "GCC",
                 "ECOWAS", "QUAD", "AUKUS", "AMNESTY", "HRW", "ICRC", "MSF"):
        assert code in codes, code


def test_sectors_table_integrity_and_documented_offices() -> None:
    table = rows("sectors.csv")
    assert list(table[0]) == ["pattern", "sector", "office", "notes"]
    patterns = [r["pattern"] for r in table]
    assert len(patterns) == len(set(patterns))
    assert all(p == p.lower() and p.strip() == p and p for p in patterns)
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for r in table:
        if r["sector"]:
            assert r["sector"] in PLOVER_SECTORS, r
            assert f"`{r['office']}`" in readme, f"office {r['office']} not documented"
        else:
            assert not r["office"], r


def test_scan_speed_is_reasonable() -> None:
    # ~10k words; generous bound so a slow CI machine does not flake
    sentence = ("On Monday the Pentagon said US Defense Secretary Lee spoke with Chinese "
                "Defense Minister Dong, while Moscow and NATO officials met in Brussels and "
                "us reporters waited for the UN Security Council and rebels in the east. ")
    text = sentence * 300
    g.find_actor_terms("warm up")
    g.find_titles("warm up")
    start = time.perf_counter()
    n = len(g.find_actor_terms(text)) + len(g.find_titles(text))
    elapsed = time.perf_counter() - start
    assert n >= 300 * 10
    assert elapsed < 5.0


# -- misspelt country names and stateless peoples -----------------------------------------------


@pytest.mark.parametrize("word,code", [
    ("Ethopia", "ETH"), ("Afganistan", "AFG"), ("Phillippines", "PHL"), ("Quatar's", "QAT"), ("Isreali", "ISR"),
])
def test_fuzzy_country_corrects_one_edit(word: str, code: str) -> None:
    from parley.reference.gazetteer import fuzzy_country

    ref = fuzzy_country(word)
    assert ref is not None and ref.code == code and ref.kind == "country"


@pytest.mark.parametrize("word", [
    "Roland",     # a given name: first letter differs from Poland
    "Granada",    # a real Spanish city one edit off Grenada
    "Indiana",    # a US state one edit off India
    "Ethiopia",   # correct spellings are lookup_country's, not fuzzy
    "Chad",       # too short to correct safely
    "ethopia",    # not capitalised
    "ETHOPIA",    # all capitals (acronyms)
    "Guiana",     # a region's name, listed as never corrected
])
def test_fuzzy_country_refuses(word: str) -> None:
    from parley.reference.gazetteer import fuzzy_country

    assert fuzzy_country(word) is None


def test_ethnic_groups_table_and_fuzzy_match() -> None:
    from parley.reference.gazetteer import ethnic_group

    assert ethnic_group("Yoruba").hosts[0] == "NGA"
    assert ethnic_group("Ibo").name == "Igbo"
    assert ethnic_group("Kurds").hosts == ("TUR", "IRQ", "SYR", "IRN")
    assert ethnic_group("Chenchen").name == "Chechen"  # one edit, seven letters or more
    assert ethnic_group("Chenchen", fuzzy=False) is None
    assert ethnic_group("Serbs") is None  # a state's people is the country table's
    assert ethnic_group("Hutux") is None  # too short for a fuzzy match


def test_ethnic_groups_data_is_consistent() -> None:
    from parley.reference.gazetteer import _ethnic_groups, country

    table = _ethnic_groups()
    assert len({grp.name for grp in table.values()}) >= 50
    for form, grp in table.items():
        assert all(country(h) is not None for h in grp.hosts), form
        # a people's form must not also be a country form ("Somali" is Somalia's)
        from parley.reference.gazetteer import lookup_country

        assert lookup_country(form) is None or lookup_country(form).kind != "country", form
