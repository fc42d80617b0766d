"""Train the event acceptor (`parley.events.acceptor`) from gold pages: parley's own interactions,
each labelled right or wrong by the scorer's own matching.

Usage (from the repo root, parley's own venv; no torch needed):
    PYTHONPATH=src .venv/bin/python training/corpus_dev.py build/corpus-train --split train
    PYTHONPATH=src .venv/bin/python training/train_acceptor.py build/corpus-train [--out src/parley/data/dyads/acceptor.json]

For every page, parley runs through its events stage (the dyad ranker and the target filler as
shipped, the acceptor off). Each asserted interaction it codes (`acceptor.judged`) is one
example, right when the scorer matches it one to one to a gold event of its page by type and
pair (`quality.evaluate.match_page`; the date is the time stage's business, not the acceptor's).

A logistic model over `acceptor.event_features`, L2-penalised, fitted by full-batch Adam from
zero: deterministic. 5-fold cross-validation over the pages (by a hash of the name) scores every
penalty and threshold: the F1 of the kept events summed over the held-out folds (every gold
interaction of a page counts, found or not), with threshold 0 (keep everything) among the choices.
The curve is flat (thresholds 0.05-0.25 within 0.003), so the penalty and threshold are pinned
(`PINNED`, cross-validation's pick for the shipped artifact) and the table is printed beside
them; `--select` takes cross-validation's pick instead (a deliberate change of the shipped values).
The final model is fitted on all pages.

Train on the corpus texts the sentence model trained on (`--split train`), never on the corpus
dev pages (they judge the result) or on any gold or blind page.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))  # train_dyads: the pages, read as both trainers read them

from parley.events.acceptor import ARTIFACT, EventAcceptor, features_of  # noqa: E402
from train_dyads import analysed_pages  # noqa: E402

VERSION = "parley-acceptor-1"
FOLDS = 5
PENALTIES = (1.0, 3.0, 10.0, 30.0)
THRESHOLDS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
# (l2, threshold) of the shipped acceptor: cross-validation's pick in sessions 14 and 15 and on
# session 16's code with parley-minilm-2.3; with 2.4 it picks l2 3, threshold 0.20, by 0.0005 F1
# (0.4479 against 0.4474; training/decisions/session16-rules.md, R7)
PINNED = (1.0, 0.1)


def fold_of(page: str) -> int:
    return int(hashlib.sha256(page.encode()).hexdigest(), 16) % FOLDS


def examples(folder: Path, limit: int | None = None) -> tuple[list[dict], dict[str, int]]:
    """(one record per judged event: page, features, right; gold interactions per page)."""
    from parley.pipeline import default_stages
    from parley.quality.evaluate import gold_events, match_page, matcher, scope_of, ScoredEvent
    from parley.settings import Settings

    settings = Settings().with_overrides(event_acceptor="off")
    stages = default_stages()
    stages = stages[: [s.name for s in stages].index("events") + 1]
    type_and_pair = matcher(frozenset({"date"}))
    out: list[dict] = []
    gold_count: dict[str, int] = {}
    for n, total, name, gold_path, doc in analysed_pages(folder, stages, settings, limit):
        gold = [g for g in gold_events(gold_path) if g.scope == "interaction"]
        gold_count[name] = len(gold)
        events = list(doc.events)
        features = features_of(doc, events)
        mine = [(e, f) for e, f in zip(events, features) if f is not None]
        pred = [ScoredEvent(e.type, e.source.country, e.target.country, e.source.name, e.target.name, None, e.mode, e.historical,
                            doc.sentences[e.sentence].text, scope_of(e.source.country, e.target.country, e.target.text)) for e, _ in mine]
        right = {i for i, _ in match_page(pred, gold, type_and_pair)}
        for i, (e, f) in enumerate(mine):
            out.append({"page": name, "type": e.type, "coder": e.coder, "right": i in right, "features": f})
        if n % 200 == 0:
            print(f"{n}/{total} pages, {len(out)} examples", file=sys.stderr)
    return out, gold_count


def fit(items: list[dict], l2: float, steps: int = 500, lr: float = 0.05) -> dict[str, float]:
    """Logistic regression, L2-penalised (not the bias), by full-batch Adam from zero."""
    names = sorted({k for x in items for k in x["features"]})
    index = {k: i for i, k in enumerate(names)}
    X = np.zeros((len(items), len(names)))
    for r, x in enumerate(items):
        for k, v in x["features"].items():
            X[r, index[k]] = v
    y = np.array([float(x["right"]) for x in items])
    penalty = np.full(len(names), l2)
    penalty[index["bias"]] = 0.0
    w = np.zeros(len(names))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ w, -30, 30)))
        grad = (X.T @ (p - y) + penalty * w) / len(items)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return {k: round(float(w[i]), 5) for k, i in index.items() if abs(w[i]) > 1e-6}


def kept_counts(items: list[dict], weights: dict[str, float], threshold: float) -> tuple[int, int]:
    """(right events kept, wrong events kept) as `EventAcceptor` decides."""
    acceptor = EventAcceptor(VERSION, weights, threshold)
    right = wrong = 0
    for x in items:
        if acceptor.probability(x["features"]) >= threshold:
            right += x["right"]
            wrong += not x["right"]
    return right, wrong


def f1(right: int, wrong: int, gold: int) -> float:
    return 2 * right / (2 * right + wrong + (gold - right)) if gold else 0.0


def cross_validate(items: list[dict], gold_count: dict[str, int]) -> dict[tuple[float, float], tuple[int, int]]:
    """(penalty, threshold) -> (right kept, wrong kept), summed over the five held-out folds."""
    results: dict[tuple[float, float], list[int]] = {}
    for fold in range(FOLDS):
        fit_part = [x for x in items if fold_of(x["page"]) != fold]
        check = [x for x in items if fold_of(x["page"]) == fold]
        for l2 in PENALTIES:
            weights = fit(fit_part, l2)
            for threshold in THRESHOLDS:
                r, w = kept_counts(check, weights, threshold)
                total = results.setdefault((l2, threshold), [0, 0])
                total[0] += r
                total[1] += w
    return {k: (v[0], v[1]) for k, v in results.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path, help="gold pages (training/corpus_dev.py --split train)")
    ap.add_argument("--out", type=Path, default=ARTIFACT)
    ap.add_argument("--limit", type=int, default=None, help="read only the first N pages (a quick check)")
    ap.add_argument("--select", action="store_true",
                    help=f"use cross-validation's pick of penalty and threshold instead of the pinned {PINNED}")
    args = ap.parse_args()
    items, gold_count = examples(args.folder, args.limit)
    gold = sum(gold_count.values())
    print(f"{len(items)} judged events ({sum(x['right'] for x in items)} right) on {len(gold_count)} pages, {gold} gold interactions")
    results = cross_validate(items, gold_count)
    for (l2, threshold), (r, w) in sorted(results.items()):
        print(f"cross-validated acceptor, l2 {l2}, threshold {threshold}: kept {r} right, {w} wrong, F1 {f1(r, w, gold):.4f}")
    # best F1 out of sample; on a tie the lower threshold (drop less), then the larger penalty
    best = max(results.items(), key=lambda kv: (round(f1(kv[1][0], kv[1][1], gold), 4), -kv[0][1], kv[0][0]))[0]
    print(f"cross-validation's pick: l2 {best[0]}, threshold {best[1]}")
    # The curve is flat (thresholds 0.05-0.25 within 0.003 F1), so a pick made on every retraining
    # flips between 0.10 and 0.20 on differences of 0.0005 and moves dozens of events: the
    # shipped values are pinned, and `--select` re-chooses them deliberately.
    l2, threshold = best if args.select else PINNED
    weights = fit(items, l2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    artifact = {
        "version": VERSION, "threshold": threshold, "l2": l2, "weights": weights,
        "chosen_by": "cross-validation (--select)" if args.select else "pinned (PINNED)",
        "cross_validation_pick": {"l2": best[0], "threshold": best[1]},
        "trained_on": {"pages": len(gold_count), "events": len(items), "right": sum(x["right"] for x in items), "gold": gold},
        "cross_validated": {f"l2={k[0]} threshold={k[1]}": {"right": r, "wrong": w, "f1": round(f1(r, w, gold), 4)} for k, (r, w) in sorted(results.items())},
    }
    args.out.write_text(json.dumps(artifact, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{args.out}: l2 {l2}, threshold {threshold}, {len(weights)} weights")


if __name__ == "__main__":
    main()
