"""events: PLOVER events from the dependency parse, with source, target, mode and evidence.

For each trigger word (see `parley.events.lexicon`) the source and target come from the parse:
subjects (through control verbs, conjunctions and passives), objects and prepositional objects,
possessors of event nouns ("Pelosi's visit"), "between X and Y", compound dyads ("US-China
talks"). A noun counts only as an occurrence (held talks, after a meeting, Pelosi's visit), never
as a topic ("promoting visits"). Modality (negated, planned, hypothetical, question) is kept on
every event; only asserted events are listed by default. Every event names the rule that coded it.

When the verb's own objects name no other party (or only a party of unknown country), the target
is looked for, in order, behind the object noun ("rejected North Korea's demand", "defied a
Security Council resolution", "boycott all contact with the United States", down a short chain
of nouns: "an extension of the mandate for the force in Lebanon"), in the trigger's preposition
hung on its theme ("withdrawal of forces from Panama"), in the complement clause ("demanded that
the US cancel", "offered to hand over to Britain"), in the verb's prepositional objects, in an
ultimatum's condition ("threatened to strike unless Israel ..."), for symmetric types in a
"with" partner ("ended its dispute with its EU partners"), and last in the trigger's own clause.
A group the resolver could not place takes the country its own phrase or the act's place puts
it in ("attacked Islamic fundamentalists in Sudan"); the event's place is the longest place
name in its phrase ("Northern Ireland" is GBR, never the last word's IRL). Compound modifiers ("Hungarian and Romanian officials") expand to one actor
per country. Derived events follow CAMEO: a stated intention to cooperate is an AGREE, to do harm
or an ultimatum a THREATEN (both "planned"), a refusal of cooperation a REJECT; "X said Y must"
is a REQUEST. A derived intention is dropped once the time stage finds its act done.

Dyad policy (`_dyad_allowed`): a record with no target at all is made only for one-sided types
and stated commitments (AGREE); a named target of unknown country is kept as the trigger's own
argument; both cap the confidence at 0.5. Same-country pairs need two explicit, distinct actors
(or a domestic PROTEST/CONCEDE/COERCE), never a guessed side. What someone is accused, charged or
convicted of is not asserted ("accused X of threatening" is one ACCUSE). A leading dateline
("SIEM REAP, Cambodia, Nov. 22 - ...") is never an actor; "the two sides/ministers" are the
parties of the page's latest meeting.

Where the rules code nothing usable in a parsed sentence with actors, the learned sentence model
(`parley.events.model`) may code one event above its held-out threshold (`coder="model:..."`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .lexicon import MODE_WORDS, OCCURRENCE_VERBS, PLOVER_TYPES, Trigger, triggers_for
from ..records import Actor, Document, Event, Quote, Sentence

_QUOTE_PAIRS = [("`", "`"), ("“", "”"), ('"', '"'), ("«", "»"), ("‘", "’"), ("``", "''")]
_NEG = {"not", "n't", "never", "no"}
_NEG_VERBS = {"refuse", "decline", "fail", "reject", "deny"}
_PLAN_VERBS = {"plan", "intend", "expect", "schedule", "hope", "aim", "seek", "want", "propose", "prepare", "wish", "consider", "threaten", "vow", "pledge", "promise", "offer", "agree"}
_PLAN_NOUNS = {"plan", "proposal", "intention", "offer", "bid", "invitation", "possibility", "prospect", "hope", "call"}
_HYPO_AUX = {"would", "could", "might", "may", "should", "must", "can"}
_FUTURE_AUX = {"will", "shall", "'ll"}
_ADJUNCT_PREPS = {"after", "during", "before", "at", "following", "ahead", "since", "on", "in"}
_EVENT_PART_NOUNS = {"day", "week", "month", "hour", "package", "wave", "raft", "batch", "series", "set", "ceremony", "opening", "closing", "launch", "start", "end", "sideline", "sidelines", "round", "edition", "session", "part", "conclusion", "margin", "margins"}
_TERMINATING = {"end", "cancel", "terminate", "scrap", "abandon", "suspend", "violate", "break", "revoke", "annul", "quit", "denounce", "tear", "breach"}
_GENERIC_QUANT = {"many", "several", "more", "numerous", "frequent", "regular", "some", "few", "various"}
# Verbal event types that address someone: when the page names no addressee, the interlocutor of
# the page's current meeting is the addressee ("During the call, Austin called for ...").
_ADDRESSED_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"}
_SPEECH_VERBS = {"say", "tell", "announce", "state", "add", "note", "stress", "emphasize", "emphasise", "declare", "report", "claim", "insist", "explain", "confirm", "write", "reiterate", "conclude", "warn", "repeat", "argue", "maintain", "charge", "complain", "quote"}
# Verbs and adjectives that make their complement an intention of the subject ("offered to send",
# "is ready to contribute"): CAMEO codes the stated intention itself (AGREE for cooperation,
# THREATEN for conflict); parley keeps both, the intention with modality "planned".
_INTENT_HEADS = {"offer", "promise", "pledge", "vow", "agree", "commit", "plan", "intend", "prepare", "decide", "resolve", "threaten", "swear", "ready", "willing", "prepared", "determined", "committed", "set", "poised", "going", "seek", "want", "aim", "hope", "propose"}
_REFUSAL_HEADS = {"refuse", "decline", "reject", "unwilling", "reluctant"}
_MUST_AUX = {"must", "should", "need", "ought", "have"}
# Verbs and nouns whose complement is an act asked for, not one done ("demanded that its
# partners refuse", "urged the EU to support", "its demand that Israel ease restrictions").
_REQUEST_HEADS = {"urge", "ask", "demand", "call", "press", "appeal", "request", "implore", "plead", "beg", "order", "instruct", "tell"}
_REQUEST_NOUNS = {"demand", "call", "appeal", "request", "plea", "order", "ultimatum"}
# Promises whose complement is negated are refusals ("vowed not to return the territory").
_PROMISE_VERBS = {"vow", "pledge", "promise", "swear"}
_PRESSURE_NOUNS = {"pressure", "call", "demand", "appeal", "request", "plea", "urging", "ultimatum", "protest", "criticism"}
# Making or gathering arms ("manufacturing weapons to use against"), not handing them on.
_ARMING_VERBS = {"manufacture", "make", "build", "develop", "produce", "acquire", "stockpile", "amass", "assemble", "buy", "purchase", "obtain", "prepare", "train", "test", "stock", "hoard", "design"}
_ARMS_NOUNS = {"weapon", "arm", "missile", "rocket", "bomb", "drone", "explosive", "warhead", "munition", "gas", "agent", "device", "mine", "hacker", "fighter"}
# A vow to do these is a threat of force whatever follows ("vowed to retaliate", "swore revenge");
# these others only when aimed at a party ("vowed to crush the rebels", not "to crush dissent").
_FORCE_ALWAYS = {"retaliate", "avenge", "revenge"}
_FORCE_AGAINST_PARTY = {"fight", "battle", "attack", "crush", "annihilate", "wipe", "destroy", "kill", "punish", "strike", "hit", "bomb", "invade", "eliminate"}
_ENEMY_NOUNS = {"enemy", "invader", "occupier", "aggressor", "occupation", "invasion", "rebel", "insurgent", "militant", "guerrilla", "terrorist", "army", "troop", "force", "soldier", "regime", "junta"}
# Going somewhere "for talks" is holding them ("negotiators return to Geneva for talks").
_TRAVEL_VERBS = {"return", "go", "travel", "arrive", "come", "head", "fly", "gather", "convene", "leave"}
# A delegation, team or envoy "sent to X" travels there: the visit is the event (CONSULT), its
# destination is not the addressee of the sending.
_TRAVELLER_NOUNS = {"delegation", "team", "mission", "envoy", "official", "officials", "minister", "representative", "emissary", "negotiator", "diplomat"}
_PRONOUN_SUBJECTS = {"it", "they", "we", "he", "she", "i"}
# Types whose event needs no second party (a resignation, a ceasefire, a strike).
_ONE_SIDED_TYPES = {"RETREAT", "PROTEST", "MOBILIZE", "CONCEDE"}
_DOMESTIC_TYPES = {"PROTEST", "CONCEDE", "COERCE"}
_STATE_NOUNS = {"relation", "tie", "support", "cooperation", "access", "pressure", "asylum", "assistance", "compensation", "alert", "praise", "sanction", "embargo", "curfew", "blockade"}
# Heads whose "of"/"for"/"with" complement is an allegation: the alleged act is not asserted.
_ALLEGING_HEADS = {"accuse", "charge", "convict", "suspect", "blame", "condemn", "criticize", "criticise", "denounce", "indict", "accusation", "allegation", "charge", "suspicion", "guilty", "acquit", "arrest", "sentence", "investigate", "try", "fault", "castigate", "slam", "rebuke", "reproach"}
# Speech products that voice their issuer's demand or protest ("issued a statement demanding").
_SPEECH_PRODUCTS = {"statement", "declaration", "communique", "letter", "resolution", "message", "note", "appeal", "petition", "manifesto", "memorandum"}
_OFFICIAL_PROTEST = Trigger("protest", "VERB", "ACCUSE", "114", ("dobj", "to", "against"), mode="allege", context="diplomatic")
# Agents of a passive that are weapons, not actors ("hit by missiles fired from ...").
_WEAPON_AGENTS = {"missile", "rocket", "drone", "shell", "mortar", "bomb", "grenade", "projectile", "artillery", "airstrike", "strike", "fire", "bullet", "shot", "gunfire", "shelling", "salvo", "barrage", "torpedo", "explosive", "device"}
# Sectors of armed non-state groups: their attacks at home are coded to the country where
# they strike ("militants attacked a village in Turkey" -> TUR rebels vs TUR).
_LOCATIVE_PREPS = {"near", "along", "across", "at", "in", "inside", "outside", "within", "off", "by", "beside", "around", "through", "over", "toward", "towards", "north", "south", "east", "west", "between"}
# Nouns that stand for a deed just reported ("..., a move that Beijing criticized").
_ACT_NOUNS = {"move", "step", "decision", "action", "act", "measure", "gesture", "announcement", "development"}
# Subjects that name a non-agent doer: documents, speech products, natural forces, abstractions.
_NON_AGENT_NOUNS = {
    "report", "statement", "resolution", "law", "bill", "decision", "move", "plan", "agreement", "deal", "treaty",
    "accord", "communique", "declaration", "letter", "document", "article", "study", "survey", "poll", "vote",
    "announcement", "measure", "policy", "proposal", "program", "programme", "rule", "regulation", "order", "decree",
    "ruling", "verdict", "storm", "cyclone", "hurricane", "typhoon", "earthquake", "quake", "flood", "fire", "drought",
    "tsunami", "epidemic", "pandemic", "virus", "outbreak", "crisis", "war", "conflict", "violence", "fighting",
    "news", "media", "footage", "video", "image", "photo", "post", "tweet", "website", "book", "film", "price",
    "economy", "market", "rate", "inflation", "situation", "development", "event", "incident", "issue", "problem",
    "accident", "crash", "collision", "landslide", "avalanche", "stampede",
}
# Happenings that a place locates but does not make a party: "a clash in the Galwan Valley"
# is no actor (an attack's place still stands in for its unknown doer via the nearest actor).
_HAPPENING_NOUNS = {"clash", "skirmish", "battle", "explosion", "blast", "bombing", "raid", "ambush", "riot", "shooting"}
_ARMED_NON_STATE = {"REB", "UAF", "CRM", "IMG", "INS"}
# Harm verbs whose agent may be a device or a blast rather than a party ("killed in a car bomb
# explosion"), and the blasts and attacks such an agent is named by.
# Participles that with "be" state a stance rather than a passive act ("is opposed to").
_STATIVE_PASSIVES = {"oppose": ("to",), "commit": ("to",)}
_HARM_VERBS = {"kill", "wound", "injure", "murder"}
_DEVICE_EVENTS = {"explosion", "blast", "bombing", "minefield", "mine", "landmine", "ied", "airstrike", "attack", "ambush", "detonation", "booby-trap"}
_COMPLEMENT_PREPS = ("to", "with", "against", "on", "from", "into", "for", "upon", "at", "of", "in", "between")


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


_CROWD_NOUNS = {"people", "protester", "demonstrator", "student", "worker", "resident", "villager", "crowd", "activist", "supporter", "marcher", "farmer", "teacher", "citizen", "youth", "woman", "man", "mourner", "worshipper", "trader", "driver"}
_COUNT_NOUNS = {"hundred", "thousand", "dozen", "million", "score", "ten", "tens", "hundreds", "thousands", "dozens", "millions", "scores", "group", "crowd"}


def _crowd(subj: Any | None) -> Any | None:
    """The subject is an unnamed crowd ("thousands of people", "students", "a crowd of
    villagers"); returns the noun that names it."""
    if subj is None:
        return None
    lem = subj.lemma_.lower()
    if lem in _CROWD_NOUNS:
        return subj
    if lem in _COUNT_NOUNS or subj.lower_ in _COUNT_NOUNS:
        for prep in subj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for p in _children(prep, ("pobj",)):
                    if p.lemma_.lower() in _CROWD_NOUNS:
                        return p
    return None


def _based_in(t: Any) -> list[Any]:
    """The "in" phrase of a participle placing a group: "a group based in Trinidad", "militants
    headquartered in Syria", "troops stationed in Germany"."""
    return [p for c in t.children if c.dep_ == "acl" and c.lemma_.lower() in ("base", "headquarter", "station", "locate") for p in c.children if p.dep_ == "prep" and p.lower_ == "in"]


def _conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(_conjuncts(c))
    return out


def _conjuncts_any(tok: Any) -> list[Any]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts_any(c))
    return out


