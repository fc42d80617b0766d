"""The actor rules: an ordered, named table read by `PageActors.resolve`.

Each rule looks at one noun-phrase head (a `Mention`) and returns an `Actor` (the phrase names
it: stop), `NO_ACTOR` (the phrase names no actor: stop), or None (the rule does not apply: go
on). A few rules only refine the phrase for the rules after them (`date-the-term`, `note-country`)
and always return None. The first rule that decides wins, so ORDER MATTERS: a rule placed earlier
overrides every later one for the phrases it matches, as the comments on the table say.

To add a rule: write a function here with a docstring that gives its example phrase, and put a
row for it in `ACTOR_RULES` at the point where it must win over the rules after it; then run
`parley actors-eval` and `parley eval ../shared/eval/plover` and compare.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, Final

from ..annotate.nlp import text_of, token_at
from ..records import Actor, Sentence
from .groups import crowd_noun, named_org_head, ngo_sector, people_sector
from .phrases import NounPhrase, describe_np, group_size, is_pair_phrase
from .words import (
    AREA_WORDS, ATTACKER_OFFICES, CROWD_OFFICES, FAITH_GROUP_HEADS, GOVERNMENT_OF, GROUP_OFFICES, INMATES, ISLAM_WORDS,
    NAMED_BODY_HEADS, NGO_COMMON_HEADS, NGO_COMMON_MODS, NOT_GROUP_HEADS, ORG_NAME_HEADS, PERSON_OFFICES,
    PLACE_NOUNS, PRONOUNS, STATE_BODY_WORDS, VERB_SETTING_PREPS, WHERE_PREPS,
)

if TYPE_CHECKING:
    from .resolver import PageActors


class _NoActor:
    """A rule's verdict that the phrase names no actor (later rules are not asked)."""

    def __repr__(self) -> str:
        return "NO_ACTOR"


NO_ACTOR: Final = _NoActor()
Verdict = Actor | _NoActor | None


class Mention:
    """One noun-phrase head being resolved, with what the rules have read of it so far."""

    def __init__(self, page: "PageActors", head: Any, sentence: Sentence) -> None:
        self.page = page
        self.head = head
        self.sentence = sentence

    @cached_property
    def np(self) -> NounPhrase:
        """The phrase read by `describe_np` (read once; a refining rule may replace it)."""
        return describe_np(self.head)

    @cached_property
    def start(self) -> int:
        return self.sentence.start + self.np.start

    @cached_property
    def end(self) -> int:
        return self.sentence.start + self.np.end

    def actor(self, country: str | None, sector: str | None, how: str, *, title: str | None = None,
              office: str | None = None) -> Actor:
        """An actor for the whole phrase, with no person name."""
        return Actor(self.np.text, None, country, sector, title, office, None, self.start, self.end, how)


@dataclass(frozen=True)
class ActorRule:
    name: str
    decide: Callable[[Mention], Verdict]

    @property
    def doc(self) -> str:
        return (self.decide.__doc__ or "").strip()


# -- people and pronouns -------------------------------------------------------------------------


def pronoun(m: Mention) -> Verdict:
    """he/she/him/her: the last person who was a subject, when that is safe (else no actor).
    "Austin met Dong. He said ..." -> He = Lloyd Austin."""
    if m.head.lower_ not in PRONOUNS:
        return None
    return m.page.pronoun(m.head, m.sentence) or NO_ACTOR


def date_the_term(m: Mention) -> Verdict:
    """Refines: the phrase's country term read as of the page date (data/country_changes.csv).
    "Juba" on a 2010 page -> SDN, on a 2012 page -> SSD."""
    if m.np.term and m.np.country:
        m.np = m.page.dated(m.np, m.head)
    return None


def patrons_ally(m: Mention) -> Verdict:
    """A client named through its patron is coded where it is placed.
    "Israel's militia ally in southern Lebanon" -> LBN (with no place: the patron, by later rules)."""
    np = m.np
    if np.patron_of is None:
        return None
    where, _ = m.page.located_in(m.head.doc[np.patron_of])
    if where is not None and where != np.country:
        return m.actor(where, np.sector, "patron's-ally:located", title=np.title, office=np.office)
    return None


