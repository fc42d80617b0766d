"""A small learned PLOVER event-type classifier for one sentence.

TF-IDF over lowercased, crudely stemmed word unigrams and bigrams, then one-vs-rest logistic
regression (scikit-learn at training time only: `scripts/train_eventmodel.py`). The artifact is
plain numpy arrays (vocabulary, idf, weights, bias, threshold), so inference needs no
scikit-learn and costs one sparse dot product per sentence.

Capitalised words after the first token are dropped: names and countries say who acted, not what
was done, and the training stories use invented ones. Digits are folded so "500" and "12" agree.

Trained only on `../shared/train/ngec-synthetic` (lead sentences and headlines) plus sentences
written for this project (`HANDWRITTEN` in the training script); never on a gold set that parley
is scored on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_NAME = "plover-tfidf-lr-v1"
MODEL_PATH = Path(__file__).parent / "data" / "eventmodel" / f"{MODEL_NAME}.npz"

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+")
_SUFFIXES = ("ing", "ed", "es", "s")
_KEEP_CAPS = frozenset({"UN", "U.N.", "EU", "NATO"})


def _stem(w: str) -> str:
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    return w.rstrip("e") if len(w) > 4 else w


def tokens(text: str) -> list[str]:
    out: list[str] = []
    for n, m in enumerate(_WORD.finditer(text)):
        w = m.group(0)
        if w[0].isdigit():
            out.append("<num>")
        elif n > 0 and w[0].isupper() and w not in _KEEP_CAPS:
            continue  # a name: who, not what
        else:
            out.append(_stem(w.lower().strip("'-")))
    return out


def features(text: str) -> list[str]:
    toks = tokens(text)
    return toks + [a + " " + b for a, b in zip(toks, toks[1:])]


@dataclass(frozen=True)
class EventModel:
    name: str
    labels: tuple[str, ...]
    vocab: dict[str, int]
    idf: Any  # np.ndarray (n_features,)
    coef: Any  # np.ndarray (n_labels, n_features)
    bias: Any  # np.ndarray (n_labels,)
    threshold: float  # probability above which a model-only event is coded (held-out choice)

    def probabilities(self, text: str) -> dict[str, float]:
        counts: dict[int, int] = {}
        for f in features(text):
            j = self.vocab.get(f)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        if not counts:
            return {lab: 1.0 / len(self.labels) for lab in self.labels}
        idx = np.fromiter(counts.keys(), dtype=np.int64)
        # sublinear tf, idf, l2 norm: as TfidfVectorizer(sublinear_tf=True) at training time
        val = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))) * self.idf[idx]
        val /= np.linalg.norm(val) or 1.0
        z = self.coef[:, idx] @ val + self.bias
        # one-vs-rest logistic scores, normalised to sum to one (as scikit-learn's predict_proba)
        p = 1.0 / (1.0 + np.exp(-z))
        p /= p.sum()
        return {lab: float(p[i]) for i, lab in enumerate(self.labels)}

    def predict(self, text: str) -> tuple[str, float]:
        probs = self.probabilities(text)
        best = max(probs, key=probs.__getitem__)
        return best, probs[best]


def save(path: Path, model: EventModel) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    terms = sorted(model.vocab, key=model.vocab.__getitem__)
    np.savez_compressed(
        path,
        name=np.array(model.name),
        labels=np.array(model.labels),
        terms=np.array(terms),
        idf=model.idf.astype(np.float32),
        coef=model.coef.astype(np.float16),
        bias=model.bias.astype(np.float32),
        threshold=np.array(model.threshold),
    )


def load(path: Path) -> EventModel:
    try:
        with np.load(path, allow_pickle=False) as z:
            terms = [str(t) for t in z["terms"]]
            return EventModel(
                name=str(z["name"]),
                labels=tuple(str(x) for x in z["labels"]),
                vocab={t: i for i, t in enumerate(terms)},
                idf=z["idf"].astype(np.float64),
                coef=z["coef"].astype(np.float64),
                bias=z["bias"].astype(np.float64),
                threshold=float(z["threshold"]),
            )
    except (OSError, KeyError, ValueError) as exc:
        raise ValueError(f"{path}: not a parley event model ({exc})") from exc


@lru_cache(maxsize=1)
def default_model() -> EventModel | None:
    """The shipped model, or None when the artifact is absent (rules still run)."""
    return load(MODEL_PATH) if MODEL_PATH.exists() else None
