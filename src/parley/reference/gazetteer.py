"""Country, organisation and title lookup for actor coding.

The shipped tables live in ``parley/data`` (documented in ``data/README.md``):

* ``countries.csv`` -- every ISO 3166-1 entry plus Kosovo (XKX): names, short names,
  demonyms, adjectives, capitals and seats of power ("the Kremlin");
* ``organisations.csv`` -- international organisations and NGOs with their PLOVER
  "country" code (UNO, EUR, IGO, NGO) and a default sector;
* ``sectors.csv`` -- title and agency phrases ("defence minister", "lieutenant general")
  mapped to a PLOVER sector and an office.

Each table is compiled once into a single trie-shaped regular expression, so a scan costs
one pass over the text whatever the number of names.  Matching is leftmost, longest first,
on word boundaries.  Country and organisation forms are case-sensitive (so "us" is never
the US, "turkey" never Turkey), with an all-capitals variant of forms of four letters or
more for headlines; titles are case-insensitive.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

__all__ = [
    "Country",
    "Organisation",
    "PlaceRef",
    "TitleRef",
    "adjective",
    "country",
    "country_name",
    "countries",
    "ethnic_group",
    "find_actor_terms",
    "find_titles",
    "fuzzy_country",
    "lookup_country",
    "organisation",
    "organisations",
]


@dataclass(frozen=True)
class PlaceRef:
    """A country or organisation named in text.

    ``code`` is the ISO3 code for a country and the PLOVER actor-country code (UNO, EUR,
    IGO, NGO) for an organisation; ``org`` then names the organisation itself and
    ``sector`` is its default PLOVER sector.  ``matched`` is the form as spelled in the
    data (so "China's" gives "China", "CHINA" gives "China").
    """

    code: str
    kind: str  # 'country' | 'organisation'
    matched: str
    how: str  # name|short_name|demonym|adjective|capital|seat|org
    org: str = ""
    sector: str = ""


@dataclass(frozen=True)
class TitleRef:
    sector: str  # PLOVER sector code: GOV, MIL, LEG, JUD, COP, SPY, REB, ...
    office: str  # head_of_state, defense_minister, military_officer, ... (data/README.md)
    title: str  # the pattern from sectors.csv, lowercase


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    short_names: tuple[str, ...]
    demonyms: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    seats_of_power: tuple[str, ...]


@dataclass(frozen=True)
class Organisation:
    code: str
    name: str
    aliases: tuple[str, ...]
    plover_country: str
    sector: str


# Geographic and other phrases that contain a country form but do not name that country
# as an actor.  They are matched like any other form and then dropped, so that
# "Latin American" never yields USA, nor "South China Sea" CHN, nor "National Security
# Council" the UN Security Council.  Kept short and general on purpose.
_NOT_ACTORS: tuple[str, ...] = (
    "Latin America", "Latin American", "Latin Americans",
    "South America", "South American", "South Americans",
    "North America", "North American", "North Americans",
    "Central America", "Central American", "Central Americans",
    "African American", "African Americans", "African-American", "African-Americans",
    "Native American", "Native Americans", "Asian American", "Asian Americans",
    "American Indian", "American Indians",
    "New Mexico", "New Mexican", "New Jersey", "New Guinea", "New England",
    "Indian Ocean", "South China Sea", "East China Sea", "South China Morning Post",
    "Sea of Japan", "Gulf of Mexico", "Gulf of Oman", "Gulf of Guinea",
    "Taiwan Strait", "Korean Peninsula", "Korean peninsula",
    "Niger Delta", "Niger River", "Congo River", "Congo Basin", "Jordan River",
    "Washington Post", "Washington state", "Washington State", "George Washington",
    "National Security Council", "Supreme National Security Council",
    # former names of states (countries.csv) inside place names and eras, not the state
    "Lake Tanganyika", "Gulf of Siam", "former Yugoslavia", "former Soviet", "post-Soviet",
    "ex-Soviet", "former Soviet Union", "Soviet-era",
)

_HOW_ORDER = ("name", "short_name", "capital", "seat", "adjective", "demonym")
_COLUMN_HOW = {
    "name": "name",
    "short_names": "short_name",
    "capitals": "capital",
    "seats_of_power": "seat",
    "adjectives": "adjective",
    "demonyms": "demonym",
}
_WS = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


# ---------------------------------------------------------------- loading


def _read_csv(name: str) -> list[dict[str, str]]:
    try:
        text = (resources.files("parley") / "data" / name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, TypeError):
        # e.g. running from a source tree that importlib cannot see as a package
        text = (Path(__file__).resolve().parents[1] / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for row in _read_csv("countries.csv"):
        c = Country(
            iso3=row["iso3"].strip(),
            name=row["name"].strip(),
            short_names=_split(row["short_names"]),
            demonyms=_split(row["demonyms"]),
            adjectives=_split(row["adjectives"]),
            capitals=_split(row["capitals"]),
            seats_of_power=_split(row["seats_of_power"]),
        )
        if c.iso3 in out:
            raise ValueError(f"countries.csv: duplicate iso3 {c.iso3}")
        out[c.iso3] = c
    return out


@functools.lru_cache(maxsize=1)
def _organisations() -> dict[str, Organisation]:
    out: dict[str, Organisation] = {}
    for row in _read_csv("organisations.csv"):
        o = Organisation(
            code=row["code"].strip(),
            name=row["name"].strip(),
            aliases=_split(row["aliases"]),
            plover_country=row["plover_country"].strip(),
            sector=row["sector"].strip(),
        )
        if o.code in out:
            raise ValueError(f"organisations.csv: duplicate code {o.code}")
        out[o.code] = o
    return out


def countries() -> tuple[Country, ...]:
    return tuple(_countries().values())


def organisations() -> tuple[Organisation, ...]:
    return tuple(_organisations().values())


def country(iso3: str) -> Country | None:
    return _countries().get(iso3.upper())


def organisation(code: str) -> Organisation | None:
    return _organisations().get(code) or _armed_groups().get(code)


def country_name(iso3: str) -> str:
    """Common English name ("Russia", not "Russian Federation"); KeyError if unknown."""
    return _countries()[iso3.upper()].name


def adjective(iso3: str) -> str:
    """First listed adjective ("Chinese"); the name itself when none is listed."""
    c = _countries()[iso3.upper()]
    return c.adjectives[0] if c.adjectives else c.name


# ---------------------------------------------------------------- normalising


def _norm(text: str) -> str:
    """Key used for every table: single spaces, straight apostrophes."""
    return _WS.sub(" ", text.translate(_APOSTROPHES)).strip()


class _FoldTable(dict):
    """str.translate table, filled lazily: accented letters to their base letter and curly
    apostrophes to straight ones.  Only one-to-one folds are made, so offsets in the folded
    text are offsets in the original and spans need no mapping back."""

    def __missing__(self, codepoint: int) -> str:
        ch = chr(codepoint)
        if ch in "\u2019\u2018\u02bc":
            folded = "'"
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            folded = base if len(base) == 1 else ch
        self[codepoint] = folded
        return folded


_FOLD = _FoldTable()


def _fold(text: str) -> str:
    """Same-length copy of text without accents ("Elysée" -> "Elysee", "Côte" -> "Cote")."""
    return text if text.isascii() else text.translate(_FOLD)


def _unaccent(text: str) -> str:
    return _fold(unicodedata.normalize("NFC", text))


def _variants(form: str, article_optional: bool, headline_caps: bool = True) -> Iterator[str]:
    """Surface spellings scanned for one data form.

    A leading "the " is matched as "the"/"The"; in seats of power it is also optional
    ("Kremlin spokesman").  Accented forms also match unaccented ("Elysee"), and forms of
    four letters or more also match in all capitals ("CHINA") for headlines.
    """
    base = _norm(form)
    bodies = [base]
    if base.startswith("the "):
        rest = base[4:]
        bodies = [base, "The " + rest] + ([rest] if article_optional else [])
    seen: set[str] = set()
    for b in bodies:
        for v in (b, _unaccent(b)):
            cands = [v]
            letters = [ch for ch in v if ch.isalpha()]
            if headline_caps and len(letters) >= 4 and any(ch.islower() for ch in letters):
                cands.append(v.upper())
            for c in cands:
                if c not in seen:
                    seen.add(c)
                    yield c


# ---------------------------------------------------------------- trie regex


def _char_pattern(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    return re.escape(ch)


def _trie_pattern(keys: Iterable[str]) -> str:
    """One regex for many literals: shared prefixes are factored out and each node tries
    its longer continuations before ending, so the engine yields the longest key (and
    backtracks to a shorter one if the word-boundary check after it fails)."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        alts = [_char_pattern(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        if len(alts) == 1 and not ends:
            return alts[0]
        group = "(?:" + "|".join(alts) + ")"
        return group + "?" if ends else group

    return emit(trie)