def _fragment_subject(v: Any) -> Any | None:
    """"Doctors from two aid groups donated and delivered goods to ...": with no verb at the
    root, the parser hangs the real predicate off the subject phrase as a participle. A
    participle that (itself or its conjunct) takes a direct object is active, not a reduced
    passive ("Five soldiers killed in an attack" has none), so the root noun is its subject."""
    if v.dep_ != "acl" or v.tag_ not in ("VBN", "VBD"):
        return None
    root = v.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp") and t.i < v.i for t in v.sent):
        return None
    head = v.head
    if not (head.i == root.i or (head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i == root.i)):
        return None
    if v.i > 0 and v.doc[v.i - 1].is_punct:
        return None  # "the envoy, received warmly, ...": an aside
    if not any(c.dep_ == "dobj" for x in _conjuncts_any(v) for c in x.children):
        return None
    return root


def subject_of(verb: Any) -> tuple[Any | None, bool]:
    """(subject token, is_passive_target) for a verb, climbing control and conjunction."""
    seen = 0
    tok = verb
    came_by = ""
    while tok is not None and seen < 6:
        seen += 1
        subj = _children(tok, ("nsubj",))
        if subj:
            # two subjects is a parse error; the one nearest the verb is the likelier
            return min(subj, key=lambda x: abs(tok.i - x.i)), False
        if _children(tok, ("nsubjpass",)) and tok is not verb and came_by == "conj":
            # "has been indicted ... and will resign": the passive subject is the conjunct's too
            return _children(tok, ("nsubjpass",))[0], False
        if _children(tok, ("nsubjpass",)) and tok is verb:
            agent = [c for c in tok.children if c.dep_ == "agent"]
            if agent:
                pobj = _children(agent[0], ("pobj",))
                return (pobj[0] if pobj else None), False
            return None, False
        if tok.dep_ == "acomp" and tok.head is not tok and tok.head.pos_ in ("AUX", "VERB") and came_by == "xcomp":
            # "he is prepared to lift the ban", "Norway is willing to send": the adjective's
            # controller is the copula's subject
            came_by = "acomp"
            tok = tok.head
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in _SPEECH_PRODUCTS and tok.head.dep_ in ("dobj", "pobj") and tok.head.head is not tok.head:
            # "issued a declaration demanding that ...": the declaration speaks for whoever
            # issued it (climb to the issuing verb, or past "in a statement")
            up = tok.head.head
            if up.pos_ == "ADP" and up.head is not up:
                up = up.head
            if up.pos_ in ("VERB", "AUX"):
                came_by = "acl"
                tok = up
                continue
        if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp") and tok.head is not tok:
            # xcomp/advcl: controlled by the head's subject ("China agreed to send ... to attend").
            if tok.dep_ == "ccomp":
                return None, False
            came_by = tok.dep_
            tok = tok.head
            continue
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head, False
        fragment = _fragment_subject(tok)
        if fragment is not None:
            return fragment, False
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head, False  # "demonstrators protesting election results"
        return None, False
    return None, False


