"""events: PLOVER events from the dependency parse, with source, target, mode and evidence.

For each trigger word (see `parley.lexicon`) the source and target come from the parse:
subjects (through control verbs, conjunctions and passives), objects and prepositional objects,
possessors of event nouns ("Pelosi's visit"), "between X and Y", compound dyads ("US-China
talks"). A noun counts only as an occurrence (held talks, after a meeting, Pelosi's visit), never
as a topic ("promoting visits"). Modality (negated, planned, hypothetical, question) is kept on
every event; only asserted events are listed by default. Every event names the rule that coded it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..lexicon import MODE_WORDS, OCCURRENCE_VERBS, PLOVER_TYPES, Trigger, triggers_for
from ..records import Actor, Document, Event, Quote, Sentence

_QUOTE_PAIRS = [("`", "`"), ("“", "”"), ('"', '"'), ("«", "»"), ("‘", "’"), ("``", "''")]
_NEG = {"not", "n't", "never", "no"}
_NEG_VERBS = {"refuse", "decline", "fail", "reject", "deny"}
_PLAN_VERBS = {"plan", "intend", "expect", "schedule", "hope", "aim", "seek", "want", "propose", "prepare", "wish", "consider", "threaten", "vow", "pledge", "promise", "offer", "agree"}
_PLAN_NOUNS = {"plan", "proposal", "intention", "offer", "bid", "invitation", "possibility", "prospect", "hope", "call"}
_HYPO_AUX = {"would", "could", "might", "may", "should", "must", "can"}
_FUTURE_AUX = {"will", "shall", "'ll"}
_ADJUNCT_PREPS = {"after", "during", "before", "at", "following", "ahead", "since", "on", "in"}
_EVENT_PART_NOUNS = {"ceremony", "opening", "closing", "launch", "start", "end", "sideline", "sidelines", "round", "edition", "session", "part", "conclusion", "margin", "margins"}
_GENERIC_QUANT = {"many", "several", "more", "numerous", "frequent", "regular", "some", "few", "various"}
# Verbal event types that address someone: when the page names no addressee, the interlocutor of
# the page's current meeting is the addressee ("During the call, Austin called for ...").
_ADDRESSED_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"}
_SPEECH_VERBS = {"say", "tell", "announce", "state", "add", "note", "stress", "emphasize", "emphasise", "declare", "report", "claim", "insist", "explain", "confirm", "write"}


def quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for open_q, close_q in _QUOTE_PAIRS:
        if open_q == close_q:
            idx = [m.start() for m in re.finditer(re.escape(open_q), text)]
            if open_q == "`":
                idx = [i for i in idx if not text.startswith("``", i) and not text.startswith("``", i - 1)]
            for a, b in zip(idx[0::2], idx[1::2]):
                spans.append((a, b + len(close_q)))
        else:
            for m in re.finditer(re.escape(open_q) + r"(.+?)" + re.escape(close_q), text, flags=re.S):
                if open_q == "‘" and re.match(r"\w", text[m.end():m.end() + 1] or " "):
                    continue
                spans.append((m.start(), m.end()))
    return sorted(set(spans))


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)


def _children(tok: Any, deps: tuple[str, ...]) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(_conjuncts(c))
    return out


def subject_of(verb: Any) -> tuple[Any | None, bool]:
    """(subject token, is_passive_target) for a verb, climbing control and conjunction."""
    seen = 0
    tok = verb
    while tok is not None and seen < 6:
        seen += 1
        subj = _children(tok, ("nsubj",))
        if subj:
            return subj[0], False
        if _children(tok, ("nsubjpass",)) and tok is verb:
            agent = [c for c in tok.children if c.dep_ == "agent"]
            if agent:
                pobj = _children(agent[0], ("pobj",))
                return (pobj[0] if pobj else None), False
            return None, False
        if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp") and tok.head is not tok:
            # xcomp/advcl: controlled by the head's subject ("China agreed to send ... to attend").
            if tok.dep_ == "ccomp":
                return None, False
            tok = tok.head
            continue
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head, False
        return None, False
    return None, False


def _objects(tok: Any, kinds: tuple[str, ...]) -> list[Any]:
    found: list[Any] = []
    for kind in kinds:
        if kind in ("dobj", "dative"):
            found += _children(tok, (kind,) if kind == "dobj" else ("dative",))
            if kind == "dobj":
                found += _children(tok, ("nsubjpass",))
        else:
            for prep in tok.children:
                if prep.dep_ in ("prep", "prt", "dative") and prep.lower_ == kind:
                    found += _children(prep, ("pobj",))
    return found


class SentenceCoder:
    def __init__(self, doc: Document, sentence: Sentence, sdoc: Any, actors: dict[int, Actor]) -> None:
        self.doc = doc
        self.sentence = sentence
        self.sdoc = sdoc
        self.actors = actors
        self.quotes = quote_spans(sentence.text)

    # -- actor lookup ------------------------------------------------------------------------
    def actor(self, tok: Any | None) -> list[Actor]:
        if tok is None:
            return []
        out: list[Actor] = []
        for t in _conjuncts(tok):
            a = self.actors.get(t.i)
            if a is None and t.dep_ in ("compound", "nmod", "amod") and t.head.i in self.actors:
                a = self.actors[t.head.i]
            if a is None and t.lower_ in ("delegation", "team", "officials", "side"):
                # "a delegation of defense officials" sent by the clause subject.
                continue
            if a is not None:
                out.append(a)
        return out

    def nearest_actor_before(self, pos: int, exclude: set[str]) -> Actor | None:
        best: tuple[int, Actor] | None = None
        for i, a in self.actors.items():
            tok = self.sdoc[i]
            if tok.idx >= pos or _inside(tok.idx, self.quotes) or a.country is None or _key(a) in exclude:
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
        if self.sentence.text.rstrip(" `'\"”’").endswith("?"):
            return "question"
        chain = [event_verb]
        t = event_verb
        while t.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "dobj", "pobj", "prep") and t.head is not t and len(chain) < 6:
            t = t.head
            chain.append(t)
        if tok is not event_verb:
            chain.insert(0, tok)
        for i, v in enumerate(chain):
            kids = list(v.children)
            if any(k.dep_ == "neg" or k.lower_ in _NEG and k.dep_ in ("neg", "det", "advmod") for k in kids):
                return "negated"
            if i > 0 and v.lemma_.lower() in _NEG_VERBS and v.pos_ == "VERB" and chain[i - 1].dep_ == "xcomp":
                return "negated"
            auxes = {k.lower_ for k in kids if k.dep_ in ("aux", "auxpass")}
            if auxes & _FUTURE_AUX:
                return "planned"
            if auxes & _HYPO_AUX:
                return "hypothetical"
            if any(k.dep_ == "mark" and k.lower_ in ("if", "unless", "whether") for k in kids):
                return "hypothetical"
            if i > 0 and chain[i - 1].dep_ in ("xcomp",) and v.lemma_.lower() in _PLAN_VERBS:
                return "planned"
            if v.pos_ == "NOUN" and v.lemma_.lower() in _PLAN_NOUNS and i > 0:
                return "planned"
            if v.lower_ in ("going",) and any(k.dep_ == "xcomp" for k in kids):
                return "planned"
        # "is to visit", "are due to meet"
        for k in event_verb.children:
            if k.dep_ == "aux" and k.lower_ == "to" and event_verb.head.lemma_ in ("be", "due", "set", "expected", "scheduled", "slated"):
                return "planned"
        return "asserted"

    # -- triggers ----------------------------------------------------------------------------
    def code(self) -> list[Event]:
        events: list[Event] = []
        for tok in self.sdoc:
            if _inside(tok.idx, self.quotes):
                continue  # events inside quotes are the speaker's words, attributed via Quote
            cands = triggers_for(tok.lemma_, tok.pos_)
            if not cands and tok.pos_ == "VERB" and tok.lower_ in ("met",):
                cands = triggers_for("meet", "VERB")
            for trig in self._select(tok, cands):
                events.extend(self._events_for(tok, trig))
        return events

    def _select(self, tok: Any, cands: list[Trigger]) -> list[Trigger]:
        if not cands:
            return []
        preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt")}
        with_particle = [t for t in cands if t.particle and t.particle in preps]
        if with_particle:
            return with_particle[:1]
        plain = [t for t in cands if t.particle is None]
        out = []
        for t in plain:
            if t.needs_object:
                objs = _objects(tok, ("dobj", "dative")) if tok.pos_ == "VERB" else []
                lemmas = {o.lemma_.lower() for o in objs}
                if not lemmas & set(t.needs_object):
                    # The noun may be in the light-verb case: "received the visiting delegation"
                    continue
            out.append(t)
            break  # one reading per word
        return out

    def _noun_is_occurrence(self, tok: Any, trig: Trigger) -> tuple[bool, Any]:
        """Whether an event noun denotes an event that happened (and its governing verb)."""
        if tok.dep_ in ("compound", "nmod", "amod"):
            return False, None
        if tok.tag_ in ("NNS", "NNPS") and any(c.lower_ in _GENERIC_QUANT for c in tok.children):
            return False, None
        head = tok.head
        if any(c.dep_ == "poss" for c in tok.children):
            return True, head if head.pos_ in ("VERB", "AUX") else None
        if tok.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
            lem = head.lemma_.lower()
            if lem in OCCURRENCE_VERBS or lem in trig.light_verbs:
                return True, head
            return False, None
        if tok.dep_ == "pobj" and head.lower_ in _ADJUNCT_PREPS and head.head.pos_ in ("VERB", "AUX"):
            return True, head.head
        if tok.dep_ == "pobj" and head.lower_ in _ADJUNCT_PREPS and head.head.pos_ in ("NOUN", "PROPN"):
            return True, None
        # "spoke at the opening ceremony of the joint exercise": an event noun inside a phrase
        # about a stage of the event occurred; the governing verb is above that phrase.
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _EVENT_PART_NOUNS:
            up = head.head
            while up.dep_ in ("pobj", "prep") and up.head is not up:
                up = up.head
            return True, up if up.pos_ in ("VERB", "AUX") else None
        if tok.dep_ in ("nsubj",) and head.lemma_.lower() in ("take", "be", "begin", "end", "start", "focus", "last", "come", "follow", "conclude", "open"):
            return True, head
        if tok.dep_ == "appos" or tok.dep_ == "ROOT":
            return True, None
        return False, None

    def _events_for(self, tok: Any, trig: Trigger) -> list[Event]:
        verb = tok
        sources: list[Actor] = []
        targets: list[Actor] = []
        how = "parse"
        if trig.pos == "NOUN":
            ok, governing = self._noun_is_occurrence(tok, trig)
            if not ok:
                return []
            poss = _children(tok, ("poss",))
            targets = [a for o in _objects(tok, tuple(x for x in trig.objects if x != "between")) for a in self.actor(o)]
            if governing is not None:
                verb = governing
                if not targets:
                    targets = [a for o in _objects(governing, tuple(x for x in trig.objects if x not in ("dobj", "between"))) for a in self.actor(o)]
            between = [a for o in _objects(tok, ("between",)) for a in self.actor(o)]
            if len(between) >= 2:
                sources, targets = [between[0]], between[1:]
                how = "between"
            elif poss:
                sources = self.actor(poss[0])
            elif governing is not None:
                subj, _ = subject_of(governing)
                sources = self.actor(subj)
            elif tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN"):
                sources = self.actor(tok.head.head)
        else:
            subj, _ = subject_of(tok)
            sources = self.actor(subj)
            targets = [a for o in _objects(tok, trig.objects) for a in self.actor(o)]
            if trig.particle:
                targets = [a for o in _objects(tok, (trig.particle,) + trig.objects) for a in self.actor(o)] or targets
        # A subject inside a quote cannot be the agent of a verb outside it (a parse error).
        if sources and any(_inside(a.start - self.sentence.start, self.quotes) for a in sources):
            sources = []
        if not sources:
            exclude = {_key(a) for a in targets}
            near = self.nearest_actor_before(tok.idx, exclude)
            if near is not None:
                sources = [near]
                how = "nearest-actor"
        # Dyad named inside the event noun: "the US-China defense talks".
        if trig.pos == "NOUN" and not targets:
            inner = [self.actors.get(c.i) for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
            inner_countries = []
            for c in tok.subtree:
                if c.i < tok.i and c.dep_ in ("compound", "amod", "nmod"):
                    a = self.actors.get(c.i)
                    from ..gazetteer import lookup_country

                    ref = lookup_country(c.text)
                    if ref is not None and ref.code not in inner_countries:
                        inner_countries.append(ref.code)
            del inner
            src_c = {a.country for a in sources}
            others = [c for c in inner_countries if c not in src_c]
            if others and (src_c & set(inner_countries) or not sources):
                targets = [Actor(others[0], None, others[0], "GOV", None, None, None, -1, -1, "dyad-in-name")]
                how = "dyad-in-name"
                if not sources and len(inner_countries) >= 2:
                    sources = [Actor(inner_countries[0], None, inner_countries[0], "GOV", None, None, None, -1, -1, "dyad-in-name")]
        # Symmetric types: "Biden and Xi agreed" / "after a meeting, Biden and Xi agreed" -> a pair.
        info = PLOVER_TYPES[trig.type]
        if info.symmetric and not targets and len(sources) >= 2:
            sources, targets = [sources[0]], sources[1:]
            how = "compound-actor"
        location, location_country = self._location(tok, verb)
        if not targets and trig.type in ("COOPERATE", "CONSULT") and location_country and sources and all(a.country != location_country for a in sources) and (trig.mode in ("joint exercise", "joint patrol", "visit") or trig.lemma in ("visit", "trip") or trig.pos == "NOUN"):
            targets = [Actor(location or location_country, None, location_country, "GOV", None, None, None, -1, -1, "host-country")]
            how = "host-country"
        if not sources:
            return []
        if not targets:
            if trig.type in _ADDRESSED_TYPES:
                targets = [Actor("", None, None, None, None, None, None, -1, -1, "unresolved")]
                how = "addressee-pending"
            else:
                return []
        modality = self.modality(tok, verb if trig.pos == "NOUN" else tok)
        mode = self._mode(tok, trig, verb)
        out = []
        for s in sources:
            for t in targets:
                if _key(s) == _key(t):
                    continue
                if s.country is None and t.country is None:
                    continue
                out.append(
                    Event(
                        type=trig.type,
                        source=s,
                        target=t,
                        sentence=self.sentence.index,
                        evidence=self.sentence.text,
                        evidence_start=self.sentence.start,
                        evidence_end=self.sentence.end,
                        mode=mode,
                        context=trig.context,
                        modality=modality,  # type: ignore[arg-type]
                        trigger=tok.text,
                        trigger_start=self.sentence.start + tok.idx,
                        coder=f"rule:{trig.type}:{trig.lemma}/{trig.pos.lower()}:{how}",
                        confidence=_confidence(how, s, t),
                        location=location,
                        location_country=location_country,
                        quotes=self._quotes_for(s),
                    )
                )
        return out

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

    def _location(self, tok: Any, verb: Any) -> tuple[str | None, str | None]:
        from ..gazetteer import lookup_country

        anchors = [tok, verb]
        up = verb
        while up.dep_ in ("advcl", "xcomp", "conj") and up.head is not up and len(anchors) < 5:
            up = up.head
            anchors.append(up)
        for anchor in anchors:
            preps = [c for c in anchor.children if c.dep_ == "prep"]
            preps += [cc for p in preps for cc in p.children if cc.dep_ == "conj" and cc.pos_ == "ADP"]
            for prep in preps:
                if prep.lower_ in ("in", "at", "to"):
                    for pobj in _children(prep, ("pobj",)):
                        if pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                            span = [t for t in pobj.subtree if t.ent_type_ in ("GPE", "LOC", "FAC") or t.dep_ in ("appos", "punct", "compound")]
                            text = " ".join(t.text for t in span).replace(" ,", ",")
                            ref = None
                            for t in reversed(span):
                                ref = lookup_country(t.text)
                                if ref is not None:
                                    break
                            if ref is None:
                                from ..places import place_country

                                code = place_country(pobj.text)
                            else:
                                code = ref.code
                            return text or pobj.text, code
        return None, None

    def _quotes_for(self, speaker: Actor) -> tuple[Quote, ...]:
        return tuple(
            Quote(self.sentence.text[a + 1 : b - 1], self.sentence.start + a + 1, self.sentence.start + b - 1, speaker)
            for a, b in self.quotes
        )


def _key(a: Actor) -> str:
    return a.person_id or a.name or (a.text + "|" + (a.country or ""))


def _confidence(how: str, s: Actor, t: Actor) -> float:
    base = {"parse": 0.85, "between": 0.85, "compound-actor": 0.8, "dyad-in-name": 0.7, "host-country": 0.6, "nearest-actor": 0.6, "addressee-pending": 0.55}.get(how, 0.6)
    if s.name or t.name:
        base += 0.05
    return round(min(base, 0.95), 2)


def _resolve_addressees(events: list[Event]) -> list[Event]:
    """Fill a missing addressee with the other side of the page's current meeting."""
    meetings = [e for e in events if e.type == "CONSULT" and e.modality == "asserted"]
    out = []
    for e in events:
        if e.target.resolution != "unresolved":
            out.append(e)
            continue
        partner = None
        for m in meetings:
            if m.sentence > e.sentence + 8:
                continue
            if m.source.country == e.source.country or _key(m.source) == _key(e.source):
                partner = m.target
            elif m.target.country == e.source.country or _key(m.target) == _key(e.source):
                partner = m.source
            if partner is not None:
                break
        if partner is None:
            continue
        out.append(replace(e, target=replace(partner, resolution="interlocutor", start=-1, end=-1), coder=e.coder.replace("addressee-pending", "interlocutor"), confidence=0.6))
    return out


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (type, dyad, sentence, date): several triggers in one sentence for one
    meeting ("met ... for talks"). Run by the time stage, once dates are known."""
    seen: dict[tuple[Any, ...], int] = {}
    out: list[Event] = []
    for e in events:
        pair = (e.source.country, e.target.country)
        if PLOVER_TYPES[e.type].symmetric:
            pair = tuple(sorted(pair, key=lambda x: x or ""))  # type: ignore[assignment]
        key = (e.type, pair, e.sentence, e.modality, e.date.value if e.date else None)
        if key in seen:
            prev = out[seen[key]]
            if e.confidence > prev.confidence:
                out[seen[key]] = e
            continue
        seen[key] = len(out)
        out.append(e)
    return out


def run(doc: Document) -> Document:
    assert doc.article is not None
    cache = doc.cache or {}
    parsed = cache.get("parsed", {})
    actors = cache.get("actors", {})
    captions = {i for i, p in enumerate(doc.article.paragraphs) if p.kind == "caption"}
    events: list[Event] = []
    for sent in doc.sentences:
        sdoc = parsed.get(sent.index)
        if sdoc is None or sent.paragraph in captions:
            continue
        events.extend(SentenceCoder(doc, sent, sdoc, actors.get(sent.index, {})).code())
    events = _resolve_addressees(events)
    return replace(doc, events=tuple(events))
