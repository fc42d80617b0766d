"""Score sentence-type model artifacts alone (no rules) on the PLOVER gold records, aggregates only.

Usage (from the repo root):
    python training/eval_eventmodel.py [ARTIFACT.npz ...] [--gold ../shared/eval/plover/PLOVER_GSR_CAMEO.json]
    python training/eval_eventmodel.py --e2e [ARTIFACT.npz ...]   # also the whole pipeline with it

--e2e runs the pipeline with each artifact in place of the shipped default (and with no model):
`parley eval`'s PLOVER type / type+dyad rates, the seed's F1 and the dev gold pages' P/R/F1, and
how many events the model coded there (counts only).

With no artifact, scores every versioned artifact in src/parley/data/eventmodel/. For each:
top-1 event-type accuracy over the gold sentences, how many pass the model's own threshold and
how many of those are right, how often NONE (abstain) is the top label, and top-1 accuracy per
gold type. The gold set is a measurement set: this prints counts only, never a sentence, and
nothing here is used to train or tune the model (the threshold comes from the training script's
held-out split of our own sentences).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from parley.quality.evaluate import load_plover_records
from parley.events.model import MODEL_PATH, NONE, load


def score(artifact: Path, gold: Path) -> None:
    model = load(artifact)
    records = load_plover_records(gold)
    n = right = passed = passed_right = none_top = 0
    per_total: Counter[str] = Counter()
    per_right: Counter[str] = Counter()
    for r in records:
        text, want = r["text"], r["event"]
        got, p = model.predict(text)
        top, _ = model.classify(text)
        n += 1
        per_total[want] += 1
        if got == want:
            right += 1
            per_right[want] += 1
        if top == NONE:
            none_top += 1
        if p >= model.threshold:
            passed += 1
            passed_right += got == want
    print(f"{model.name} ({artifact.name}, {artifact.stat().st_size / 1e6:.2f} MB, threshold {model.threshold:.2f}, labels {len(model.labels)})")
    print(f"  PLOVER gold sentences: {n}; model-alone top-1 event type accuracy {right / n:.3f} ({right}/{n})")
    prec = passed_right / passed if passed else 0.0
    print(f"  above threshold: {passed} sentences, {passed_right} right (precision {prec:.3f}); NONE top label on {none_top}")
    print("  top-1 by gold type: " + ", ".join(f"{t} {per_right[t]}/{per_total[t]}" for t in sorted(per_total)))


def end_to_end(artifact: Path | None, gold: Path) -> None:
    import tempfile

    from parley.events import model as em
    from parley.quality.evaluate import evaluate_gold_set, evaluate_plover
    from parley.store.db import open_db

    model = load(artifact) if artifact else None
    em.default_model = lambda: model  # type: ignore[assignment]  # events.py looks it up per call
    pl = evaluate_plover(gold).as_json()
    line = f"  e2e {model.name if model else 'no model'}: PLOVER type {pl['type_coded']:.3f}, type+dyad {pl['type_and_dyad']:.3f}"
    for folder in (ROOT.parent / "shared" / "seed", ROOT / "examples" / "gold"):
        if not folder.exists():
            continue
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "e.db"
            o = evaluate_gold_set(folder, db).as_json()["overall"]
            n = open_db(db).execute("select count(*) from mentions where coder like 'model:%'").fetchone()[0]
        line += f" | {folder.name}: P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f}, model events {n}"
    print(line)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("artifacts", nargs="*", type=Path)
    ap.add_argument("--e2e", action="store_true", help="also score the whole pipeline with each artifact")
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "plover" / "PLOVER_GSR_CAMEO.json")
    args = ap.parse_args()
    if not args.gold.exists():
        raise SystemExit(f"{args.gold}: no PLOVER gold records")
    arts = args.artifacts or sorted(MODEL_PATH.parent.glob("*-v*.npz"))
    for a in arts:
        if not a.exists():
            raise SystemExit(f"{a}: no such artifact")
        score(a, args.gold)
    if args.e2e:
        for b in [None, *arts]:
            end_to_end(b, args.gold)


if __name__ == "__main__":
    main()
