"""Train the dyad ranker (`parley.events.dyads`) from gold pages: parley's own events, re-argued.

Usage (from the repo root, parley's own venv; no torch needed):
    PYTHONPATH=src .venv/bin/python training/corpus_dev.py build/corpus-train --split train
    PYTHONPATH=src .venv/bin/python training/train_dyads.py build/corpus-train [--out src/parley/data/dyads/ranker.json]

For every page, parley runs through its events stage with the ranker and the filler off.

The ranker: each interaction it codes alone of its type in its sentence, whose pair did not come
straight from the clause's own arguments (`dyads.rerankable`), where the gold has an event of that
type in that sentence, is one example: every party of its passage is a candidate
(`dyads.candidates`), every ordered pair of candidates a choice (`dyads.pair_features`), and the
pairs the gold has there are the right ones (either order for the symmetric types).

The target filler: each event coded with a source and no other side (`dyads.fillable`) is one
example whose options are NONE and every other party of its passage; the right option is the
gold's other side of an event of its type and source in its sentence, else NONE (gold pages hold
interactions only, so an event the gold does not confirm must stay one-sided).

Both are conditional logits (a softmax over each example's options) fitted by full-batch Adam with
an L2 penalty, from zero: deterministic. Their settings are chosen by 5-fold cross-validation over
the pages (by a hash of the name), the gains summed over the folds (one held-out fifth had turned
on a pair or two, so the chosen setting changed between runs):
- the ranker's penalty (1, 10, 30) and margin (0.5, 1, 1.5: how much higher its pair must score
  than the rules' to replace them; with margin 0 it overrode the rules on near ties, wrongly on
  text unlike the corpus): the setting that gains most pairs, fewest changes on a tie;
- the filler's penalty and threshold (0.3-0.7): of the settings whose filled targets are right at
  least half the time, the one that fills most right targets.
Since session 22 that pick is a report only: the settings that ship are pinned (`RANKER_L2`,
`RANKER_MARGIN`, `FILLER_L2`, `FILLER_THRESHOLD`), because the pick flipped on near ties between
retrainings and each flip moved hundreds of decisions.
The final models are fitted on all pages and written to one artifact (`fill` holds the filler).

Train on the corpus texts the sentence model trained on (`--split train`), never on the corpus
dev pages (they judge the result) or on any gold or blind page.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from parley.events.dyads import (  # noqa: E402
    ARTIFACT, Candidate, DyadRanker, TargetFiller, candidates, coding_group, fill_candidates, fill_options, fillable, page_counts, pair_features, rerankable,
)
from parley.events.ontology import PLOVER_TYPES  # noqa: E402

VERSION = "parley-dyads-3"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def analysed_pages(folder: Path, stages: list, settings, limit: int | None = None) -> Iterator[tuple[int, int, str, Path, Any]]:
    """(index, pages in all, name, gold file, analysed document) for each NAME.gold.json of
    `folder` with its NAME.txt, run through `stages`; a page that fails is skipped, named."""
    from parley.ingest import iter_pages
    from parley.records import Document
    from parley.pipeline import run_stages

    golds = sorted(folder.glob("*.gold.json"))[:limit]
    for n, gold_path in enumerate(golds):
        name = gold_path.name[: -len(".gold.json")]
        page_path = folder / f"{name}.txt"
        page = next(iter_pages([str(page_path)], settings))
        if not hasattr(page, "content"):
            continue
        try:
            doc = run_stages(Document(page=page), stages, settings)
        except Exception as exc:  # a page that fails is skipped, named
            print(f"{page_path}: skipped ({exc})", file=sys.stderr)
            continue
        yield n, len(golds), name, gold_path, doc


def examples(folder: Path, limit: int | None = None) -> list[dict]:
    """One record per re-rankable event that the gold confirms by type in its sentence."""
    from parley.pipeline import default_stages
    from parley.settings import Settings

    # the events as the stage has them before the ranker, the filler and the acceptor that follows
    # them (with `event_acceptor = drop` the examples would depend on the acceptor artifact of the day)
    settings = Settings().with_overrides(dyad_ranker="off", target_fill="off", event_acceptor="off")
    stages = [s for s in default_stages() if s.name != "time"]
    out = []
    for n, total, name, gold_path, doc in analysed_pages(folder, stages, settings, limit):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["events"]
        events = list(doc.events)
        counts = page_counts(doc)
        for e in events:
            if fillable(e, events):
                out.append(fill_example(name, doc, e, events, counts, gold))
                continue
            if not rerankable(e, events):
                continue
            said = _norm(doc.sentences[e.sentence].text)
            same = [g for g in gold if g["type"] == e.type and (said[:40] in _norm(g["evidence"]) or _norm(g["evidence"])[:40] in said)]
            if not same:
                continue
            sources = {g["source"]["country"] for g in same}
            targets = {g["target"]["country"] for g in same}
            if PLOVER_TYPES[e.type].symmetric:
                sources = targets = sources | targets
            cands = candidates(doc, e, events, counts)
            out.append({
                "page": name, "type": e.type,
                "current": [e.source.country, e.target.country],
                "gold_pairs": [[g["source"]["country"], g["target"]["country"]] for g in same],
                "candidates": [{"code": c.code, "features": dict(c.features), "in_target_act": c.in_target_act, "source": c.code in sources, "target": c.code in targets} for c in cands],
            })
        if n % 200 == 0:
            print(f"{n}/{total} pages, {len(out)} examples", file=sys.stderr)
    return out


def fill_example(name: str, doc, e, events: list, counts, gold: list[dict]) -> dict:
    """A one-sided event: the gold's other sides of an event of its type and source in its
    sentence (none: it stays one-sided) and the passage's parties but its source."""
    said = _norm(doc.sentences[e.sentence].text)
    same = [g for g in gold if g["type"] == e.type and (said[:40] in _norm(g["evidence"]) or _norm(g["evidence"])[:40] in said)]
    src = e.source.country
    others = {g["target"]["country"] if g["source"]["country"] == src else g["source"]["country"]
              for g in same if src in (g["source"]["country"], g["target"]["country"])}
    if not PLOVER_TYPES[e.type].symmetric:
        others = {g["target"]["country"] for g in same if g["source"]["country"] == src}
    cands = fill_candidates(candidates(doc, e, events, counts, paired_parties=True), src)
    return {"kind": "fill", "page": name, "type": e.type, "group": coding_group(e.coder), "gold_targets": sorted(others),
            "candidates": [{"code": c.code, "features": dict(c.features)} for c in cands]}


