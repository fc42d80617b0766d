"""Verbs the corpus's annotators mark as an event type's trigger that the rules' lexicon has no row
for, from the train split only (never a dev text): session 31's L1 selection.

For every verb lemma (spaCy's tagger over each train sentence): in how many sentences it is the
annotated trigger of a type T, in how many it occurs as a verb at all, and in how many of the
former no word of the trigger has a lexicon row for T. Prints the lemmas that pass the bars.

    .venv/bin/python training/mine_triggers.py [--min-trigger 5] [--min-uncovered 4] [--min-precision 0.5]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from train_learned import SYNTHETIC, is_dev, synthetic_titles, text_group  # noqa: E402


def train_sentences(corpus: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """(text, [(type, trigger)]) for every sentence of the corpus's train split."""
    titles = synthetic_titles(SYNTHETIC)
    out = []
    for path in sorted(corpus.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            if is_dev(text_group(record, titles)):
                continue
            for s in record["sentences"]:
                out.append((s["text"], [(e["type"], e.get("trigger") or "") for e in s.get("events", [])]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    ap.add_argument("--min-trigger", type=int, default=5)
    ap.add_argument("--min-uncovered", type=int, default=4)
    ap.add_argument("--min-precision", type=float, default=0.5)
    args = ap.parse_args()

    from parley.annotate.nlp import full
    from parley.events.lexicon import triggers_for

    sentences = train_sentences(args.corpus)
    nlp = full()
    occurs: collections.Counter[str] = collections.Counter()
    trigger: collections.Counter[tuple[str, str]] = collections.Counter()
    uncovered: collections.Counter[tuple[str, str]] = collections.Counter()
    for (text, events), doc in zip(sentences, nlp.pipe((t for t, _ in sentences), batch_size=256)):
        verbs: dict[str, list] = {}
        for t in doc:
            if t.pos_ == "VERB":
                verbs.setdefault(t.lemma_.lower(), []).append(t)
        occurs.update(verbs.keys())
        seen = set()
        for type_, words in events:
            said = set(words.lower().split())
            covered = any(x.type == type_ for t in doc if t.text.lower() in said for x in triggers_for(t.lemma_.lower(), t.pos_))
            for lemma, toks in verbs.items():
                if (lemma, type_) not in seen and any(t.text.lower() in said for t in toks):
                    seen.add((lemma, type_))
                    trigger[(lemma, type_)] += 1
                    uncovered[(lemma, type_)] += not covered
                    break
    print(f"{len(sentences)} train sentences")
    rows = sorted(trigger.items(), key=lambda kv: -kv[1])
    for (lemma, type_), n in rows:
        has_row = any(x.type == type_ for x in triggers_for(lemma, "VERB"))
        precision = n / occurs[lemma]
        if not has_row and n >= args.min_trigger and uncovered[(lemma, type_)] >= args.min_uncovered and precision >= args.min_precision:
            print(f"{lemma:14s} {type_:10s} trigger {n:3d} / occurs {occurs[lemma]:3d} (precision {precision:.2f}), uncovered {uncovered[(lemma, type_)]}")


if __name__ == "__main__":
    main()
