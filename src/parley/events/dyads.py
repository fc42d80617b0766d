"""The learned dyad ranker: of the parties a passage names, which did the event and to whom.

The rules and the sentence model choose an event's source and target by construction (the
verb's subject, its object, the party named just before ...). Most events parley misses on news
nobody tuned it on are found with the right type but against the wrong pair, or with a side that
is named in the sentence before. The ranker reads every party of the event's passage (its
sentence and the `WINDOW` sentences before) as a candidate and scores it as the event's source
and as its target with two logistic models over what the parse says of it: its relation to the
trigger (subject, object, the preposition that introduces it, a possessor), how far from the
trigger it is, whether it was named before, how the resolver named it, whether it is a bare
place, and whether the rules chose it. The pair with the best joint score replaces the rules'
pair when it beats it by the artifact's margin; the rules' choice is one of the features, so the
ranker overrides them only on evidence.

What it leaves alone: an event that is not an interaction (one side only, or one country on
both), and an event that shares its type with another in the same sentence (an enumeration,
one event per counterpart, which the rules lay out).

The target filler (`TargetFiller`, setting `target_fill`, on by default) reads the same
candidates for an event coded with a source and no other side ("China pledged emergency
supplies"): a conditional logit over NONE and each party of the passage but the source and those
named in the source's own phrase aims the event at the most probable party when it reaches the
artifact's threshold, else leaves it one-sided.

The weights of both are trained by `training/train_dyads.py` on the corpus texts the sentence
model trained on (never on the corpus dev pages or a gold page) and ship in one artifact,
`data/dyads/ranker.json` (the filler is its `fill` part).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from ..annotate.nlp import token_at
from ..records import Actor, Document, Event, Parses, TokenActors
from .coding import Coding
from .ontology import PLOVER_TYPES
from .policy import is_place
from .words import EXPLICIT_HOW, PASSAGE_PAIR_WINDOW, SPEECH_VERBS

ARTIFACT = Path(__file__).resolve().parents[1] / "data" / "dyads" / "ranker.json"
WINDOW = 2  # sentences before the event's that may name a party
ORGANISATION_CODES = {"IGO", "UNO", "EUR", "NGO"}
PREPOSITIONS = ("to", "with", "against", "from", "on", "by", "for", "in", "at", "of", "into", "over", "toward", "towards",
                "about", "between", "despite", "after", "before", "under", "across", "near")
CLAUSE_DEPS = ("ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj", "pcomp", "acl")
RESOLUTIONS = ("country-term", "organisation", "metonymy", "group", "page", "officeholders", "pronoun", "surname", "same-name", "title", "place", "compound")


@dataclass(frozen=True)
class Candidate:
    """One party of the passage: its code, the mention that stands for it, and its features."""

    code: str
    actor: Actor
    features: Mapping[str, float]
    # Named inside the phrase the rules' target owns or modifies ("Serbia's suppression of unrest
    # in Montenegro", "the US-led war against Iraq"): the content of the target's act, which the
    # ranker may not take as the target instead.
    in_target_act: bool = False


def _anchors(trig: Any) -> list[Any]:
    """The trigger and the verbs it hangs from ("held talks", "made a visit to", "in a call with")."""
    out = [trig]
    up = trig
    for _ in range(3):
        if up.head is up:
            break
        up = up.head
        if up.pos_ in ("VERB", "AUX") or up.dep_ == "ROOT":
            out.append(up)
            break
        if up.dep_ not in ("prep", "pobj", "dobj", "compound", "nsubj"):
            break
    return out


def _clause(tok: Any) -> Any:
    while tok.dep_ not in CLAUSE_DEPS and tok.head is not tok:
        tok = tok.head
    return tok


def _path_length(a: Any, b: Any) -> int:
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    index_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in index_b:
            return k + index_b[t.i]
    return len(up_a) + len(up_b)


def _nesting(tok: Any, trig: Any, anchors: list[Any]) -> int:
    """How many other nouns' phrases the mention sits inside on its way up to the trigger:
    "Taiwan" in "including Pelosi's visit to Taiwan" is inside "visit" (1), the topic of a
    meeting's "dialogue between X and Y" inside "dialogue"; an argument of the trigger, 0."""
    stop = {a.i for a in anchors} | {t.i for t in trig.ancestors}
    n = 0
    up = tok
    while up.head.i != up.i and up.head.i not in stop:  # (spaCy makes a new Token per access: compare indices)
        up = up.head
        if up.pos_ in ("NOUN", "PROPN") and up.dep_ not in ("compound", "appos", "conj"):
            n += 1
    return n


MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod", "case")


def _owned_phrase(tok: Any) -> set[int]:
    """The token indices of the phrase a modifier owns or modifies, the modifier's own chain
    left out: "Serbia" in "Serbia's suppression of unrest in Montenegro" gives "suppression of
    unrest in Montenegro"; "US" in "the US-led war against Iraq", "war against Iraq"; a token that
    modifies nothing, the empty set."""
    chain = {tok.i}
    up = tok
    while up.dep_ in MODIFIER_DEPS and up.head.i != up.i:
        up = up.head
        chain.add(up.i)
    if up.i == tok.i:
        return set()
    return {t.i for t in up.subtree} - {t.i for c in chain if c != up.i for t in up.doc[c].subtree}


def _with_source(tok: Any, source_ids: set[int]) -> bool:
    """Named in the source's own phrase, with no verb between: "Denmark, together with Sweden,
    accepted", "Denmark and Sweden": a party that acts with the source, not one acted on."""
    up = tok
    for _ in range(4):
        if up.head.i == up.i or up.head.pos_ in ("VERB", "AUX"):
            return False
        up = up.head
        if up.i in source_ids:
            return True
    return False


def _relation(tok: Any, trig: Any, anchors: list[Any]) -> tuple[str, str]:
    """(relation to the trigger, preposition): subj, subjpass, agent, obj, pobj (of a verb the
    trigger hangs from), poss, compound (of the trigger), owner-of-subj/obj (the owner of an
    argument), pobj-far, reporter (of a speech verb above the trigger), subj-far, other."""
    anchor_ids = {a.i for a in anchors}
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "csubj") and head.i in anchor_ids:
        return ("subj" if tok.dep_ != "nsubjpass" else "subjpass"), ""
    if tok.dep_ == "dobj" and head.i in anchor_ids:
        return "obj", ""
    if tok.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.head.i in anchor_ids:
        prep = head.lower_
        return ("agent" if head.dep_ == "agent" or prep == "by" else "pobj"), prep if prep in PREPOSITIONS else "other"
    if tok.dep_ == "poss" and head.i == trig.i:
        return "poss", ""
    if tok.dep_ in ("compound", "amod", "nmod") and head.i == trig.i:
        return "compound", ""
    if tok.dep_ in ("poss", "compound", "amod") and head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and (head.head.i in anchor_ids or head.head.head.i in anchor_ids):
        # "rejected France's accusation", "dismissed the Ecuadorean claim": the owner of an argument
        return f"owner-of-{'subj' if head.dep_.startswith('nsubj') else 'obj'}", ""
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        prep = head.lower_
        return "pobj-far", prep if prep in PREPOSITIONS else "other"
    if tok.dep_ in ("nsubj", "nsubjpass"):
        if head.lemma_.lower() in SPEECH_VERBS and trig.i in {t.i for t in head.subtree} and trig.i not in {t.i for t in tok.subtree}:
            return "reporter", ""  # "..., South Korea's defence ministry said": who tells of the act
        return "subj-far", ""
    return "other", ""


def _resolution_group(resolution: str) -> str:
    for r in RESOLUTIONS:
        if resolution.startswith(r):
            return r
    return "other"