_TIME_NOUNS = {"day", "week", "month", "year", "hour", "minute", "time", "night", "morning", "evening", "afternoon", "weekend", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_OBJECTLESS_STOPS = {"that", "which", "who", "whom", "whose", "if", "unless", "because", "while", "when", "and", "but", "or"}


def _misattached_noun(anchor: Any, limit: int = 8) -> Any | None:
    """The noun phrase the parser tore off as the subject of a later clause: "shortened by one
    hour the nightly curfew imposed ..." (the shifted object read as the subject of a verb
    further on), "granted asylum to five officers holed up in ..." (the preposition left
    without its object). Only a noun reached without crossing punctuation, a verb or a clause
    word, and whose own verb follows it and lies under the anchor's clause, qualifies."""
    doc = anchor.doc
    top = anchor.head if anchor.pos_ == "ADP" else anchor
    for t in doc[anchor.i + 1: min(len(doc), anchor.i + 1 + limit)]:
        if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") or t.dep_ == "mark" or t.lower_ in _OBJECTLESS_STOPS:
            return None
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass") and t.head.i > t.i:
            return t if any(a.i == top.i for a in t.head.ancestors) else None
        if t.pos_ == "NOUN" and t.dep_ in ("npadvmod", "oprd") and t.head.i == top.i and anchor.pos_ != "ADP" and t.lemma_.lower() not in _TIME_NOUNS and t.ent_type_ not in ("DATE", "TIME"):
            return t  # the same object read as a bare adverbial noun ("eased by two hours the curfew")
    return None


def _shifted_object(verb: Any) -> Any | None:
    """A heavy object moved past an adverbial ("shortened by one hour the curfew"): only when
    the verb has no object of its own and an adverbial phrase stands right after it (so "warned
    the rebels would attack", a real clause subject, never qualifies)."""
    if verb.pos_ != "VERB" or _children(verb, ("dobj", "nsubjpass")) or verb.i + 1 >= len(verb.doc):
        return None
    nxt = verb.doc[verb.i + 1]
    if not (nxt.pos_ in ("ADP", "ADV") and nxt.head.i == verb.i or nxt.dep_ == "agent"):
        return None
    return _misattached_noun(verb, limit=10)


def _objects(tok: Any, kinds: tuple[str, ...]) -> list[Any]:
    found: list[Any] = []
    for kind in kinds:
        if kind in ("dobj", "dative"):
            found += _children(tok, (kind,) if kind == "dobj" else ("dative",))
            if kind == "dobj":
                found += _children(tok, ("nsubjpass",))
                if not found and tok.pos_ == "VERB":
                    shifted = _shifted_object(tok)
                    found += [shifted] if shifted is not None else []
        else:
            for prep in tok.children:
                if prep.dep_ in ("prep", "prt", "dative") and prep.lower_ == kind:
                    pobjs = _children(prep, ("pobj",))
                    if not pobjs and prep.dep_ == "prep" and not _children(prep, ("pcomp",)):
                        # a preposition without its object is a parse error: its noun is the
                        # next phrase, read by the parser as a later clause's subject
                        torn = _misattached_noun(prep)
                        pobjs = [torn] if torn is not None else []
                    found += pobjs
    return found


class SentenceCoder:
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
        from ..actors.stage import is_pair_phrase

        for t in _conjuncts(tok):
            if self.meeting is not None and t.i not in self.actors and t.dep_ in ("nsubj", "nsubjpass", "conj") and is_pair_phrase(t):
                src, tgt = self.meeting
                out.extend([replace(src, resolution="pair:meeting"), replace(tgt, resolution="pair:meeting")])
                continue
            a = self.actors.get(t.i)
            if a is None and t.dep_ in ("compound", "nmod", "amod") and t.head.i in self.actors:
                a = self.actors[t.head.i]
            if a is None and t.lower_ in _PRONOUN_SUBJECTS and t.dep_ in ("nsubj", "nsubjpass"):
                a = self._antecedent(t)
            if a is None and t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") and not (t.dep_ in ("nsubj", "nsubjpass") and self._non_agent_noun(t)):
                # "Security forces in Guinea", "Demonstrators in Baghdad": the group's country
                # is the place the phrase locates it in.
                for prep in list(t.children) + _based_in(t):
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of") and t.lower_ not in ("delegation", "team"):
                        for p in _children(prep, ("pobj",)):
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

    def _located(self, t: Any) -> str | None:
        """The country of the place a noun's own "in"/"from" phrase puts it in."""
        for prep in list(t.children) + _based_in(t):
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from"):
                for p in _children(prep, ("pobj",)):
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
        return lem in _NON_AGENT_NOUNS or lem in _HAPPENING_NOUNS or bool(triggers_for(lem, "NOUN")) or lem in _WEAPON_AGENTS

    def _antecedent(self, pron: Any) -> Actor | None:
        """"Iraq said it would allow ...": a pronoun subject of a reported clause is the
        reporting clause's subject."""
        up = pron.head
        for _ in range(4):
            if up.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or up.head is up:
                return None
            up = up.head
            for s in _children(up, ("nsubj",)):
                if s.i in self.actors:
                    return self.actors[s.i]
        return None

    def _expand_compound(self, tok: Any, actor: Actor) -> list[Actor]:
        """"Hungarian and Romanian officials", "U.S. and Russian negotiators": one actor per
        coordinated country modifier of the phrase."""
        from ..reference.gazetteer import lookup_country

        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and any(cc.dep_ == "conj" for cc in c.children)]
        if not mods:
            return [actor]
        codes: list[str] = []
        for m in mods:
            for c in _conjuncts_any(m):
                ref = lookup_country(c.text)
                if ref is not None and ref.code not in codes:
                    codes.append(ref.code)
        if len(codes) < 2:
            return [actor]
        return [actor if actor.country == code else replace(actor, country=code, name=None, person_id=None, resolution="compound:" + actor.resolution) for code in codes]

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
        return self.modality_reason(tok, event_verb)[0]

    def modality_reason(self, tok: Any, event_verb: Any) -> tuple[str, str]:
        """(modality, why): why is "future", "intent", "refusal", "condition", "negation",
        "modal", "question" or "" — the derived-event rules use it."""
        if self.sentence.text.rstrip(" `'\"”’").endswith("?"):
            return "question", "question"
        chain = [event_verb]
        t = event_verb
        while t.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "dobj", "pobj", "prep", "acomp") and t.head is not t and len(chain) < 7:
            if t.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("after", "before", "because", "as", "since", "when", "while", "although", "though") for k in t.children):
                break  # a time/cause clause: its modality is its own
            t = t.head
            chain.append(t)
        if tok is not event_verb:
            chain.insert(0, tok)
        for i, v in enumerate(chain):
            kids = list(v.children)
            lemma = v.lemma_.lower()
            if any(k.dep_ == "neg" or k.lower_ in _NEG and k.dep_ in ("neg", "det", "advmod") for k in kids):
                auxes = {k.lower_ for k in kids if k.dep_ in ("aux", "auxpass")}
                if auxes & (_FUTURE_AUX | {"would"}):
                    return "negated", "refusal"  # "will not accept": a refusal
                return "negated", "negation"
            if i > 0 and lemma in _NEG_VERBS | _REFUSAL_HEADS and chain[i - 1].dep_ in ("xcomp", "acomp"):
                return "negated", "refusal"
            auxes = {k.lower_ for k in kids if k.dep_ in ("aux", "auxpass")}
            if auxes & _FUTURE_AUX:
                return "planned", "condition" if self._conditioned(v) else "future"
            if "would" in auxes and self._reported(v):
                # "said it would allow": the future of a past report, not a hypothesis.
                return "planned", "condition" if self._conditioned(v) else "future"
            if auxes & _HYPO_AUX:
                # "may halt its mediation if cooperation founders": a conditional move is an
                # ultimatum or an offer, as with "will"
                return "hypothetical", "condition" if self._conditioned(v) else "modal"
            if any(k.dep_ == "mark" and k.lower_ in ("if", "unless", "whether") for k in kids):
                return "hypothetical", "condition"
            if i > 0 and chain[i - 1].dep_ in ("xcomp",) and lemma in _PLAN_VERBS | _INTENT_HEADS:
                if lemma == "set" and v.pos_ != "ADJ" and v.tag_ != "VBN":
                    continue
                if self._asked_of(v):
                    return "hypothetical", "modal"
                return "planned", "condition" if self._conditioned(v) else "intent"
            if i > 0 and v.pos_ == "ADJ" and lemma in _INTENT_HEADS:
                if self._asked_of(v):
                    return "hypothetical", "modal"
                return "planned", "condition" if self._conditioned(v) else "intent"
            if v.pos_ == "NOUN" and lemma in _PLAN_NOUNS and i > 0:
                return "planned", "intent"
            if v.lower_ in ("going",) and any(k.dep_ == "xcomp" for k in kids):
                return "planned", "future"
        requested = self._requested(event_verb)
        if requested:
            return "hypothetical", "requested"
        # "is to visit", "are due to meet"
        for k in event_verb.children:
            if k.dep_ == "aux" and k.lower_ == "to" and event_verb.head.lemma_ in ("be", "due", "set", "expected", "scheduled", "slated"):
                return "planned", "future"
        return "asserted", ""

    @staticmethod
    def _asked_of(v: Any) -> bool:
        """"the US must be ready to mediate", "should be willing to talk": readiness asked of
        someone (a demand), not an intent they state."""
        cop = v.head if v.dep_ == "acomp" else v
        return bool({k.lower_ for x in (v, cop) for k in x.children if k.dep_ == "aux"} & {"must", "should", "ought"})

    @staticmethod
    def _requested(v: Any) -> bool:
        """The act is what someone asks, urges or demands ("demanded that its partners refuse
        to recognize", "urged the bloc to support", "reiterated its demand that Israel ease"):
        asked for, not done."""
        up = v
        for _ in range(3):
            if up.dep_ not in ("xcomp", "ccomp", "acl", "advcl", "pcomp") or up.head.i == up.i:
                return False
            dep, up = up.dep_, up.head
            lem = up.lemma_.lower()
            if dep in ("xcomp", "ccomp") and up.pos_ == "VERB" and lem in _REQUEST_HEADS:
                if lem == "tell" and dep == "ccomp":
                    return False  # "told reporters that X had left": a report
                return True
            if dep == "advcl" and up.pos_ == "VERB" and lem in _REQUEST_HEADS - {"tell", "call"} and any(k.dep_ == "aux" and k.lower_ == "to" for k in v.children):
                return True  # "demanded parties to allow": the parser's purpose clause
            if dep == "ccomp" and up.pos_ == "VERB" and any(o.lemma_.lower() in _REQUEST_NOUNS for o in _children(up, ("dobj",))):
                return True  # "reiterated its demand that Israel ease": the clause hangs on the verb
            if dep in ("acl", "ccomp") and up.pos_ == "NOUN" and lem in _REQUEST_NOUNS:
                return True
            if dep == "pcomp" and up.lower_ == "for" and up.head.pos_ == "NOUN" and up.head.lemma_.lower() in _REQUEST_NOUNS:
                return True  # "an appeal for deploying troops"
        return False

    @staticmethod
    def _reported(v: Any) -> bool:
        """The clause is the content of a speech verb ("X said it would ...")."""
        up = v
        for _ in range(3):
            if up.dep_ in ("ccomp", "conj") and up.head is not up:
                up = up.head
                if up.lemma_.lower() in _SPEECH_VERBS | {"announce", "confirm", "decide", "agree", "indicate", "signal", "promise"}:
                    return True
            else:
                return False
        return False

    @staticmethod
    def _conditioned(v: Any) -> bool:
        """An ultimatum: "will withdraw ... unless X", "would boycott ... if X"."""
        return any(t.dep_ == "mark" and t.lower_ in ("unless", "if") for t in v.subtree)

    # -- triggers ----------------------------------------------------------------------------
    def code(self) -> list[Event]:
        events: list[Event] = self._persona_non_grata()
        for tok in self.sdoc:
            if _inside(tok.idx, self.quotes):
                continue  # events inside quotes are the speaker's words, attributed via Quote
            if tok.ent_type_ in ("DATE", "TIME"):
                continue  # "in March 2023": a month, never a march
            if tok.pos_ == "VERB" and tok.dep_ in ("amod", "compound"):
                continue  # "five detained US citizens": a state described, not an act reported
            if tok.tag_ in ("VBN", "JJ") and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not _children(tok, ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "agent")):
                continue  # "evacuated the wounded", "the dead included": people, not an act
            if self._accusation_content(tok):
                continue  # "accused X of threatening": only the accusation is asserted
            cands = triggers_for(tok.lemma_, tok.pos_)
            if not cands and tok.pos_ == "VERB" and tok.lower_ in ("met",):
                cands = triggers_for("meet", "VERB")
            if not cands and tok.pos_ in ("ADJ", "VERB", "NOUN") and tok.tag_ in ("VBN", "JJ", "NN"):
                # the tagger sometimes reads a participle as an adjective ("was attacked")
                cands = triggers_for(tok.lemma_, "VERB") if tok.dep_ in ("ROOT", "acomp", "conj", "advcl", "xcomp", "ccomp", "relcl") and tok.pos_ == "ADJ" else []
            for trig in self._select(tok, cands):
                found = self._events_for(tok, trig)
                if found:
                    events.extend(found)
                    break  # one reading per word
        events.extend(self._must_requests(events))
        events.extend(self._armed_against(events))
        events = self._drop_protest_messages(events)
        ruled_out = self._out_of_the_question()
        if ruled_out:
            # the act ruled out did not happen: it is kept, negated
            starts = {self.sentence.start + t.idx for r in ruled_out for t in self._ruled_out_act(r)}
            events = [replace(e, modality="negated", coder=e.coder + ("~negated:ruled-out" if "~" not in e.coder else "")) if e.trigger_start in starts else e for e in events]  # type: ignore[arg-type]
            events.extend(ruled_out)
        events.extend(self._derived(events))
        return events

    def _drop_protest_messages(self, events: list[Event]) -> list[Event]:
        """"demonstrated in Kirkuk calling for independence", "staged rallies to demand
        reforms", "protested outside the embassy, denouncing Beijing's actions": the demand or
        denunciation is what the protest says, not a second act by the protesters."""
        protest_at = {e.trigger_start: e for e in events if e.type == "PROTEST"}
        if not protest_at:
            return events
        out: list[Event] = []
        for e in events:
            tok = self._trigger_token(e)
            if e.type in ("REQUEST", "ACCUSE") and tok is not None and tok.pos_ == "VERB" and tok.dep_ in ("advcl", "xcomp", "acl", "pcomp", "conj"):
                up, message = tok, False
                for _ in range(3):
                    if up.dep_ not in ("advcl", "xcomp", "acl", "pcomp", "prep", "conj") or up.head.i == up.i:
                        break
                    up = up.head
                    heads = [up] + [c for c in up.children if c.dep_ in ("dobj", "nsubj")]
                    hits = [protest_at[self.sentence.start + h.idx] for h in heads if self.sentence.start + h.idx in protest_at]
                    if any(p.source.country == e.source.country for p in hits):
                        message = True
                        break
                if message:
                    continue
            out.append(e)
        return out

    def _ruled_out_act(self, e: Event) -> list[Any]:
        be = self._trigger_token(e)
        if be is None:
            return []
        return [t for a in _children(be, ("csubj", "nsubj")) for t in a.subtree]

    def _out_of_the_question(self) -> list[Event]:
        """"US officials said that lifting the sanctions on Burma is out of the question": the
        speaker rules the act out (REJECT speaker -> the party the act concerns)."""
        out: list[Event] = []
        for q in self.sdoc:
            if q.lower_ != "question" or q.dep_ != "pobj" or _inside(q.idx, self.quotes):
                continue
            of = q.head
            if of.lower_ != "of" or of.head.lower_ != "out" or of.head.head.lemma_.lower() != "be":
                continue
            if not any(d.lower_ == "the" for d in q.children):
                continue
            be = of.head.head
            if any(k.dep_ == "neg" for k in be.children):
                continue  # "is not out of the question": a possibility, not a refusal
            speakers: list[Actor] = []
            if be.dep_ == "ccomp" and be.head.lemma_.lower() in _SPEECH_VERBS:
                speakers = [a for a in self.actor(subject_of(be.head)[0]) if a.country]
            acts = _children(be, ("csubj", "nsubj"))
            if not speakers or not acts:
                continue
            own = {a.country for a in speakers}
            act = acts[0]
            if act.pos_ == "VERB":
                targets = self._clause_objects(act, depth=0, exclude=own)
            else:
                targets = [a for a in self.actor(act) if a.country and a.country not in own] or [a for a in self._behind(act) if a.country and a.country not in own]
            for s in speakers:
                for t in targets[:1]:
                    out.append(self._make("REJECT", s, t, be, "120", None, None, "asserted", "rule:REJECT:out-of-the-question:parse", 0.7))
        return out

    def _persona_non_grata(self) -> list[Event]:
        """"declared two diplomats persona non grata" (CAMEO 1663, SANCTION expel): a fixed
        Latin phrase the parser cannot read, so the declaring verb's subject is the source and
        the actors between the verb and the phrase are the expelled."""
        m = re.search(r"\bpersona(?:e)?\s+non\s+grata\b", self.sentence.text, re.IGNORECASE)
        if m is None or _inside(m.start(), self.quotes):
            return []
        verbs = [t for t in self.sdoc if t.lemma_.lower() in ("declare", "name", "deem", "brand") and t.idx < m.start() and not _inside(t.idx, self.quotes)]
        if not verbs:
            return []
        verb = verbs[-1]
        subj, _ = subject_of(verb)
        sources = [a for a in self.actor(subj) if a.country]
        between = [self.sdoc[i] for i in sorted(self.actors) if verb.idx < self.sdoc[i].idx < m.start()]
        targets = [a for t in between[:1] for a in self.actor(t) if a.country]
        modality, why = self.modality_reason(verb, verb)
        coder = "rule:SANCTION:persona-non-grata:parse" + (f"~{modality}:{why}" if why else "")
        return [self._make("SANCTION", s, t, verb, "1663", "expel", "diplomatic", modality, coder, 0.8) for s in sources for t in targets if s.country != t.country]

    def _accusation_content(self, tok: Any) -> bool:
        """The trigger is what someone is accused, charged, convicted or suspected of ("accused
        the delegation of threatening retaliation", "charged with violating sanctions",
        "condemned X for attacking"): an allegation, not an event the page asserts."""
        t = tok
        for _ in range(6):
            if t.head is t or t.dep_ not in ("pobj", "pcomp", "prep", "conj"):
                return False
            if t.dep_ == "prep" and t.lower_ in ("of", "for", "with") and (
                t.head.lemma_.lower() in _ALLEGING_HEADS
                or (t.head.dep_ == "dobj" and t.head.head.lemma_.lower() in _ALLEGING_HEADS)
            ):
                return True  # "accused X of ...", "accused the delegation of ..."
            t = t.head
        return False

    def _select(self, tok: Any, cands: list[Trigger]) -> list[Trigger]:
        """Readings of a trigger word that its context allows, most specific first."""
        if not cands:
            return []
        preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt")}
        objs = _objects(tok, ("dobj", "dative")) if tok.pos_ in ("VERB", "AUX", "ADJ") else []
        obj_lemmas = {o.lemma_.lower() for o in objs} | {c.lemma_.lower() for o in objs for c in o.children if c.dep_ in ("compound", "amod")}
        obj_lemmas |= {o.lower_ for o in objs}
        # "5.1 million dollars of aid", "700 kg of medicine": the measured stuff is the object
        obj_lemmas |= {p.lemma_.lower() for o in objs for prep in o.children if prep.dep_ == "prep" and prep.lower_ in ("of", "in") for p in prep.children if p.dep_ == "pobj"}
        subj_tok, _ = subject_of(tok) if tok.pos_ in ("VERB", "AUX", "ADJ") else (None, False)
        subj_lemmas = {subj_tok.lemma_.lower(), subj_tok.lower_} if subj_tok is not None else set()
        if subj_tok is not None:
            # "the first deployment of NATO troops arrived", "a batch of peacekeepers": the
            # measured group is the subject's kind
            subj_lemmas |= {p.lemma_.lower() for prep in subj_tok.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"}
        comps = {c.lemma_.lower() for c in tok.children if c.dep_ in ("xcomp", "ccomp")} if tok.pos_ in ("VERB", "AUX") else set()
        pobjs = {p.lemma_.lower() for prep in tok.children if prep.dep_ == "prep" for p in prep.children if p.dep_ == "pobj"}
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "advmod", "npadvmod")}
        mods |= {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "advmod", "npadvmod")}
        scored: list[tuple[int, int, Trigger]] = []
        for n, t in enumerate(cands):
            if t.particle and t.particle not in preps:
                continue
            if t.needs_object and not obj_lemmas & set(t.needs_object):
                continue
            if t.forbids_object and {o.lemma_.lower() for o in objs} & set(t.forbids_object):
                continue
            if t.needs_modifier and not mods & set(t.needs_modifier):
                continue
            if t.forbids_modifier and mods & set(t.forbids_modifier):
                continue
            if t.forbids_from and {p.lemma_.lower() for p in _objects(tok, ("from",))} & set(t.forbids_from):
                continue
            if t.needs_subject and not subj_lemmas & set(t.needs_subject):
                continue
            if t.needs_complement and not comps & set(t.needs_complement):
                continue
            if t.needs_pobj and not pobjs & set(t.needs_pobj):
                continue
            if t.forbids_subject and subj_lemmas & set(t.forbids_subject):
                continue
            rank = 0 if t.particle else 1 if (t.needs_object or t.needs_modifier or t.needs_pobj) else 2
            if t.needs_complement:
                rank = 0  # the most specific reading there is
            scored.append((rank, n, t))
        if any(r == 0 for r, _, _ in scored):
            scored = [x for x in scored if x[0] == 0]
        return [t for _, _, t in sorted(scored, key=lambda x: (x[0], x[1]))]

    @staticmethod
    def _background_conflict(tok: Any, trig: Trigger) -> bool:
        """A conflictual event noun in a time or cause phrase of another act ("after the
        attacks", "following a government offensive", "despite the protests")."""
        if PLOVER_TYPES[trig.type].quad_class not in (3, 4) or tok.dep_ != "pobj":
            return False
        prep = tok.head
        if prep.lower_ in ("after", "following", "since", "amid", "despite", "before"):
            return True
        # "in response to the raids", "in retaliation for the shelling"
        return prep.lower_ in ("to", "for") and prep.head.lemma_.lower() in ("response", "retaliation", "reaction", "revenge", "reprisal") and prep.head.dep_ == "pobj"

    def _noun_is_occurrence(self, tok: Any, trig: Trigger) -> tuple[bool, Any]:
        """Whether an event noun denotes an event that happened (and its governing verb)."""
        if tok.dep_ in ("compound", "nmod", "amod"):
            return False, None
        if tok.tag_ in ("NNS", "NNPS") and any(c.lower_ in _GENERIC_QUANT for c in tok.children):
            return False, None
        head = tok.head
        if any(c.dep_ == "poss" for c in tok.children):
            if trig.lemma in _STATE_NOUNS and not (
                tok.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX") and (head.lemma_.lower() in OCCURRENCE_VERBS or head.lemma_.lower() in trig.light_verbs)
            ):
                # "over their ties with Israel", "match the EU's support for statehood": a
                # standing state named, not something done now
                return False, None
            return True, head if head.pos_ in ("VERB", "AUX") else None
        if tok.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
            lem = head.lemma_.lower()
            if lem == "stag":
                lem = "stage"  # the lemmatizer reads "staged" as the animal's plural verb
            if lem in _TERMINATING and trig.type not in ("CONSULT",) and lem not in trig.light_verbs:
                return False, None  # "ended a cooperation agreement": no agreement is made
            if lem in OCCURRENCE_VERBS or lem in trig.light_verbs:
                return True, head
            return False, None
        # "spoke at the opening ceremony of the joint exercise": an event noun inside a phrase
        # about a stage of the event occurred; the governing verb is above that phrase.
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _EVENT_PART_NOUNS:
            up = head.head
            while up.dep_ in ("pobj", "prep") and up.head is not up:
                up = up.head
            if up.pos_ in ("NOUN", "PROPN") and up.dep_ in ("dobj", "nsubjpass") and up.head.pos_ in ("VERB", "AUX"):
                # "held the 21st round of talks": the part noun is the verb's object
                lem = up.head.lemma_.lower()
                return (True, up.head) if lem in OCCURRENCE_VERBS or lem in trig.light_verbs else (False, None)
            return True, up if up.pos_ in ("VERB", "AUX") else None
        if trig.mode == "investigate" and tok.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in ("put", "place", "be", "come", "remain"):
            # "has been put under investigation in Italy", "came under investigation"
            return True, head.head
        if trig.type == "CONSULT" and tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _TRAVEL_VERBS:
            return True, head.head  # "flew to Beijing for talks", "return to Geneva for talks"
        if trig.lemma in _STATE_NOUNS:
            # a state ("relations", "support") is an occurrence only when something is done to it
            if tok.dep_ in ("nsubjpass",) and head.lemma_.lower() in trig.light_verbs:
                return True, head
            # "put its forces on high alert", "placed the army under a curfew"
            if tok.dep_ == "pobj" and head.lower_ in ("on", "under") and head.head.pos_ in ("VERB", "AUX") and head.head.lemma_.lower() in trig.light_verbs:
                return True, head.head
            return False, None
        if tok.dep_ == "pobj" and head.lower_ in _ADJUNCT_PREPS and head.head.pos_ in ("VERB", "AUX"):
            return True, head.head
        if tok.dep_ == "pobj" and head.lower_ in _ADJUNCT_PREPS and head.head.pos_ in ("NOUN", "PROPN"):
            return True, None
        if tok.dep_ in ("nsubj",) and head.lemma_.lower() in ("take", "be", "begin", "end", "start", "focus", "last", "come", "follow", "conclude", "open") or (
            tok.dep_ == "nsubj" and head.lemma_.lower() in ("continue", "erupt", "spread", "rage") and tok.lemma_.lower() in _HAPPENING_NOUNS | {"protest", "demonstration"}
        ):
            # "riots against Israeli policies are still continuing" (not "the rally in bond
            # prices would continue": a market rally is no protest)
            return True, head
        if tok.dep_ == "appos" or tok.dep_ == "ROOT":
            return True, None
        return False, None

    def _events_for(self, tok: Any, trig: Trigger) -> list[Event]:
        verb = tok
        no_guess = False
        if trig.type == "AGREE" and trig.lemma in _PROMISE_VERBS and any(k.dep_ == "neg" for x in _children(tok, ("xcomp", "ccomp")) for k in x.children):
            # "vowed not to return the Golan Heights": a promise not to act is a refusal
            trig = replace(trig, type="REJECT", cameo="120")
        vowed_force = trig.pos == "VERB" and trig.lemma in _PROMISE_VERBS and self._vowed_force(tok)
        if vowed_force:
            # "vowed to fight on", "swore to avenge": a vow to use force is a threat of force
            # (CAMEO 138), not an intent to cooperate; "vowed to fight corruption" is neither
            trig = replace(trig, type="THREATEN", cameo="138", objects=("against",), mode=None, context="military")
        sources: list[Actor] = []
        targets: list[Actor] = []
        how = "parse"
        if trig.pos == "NOUN":
            ok, governing = self._noun_is_occurrence(tok, trig)
            if not ok:
                return []
            poss = _children(tok, ("poss",))
            objs = _objects(tok, tuple(x for x in trig.objects if x != "between"))
            targets = [a for o in objs for a in self.actor(o)]
            if not any(a.country for a in targets):
                # "demonstrations against violations by the Israeli military", "withdrawal of
                # forces from Panama": the party behind the object, or the theme's own phrase
                behind = [a for o in objs for a in self._behind(o) if a.country] or [a for a in self._theme_targets(tok, trig) if a.country]
                if behind:
                    targets, how = behind, "object-modifier"
            if not any(a.country for a in targets) and trig.type in ("REQUEST", "THREATEN"):
                # "reiterated its demand that Israel ease restrictions", "insisted on its demands
                # that the government grant": the addressee is the subject of the "that" clause
                # the noun (or its governing verb) takes
                holders = [tok] + ([governing] if governing is not None else []) + ([tok.head.head] if tok.dep_ == "pobj" else [])
                for h in holders:
                    for comp in h.children:
                        if comp.dep_ in ("acl", "ccomp") and any(k.dep_ == "mark" and k.lower_ == "that" for k in comp.children):
                            found = [a for sj in _children(comp, ("nsubj",)) for a in self.actor(sj) if a.country]
                            if found:
                                targets, how = found, "complement"
                                break
                    if any(a.country for a in targets):
                        break
            if governing is not None:
                verb = governing
                if not targets:
                    targets = [a for o in _objects(governing, tuple(x for x in trig.objects if x not in ("dobj", "between"))) for a in self.actor(o)]
                if not targets and trig.type in ("ASSAULT", "COERCE"):
                    # "opened fire to disperse the demonstrators": the force is aimed at
                    # whoever its purpose clause acts on
                    targets = [a for comp in governing.children if comp.dep_ == "advcl" and any(k.dep_ == "aux" and k.lower_ == "to" for k in comp.children)
                               for o in _children(comp, ("dobj",)) for a in self.actor(o) if a.country]
                    how = "complement" if targets else how
            if governing is not None and tok.dep_ == "pobj" and tok.head.lower_ == "under" and _children(governing, ("nsubjpass", "nsubj")) and not _children(governing, ("agent",)):
                # "X has been put under investigation in Italy": X is investigated by the
                # authorities of the place the inquiry is in (when one is named)
                targets = [a for sj in _children(governing, ("nsubjpass", "nsubj")) for a in self.actor(sj) if a.country]
                places = [a for o in _objects(tok, ("in",)) + _objects(governing, ("in",)) for a in self.actor(o) if a.country and _is_place(a)]
                if not (targets and places and places[0].country not in {a.country for a in targets}):
                    return []
                p0 = places[0]
                inquirer = [Actor(p0.text, None, p0.country, "GOV", None, None, None, p0.start, p0.end, "place-authority")]
            else:
                inquirer = []
            between = [a for o in _objects(tok, ("between",)) for a in self.actor(o)]
            agents = [a for o in _objects(tok, ("by",)) for a in self.actor(o) if a.country]
            mediator = self.actor(subject_of(governing)[0]) if trig.mode == "mediate" and governing is not None else []
            if not mediator and trig.mode == "mediate" and governing is not None:
                # a long name the parser breaks up ("Qatar's emir, Sheikh Hamad bin Khalifa
                # al-Thani launched"): the subject-side phrase before the verb names the mediator
                mediator = [a for c in governing.lefts if c.dep_ in ("nsubj", "dep") for a in self.actor(c) if a.country][:1]
            if inquirer:
                sources = inquirer
            elif len(between) >= 2 and mediator:
                # "undertook a mediation mission between Syria and Arafat": the mediator
                # consults each side
                sources, targets = mediator, between
                how = "between"
            elif len(between) >= 2:
                sources, targets = [between[0]], between[1:]
                how = "between"
            elif agents:
                sources = agents  # "a visit by senior US officials"
            elif poss:
                sources = self.actor(poss[0])
                if not sources and poss[0].tag_ == "PRP$":
                    # "insisted on its demands": the possessive pronoun is the clause's subject
                    holder = governing if governing is not None else tok.head.head if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" else None
                    if holder is not None:
                        sources = [a for a in self.actor(subject_of(holder)[0]) if a.country]
            elif governing is not None and self._background_conflict(tok, trig):
                # "surrendered following a government offensive", "offered talks after the
                # invasions": the clause's subject answers the act, it did not do it; only the
                # noun's own phrase names the doer
                sources = [a for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i in self.actors for a in self.actor(c) if a.country]
                no_guess = True
            elif governing is not None:
                subj, _ = subject_of(governing)
                sources = self.actor(subj)
            elif tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN"):
                sources = self.actor(tok.head.head)
        else:
            subj, _ = subject_of(tok)
            stative = False
            stative_preps = _STATIVE_PASSIVES.get(tok.lemma_.lower(), ())
            if subj is None and stative_preps and not _children(tok, ("agent",)) and (
                _objects(tok, stative_preps) or any(p.dep_ == "prep" and p.lower_ in stative_preps and _children(p, ("pcomp",)) for p in tok.children)
            ):
                # ("is committed to opening up the economy": the stance's object is a clause)
                # "Israel is opposed to French mediation": a state, not a passive; the
                # grammatical subject holds the stance
                subj = next(iter(_children(tok, ("nsubjpass",))), None)
                stative = True
            sources = self.actor(subj)
            if not sources and subj is not None and subj.lemma_.lower() in _WEAPON_AGENTS:
                # "was hit by missiles fired from Syria", "killed by a drone launched by the
                # rebels": the agent is a weapon; whoever fired it is the source
                sources = [a for t in subj.subtree if t.i != subj.i and t.i in self.actors for a in self.actor(t) if a.country][:1]
            if not sources and trig.type == "ASSAULT" and trig.lemma in _HARM_VERBS:
                sources = self._device_attacker(tok, subj)
                how = "device" if sources else how
            targets = [a for o in _objects(tok, _STATIVE_PASSIVES[tok.lemma_.lower()] if stative else trig.objects) for a in (self.actor(o) or (self._behind(o) if stative else []))]
            if trig.particle:
                targets = [a for o in _objects(tok, (trig.particle,) + trig.objects) for a in self.actor(o)] or targets
            # An object of unknown country ("boycott all official contact with the United
            # States", read as a group of officials) gives way to a party the rules below find;
            # it stays the target when they find none.
            unplaced: list[Actor] = []
            if targets and not any(a.country for a in targets):
                unplaced, targets = targets, []
            if not targets:
                targets = [a for a in self._object_modifiers(tok) if a.country]
                how = "object-modifier" if targets else how
            if not targets:
                targets = [a for a in self._theme_targets(tok, trig) if a.country]
                how = "object-modifier" if targets else how
            if not targets:
                targets = [a for a in self._complement_targets(tok, trig, {a.country for a in sources if a.country}) if a.country]
                how = "complement" if targets else how
            if not targets:
                targets = [a for o in _objects(tok, ("with", "against", "on", "upon", "to", "from")) for a in (self.actor(o) or self._behind(o)) if a.country]
                how = "prep-object" if targets else how
            if not targets and trig.type == "THREATEN":
                targets = self._ultimatum_addressees(tok, {a.country for a in sources if a.country})
                how = "complement" if targets else how
            if not targets and trig.type == "ACCUSE" and trig.lemma in ("investigate", "probe", "inspect") and tok.dep_ == "advcl" and tok.head.pos_ == "VERB":
                # "sent 20 experts to Bosnia to investigate ...": the inquiry is into the place
                # the investigators were sent to
                targets = [a for o in _objects(tok.head, ("to", "into")) for a in self.actor(o) if a.country and a.country not in {x.country for x in sources}]
                how = "prep-object" if targets else how
            if not targets and unplaced:
                targets = unplaced
            if not targets and trig.type in _ADDRESSED_TYPES:
                targets = [a for a in self._reacted_to(tok) if a.country and _key(a) not in {_key(x) for x in sources}]
                how = "reaction" if targets else how
            if not targets and not PLOVER_TYPES[trig.type].symmetric and len(sources) < 2:
                targets = self._in_clause(tok, sources, aimed_at_place=trig.type in ("MOBILIZE", "THREATEN"))
                how = "in-clause" if targets else how
            if trig.type == "PROTEST" and trig.lemma == "protest" and sources and all(a.sector == "GOV" and a.country for a in sources):
                # a government "protests" a visit or a decision: an official complaint (CAMEO
                # 114, ACCUSE), not a street demonstration
                trig = _OFFICIAL_PROTEST
        # A subject inside a quote cannot be the agent of a verb outside it (a parse error).
        if sources and any(_inside(a.start - self.sentence.start, self.quotes) for a in sources):
            sources = []
        own = {_key(a) for a in sources}
        targets = [a for a in targets if _key(a) not in own or len(sources) > 1]
        if not sources and tok.dep_ == "acl" and trig.type == "PROTEST" and trig.pos == "VERB":
            # "Hundreds of Filipinos protested outside ...", parsed as a participle of the noun:
            # protesting is done, not suffered, so the noun is the protester
            sources = self.actor(tok.head)
        src_guessed = False
        reduced_passive = (tok.dep_ == "acl" and tok.tag_ == "VBN") or (tok.dep_ == "relcl" and any(c.dep_ == "nsubjpass" for c in tok.children))
        # "who had been charged or convicted": a participle coordinated with a passive is passive
        # too; its subject is the patient, and no agent may be guessed
        reduced_passive = reduced_passive or (
            tok.dep_ == "conj" and tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in tok.children)
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.head.children)
        )
        if not sources and not reduced_passive and not no_guess and not self._named_non_agent(tok, trig):
            # (a participle or passive relative clause describes its noun's fate: "Koreans
            # mobilized for forced labour", "nationals who had been charged": no agent to guess)
            exclude = {_key(a) for a in targets}
            near = self.nearest_actor_before(tok.idx, exclude)
            src_guessed = near is not None
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
                    from ..reference.gazetteer import lookup_country

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
        info = PLOVER_TYPES[trig.type]
        if info.symmetric and not targets and sources and len(sources) < 2:
            targets = self._with_partner(tok, sources)
            how = "with-partner" if targets else how
        # Symmetric types: "Biden and Xi agreed" / "after a meeting, Biden and Xi agreed" -> a pair.
        if info.symmetric and trig.pos == "VERB" and len(sources) >= 2 and how != "nearest-actor":
            # "Japan and South Korea agreed to strengthen cooperation with the US": the agreement
            # is between the subject's parties; the complement's third party is its topic.
            sources, targets, how = [sources[0]], sources[1:], "compound-actor"
        if (info.symmetric or trig.type in ("SUPPORT", "REJECT")) and not targets and len(sources) >= 2:
            sources, targets = [sources[0]], sources[1:]
            how = "compound-actor"
        location, location_country = self._location(tok, verb)
        if not sources and trig.type == "PROTEST" and trig.pos == "VERB" and location_country and not reduced_passive:
            # "Thousands of people blocked streets in Hong Kong": an unnamed crowd protesting
            # in a place is of that place (PLOVER codes protesters by where they protest)
            crowd = _crowd(subject_of(tok)[0])
            if crowd is not None:
                start = self.sentence.start + crowd.idx
                sources = [Actor(crowd.text, None, location_country, "CVL", None, None, None, start, start + len(crowd.text), "crowd-in-place")]
        # The host country is a party only to joint exercises, visits, and meetings travelled *to*
        # ("sent a delegation to Honolulu to attend the meeting"); a forum held *in* a city ("met
        # on the sidelines of the dialogue in Singapore") does not make the host a participant.
        travelled_to = trig.pos == "NOUN" and self._location_prep == "to"
        if not targets and trig.type in ("COOPERATE", "CONSULT") and location_country and sources and all(a.country != location_country for a in sources) and (trig.mode in ("joint exercise", "joint patrol", "visit") or trig.lemma in ("visit", "trip") or travelled_to):
            targets = [Actor(location or location_country, None, location_country, "GOV", None, None, None, -1, -1, "host-country")]
            how = "host-country"
        if location_country and self._location_prep in ("in", "at") and trig.type in ("ASSAULT", "COERCE") and targets and not any(a.country for a in targets):
            # "attacked Islamic fundamentalists in Sudan": an unnamed group struck where the act
            # takes place is of that place (a named person keeps an unknown country)
            targets = [replace(a, country=location_country, resolution=a.resolution + "+event-place") if a.name is None and a.person_id is None and a.start >= 0 else a for a in targets]
        armed_at_home = trig.type == "ASSAULT" and any(a.sector in _ARMED_NON_STATE for a in sources)
        if not targets and location_country and sources and (trig.type in _DOMESTIC_TYPES or armed_at_home or location_country not in {a.country for a in sources}) and trig.type in ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "CONCEDE", "RETREAT", "AID", "SANCTION") and (trig.type != "RETREAT" or trig.mode in ("access", "withdraw")):
            targets = [Actor(location or location_country, None, location_country, None, None, None, None, -1, -1, "event-place")]
            how = "event-place"
        if not targets and sources and trig.type in _DOMESTIC_TYPES:
            # A strike, a crackdown, a curfew with no one else named is domestic: its target is
            # the source's own country (PLOVER codes internal events that way).
            home = sources[0].country
            if home:
                targets = [Actor(home, None, home, "GOV", None, None, None, -1, -1, "domestic")]
                how = "domestic"
        if not sources:
            return []
        one_sided = False
        if not targets:
            if trig.type in _ADDRESSED_TYPES and not vowed_force:
                targets = [Actor("", None, None, None, None, None, None, -1, -1, "unresolved")]
                how = "addressee-pending"
            elif trig.type in _ONE_SIDED_TYPES or (trig.type == "AGREE" and trig.pos == "VERB") or vowed_force:
                # (a vow to fight on names no enemy as often as not: like a stated commitment,
                # it stands without a target)
                targets = [Actor("", None, None, None, None, None, None, -1, -1, "none")]
                how = "one-sided"
                one_sided = True
            else:
                return []
        modality, why = self.modality_reason(tok, verb if trig.pos == "NOUN" else tok)
        if modality == "asserted" and trig.type == "CONSULT" and sources and all(a.resolution == "pair:meeting" for a in sources + targets):
            # "during the call, the two ministers ...": the meeting already coded (a negated
            # "the two ministers did not discuss X" is kept, marked)
            return []
        mode = self._mode(tok, trig, verb)
        out = []
        for s in sources:
            for t in targets:
                if _key(s) == _key(t):
                    continue
                if s.country is None and (t.country is None or one_sided):
                    continue
                if t.resolution == "none" and s.resolution != "pair:meeting" and how == "one-sided" and src_guessed:
                    continue  # a guessed source with no target at all: nothing is known
                if not _dyad_allowed(trig.type, s, t, how) and not (vowed_force and t.resolution == "none"):
                    if trig.type not in _ONE_SIDED_TYPES or t.country != s.country or s.country is None:
                        continue
                    # a one-sided act (a withdrawal, a strike) stands without its doubtful target
                    t = Actor("", None, None, None, None, None, None, -1, -1, "none")
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
                        coder=f"rule:{trig.type}:{trig.lemma}/{trig.pos.lower()}:{how}" + (f"~{modality}:{why}" if why else ""),
                        confidence=_confidence(how, s, t) if t.country else min(_confidence(how, s, t), 0.5),
                        location=location,
                        location_country=location_country,
                        quotes=self._quotes_for(s, tok),
                    )
                )
        return out

    def _vowed_force(self, tok: Any) -> bool:
        """The promise verb's "to" complement is a use of force: "vowed to fight on (until
        ...)", "swore to avenge", "pledged to crush the rebels", "vowed to retaliate against
        Israel". Fighting or crushing a thing that is no party ("fight corruption", "fight
        against poverty", "destroy its chemical weapons") is a policy pledge, not a threat."""
        for comp in tok.children:
            if comp.dep_ not in ("xcomp", "advcl", "ccomp") or comp.pos_ != "VERB" or _inside(comp.idx, self.quotes):
                continue
            if not any(k.dep_ == "aux" and k.lower_ == "to" for k in comp.children) or any(k.dep_ == "neg" for k in comp.children):
                continue
            lem = comp.lemma_.lower()
            if lem == "continue":
                # "pledged to continue fighting", "vowed to continue the war"
                nxt = [c for c in comp.children if c.dep_ in ("xcomp", "dobj")]
                if any(c.lemma_.lower() in ("fight", "fighting", "war", "attack", "struggle") and not _children(c, ("dobj",)) for c in nxt):
                    return True
                continue
            if lem in _FORCE_ALWAYS:
                return True
            if lem in ("hit", "strike") and any(k.dep_ in ("prt", "advmod") and k.lower_ == "back" for k in comp.children):
                return True  # "vowed to hit back"
            if lem == "take" and any(d.lemma_.lower() in ("revenge", "vengeance", "retaliation") for d in _children(comp, ("dobj",))):
                return True
            if lem in _FORCE_AGAINST_PARTY:
                objs = _children(comp, ("dobj",)) + [p for prep in comp.children if prep.dep_ == "prep" and prep.lower_ == "against" for p in _children(prep, ("pobj",))]
                if not objs:
                    if lem in ("fight", "battle"):
                        return True  # "vowed to fight on", "swore to fight until they win"
                    continue
                if any(o.i in self.actors or o.lemma_.lower() in _ENEMY_NOUNS for o in objs):
                    return True
        return False

    def _reacted_to(self, tok: Any) -> list[Actor]:
        """"X signed a law ..., a move that Beijing criticized": a reaction in a relative clause
        on a noun standing for an act is addressed to whoever did the act."""
        if tok.dep_ != "relcl" or tok.head.lemma_.lower() not in _ACT_NOUNS:
            return []
        up = tok.head
        for _ in range(3):
            if up.dep_ not in ("appos", "dobj", "attr", "conj") or up.head is up:
                break
            up = up.head
            if up.pos_ in ("VERB", "AUX"):
                subj, _ = subject_of(up)
                return self.actor(subj)
        if tok.head.dep_ == "appos":
            # the parser hangs a sentence-final "..., a move that" on the nearest noun; it
            # restates the main clause
            root = next((t for t in self.sdoc if t.dep_ == "ROOT"), None)
            if root is not None and root.pos_ in ("VERB", "AUX") and root.i < tok.head.i:
                subj, _ = subject_of(root)
                return self.actor(subj)
        return []

    def _device_attacker(self, tok: Any, subj: Any | None) -> list[Actor]:
        """"was killed by an improvised explosive device", "killed in a car bomb explosion in
        Beirut", "a minefield explosion killed two youths": the harm was done by a device or a
        blast. The state or group that modifies it ("an Israeli air strike") is the attacker;
        with none named the attacker is unknown (source country null), never a bystander guessed
        from the sentence (the place a bomb went off in did not set it off)."""
        cands = [subj] if subj is not None else []
        if _children(tok, ("nsubjpass",)):
            cands += [p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in ("in", "by") for p in _children(prep, ("pobj",))]
        for n in cands:
            lem = n.lemma_.lower()
            if lem not in _WEAPON_AGENTS and lem not in _DEVICE_EVENTS:
                continue
            for m in n.children:
                if m.dep_ in ("amod", "compound", "nmod", "poss"):
                    found = [a for a in self.actor(m) if a.country]
                    if found:
                        return found[:1]
            # PLOVER codes an unidentified attacker by the country the device went off in
            # (sector UAF); the place must be in the device's or the act's locative phrase
            scope = [n] + [prep for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE_PREPS]
            for root in scope:
                for t in root.subtree:
                    a = self.actors.get(t.i)
                    if a is not None and a.country and _is_place(a) and not _inside(t.idx, self.quotes):
                        return [Actor(a.text, None, a.country, "UAF", None, None, None, a.start, a.end, "unidentified-attacker")]
            return [Actor("", None, None, None, None, None, None, -1, -1, "unknown-attacker")]
        return []

    def _named_non_agent(self, tok: Any, trig: Trigger) -> bool:
        """The clause names its doer, and the doer is no state, group or person: a storm, a
        report, a resolution, a statement ("a UN resolution that condemns X", "the cyclone
        killed 90", "media reports suggested ... withdrawing"). Guessing the nearest actor as
        the source would pin the act on a bystander."""
        subj = None
        if trig.pos == "VERB":
            subj, _ = subject_of(tok)
        else:
            _, governing = self._noun_is_occurrence(tok, trig)
            if governing is not None:
                subj, _ = subject_of(governing)
        if subj is None:
            return False
        if subj.lower_ in _PRONOUN_SUBJECTS or subj.tag_ in ("WDT", "WP", "PRP"):
            return False
        return subj.lemma_.lower() in _NON_AGENT_NOUNS or subj.ent_type_ in ("LAW", "EVENT", "WORK_OF_ART", "PRODUCT", "MONEY", "DATE", "TIME", "PERCENT", "QUANTITY")

    # -- targets beyond the verb's own objects -------------------------------------------------
    def _object_modifiers(self, tok: Any) -> list[Actor]:
        """"rejected North Korea's demand", "rejected calls by Belarus's rulers", "accepted
        demands from Shona rebels": the party behind the object noun is the target."""
        for o in _objects(tok, ("dobj",)):
            out = self._behind(o)
            if out:
                return out
        return []

    def _behind(self, o: Any, depth: int = 0) -> list[Actor]:
        """The party behind a noun that names none itself: its possessor, an organisation or
        country modifying it ("a Security Council resolution", "the NATO proposal"), or the
        party in its prepositional phrase, followed down a chain of nouns ("an extension of
        the mandate for the peacekeeping force in Lebanon"). A bare place met as a landmark
        down the chain ("talks on a plan for Geneva") is not a party."""
        out: list[Actor] = []
        for c in o.children:
            if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod", "amod") and c.i in self.actors and c.i != o.i):
                out += self.actor(c)
            elif c.dep_ in ("compound", "nmod") and depth == 0:
                out += self._modifier_organisation(c)
            elif c.dep_ == "prep" and c.lower_ in ("by", "from", "of", "to", "for", "against", "with", "on"):
                if any(k.lower_ in ("together", "along") for k in c.children):
                    continue
                for p in _children(c, ("pobj",)):
                    # a happening placed somewhere ("a plan for talks in Geneva") is no party
                    found = [a for a in self.actor(p) if not (a.resolution == "located-in" and self._non_agent_noun(p))]
                    if depth and all(_is_place(a) for a in found) and c.lower_ not in ("with", "against", "to"):
                        found = []
                    out += found
                    if not out:
                        out += [a for g in p.children if g.dep_ == "poss" for a in self.actor(g)]
                    if not out and depth < 2 and p.pos_ in ("NOUN", "PROPN"):
                        out += self._behind(p, depth + 1)
            elif c.dep_ == "acl" and depth == 0:
                # "a call for its peacekeeping forces to be deployed in East Timor" (the
                # clause's own phrases only, not a purpose or reported clause below it)
                out += [a for g in c.subtree if g.i in self.actors and g.dep_ == "pobj" and not self._crosses_clause(g, c) for a in self.actor(g)]
            if out:
                return out
        return out

    def _modifier_organisation(self, c: Any) -> list[Actor]:
        """An organisation named inside a noun modifier the resolver left alone, as when the
        parser makes the whole phrase a modifier ("vetoed a Security Council resolution
        censuring ...", where "resolution" hangs on "censuring")."""
        from ..reference.gazetteer import lookup_country

        words = [t for t in c.subtree if t.pos_ == "PROPN" and t.dep_ in ("compound", "nmod")]
        if not words or words[-1].i - words[0].i + 1 != len(words):
            return []
        text = " ".join(t.text for t in words)
        ref = lookup_country(text)
        if ref is None or ref.kind != "organisation":
            return []
        start = self.sentence.start + words[0].idx
        return [Actor(text, None, ref.code, ref.sector, None, None, None, start, start + len(text), "object-modifier:organisation")]

    @staticmethod
    def _crosses_clause(t: Any, top: Any) -> bool:
        """A clause boundary lies between token `t` and its ancestor `top`."""
        for anc in t.ancestors:
            if anc.i == top.i:
                return False
            if anc.dep_ in ("advcl", "ccomp", "relcl", "acl", "xcomp", "csubj"):
                return True
        return False

    def _theme_targets(self, tok: Any, trig: Trigger) -> list[Actor]:
        """The trigger's preposition attached to its theme rather than to itself: "withdrew
        troops from Panama", "the withdrawal of forces from Panama"."""
        preps = tuple(x for x in trig.objects if x not in ("dobj", "dative", "of", "between"))
        if not preps:
            return []
        themes = _children(tok, ("dobj",)) if tok.pos_ != "NOUN" else _objects(tok, ("of",))
        return [a for th in themes for o in _objects(th, preps) for a in self.actor(o)]

    def _ultimatum_addressees(self, tok: Any, exclude: set[str]) -> list[Actor]:
        """"threatened to strike unless Israel rescinded ...": the party the condition is put
        to is the threat's addressee."""
        for t in tok.subtree:
            marks = [k for k in t.children if k.dep_ == "mark" and k.lower_ in ("unless", "if")]
            if t.dep_ == "advcl" and not _inside(t.idx, self.quotes) and marks:
                # the condition's subject follows its "if" at once (an adverb or comma aside): a
                # subject further on is a misparse ("if cooperation by all parties founders,
                # Dutch Foreign Minister Hans Van den Broek said", with "den" read as the verb)
                subjects = [sj for sj in _children(t, ("nsubj", "nsubjpass")) if all(x.pos_ in ("ADV", "PUNCT") for x in self.sdoc[marks[0].i + 1 : sj.left_edge.i])]
                found = [a for s in subjects for a in self.actor(s) if a.country and a.country not in exclude]
                if found:
                    return found
        return []

    def _with_partner(self, tok: Any, sources: list[Actor]) -> list[Actor]:
        """A symmetric act's partner named by "with" anywhere in its clause ("accepted a formula
        for ending its dispute with its European partners"), not inside a reported or relative
        clause, a quote, or the subject, and not "together with" (a co-actor)."""
        own = {a.country for a in sources}
        subj_ids = {t.i for s in _children(tok, ("nsubj", "nsubjpass", "agent")) for t in s.subtree}
        for prep in tok.subtree:
            if prep.dep_ != "prep" or prep.lower_ != "with" or prep.i in subj_ids or _inside(prep.idx, self.quotes):
                continue
            if any(k.lower_ in ("together", "along") for k in prep.children):
                continue
            path = list(prep.ancestors)
            path = path[: next((n for n, a in enumerate(path) if a.i == tok.i), len(path))]
            if any(p.dep_ in ("ccomp", "relcl", "csubj") or p.lemma_.lower() in _SPEECH_VERBS for p in path):
                continue
            for p in _children(prep, ("pobj",)):
                found = [a for a in self.actor(p) if a.country and a.country not in own]
                if found:
                    return found
        return []

    def _complement_targets(self, tok: Any, trig: Trigger, exclude: set[str] | None = None) -> list[Actor]:
        """The addressee inside the verb's complement: "offered to hand over to Great Britain",
        "demanded that the US cancel", "threatened to cut off electricity to Nakhichevan"."""
        comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "advcl") and not _inside(c.idx, self.quotes)]
        for comp in comps:
            if comp.dep_ == "advcl" and not any((k.dep_ == "aux" and k.lower_ == "to") or (k.dep_ == "mark" and k.lower_ == "for") for k in comp.children):
                continue  # only purpose clauses ("summoned the ambassador to complain", "pushed for the US to back")
            if comp.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ == "for" for k in comp.children):
                found = [a for sj in _children(comp, ("nsubj",)) for a in self.actor(sj)]
                if found:
                    return found
            if comp.dep_ == "ccomp" or (comp.dep_ == "xcomp" and _children(comp, ("nsubj",))):
                for s in _children(comp, ("nsubj", "nsubjpass")):
                    found = self.actor(s)
                    if found:
                        return found
            # the source's own assets ("withdraw its troops from Niger") are not the addressee
            found = self._clause_objects(comp, depth=0, exclude=exclude or set())
            if found:
                return found
        return []

    def _clause_objects(self, verb: Any, depth: int, exclude: set[str] | None = None) -> list[Actor]:
        exclude = exclude or set()
        own = lambda found: [a for a in found if a.country and a.country not in exclude]  # noqa: E731
        dobjs = _children(verb, ("dobj",))
        travellers = any(d.lemma_.lower() in _TRAVELLER_NOUNS or d.lower_ in _TRAVELLER_NOUNS for d in dobjs)
        out: list[Actor] = []
        for d in dobjs + _children(verb, ("dative",)):
            out += own(self.actor(d))
        if not out:
            for prep in verb.children:
                if prep.dep_ in ("prep", "dative") and prep.lower_ in _COMPLEMENT_PREPS:
                    if travellers and prep.lower_ in ("to", "in", "into", "at"):
                        continue
                    if any(k.lower_ in ("together", "along", "jointly") for k in prep.children):
                        continue  # "together with the United States": a partner, not the addressee
                    for p in _children(prep, ("pobj",)):
                        out += own(self.actor(p))
        if not out:
            out = own(self._object_modifiers(verb))
        if not out and depth < 2:
            for c in verb.children:
                if c.dep_ in ("xcomp", "conj") and c.pos_ == "VERB":
                    out = self._clause_objects(c, depth + 1, exclude)
                    if out:
                        break
        return out

    def _in_clause(self, tok: Any, sources: list[Actor], aimed_at_place: bool = False) -> list[Actor]:
        """Last resort: the first other actor inside the trigger's own clause (not its subject,
        not a reporting "according to" phrase, not a quote). A bare place named as a landmark
        within a locative phrase is not the target, unless the act is aimed at a place (a
        deployment "along the border with Armenia")."""
        own = {_key(a) for a in sources}
        subj_ids = {t.i for s in _children(tok, ("nsubj", "nsubjpass", "agent")) for t in s.subtree}
        for t in tok.subtree:
            if t.i in subj_ids or t.i not in self.actors or _inside(t.idx, self.quotes):
                continue
            path = []
            for anc in t.ancestors:
                if anc.i == tok.i:
                    break
                path.append(anc)
            if any(p.dep_ in ("ccomp", "advcl", "relcl", "acl") or p.lower_ in ("according", "said", "told") or p.lemma_ == "accord" for p in path):
                continue
            a = self.actors[t.i]
            preps = [p for p in path if p.dep_ == "prep"]
            if not aimed_at_place and _is_place(a) and len(preps) >= 2 and any(p.lower_ in _LOCATIVE_PREPS for p in preps):
                # "attacked a village near the border with Niger": a landmark's place locates
                # the act and is not its target (a place the act is in, "in the West Bank",
                # still stands for the affected party, as PLOVER codes it)
                continue
            # another country only: a same-country party this loosely attached is usually the
            # source's own institution ("the Pentagon's announcement")
            if a.country and _key(a) not in own and a.country not in {s.country for s in sources}:
                return [a]
        return []

    # -- events the rules derive from other structure -------------------------------------------
    def _must_requests(self, events: list[Event]) -> list[Event]:
        """"The Bush administration declared that China must drop barriers": a speaker saying
        another party must/should do something requests it (REQUEST speaker -> that party)."""
        out: list[Event] = []
        for verb in self.sdoc:
            if verb.lemma_.lower() not in _SPEECH_VERBS or _inside(verb.idx, self.quotes):
                continue
            speaker_tok, _ = subject_of(verb)
            if speaker_tok is not None and speaker_tok.pos_ == "VERB" and _children(speaker_tok, ("nsubj",)):
                # "The Red Cross operating in Iraq said": the parser makes the participle the
                # subject; the speaker is its own subject
                speaker_tok = _children(speaker_tok, ("nsubj",))[0]
            speakers = self.actor(speaker_tok)
            if not speakers:
                continue
            for comp in _children(verb, ("ccomp",)):
                if _inside(comp.idx, self.quotes):
                    continue
                auxes = {k.lower_ for k in comp.children if k.dep_ in ("aux", "auxpass")}
                needs = bool(auxes & {"must", "should", "ought"}) or (comp.lemma_.lower() in ("need", "have") and any(k.dep_ == "xcomp" for k in comp.children))
                if not needs:
                    continue
                addressees = [a for s in _children(comp, ("nsubj", "nsubjpass")) for a in self.actor(s)]
                for s in speakers:
                    for t in addressees:
                        if _key(s) == _key(t) or (s.country and s.country == t.country and not (s.name or t.name)):
                            continue
                        if s.country and s.country == t.country and s.sector in ("GOV", "MIL") and t.name is None and t.resolution.startswith("country-term"):
                            continue  # "Scholz said Germany must avoid ...": his own country's course, no request
                        out.append(self._make("REQUEST", s, t, verb, "100", None, None, "asserted", f"rule:REQUEST:{verb.lemma_.lower()}-that-must:parse", 0.75))
        return out

    def _derived(self, events: list[Event]) -> list[Event]:
        """CAMEO codes stated intentions: a planned cooperative act is an intent to cooperate
        (AGREE), a planned conflictual act or an ultimatum a THREATEN, a refusal of a
        cooperative act a REJECT. The derived event keeps the act's dyad; it is "planned" (the
        act has not happened), except a refusal, which is itself an act."""
        out: list[Event] = []
        # an event still waiting for its addressee does not block the derived reading
        have = {(e.type, e.source.country) for e in events if e.target.resolution != "unresolved"}
        for e in events:
            if "~" not in e.coder or e.coder.startswith("rule:intent"):
                continue
            why = e.coder.rsplit(":", 1)[-1]
            info = PLOVER_TYPES[e.type]
            if e.target.resolution == "none" and (":nearest-actor" in e.coder or info.quad_class not in (1, 2)):
                # a one-sided act ("will release the hostages", "declined to resign") stands
                # for an intention or a refusal only when its doer is the clause's own subject
                continue
            new_type = None
            modality = "planned"
            if e.modality in ("planned", "hypothetical") and why == "condition" and e.type not in ("REQUEST", "THREATEN", "ACCUSE"):
                if info.quad_class in (1, 2) and not self._ultimatum(e):
                    # "would meet the mediator if he gave them a veto", "is willing to send
                    # material if it is attacked": a conditional offer is an intent to cooperate
                    new_type = "AGREE" if e.type != "AGREE" else None
                elif info.quad_class in (3, 4) or e.modality == "planned":
                    # "will boycott the elections unless", "may halt mediation if": an ultimatum
                    new_type = "THREATEN"
            elif e.modality == "planned" and why in ("future", "intent"):
                if info.quad_class in (1, 2) and e.type != "AGREE":
                    new_type = "AGREE"
                elif info.quad_class == 4 and e.type != "MOBILIZE":
                    # a planned deployment is not by itself a threat (peacekeepers, exercises)
                    new_type = "THREATEN"
            elif e.modality == "negated" and why == "refusal" and info.quad_class in (1, 2):
                new_type, modality = "REJECT", "asserted"
            if new_type is None or (new_type, e.source.country) in have:
                continue
            have.add((new_type, e.source.country))
            if new_type == "REJECT" and e.target.resolution == "none":
                # "declined to resign despite pressure by the anti-graft body": the refusal
                # is addressed to whoever pressed for the act
                pressers = self._despite_pressers(e)
                if pressers:
                    e = replace(e, target=pressers[0])
            if new_type == "THREATEN" and why == "condition":
                # an ultimatum is addressed to whoever the condition is put to ("would strike
                # unless Israel rescinded ...")
                put_to = self._condition_addressees(e)
                if put_to:
                    e = replace(e, target=put_to[0])
            out.append(replace(e, type=new_type, modality=modality, coder=f"rule:intent:{new_type}<-{e.type}:{e.coder.split(':', 3)[2] if e.coder.count(':') >= 2 else ''}", confidence=round(max(e.confidence - 0.1, 0.4), 2), mode=None, context=e.context))  # type: ignore[arg-type]
        return out

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

    def _ultimatum(self, e: Event) -> bool:
        """The act's condition is an "unless" clause ("will withdraw unless X pays"): a demand
        backed by the act, not an offer made on a condition ("would meet him if ...")."""
        clause = self._act_clause(e)
        return clause is None or any(t.dep_ == "mark" and t.lower_ == "unless" for t in clause.subtree)

    def _despite_pressers(self, e: Event) -> list[Actor]:
        """"refused to step down despite calls from the opposition", "declined to resign in
        spite of pressure by the commission": the party behind the pressure or demand the
        refusal withstands (its "by"/"from" phrase or its possessor)."""
        tok = self._trigger_token(e)
        if tok is None:
            return []
        anchors = [tok] + ([tok.head] if tok.dep_ in ("xcomp", "ccomp") else [])
        own = {_key(e.source)}
        for anchor in anchors:
            for prep in anchor.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("despite", "spite"):
                    continue
                nouns = _children(prep, ("pobj",))
                if prep.lower_ == "spite":
                    nouns = [p for of in _children(prep, ("prep",)) if of.lower_ == "of" for p in _children(of, ("pobj",))]
                for n in nouns:
                    if n.lemma_.lower() not in _PRESSURE_NOUNS:
                        continue
                    holders = _children(n, ("poss",)) + [p for b in n.children if b.dep_ == "prep" and b.lower_ in ("by", "from") for p in _children(b, ("pobj",))]
                    found = [a for h in holders for a in self.actor(h) if a.country and _key(a) not in own]
                    if found:
                        return found
        return []

    def _condition_addressees(self, e: Event) -> list[Actor]:
        clause = self._act_clause(e)
        if clause is None:
            return []
        return self._ultimatum_addressees(clause, {e.source.country} if e.source.country else set())

    # -- the learned layer --------------------------------------------------------------------
    def model_events(self) -> list[Event]:
        """A sentence with actors but no trigger the rules know: the sentence model's type when
        it is confident (its threshold was chosen on held-out training stories). The source is
        the main clause's subject actor; the target the first other-country actor in the
        clause, else (one-sided and domestic types) the source's own country or nobody."""
        from .model import default_model

        model = default_model()
        if model is None or not self.actors or self.sentence.text.rstrip(" `'\"”’").endswith("?"):
            return []
        root = next((t for t in self.sdoc if t.dep_ == "ROOT"), None)
        if root is None:
            return []
        # "X said (that) Y ...": the reported clause carries the event
        main = root
        if root.lemma_.lower() in _SPEECH_VERBS:
            comp = _children(root, ("ccomp",))
            if comp:
                main = comp[0]
        subj, _ = subject_of(main)
        if subj is not None and subj.lemma_.lower() in _NON_AGENT_NOUNS:
            return []  # "The agreement, signed by Iran and the US, limits ...": a document acts for no one
        sources = [a for a in self.actor(subj) if a.country]
        if not sources:
            return []
        main_objs = {o.lemma_.lower() for o in _children(main, ("dobj",))}
        if any(main_objs & set(t.forbids_object) for t in triggers_for(main.lemma_.lower(), "VERB")):
            return []  # the rules read the verb and ruled it out ("released a statement")
        type_, p = model.predict(self.sentence.text)
        if p < model.threshold:
            return []
        own = {a.country for a in sources}
        targets = self._in_clause(main, sources)
        how = "in-clause"
        if not targets:
            # any other party in the sentence, but not the reporter ("..., witnesses said")
            reporters = {t.i for s in _children(root, ("nsubj",)) for t in s.subtree} if main is not root else set()
            for i, a in sorted(self.actors.items()):
                tok = self.sdoc[i]
                if i in reporters or not a.country or a.country in own or _inside(tok.idx, self.quotes):
                    continue
                if any(x.lemma_ == "accord" for x in tok.ancestors):
                    continue
                targets, how = [a], "in-sentence"
                break
        if not targets:
            if type_ in _DOMESTIC_TYPES:
                targets = [Actor(sources[0].country or "", None, sources[0].country, "GOV", None, None, None, -1, -1, "domestic")]
                how = "domestic"
            elif type_ in _ONE_SIDED_TYPES:
                targets = [Actor("", None, None, None, None, None, None, -1, -1, "none")]
                how = "one-sided"
            else:
                return []
        modality, why = self.modality_reason(main, main)
        coder = f"model:{model.name}:{type_}:{how}" + (f"~{modality}:{why}" if why else "")
        from .lexicon import PLOVER_TYPES as _T

        return [
            self._make(type_, s, t, main, _T[type_].cameo_root, None, None, modality, coder, round(p, 2))
            for s in sources for t in targets if _key(s) != _key(t) and not (t.country in own and how in ("in-clause", "in-sentence"))
        ]

    def _armed_against(self, events: list[Event]) -> list[Event]:
        """"claims to be manufacturing chemical weapons to use against the United States",
        "is building missiles to be used against Israel": arming oneself for the stated
        purpose of using the arms on a named party is a threat of force against it (CAMEO 138).
        Supplying arms to someone else for that use is aid to them, not this."""
        out: list[Event] = []
        have = {(e.type, e.source.country) for e in events}
        for use in self.sdoc:
            if use.lemma_.lower() != "use" or use.pos_ != "VERB" or _inside(use.idx, self.quotes) or any(k.dep_ == "neg" for k in use.children):
                continue
            if not any(k.dep_ == "aux" and k.lower_ == "to" for k in use.children):
                continue
            enemies = [a for prep in use.children if prep.dep_ == "prep" and prep.lower_ == "against" for p in _children(prep, ("pobj",)) for a in self.actor(p) if a.country]
            if not enemies:
                continue
            head = use.head
            if head.pos_ in ("NOUN", "PROPN") and use.dep_ in ("acl", "relcl") and head.lemma_.lower() in _ARMS_NOUNS and head.dep_ == "dobj":
                verb = head.head  # "weapons to use against": the weapons' own verb
            elif use.dep_ in ("advcl", "xcomp") and head.pos_ == "VERB" and any(d.lemma_.lower() in _ARMS_NOUNS for d in _children(head, ("dobj",))):
                verb = head
            else:
                continue
            if verb.lemma_.lower() not in _ARMING_VERBS:
                continue
            subj, _ = subject_of(verb)
            sources = [a for a in self.actor(subj) if a.country]
            modality = self.modality(verb, verb)
            for s in sources:
                if ("THREATEN", s.country) in have:
                    continue
                for t in enemies:
                    if t.country == s.country:
                        continue
                    out.append(self._make("THREATEN", s, t, verb, "138", None, "military", modality, f"rule:THREATEN:{verb.lemma_.lower()}-arms-against:parse", 0.7))
                have.add(("THREATEN", s.country))
        return out

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

        anchors = [tok, verb] + _children(tok, ("dobj",))
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
            inside_trigger = tok is not None and any(tok.i in {x.i for x in t.ancestors} for t in self.sdoc if a < t.idx < b)
            # words quoted inside the event's own clause ("called on the US to `take ...`") are
            # the event source's; otherwise the speech verb's subject says them
            who = speaker if inside_trigger else (self._quote_speaker(a, b) or speaker)
            out.append(Quote(self.sentence.text[a + 1 : b - 1].strip("`'"), self.sentence.start + a + 1, self.sentence.start + b - 1, who))
        return tuple(out)

    def _quote_speaker(self, a: int, b: int) -> Actor | None:
        inside = [t for t in self.sdoc if a < t.idx < b]
        if not inside:
            return None
        # The speech verb outside the quote that heads (or is nearest to) the quoted words.
        heads = {t.head.i for t in inside if not (a < t.head.idx < b)}
        cands = [self.sdoc[i] for i in heads if self.sdoc[i].lemma_.lower() in _SPEECH_VERBS | {"emphasize", "emphasise", "stress", "call", "urge"}]
        if not cands:
            cands = [t for t in self.sdoc if t.lemma_.lower() in _SPEECH_VERBS and not (a <= t.idx < b) and t.pos_ in ("VERB", "AUX")]
            cands.sort(key=lambda t: min(abs(t.idx - a), abs(t.idx - b)))
        for v in cands[:1]:
            subj, _ = subject_of(v)
            found = [a for a in self.actor(subj) if a.country or a.name]
            if found:
                return found[0]
        return None


