"""Rule-based entity spans: a cheap stand-in for spaCy's NER component (setting `ner` = "rules").

NER is about half of the candidate parse's cost, and parley reads only a few labels from it:
PERSON (actors.describe_np), GPE/LOC/FAC (places of events and actors), NORP (a nationality
word is never a person) and DATE/TIME/MONEY/PERCENT/QUANTITY (a month is never a trigger, a
date never an agent). `assign(doc)` sets `doc.ents` from the tagger and parser output plus
parley's own tables, so the code downstream reads the same attributes in either mode.

- GPE: a proper-noun chain, or a demonym, that the country/organisation gazetteer knows as a
  country; LOC: a chain that geonames (places.place_country) or the region table knows.
- ORG: a chain the gazetteer knows as an organisation.
- PERSON: any other proper-noun chain that follows an honorific or title ("Mr. Dong",
  "Foreign Minister Wang Yi"), is in the officeholder file, or is the subject or object of a
  verb ("Kovacs said", "police arrested Ortega").
- DATE/TIME/MONEY/PERCENT: month, weekday and year expressions, clock times, sums and shares.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .nlp import text_of

_HONORIFICS = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "mme", "dame", "lord",
    "sen.", "rep.", "gen.", "lt.", "col.", "adm.", "maj.", "capt.", "president", "premier",
}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sep.", "sept.", "oct.", "nov.", "dec.",
}
_MONTH_PREPS = {"in", "since", "until", "till", "during", "by", "from", "through", "early", "late", "mid", "mid-", "last", "next", "this"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_RELATIVE_DAYS = {"today", "yesterday", "tomorrow", "tonight"}
_PERIODS = {"week", "weeks", "month", "months", "year", "years", "decade", "decades", "weekend", "day", "days", "morning", "afternoon", "evening", "night"}
_PERIOD_LEAD = {"last", "next", "this", "past", "coming", "previous", "earlier", "later"}
_CURRENCY_WORDS = {"dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "yuan", "rupees", "roubles", "rubles"}
_CURRENCY_SYMBOLS = {"$", "€", "£", "¥", "us$"}
_SCALE = {"million", "billion", "trillion", "thousand", "hundred", "bn", "m"}
_YEAR = re.compile(r"^(?:1[89]|20)\d\d(?:s)?$")
_CLOCK = re.compile(r"^\d{1,2}(?:[:.]\d\d)?$")
# Subject and object roles: a name in one of these slots of a verb is an actor, hence a person
# when it is no state, organisation or place.
_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "iobj", "agent", "pobj", "dative"}
_NAME_PUNCT = {"-", "'", "."}
_LOCATIVE = {"in", "at", "near", "to", "from", "into", "outside", "across", "towards", "toward", "around", "inside", "across", "via", "through"}
_SETTLEMENTS = {"town", "city", "village", "province", "region", "district", "state", "port", "capital", "island", "islands", "county", "governorate", "area"}
# Head nouns of organisation names: "Montenegro Municipality Association", "Chinese Ministry".
_ORG_HEADS = {
    "association", "assembly", "party", "council", "ministry", "army", "front", "union", "league",
    "movement", "committee", "commission", "parliament", "congress", "senate", "agency", "bank",
    "court", "forum", "organisation", "organization", "federation", "alliance", "coalition",
    "company", "corporation", "group", "institute", "university", "guard", "force", "forces",
    "police", "office", "department", "administration", "government", "brigade", "brigades",
}


@lru_cache(maxsize=1)
def _officeholders() -> Any:
    from ..reference.people import load_officeholders

    return load_officeholders()


def _chains(doc: Any) -> list[tuple[int, int]]:
    """Maximal runs of proper nouns, joined across "-" ("Abu Bakr al-Baghdadi")."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        if doc[i].pos_ != "PROPN" or doc[i].lower_ in _HONORIFICS:
            i += 1
            continue
        j = i + 1
        while j < n:
            t = doc[j]
            if t.pos_ == "PROPN" and t.lower_ not in _HONORIFICS and t.lower_ not in _WEEKDAYS:
                j += 1
            elif t.text in _NAME_PUNCT and t.text != "." and j + 1 < n and not t.whitespace_ and (
                    doc[j + 1].pos_ == "PROPN" or _name_tail(doc, i, j)):
                j += 2
            else:
                break
        out.append((i, j))
        i = j
    return out