def _mention_features(type_: str, tok: Any, trig: Any, anchors: list[Any], quoted: bool) -> dict[str, float]:
    rel, prep = _relation(tok, trig, anchors)
    f = {
        "own": 1.0,
        f"rel={rel}": 1.0,
        f"{type_}|rel={rel}": 1.0,
        "before": float(tok.i < trig.i),
        f"{type_}|before": float(tok.i < trig.i),
        "dist": math.log1p(abs(tok.i - trig.i)),
        "path": math.log1p(_path_length(tok, trig)),
        "same_clause": float(_clause(tok).i == _clause(trig).i),
        "in_trigger_phrase": float(tok.i in {t.i for t in trig.subtree}),
        "relative_clause": float(any(t.dep_ == "relcl" for t in tok.ancestors if t.i != trig.i and trig.i not in {x.i for x in t.subtree})),
        "quoted": float(quoted),
        "nested": math.log1p(_nesting(tok, trig, anchors)),
    }
    if prep:
        f[f"prep={prep}"] = 1.0
        f[f"{type_}|prep={prep}"] = 1.0
    return f


def _actor_features(actor: Actor) -> dict[str, float]:
    f = {f"res={_resolution_group(actor.resolution)}": 1.0}
    if is_place(actor):
        f["place"] = 1.0
    if actor.country in ORGANISATION_CODES:
        f["organisation"] = 1.0
    if actor.name:
        f["person"] = 1.0
    if actor.sector:
        f[f"sector={actor.sector if actor.sector in ('GOV', 'MIL', 'REB', 'COP', 'JUD', 'LEG', 'CVL', 'BUS', 'MED') else 'other'}"] = 1.0
    return f


def page_counts(doc: Document) -> Counter[str]:
    """How often the page names each country (its actors'), for `candidates`."""
    actors = doc.token_actors or TokenActors()
    return Counter(a.country for k in range(len(doc.sentences)) for a in actors.of(k).values() if a.country)


