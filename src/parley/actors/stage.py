"""actors: who is who on the page — states, organisations, people with their titles.

For every noun phrase in a parsed sentence that names an actor we build an `Actor`: country from a
country term, demonym, capital or seat of power in the phrase ("Chinese", "the Pentagon"), or from
the officeholder file, or from what the page said earlier about the same person; sector and office
from the title ("Defense Minister"); the person's canonical name from the officeholder file.

People are remembered across the page, so that "Secretary Austin", "Mr. Dong" and a transliteration
variant ("Dong Quan" after "Dong Jun") resolve to the person introduced earlier. Each actor records
how it was resolved. Role-at-date is finalised by the time stage, once the event's date is known.

Groups without a country word get one from where the phrase puts them ("security forces in
Guinea", "Darfur rebels", "doctors from American aid groups"), else the sentence's only country,
else -- for unidentified attackers -- the one country of the places the sentence sets the attack
in ("gunmen ... in Kabul"). Stateless peoples ("Yoruba leaders", "Tamil refugees") go to a host
state the sentence names (data/ethnic_groups.csv). Misspelt country names are corrected
conservatively (gazetteer.fuzzy_country). A town or region that is itself a participant
("tanks shelled Jericho") is an actor with office "place"; a place that only says where a verb
happened ("based in Geneva") is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from rapidfuzz import fuzz

from ..records import Actor, Document, Sentence

HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "mme", "dame", "lord", "sen.", "rep.", "gen.", "lt.", "col.", "adm.", "maj.", "capt."}
_NP_DEPS_IN = {"compound", "amod", "nmod", "det", "poss", "case", "appos", "nummod", "punct", "prep", "pobj", "cc", "conj", "flat", "quantmod", "advmod"}
_HEAD_SKIP_DEPS = {"compound", "nmod", "amod", "poss_case"}
_PRONOUNS = {"he", "she", "him", "her"}
# Offices held by one person (a title can stand for a known person of the page).
_PERSON_OFFICES = {
    "head_of_state", "head_of_government", "deputy_leader", "foreign_minister", "defense_minister",
    "interior_minister", "finance_minister", "minister", "deputy_minister", "org_head", "diplomat",
    "spokesperson", "legislator", "military_officer", "military_chief", "prosecutor", "party_leader",
    "former_official",
}
# Collective actors named by a common noun ("police", "rebels", "protesters").
_GROUP_OFFICES = {
    "military", "police", "intelligence", "judiciary", "party", "opposition", "rebel", "armed_group",
    "protester", "activist", "civilian", "refugee", "media", "business", "labor", "agriculture",
    "education", "medical", "religious", "criminal", "official",
}
# Nouns after a country adjective that name no actor ("Chinese food", "Russian language").
_NOT_GROUP_HEADS = {
    "language", "food", "cuisine", "time", "year", "month", "week", "day", "border", "territory",
    "waters", "airspace", "soil", "economy", "currency", "market", "history", "culture", "style",
    "version", "word", "name", "law", "constitution", "election", "side", "origin", "descent",
}
# Faiths and their adjectives: they name no state, and are not unknown proper names either.
_FAITH_WORDS = {
    "moslem", "moslems", "muslim", "muslims", "islamic", "islamist", "islamists", "christian", "christians",
    "jewish", "jew", "jews", "hindu", "hindus", "sikh", "sikhs", "buddhist", "buddhists", "catholic",
    "catholics", "protestant", "protestants", "orthodox", "shiite", "shiites", "shia", "shi'ite", "sunni",
    "sunnis", "evangelical", "evangelicals",
}
# Last words of names of institutions and installations, never of a person.
_INSTITUTION_WORDS = {"facility", "facilities", "plant", "reactor", "university", "college", "institute", "commission",
                      "committee", "council", "ministry", "agency", "company", "corporation", "bank", "hospital",
                      "airport", "school", "forum", "association", "union", "party", "front", "movement", "army"}
# Modifiers that make a capital an area of the city ("eastern Beirut"), not its government.
_AREA_WORDS = {"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
               "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "northeast",
               "northwest", "southeast", "southwest", "rural", "coastal", "downtown", "suburban"}
# Prepositions that only place an event ("signed in Algiers"); "at"/"on"/"to" may aim it.
_WHERE_PREPS = {"in", "near", "inside", "outside", "around"}
_LOCATIVE_PREPS = {"in", "at", "near", "from", "to", "into", "across", "outside", "inside", "around", "through", "on"}
# Nouns for a settlement or region: "the town of Samarra", "the Darfur region".
_PLACE_NOUNS = {"town", "city", "village", "region", "province", "district", "state", "capital", "port", "area", "county"}
# Capitalised words of titles that name no entity ("the Federal Minister", "the Interior Minister").
_TITLE_ADJECTIVES = {"federal", "national", "interior", "foreign", "home", "defence", "defense", "deputy", "chief",
                     "general", "supreme", "royal", "central", "provincial", "regional", "state", "acting", "senior"}
# Offices of unidentified attackers, coded to the country where they struck.
_ATTACKER_OFFICES = {"armed_group", "rebel", "criminal"}
_NON_STATE = {"IGO", "UNO", "EUR", "NGO", "IMG", "ISM"}
# A news dateline opening a sentence: an ALL-CAPS place, optionally a wire tag "(Reuters)", then
# up to three comma parts (state or country, date), then a dash or colon: "SIEM REAP, Cambodia,
# Nov. 22 - ...", "NEW DELHI: ...", "KYIV (Reuters) - ...". It says where the story was filed,
# never who acted, so no actor is read from it.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3})"
    r"(?:\s*\([A-Za-z][\w.&' ]{1,30}\))?"
    r"(?:\s*,\s*[A-Z][\w.'’\-]*(?:\s+[A-Za-z0-9][\w.'’\-]*){0,3}){0,3}?"
    r"(?:\s*\([A-Za-z][\w.&' ]{1,30}\))?"
    r"\s*(?:[—–]|-{1,2}|:)\s+(?=\S)"
)


_PAIR_HEADS = {"side", "minister", "leader", "country", "nation", "government", "delegation", "president",
               "official", "counterpart", "party", "commander", "army", "military", "diplomat", "envoy",
               "chief", "premier", "capital", "state", "negotiator", "team", "two"}


_GOVERNMENT_OF = {"administration", "government", "cabinet", "regime", "coalition"}


def is_pair_phrase(head: Any) -> bool:
    """"the two sides", "both ministers", "the two leaders", "the two": the parties the page
    has just named together (a meeting's participants), never a third country."""
    lemma = head.lemma_.lower()
    if lemma not in _PAIR_HEADS:
        return False
    if lemma == "two":
        return any(c.lower_ == "the" for c in head.children) and head.dep_ in ("nsubj", "nsubjpass")
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    return any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "amod") for c in head.children)


