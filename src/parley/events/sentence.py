"""The sentence being coded: its parse, its actors, quotes and dateline, and how an event is made.

`SentenceContext` is what every rule reads: `actor(token)` (the actors a token stands for,
through conjunctions, pronouns, compounds and "the two sides"), `modality_reason`, the place of an
act, the quotes and their speakers, and `_make` (one event with evidence and quotes).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..records import Actor, Document, Event, Quote, Sentence
from .lexicon import MODE_WORDS, Trigger, triggers_for
from .modality import modality_reason
from .parse_helpers import based_in, children_of, conjuncts, conjuncts_any, inside, quote_spans, subject_of
from .policy import actor_key
from .words import HAPPENING_NOUNS, NON_AGENT_NOUNS, PRONOUN_SUBJECTS, SPEECH_VERBS, WEAPON_AGENTS


class SentenceContext:
    """One parsed sentence with its actors (token index -> actor), quotes and dateline."""

    def __init__(self, doc: Document, sentence: Sentence, sdoc: Any, actors: dict[int, Actor]) -> None:
        self.doc = doc
        self.sentence = sentence
        self.sdoc = sdoc
        self.actors = actors
        self.quotes = quote_spans(sentence.text)
        from ..actors.stage import dateline_end

        self.dateline = dateline_end(sentence.text)
        # The two sides of the page's latest meeting, for "the two sides agreed" (set by run()).
        self.meeting: tuple[Actor, Actor] | None = None
        # The two sides of the page's latest interaction of any type, for the object "both
        # sides" ("the envoy urged both sides to respect the truce"; set by run()).
        self.pair: tuple[Actor, Actor] | None = None

    # -- actor lookup ------------------------------------------------------------------------
    def actor(self, tok: Any | None) -> list[Actor]:
        if tok is None:
            return []
        out: list[Actor] = []
        if tok.idx < self.dateline:
            # "SIEM REAP, Cambodia - US Secretary ... Austin met": the parser hangs the real
            # subject off the dateline's place as an apposition.
            tok = next((c for c in tok.subtree if c.idx >= self.dateline and c.i in self.actors and c.head.idx < self.dateline), None)
            if tok is None:
                return []
        from ..actors.stage import group_size, is_pair_phrase

        for t in conjuncts(tok):
            size = group_size(t) if t.i not in self.actors and t.dep_ in ("nsubj", "nsubjpass", "conj", "dobj", "pobj", "dative") else None
            if size is not None:
                # "the three leaders", "ambassadors from the three capitals": the nearest list
                # of that many states (`_group_parties`)
                out.extend(replace(a, resolution="group:passage") for a in self._group_parties(t, size))
                continue
            if t.i not in self.actors and t.dep_ in ("nsubj", "nsubjpass", "conj") and is_pair_phrase(t):
                sides = self._pair_sides(t)
                if sides is not None:
                    how, (src, tgt) = sides
                    out.extend([replace(src, resolution=how), replace(tgt, resolution=how)])
                continue
            if self.pair is not None and t.i not in self.actors and t.dep_ in ("dobj", "pobj", "dative") and is_pair_phrase(t):
                src, tgt = self.pair
                out.extend([replace(src, resolution="pair:passage"), replace(tgt, resolution="pair:passage")])
                continue
            a = self.actors.get(t.i)
            if a is None and t.dep_ in ("compound", "nmod", "amod") and t.head.i in self.actors:
                a = self.actors[t.head.i]
            if a is None and t.lower_ in PRONOUN_SUBJECTS and t.dep_ in ("nsubj", "nsubjpass"):
                a = self._antecedent(t)
            if a is None and t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") and not (t.dep_ in ("nsubj", "nsubjpass") and self._non_agent_noun(t)):
                # "Security forces in Guinea", "Demonstrators in Baghdad": the group's country
                # is the place the phrase locates it in.
                for prep in list(t.children) + based_in(t):
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of") and t.lower_ not in ("delegation", "team"):
                        for p in children_of(prep, ("pobj",)):
                            inner = self.actors.get(p.i)
                            if inner is not None and inner.country and inner.name is None:
                                a = Actor(t.text, None, inner.country, None, None, None, None, self.sentence.start + t.idx, self.sentence.start + t.idx + len(t.text), "located-in")
            if a is not None and (a.country is None or "context" in a.resolution) and a.name is None and a.person_id is None and t.pos_ in ("NOUN", "PROPN"):
                # "Islamic fundamentalists in the northern districts of Nigeria", "rebels from
                # Sudan": a group the resolver could not place, or placed only from the
                # sentence's context, takes the country its own phrase locates it in (never a
                # named person or organisation)
                placed = self._located(t)
                if placed is not None and placed != a.country:
                    a = replace(a, country=placed, resolution=a.resolution + "+located-in")
            if a is None and t.lower_ in ("delegation", "team", "officials", "side"):
                # "a delegation of defense officials" sent by the clause subject.
                continue
            if a is not None:
                out.extend(self._expand_compound(t, a))
        return out

    def _pair_sides(self, phrase: Any) -> tuple[str, tuple[Actor, Actor]] | None:
        """Whom a subject pair phrase ("the two sides", "ministers of both countries", "the sides")
        stands for: the two states the sentence named before it ("Kim met Moon in April, and the
        two leaders met again in May"), else the two sides of the page's latest meeting, else of
        the passage's latest interaction ("In 2008 the two governments signed ..."); each side
        with a country of its own."""
        named = first_of_each_country([a for i, a in sorted(self.actors.items()) if i < phrase.i])
        if len(named) == 2:
            return "pair:sentence", (named[0], named[1])
        for how, sides in (("pair:meeting", self.meeting), ("pair:passage", self.pair)):
            if sides is not None and sides[0].country and sides[1].country and sides[0].country != sides[1].country:
                return how, sides
        return None

    def _group_parties(self, phrase: Any, size: int) -> list[Actor]:
        """The `size` states the nearest list of that many ("Estonia, Latvia and Lithuania
        condemned ..."): in this sentence before the phrase, then up to `PASSAGE_PAIR_WINDOW`
        sentences back; none if there is no such list (a count of the states a sentence names
        would take in the one they acted against). Organisations (IGO, UNO, EU, NGOs) are no
        states here."""
        from .words import NON_STATE_CODES, PASSAGE_PAIR_WINDOW

        actors, parses = self.doc.token_actors, self.doc.parses
        k = self.sentence.index
        for back in range(min(PASSAGE_PAIR_WINDOW, k) + 1):
            found = self.actors if back == 0 else (actors.of(k - back) if actors is not None else {})
            sdoc = self.sdoc if back == 0 else (parses.get(k - back) if parses is not None else None)
            states = {i: a for i, a in sorted(found.items()) if a.country and a.country not in NON_STATE_CODES and (back > 0 or i < phrase.i)}
            lists = [first_of_each_country([states[t.i] for t in conjuncts(sdoc[i]) if t.i in states]) for i in states] if sdoc is not None else []
            listed = next((group for group in lists if len(group) == size), None)
            if listed is not None:
                return [replace(a, start=-1, end=-1) if back else a for a in listed]
        return []

    def _located(self, t: Any) -> str | None:
        """The country of the place a noun's own "in"/"from" phrase puts it in."""
        for prep in list(t.children) + based_in(t):
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from"):
                for p in children_of(prep, ("pobj",)):
                    inner = self.actors.get(p.i)
                    if inner is not None and inner.country and inner.name is None:
                        return inner.country
        return None

    @staticmethod
    def _non_agent_noun(t: Any) -> bool:
        """A noun for a happening or a thing ("a clash in the Galwan Valley", "the law in
        Texas"), which a place locates but does not make a doer (as an object, "postponed the
        demonstration in Baku", the place still stands for the affected party)."""
        lem = t.lemma_.lower()
        return lem in NON_AGENT_NOUNS or lem in HAPPENING_NOUNS or bool(triggers_for(lem, "NOUN")) or lem in WEAPON_AGENTS

    def _antecedent(self, pron: Any) -> Actor | None:
        """"Iraq said it would allow ...": a pronoun subject of a reported clause is the
        reporting clause's subject."""
        up = pron.head
        for _ in range(4):
            if up.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or up.head is up:
                return None
            up = up.head
            for s in children_of(up, ("nsubj",)):
                if s.i in self.actors:
                    return self.actors[s.i]
        return None

    def _expand_compound(self, tok: Any, actor: Actor) -> list[Actor]:
        """"Hungarian and Romanian officials", "U.S. and Russian negotiators", "the ministers of
        Kenya and Uganda": one actor per coordinated country modifier of the phrase."""
        from ..reference.gazetteer import lookup_country

        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and any(cc.dep_ == "conj" for cc in c.children)]
        # "the ministers of Kyrgyzstan, Kazakhstan and Uzbekistan": the countries enumerated
        # in the phrase's own "of"/"from"
        owners = [p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
                  for p in children_of(prep, ("pobj",)) if any(cc.dep_ == "conj" for cc in p.children)]
        if not mods and not owners:
            return [actor]
        codes: list[str] = []
        for m in mods:
            for c in conjuncts_any(m):
                ref = lookup_country(c.text)
                if ref is not None and ref.code not in codes:
                    codes.append(ref.code)
        for p in owners:
            for c in conjuncts(p):
                inner = self.actors.get(c.i)
                if inner is not None and inner.country and inner.name is None and inner.country not in codes:
                    codes.append(inner.country)
        if len(codes) < 2:
            return [actor]
        return [actor if actor.country == code else replace(actor, country=code, name=None, person_id=None, resolution="compound:" + actor.resolution) for code in codes]

    def nearest_actor_before(self, pos: int, exclude: set[str]) -> Actor | None:
        best: tuple[int, Actor] | None = None
        for i, a in self.actors.items():
            tok = self.sdoc[i]
            if tok.idx >= pos or inside(tok.idx, self.quotes) or a.country is None or actor_key(a) in exclude:
                continue
            # Not the object of "according to"/"from": those are reporters, not agents.
            if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "from") and tok.head.head.lower_ in ("according", "statement"):
                continue
            score = (1 if a.name else 0, tok.idx)
            if best is None or score > (1 if best[1].name else 0, best[0]):
                best = (tok.idx, a)
        return best[1] if best else None
    # -- modality ----------------------------------------------------------------------------
    def modality(self, tok: Any, event_verb: Any) -> str:
        return self.modality_reason(tok, event_verb)[0]

    def modality_reason(self, tok: Any, event_verb: Any) -> tuple[str, str]:
        return modality_reason(self.sentence.text, tok, event_verb)

    # -- the trigger of an event already made ---------------------------------------------------
    def _trigger_token(self, e: Event) -> Any | None:
        """The token of this sentence that triggered `e`."""
        return next((t for t in self.sdoc if self.sentence.start + t.idx == e.trigger_start), None)

    def _act_clause(self, e: Event) -> Any | None:
        """The verb heading the clause of `e`'s trigger (climbing out of objects, prepositions
        and complements), where its condition or ultimatum hangs."""
        tok = self._trigger_token(e)
        if tok is None:
            return None
        while tok.dep_ in ("dobj", "pobj", "prep", "xcomp", "conj", "acomp", "pcomp") and tok.head is not tok:
            tok = tok.head
        return tok

    # -- making an event ----------------------------------------------------------------------
    def _make(self, type_: str, s: Actor, t: Actor, tok: Any, cameo: str, mode: str | None, context: str | None, modality: str, coder: str, confidence: float) -> Event:
        return Event(
            type=type_, source=s, target=t, sentence=self.sentence.index, evidence=self.sentence.text,
            evidence_start=self.sentence.start, evidence_end=self.sentence.end, mode=mode, context=context,
            modality=modality,  # type: ignore[arg-type]
            trigger=tok.text, trigger_start=self.sentence.start + tok.idx, coder=coder, confidence=confidence,
            quotes=self._quotes_for(s, tok),
        )

    def _mode(self, tok: Any, trig: Trigger, verb: Any) -> str | None:
        mode = trig.mode
        words = [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
        if verb is not tok:
            words += [c.lower_ for c in verb.children if c.dep_ in ("advmod", "prep")]
            words += [g.lower_ for c in verb.children if c.dep_ == "prep" for g in c.children]
        for w in words:
            if w in MODE_WORDS and MODE_WORDS[w]:
                return MODE_WORDS[w]
        if trig.type == "CONSULT" and tok.lemma_ in ("call",) and any(w in ("video",) for w in words):
            return "video"
        return mode

    _location_prep: str | None = None  # the preposition that introduced the last location found

    def _location(self, tok: Any, verb: Any) -> tuple[str | None, str | None]:
        from ..reference.gazetteer import lookup_country

        anchors = [tok, verb] + children_of(tok, ("dobj",))
        up = verb
        while up.dep_ in ("advcl", "xcomp", "conj") and up.head is not up and len(anchors) < 5:
            up = up.head
            anchors.append(up)
        for anchor in anchors:
            preps = [c for c in anchor.children if c.dep_ == "prep"]
            preps += [cc for p in preps for cc in p.children if cc.dep_ == "conj" and cc.pos_ == "ADP"]
            for prep in preps:
                if prep.lower_ in ("in", "at", "to"):
                    for pobj in children_of(prep, ("pobj",)):
                        if pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                            span = [t for t in pobj.subtree if t.ent_type_ in ("GPE", "LOC", "FAC") or t.dep_ in ("appos", "punct", "compound")]
                            text = " ".join(t.text for t in span).replace(" ,", ",")
                            # the longest name ending nearest the end: "Northern Ireland" is
                            # GBR, "South Sudan" SSD, "Jericho, West Bank" PSE (never the
                            # last word alone: "Ireland", "Sudan")
                            ref = None
                            words = [t.text for t in span if t.dep_ != "punct"]
                            for end in range(len(words), 0, -1):
                                for begin in range(end):
                                    ref = lookup_country(" ".join(words[begin:end]))
                                    if ref is not None:
                                        break
                                if ref is not None:
                                    break
                            if ref is None:
                                from ..reference.places import place_country

                                code = place_country(pobj.text)
                            else:
                                code = ref.code
                            self._location_prep = prep.lower_
                            return text or pobj.text, code
        self._location_prep = None
        return None, None

    def _quotes_for(self, speaker: Actor, tok: Any | None = None) -> tuple[Quote, ...]:
        """Direct quotes in the sentence, each attributed to the subject of the speech verb that
        governs it ("`...,` the Pentagon said" -> the Pentagon); a quote with no speech verb of
        its own is the event's source's."""
        out = []
        for a, b in self.quotes:
            inside_trigger = tok is not None and any(tok.is_ancestor(t) for t in self.sdoc if a < t.idx < b)
            # words quoted inside the event's own clause ("called on the US to `take ...`") are
            # the event source's; otherwise the speech verb's subject says them
            who = speaker if inside_trigger else (self._quote_speaker(a, b) or speaker)
            out.append(Quote(self.sentence.text[a + 1 : b - 1].strip("`'"), self.sentence.start + a + 1, self.sentence.start + b - 1, who))
        return tuple(out)

    def _quote_speaker(self, a: int, b: int) -> Actor | None:
        quoted = [t for t in self.sdoc if a < t.idx < b]
        if not quoted:
            return None
        # The speech verb outside the quote that heads (or is nearest to) the quoted words.
        heads = {t.head.i for t in quoted if not (a < t.head.idx < b)}
        cands = [self.sdoc[i] for i in heads if self.sdoc[i].lemma_.lower() in SPEECH_VERBS | {"emphasize", "emphasise", "stress", "call", "urge"}]
        if not cands:
            cands = [t for t in self.sdoc if t.lemma_.lower() in SPEECH_VERBS and not (a <= t.idx < b) and t.pos_ in ("VERB", "AUX")]
            cands.sort(key=lambda t: min(abs(t.idx - a), abs(t.idx - b)))
        for v in cands[:1]:
            subj, _ = subject_of(v)
            found = [a for a in self.actor(subj) if a.country or a.name]
            if found:
                return found[0]
        return None


def first_of_each_country(actors: list[Actor]) -> list[Actor]:
    """The first actor of each country, in order."""
    seen: dict[str, Actor] = {}
    for a in actors:
        if a.country and a.country not in seen:
            seen[a.country] = a
    return list(seen.values())


def read_as_pair(actors: list[Actor], prefix: str = "pair:") -> bool:
    """Two or more sides all taken from one pair phrase ("the two sides") or, with prefix
    "group:", one counted group ("the three leaders")."""
    return len(actors) >= 2 and all(a.resolution.startswith(prefix) for a in actors)