# Where both sides come straight from the clause's own arguments (subject, object, "between X
# and Y", "X and Y agreed", a preposition or the complement of the trigger itself).
_EXPLICIT_HOW = {"parse", "between", "compound-actor", "prep-object", "object-modifier", "complement", "reaction", "device"}
_NON_STATE_CODES = {"IGO", "UNO", "EUR", "NGO", "IMG", "ISM", "MNC"}


def _dyad_allowed(type_: str, s: Actor, t: Actor, how: str) -> bool:
    """The dyad policy (see the module docstring).

    * No target at all: kept only for the one-sided types (a ceasefire, a strike, a resignation,
      a deployment) and for a stated commitment (AGREE: "promised to democratize Serbia"), as
      PLOVER codes them; the target has resolution "none". Any other type records an
      interaction, and a record with one side missing would pass for one, so it is not made.
    * A target the clause names but whose country is unknown ("ordered former president Carlos
      Menem to appear") is kept when it is the trigger's own argument: the event happened, only
      the country is unresolved (target country null).
    * Either way the confidence is at most 0.5, so an interstate view can drop them by
      `target.country is null` or a confidence threshold.
    * A same-country dyad is kept when both sides are explicit, distinct actors of the clause
      (police vs protesters, a government vs rebels, a judge vs a former president), or for the
      domestic types (PROTEST, CONCEDE, COERCE) coded to a state's own country when no one
      else is named (PLOVER's convention for internal events). Never when a side is a guess
      (the nearest actor, a country taken from the sentence's context, an interlocutor): those
      mostly pair a state with itself ("condemned North Korea's launch" -> PRK->PRK).
    """
    if t.resolution == "unresolved":
        return True  # the addressee comes from the page's meeting, or the event is dropped
    if t.resolution == "none":
        return type_ in _ONE_SIDED_TYPES or type_ == "AGREE"
    if t.country is None:
        # a named party of unknown country ("former president Carlos Menem"): kept, with its
        # country unresolved, unless the source is a guess too
        return how in _EXPLICIT_HOW and t.start >= 0
    if s.country != t.country:
        return True
    if how == "nearest-actor":
        return False  # a guessed side never makes a same-country pair
    if type_ in _DOMESTIC_TYPES and s.country not in _NON_STATE_CODES:
        return how in _EXPLICIT_HOW | {"domestic", "event-place", "in-clause"}
    if type_ == "ASSAULT" and s.sector in _ARMED_NON_STATE and t.sector != s.sector and t.start >= -1:
        # an armed group striking at home: the place (or a state actor) it attacked is the target
        return how in _EXPLICIT_HOW | {"event-place", "in-clause"}
    if how not in _EXPLICIT_HOW or s.start < 0 or t.start < 0:
        return False
    if s.sector != t.sector:
        return True
    if s.name or t.name:
        return bool(s.name and t.name and s.name != t.name)
    return s.text.lower() != t.text.lower()