_KINGDOMS = frozenset({"SAU", "JOR", "MAR", "BHR", "GBR", "ESP", "NLD", "BEL", "SWE", "NOR", "DNK", "THA", "KHM", "BTN", "LSO", "SWZ", "TON"})
_GULF = frozenset({"SAU", "BHR", "KWT", "QAT", "OMN", "ARE"})
_ISLANDS = frozenset({"TWN", "JPN", "CUB", "LKA", "PHL", "SGP", "IDN", "MDV", "MDG", "MLT", "CYP", "ISL", "IRL", "NZL", "HTI", "DOM", "JAM", "FJI", "BHR", "MUS", "SYC", "TLS", "PNG", "BRN"})
# Descriptions news uses for a state already named: head lemma -> states, or (modifier, head).
_EPITHET_HEADS: dict[str, frozenset[str]] = {
    "kingdom": _KINGDOMS, "sultanate": frozenset({"OMN", "BRN"}), "emirate": frozenset({"QAT", "KWT"}),
    "north": frozenset({"PRK"}), "south": frozenset({"KOR"}),
}
_EPITHET_MODIFIED: dict[tuple[str, str], frozenset[str]] = {}
for _head in ("state", "nation", "country", "republic", "kingdom", "regime"):
    for _mod, _states in (
        ("jewish", frozenset({"ISR"})),
        ("communist", frozenset({"PRK", "CHN", "VNM", "LAO", "CUB"})), ("island", _ISLANDS),
        ("gulf", _GULF), ("himalayan", frozenset({"NPL", "BTN"})), ("hermit", frozenset({"PRK"})),
        ("reclusive", frozenset({"PRK"})), ("city", frozenset({"SGP"})),
    ):
        _EPITHET_MODIFIED[(_mod, _head)] = _states
# "the Islamic Republic" is Iran in English news ("the Islamic State" is the armed group).
_EPITHET_MODIFIED[("islamic", "republic")] = frozenset({"IRN"})


def epithet_states(head: Any) -> frozenset[str]:
    """States a definite description may stand for ("the kingdom", "the Gulf state", "the
    Islamic Republic", "the North" of a Korean page); empty when the phrase is no such epithet."""
    if not any(c.lower_ == "the" and c.dep_ == "det" for c in head.children):
        return frozenset()
    lemma = head.lemma_.lower() if head.tag_ not in ("NNS", "NNPS") else ""
    if head.lower_ in ("north", "south") and not head.text[0].isupper():
        return frozenset()
    if lemma in ("north", "south") and any(c.dep_ in ("amod", "compound") for c in head.children):
        return frozenset()
    mods = [c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i]
    for m in mods:
        hit = _EPITHET_MODIFIED.get((m.split("-")[0], lemma))
        if hit:
            return hit
    if any(c.dep_ == "prep" for c in head.children):
        return frozenset()  # "the kingdom of heaven", "the north of the country"
    return _EPITHET_HEADS.get(lemma, frozenset())


def dateline_end(text: str) -> int:
    """Length of a leading dateline in a sentence (0 when there is none).

    The place must be at least three letters of capitals and must not be an organisation's
    acronym ("NATO: ..." is an actor speaking, not a dateline)."""
    from ..reference.gazetteer import lookup_country

    m = _DATELINE.match(text)
    if m is None:
        return 0
    place = m.group("place")
    if sum(ch.isalpha() for ch in place) < 3:
        return 0
    ref = lookup_country(place)
    if ref is not None and ref.kind == "organisation":
        return 0
    return m.end()


@dataclass
class PersonEntry:
    name: str
    tokens: tuple[str, ...]
    country: str | None
    sector: str | None
    role: str | None
    office: str | None
    person_id: str | None
    aliases: set[str] = field(default_factory=set)


def _norm_tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in re.findall(r"[\w'-]+", name.lower()) if t not in {h.rstrip(".") for h in HONORIFICS})


@dataclass
class PageMemory:
    """What the page has said so far about people (mutable only within one document's stage)."""

    people: list[PersonEntry] = field(default_factory=list)
    last_subject_person: PersonEntry | None = None
    last_subject_sentence: int | None = None
    people_since_subject: int = 0  # other people named after the last subject person

    def match(self, name: str, country: str | None, office: str | None) -> tuple[PersonEntry | None, str]:
        toks = _norm_tokens(name)
        if not toks:
            return None, ""
        key = " ".join(toks)
        for p in self.people:
            if key == " ".join(p.tokens) or key in p.aliases:
                return p, "same-name"
        if "-" in name:
            # "Blin-ken": a line-break hyphen left in scraped text
            joined = name.replace("-", "").lower().split()[-1]
            hits = [p for p in self.people if p.tokens and p.tokens[-1] == joined]
            if len(hits) == 1:
                return hits[0], "dehyphenated"
        # Surname-only or partial ("Austin", "Mr. Dong"): every token of the mention occurs in
        # exactly one known person.
        sharing = [p for p in self.people if set(toks) & set(p.tokens) and self._compatible(p, country, office)]
        if len(sharing) == 1:
            p = sharing[0]
            if set(toks) <= set(p.tokens):
                return p, "surname"
            # A variant spelling: shares a name token (the family name) and nothing contradicts.
            others = [p2 for p2 in self.people if p2 is not p and set(toks) & set(p2.tokens)]
            if not others and len(toks) <= 3:
                return p, "variant-spelling"
        elif len(sharing) > 1:
            # Two people share the surname: only a close full-name match decides.
            scored = sorted(((fuzz.ratio(key, " ".join(p.tokens)), i) for i, p in enumerate(sharing)), reverse=True)
            if scored[0][0] >= 85 and (len(scored) == 1 or scored[0][0] - scored[1][0] >= 10):
                return sharing[scored[0][1]], "fuzzy-name"
        return None, ""

    @staticmethod
    def _compatible(p: PersonEntry, country: str | None, office: str | None) -> bool:
        if country and p.country and country != p.country:
            return False
        # Only two *personal* offices can contradict ("Defense Minister" vs "Prime Minister");
        # an institution in the phrase ("the Ministry of National Defense, Minister Dong") cannot.
        generic = ("minister", "official")
        if (office in _PERSON_OFFICES and p.office in _PERSON_OFFICES and office != p.office
                and office not in generic and p.office not in generic):
            return False
        return True


@dataclass(frozen=True)
class NounPhrase:
    text: str
    start: int  # char offsets within the sentence
    end: int
    country: str | None
    country_how: str | None
    sector: str | None
    office: str | None
    title: str | None
    person: str | None
    counterpart: bool
    plural_state: bool  # "the two countries", "both sides"
    ethnic: bool = False  # "ethnic Albanians": a group named by ethnicity, not a state
    org_sector: str | None = None  # default sector of an organisation named in the phrase
    ethnic_hosts: tuple[str, ...] = ()  # a stateless people named in the phrase: its host states
    term: str | None = None  # the country/organisation form that gave `country` (its org code for an organisation)
    patron_of: int | None = None  # token index of an "ally"/"proxy" whose possessor gave `country`


def np_tokens(head: Any) -> list[Any]:
    """The tokens of the noun phrase headed by `head`: modifiers, 'of' chains and appositions,
    never relative clauses, verbs or other conjuncts."""
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc"):
                continue
            if child.dep_ == "prep" and child.lower_ not in ("of",):
                continue
            # "Saudi-led coalition": the country word hangs off "led" as an adverbial noun
            led_by = child.dep_ == "npadvmod" and tok.dep_ == "amod" and tok.lower_ in _LED_WORDS
            if child.dep_ not in _NP_DEPS_IN and child.dep_ not in ("pcomp",) and not led_by:
                continue
            out.append(child)
            stack.append(child)
    toks = sorted(out, key=lambda t: t.i)
    # Keep the unbroken run of tokens around the head: a sentence-final "." attached to a head
    # the parser made the root ("Thousands of students protested in Dhaka.") must not stretch
    # the phrase over the clause that lies between.
    ids = {t.i for t in toks}
    lo = hi = head.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    toks = [t for t in toks if lo <= t.i <= hi]
    # A date the parser hung on a name as a compound ("On Wednesday Lavrov spoke") is no part
    # of the phrase.
    while len(toks) > 1 and toks[0].i != head.i and toks[0].ent_type_ == "DATE" and toks[0].dep_ in ("compound", "nmod", "npadvmod"):
        toks = toks[1:]
    while len(toks) > 1 and toks[-1].is_punct and toks[-1].i != head.i and toks[-1].text not in (")", "]"):
        toks.pop()
    return toks