def candidates(doc: Document, event: Event, events: list[Event] | None = None, counts: Counter[str] | None = None,
               *, paired_parties: bool = False) -> list[Candidate]:
    """Every party of the event's passage with its features (the event's own sides always among
    them, from wherever they were taken). `counts`: `page_counts(doc)`, when the caller reads
    several events of one page. `paired_parties` (the filler's candidates): also the parties
    earlier events paired with the source, marked `paired`."""
    from .parse_helpers import inside, quote_spans

    parses = doc.parses or Parses()
    actors = doc.token_actors or TokenActors()
    sdoc = parses.get(event.sentence)
    sentence = doc.sentences[event.sentence]
    trig = token_at(sdoc, event.trigger_start - sentence.start) if sdoc is not None else None
    type_ = event.type
    counts = counts if counts is not None else page_counts(doc)
    top = counts.most_common(1)[0][0] if counts else None
    total = sum(counts.values()) or 1
    found: dict[str, tuple[Actor, dict[str, float], float]] = {}  # code -> (actor, features, rank: lower is better)
    inside_act: dict[str, bool] = {}  # code -> every mention of it inside the target's act
    if sdoc is not None and trig is not None:
        anchors = _anchors(trig)
        quotes = quote_spans(sentence.text)
        own = Counter(a.country for a in actors.of(event.sentence).values() if a.country)
        source_ids = {i for i, a in actors.of(event.sentence).items() if event.source.country and a.country == event.source.country}
        target_act: set[int] = set()
        for i, a in actors.of(event.sentence).items():
            if event.target.country and a.country == event.target.country and i < len(sdoc):
                owned = _owned_phrase(sdoc[i])
                if trig.i not in owned:
                    target_act |= owned
        for i, actor in sorted(actors.of(event.sentence).items()):
            if not actor.country or i >= len(sdoc):
                continue
            tok = sdoc[i]
            inside_act[actor.country] = inside_act.get(actor.country, True) and i in target_act
            f = _mention_features(type_, tok, trig, anchors, inside(tok.idx, quotes))
            if actor.country != event.source.country and _with_source(tok, source_ids):
                f["with_source"] = 1.0
            f.update(_actor_features(actor))
            f["mentions"] = math.log1p(own[actor.country])
            rank = _path_length(tok, trig) + 0.01 * abs(tok.i - trig.i)
            if actor.country not in found or rank < found[actor.country][2]:
                found[actor.country] = (actor, f, rank)
    earlier = [e for e in (events or []) if event.sentence - WINDOW <= e.sentence < event.sentence]
    earlier_sources = {e.source.country for e in earlier}
    earlier_targets = {e.target.country for e in earlier}
    for back in range(1, WINDOW + 1):
        k = event.sentence - back
        if k < 0:
            break
        psdoc = parses.get(k)
        for i, actor in sorted(actors.of(k).items()):
            if not actor.country or actor.country in found:
                continue
            f = {f"prev{back}": 1.0, f"{type_}|prev": 1.0}
            if psdoc is not None and i < len(psdoc) and psdoc[i].dep_ in ("nsubj", "nsubjpass"):
                f["prev_subj"] = 1.0
            f.update(_actor_features(actor))
            found[actor.country] = (actor, f, 1000.0 + back)
    paired = _paired_parties(event, events or []) if paired_parties else {}
    for code, actor in paired.items():
        if code not in found:
            f = {"paired_only": 1.0}
            f.update(_actor_features(actor))
            found[code] = (actor, f, 1500.0)
    for side in (event.source, event.target):
        if side.country and side.country not in found:
            f = {"outside": 1.0}
            f.update(_actor_features(side))
            found[side.country] = (side, f, 2000.0)
    out = []
    for code, (actor, f, _) in found.items():
        f = dict(f)
        f["bias"] = 1.0
        f["cur_src"] = float(code == event.source.country)
        f["cur_tgt"] = float(code == event.target.country)
        f[f"{type_}|cur_src"] = f["cur_src"]
        f[f"{type_}|cur_tgt"] = f["cur_tgt"]
        f["page_top"] = float(code == top)
        f["page_share"] = counts[code] / total
        f["earlier_source"] = float(code in earlier_sources)
        f["earlier_target"] = float(code in earlier_targets)
        f["location"] = float(code == event.location_country)
        if paired_parties:
            f["paired"] = float(code in paired)
            f[f"{type_}|paired"] = f["paired"]
        if event.source.country == code and actor is not event.source:
            actor = event.source
        elif event.target.country == code and actor is not event.target:
            actor = event.target
        in_act = inside_act.get(code, False) and code not in (event.source.country, event.target.country)
        out.append(Candidate(code, actor, f, in_act))
    return out


def _paired_parties(event: Event, events: list[Event]) -> dict[str, Actor]:
    """The parties the passage has been pairing with this event's source ("The ministers agreed
    to share data" after Peru and Colombia met): the other side of each earlier event of the
    source, up to PASSAGE_PAIR_WINDOW sentences back."""
    paired: dict[str, Actor] = {}
    if not event.source.country:
        return paired
    for e in events:
        if not (event.sentence - PASSAGE_PAIR_WINDOW <= e.sentence < event.sentence and e.source.country and e.target.country and e.source.country != e.target.country):
            continue
        if e.source.country == event.source.country:
            paired.setdefault(e.target.country, e.target)
        elif e.target.country == event.source.country:
            paired.setdefault(e.source.country, e.source)
    return paired


def rerankable(event: Event, events: list[Event]) -> bool:
    """An interaction alone of its type in its sentence (an enumeration stays as the rules laid it
    out) whose pair did not come straight from the clause's own arguments (`EXPLICIT_HOW`: the
    trigger's subject and object, "between X and Y", the object's modifier "a Security Council
    resolution" ...): those are kept, since the far parties the ranker can pick there (a topic's
    "between X and Y", the content of a censured act) were its errors."""
    if event.modality != "asserted" or not event.source.country or not event.target.country:
        return False
    if event.source.country == event.target.country:
        return False
    if Coding.from_string(event.coder).how in EXPLICIT_HOW:
        return False
    return _alone_of_its_type(event, events)