def _name_tail(doc: Any, start: int, j: int) -> bool:
    """"Moon Jae-in", "Yoon Suk-yeol": the tagger reads the lower-case syllable after a glued
    hyphen as a common noun. It belongs to the name when the name compounds into it, or when
    the whole run is a known officeholder's name. ("Iran-backed", "US-led" hang the name on the
    participle as an adverbial, never as a compound, and name nobody.)"""
    before, after = doc[j - 1], doc[j + 1]
    if before.whitespace_ or not (after.is_alpha and after.is_lower):
        return False
    if before.dep_ == "compound" and before.head.i == after.i and after.pos_ in ("NOUN", "PROPN"):
        return True
    return _person_known(doc[start : j + 2].text)


def _segments(doc: Any, chains: list[tuple[int, int]], term_at: dict[int, tuple[int, int, Any]]) -> list[tuple[int, int]]:
    """Chains cut at office titles and gazetteer terms: "US Secretary of Defense Lloyd Austin"
    gives "US" and "Lloyd Austin"; a title word is never part of a name."""
    from ..reference.gazetteer import find_titles

    out: list[tuple[int, int]] = []
    for s, e in chains:
        # A little context before the chain: "Secretary of Defense Lloyd Austin" cuts "Defense".
        span = doc[max(0, s - 3) : e]
        cut: set[int] = set()
        for cs, ce, _ in find_titles(span.text):
            tspan = doc.char_span(span.start_char + cs, span.start_char + ce, alignment_mode="expand")
            if tspan is not None:
                cut.update(range(tspan.start, tspan.end))
        start = s
        k = s
        while k < e:
            if k in cut:
                if start < k:
                    out.append((start, k))
                start = k + 1
                k += 1
                continue
            term = term_at.get(k)
            if term is not None:
                ts, te = max(term[0], start), min(term[1], e)
                if start < ts:
                    out.append((start, ts))
                out.append((ts, te))
                start = k = te
                continue
            k += 1
        if start < e:
            out.append((start, e))
    return out


def _actor_terms(doc: Any) -> list[tuple[int, int, Any]]:
    """Gazetteer country/organisation mentions as token spans."""
    from ..reference.gazetteer import find_actor_terms

    out = []
    for cs, ce, ref in find_actor_terms(text_of(doc)):
        span = doc.char_span(cs, ce, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end, ref))
    return out


def _titled(doc: Any, start: int) -> bool:
    """An honorific or an office title right before the name: "Mr. Dong", "Defence Minister Ali"."""
    if start == 0:
        return False
    prev = doc[start - 1]
    if prev.lower_ in _HONORIFICS:
        return True
    from ..reference.gazetteer import find_titles

    lo = max(0, start - 4)
    window = doc[lo:start]
    text = window.text
    for s, e, _ in find_titles(text):
        if e >= len(text.rstrip()):
            return True
    return False


def _is_argument(doc: Any, start: int, end: int) -> bool:
    head = doc[start:end].root
    if head.dep_ in _ARG_DEPS:
        if head.dep_ == "pobj":
            # "met with Ortega", "by Ortega": a verb's argument through its preposition.
            prep = head.head
            return prep.head.pos_ in ("VERB", "AUX") and prep.lower_ in ("with", "by", "to", "against", "on", "from")
        return head.head.pos_ in ("VERB", "AUX")
    # "Kovacs and Ortega met": the second conjunct takes the first one's role.
    if head.dep_ == "conj" and head.head.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return head.head.head.pos_ in ("VERB", "AUX")
    # "..., Ortega said." with "said" the root, name as apposition to a subject
    return head.dep_ == "appos" and head.head.dep_ in ("nsubj", "nsubjpass", "dobj")


def _place(text: str) -> bool:
    from ..reference.places import place_country

    return place_country(text) is not None


@lru_cache(maxsize=1)
def _name_words() -> dict[str, frozenset[str]]:
    """Folded word -> ids of the officeholders whose names hold it."""
    from ..reference.people import fold

    index: dict[str, set[str]] = {}
    for term in _officeholders().terms:
        for name in term.names:
            for word in fold(name).split():
                index.setdefault(word, set()).add(term.person_id)
    return {w: frozenset(ids) for w, ids in index.items()}


def _person_known(text: str) -> bool:
    """In the officeholder file: one person's names hold every word of `text` ("Lloyd
    Austin", "Austin"). Exact words only: the file's fuzzy lookup would also take "Samarra" for
    a similar surname, and costs more than the NER it replaces."""
    from ..reference.people import fold

    index = _name_words()
    ids: frozenset[str] | None = None
    for word in fold(text).split():
        found = index.get(word)
        if not found:
            return False
        ids = found if ids is None else ids & found
        if not ids:
            return False
    return bool(ids)


def _title_word(word: str) -> bool:
    from ..reference.gazetteer import title_head_words

    return word in title_head_words()


def _name_like(doc: Any, s: int, e: int) -> bool:
    """Written like a personal name: some word capitalised then lowercase ("Ortega",
    "al-Assad"); an acronym ("AKK") or a single letter is not."""
    return any(len(t.text) > 1 and t.text[0].isupper() and any(c.islower() for c in t.text[1:]) for t in doc[s:e])