def leaders_body(m: Mention) -> Verdict:
    """A party or coalition named after or led by a person is the body, in the leader's country.
    "Zoran Djindjic's opposition coalition" -> SRB, sector PTY. Refines the phrase (no person)
    when the leader's country is unknown."""
    np, head = m.np, m.head
    if not (np.person and head.pos_ == "NOUN" and head.lemma_.lower() in NAMED_BODY_HEADS
            and np.person.split()[-1] != head.text):
        return None
    entry, _ = m.page.from_officeholders(np)
    m.np = np = replace(np, person=None, country=np.country or entry.country,
                        country_how=np.country_how or ("leader" if entry.country else None))
    if np.country and np.country_how == "leader":
        return m.actor(np.country, np.sector or "PTY", "leader's-body", title=np.title, office=np.office)
    return None


def pair_phrase(m: Mention) -> Verdict:
    """"the two sides", "both ministers", "the three leaders": no actor here; the events stage
    reads the phrase as the parties the page has just named."""
    if m.np.country is None and (is_pair_phrase(m.head) or group_size(m.head) is not None):
        return NO_ACTOR
    return None


def epithet(m: Mention) -> Verdict:
    """A description of a state the page named: "the kingdom" after Riyadh -> SAU, "the Jewish
    state" -> ISR, "the Islamic Republic" -> IRN (not a person the NER-free parse may see)."""
    np, head = m.np, m.head
    epithet_words = {head.lower_} | {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
    if np.country is not None or np.title or (np.person and not all(w.lower() in epithet_words for w in np.person.split())):
        return None
    code = m.page.epithet(head, np, m.sentence)
    if code is None:
        return None
    m.page.note_country(code, m.sentence.index)
    return m.actor(code, "GOV", "epithet")


def note_country(m: Mention) -> Verdict:
    """Refines the page: a phrase with a country counts towards the page's countries (which the
    page-country and epithet rules read). "the Chinese ministry" -> CHN seen once more."""
    if m.np.country:
        m.page.note_country(m.np.country, m.sentence.index)
    return None


def leaders_government(m: Mention) -> Verdict:
    """A leader's name before "administration"/"government" stands for the state.
    "the Bush administration" -> USA, office government."""
    np, head = m.np, m.head
    if not (np.person and head.pos_ == "NOUN" and head.lemma_.lower() in GOVERNMENT_OF and np.person.split()[-1] != head.text):
        return None
    entry, _ = m.page.from_officeholders(np)
    if entry.country:
        return m.actor(entry.country, "GOV", "leader's-government", office="government")
    return None


def known_surname(m: Mention) -> Verdict:
    """Refines: a name the NER tagged as no one, naming a person the page has named.
    "U.S. President Donald Trump ...", later "Trump met with Kim" (sentence-initial, untagged)."""
    from ..reference.gazetteer import lookup_country

    np, head = m.np, m.head
    if np.person or np.title or np.country or not _name_like(head) or head.ent_type_ not in ("", "PERSON"):
        return None
    run = [t for t in head.doc[_np_first(head):head.i + 1] if _name_like(t)]
    if not run or run[-1].i != head.i or any(t.ent_type_ not in ("", "PERSON") for t in run):
        return None
    name = " ".join(t.text for t in run)
    if lookup_country(name) is not None:
        return None
    entry, how = m.page.memory.match(name, None, None)
    if entry is not None and how in ("same-name", "surname"):
        m.np = replace(np, person=name)
    return None


def _name_like(tok: Any) -> bool:
    """A proper noun, or a capitalised word the tagger read as a common noun ("Trump", "Rice")."""
    if not tok.text[:1].isalpha():
        return False
    return tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.is_upper)


def _np_first(head: Any) -> int:
    """The first token of the name-like run that ends at `head` (its compound modifiers)."""
    i = head.i
    while i > 0 and _name_like(head.doc[i - 1]) and head.doc[i - 1].head.i == head.i and head.doc[i - 1].dep_ == "compound":
        i -= 1
    return i


