"""The learned event acceptor: of the interactions the rules and the sentence model coded, which
to keep (the rules propose, a model trained on their record accepts).

Each way of coding an event has its own record on news: a rule reading a verb's subject and
object is right about two times in three, a learned event whose target was taken from the
sentence before about one time in three, and some (a type the sentence model proposes where a
page names two parties of one deployment) mostly wrong. The acceptor is a logistic model over
what is known of an asserted interaction when the events stage ends: its type, how it was coded
(rule or model, the construction, the argument finder, whether the ranker or the filler moved
it), how each side was resolved and its sector, where its sentence sits (a title, a caption,
the first paragraph), how many events share the sentence, and what the small TF-IDF sentence
model (`model_named("v2")`, trained on the synthetic stories and written news sentences, never
on the corpus) rates its type and NONE. It drops an event it rates below the artifact's
threshold.

Features read from the MiniLM sentence model (its probabilities, the confidence it sets) are
left out on purpose: the acceptor is trained on the corpus texts that model trained on, where
its answers are better than on any other text, so a weight learned on them would over-trust it.

Trained by `training/train_acceptor.py` on the corpus texts the sentence model trained on (never
on the corpus dev pages or a gold page); the artifact is `data/dyads/acceptor.json`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from ..records import Document, Event
from .coding import Coding
from .dyads import ORGANISATION_CODES, _LinearModel

ARTIFACT = Path(__file__).resolve().parents[1] / "data" / "dyads" / "acceptor.json"


def judged(event: Event) -> bool:
    """An asserted interaction (two different countries): what the acceptor may drop. One-sided
    and domestic records, and events of other modalities, pass untouched."""
    return (event.modality == "asserted" and event.source.country is not None and event.target.country is not None
            and event.source.country != event.target.country)


def _bucket(x: float, edges: tuple[float, ...]) -> int:
    return sum(1 for e in edges if x >= e)


def event_features(doc: Document, event: Event, events: list[Event], type_probs: Mapping[str, float]) -> dict[str, float]:
    """What the acceptor reads of one event (`type_probs`: the v2 model's probabilities for its
    sentence, NONE included)."""
    coding = Coding.from_string(event.coder)
    finder, _, moved = coding.how.partition(">")
    t = event.type
    kind = coding.kind
    trigger = coding.trigger if kind == "rule" else ""
    f: dict[str, float] = {"bias": 1.0, f"type={t}": 1.0, f"kind={kind}": 1.0, f"{t}|kind={kind}": 1.0,
                           f"how={kind}:{finder}": 1.0, f"{t}|how={finder}": 1.0}
    if moved:
        f[f"moved={moved}"] = 1.0
    if trigger:
        f[f"trigger={trigger}"] = 1.0
    if kind != "model":
        f["rule_confidence"] = event.confidence
    for side, actor in (("src", event.source), ("tgt", event.target)):
        f[f"{side}_res={actor.resolution or '-'}"] = 1.0
        f[f"{side}_sector={actor.sector or '-'}"] = 1.0
        if actor.name:
            f[f"{side}_named"] = 1.0
        if actor.start < 0:
            f[f"{side}_outside"] = 1.0
        if actor.country in ORGANISATION_CODES:
            f[f"{side}_organisation"] = 1.0
    if event.location_country and event.location_country == event.target.country:
        f["target_is_place_country"] = 1.0
    if event.quotes:
        f["quoted"] = 1.0
    sentence = doc.sentences[event.sentence]
    assert doc.article is not None
    paragraphs = doc.article.paragraphs
    if 0 <= sentence.paragraph < len(paragraphs):
        f[f"paragraph={paragraphs[sentence.paragraph].kind}"] = 1.0
        f[f"paragraph_index={min(sentence.paragraph, 3)}"] = 1.0
    f[f"words={_bucket(len(sentence.text.split()), (8, 15, 25, 40))}"] = 1.0
    same = [e for e in events if e.sentence == event.sentence and e.modality == "asserted"]
    f["others_in_sentence"] = math.log1p(len(same) - 1)
    f["same_type_in_sentence"] = math.log1p(sum(1 for e in same if e.type == t) - 1)
    p_type = type_probs.get(t, 0.0)
    p_none = type_probs.get("NONE", 0.0)
    best = max((v for k, v in type_probs.items() if k != "NONE"), default=0.0)
    f["v2_type"] = p_type
    f["v2_none"] = p_none
    f["v2_is_best"] = float(p_type >= best and p_type > 0)
    f[f"{t}|v2_type"] = p_type
    return f


def as_confidence(p: float) -> float:
    """A probability as a stored confidence: two decimals, never 0 (a coded event is never
    certainly wrong) nor 1."""
    return min(0.99, max(0.01, round(p, 2)))


def features_of(doc: Document, events: list[Event]) -> list[dict[str, float] | None]:
    """`event_features` of each judged event (None for the others), the v2 model read once per
    sentence."""
    from .model import model_named

    v2 = model_named("v2")
    ratings: dict[int, Mapping[str, float]] = {}
    out: list[dict[str, float] | None] = []
    for e in events:
        if not judged(e):
            out.append(None)
            continue
        if e.sentence not in ratings:
            ratings[e.sentence] = v2.probabilities(doc.sentences[e.sentence].text) if v2 is not None else {}
        out.append(event_features(doc, e, events, ratings[e.sentence]))
    return out


@dataclass(frozen=True)
class EventAcceptor(_LinearModel):
    """A logistic model over `event_features`; keeps an event it rates at `threshold` or more."""

    threshold: float

    def probability(self, features: Mapping[str, float]) -> float:
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.score(features)))))

    @classmethod
    def load(cls, path: Path = ARTIFACT) -> "EventAcceptor":
        return cls.from_artifact(path, "event-acceptor", "threshold")

    def rate(self, doc: Document, events: list[Event]) -> list[float | None]:
        """Each event's probability of being right (None: not judged)."""
        return [None if f is None else self.probability(f) for f in features_of(doc, events)]

    def judge(self, doc: Document, events: list[Event], drop: bool = False) -> list[Event]:
        """Each judged event with its probability as its confidence; with `drop`, those rated
        below the threshold left out."""
        out = []
        for e, p in zip(events, self.rate(doc, events)):
            if p is None:
                out.append(e)
            elif not drop or p >= self.threshold:
                out.append(replace(e, confidence=as_confidence(p)))
        return out


@lru_cache(maxsize=1)
def shipped() -> EventAcceptor | None:
    """The acceptor in the package, or None when its artifact is absent."""
    return EventAcceptor.load(ARTIFACT) if ARTIFACT.exists() else None