def _compile(keys: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    body = _trie_pattern(sorted(set(keys)))
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", flags)


# ---------------------------------------------------------------- actor terms


@dataclass(frozen=True)
class _ActorTable:
    regex: re.Pattern[str]
    scan: dict[str, PlaceRef | None]  # folded surface key -> ref (None: a _NOT_ACTORS phrase)
    exact: dict[str, PlaceRef]  # lookup_country keys, case as written
    folded: dict[str, PlaceRef]  # casefolded, unaccented keys of forms with lowercase letters


def _country_forms() -> Iterator[tuple[str, PlaceRef, bool, bool]]:
    """(form, ref, scanned_in_text, article_optional) for every country form.

    A form written "~X" in the data is known to lookup_country but not scanned in running
    text (capitals such as Victoria or Hamilton that are mostly something else)."""
    for c in _countries().values():
        best: dict[str, tuple[int, str, bool, bool]] = {}
        cols = {
            "name": (c.name,),
            "short_names": c.short_names,
            "capitals": c.capitals,
            "seats_of_power": c.seats_of_power,
            "adjectives": c.adjectives,
            "demonyms": c.demonyms,
        }
        for col, values in cols.items():
            how = _COLUMN_HOW[col]
            for raw in values:
                scanned = not raw.startswith("~")
                form = raw.lstrip("~").strip()
                rank = _HOW_ORDER.index(how)
                prev = best.get(form)
                if prev is None or rank < prev[0]:
                    best[form] = (rank, how, scanned, col == "seats_of_power")
        for form, (_, how, scanned, art_opt) in best.items():
            yield form, PlaceRef(c.iso3, "country", form, how), scanned, art_opt


@functools.lru_cache(maxsize=1)
def _armed_groups() -> dict[str, Organisation]:
    """Armed groups, movements and parties coded to their base country, as PLOVER codes them
    (data/armed_groups.csv; data/README.md). Transnational ones carry PLOVER's IMG."""
    out: dict[str, Organisation] = {}
    for row in _read_csv("armed_groups.csv"):
        o = Organisation(code=row["code"].strip(), name=row["name"].strip(), aliases=_split(row["aliases"]),
                         plover_country=row["country"].strip(), sector=row["sector"].strip())
        if o.code in out or o.code in _organisations():
            raise ValueError(f"armed_groups.csv: duplicate code {o.code}")
        out[o.code] = o
    return out


def _org_forms() -> Iterator[tuple[str, PlaceRef]]:
    for o in (*_organisations().values(), *_armed_groups().values()):
        for form in dict.fromkeys((o.name, *o.aliases)):
            yield form, PlaceRef(o.plover_country, "organisation", form, "org", o.code, o.sector)


def _same_target(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.kind, a.code, a.org) == (b.kind, b.code, b.org)


def data_conflicts() -> list[tuple[str, PlaceRef | None, PlaceRef | None]]:
    """Surface forms claimed by two different countries/organisations (should be empty)."""
    seen: dict[str, PlaceRef | None] = {}
    conflicts: list[tuple[str, PlaceRef | None, PlaceRef | None]] = []

    def add(key: str, ref: PlaceRef | None) -> None:
        if key in seen and not _same_target(seen[key], ref):
            conflicts.append((key, seen[key], ref))
        seen.setdefault(key, ref)

    for form, ref, _, art_opt in _country_forms():
        for v in _variants(form, art_opt):
            add(_unaccent(v), ref)
    for form, ref in _org_forms():
        for v in _variants(form, False):
            add(_unaccent(v), ref)
    for form in _NOT_ACTORS:
        for v in _variants(form, False):
            add(_unaccent(v), None)
    return conflicts


@functools.lru_cache(maxsize=1)
def _actor_table() -> _ActorTable:
    conflicts = [c for c in data_conflicts() if c[1] is not None and c[2] is not None]
    if conflicts:
        raise ValueError(f"gazetteer data: forms with two referents: {conflicts[:5]}")
    scan: dict[str, PlaceRef | None] = {}
    exact: dict[str, PlaceRef] = {}
    folded: dict[str, PlaceRef] = {}

    def register(form: str, ref: PlaceRef, scanned: bool, art_opt: bool) -> None:
        for v in _variants(form, art_opt):
            if scanned:
                scan.setdefault(_unaccent(v), ref)
            exact.setdefault(v, ref)
        key = _norm(form)
        # case-insensitive lookup only for forms with lowercase letters: "us" is not "US"
        if any(ch.islower() for ch in key):
            for b in {key, key[4:] if key.startswith("the ") else key}:
                folded.setdefault(_unaccent(b).casefold(), ref)

    for form, ref, scanned, art_opt in _country_forms():
        register(form, ref, scanned, art_opt)
    for form, ref in _org_forms():
        register(form, ref, True, False)
    for form in _NOT_ACTORS:
        for v in _variants(form, False):
            # a blocker must win over a country form it contains, never over an equal one
            scan.setdefault(_unaccent(v), None)
    return _ActorTable(_compile(scan), scan, exact, folded)


def find_actor_terms(text: str) -> list[tuple[int, int, PlaceRef]]:
    """All non-overlapping country/organisation mentions, leftmost and longest first.

    Spans cover the form only ("China" in "China's"); a leading "the" is inside the span
    when the data form has it ("the Kremlin").  Capitals are returned with how="capital":
    whether "Moscow" means the Russian government or the city is the caller's decision.
    """
    return list(_actor_terms_in(text))


# The actor rules ask about the same sentence and phrase texts many times over; the tables are
# fixed once loaded, so an answer never goes stale (bounded: texts vary without end).
_TEXT_CACHE = 1 << 16


@functools.lru_cache(maxsize=_TEXT_CACHE)
def _actor_terms_in(text: str) -> tuple[tuple[int, int, PlaceRef], ...]:
    table = _actor_table()
    out: list[tuple[int, int, PlaceRef]] = []
    for m in table.regex.finditer(_fold(text)):
        ref = table.scan.get(_WS.sub(" ", m.group()))
        if ref is not None:
            out.append((m.start(), m.end(), ref))
    return tuple(out)


_POSSESSIVE = re.compile(r"(?:'s|')$")


@functools.lru_cache(maxsize=_TEXT_CACHE)
def lookup_country(term: str) -> PlaceRef | None:
    """Resolve one term ("China's", "the Kremlin", "U.S.", "Moscow", "NATO").

    Exact spelling first, then case-insensitively for forms that contain lowercase letters
    (so "us" stays unresolved while "china" is China).  Organisations resolve too, with
    kind="organisation".  Forms marked "~" in the data resolve here although they are not
    scanned in running text.
    """
    table = _actor_table()
    t = _norm(term).strip(" \t\"“”()[],;:")
    if not t:
        return None
    candidates = [t]
    stripped = _POSSESSIVE.sub("", t)
    if stripped != t and stripped:
        candidates.append(stripped)
    for c in list(candidates):
        if c.lower().startswith("the "):
            candidates.append(c[4:])
    for c in candidates:
        if c in table.exact:
            return table.exact[c]
    for c in candidates:
        ref = table.folded.get(_unaccent(c).casefold())
        if ref is not None:
            return ref
    return None


# ---------------------------------------------------------------- titles


@dataclass(frozen=True)
class _TitleTable:
    regex: re.Pattern[str]
    refs: dict[str, TitleRef | None]  # lowercase key -> ref (None: listed as not a title)


@functools.lru_cache(maxsize=1)
def _title_table() -> _TitleTable:
    refs: dict[str, TitleRef | None] = {}
    for row in _read_csv("sectors.csv"):
        pattern = _norm(row["pattern"]).lower()
        if not pattern:
            continue
        sector = (row.get("sector") or "").strip()
        ref = TitleRef(sector, (row.get("office") or "").strip(), pattern) if sector else None
        key = _unaccent(pattern)  # "chargé d'affaires" and "charge d'affaires" share a key
        if key in refs:
            prev = refs[key]
            if (prev and (prev.sector, prev.office)) != (ref and (ref.sector, ref.office)):
                raise ValueError(f"sectors.csv: pattern {key!r} listed twice with different codes")
            continue
        refs[key] = ref
    return _TitleTable(_compile(refs, re.IGNORECASE), refs)


@functools.lru_cache(maxsize=1)
def title_head_words() -> frozenset[str]:
    """First words of the title patterns ("chairman", "minister", "defense", "president"): a
    capitalised word like these standing alone is a title, not a personal name."""
    return frozenset(key.split()[0] for key, ref in _title_table().refs.items() if ref is not None)


def find_titles(text: str) -> list[tuple[int, int, TitleRef]]:
    """Titles and agencies ("Defense Minister", "Lt. Gen.", "riot police"), longest first,
    case-insensitive.  Phrases listed as not titles ("general election") consume their
    span and are not returned."""
    return list(_titles_in(text))


@functools.lru_cache(maxsize=_TEXT_CACHE)
def _titles_in(text: str) -> tuple[tuple[int, int, TitleRef], ...]:
    table = _title_table()
    out: list[tuple[int, int, TitleRef]] = []
    for m in table.regex.finditer(_fold(text)):
        ref = table.refs.get(_WS.sub(" ", m.group()).lower())
        if ref is not None:
            out.append((m.start(), m.end(), ref))
    return tuple(out)


# ---------------------------------------------------------------- misspellings and ethnic groups


@functools.lru_cache(maxsize=1)
def _fuzzy_forms() -> dict[str, tuple[str, ...]]:
    """Country names, short names, demonyms and adjectives of five letters or more, by first
    letter (capitals and seats are left out: a misspelt city is the place gazetteer's job)."""
    by_first: dict[str, set[tuple[str, str]]] = {}
    for c in _countries().values():
        for form in (c.name, *c.short_names, *c.demonyms, *c.adjectives):
            form = form.lstrip("~").strip()
            if len(form) >= 5 and " " not in form and form.isalpha():
                by_first.setdefault(form[0], set()).add((form, c.iso3))
    return {k: tuple(f"{f}\t{code}" for f, code in sorted(v)) for k, v in by_first.items()}


# Real words one edit off a country form that are not misspellings of it.
_FUZZY_NEVER = {"Guiana", "Guianas", "Samoans", "Serbians", "Romans", "Germane", "Indiana", "Indians", "Hungry"}


@functools.lru_cache(maxsize=_TEXT_CACHE)
def fuzzy_country(token: str) -> PlaceRef | None:
    """A misspelt one-word country name ("Ethopia", "Afganistan", "Phillippines", "Quatar's").

    Conservative on purpose: the token must be capitalised, at least six letters, unknown as
    written (to the country table and the place gazetteer: "Granada" is a Spanish city, not
    Grenada), share the first letter with the form, and be one edit (insertion, deletion,
    substitution or swap of two neighbours) away from exactly one country's forms. Given names
    one letter off a country ("Roland"/"Poland") differ in the first letter, so never match.
    """
    from rapidfuzz.distance import OSA

    word = _POSSESSIVE.sub("", _norm(token))
    if len(word) < 6 or not word.isalpha() or not word[0].isupper() or word.isupper():
        return None
    if lookup_country(word) is not None or word in _FUZZY_NEVER:
        return None
    from .places import place_country

    if place_country(word) is not None:
        return None
    hits: dict[str, str] = {}
    for entry in _fuzzy_forms().get(word[0], ()):
        form, code = entry.split("\t")
        if abs(len(form) - len(word)) <= 1 and OSA.distance(word, form) == 1:
            hits.setdefault(code, form)
    if len(hits) != 1:
        return None
    code, form = next(iter(hits.items()))
    ref = lookup_country(form)
    return PlaceRef(code, "country", word, (ref.how if ref else "name") if ref else "name")


@dataclass(frozen=True)
class EthnicGroup:
    name: str
    hosts: tuple[str, ...]  # states the group lives in, the main one first
    note: str


@functools.lru_cache(maxsize=1)
def _ethnic_groups() -> dict[str, EthnicGroup]:
    out: dict[str, EthnicGroup] = {}
    for row in _read_csv("ethnic_groups.csv"):
        hosts = _split(row["hosts"])
        if not hosts or any(h not in _countries() for h in hosts):
            raise ValueError(f"ethnic_groups.csv: bad hosts for {row['name']!r}: {row['hosts']!r}")
        g = EthnicGroup(row["name"].strip(), hosts, row.get("note", "").strip())
        for form in (g.name, *_split(row["forms"])):
            key = _norm(form)
            if key in out:
                raise ValueError(f"ethnic_groups.csv: form {key!r} listed twice")
            out[key] = g
    return out


def ethnic_group(token: str, fuzzy: bool = True) -> EthnicGroup | None:
    """An ethnic or regional people without a state of its own ("Yoruba", "Tamils", "Karen",
    "Hutu"), written as in the table; with `fuzzy`, also one edit off a form of seven letters
    or more with the same first letter ("Chenchen" -> Chechen)."""
    word = _POSSESSIVE.sub("", _norm(token))
    table = _ethnic_groups()
    if word in table:
        return table[word]
    if not fuzzy or len(word) < 7 or not word[:1].isupper() or lookup_country(word) is not None:
        return None
    from rapidfuzz.distance import OSA

    hits = {g.name: g for form, g in table.items()
            if len(form) >= 7 and form[0] == word[0] and abs(len(form) - len(word)) <= 1 and OSA.distance(form, word) == 1}
    return next(iter(hits.values())) if len(hits) == 1 else None