def person(m: Mention) -> Verdict:
    """A named person: the page's earlier mention, the officeholder file, or the page's context.
    "US Secretary of Defense Lloyd Austin", later "Austin" -> the same person, USA."""
    if not m.np.person:
        return None
    return m.page.person_actor(m.np, m.start, m.end, m.head, m.sentence)


def counterpart(m: Mention) -> Verdict:
    """"his Chinese counterpart": the time stage names the officeholder at the event's date."""
    np = m.np
    if not np.counterpart:
        return None
    return m.actor(np.country, np.sector, "counterpart", office=np.office)


def settlers(m: Mention) -> Verdict:
    """"Jewish settlers in the West Bank city of Hebron": Israeli citizens, ISR whatever place the
    phrase names (PLOVER practice)."""
    head, np = m.head, m.np
    if head.lemma_.lower() == "settler" and any(c.lower_ in ("jewish", "israeli") for c in head.children):
        return m.actor("ISR", "CVL", "settlers", title=np.title, office=np.office)
    return None


def people_placed_abroad(m: Mention) -> Verdict:
    """A people named by demonym and placed in another state: "Kurds in Iraq" -> IRQ, "the
    Albanians of southern Serbia" -> SRB."""
    np, head = m.np, m.head
    if not (np.country and np.country_how == "demonym" and head.tag_ in ("NNS", "NNPS") and not np.title):
        return None
    where, _ = m.page.located_in(head)
    if where is not None and where != np.country:
        return m.actor(where, "CVL", "ethnic-group:located")
    return None


def ethnic_group(m: Mention) -> Verdict:
    """An ethnic group is coded to the state it lives in, another country the sentence names,
    not its kin state: "ethnic Albanians in south Serbia" -> SRB."""
    np, head, page = m.np, m.head, m.page
    if not (np.ethnic and np.country):
        return None
    where = page.located_in(head)[0]
    if where is None or where == np.country:
        where = page.locative_country(head.doc, exclude={np.country})
    where = where or page.context_country(text_of(head.doc), exclude={np.country}) or np.country
    how = "ethnic-group" if where != np.country else "ethnic-group:unplaced"
    return m.actor(where, people_sector(np, head), how, title=np.title, office=np.office)


def capital_area(m: Mention) -> Verdict:
    """"eastern Beirut", "central Baghdad": an area of the city (a place), not the government."""
    np, head = m.np, m.head
    if (np.country and np.country_how == "capital" and not np.title and head.pos_ == "PROPN"
            and any(c.dep_ == "amod" and c.lower_ in AREA_WORDS for c in head.children)):
        return m.actor(np.country, None, "place:area", office="place")
    return None


def capital_as_setting(m: Mention) -> Verdict:
    """A capital that says where a verb happened is a place, not its government: "the agreement
    signed in Algiers", "they met in Beijing" ("sanctions on Moscow", "a letter to Beijing" stay
    actors). Still a place of the country: an attack "in the capital Kabul" targets it, and the
    events stage decides by the resolution."""
    np, head = m.np, m.head
    if (np.country and np.country_how == "capital" and not np.title and head.dep_ == "pobj"
            and head.head.lower_ in WHERE_PREPS and head.head.head.pos_ == "VERB"):
        return m.actor(np.country, None, "place", office="place")
    return None


def country_term(m: Mention) -> Verdict:
    """A state or organisation named in the phrase, or its title: "China", "the Pentagon"
    (metonymy:seat), "Beijing" (metonymy:capital), "NATO" (organisation), "the Chinese Defense
    Minister" (the page's known minister when there is one)."""
    np, head, page = m.np, m.head, m.page
    if not (np.country and (np.title or np.country_how in ("name", "short_name", "capital", "seat", "org", "demonym")
                            or head.pos_ == "PROPN")):
        return None
    how = {"org": "organisation", "capital": "metonymy:capital", "seat": "metonymy:seat"}.get(np.country_how or "", "country-term")
    if np.title and np.office in PERSON_OFFICES:
        p, how2 = page.person_by_office(np.country, np.office)
        if p is not None:
            return page.actor_from_person(p, np.text, m.start, m.end, "title:" + how2)
    sector = np.sector or (np.org_sector if np.country_how == "org" else "GOV")
    return m.actor(np.country, sector, how, title=np.title, office=np.office)