def _is_place(a: Actor) -> bool:
    """A bare place name (a country, a region, a town), not an institution or a person.

    The resolver gives a bare country name sector GOV (it may stand for the state), so this
    test, not the sector, decides where a place may be a target. Policy: a place in the act's
    own locative phrase is the target ("attacked targets in Jericho", "bombed targets in
    southern Lebanon": PLOVER codes the place's country as the affected party); a place met
    as a landmark, two or more phrases down with a locative one ("a village near the border
    with Niger", "a plan for talks in Geneva"), is not, unless the act is aimed at a place (a
    deployment or threat "along the border with Armenia")."""
    if a.office == "place":
        return True
    if a.role or a.person_id:
        return False
    from ..reference.gazetteer import lookup_country

    return lookup_country(a.text) is not None


def _key(a: Actor) -> str:
    return a.person_id or a.name or (a.text + "|" + (a.country or ""))


def _confidence(how: str, s: Actor, t: Actor) -> float:
    base = {"domestic": 0.5, "complement": 0.75, "object-modifier": 0.75, "reaction": 0.7, "prep-object": 0.7, "event-place": 0.6, "one-sided": 0.6, "parse": 0.85, "between": 0.85, "compound-actor": 0.8, "dyad-in-name": 0.7, "host-country": 0.6, "nearest-actor": 0.6, "addressee-pending": 0.55}.get(how, 0.6)
    if s.name or t.name:
        base += 0.05
    return round(min(base, 0.95), 2)