def fill_choices(data: list[dict]) -> list[tuple[list[dict[str, float]], list[bool], list[str], dict]]:
    """Per one-sided example: its options (NONE, then each party), which are right, their codes."""
    out = []
    for x in data:
        cands = [Candidate(c["code"], None, c["features"]) for c in x["candidates"]]  # type: ignore[arg-type]
        if not cands:
            continue
        codes = ["NONE"] + [c.code for c in cands]
        right = [not x["gold_targets"]] + [c.code in x["gold_targets"] for c in cands]
        if not any(right):
            right[0] = True  # the gold's other side is not in the passage: the filler must leave it
        out.append((fill_options(x["type"], x["group"], cands), right, codes, x))
    return out


def judge_fill(items: list, weights: dict[str, float], threshold: float) -> tuple[int, int]:
    """(targets filled, filled right) as `TargetFiller` decides."""
    filler = TargetFiller(VERSION, weights, threshold)
    filled = right = 0
    for feats, ok, codes, x in items:
        cands = [Candidate(c["code"], None, c["features"]) for c in x["candidates"]]  # type: ignore[arg-type]
        k, p = filler.choose(x["type"], x["group"], cands)
        if k >= 0 and p >= threshold:
            filled += 1
            right += ok[k + 1]
    return filled, right