def country_group(m: Mention) -> Verdict:
    """A group or asset of a country named by its adjective: "Palestinian prisoners", "Russian
    aircraft", "Iraqi youths" (sector from the title table when the noun is listed)."""
    np, head = m.np, m.head
    if not (np.country and np.country_how == "adjective" and head.pos_ == "NOUN"):
        return None
    if head.lemma_.lower() not in NOT_GROUP_HEADS:
        return m.actor(np.country, np.sector, "country-group", title=np.title, office=np.office)
    if head.lemma_.lower() == "side" and _side_as_party(head):
        # "the Chinese side said", "talks with the Russian side": the state's delegation
        return m.actor(np.country, np.sector or "GOV", "country-group:side", title=np.title, office=np.office)
    return None


def _side_as_party(head: Any) -> bool:
    """"side" as a party to the clause (its subject, or the object of "with"/"by"/"to"/"from"),
    not a place ("on the Russian side of the border")."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return False
    tok = head
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("with", "by", "to", "from")


def stateless_people(m: Mention) -> Verdict:
    """A stateless people is coded to the state it lives in: a host state the sentence names,
    else its main one. "Yoruba leaders" -> NGA (ELI), "Tamil refugees in India" -> IND."""
    np, head, page = m.np, m.head, m.page
    if not (np.country is None and np.ethnic_hosts):
        return None
    where, how = page.located_in(head, prefer=set(np.ethnic_hosts))
    if where not in np.ethnic_hosts:
        named = page.sentence_countries(head.doc)
        where = next((c for c in named if c in np.ethnic_hosts), None)
        how = "ethnic-group:context" if where else "ethnic-group:main-host"
        where = where or np.ethnic_hosts[0]
    else:
        how = "ethnic-group:located"
    return m.actor(where, people_sector(np, head), how, title=np.title, office=np.office)


def ngo(m: Mention) -> Verdict:
    """A non-governmental body the gazetteer does not list: a proper-noun organisation name with
    no state in it ("the Third World Water Forum" -> NGO), or a common-noun one ("a human rights
    group", "aid agencies" -> NGO). "the National Security Council" stays a state body."""
    np, head = m.np, m.head
    if np.country is not None or np.ethnic_hosts:
        return None
    org = named_org_head(head)
    if org is not None:
        name = [t for t in org.subtree if t.i <= org.i or t.dep_ in ("prep", "pobj", "compound", "amod", "nmod", "cc", "conj")]
        words = [t.lower_ for t in name if t.i >= min(x.i for x in name)]
        if any(w in STATE_BODY_WORDS for w in words):
            return None  # a state body, its country from context
        if np.person and np.person.split()[-1].lower() not in ORG_NAME_HEADS:
            return None
        if np.title and np.sector in ("GOV", "LEG", "JUD", "MIL", "COP", "SPY") and np.title.lower() != org.lower_:
            return None  # "the Senate Intelligence Committee": a title names a state office
        code = "IGO" if any(w in ("intergovernmental", "inter-governmental") for w in words) else "NGO"
        return m.actor(code, ngo_sector(words) if code == "NGO" else "GOV", "organisation:name")
    if head.lower_ in NGO_COMMON_HEADS and not np.person:
        mods = [t for t in head.subtree if t.i < head.i and t.dep_ in ("compound", "amod", "nmod", "npadvmod")]
        words = [t.lower_ for t in mods]
        if any(w in NGO_COMMON_MODS for w in words):
            return m.actor("NGO", ngo_sector(words), "organisation:common")
    return None


def muslim_group(m: Mention) -> Verdict:
    """"Muslim hackers", "Islamist militants" in a sentence that names or places no state:
    PLOVER's transnational code ISM. With a state in the sentence a Muslim group is mostly that
    state's own (PLOVER practice), and the office-group rule decides."""
    np, head, page = m.np, m.head, m.page
    if np.country is not None or np.ethnic_hosts:
        return None
    if head.pos_ != "NOUN" or head.tag_ not in ("NNS", "NNPS") or np.person:
        return None
    if not any(c.dep_ in ("amod", "compound") and c.lower_ in ISLAM_WORDS for c in head.children):
        return None
    if not (np.office in GROUP_OFFICES or np.office in ("party_leader",) or head.lemma_.lower() in FAITH_GROUP_HEADS):
        return None
    if page.located_in(head)[0] is not None or page.sentence_countries(head.doc):
        return None
    return m.actor("ISM", np.sector, "faith-group", title=np.title, office=np.office)


def title_as_known_person(m: Mention) -> Verdict:
    """A bare personal title is the page's one known holder of that office: "the defense
    minister" after "Defense Minister Dong Jun" -> Dong Jun."""
    np, page = m.np, m.page
    if not (np.title and np.office and np.office in PERSON_OFFICES):
        return None
    p, how = page.person_by_office(None, np.office)
    return page.actor_from_person(p, np.text, m.start, m.end, "title:" + how) if p is not None else None


# Possessive pronouns whose owner is a party the passage named ("its navy", "their troops").
_OWNER_PRONOUNS = frozenset({"its", "their"})
_PERSON_OWNER_PRONOUNS = frozenset({"his", "her"})
_PRONOUN_SUBJECTS = frozenset({"it", "they"})


def _is_office_phrase(np: NounPhrase) -> bool:
    """A titled office or group ("police", "the navy", "the defence minister"): the phrases
    `office-group` and `owner-pronoun` read."""
    return bool(np.title and np.office and (np.office in GROUP_OFFICES or np.office in PERSON_OFFICES
                                            or np.office in ("government", "ministry", "legislature")))


def _state_subject(subj: Any) -> str | None:
    """The one state or organisation a subject names by itself ("Indonesia", "Jakarta", "the
    Indonesian navy"), or None (a person, two parties, a group of no country)."""
    if subj.conjuncts:
        return None
    np = describe_np(subj)
    return np.country if np.country and not np.person and not np.plural_state else None


def _antecedent_state(head: Any, owner: Any, prev: Any) -> str | None:
    """The state an "its"/"their" owner stands for: the subject of the nearest clause above the
    phrase that has one before the pronoun (through "it"/"they" to theirs); through a
    to-infinitive, the controlling verb's object ("asked Japan to withdraw its ships"); with no
    subject above it in the sentence, the previous sentence's main subject."""
    tok = head
    while tok.head.i != tok.i:
        clause = tok.head
        if clause.pos_ in ("VERB", "AUX"):
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != head.i), None)
            if subj is None and clause.dep_ == "xcomp":
                subj = next((c for c in clause.head.children if c.dep_ in ("dobj", "dative")), None)
            if subj is not None and subj.i < owner.i:
                if subj.lower_ in _PRONOUN_SUBJECTS:
                    tok = clause
                    continue
                return _state_subject(subj)
        tok = clause
    if prev is None:
        return None
    root = next((t for t in prev if t.dep_ == "ROOT"), None)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    return _state_subject(subj) if subj is not None and subj.lower_ not in _PRONOUN_SUBJECTS else None