def _placed(doc: Any, s: int, e: int) -> bool:
    """A geonames hit is read as a place only where a place is expected: after a locative
    preposition or a settlement noun ("in Lagos", "town of Samarra"), before ", Country", or as a
    name of two or more words. Single words like "Bush" or "Young" are also geonames entries."""
    if e - s > 1 or _region(doc[s:e].text):
        return True  # "Darfur rebels": a region name needs no context
    if s > 0 and doc[s - 1].lower_ in _LOCATIVE:
        return True
    if s > 1 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in _SETTLEMENTS:
        return True
    return e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].pos_ == "PROPN"


def _lone_word_in_place(doc: Any, s: int, e: int) -> bool:
    """One untitled word after "in", "from", "near" ...: "talks in Lagos", "spoke in English",
    "pilgrims from Orlando" name a place or a language, not the officeholder who shares the word
    (Ricardo Lagos, Bill English). "to" is left out: "spoke to Ruto" is a person."""
    return e - s == 1 and s > 0 and doc[s - 1].lower_ in _LOCATIVE and doc[s - 1].lower_ != "to"


def _temporal(doc: Any) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    n = len(doc)
    i = 0
    while i < n:
        t = doc[i]
        low = t.lower_
        # "May" and "Jun." only next to a number: a modal verb, a name ("Dong Jun.").
        near_num = (i + 1 < n and doc[i + 1].like_num) or (i > 0 and doc[i - 1].like_num)
        # "In May, Pompeo flew ...", "since May": after a time preposition and before a clause
        # break, "May" is the month, not Theresa May.
        may_month = low == "may" and i > 0 and doc[i - 1].lower_ in _MONTH_PREPS and not (i + 1 < n and doc[i + 1].lower_ in ("'s", "\u2019s"))
        is_month = low in _MONTHS and t.is_title and (near_num or may_month or (low != "may" and not low.endswith(".") and t.pos_ == "PROPN"))
        if is_month or low in _WEEKDAYS or low in _RELATIVE_DAYS or (t.like_num and _YEAR.match(t.text) and t.pos_ == "NUM"):
            s, e = i, i + 1
            if s > 0 and (doc[s - 1].lower_ in _PERIOD_LEAD or (is_month and doc[s - 1].like_num and len(doc[s - 1].text) <= 2)):
                s -= 1
            # "March 3, 2023", "Monday 4 March", "March 2023"
            while e < n and (
                doc[e].like_num and (len(doc[e].text) <= 2 or _YEAR.match(doc[e].text))
                or doc[e].lower_ in _MONTHS and doc[e].is_title
                or doc[e].text == "," and e + 1 < n and doc[e + 1].like_num and _YEAR.match(doc[e + 1].text)
                or doc[e].lower_ in ("morning", "afternoon", "evening", "night")
            ):
                e += 1
            out.append((s, e, "DATE"))
            i = e
            continue
        if low in _PERIOD_LEAD and i + 1 < n and doc[i + 1].lower_ in _PERIODS:
            out.append((i, i + 2, "DATE"))
            i += 2
            continue
        if t.like_num and i + 1 < n and doc[i + 1].lower_ in ("a.m.", "p.m.", "am", "pm", "gmt", "utc") and _CLOCK.match(t.text):
            out.append((i, i + 2, "TIME"))
            i += 2
            continue
        if low in _CURRENCY_SYMBOLS and i + 1 < n and doc[i + 1].like_num:
            e = i + 2
            while e < n and doc[e].lower_ in _SCALE:
                e += 1
            out.append((i, e, "MONEY"))
            i = e
            continue
        if t.like_num:
            e = i + 1
            while e < n and doc[e].lower_ in _SCALE:
                e += 1
            if e < n and doc[e].lower_ in ("%", "percent", "per"):
                end = e + 2 if doc[e].lower_ == "per" and e + 1 < n and doc[e + 1].lower_ == "cent" else e + 1
                out.append((i, end, "PERCENT"))
                i = end
                continue
            if e < n and doc[e].lower_ in _CURRENCY_WORDS:
                out.append((i, e + 1, "MONEY"))
                i = e + 1
                continue
        i += 1
    return out