_INTERLOCUTOR_WINDOW = 4


def _resolve_addressees(events: list[Event]) -> list[Event]:
    """Fill a missing addressee with the other side of the page's current meeting."""
    meetings = [e for e in events if e.type == "CONSULT" and e.modality == "asserted"]
    out = []
    for e in events:
        if e.target.resolution != "unresolved":
            out.append(e)
            continue
        if "/noun:" in e.coder:
            continue  # "the agreement", "an investigation": a topic noun names no addressee
        partner = None
        for m in meetings:
            # only the meeting the passage is about: just before, or the same sentence (a
            # meeting far back on the page is not who a later demand is addressed to)
            if not (e.sentence - _INTERLOCUTOR_WINDOW <= m.sentence <= e.sentence):
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
    # A stated intention whose act the page reports as done ("agreed to send a delegation to
    # the January talks", once the time stage finds January past) is subsumed by the act.
    realized = {(e.sentence, e.source.country) for e in events if "~planned:" in e.coder and e.modality == "asserted"}
    events = [
        e for e in events
        if not ((e.sentence, e.source.country) in realized and "~planned:" not in e.coder
                and (e.coder.startswith("rule:intent") or e.target.resolution == "none"))
    ]
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
    meeting: Event | None = None
    for sent in doc.sentences:
        sdoc = parsed.get(sent.index)
        if sdoc is None or sent.paragraph in captions:
            continue
        coder = SentenceCoder(doc, sent, sdoc, actors.get(sent.index, {}))
        if meeting is not None and sent.index - meeting.sentence <= 6:
            coder.meeting = (meeting.source, meeting.target)
        found = coder.code()
        for e in found:
            if e.type == "CONSULT" and e.modality == "asserted" and e.target.country and e.source.country != e.target.country:
                meeting = e
        # the model speaks only where the rules coded nothing usable (an event still waiting for
        # its addressee may yet be resolved, so it counts as usable only when one exists)
        usable = [e for e in found if e.target.resolution != "unresolved"]
        events.extend(found if usable else found + coder.model_events())
    events = _resolve_addressees(events)
    return replace(doc, events=tuple(events))