def describe_np(head: Any) -> NounPhrase:
    from ..reference.gazetteer import find_actor_terms, find_titles, lookup_country

    toks = np_tokens(head)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    # Trim leading determiners/punctuation from the visible text.
    sent_text = head.doc.text
    text = sent_text[start:end].strip(" ,;:")
    ids = {t.i for t in toks}
    country = country_how = org_sector = None
    np_text = sent_text[start:end]
    # "anti-Syria", "pro-Russian": a stance towards a country, not membership of it.
    terms = [t for t in find_actor_terms(np_text)
             if not _STANCE_PREFIX.search(np_text[: t[0]]) and not _SPONSOR_SUFFIX.match(np_text[t[1]:])]
    # The term that is the head itself wins over modifiers: "NATO-member Norway" is Norway.
    head_at = head.idx - start
    on_head = [t for t in terms if t[0] <= head_at < t[1]]
    resident = _resident_country(head, terms, start)
    term = None
    for s, e, ref in on_head + terms:
        country, country_how = ref.code, ref.how
        org_sector = ref.sector or None
        term = ref.org or ref.matched
        break
    patron_of = _patron_head(toks, terms, start) if terms else None
    split_org = False
    if not terms:
        # The parser may split a multi-word organisation ("the rebel Kurdistan Workers' Party"
        # with "Workers" as a head of its own): a sentence-level organisation span covering the
        # head names it.
        head_abs = head.idx
        for s0, e0, ref in find_actor_terms(sent_text):
            if ref.kind == "organisation" and s0 <= head_abs < e0 and e0 - s0 > len(head.text):
                country, country_how, org_sector = ref.code, ref.how, ref.sector or None
                term = ref.org or ref.matched
                split_org = True
                break
    if not terms and country is None:
        fz = _fuzzy_country_in(toks)
        if fz is not None:
            country, country_how = fz.code, fz.how
    # Only "ethnic" modifying this head (or its modifier), not one inside an apposition.
    ethnic = any(t.lower_ == "ethnic" and head.i in (t.head.i, t.head.head.i) for t in toks)
    # "the Albanian population of the province", "the Serb minority": a people, not a state.
    ethnic = ethnic or (country_how in ("adjective", "demonym") and head.lemma_.lower() in _PEOPLE_HEADS)
    if resident is not None:
        # "Bosnian Serbs", "Iraqi Kurds": the people of one nation living in another state
        # are coded to the state they live in (the adjective), not their kin state.
        country, country_how, ethnic = resident, "adjective", False
    hosts: tuple[str, ...] = ()
    if country is None:
        hosts = _ethnic_hosts(head, toks)
    sector = office = title = None
    titles = find_titles(sent_text[start:end])
    if titles:
        # Prefer the most specific (longest) title in the phrase.
        s, e, tref = max(titles, key=lambda x: x[1] - x[0])
        sector, office, title = tref.sector, tref.office, sent_text[start + s : start + e]
    if split_org:
        sector = office = title = None  # "Workers" inside "Kurdistan Workers' Party" is no title
    person = None
    # doc.ents is rebuilt on every access: compute the person spans once per sentence.
    persons = head.doc.user_data.get("parley_person_ents")
    if persons is None:
        persons = head.doc.user_data["parley_person_ents"] = [e for e in head.doc.ents if e.label_ == "PERSON"]
    for ent in persons:
        if all(t.i in ids for t in ent):
            person = ent.text
            break
    if person is None and head.pos_ == "PROPN" and head.ent_type_ in ("", "PERSON", "ORG") and any(
        t.lower_ in HONORIFICS for t in toks
    ):
        # "Mr. Dong" may be missed by NER; an honorific makes it a person.
        names = [t.text for t in toks if t.pos_ == "PROPN" and t.lower_ not in HONORIFICS and t.i >= min(x.i for x in toks if x.lower_ in HONORIFICS)]
        person = " ".join(names) or None
    if person is None and head.pos_ == "PROPN":
        person = _name_without_ner(head, toks, title)
    if person:
        person = _strip_titles(person, title)
    if person and lookup_country(person) is not None:
        person = None  # the NER's "PERSON" on "Armenia" or "NATO": a state or an organisation
    if person and (all(w.lower() in _FAITH_WORDS for w in person.split())
                   or person.split()[-1].lower() in _INSTITUTION_WORDS):
        # the NER's PERSON on "Christian" or "Esfahan Uranium Conversion Facilities"
        person = None
    if person and _names_people(person, head):
        person = None  # "a Karen guerrilla stronghold": a people modifying a group, not a name
    counterpart = any(t.lemma_.lower() == "counterpart" for t in toks)
    plural_state = head.lemma_.lower() in ("country", "nation", "side", "power", "government", "state") and head.tag_ in ("NNS", "NNPS")
    return NounPhrase(text, start, end, country, country_how, sector, office, title, person, counterpart, plural_state,
                      ethnic, org_sector, hosts, term, patron_of)


_STANCE_PREFIX = re.compile(r"(?i)\b(?:anti|pro)-$")
# "Iranian-backed militias", "US-trained forces": a sponsor, not the group's own country
# ("Saudi-led coalition" keeps its leader's country).
_SPONSOR_SUFFIX = re.compile(r"(?i)-(?:backed|supported|funded|financed|trained|armed|sponsored|allied|aligned|friendly|leaning)\b")
# Heads of a body that a person's name may modify ("the Umma party", "Djindjic's coalition").
_NAMED_BODY_HEADS = {"party", "coalition", "movement", "front", "alliance", "bloc", "faction"}
_LED_WORDS = {"led", "backed", "supported", "funded", "financed", "trained", "armed", "sponsored", "allied", "aligned"}
# Heads that name a people rather than a state's organ ("the Albanian population").
_PEOPLE_HEADS = {"population", "minority", "minorities", "community", "communities", "diaspora", "enclave"}


def _resident_country(head: Any, terms: list[tuple[int, int, Any]], start: int) -> str | None:
    """"Bosnian Serbs", "Croatian Serb refugees", "Iraqi Kurds": a country adjective before a
    plural people noun (a demonym of another state) names where that people lives."""
    if len(terms) < 2:
        return None
    first, second = terms[0][2], terms[1][2]
    if first.kind != "country" or second.kind != "country" or first.code == second.code:
        return None
    if first.how != "adjective" or second.how != "demonym":
        return None
    # adjacent words: "Bosnian Serbs" (nothing but a space between the two terms)
    between = head.doc.text[start + terms[0][1] : start + terms[1][0]]
    if between.strip():
        return None
    second_word = head.doc.text[start + terms[1][0] : start + terms[1][1]]
    plural_people = second_word.endswith("s") and second_word[:1].isupper()
    modifier_people = any(t.text == second_word and t.i != head.i and t.dep_ in ("compound", "amod", "nmod") for t in head.children)
    return first.code if plural_people or modifier_people else None


# Heads naming a client of the possessor: "Israel's militia ally", "Iran's proxies" are not the
# possessor's own forces.
_PATRON_HEADS = {"ally", "proxy", "client", "surrogate"}


def _patron_head(toks: list[Any], terms: list[tuple[int, int, Any]], start: int) -> int | None:
    """The token of an "ally"/"proxy" noun whose possessor is the phrase's first country term
    ("the deputy chief of Israel's militia ally"), else None."""
    first = terms[0]
    for t in toks:
        if t.lemma_.lower() not in _PATRON_HEADS:
            continue
        for c in t.children:
            if c.dep_ == "poss" and first[0] <= c.idx - start < first[1] and first[2].kind == "country":
                return t.i
    return None


