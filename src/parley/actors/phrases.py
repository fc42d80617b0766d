"""Noun phrases: the tokens of a phrase and what its words say (country, title, person, people).

`describe_np` reads one phrase head into a `NounPhrase`; the actor rules (`rules.py`) decide from
it. Nothing here remembers the page: that is `resolver.PageActors`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..annotate.nlp import text_of
from .names import person_in_phrase
from .words import LED_WORDS, NP_DEPS_IN, PAIR_HEADS, PATRON_HEADS, PEOPLE_HEADS, SPONSOR_SUFFIX, STANCE_PREFIX


def is_pair_phrase(head: Any) -> bool:
    """"the two sides", "both ministers", "the two leaders", "the two": the parties the page
    has just named together (a meeting's participants), never a third country. Also a plural
    noun the pair owns ("ministers of the two countries", "engineers from both countries", "the
    two countries' security chiefs") and a subject "the sides" / "Sides"."""
    if _counted_pair(head) or _meeting_plural(head):
        return True
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    if _owner(head, _counted_pair):
        return True
    # "The sides agreed ...", "Sides signed ...": the parties the passage is about (not "the
    # sides of the border", nor "both sides of the river", which are places)
    return (head.lemma_.lower() == "side" and head.dep_ in ("nsubj", "nsubjpass")
            and not any(c.dep_ == "prep" for c in head.children)
            and all(c.lower_ == "the" for c in head.children if c.dep_ == "det"))


# Uncounted plurals news uses for the people it has just shown meeting ("The ministers agreed to
# share data", "The Prime Ministers agreed to coordinate"): the meeting's sides, as "the two
# leaders" are. Only a bare "the" and office words may modify them: "the ministers of Peru and
# Chile", "Arab ministers" or "the ministers who resigned" name people of their own.
MEETING_PLURALS = frozenset({"minister", "leader", "president", "premier", "chancellor", "delegation"})
OFFICE_WORDS = frozenset({"prime", "foreign", "defence", "defense", "finance", "trade", "interior", "economy", "energy", "deputy", "vice"})


def _meeting_plural(head: Any) -> bool:
    """"The ministers", "the Prime Ministers", "the foreign ministers" as a clause's subject."""
    lemma = head.lemma_.lower()
    if head.tag_ in ("NNS", "NNPS"):
        plural = lemma in MEETING_PLURALS or (lemma.endswith("s") and lemma[:-1] in MEETING_PLURALS)
    else:  # "the Prime Ministers": the tagger reads a capitalised plural as a singular name
        plural = head.tag_ == "NNP" and lemma.endswith("s") and lemma[:-1] in MEETING_PLURALS
    if not plural:
        return False
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    kids = list(head.children)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and all(
        (c.dep_ == "det" and c.lower_ == "the") or (c.dep_ in ("amod", "compound") and c.lower_ in OFFICE_WORDS) for c in kids
    )


_GROUP_COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def group_size(head: Any) -> int | None:
    """"the three leaders", "all four governments", "ministers of the three countries", "the
    three countries' navies": the number of parties (3 to 10) a counted plural pair word stands
    for, the parties the page has just named together; None for anything else."""
    if head.tag_ not in ("NNS", "NNPS"):
        return None
    return _counted_group(head) or _owner(head, _counted_group)


def _owner(head: Any, counted: Callable[[Any], Any]) -> Any:
    """`counted` of the phrase that owns a plural noun: its possessor ("the two countries'
    chiefs") or the object of its "of"/"from" ("ministers of the two countries"), the first that
    counts; None when none does."""
    for c in head.children:
        if c.dep_ == "poss" and (found := counted(c)):
            return found
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            for p in c.children:
                if p.dep_ == "pobj" and (found := counted(p)):
                    return found
    return None


def _plural_pair_word(head: Any) -> bool:
    """A plural pair word ("sides", "leaders", "countries"), never "sides of" a place ("on both
    sides of the river")."""
    if head.lemma_.lower() not in PAIR_HEADS or head.tag_ not in ("NNS", "NNPS"):
        return False
    return not (head.lemma_.lower() == "side" and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children))


def _counted_group(head: Any) -> int | None:
    if not _plural_pair_word(head):
        return None
    return next((_GROUP_COUNTS[c.lower_] for c in head.children if c.dep_ in ("nummod", "amod") and c.lower_ in _GROUP_COUNTS), None)


def _counted_pair(head: Any) -> bool:
    """"the two sides", "both ministers", "the two": a pair word counted as a pair."""
    if head.lemma_.lower() == "two":
        return any(c.lower_ == "the" for c in head.children) and head.dep_ in ("nsubj", "nsubjpass")
    return _plural_pair_word(head) and any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "amod") for c in head.children)


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
            led_by = child.dep_ == "npadvmod" and tok.dep_ == "amod" and tok.lower_ in LED_WORDS
            if child.dep_ not in NP_DEPS_IN and child.dep_ not in ("pcomp",) and not led_by:
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
    from ..reference.gazetteer import find_actor_terms, find_titles

    toks = np_tokens(head)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    # Trim leading determiners/punctuation from the visible text.
    sent_text = text_of(head.doc)
    text = sent_text[start:end].strip(" ,;:")
    ids = {t.i for t in toks}
    country = country_how = org_sector = None
    np_text = sent_text[start:end]
    # "anti-Syria", "pro-Russian": a stance towards a country, not membership of it.
    terms = [t for t in find_actor_terms(np_text)
             if not STANCE_PREFIX.search(np_text[: t[0]]) and not SPONSOR_SUFFIX.match(np_text[t[1]:])]
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
        fz = fuzzy_country_in(toks)
        if fz is not None:
            country, country_how = fz.code, fz.how
    # Only "ethnic" modifying this head (or its modifier), not one inside an apposition.
    ethnic = any(t.lower_ == "ethnic" and head.i in (t.head.i, t.head.head.i) for t in toks)
    # "the Albanian population of the province", "the Serb minority": a people, not a state.
    ethnic = ethnic or (country_how in ("adjective", "demonym") and head.lemma_.lower() in PEOPLE_HEADS)
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
    person = person_in_phrase(head, toks, ids, title)
    counterpart = any(t.lemma_.lower() == "counterpart" for t in toks)
    plural_state = head.lemma_.lower() in ("country", "nation", "side", "power", "government", "state") and head.tag_ in ("NNS", "NNPS")
    return NounPhrase(text, start, end, country, country_how, sector, office, title, person, counterpart, plural_state,
                      ethnic, org_sector, hosts, term, patron_of)


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
    between = text_of(head.doc)[start + terms[0][1] : start + terms[1][0]]
    if between.strip():
        return None
    second_word = text_of(head.doc)[start + terms[1][0] : start + terms[1][1]]
    plural_people = second_word.endswith("s") and second_word[:1].isupper()
    modifier_people = any(t.text == second_word and t.i != head.i and t.dep_ in ("compound", "amod", "nmod") for t in head.children)
    return first.code if plural_people or modifier_people else None


def _patron_head(toks: list[Any], terms: list[tuple[int, int, Any]], start: int) -> int | None:
    """The token of an "ally"/"proxy" noun whose possessor is the phrase's first country term
    ("the deputy chief of Israel's militia ally"), else None."""
    first = terms[0]
    for t in toks:
        if t.lemma_.lower() not in PATRON_HEADS:
            continue
        for c in t.children:
            if c.dep_ == "poss" and first[0] <= c.idx - start < first[1] and first[2].kind == "country":
                return t.i
    return None


def fuzzy_country_in(toks: list[Any]) -> Any:
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


def np_heads(sdoc: Any) -> Iterable[Any]:
    for tok in sdoc:
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.dep_ not in ("compound", "nmod", "amod"):
            yield tok