FOLDS = 5
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
FILL_PRECISION = 0.5  # the lowest threshold whose cross-validated fill precision reaches this
PENALTIES = (1.0, 10.0, 30.0)
MARGINS = (0.5, 1.0, 1.5)
# The settings that ship, pinned (session 22, R4): cross-validation's pick flipped on near ties
# from one retraining to the next (the ranker's penalty on a pair or two of gain, the filler's
# threshold as the lower thresholds' precision crossed FILL_PRECISION by a pair), and each flip
# changed hundreds of decisions, so an events change was judged on where a tie fell. The ranker
# keeps the setting it shipped with in sessions 19-21; the filler fills a target it rates more
# probable than every other option together. Cross-validation still runs, as a report.
RANKER_L2, RANKER_MARGIN = 1.0, 0.5
FILLER_L2, FILLER_THRESHOLD = 1.0, 0.5


def fold_of(page: str) -> int:
    return int(hashlib.sha1(page.encode("utf-8")).hexdigest(), 16) % FOLDS


def right_pair(x: dict, pair: tuple[str, str]) -> bool:
    if PLOVER_TYPES[x["type"]].symmetric:
        return any({pair[0], pair[1]} == set(g) for g in x["gold_pairs"])
    return any(tuple(g) == pair for g in x["gold_pairs"])


def choices(data: list[dict]) -> list[tuple[list[dict[str, float]], list[bool], list[tuple[str, str]], dict]]:
    """Per example: the features of every (source, target) pair, which are right, the pairs."""
    out = []
    for x in data:
        cands = [Candidate(c["code"], None, c["features"]) for c in x["candidates"]]  # type: ignore[arg-type]
        current = (x["current"][0], x["current"][1])
        pairs = [(s, t) for s in cands for t in cands if s is not t]
        if not pairs:
            continue
        feats = [pair_features(x["type"], current, s, t) for s, t in pairs]
        codes = [(s.code, t.code) for s, t in pairs]
        out.append((feats, [right_pair(x, c) for c in codes], codes, x))
    return out


def fit(items: list, l2: float, steps: int = 400, lr: float = 0.05) -> dict[str, float]:
    """A conditional logit (softmax over each example's pairs, every right pair a target),
    L2-penalised, by full-batch Adam from zero: deterministic."""
    names = sorted({k for feats, *_ in items for f in feats for k in f})
    index = {k: i for i, k in enumerate(names)}
    rows: list[dict[str, float]] = []
    targets: list[float] = []
    starts: list[int] = []
    for feats, right, _, _ in items:
        if not any(right):
            continue  # no right pair among the candidates: nothing to choose
        starts.append(len(rows))
        rows += feats
        targets += [r / sum(right) for r in right]
    X = np.zeros((len(rows), len(names)))
    for r, f in enumerate(rows):
        for k, v in f.items():
            X[r, index[k]] = v
    y = np.array(targets)
    first = np.array(starts)
    segment = np.repeat(np.arange(len(starts)), np.diff(np.append(first, len(rows))))
    w = np.zeros(len(names))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        z = X @ w
        z = np.exp(z - np.maximum.reduceat(z, first)[segment])
        p = z / np.add.reduceat(z, first)[segment]
        grad = (X.T @ (p - y) + l2 * w) / len(starts)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return {k: round(float(w[i]), 5) for k, i in index.items() if abs(w[i]) > 1e-6}


def judge(items: list, weights: dict[str, float], margin: float) -> tuple[int, int, int]:
    """(pairs right with the rules' choice, with the ranker's, pairs changed) as `DyadRanker` decides."""
    ranker = DyadRanker(VERSION, weights, margin)
    before = after = changed = 0
    for _, _, _, x in items:
        # the run-time rule too: no pair with a party named inside the rules' target's act
        cands = [Candidate(c["code"], None, c["features"], bool(c.get("in_target_act"))) for c in x["candidates"]]  # type: ignore[arg-type]
        current = (x["current"][0], x["current"][1])
        before += right_pair(x, current)
        pick = current
        found = ranker.best_pair(x["type"], current, cands)
        if found is not None:
            s, t, best, now = found
            if best - now > margin and not right_pair({"type": x["type"], "gold_pairs": [current]}, (s.code, t.code)):
                pick = (s.code, t.code)
                changed += 1
        after += right_pair(x, pick)
    return before, after, changed