def _names_people(person: str, head: Any) -> bool:
    """A one-word "name" that is a stateless people modifying another noun ("Karen guerrilla
    stronghold", "Tamil rebels"): the NER's PERSON label is wrong there."""
    from ..reference.gazetteer import ethnic_group

    if len(person.split()) != 1 or head.text == person:
        return False
    return ethnic_group(person, fuzzy=False) is not None and any(
        t.text == person and t.dep_ in ("compound", "amod", "nmod") for t in head.subtree)


def _fuzzy_country_in(toks: list[Any]) -> Any:
    """A misspelt country among the phrase's proper nouns (never a person's name)."""
    from ..reference.gazetteer import fuzzy_country

    for t in toks:
        if t.pos_ == "PROPN" and t.ent_type_ != "PERSON":
            ref = fuzzy_country(t.text)
            if ref is not None:
                return ref
    return None


def _ethnic_hosts(head: Any, toks: list[Any]) -> tuple[str, ...]:
    """Host states of a stateless people named in the phrase ("Yoruba leaders", "Tamil
    refugees", "the Kurds"). A bare singular head is not taken ("Karen said" is a name)."""
    from ..reference.gazetteer import ethnic_group

    for t in toks:
        if t.i == head.i and not (t.tag_ in ("NNS", "NNPS") or t.text.endswith("s")):
            continue
        if t.ent_type_ == "PERSON" and t.i == head.i:
            continue
        g = ethnic_group(t.text, fuzzy=t.pos_ == "PROPN")
        if g is not None:
            return g.hosts
    return ()


def _name_without_ner(head: Any, toks: list[Any], title: str | None) -> str | None:
    """A person's name the NER missed: the run of proper nouns ending at the head, after any
    title and country words ("US Secretary of Defense Lloyd Austin" -> "Lloyd Austin"). Taken
    as a name when a title precedes it, or when the officeholder file knows the full name."""
    from ..reference.gazetteer import find_titles, lookup_country
    from ..reference.people import load_officeholders

    run: list[Any] = []
    for t in reversed([t for t in toks if t.i <= head.i]):
        if t.pos_ != "PROPN" or lookup_country(t.text) is not None or find_titles(t.text) or t.lower_ in HONORIFICS:
            break
        run.insert(0, t)
    if not run:
        return None
    name = " ".join(t.text for t in run)
    # A full name the officeholder file knows beats the NER's label (it tags some as FAC/ORG).
    if len(run) >= 2 and load_officeholders()._lookup_exact(name):
        return name
    if title and run[0].i > toks[0].i and head.ent_type_ not in ("GPE", "LOC", "FAC", "NORP"):
        return name
    return None


def _strip_titles(person: str, title: str | None) -> str:
    words = person.split()
    while words and (words[0].lower() in HONORIFICS or (title and words[0].lower() in title.lower().split())):
        words = words[1:]
    return " ".join(words) or person


# Head nouns of the proper names of organisations ("the Association of African Jurists", "the
# Third World Water Forum"). Such a name with no state in it and not in the gazetteer is a
# non-governmental body (PLOVER "country" NGO); a state word in it ("National Security Council")
# or a country ("Kenya Anti-Corruption Commission") keeps it a state body.
_ORG_NAME_HEADS = {"association", "forum", "committee", "commission", "council", "foundation", "institute",
                   "federation", "union", "league", "society", "watch", "network", "coalition", "alliance",
                   "centre", "center", "trust", "fund", "congress", "confederation", "organisation",
                   "organization", "group", "initiative", "campaign"}
_STATE_BODY_WORDS = {"national", "state", "federal", "supreme", "presidential", "royal", "central", "military",
                     "government", "governmental", "parliamentary", "provincial", "ministerial", "security",
                     "electoral", "election", "constitutional", "revolutionary", "senate", "house", "cabinet",
                     "municipal", "city", "county", "joint"}
# Words of an NGO's name that tell its sector (first hit wins); SOC otherwise, as organisations.csv.
_NGO_SECTOR_WORDS = (
    ({"jurist", "jurists", "lawyer", "lawyers", "bar", "legal", "law", "judges"}, "JUD"),
    ({"journalist", "journalists", "press", "media", "reporters", "editors", "broadcasters"}, "JRN"),
    ({"doctor", "doctors", "medical", "health", "physicians", "nurses"}, "MED"),
    ({"refugee", "refugees", "migrant", "migrants"}, "REF"),
    ({"farmer", "farmers", "peasant", "peasants", "agricultural"}, "AGR"),
    ({"worker", "workers", "labour", "labor", "trade", "mineworkers", "teachers'", "employees"}, "LAB"),
    ({"business", "employers", "industry", "industries", "chamber", "commerce", "manufacturers"}, "BUS"),
    ({"student", "students", "teachers", "university", "universities", "academic", "education"}, "EDU"),
    ({"church", "churches", "islamic", "muslim", "christian", "catholic", "jewish", "clergy", "bishops"}, "REL"),
)
# "a human rights group", "an aid agency", "a press-freedom watchdog": a common-noun NGO.
_NGO_COMMON_HEADS = {"group", "groups", "watchdog", "watchdogs", "charity", "charities", "organisation",
                     "organization", "organisations", "organizations", "ngo", "ngos", "agency", "agencies",
                     "campaigner", "campaigners"}
_NGO_COMMON_MODS = {"rights", "aid", "humanitarian", "relief", "charity", "advocacy", "environmental",
                    "campaign", "non-governmental", "nongovernmental", "non-profit", "nonprofit", "watchdog",
                    "freedom", "press-freedom", "conservation", "development"}
# Faith words with a transnational PLOVER actor code (ISM, used in the PLOVER gold for Muslims
# with no state): other faiths have no such code and stay unresolved without a place.
_ISLAM_WORDS = {"muslim", "muslims", "moslem", "moslems", "islamic", "islamist", "islamists"}
# Crowd nouns: a crowd with no country word is coded to the place the sentence puts it in.
_CROWD_HEADS = {"people", "person", "crowd", "crowds", "resident", "villager", "inhabitant", "citizen",
                "inmate", "prisoner", "detainee", "worker", "student", "demonstrator", "protester", "protestor"}
_CROWD_COUNTS = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions",
                 "scores", "tens", "crowd", "crowds", "group", "number"}
_INMATES = {"inmate", "prisoner", "detainee"}


# People-group nouns a faith word may modify ("Muslim hackers") besides the title table's groups.
_FAITH_GROUP_HEADS = {"hacker", "extremist", "radical", "fighter", "militant", "insurgent", "gunman", "preacher",
                      "scholar", "cleric", "leader", "youth", "pilgrim", "worshipper", "believer", "convert", "jihadist"}
# Leaders of a people who are no state's government: elites (ELI), as PLOVER codes "Yoruba leaders".
_ELITE_HEADS = {"leader", "elder", "chief", "chieftain", "notable", "dignitary", "figure"}


def _people_sector(np: NounPhrase, head: Any) -> str:
    # "a group of Yoruba leaders": the group is its members
    of = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    lead = of[0] if of and head.lemma_.lower() in _CROWD_COUNTS else head
    if lead.lemma_.lower() in _ELITE_HEADS and (np.sector in (None, "GOV")):
        return "ELI"
    return np.sector or "CVL"


