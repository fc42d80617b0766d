"""The stretches of a new blind set's pages that share an 8-word run with the training corpus.

Usage (from the repo root): python training/blind/overlaps.py PAGES_DIR > runs.txt

A new blind set's overlaps are removed by rewording the blind pages, before the set is first
scored, not the corpus: a corpus change alters the sentence model's training text, so `make train`
would no longer reproduce the shipped model. Each output line is `PAGE<TAB>words`, lower-cased
words as `training/check_corpus.py` compares them (consecutive shared runs merged into one
stretch). The .txt pages are read raw and the .json gold files by their strings, as the checker
reads examples/. Nothing printed: the set shares no 8-word run with the corpus.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("check_corpus", REPO / "training" / "check_corpus.py")
check_corpus = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("check_corpus", check_corpus)
_spec.loader.exec_module(check_corpus)  # type: ignore[union-attr]
RUN = check_corpus.OVERLAP_WORDS


def page_texts(pages_dir: Path) -> list[tuple[str, str]]:
    out = []
    for path in sorted(pages_dir.iterdir()):
        if path.suffix == ".txt":
            out.append((path.name, path.read_text(encoding="utf-8")))
        elif path.suffix == ".json":
            out.append((path.name, "\n".join(check_corpus._strings(json.loads(path.read_text(encoding="utf-8"))))))
    return out


def shared_stretches(text: str, corpus_runs: set[tuple[str, ...]]) -> list[str]:
    words = check_corpus._words(text)
    stretches: list[list[str]] = []
    last = -2
    for i in range(len(words) - RUN + 1):
        if tuple(words[i:i + RUN]) in corpus_runs:
            if i == last + 1:
                stretches[-1].append(words[i + RUN - 1])
            else:
                stretches.append(words[i:i + RUN])
            last = i
    return list(dict.fromkeys(" ".join(s) for s in stretches))


def main(pages_dir: Path) -> int:
    corpus_runs = {run for _, text in check_corpus.corpus_texts(check_corpus.corpus_files())
                   for run in check_corpus.shingles(text)}
    found = 0
    for name, text in page_texts(pages_dir):
        for stretch in shared_stretches(text, corpus_runs):
            print(f"{name}\t{stretch}")
            found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