def cross_validate(items: list, knobs: tuple[float, ...], judge_one) -> dict[tuple[float, float], list[int]]:
    """Five folds by page: each penalty is fitted on four and judged on the fifth at each knob
    (the ranker's margin, the filler's threshold); the judge's counts are summed over the folds
    (one held-out fifth had turned on a pair or two: the chosen setting changed between runs)."""
    results: dict[tuple[float, float], list[int]] = {}
    for fold in range(FOLDS):
        fit_part = [it for it in items if fold_of(it[3]["page"]) != fold]
        check = [it for it in items if fold_of(it[3]["page"]) == fold]
        for l2 in PENALTIES:
            weights = fit(fit_part, l2)
            for knob in knobs:
                counts = judge_one(check, weights, knob)
                total = results.setdefault((l2, knob), [0] * len(counts))
                for k, n in enumerate(counts):
                    total[k] += n
    return results


def train_filler(items: list) -> dict:
    """The filler fitted on all examples with the pinned `FILLER_L2` and `FILLER_THRESHOLD`; the
    5-fold cross-validation over pages still runs and is stored as a report (its pick: of the
    settings whose filled targets are right at least FILL_PRECISION of the time, the one that
    fills most right targets)."""
    print(f"{len(items)} one-sided examples, {sum(not ok[0] for _, ok, _, _ in items)} with the gold's other side in the passage")
    results = cross_validate(items, THRESHOLDS, judge_fill)
    for (l2, threshold), (filled, right) in sorted(results.items()):
        print(f"cross-validated filler, l2 {l2}, threshold {threshold}: {filled} filled, {right} right")
    good = [k for k, (filled, right) in results.items() if filled and right / filled >= FILL_PRECISION]
    if good:
        print("cross-validation's pick (a report; the pinned setting ships): l2 {}, threshold {}".format(*max(good, key=lambda k: (results[k][1], -k[1]))))
    l2, threshold = FILLER_L2, FILLER_THRESHOLD
    print(f"filler: l2 {l2}, threshold {threshold} (pinned)")
    return {"l2": l2, "threshold": threshold, "weights": fit(items, l2),
            "cross_validated": {f"l2={k[0]} threshold={k[1]}": {"filled": f, "right": r} for k, (f, r) in sorted(results.items())}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("pages", type=Path, help="a gold folder (training/corpus_dev.py --split train)")
    ap.add_argument("--out", type=Path, default=ARTIFACT)
    ap.add_argument("--examples", type=Path, help="cache of the extracted examples (JSON): read if it exists, else written")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    if args.examples and args.examples.exists():
        data = json.loads(args.examples.read_text(encoding="utf-8"))
    else:
        data = examples(args.pages, args.limit)
        if args.examples:
            args.examples.write_text(json.dumps(data), encoding="utf-8")
    fills = fill_choices([x for x in data if x.get("kind") == "fill"])
    data = [x for x in data if x.get("kind") != "fill"]
    fill = train_filler(fills)
    items = choices(data)
    print(f"{len(data)} examples, {len(items)} with two parties or more")
    results = cross_validate(items, MARGINS, judge)
    for (l2, margin), (before, after, changed) in sorted(results.items()):
        print(f"cross-validated, l2 {l2}, margin {margin}: pairs right {before} -> {after} ({changed} changed)")
    # a pair must beat the rules' clearly (margin 0.5 or more): with margin 0 the ranker overrode
    # the rules on near ties, and on text unlike the corpus (the PLOVER records, the seed page)
    # those overrides were wrong; of those settings, the one that gains most pairs (fewest changes
    # on a tie)
    pick = max((k for k in results if k[1] >= 0.5), key=lambda k: (results[k][1] - results[k][0], -results[k][2]))
    print(f"cross-validation's pick (a report; the pinned setting ships): l2 {pick[0]}, margin {pick[1]}")
    l2, margin = RANKER_L2, RANKER_MARGIN
    weights = fit(items, l2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "version": VERSION, "margin": margin, "l2": l2, "examples": len(data),
        "cross_validated": {f"l2={k[0]} margin={k[1]}": {"gain": a - b, "changed": c} for k, (b, a, c) in sorted(results.items())},
        "weights": weights,
        "fill": fill,
    }, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{args.out}: l2 {l2}, margin {margin}, {len(weights)} weights")


if __name__ == "__main__":
    main()