def _ngo_sector(words: list[str]) -> str:
    for keys, sector in _NGO_SECTOR_WORDS:
        if any(w in keys for w in words):
            return sector
    return "SOC"


def _named_org_head(head: Any) -> Any:
    """The head of a proper-noun organisation name the phrase is, or is a member of ("Members of
    the Association of African Jurists"); None otherwise."""
    tok = head
    if head.lemma_.lower() in ("member", "delegation", "delegate", "representative") :
        pobj = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if not pobj:
            return None
        tok = pobj[0]
    if tok.pos_ != "PROPN" or tok.lower_ not in _ORG_NAME_HEADS or not tok.text[:1].isupper():
        return None
    # the name: capitalised modifiers before the head, and an "of" complement after it
    named = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i and c.text[:1].isupper()]
    of_obj = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "for", "on", "against")
              for o in p.children if o.dep_ == "pobj" and o.text[:1].isupper()]
    return tok if (named or of_obj) else None


def _crowd_noun(head: Any) -> Any:
    """"Hundreds of thousands of people", "crowds", "inmates": the crowd noun, else None."""
    tok = head
    for _ in range(3):
        if tok.lemma_.lower() in _CROWD_HEADS or tok.lower_ in _CROWD_HEADS:
            return tok
        if tok.lemma_.lower() not in _CROWD_COUNTS and tok.lower_ not in _CROWD_COUNTS:
            return None
        nxt = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if not nxt:
            return None
        tok = nxt[0]
    return None


def np_heads(sdoc: Any) -> Iterable[Any]:
    for tok in sdoc:
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.dep_ not in ("compound", "nmod", "amod"):
            yield tok