def owner_pronoun(m: Mention) -> Verdict:
    """An office or group owned by a pronoun belongs to the pronoun's antecedent: "Indonesia
    warned ... after its navy seized six vessels" -> IDN; "asked Japan to withdraw its ships"
    -> JPN; "Erdogan said his government ..." -> the person's state. A personal office is the
    page's known holder of it in that state ("its defence minister")."""
    np, head, page = m.np, m.head, m.page
    if np.country or np.person or not _is_office_phrase(np):
        return None
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in _OWNER_PRONOUNS | _PERSON_OWNER_PRONOUNS), None)
    if owner is None:
        return None
    if owner.lower_ in _PERSON_OWNER_PRONOUNS:
        person = page.recent_subject_person(m.sentence)
        where = person.country if person is not None else None
    else:
        prev = page.doc.parse_of(m.sentence.index - 1)
        where = _antecedent_state(head, owner, prev)
    if where is None:
        return None
    if np.office in PERSON_OFFICES:
        p, how = page.person_by_office(where, np.office)
        if p is not None:
            return page.actor_from_person(p, np.text, m.start, m.end, "title:" + how)
    return m.actor(where, np.sector, "owner-pronoun", title=np.title, office=np.office)


def shared_adjective(m: Mention) -> Verdict:
    """A bare later conjunct shares the nationality adjective before the first one: "South
    Korean fishermen and students" -> both KOR; not across a state organ and people beside it
    ("Israeli police and protesters": the police's only)."""
    np, head = m.np, m.head
    if np.country or np.person or head.dep_ != "conj" or head.pos_ != "NOUN" or head.lemma_.lower() in NOT_GROUP_HEADS:
        return None
    if any(c.dep_ in ("amod", "compound", "nmod", "det", "poss", "nummod", "quantmod") for c in head.children):
        return None
    first = head.head
    while first.dep_ == "conj" and first.head.pos_ == "NOUN":
        first = first.head
    if first.pos_ != "NOUN" or not any(c.dep_ == "cc" for c in first.children):
        return None
    lead = describe_np(first)
    if not (lead.country and lead.country_how == "adjective" and not lead.person):
        return None
    if (lead.sector in STATE_SECTORS) != (np.sector in STATE_SECTORS):
        return None
    return m.actor(lead.country, np.sector, "shared-adjective", title=np.title, office=np.office)


