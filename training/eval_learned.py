"""Measure the learned extractor on parley's dev sets: alone, and beside the rules end to end.

Usage (from the repo root, parley's own venv; no torch needed):
    PYTHONPATH=src .venv/bin/python training/eval_learned.py alone          # PLOVER records, model alone
    PYTHONPATH=src .venv/bin/python training/eval_learned.py e2e off v1 minilm:5:90 minilm:0:100 ...

`alone`: on the PLOVER gold records (a dev set: never trained on), the top-1 event type of the
MiniLM model and of the TF-IDF models, and the share of sentences whose gold type is above 0.5.
`e2e CONFIG ...`: for each configuration (`off`, `v1`, `v2`, or `minilm:VETO:PROPOSE` in percent)
the whole pipeline on examples/gold, the seed page and the PLOVER records. Counts and aggregates
only; nothing here is used for training. Never run it on the blind sets to choose anything.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PLOVER = SHARED / "eval" / "plover" / "PLOVER_GSR_CAMEO.json"


def alone() -> None:
    from parley.quality.evaluate import load_plover_records
    from parley.events.model import MODELS, load
    from parley.events.minilm import shipped

    records = load_plover_records(PLOVER)
    texts = [r["text"] for r in records]
    gold = [r["event"] for r in records]
    m = shipped()
    t0 = time.process_time()
    preds = m.predict(texts)
    cpu = time.process_time() - t0
    top1 = [max((t for t in p.types if t != "NONE"), key=p.types.__getitem__) for p in preds]
    right = sum(a == b for a, b in zip(top1, gold))
    above = sum(p.types.get(g, 0) >= 0.5 for p, g in zip(preds, gold))
    print(f"{m.version}: PLOVER records {len(texts)}: top-1 {right / len(texts):.3f}, gold type p>=0.5 {above / len(texts):.3f}, "
          f"{len(texts) / cpu:.0f} sentences per CPU-second")
    per = Counter(g for g in gold)
    ok = Counter(g for g, t in zip(gold, top1) if g == t)
    print("  top-1 by gold type: " + ", ".join(f"{t} {ok[t]}/{per[t]}" for t in sorted(per)))
    for name, path in MODELS.items():
        if path.exists():
            tf = load(path)
            r = sum(tf.predict(t)[0] == g for t, g in zip(texts, gold))
            print(f"{tf.name}: top-1 {r / len(texts):.3f}")


def e2e(configs: list[str]) -> None:
    for config in configs:
        env = {"PARLEY_EVENT_MODEL": config.split(":")[0]}
        if config.startswith("minilm:"):
            _, veto, propose = config.split(":")
            env |= {"PARLEY_LEARNED_VETO": veto, "PARLEY_LEARNED_PROPOSE": propose}
        os.environ.update(env)
        from parley.quality.evaluate import evaluate_gold_set, evaluate_plover

        line = f"{config:>16}:"
        for folder in (ROOT / "examples" / "gold", SHARED / "seed"):
            with tempfile.TemporaryDirectory() as tmp:
                o = evaluate_gold_set(folder, Path(tmp) / "e.db").as_json()["overall"]
            line += f" {folder.name} P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f} |"
        if PLOVER.exists():
            pl = evaluate_plover(PLOVER).as_json()
            line += f" plover type {pl['type_coded']:.3f} type+dyad {pl['type_and_dyad']:.3f}"
        print(line, flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("alone", "e2e"):
        raise SystemExit(__doc__)
    if sys.argv[1] == "alone":
        alone()
    else:
        e2e(sys.argv[2:])