class PageActors:
    """Resolves noun phrases to Actors, remembering people across the page."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.memory = PageMemory()
        from ..reference.people import load_officeholders

        self.officeholders = load_officeholders()
        self.country_counts: dict[str, int] = {}
        self.last_seen: dict[str, int] = {}  # country -> latest sentence naming it
        # The page's date: places and movements that changed state (data/country_changes.csv)
        # are read as of it. None for undated text, where the sentence's own states decide.
        self.on = doc.article.published if doc.article else None

    def resolve(self, head: Any, sentence: Sentence) -> Actor | None:
        if head.lower_ in _PRONOUNS:
            return self._pronoun(head, sentence)
        np = describe_np(head)
        a_start, a_end = sentence.start + np.start, sentence.start + np.end
        if np.term and np.country:
            np = self._dated(np, head)
        if np.patron_of is not None:
            # "Israel's militia ally in southern Lebanon": the client is coded where it is
            # placed, not to its patron; with no place named, the patron is all we know.
            where, _ = self._located_in(head.doc[np.patron_of])
            if where is not None and where != np.country:
                return Actor(np.text, None, where, np.sector, np.title, np.office, None, a_start, a_end, "patron's-ally:located")
        if np.person and head.pos_ == "NOUN" and head.lemma_.lower() in _NAMED_BODY_HEADS and np.person.split()[-1] != head.text:
            # "Zoran Djindjic's opposition coalition", "the Umma party": a body named after or
            # led by a person is the body; its country is the leader's when the file knows it.
            entry, _ = self._from_officeholders(np)
            np = replace(np, person=None, country=np.country or entry.country,
                         country_how=np.country_how or ("leader" if entry.country else None))
            if np.country and np.country_how == "leader":
                return Actor(np.text, None, np.country, np.sector or "PTY", np.title, np.office, None, a_start, a_end, "leader's-body")
        if np.country is None and is_pair_phrase(head):
            return None  # the events stage pairs it with the page's current meeting
        epithet_words = {head.lower_} | {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
        if np.country is None and not np.title and (not np.person or all(w.lower() in epithet_words for w in np.person.split())):
            # "the Islamic Republic" is no person the NER-free parse may take it for
            code = self._epithet(head, np, sentence)
            if code is not None:
                self._note_country(code, sentence.index)
                return Actor(np.text, None, code, "GOV", None, None, None, a_start, a_end, "epithet")
        if np.country:
            self._note_country(np.country, sentence.index)
        if np.person and head.pos_ == "NOUN" and head.lemma_.lower() in _GOVERNMENT_OF and np.person.split()[-1] != head.text:
            # "the Bush administration", "the Netanyahu government": the state, not the person
            entry, _ = self._from_officeholders(np)
            if entry.country:
                return Actor(np.text, None, entry.country, "GOV", None, "government", None, a_start, a_end, "leader's-government")
        if np.person:
            return self._person_actor(np, a_start, a_end, head, sentence)
        if np.counterpart:
            # The time stage names the officeholder once the event's date is known.
            return Actor(np.text, None, np.country, np.sector, None, np.office, None, a_start, a_end, "counterpart")
        if head.lemma_.lower() == "settler" and any(c.lower_ in ("jewish", "israeli") for c in head.children):
            # "Jewish settlers in the West Bank city of Hebron": Israeli citizens, coded ISR
            # whatever place the phrase names (PLOVER practice)
            return Actor(np.text, None, "ISR", "CVL", np.title, np.office, None, a_start, a_end, "settlers")
        if np.country and np.country_how == "demonym" and head.tag_ in ("NNS", "NNPS") and not np.title:
            # "the Albanians of southern Serbia", "Kurds in Iraq": a people placed in another state.
            where, _ = self._located_in(head)
            if where is not None and where != np.country:
                return Actor(np.text, None, where, "CVL", None, None, None, a_start, a_end, "ethnic-group:located")
        if np.ethnic and np.country:
            # "ethnic Albanians in south Serbia": an ethnic group is coded to the state it lives
            # in (PLOVER practice), i.e. another country named in the sentence, not its kin state.
            where = self._located_in(head)[0]
            if where is None or where == np.country:
                where = self._locative_country(head.doc, exclude={np.country})
            where = where or self._context_country(head.doc.text, exclude={np.country}) or np.country
            how = "ethnic-group" if where != np.country else "ethnic-group:unplaced"
            return Actor(np.text, None, where, _people_sector(np, head), np.title, np.office, None, a_start, a_end, how)
        if (np.country and np.country_how == "capital" and not np.title and head.pos_ == "PROPN"
                and any(c.dep_ == "amod" and c.lower_ in _AREA_WORDS for c in head.children)):
            # "eastern Beirut", "central Baghdad": an area of the city, not the government seated there
            return Actor(np.text, None, np.country, None, None, "place", None, a_start, a_end, "place:area")
        if (np.country and np.country_how == "capital" and not np.title and head.dep_ == "pobj"
                and head.head.lower_ in _WHERE_PREPS and head.head.head.pos_ == "VERB"):
            # "the agreement signed in Algiers", "they met in Beijing": where it happened, not
            # the government seated there ("sanctions on Moscow", "a letter to Beijing" stay actors).
            # Still a place of the country: an attack "in the capital Kabul" targets it, and the
            # events stage decides by the resolution.
            return Actor(np.text, None, np.country, None, None, "place", None, a_start, a_end, "place")
        if np.country and (np.title or np.country_how in ("name", "short_name", "capital", "seat", "org", "demonym") or head.pos_ == "PROPN"):
            how = {"org": "organisation", "capital": "metonymy:capital", "seat": "metonymy:seat"}.get(np.country_how or "", "country-term")
            if np.title and np.office in _PERSON_OFFICES:
                # "the Chinese Defense Minister": a title without a name may be the page's known person.
                p, how2 = self._person_by_office(np.country, np.office)
                if p is not None:
                    return self._actor_from_person(p, np.text, a_start, a_end, "title:" + how2)
            sector = np.sector or (np.org_sector if np.country_how == "org" else "GOV")
            return Actor(np.text, None, np.country, sector, np.title, np.office, None, a_start, a_end, how)
        if np.country and np.country_how == "adjective" and head.pos_ == "NOUN" and head.lemma_.lower() not in _NOT_GROUP_HEADS:
            # "Palestinian prisoners", "Russian aircraft", "Iraqi youths": a group or asset of
            # that country; its sector comes from the title table when the noun is listed.
            return Actor(np.text, None, np.country, np.sector, np.title, np.office, None, a_start, a_end, "country-group")
        if np.country is None and np.ethnic_hosts:
            # "Yoruba leaders", "Tamil refugees", "Hutu rebels": a stateless people is coded to
            # the state it lives in -- a host state the sentence names, else its main one.
            where, how = self._located_in(head, prefer=set(np.ethnic_hosts))
            if where not in np.ethnic_hosts:
                named = self._sentence_countries(head.doc)
                where = next((c for c in named if c in np.ethnic_hosts), None)
                how = "ethnic-group:context" if where else "ethnic-group:main-host"
                where = where or np.ethnic_hosts[0]
            else:
                how = "ethnic-group:located"
            return Actor(np.text, None, where, _people_sector(np, head), np.title, np.office, None, a_start, a_end, how)
        if np.country is None and not np.ethnic_hosts:
            ngo = self._ngo(head, np, a_start, a_end)
            if ngo is not None:
                return ngo
            ism = self._islam_group(head, np, a_start, a_end)
            if ism is not None:
                return ism
        if np.title and np.office:
            if np.office in _PERSON_OFFICES:
                p, how2 = self._person_by_office(None, np.office)
                if p is not None:
                    return self._actor_from_person(p, np.text, a_start, a_end, "title:" + how2)
            if np.office in _GROUP_OFFICES or np.office in _PERSON_OFFICES or np.office in ("government", "ministry", "legislature"):
                # "police", "protesters", "rebels", "the prime minister" with no country in the
                # phrase: the country a place in the phrase names, else the sentence's only
                # country, else the page's dominant one; unknown otherwise.
                where, how = self._located_in(head)
                if where is None:
                    where, how = self._place_in_np(np.text, self._sentence_countries(head.doc))
                # A party or opposition with an unknown name is still a domestic actor: it
                # takes the sentence's one state ("the Azadliq opposition coalition ... in Baku").
                domestic = np.office in ("opposition", "party") or head.lemma_.lower() in ("party", "parties")
                if where is None and (domestic or not self._names_unknown_entity(head)):
                    where, how = self._context_country(head.doc.text, exclude=set(), only=True), "context:sentence"
                    if where is None and np.office in _ATTACKER_OFFICES:
                        where, how = self._locative_country(head.doc), "context:attack-place"
                    if where is None:
                        where, how = self._page_country(), "context:page"
                return Actor(np.text, None, where, np.sector, np.title, np.office, None, a_start, a_end,
                             "group" + (f"+{how}" if where else ""))
        if np.country is None and not np.person and not np.title:
            crowd = self._crowd(head, np, a_start, a_end)
            if crowd is not None:
                return crowd
        if head.lemma_.lower() in _PLACE_NOUNS and not np.person and not np.country:
            # "the Darfur region", "Sindh province": a region named by its modifier
            mods = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "LOC")]
            code = self._place_code(mods[0], set(self._sentence_countries(head.doc))) if mods else None
            if code:
                return Actor(np.text, None, code, None, None, "place", None, a_start, a_end, "place")
        if head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE_PREPS and head.head.head.pos_ in ("VERB", "AUX"):
            return None  # "diplomats based in Geneva", "clashed in Kabul": where, not who
        in_town_of = head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in _PLACE_NOUNS
        if head.pos_ == "PROPN" and (head.ent_type_ in ("GPE", "LOC") or in_town_of) and not np.person:
            # A town or region that is itself the target ("tanks shelled Jericho", "the strike
            # shut down Kathmandu"): PLOVER codes it to its country. The events stage decides
            # whether a place is a participant; the resolution says it is a place.
            code = self._place_code(head, set(self._sentence_countries(head.doc)))
            if code:
                return Actor(np.text, None, code, None, None, "place", None, a_start, a_end, "place")
        return None

    def _ngo(self, head: Any, np: NounPhrase, a_start: int, a_end: int) -> Actor | None:
        """A non-governmental body the gazetteer does not list: a proper-noun organisation name
        with no state in it ("the Third World Water Forum"), or a common-noun one ("a human
        rights group", "aid agencies")."""
        org = _named_org_head(head)
        if org is not None:
            name = [t for t in org.subtree if t.i <= org.i or t.dep_ in ("prep", "pobj", "compound", "amod", "nmod", "cc", "conj")]
            words = [t.lower_ for t in name if t.i >= min(x.i for x in name)]
            if any(w in _STATE_BODY_WORDS for w in words):
                return None  # "the National Security Council": a state body, its country from context
            if np.person and np.person.split()[-1].lower() not in _ORG_NAME_HEADS:
                return None
            if np.title and np.sector in ("GOV", "LEG", "JUD", "MIL", "COP", "SPY") and np.title.lower() != org.lower_:
                return None  # "the Senate Intelligence Committee": a title names a state office
            code = "IGO" if any(w in ("intergovernmental", "inter-governmental") for w in words) else "NGO"
            return Actor(np.text, None, code, _ngo_sector(words) if code == "NGO" else "GOV", None, None, None,
                         a_start, a_end, "organisation:name")
        if head.lower_ in _NGO_COMMON_HEADS and not np.person:
            mods = [t for t in head.subtree if t.i < head.i and t.dep_ in ("compound", "amod", "nmod", "npadvmod")]
            words = [t.lower_ for t in mods]
            if any(w in _NGO_COMMON_MODS for w in words):
                return Actor(np.text, None, "NGO", _ngo_sector(words), None, None, None, a_start, a_end, "organisation:common")
        return None

    def _islam_group(self, head: Any, np: NounPhrase, a_start: int, a_end: int) -> Actor | None:
        """"Muslim hackers", "Islamist militants" in a sentence that names or places no state:
        PLOVER's transnational code ISM (a group placed somewhere is coded there by the group path)."""
        if head.pos_ != "NOUN" or head.tag_ not in ("NNS", "NNPS") or np.person:
            return None
        if not any(c.dep_ in ("amod", "compound") and c.lower_ in _ISLAM_WORDS for c in head.children):
            return None
        if not (np.office in _GROUP_OFFICES or np.office in ("party_leader",) or head.lemma_.lower() in _FAITH_GROUP_HEADS):
            return None
        if self._located_in(head)[0] is not None or self._sentence_countries(head.doc):
            # "Islamic fundamentalists ... Algerian President": with a state in the sentence a
            # Muslim group is mostly that state's own (PLOVER practice); the group path decides.
            return None
        return Actor(np.text, None, "ISM", np.sector, np.title, np.office, None, a_start, a_end, "faith-group")

    def _crowd(self, head: Any, np: NounPhrase, a_start: int, a_end: int) -> Actor | None:
        """"Hundreds of thousands of people ... in Hong Kong", "inmates rioted at a jail in
        Dili": a crowd with no country word of its own belongs to the place it is in."""
        crowd = _crowd_noun(head)
        if crowd is None:
            return None
        counted = crowd is not head or any(c.dep_ in ("nummod", "quantmod") for c in crowd.children)
        if crowd.lemma_.lower() in ("people", "person") and not counted:
            return None  # "people familiar with the talks": a source, not a crowd
        where, how = self._located_in(crowd)
        if where is None and crowd is not head:
            where, how = self._located_in(head)
        if where is None:
            where, how = self._locative_country(head.doc), "event-place"
        if where is None:
            return None
        inmates = crowd.lemma_.lower() in _INMATES
        return Actor(np.text, None, where, "CRM" if inmates else "CVL", None, None if inmates else "civilian", None,
                     a_start, a_end, "crowd:" + (how or "located-in"))

    def modifier_actors(self, head: Any, sentence: Sentence) -> dict[int, Actor]:
        """Coordinated country modifiers ("US and British forces", "Hungarian and Romanian
        officials"): one actor per country, keyed by the modifier's token, sharing the head's
        sector and office. Empty unless two or more countries modify the head."""
        from ..reference.gazetteer import lookup_country

        mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod")]
        mods = mods + [cc for m in mods for cc in m.conjuncts if cc not in mods]
        found: dict[int, Actor] = {}
        np = None
        for m in mods:
            ref = lookup_country(m.text)
            if ref is None or ref.kind != "country":
                continue
            if np is None:
                np = describe_np(head)
            text = f"{m.text} {head.text}"
            start = sentence.start + m.idx
            found[m.i] = Actor(text, None, ref.code, np.sector, np.title, np.office, None, start,
                               sentence.start + head.idx + len(head.text), "coordinated-modifier")
        return found if len({a.country for a in found.values()}) >= 2 else {}

    # -- context -----------------------------------------------------------------------------

    def _note_country(self, code: str, sentence_index: int) -> None:
        self.country_counts[code] = self.country_counts.get(code, 0) + 1
        self.last_seen[code] = sentence_index

    def _epithet(self, head: Any, np: NounPhrase, sentence: Sentence) -> str | None:
        """"the kingdom", "the Islamic Republic", "the Jewish state", "the North": a state the
        page names by a description. The most recently named page state that fits it (another
        state of the same sentence is the last choice: "Riyadh ... the kingdom blamed Jordan"); a description that
        fits one state only names it anyway ("the Jewish state")."""
        fits = epithet_states(head)
        if not fits:
            return None
        named = set(self._sentence_countries(head.doc))
        seen = [(c not in named, self.last_seen[c], c) for c in fits if c in self.last_seen]
        if seen:
            return max(seen)[2]
        if head.lemma_.lower() in ("north", "south"):
            # "the North"/"the South" are the Koreas only on a page about Korea
            return next(iter(fits)) if {"KOR", "PRK"} & set(self.last_seen) else None
        if len(fits) == 1:
            return next(iter(fits))
        return None

    def _page_country(self) -> str | None:
        """The page's dominant country, if it has one: at least half of the country mentions
        so far and at least twice the runner-up."""
        counts = sorted(((n, c) for c, n in self.country_counts.items() if len(c) == 3 and c not in _NON_STATE), reverse=True)
        if not counts:
            return None
        total = sum(n for n, _ in counts)
        top_n, top = counts[0]
        runner = counts[1][0] if len(counts) > 1 else 0
        return top if top_n * 2 >= total and top_n >= 2 * runner and top_n >= 2 else None

    @staticmethod
    def _context_country(text: str, exclude: set[str], only: bool = False) -> str | None:
        """The first country named in the sentence outside `exclude` (an ethnic group's host
        state); with `only`, the sentence's one and only country (a bare title's or a group's
        state), None when it names several."""
        from ..reference.gazetteer import find_actor_terms

        # National organisations count as their country ("UNITA" says the page is about Angola).
        codes = [ref.code for s, e, ref in find_actor_terms(text)
                 if (ref.kind == "country" or (len(ref.code) == 3 and ref.code not in _NON_STATE))
                 and ref.code not in exclude and not _STANCE_PREFIX.search(text[:s]) and not _SPONSOR_SUFFIX.match(text[e:])]
        if only:
            return codes[0] if len(set(codes)) == 1 else None
        return codes[0] if codes else None

    @staticmethod
    def _names_unknown_entity(head: Any, person: str | None = None) -> bool:
        """The phrase names something we do not know ("Hamas", "the Karen"): its country is
        not the sentence's, so no context guess is made."""
        from ..reference.gazetteer import ethnic_group, find_titles, lookup_country

        for t in np_tokens(head):
            if t.lower_ in _FAITH_WORDS or t.lower_ in _TITLE_ADJECTIVES or ethnic_group(t.text, fuzzy=False) is not None:
                continue  # "Moslem demonstrators", "Tamil refugees": a faith or people, not a name
            if t.pos_ == "PROPN" and lookup_country(t.text) is None and not find_titles(t.text):
                if person is None or t.text not in person.split():
                    return True
        return False

    @staticmethod
    def _place_in_np(text: str, prefer: list[str] | None = None) -> tuple[str | None, str]:
        from ..reference.places import place_country

        for m in re.finditer(r"\b(?:in|of|from|near)\s+(?:the\s+)?((?:[A-Z][\w'-]+\s?){1,3})", text):
            code = place_country(m.group(1).strip(), prefer=set(prefer or ()))
            if code:
                return code, "place"
        return None, ""

    @staticmethod
    def _sentence_countries(sdoc: Any) -> list[str]:
        """Countries the sentence names (terms, then misspelt names), in order."""
        from ..reference.gazetteer import find_actor_terms

        codes = [ref.code for s, _, ref in find_actor_terms(sdoc.text)
                 if ref.kind == "country" and not _STANCE_PREFIX.search(sdoc.text[:s])]
        fz = _fuzzy_country_in(list(sdoc))
        if fz is not None:
            codes.append(fz.code)
        return codes

    def _located_in(self, head: Any, prefer: set[str] | None = None) -> tuple[str | None, str]:
        """The country of a place the phrase's head is located in: "security forces in Guinea",
        "rebels in northern Mali", "a missionary from Calgary", "militias in Tripoli" (the
        Lebanese one when the sentence speaks of Lebanon). Countries, capitals and cities."""
        from ..reference.gazetteer import lookup_country

        for mod in head.children:
            # "Darfur rebels", "Kabul police": a place named as the group's modifier
            if mod.dep_ == "compound" and mod.pos_ == "PROPN" and mod.ent_type_ in ("GPE", "LOC") and mod.i < head.i:
                code = self._place_code(mod, prefer or set(self._sentence_countries(head.doc)))
                if code:
                    return code, "place-modifier"
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "of", "from", "near", "at"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if prep.lower_ in ("from", "of"):
                    # "doctors from two American aid groups": the country of the group they are from
                    adj = [lookup_country(m.text) for m in obj.children if m.dep_ in ("amod", "compound") and m.i < obj.i]
                    adj_codes = {r.code for r in adj if r is not None and r.kind == "country"}
                    if len(adj_codes) == 1:
                        return adj_codes.pop(), "located-in"
                pref = prefer or set(self._sentence_countries(head.doc))
                # "from Sudan and Egypt": coordinated places in two states say no one state
                codes = {c for c in (self._place_code(o, pref) for o in (obj, *obj.conjuncts)) if c}
                if len(codes) == 1:
                    return codes.pop(), "located-in"
                if codes:
                    return None, ""
        return None, ""

    def _dated(self, np: NounPhrase, head: Any) -> NounPhrase:
        """Apply data/country_changes.csv to the phrase's country term: "Juba" is Sudan's
        before 9 July 2011 (by the page date, or for undated text when the sentence names
        Sudan and not South Sudan)."""
        from ..reference.gazetteer import find_actor_terms
        from ..reference.places import country_changes, country_on

        assert np.term
        if not country_changes(np.term):
            return np
        others = {ref.code for s, e, ref in find_actor_terms(head.doc.text)
                  if (ref.org or ref.matched) != np.term and len(ref.code) == 3 and ref.code not in _NON_STATE}
        code = country_on(np.term, self.on, others)
        return replace(np, country=code) if code and code != np.country else np

    def _place_code(self, tok: Any, prefer: set[str]) -> str | None:
        """Country of the place a noun (with its compounds) names: a country term, a misspelt
        country, a regional name, or a city/region of the place gazetteer."""
        from ..reference.gazetteer import fuzzy_country, lookup_country
        from ..reference.places import place_country

        parts = [t for t in tok.subtree if (t.dep_ in ("compound", "amod", "nmod") and t.head.i == tok.i) or t.i == tok.i]
        names = [" ".join(t.text for t in parts if t.pos_ == "PROPN" or t.i == tok.i)]
        if tok.ent_type_ in ("GPE", "LOC"):
            names += [t.text for t in parts if t.pos_ == "PROPN"]
        for name in names:
            if not name or not name[:1].isupper():
                continue
            ref = lookup_country(name)
            if ref is not None and ref.kind == "country":
                if ref.how == "capital" and (prefer or self.on):
                    # "Tripoli" in a sentence about Lebanon is the Lebanese port
                    # (the capital's own mention does not count as evidence for its country)
                    return place_country(name, prefer=prefer - {ref.code}, on=self.on) or ref.code
                return ref.code
            code = place_country(name, prefer=prefer or None, on=self.on)
            if code:
                return code
            ref = fuzzy_country(name)
            if ref is not None:
                return ref.code
        return None

    def _locative_country(self, sdoc: Any, exclude: set[str] | None = None) -> str | None:
        """The one country of the places the sentence puts its event in ("in Kabul", "near
        Samarra", "in Iraq"): where unidentified attackers struck is whose they are coded to."""
        found: set[str] = set()
        for tok in sdoc:
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "near", "at") and tok.pos_ == "PROPN":
                code = self._place_code(tok, set())
                if code and code not in (exclude or set()):
                    found.add(code)
        return found.pop() if len(found) == 1 else None

    def _pronoun(self, head: Any, sentence: Sentence) -> Actor | None:
        """he/she/him/her -> the last person who was a grammatical subject, but only when that
        was in this or the previous sentence and no other person was named since (otherwise
        the antecedent is a guess)."""
        p = self.memory.last_subject_person
        if p is None or self.memory.last_subject_sentence is None:
            return None
        if sentence.index - self.memory.last_subject_sentence > 1 or self.memory.people_since_subject > 0:
            return None
        if head.lower_ in ("he", "she") and head.dep_ not in ("nsubj", "nsubjpass"):
            return None
        return self._actor_from_person(p, head.text, sentence.start + head.idx, sentence.start + head.idx + len(head.text), "pronoun")

    def _person_by_office(self, country: str | None, office: str | None) -> tuple[PersonEntry | None, str]:
        if not office:
            return None, ""
        found = [p for p in self.memory.people if p.office == office and (country is None or p.country == country)]
        return (found[-1], "same-office") if len(found) == 1 else (None, "")

    def _person_actor(self, np: NounPhrase, start: int, end: int, head: Any, sentence: Sentence) -> Actor:
        assert np.person
        entry, how = self.memory.match(np.person, np.country, np.office)
        if entry is None:
            entry, how = self._from_officeholders(np)
            if entry.country is None and np.title and np.office and np.office != "religious":
                # "Prime Minister Iyad Allawi" in a sentence about Iraq, "Judge X" opening a
                # fraud inquiry into Chilean officials: the title's state is where the phrase
                # places the person, else the sentence's only country, else the page's dominant one.
                where, how2 = self._located_in(head)
                where = where or self._context_country(head.doc.text, exclude=set(), only=True) or self._page_country()
                if where is not None:
                    entry.country = where
                    how = "page+located-in" if how2 else "page+context-country"
            self.memory.people.append(entry)
        else:
            # Learn what this mention adds (a title or country the first mention lacked).
            entry.country = entry.country or np.country
            entry.office = entry.office or np.office
            entry.sector = entry.sector or np.sector
            entry.role = entry.role or np.title
            entry.aliases.add(" ".join(_norm_tokens(np.person)))
        if head.dep_ in ("nsubj", "nsubjpass"):
            self.memory.last_subject_person = entry
            self.memory.last_subject_sentence = sentence.index
            self.memory.people_since_subject = 0
        elif entry is not self.memory.last_subject_person:
            self.memory.people_since_subject += 1
        return self._actor_from_person(entry, np.text, start, end, how)

    def _from_officeholders(self, np: NounPhrase) -> tuple[PersonEntry, str]:
        assert np.person
        pub = self.doc.article.published if self.doc.article else None
        terms = self.officeholders.find_person(np.person, on=None, country=np.country)
        ids = {t.person_id for t in terms}
        if len(ids) == 1:
            t = terms[0]
            # Prefer the term matching the office the page gives, else the one active at page date.
            pick = next((x for x in terms if np.office and x.office == np.office), None)
            if pick is None and pub:
                pick = next((x for x in terms if x.start <= pub and (x.end is None or pub <= x.end)), None)
            t = pick or t
            return PersonEntry(t.name, _norm_tokens(t.name), t.country, np.sector or t.sector, np.title or t.role, np.office or t.office, t.person_id, {" ".join(_norm_tokens(np.person))}), "officeholders"
        if not ids and np.country is None:
            # "President Bush" with no date: two presidents share the name, but one country
            countries = self.officeholders.candidate_countries(np.person)
            if len(countries) == 1:
                return PersonEntry(np.person, _norm_tokens(np.person), countries.pop(), np.sector or "GOV", np.title, np.office, None), "officeholders:country-only"
        return PersonEntry(np.person, _norm_tokens(np.person), np.country, np.sector, np.title, np.office, None), "page"

    @staticmethod
    def _actor_from_person(p: PersonEntry, text: str, start: int, end: int, how: str) -> Actor:
        return Actor(text, p.name, p.country, p.sector, p.role, p.office, p.person_id, start, end, how)