def office_group(m: Mention) -> Verdict:
    """"police", "protesters", "rebels", "the prime minister" with no country in the phrase: the
    country a place in the phrase names ("security forces in Guinea"), else the sentence's only
    country, else (attackers) where they struck, else the page's dominant one; unknown otherwise."""
    np, head, page = m.np, m.head, m.page
    if not _is_office_phrase(np):
        return None
    where, how = page.located_in(head)
    if where is None:
        where, how = page.place_in_np(np.text, page.sentence_countries(head.doc))
    # A party or opposition with an unknown name is still a domestic actor: it takes the
    # sentence's one state ("the Azadliq opposition coalition ... in Baku").
    domestic = np.office in ("opposition", "party") or head.lemma_.lower() in ("party", "parties")
    if where is None and np.office in CROWD_OFFICES and not page.names_unknown_entity(head):
        # citizens placed in one country take its code (docs/annotation.md, actor codes), before
        # the sentence's other states: "Protesters outside the Japanese consulate in Shanghai",
        # "Protesters ... next to Iran's parliament building in Istanbul"
        where, how = page.locative_country(head.doc), "context:crowd-place"
    if where is None and (domestic or not page.names_unknown_entity(head)):
        where, how = page.context_country(text_of(head.doc), exclude=set(), only=True), "context:sentence"
        if where is not None and not domestic and np.sector in STATE_SECTORS and _counterpart_of_subject(head, where):
            # "The junta told Danish special forces to leave", "The ministry summoned the
            # Egyptian ambassador": the sentence's one state is named in the object of the
            # group's own act, so it is the counterpart; the group is the passage's state
            home = page.dateline_state if np.sector in CIVIL_STATE_SECTORS else None
            if home is not None and home != where:
                where, how = home, "context:dateline"
            else:
                passage = page.passage_country(m.sentence.index, exclude=where)
                if passage is not None:
                    where, how = passage, "context:passage"
        if where is None and not domestic and np.sector in STATE_SECTORS:
            # "Ties between Paris and Bamako collapsed after the junta expelled the French
            # ambassador": of the sentence's states, the one its own act is not aimed at
            acted_on = page.counterpart_countries(head)
            left = {c for c in page.sentence_countries(head.doc) if c not in acted_on}
            home = page.dateline_state if np.sector in CIVIL_STATE_SECTORS else None
            if acted_on and len(left) == 1 and (home is None or home in acted_on):  # wire copy's home first
                where, how = left.pop(), "context:not-counterpart"
        if where is None and np.office in ATTACKER_OFFICES:
            where, how = page.locative_country(head.doc), "context:attack-place"
        if where is None and not domestic and np.sector in CIVIL_STATE_SECTORS:
            # "BEIJING - ... The foreign ministry said": wire copy's unnamed ministry or
            # spokesman is the state the story was filed from
            where, how = page.dateline_state, "context:dateline"
        if where is None:
            where, how = page.page_country(), "context:page"
    return m.actor(where, np.sector, "group" + (f"+{how}" if where else ""), title=np.title, office=np.office)