def find(doc: Any) -> list[tuple[int, int, str]]:
    """(start token, end token, label) for each entity of a tagged and parsed doc, no overlaps."""
    spans: list[tuple[int, int, str]] = []
    taken = [False] * len(doc)
    terms = _actor_terms(doc)
    term_at: dict[int, tuple[int, int, Any]] = {}
    for s, e, ref in terms:
        for k in range(s, e):
            term_at[k] = (s, e, ref)
    for s, e, label in _temporal(doc):
        spans.append((s, e, label))
        for k in range(s, e):
            taken[k] = True
    for s, e in _segments(doc, _chains(doc), term_at):
        # A date word the parser chained to a name ("On Wednesday Lavrov spoke", "Lavrov
        # Monday said") is trimmed off the name's ends; a date inside a chain drops it.
        while s < e and taken[s]:
            s += 1
        while e > s and taken[e - 1]:
            e -= 1
        if s >= e or any(taken[k] for k in range(s, e)):
            continue
        text = doc[s:e].text
        hit = next((term_at[k] for k in range(s, e) if k in term_at), None)
        if doc[e - 1].lower_ in _ORG_HEADS:
            spans.append((s, e, "ORG"))  # "the Department (of Foreign Affairs)", "Montenegro Assembly"
        elif hit is not None:
            ref = hit[2]
            if ref.kind == "organisation" or ref.how == "seat":
                label = "ORG"
            elif ref.how in ("demonym", "adjective"):
                label = "NORP"  # "Chinese" of "the Chinese Ministry of Defense"
            else:
                label = "GPE"
            spans.append((min(s, hit[0]), max(e, hit[1]), label))
        elif e - s == 1 and _title_word(doc[s].lower_):
            continue  # "Chairman of the US Joint Chiefs of Staff Charles Brown": the title, not a name
        elif _named_by(doc, s):
            spans.append((s, e, "LOC"))  # "the islets that Korea calls Dokdo": a name given to a thing
        elif _fuzzy_country(text):
            spans.append((s, e, "GPE"))  # "Ethopia": a misspelt country is still no person
        elif _name_like(doc, s, e) and (_titled(doc, s) or (_person_known(text) and not _lone_word_in_place(doc, s, e))):
            spans.append((s, e, "PERSON"))  # "Minister Dong Quan": never a place, whatever geonames holds
        elif _place(text) and (_placed(doc, s, e) or _is_argument(doc, s, e)):
            # An argument that geonames knows and the officeholder file does not: "the islets
            # that Korea calls Dokdo", "Samarra was shelled".
            spans.append((s, e, "LOC" if _region(text) else "GPE"))
        elif _is_argument(doc, s, e) and _name_like(doc, s, e):
            spans.append((s, e, "PERSON"))
        elif _is_argument(doc, s, e) and not _name_like(doc, s, e):
            spans.append((s, e, "ORG"))  # "AKK officials", "the UNHCR said"
        else:
            continue
        for k in range(spans[-1][0], spans[-1][1]):
            taken[k] = True
    # Demonyms and adjectives outside a name chain: "Chinese", "Russian-backed" -> NORP.
    for s, e, ref in terms:
        if ref.kind == "country" and ref.how in ("demonym", "adjective") and not any(taken[k] for k in range(s, e)):
            spans.append((s, e, "NORP"))
            for k in range(s, e):
                taken[k] = True
        elif ref.kind == "country" and not any(taken[k] for k in range(s, e)) and doc[s:e].root.pos_ == "PROPN":
            spans.append((s, e, "GPE"))
            for k in range(s, e):
                taken[k] = True
    spans.sort()
    out: list[tuple[int, int, str]] = []
    last = 0
    for s, e, label in spans:
        if s >= last and e > s:
            out.append((s, e, label))
            last = e
    return out


_NAMING = {"call", "name", "dub", "term", "rename"}


def _named_by(doc: Any, s: int) -> bool:
    """The chain right after a naming verb in a relative clause: "the islets that Korea calls
    Dokdo (and Japan calls Takeshima)", "a region which Moscow calls Novorossiya". Outside a
    relative clause "calls" is usually a phone call ("Biden calls Xi"), so those are left alone."""
    if s == 0 or doc[s - 1].lemma_.lower() not in _NAMING:
        return False
    verb = doc[s - 1]
    relative = [t for t in doc[: verb.i + 1] if t.lemma_.lower() in _NAMING and t.dep_ in ("acl", "relcl")]
    # A second naming clause joined by "and" is often attached elsewhere by the parser.
    return any(verb.i - t.i <= 8 for t in relative)


def _fuzzy_country(text: str) -> bool:
    from ..reference.gazetteer import fuzzy_country

    return " " not in text and len(text) >= 5 and fuzzy_country(text) is not None


def _region(text: str) -> bool:
    from ..reference.places import region_country

    return region_country(text) is not None


def assign(doc: Any) -> Any:
    """Set `doc.ents` from the rules and return the doc (for a doc parsed without `ner`)."""
    from spacy.tokens import Span

    doc.ents = [Span(doc, s, e, label=label) for s, e, label in find(doc)]
    return doc
