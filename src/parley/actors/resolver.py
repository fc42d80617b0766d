"""The page's actor resolver: what the page has named so far, and the questions rules ask of it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property
from typing import Any

from ..annotate.nlp import text_of
from ..records import Actor, Document, Sentence
from .names import norm_tokens
from .people_on_page import PageMemory, PersonEntry
from .phrases import NounPhrase, describe_np, epithet_states, fuzzy_country_in, np_tokens
from .rules import ACTOR_RULES, NAMED_AGAIN_HEADS, NO_ACTOR, Mention
from .words import (
    FAITH_WORDS, TITLE_ADJECTIVES, NON_STATE, STANCE_PREFIX, SPONSOR_SUFFIX,
)


class PageActors:
    """Resolves noun phrases to Actors, remembering people and countries across the page.

    `resolve` runs the ordered rule table of `rules.py`; the methods here are what the rules ask
    of the page: where a phrase is placed, which countries the sentence or page names, who a
    person or a title is.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.memory = PageMemory()
        from ..reference.people import load_officeholders

        self.officeholders = load_officeholders()
        self.country_counts: dict[str, int] = {}
        self.last_seen: dict[str, int] = {}  # country -> latest sentence naming it
        self.named_in: dict[int, list[str]] = {}  # sentence -> the countries it names, first named first
        # private people's noun -> the country its latest mention named ("Honduran fishermen"),
        # for the same noun named again without one (rules.named_again)
        self.group_countries: dict[str, str] = {}
        # The page's date: places and movements that changed state (data/country_changes.csv)
        # are read as of it. None for undated text, where the sentence's own states decide.
        self.on = doc.article.published if doc.article else None

    def resolve(self, head: Any, sentence: Sentence) -> Actor | None:
        """The actor the phrase headed by `head` names, or None: the first rule of
        `rules.ACTOR_RULES` that decides (an actor, or that the phrase names none) wins."""
        mention = Mention(self, head, sentence)
        for rule in ACTOR_RULES:
            found = rule.decide(mention)
            if found is NO_ACTOR:
                return None
            if found is not None:
                self._remember_group(head, found)  # type: ignore[arg-type]
                return found  # type: ignore[return-value]
        return None

    def _remember_group(self, head: Any, actor: Actor) -> None:
        """Remember the country a private people's noun was named with ("Honduran fishermen")."""
        lemma = head.lemma_.lower()
        if actor.country and lemma in NAMED_AGAIN_HEADS and actor.resolution in ("country-group", "country-term", "shared-adjective"):
            self.group_countries[lemma] = actor.country

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

    def note_country(self, code: str, sentence_index: int) -> None:
        self.country_counts[code] = self.country_counts.get(code, 0) + 1
        self.last_seen[code] = sentence_index
        named = self.named_in.setdefault(sentence_index, [])
        if code not in named:
            named.append(code)

    def epithet(self, head: Any, np: NounPhrase, sentence: Sentence) -> str | None:
        """"the kingdom", "the Islamic Republic", "the Jewish state", "the North": a state the
        page names by a description. The most recently named page state that fits it (another
        state of the same sentence is the last choice: "Riyadh ... the kingdom blamed Jordan"); a description that
        fits one state only names it anyway ("the Jewish state")."""
        fits = epithet_states(head)
        if not fits:
            return None
        named = set(self.sentence_countries(head.doc))
        seen = [(c not in named, self.last_seen[c], c) for c in fits if c in self.last_seen]
        if seen:
            return max(seen)[2]
        if head.lemma_.lower() in ("north", "south"):
            # "the North"/"the South" are the Koreas only on a page about Korea
            return next(iter(fits)) if {"KOR", "PRK"} & set(self.last_seen) else None
        if len(fits) == 1:
            return next(iter(fits))
        return None

    def page_country(self) -> str | None:
        """The page's dominant country, if it has one: at least half of the country mentions
        so far and at least twice the runner-up."""
        counts = sorted(((n, c) for c, n in self.country_counts.items() if len(c) == 3 and c not in NON_STATE), reverse=True)
        if not counts:
            return None
        total = sum(n for n, _ in counts)
        top_n, top = counts[0]
        runner = counts[1][0] if len(counts) > 1 else 0
        return top if top_n * 2 >= total and top_n >= 2 * runner and top_n >= 2 else None

    @cached_property
    def dateline_state(self) -> str | None:
        """The state a wire story was filed from ("BEIJING, Nov 22 - ...", "SIEM REAP, Cambodia,
        Nov. 22 - ..."): the first dateline among the page's first three body sentences, when the
        page also names that state outside its datelines (a story filed from Geneva or New York
        about two other states has none). Read once per page."""
        from ..extract.dateline import DATELINE, dateline_end
        from ..reference.gazetteer import find_actor_terms, lookup_country
        from ..reference.places import place_country

        body = [s for s in self.doc.sentences if not self._is_title(s)][:3]
        # dateline_end validates the match (a place of three capitals or more, not an organisation)
        lead = next((DATELINE.match(s.text) for s in body if dateline_end(s.text)), None)
        if lead is None:
            return None
        state = place_country(lead.group("place").title(), on=self.on)
        if state is None:
            # "SIEM REAP, Cambodia, Nov. 22": the country written after the place
            refs = (lookup_country(part.strip()) for part in re.split(r"[,(]", lead.group("when")) if part.strip())
            state = next((ref.code for ref in refs if ref is not None and ref.kind == "country"), None)
        if state is None or len(state) != 3 or state in NON_STATE:
            return None
        named = any(ref.code == state for s in self.doc.sentences for _, _, ref in find_actor_terms(s.text[dateline_end(s.text):]))
        return state if named else None

    def _is_title(self, sentence: Sentence) -> bool:
        paragraphs = self.doc.article.paragraphs if self.doc.article else ()
        return 0 <= sentence.paragraph < len(paragraphs) and paragraphs[sentence.paragraph].kind == "title"

    def passage_country(self, sentence_index: int, exclude: str) -> str | None:
        """The state the passage is about, for a state noun with no country word of its own: the
        page's dominant country, else the first state named in the latest sentence before this one
        that names one (never `exclude`)."""
        top = self.page_country()
        if top is not None and top != exclude:
            return top
        for k in sorted((k for k in self.named_in if k < sentence_index), reverse=True):
            states = [c for c in self.named_in[k] if c != exclude and len(c) == 3 and c not in NON_STATE]
            if states:
                return states[0]  # the latest sentence's first-named state: mostly its subject
        return None

    @staticmethod
    def context_country(text: str, exclude: set[str], only: bool = False) -> str | None:
        """The first country named in the sentence outside `exclude` (an ethnic group's host
        state); with `only`, the sentence's one and only country (a bare title's or a group's
        state), None when it names several."""
        from ..reference.gazetteer import find_actor_terms

        # National organisations count as their country ("UNITA" says the page is about Angola).
        codes = [ref.code for s, e, ref in find_actor_terms(text)
                 if (ref.kind == "country" or (len(ref.code) == 3 and ref.code not in NON_STATE))
                 and ref.code not in exclude and not STANCE_PREFIX.search(text[:s]) and not SPONSOR_SUFFIX.match(text[e:])]
        if only:
            return codes[0] if len(set(codes)) == 1 else None
        return codes[0] if codes else None

    @staticmethod
    def counterpart_countries(head: Any) -> set[str]:
        """The states named as whom the subject `head` acts on or meets ("summoned the Canadian
        ambassador", "met Indonesian generals", "talked with Kenyan officials"): a titled stranger
        who does that is not their compatriot, so they say nothing of his own state."""
        from ..reference.gazetteer import find_actor_terms

        if head.dep_ != "nsubj" or head.head.pos_ != "VERB":
            return set()
        verb = head.head
        parts = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        parts += [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("with", "to") for p in prep.children if p.dep_ == "pobj"]
        # the phrase up to its head ("the Canadian ambassador"), not what follows it ("roads in
        # the capital of Algiers" names a place, not whom they act on)
        return {ref.code for part in parts for _, _, ref in find_actor_terms(head.doc[part.left_edge.i:part.i + 1].text)}

    @staticmethod
    def names_unknown_entity(head: Any, person: str | None = None) -> bool:
        """The phrase names something we do not know ("Hamas", "the Karen"): its country is
        not the sentence's, so no context guess is made."""
        from ..reference.gazetteer import ethnic_group, find_titles, lookup_country

        for t in np_tokens(head):
            if t.lower_ in FAITH_WORDS or t.lower_ in TITLE_ADJECTIVES or ethnic_group(t.text, fuzzy=False) is not None:
                continue  # "Moslem demonstrators", "Tamil refugees": a faith or people, not a name
            if t.pos_ == "PROPN" and lookup_country(t.text) is None and not find_titles(t.text):
                if person is None or t.text not in person.split():
                    return True
        return False

    @staticmethod
    def place_in_np(text: str, prefer: list[str] | None = None) -> tuple[str | None, str]:
        from ..reference.places import place_country

        for m in re.finditer(r"\b(?:in|of|from|near)\s+(?:the\s+)?((?:[A-Z][\w'-]+\s?){1,3})", text):
            code = place_country(m.group(1).strip(), prefer=set(prefer or ()))
            if code:
                return code, "place"
        return None, ""

    @staticmethod
    def sentence_countries(sdoc: Any) -> list[str]:
        """Countries the sentence names (terms, then misspelt names), in order."""
        from ..reference.gazetteer import find_actor_terms

        codes = [ref.code for s, _, ref in find_actor_terms(text_of(sdoc))
                 if ref.kind == "country" and not STANCE_PREFIX.search(text_of(sdoc)[:s])]
        fz = fuzzy_country_in(list(sdoc))
        if fz is not None:
            codes.append(fz.code)
        return codes

    def located_in(self, head: Any, prefer: set[str] | None = None) -> tuple[str | None, str]:
        """The country of a place the phrase's head is located in: "security forces in Guinea",
        "rebels in northern Mali", "a missionary from Calgary", "militias in Tripoli" (the
        Lebanese one when the sentence speaks of Lebanon). Countries, capitals and cities."""
        from ..reference.gazetteer import lookup_country

        for mod in head.children:
            # "Darfur rebels", "Kabul police": a place named as the group's modifier
            if mod.dep_ == "compound" and mod.pos_ == "PROPN" and mod.ent_type_ in ("GPE", "LOC") and mod.i < head.i:
                code = self.place_code(mod, prefer or set(self.sentence_countries(head.doc)))
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
                    # "leaders of former Soviet republics", "of ex-British colonies": no longer that state's
                    formerly = any(m.lower_ in ("former", "ex", "ex-") for m in obj.children if m.i < obj.i)
                    if len(adj_codes) == 1 and not formerly:
                        return adj_codes.pop(), "located-in"
                pref = prefer or set(self.sentence_countries(head.doc))
                # "from Sudan and Egypt": coordinated places in two states say no one state
                codes = {c for c in (self.place_code(o, pref) for o in (obj, *obj.conjuncts)) if c}
                if len(codes) == 1:
                    return codes.pop(), "located-in"
                if codes:
                    return None, ""
        return None, ""

    def dated(self, np: NounPhrase, head: Any) -> NounPhrase:
        """Apply data/country_changes.csv to the phrase's country term: "Juba" is Sudan's
        before 9 July 2011 (by the page date, or for undated text when the sentence names
        Sudan and not South Sudan)."""
        from ..reference.gazetteer import find_actor_terms
        from ..reference.places import country_changes, country_on

        assert np.term
        if not country_changes(np.term):
            return np
        others = {ref.code for s, e, ref in find_actor_terms(text_of(head.doc))
                  if (ref.org or ref.matched) != np.term and len(ref.code) == 3 and ref.code not in NON_STATE}
        code = country_on(np.term, self.on, others)
        return replace(np, country=code) if code and code != np.country else np

    def place_code(self, tok: Any, prefer: set[str]) -> str | None:
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

    def locative_country(self, sdoc: Any, exclude: set[str] | None = None) -> str | None:
        """The one country of the places the sentence puts its event in ("in Kabul", "near
        Samarra", "in Iraq"): where unidentified attackers struck is whose they are coded to."""
        found: set[str] = set()
        for tok in sdoc:
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "near", "at") and tok.pos_ == "PROPN":
                code = self.place_code(tok, set())
                if code and code not in (exclude or set()):
                    found.add(code)
        return found.pop() if len(found) == 1 else None

    # -- people ------------------------------------------------------------------------------

    def pronoun(self, head: Any, sentence: Sentence) -> Actor | None:
        """he/she/him/her -> the person `recent_subject_person` names (otherwise the antecedent
        is a guess)."""
        p = self.recent_subject_person(sentence)
        if p is None:
            return None
        if head.lower_ in ("he", "she") and head.dep_ not in ("nsubj", "nsubjpass"):
            return None
        return self.actor_from_person(p, head.text, sentence.start + head.idx, sentence.start + head.idx + len(head.text), "pronoun")

    def recent_subject_person(self, sentence: Sentence) -> PersonEntry | None:
        """Who a personal pronoun ("he", "his") stands for: the last person who was a grammatical
        subject, when that was in this or the previous sentence and no other person was named
        since; else None."""
        last = self.memory.last_subject_sentence
        if last is None or sentence.index - last > 1 or self.memory.people_since_subject > 0:
            return None
        return self.memory.last_subject_person

    def person_by_office(self, country: str | None, office: str | None) -> tuple[PersonEntry | None, str]:
        if not office:
            return None, ""
        found = [p for p in self.memory.people if p.office == office and (country is None or p.country == country)]
        return (found[-1], "same-office") if len(found) == 1 else (None, "")

    def person_actor(self, np: NounPhrase, start: int, end: int, head: Any, sentence: Sentence) -> Actor:
        assert np.person
        entry, how = self.memory.match(np.person, np.country, np.office)
        if entry is None:
            entry, how = self.from_officeholders(np)
            if entry.country is None and np.title and np.office and np.office != "religious":
                # "Prime Minister Iyad Allawi" in a sentence about Iraq, "Judge X" opening a
                # fraud inquiry into Chilean officials: the title's state is where the phrase
                # places the person, else the sentence's only country, else the page's dominant one.
                where, how2 = self.located_in(head)
                where = where or self.context_country(text_of(head.doc), exclude=self.counterpart_countries(head), only=True) or self.page_country()
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
            entry.aliases.add(" ".join(norm_tokens(np.person)))
        if head.dep_ in ("nsubj", "nsubjpass"):
            self.memory.last_subject_person = entry
            self.memory.last_subject_sentence = sentence.index
            self.memory.people_since_subject = 0
        elif entry is not self.memory.last_subject_person:
            self.memory.people_since_subject += 1
        return self.actor_from_person(entry, np.text, start, end, how)

    def from_officeholders(self, np: NounPhrase) -> tuple[PersonEntry, str]:
        assert np.person
        pub = self.doc.article.published if self.doc.article else None
        terms = self.officeholders.find_person(np.person, on=pub, country=np.country)
        ids = {t.person_id for t in terms}
        if len(ids) == 1:
            t = terms[0]
            # Prefer the term matching the office the page gives, else the one active at page date.
            pick = next((x for x in terms if np.office and x.office == np.office), None)
            if pick is None and pub:
                # the term covering the page's date, else the nearest one: Blix in 2002 is the
                # IAEA's head until 1997, not Sweden's foreign minister of 1978
                pick = min(terms, key=lambda x: x.days_outside(pub))
            t = pick or t
            return PersonEntry(t.name, norm_tokens(t.name), t.country, np.sector or t.sector, np.title or t.role, np.office or t.office, t.person_id, {" ".join(norm_tokens(np.person))}), "officeholders"
        if not ids and np.country is None:
            # "President Bush" with no date: two presidents share the name, but one country
            countries = self.officeholders.candidate_countries(np.person)
            if len(countries) == 1:
                return PersonEntry(np.person, norm_tokens(np.person), countries.pop(), np.sector or "GOV", np.title, np.office, None), "officeholders:country-only"
        return PersonEntry(np.person, norm_tokens(np.person), np.country, np.sector, np.title, np.office, None), "page"

    @staticmethod
    def actor_from_person(p: PersonEntry, text: str, start: int, end: int, how: str) -> Actor:
        return Actor(text, p.name, p.country, p.sector, p.role, p.office, p.person_id, start, end, how)