# Private people who may be held, moved or released, named again without their country ("15
# Honduran fishermen" ... "the fishermen"): the nationality they were first named with.
NAMED_AGAIN_HEADS = frozenset({
    "fisherman", "crew", "sailor", "seaman", "tourist", "migrant", "worker", "student", "journalist", "pilgrim",
    "passenger", "driver", "trader", "prisoner", "detainee", "hostage", "captive", "national", "citizen",
})


def named_again(m: Mention) -> Verdict:
    """"the fishermen", "these workers": the country of the latest earlier mention on the page
    of the same noun that named one (`PageActors.group_countries`)."""
    np, head, page = m.np, m.head, m.page
    lemma = head.lemma_.lower()
    if np.country is not None or head.pos_ != "NOUN" or lemma not in NAMED_AGAIN_HEADS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in head.children):
        return None
    country = page.group_countries.get(lemma)
    if country is None:
        return None
    return m.actor(country, np.sector or "CVL", "named-again", title=np.title, office=np.office)


# organs of a state (not rebels, crowds or parties): who acts for the passage's state
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# the civil organs an unnamed wire-copy mention means at home (not troops or police, whose
# country on a page filed from a war zone is as often the other side's)
CIVIL_STATE_SECTORS = frozenset({"GOV", "JUD", "LEG"})
_NOMINAL_DEPS = frozenset({"dobj", "dative", "pobj", "prep", "amod", "compound", "poss", "nmod", "appos", "conj", "cc", "det", "case", "npadvmod", "attr", "oprd"})


def _counterpart_of_subject(head: Any, code: str) -> bool:
    """Every mention of `code` in the sentence is inside an object (or a prepositional phrase)
    of the verb whose subject is `head`, reached through noun phrases only (not through a
    reported clause: "The government said Kenya would ..." keeps Kenya as a candidate)."""
    from ..reference.gazetteer import find_actor_terms

    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = head.head
    text = text_of(head.doc)
    spans = [(s, e) for s, e, ref in find_actor_terms(text) if ref.code == code]
    if not spans:
        return False
    for s, _ in spans:
        tok = token_at(head.doc, s)
        if tok is None:
            return False
        path = [tok]  # the mention and its heads up to the verb's own dependent
        for a in tok.ancestors:
            if a.i == verb.i:
                break
            path.append(a)
        else:
            return False  # not under the verb at all
        if any(t.dep_ not in _NOMINAL_DEPS for t in path) or path[-1].dep_ not in ("dobj", "dative", "prep"):
            return False
    return True


def crowd(m: Mention) -> Verdict:
    """A crowd with no country word belongs to the place it is in: "Hundreds of thousands of
    people ... in Hong Kong" -> CHN, "inmates rioted at a jail in Dili" -> TLS (sector CRM).
    "people familiar with the talks" is a source, not a crowd."""
    np, head, page = m.np, m.head, m.page
    if np.country is not None or np.person or np.title:
        return None
    noun = crowd_noun(head)
    if noun is None:
        return None
    counted = noun is not head or any(c.dep_ in ("nummod", "quantmod") for c in noun.children)
    if noun.lemma_.lower() in ("people", "person") and not counted:
        return None
    where, how = page.located_in(noun)
    if where is None and noun is not head:
        where, how = page.located_in(head)
    if where is None:
        where, how = page.locative_country(head.doc), "event-place"
    if where is None:
        return None
    inmates = noun.lemma_.lower() in INMATES
    return m.actor(where, "CRM" if inmates else "CVL", "crowd:" + (how or "located-in"),
                   office=None if inmates else "civilian")