def _alone_of_its_type(event: Event, events: list[Event]) -> bool:
    """The only asserted event of its type in its sentence (not one of an enumeration's)."""
    return sum(1 for e in events if e.sentence == event.sentence and e.type == event.type and e.modality == "asserted") == 1


def pair_features(type_: str, current: tuple[str | None, str | None], source: Candidate, target: Candidate) -> dict[str, float]:
    """The features of one (source, target) choice: each side's, and whether it is the rules' pair."""
    f = {"s:" + k: v for k, v in source.features.items()}
    f.update({"t:" + k: v for k, v in target.features.items()})
    symmetric = PLOVER_TYPES[type_].symmetric
    pair = (source.code, target.code)
    f["pair:current"] = float(pair == current or (symmetric and pair[::-1] == current))
    f["pair:reversed"] = float(not symmetric and pair[::-1] == current)
    f["pair:source_first"] = float(source.features.get("before", 0.0) > target.features.get("before", 0.0))
    f["pair:both_own"] = float(bool(source.features.get("own")) and bool(target.features.get("own")))
    f[f"{type_}|pair:current"] = f["pair:current"]
    return f


@dataclass(frozen=True)
class _LinearModel:
    """Weights by feature name, as `train_dyads.py` writes them; an option scores their sum."""

    version: str
    weights: Mapping[str, float]

    def score(self, features: Mapping[str, float]) -> float:
        return sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    @classmethod
    def from_artifact(cls, path: Path, kind: str, bound: str, section: str | None = None) -> Any:
        """The model an artifact holds: its version, and the weights and the one bound (`bound`:
        the ranker's margin, a threshold) of the whole file or of its `section` (None when that
        section is absent or empty). A file that is not such an artifact is a ValueError naming it."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            part = data if section is None else data.get(section)
            if section is not None and not part:
                return None
            return cls(str(data["version"]), dict(part["weights"]), float(part[bound]))  # type: ignore[call-arg]
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: not a parley {kind} artifact ({exc})") from exc


def _moved(event: Event, mark: str, confidence: float, **sides: Actor) -> Event:
    """The event with the sides a model chose, its coder's argument finder marked ("parse>ranked",
    "one-sided>filled") and its confidence capped."""
    coding = Coding.from_string(event.coder)
    coder = replace(coding, how=f"{coding.how}>{mark}").to_string() if coding.kind in ("rule", "model") else event.coder
    return replace(event, coder=coder, confidence=min(event.confidence, confidence), **sides)


@dataclass(frozen=True)
class DyadRanker(_LinearModel):
    """A conditional logit over the (source, target) pairs of the passage's parties."""

    margin: float  # a pair replaces the rules' only when it scores more than this above it

    @classmethod
    def load(cls, path: Path = ARTIFACT) -> "DyadRanker":
        return cls.from_artifact(path, "dyad-ranker", "margin")

    def best_pair(self, type_: str, current: tuple[str | None, str | None], cands: list[Candidate]) -> tuple[Candidate, Candidate, float, float] | None:
        """(source, target, its score, the rules' pair's score: -inf when the rules' pair is not
        among the candidates), or None when the passage names fewer than two parties."""
        if len(cands) < 2:
            return None
        symmetric = PLOVER_TYPES[type_].symmetric
        best: tuple[float, int, int] | None = None
        current_score = -math.inf
        for i, s in enumerate(cands):
            for j, t in enumerate(cands):
                if i == j or s.in_target_act or t.in_target_act:
                    continue
                f = pair_features(type_, current, s, t)
                z = self.score(f)
                if (s.code, t.code) == current or (symmetric and (t.code, s.code) == current):
                    current_score = max(current_score, z)
                if best is None or z > best[0]:
                    best = (z, i, j)
        assert best is not None
        return cands[best[1]], cands[best[2]], best[0], current_score

    def rerank(self, doc: Document, events: list[Event]) -> list[Event]:
        counts = page_counts(doc)
        out = []
        for e in events:
            if not rerankable(e, events):
                out.append(e)
                continue
            current = (e.source.country, e.target.country)
            found = self.best_pair(e.type, current, candidates(doc, e, events, counts))
            if found is None:
                out.append(e)
                continue
            src, tgt, best, now = found
            pair = (src.code, tgt.code)
            if pair == current or (PLOVER_TYPES[e.type].symmetric and pair[::-1] == current) or best - now <= self.margin:
                out.append(e)
                continue
            out.append(_moved(e, "ranked", 0.6, source=src.actor, target=tgt.actor))
        return out


