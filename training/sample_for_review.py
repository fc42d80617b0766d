"""Draw the sample for the second, independent annotation of the corpus (issue #14).

Usage (from the repo root):
    python training/sample_for_review.py [--size 400] [--seed 14]
    python training/sample_for_review.py --seed 15 --out training/corpus/review2 \
        --files $(cd training/corpus && ls synthetic-annot*.jsonl own-annot*.jsonl voa-annot2.jsonl)

Reads the annotated corpus files, draws a seeded random sample of sentences stratified on
whether the first annotation gave them events (half with events, half with none, so that the
agreement on NONE and on the types both rest on enough sentences), and writes two BLIND files
under training/corpus/review/ that carry no events at all:

- `sample-blind.jsonl`: one line per sampled sentence: text id, sentence index, published and
  news date, the sentence and the two sentences before it (context);
- `stories-blind.jsonl`: one line per sampled text: id, published, news date, title and the full
  text, so the reviewer can read the whole story (dates, who "he" is) without seeing any event.

The reviewer annotates from these files only; `training/agreement.py` then compares.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO / "training" / "corpus"
REVIEW_DIR = CORPUS_DIR / "review"
SOURCE_FILES = ("voa.jsonl", "voa-annot1.jsonl")
CONTEXT_SENTENCES = 2


def read_texts(paths: list[Path]) -> list[dict]:
    texts = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line_no, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    texts.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path.name}:{line_no}: not JSON: {exc}") from exc
    return texts


def draw_sample(texts: list[dict], size: int, seed: int) -> list[tuple[int, int]]:
    """(text index, sentence index) pairs: size//2 sentences with events, the rest without.

    When one stratum has fewer sentences than its half, it gives all it has and the other
    stratum fills the rest, so the sample always has `size` sentences (if the corpus does).
    """
    with_events, without = [], []
    for t, text in enumerate(texts):
        for s, sentence in enumerate(text["sentences"]):
            (with_events if sentence["events"] else without).append((t, s))
    if size > len(with_events) + len(without):
        raise SystemExit(f"sample of {size} asked, the corpus has {len(with_events) + len(without)} sentences")
    rng = random.Random(seed)
    take_events = min(size // 2, len(with_events))
    take_none = min(size - take_events, len(without))
    take_events = size - take_none
    picked = rng.sample(with_events, take_events) + rng.sample(without, take_none)
    return sorted(picked)  # in reading order: the reviewer reads each story front to back


def blind_rows(texts: list[dict], picked: list[tuple[int, int]]) -> tuple[list[dict], list[dict]]:
    rows, stories, seen = [], [], set()
    for t, s in picked:
        text = texts[t]
        sentences = [x["text"] for x in text["sentences"]]
        rows.append({
            "id": text["id"], "sentence_index": s,
            "published": text["published"], "news_date": text["news_date"],
            "context": sentences[max(0, s - CONTEXT_SENTENCES):s],
            "text": sentences[s],
        })
        if text["id"] not in seen:
            seen.add(text["id"])
            stories.append({
                "id": text["id"], "published": text["published"], "news_date": text["news_date"],
                "title": text.get("title"), "style": text["style"], "text": text["text"],
                "sentences": sentences,
            })
    return rows, stories


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=400)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", type=Path, default=REVIEW_DIR)
    parser.add_argument("--files", nargs="+", default=list(SOURCE_FILES),
                        help="corpus files (names in training/corpus/) to sample from; the first study used the VOA files")
    args = parser.parse_args(argv)
    texts = read_texts([CORPUS_DIR / name for name in args.files])
    picked = draw_sample(texts, args.size, args.seed)
    rows, stories = blind_rows(texts, picked)
    write_jsonl(args.out / "sample-blind.jsonl", rows)
    write_jsonl(args.out / "stories-blind.jsonl", stories)
    print(f"{len(rows)} sentences from {len(stories)} texts -> {args.out}/sample-blind.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