def region_noun(m: Mention) -> Verdict:
    """A region named by its modifier: "the Darfur region" -> SDN, "Sindh province" -> PAK."""
    np, head, page = m.np, m.head, m.page
    if head.lemma_.lower() not in PLACE_NOUNS or np.person or np.country:
        return None
    mods = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "LOC")]
    code = page.place_code(mods[0], set(page.sentence_countries(head.doc))) if mods else None
    return m.actor(code, None, "place", office="place") if code else None


def verb_setting(m: Mention) -> Verdict:
    """Where a verb happened, not who took part: "diplomats based in Geneva", "clashed in Kabul"
    -> no actor."""
    head = m.head
    if head.dep_ == "pobj" and head.head.lower_ in VERB_SETTING_PREPS and head.head.head.pos_ in ("VERB", "AUX"):
        return NO_ACTOR
    return None


def place_as_participant(m: Mention) -> Verdict:
    """A town or region that is itself the target: "tanks shelled Jericho" -> PSE, "the strike
    shut down Kathmandu" -> NPL. The events stage decides whether a place is a participant; the
    resolution says it is a place."""
    np, head, page = m.np, m.head, m.page
    in_town_of = head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in PLACE_NOUNS
    if not (head.pos_ == "PROPN" and (head.ent_type_ in ("GPE", "LOC") or in_town_of) and not np.person):
        return None
    code = page.place_code(head, set(page.sentence_countries(head.doc)))
    return m.actor(code, None, "place", office="place") if code else None


# The order is the policy: each rule wins over every rule below it for the phrases it matches.
ACTOR_RULES: tuple[ActorRule, ...] = (
    ActorRule("pronoun", pronoun),  # before reading the phrase: a pronoun has none
    ActorRule("date-the-term", date_the_term),  # refines the country for every rule below
    ActorRule("patron's-ally", patrons_ally),  # before country-term: the patron is not the client
    ActorRule("leader's-body", leaders_body),  # before person: "Djindjic's coalition" is no person
    ActorRule("pair-phrase", pair_phrase),  # "the two sides": the events stage pairs it
    ActorRule("epithet", epithet),  # "the kingdom": before person, which the parse may see in it
    ActorRule("note-country", note_country),  # counts the phrase's country for the page
    ActorRule("leader's-government", leaders_government),  # before person: the state, not the leader
    ActorRule("known-surname", known_surname),  # refines, before person: "Trump" the NER missed
    ActorRule("person", person),
    ActorRule("counterpart", counterpart),
    ActorRule("settlers", settlers),  # before the place rules: settlers are ISR wherever they are
    ActorRule("people-placed-abroad", people_placed_abroad),  # before country-term: "Kurds in Iraq"
    ActorRule("ethnic-group", ethnic_group),  # before country-term: not the kin state
    ActorRule("capital-area", capital_area),  # before country-term: "eastern Beirut" is a place
    ActorRule("capital-as-setting", capital_as_setting),  # before country-term: "met in Beijing"
    ActorRule("country-term", country_term),
    ActorRule("country-group", country_group),
    ActorRule("stateless-people", stateless_people),
    ActorRule("ngo", ngo),  # before office-group: "rights group" is no state's group
    ActorRule("muslim-group", muslim_group),  # before office-group, only with no state in the sentence
    ActorRule("owner-pronoun", owner_pronoun),  # before title-as-known-person: "its defence minister"
    ActorRule("title-as-known-person", title_as_known_person),  # before office-group
    ActorRule("shared-adjective", shared_adjective),  # before office-group: "Korean fishermen and students"
    ActorRule("named-again", named_again),  # before office-group: not the sentence's own country
    ActorRule("office-group", office_group),
    ActorRule("crowd", crowd),
    ActorRule("region-noun", region_noun),
    ActorRule("verb-setting", verb_setting),  # before place-as-participant: "clashed in Kabul"
    ActorRule("place-as-participant", place_as_participant),
)