def fillable(event: Event, events: list[Event]) -> bool:
    """An asserted event with a source country and no other side, alone of its type in its
    sentence: "China pledged emergency supplies", "Russian peacekeepers began withdrawing"."""
    if event.modality != "asserted" or not event.source.country or event.target.country:
        return False
    return _alone_of_its_type(event, events)


def coding_group(coder: str) -> str:
    """"rule:one-sided", "model:parse" ...: how the event's sides were found, for the filler."""
    coding = Coding.from_string(coder)
    return f"{coding.kind}:{coding.how.split('>')[0]}"


def fill_candidates(cands: list[Candidate], source: str | None) -> list[Candidate]:
    """The parties a one-sided event may be aimed at: not its source, nor a party named in the
    source's own phrase ("Denmark, together with Sweden, accepted the plan")."""
    return [c for c in cands if c.code != source and not c.features.get("with_source")]


def none_features(type_: str, group: str) -> dict[str, float]:
    """The features of leaving the event without a target (the filler's NONE option)."""
    return {"none": 1.0, f"{type_}|none": 1.0, f"how={group}|none": 1.0}


def fill_options(type_: str, group: str, cands: list[Candidate]) -> list[dict[str, float]]:
    """The filler's options: NONE first, then each candidate as the target ("t:" features)."""
    return [none_features(type_, group)] + [{"t:" + k: v for k, v in c.features.items()} for c in cands]


def softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exp = [math.exp(z - top) for z in scores]
    total = sum(exp)
    return [x / total for x in exp]


@dataclass(frozen=True)
class TargetFiller(_LinearModel):
    """A conditional logit over (NONE, each party of the passage) as the target of an event
    coded with a source and no other side; it fills only at `threshold` or more."""

    threshold: float

    def choose(self, type_: str, group: str, cands: list[Candidate]) -> tuple[int, float]:
        """(index into cands of the most probable target, or -1 for NONE; its probability)."""
        probs = softmax([self.score(f) for f in fill_options(type_, group, cands)])
        best = max(range(len(probs)), key=lambda k: probs[k])
        return best - 1, probs[best]

    def fill(self, doc: Document, events: list[Event]) -> list[Event]:
        counts = page_counts(doc)
        out = []
        for e in events:
            if not fillable(e, events):
                out.append(e)
                continue
            cands = fill_candidates(candidates(doc, e, events, counts, paired_parties=True), e.source.country)
            if not cands:
                out.append(e)
                continue
            k, p = self.choose(e.type, coding_group(e.coder), cands)
            if k < 0 or p < self.threshold:
                out.append(e)
                continue
            out.append(_moved(e, "filled", round(p, 2), target=cands[k].actor))
        return out


@lru_cache(maxsize=1)
def shipped() -> DyadRanker | None:
    """The ranker in the package, or None when its artifact is absent."""
    return DyadRanker.load(ARTIFACT) if ARTIFACT.exists() else None


@lru_cache(maxsize=1)
def shipped_filler() -> TargetFiller | None:
    """The target filler in the package (the "fill" part of the ranker's artifact), or None."""
    if not ARTIFACT.exists():
        return None
    return TargetFiller.from_artifact(ARTIFACT, "target-filler", "threshold", section="fill")
