"""Write the dev split of the training corpus as a gold folder that `parley eval` scores.

Usage (from the repo root, parley's own venv; no torch needed):
    PYTHONPATH=src .venv/bin/python training/corpus_dev.py OUT_DIR [--origin voa,own,synthetic]
    .venv/bin/parley eval OUT_DIR --diagnose --quiet

The corpus texts whose group the learned model never trained on (`train_learned.is_dev`) become
pages: `NAME.txt` is the text, `NAME.gold.json` its events under the gold pages' rules (asserted
only, both sides coded, two different codes). It is the largest page set parley can be tuned on
without touching a blind set: the rules were never written against it and the model never saw
it. `--corpus training/corpus/pending --split all` writes the files no trainer reads (session 20's
annotation rounds) as a second dev set of the same kind (session 21 read its misses for its date
rules, so it is a tuning set, not a held-out one). Many corpus texts carry no date (synthetic
stories), so read its "any date" row (type and dyad) beside the strict one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from train_learned import CORPUS, SYNTHETIC, is_dev, synthetic_titles, text_group  # noqa: E402


def gold_events(record: dict) -> list[dict]:
    out = []
    for sentence in record["sentences"]:
        for e in sentence["events"]:
            src, tgt = e.get("source") or {}, e.get("target") or {}
            if e.get("modality") != "asserted" or not src.get("code") or not tgt.get("code"):
                continue
            if src["code"] == tgt["code"]:
                continue
            out.append({
                "date": e.get("date") or record.get("news_date") or record.get("published"),
                "type": e["type"], "mode": e.get("mode"),
                "source": {"name": src.get("name") or src.get("text"), "country": src["code"], "role": None},
                "target": {"name": tgt.get("name") or tgt.get("text"), "country": tgt["code"], "role": None},
                "location": e.get("location"), "evidence": sentence["text"],
                "historical": bool(e.get("historical")),
            })
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--origin", default="voa,own,synthetic", help="which origins to write (comma-separated)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--split", choices=("dev", "train", "all"), default="dev",
                    help="dev (default): the texts the model never trained on; train: the others (for training the dyad ranker); "
                         "all: every text (for a corpus folder no trainer reads, such as training/corpus/pending)")
    args = ap.parse_args()
    origins = set(args.origin.split(","))
    titles = synthetic_titles(SYNTHETIC)
    args.out.mkdir(parents=True, exist_ok=True)
    pages = events = 0
    for path in sorted(args.corpus.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            origin = str(record.get("origin") or "").split(":", 1)[0]
            if origin not in origins or (args.split != "all" and is_dev(text_group(record, titles)) != (args.split == "dev")):
                continue
            gold = gold_events(record)
            name = record["id"].replace(":", "-")
            # a page shows its date under the title (corpus texts keep it in a field)
            head = [record.get("title") or "", f"Published {record['published']}" if record.get("published") else ""]
            body = "\n\n".join([h for h in head if h] + [record["text"]])
            (args.out / f"{name}.txt").write_text(body + "\n", encoding="utf-8")
            (args.out / f"{name}.gold.json").write_text(json.dumps(
                {"url": None, "published": record.get("published"), "events": gold}, indent=1) + "\n", encoding="utf-8")
            pages += 1
            events += len(gold)
    print(f"{args.out}: {pages} {args.split} pages, {events} gold events")


if __name__ == "__main__":
    main()