@dataclass(frozen=True)
class ResolvedSentence:
    sentence: Sentence
    actors_by_head: dict[int, Actor]  # token index -> actor


def resolve_document(doc: Document) -> tuple[PageActors, dict[int, dict[int, Actor]]]:
    pa = PageActors(doc)
    per_sentence: dict[int, dict[int, Actor]] = {}
    parsed = (doc.cache or {}).get("parsed", {})
    for sent in doc.sentences:
        sdoc = parsed.get(sent.index)
        if sdoc is None:
            continue
        found: dict[int, Actor] = {}
        dateline = dateline_end(sent.text)
        for head in np_heads(sdoc):
            if head.idx < dateline:
                continue  # the dateline's place is where the story was filed, not an actor
            actor = pa.resolve(head, sent)
            if actor is not None:
                found[head.i] = actor
            # "the Turkish and Greek sides": one actor per coordinated country, even when the
            # head alone names no actor
            for i, part in pa.modifier_actors(head, sent).items():
                found.setdefault(i, part)
        per_sentence[sent.index] = found
    return pa, per_sentence


def run(doc: Document) -> Document:
    resolver, per_sentence = resolve_document(doc)
    actors = tuple(tuple(per_sentence.get(s.index, {}).values()) for s in doc.sentences)
    return replace(doc, actors=actors, cache={**(doc.cache or {}), "actors": per_sentence, "resolver": resolver})
