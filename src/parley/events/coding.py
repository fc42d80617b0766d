"""How an event was coded, as a typed record; stored in the database as one string.

The stored form (the `coder` column and `Event.coder`) is kept as it always was, so old rows read
back the same:

    rule:TYPE:lemma/pos:how[~modality:why]         a trigger row ("rule:CONSULT:meet/verb:parse")
    rule:TYPE:construction:how[~modality:why]      a construction ("rule:REJECT:out-of-the-question:parse")
    rule:intent:TYPE<-ACT:lemma/pos                a stated intention derived from an act
    model:NAME:TYPE:how[~modality:why]             the learned sentence model
    ...|NAME:p                                    a rule event the MiniLM reviewer kept (event_model=minilm)
    ...|NAME                                      a rule event coded beside it, not read (its veto off)

`Coding.to_string()` writes it and `Coding.from_string()` reads it: the only two places that know
the format. Everything else reads fields (`coding.why`, `coding.lemma`, `coding.kind`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Kind = Literal["rule", "intent", "model", "unknown"]


@dataclass(frozen=True)
class Coding:
    kind: Kind  # "rule" (a trigger row or a construction), "intent" (derived), "model", "unknown"
    type: str  # the PLOVER type coded
    lemma: str = ""  # the trigger row's lemma ("meet"), for a trigger-row coding
    pos: str = ""  # the trigger row's part of speech, lower case ("verb", "noun")
    construction: str = ""  # the construction's name in place of a trigger ("out-of-the-question")
    how: str = ""  # which argument finder named the dyad ("parse", "complement", "nearest-actor")
    modality: str = ""  # the modality when it was coded, with its reason below ("" when asserted)
    why: str = ""  # "future", "intent", "refusal", "condition", "negation", "modal", "ruled-out" ...
    model: str = ""  # the sentence model's name, for a model coding
    review: str = ""  # "NAME:p": the learned model that kept this rule event, and its probability ("NAME": not asked)
    derived_from: str = ""  # for an intention: the type of the act it is read from

    @property
    def trigger(self) -> str:
        """"lemma/pos" of the trigger row, or the construction's name."""
        return f"{self.lemma}/{self.pos}" if self.lemma else self.construction

    def with_modality(self, modality: str, why: str) -> Coding:
        """The modality and its reason; an event asserted for no stated reason records neither."""
        return replace(self, modality=modality if why else "", why=why)

    def to_string(self) -> str:
        if self.review:
            return f"{replace(self, review='').to_string()}|{self.review}"
        suffix = f"~{self.modality}:{self.why}" if self.why else ""
        if self.kind == "rule":
            return f"rule:{self.type}:{self.trigger}:{self.how}{suffix}"
        if self.kind == "intent":
            return f"rule:intent:{self.type}<-{self.derived_from}:{self.trigger}"
        if self.kind == "model":
            return f"model:{self.model}:{self.type}:{self.how}{suffix}"
        return self.construction  # a string in no known format is kept whole

    @classmethod
    def from_string(cls, text: str) -> Coding:
        text, bar, review = text.partition("|")
        if bar:
            return replace(cls.from_string(text), review=review)
        head, _, suffix = text.partition("~")
        modality, _, why = suffix.partition(":")
        parts = head.split(":")
        if len(parts) == 4 and parts[0] == "rule" and parts[1] == "intent" and "<-" in parts[2] and not suffix:
            new_type, derived_from = parts[2].split("<-", 1)
            return cls("intent", new_type, derived_from=derived_from, **_trigger_fields(parts[3]))
        if len(parts) == 4 and parts[0] == "rule" and parts[1] != "intent":
            return cls("rule", parts[1], how=parts[3], modality=modality, why=why, **_trigger_fields(parts[2]))
        if len(parts) >= 4 and parts[0] == "model":
            return cls("model", parts[-2], how=parts[-1], modality=modality, why=why, model=":".join(parts[1:-2]))
        return cls("unknown", "", construction=text)


def _trigger_fields(text: str) -> dict[str, str]:
    if "/" in text:
        lemma, pos = text.split("/", 1)
        return {"lemma": lemma, "pos": pos}
    return {"construction": text}
