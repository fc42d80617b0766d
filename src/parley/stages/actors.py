"""actors: who is who on the page — states, organisations, people with their titles.

For every noun phrase in a parsed sentence that names an actor we build an `Actor`: country from a
country term, demonym, capital or seat of power in the phrase ("Chinese", "the Pentagon"), or from
the officeholder file, or from what the page said earlier about the same person; sector and office
from the title ("Defense Minister"); the person's canonical name from the officeholder file.

People are remembered across the page, so that "Secretary Austin", "Mr. Dong" and a transliteration
variant ("Dong Quan" after "Dong Jun") resolve to the person introduced earlier. Each actor records
how it was resolved. Role-at-date is finalised by the time stage, once the event's date is known.
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

    def match(self, name: str, country: str | None, office: str | None) -> tuple[PersonEntry | None, str]:
        toks = _norm_tokens(name)
        if not toks:
            return None, ""
        key = " ".join(toks)
        for p in self.people:
            if key == " ".join(p.tokens) or key in p.aliases:
                return p, "same-name"
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
        if office and p.office and office != p.office and office not in ("minister", "official") and p.office not in ("minister", "official"):
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
            if child.dep_ not in _NP_DEPS_IN and child.dep_ not in ("pcomp",):
                continue
            out.append(child)
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def describe_np(head: Any) -> NounPhrase:
    from ..gazetteer import find_actor_terms, find_titles

    toks = np_tokens(head)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    # Trim leading determiners/punctuation from the visible text.
    sent_text = head.doc.text
    text = sent_text[start:end].strip(" ,;:")
    ids = {t.i for t in toks}
    country = country_how = None
    for s, e, ref in find_actor_terms(sent_text[start:end]):
        country, country_how = ref.code, ref.how
        break
    sector = office = title = None
    titles = find_titles(sent_text[start:end])
    if titles:
        # Prefer the most specific (longest) title in the phrase.
        s, e, tref = max(titles, key=lambda x: x[1] - x[0])
        sector, office, title = tref.sector, tref.office, sent_text[start + s : start + e]
    person = None
    for ent in head.doc.ents:
        if ent.label_ == "PERSON" and all(t.i in ids for t in ent):
            person = ent.text
            break
    if person is None and head.pos_ == "PROPN" and head.ent_type_ in ("", "PERSON", "ORG") and any(
        t.lower_ in HONORIFICS for t in toks
    ):
        # "Mr. Dong" may be missed by NER; an honorific makes it a person.
        names = [t.text for t in toks if t.pos_ == "PROPN" and t.lower_ not in HONORIFICS and t.i >= min(x.i for x in toks if x.lower_ in HONORIFICS)]
        person = " ".join(names) or None
    if person:
        person = _strip_titles(person, title)
    counterpart = any(t.lemma_.lower() == "counterpart" for t in toks)
    plural_state = head.lemma_.lower() in ("country", "nation", "side", "power", "government", "state") and head.tag_ in ("NNS", "NNPS")
    return NounPhrase(text, start, end, country, country_how, sector, office, title, person, counterpart, plural_state)


def _strip_titles(person: str, title: str | None) -> str:
    words = person.split()
    while words and (words[0].lower() in HONORIFICS or (title and words[0].lower() in title.lower().split())):
        words = words[1:]
    return " ".join(words) or person


def np_heads(sdoc: Any) -> Iterable[Any]:
    for tok in sdoc:
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.dep_ not in ("compound", "nmod", "amod"):
            yield tok


class PageActors:
    """Resolves noun phrases to Actors, remembering people across the page."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.memory = PageMemory()
        from ..people import load_officeholders

        self.officeholders = load_officeholders()

    def resolve(self, head: Any, sentence: Sentence) -> Actor | None:
        if head.lower_ in _PRONOUNS:
            p = self.memory.last_subject_person
            if p is None:
                return None
            return self._actor_from_person(p, head.text, sentence.start + head.idx, sentence.start + head.idx + len(head.text), "pronoun")
        np = describe_np(head)
        a_start, a_end = sentence.start + np.start, sentence.start + np.end
        if np.person:
            return self._person_actor(np, a_start, a_end, head)
        if np.counterpart:
            return Actor(np.text, None, np.country, np.sector, None, np.office, None, a_start, a_end, "counterpart")
        if np.country and (np.title or np.country_how in ("name", "short_name", "capital", "seat", "org", "demonym") or head.pos_ == "PROPN"):
            how = "country-term" if np.country_how != "org" else "organisation"
            role = np.title
            if np.title and not np.person:
                # "the Chinese Defense Minister": a title without a name may be the page's known person.
                p, how2 = self._person_by_office(np.country, np.office)
                if p is not None:
                    return self._actor_from_person(p, np.text, a_start, a_end, "title:" + how2)
            return Actor(np.text, None, np.country, np.sector or ("GOV" if np.country_how != "org" else None), role, np.office, None, a_start, a_end, how)
        if np.title and np.office and np.office not in ("military", "police", "civilian", "official"):
            p, how2 = self._person_by_office(None, np.office)
            if p is not None:
                return self._actor_from_person(p, np.text, a_start, a_end, "title:" + how2)
        return None

    def _person_by_office(self, country: str | None, office: str | None) -> tuple[PersonEntry | None, str]:
        if not office:
            return None, ""
        found = [p for p in self.memory.people if p.office == office and (country is None or p.country == country)]
        return (found[-1], "same-office") if len(found) == 1 else (None, "")

    def _person_actor(self, np: NounPhrase, start: int, end: int, head: Any) -> Actor:
        assert np.person
        entry, how = self.memory.match(np.person, np.country, np.office)
        if entry is None:
            entry, how = self._from_officeholders(np)
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
        for head in np_heads(sdoc):
            actor = pa.resolve(head, sent)
            if actor is not None:
                found[head.i] = actor
        per_sentence[sent.index] = found
    return pa, per_sentence


def run(doc: Document) -> Document:
    resolver, per_sentence = resolve_document(doc)
    actors = tuple(tuple(per_sentence.get(s.index, {}).values()) for s in doc.sentences)
    return replace(doc, actors=actors, cache={**(doc.cache or {}), "actors": per_sentence, "resolver": resolver})
