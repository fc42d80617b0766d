"""Article-body extraction benchmark (Zyte/Scrapinghub article-extraction-benchmark metric).

The metric mirrors the benchmark's published definition so numbers are comparable with the
anchor scores shipped next to the data (``anchor_results.json``):

* tokens are ``re.findall(r"\\w+")`` of the text;
* each text becomes a multiset of 4-gram shingles (a text shorter than 4 tokens yields one
  shorter shingle; an empty text yields none);
* per page, TP/FP/FN are the multiset intersection / excess / shortfall, normalised to sum 1
  so long articles do not dominate;
* precision is averaged over pages with TP+FP > 0, recall over pages with TP+FN > 0
  (macro averages); F1 = 2PR/(P+R) of those means;
* the F1 standard deviation comes from 1000 bootstrap resamples of pages (fixed seed, so the
  printed value is reproducible run to run).

Run: ``python -m parley.quality.extractbench ../shared/eval/extraction [--compare]``; or score what the
``parley extract`` command wrote (every page, any language)::

    parley extract ../shared/eval/extraction/html/*.html.gz --format jsonl > out.jsonl
    python -m parley.quality.extractbench ../shared/eval/extraction --predictions out.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from parley.extract.html import HtmlExtraction, extract_html

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
SHINGLE_N = 4
BOOTSTRAP_ROUNDS = 1000
BOOTSTRAP_SEED = 20200101

Counts = tuple[float, float, float]


@dataclass(frozen=True)
class BenchScore:
    precision: float
    recall: float
    f1: float
    f1_std: float
    pages: int


def tokenize(text: str | None) -> list[str]:
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        # Short texts still count, as one (shorter) shingle.
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(true: str | None, pred: str | None, n: int = SHINGLE_N) -> Counts:
    """Normalised (TP, FP, FN) for one page."""
    t, p = shingles(true, n), shingles(pred, n)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    if total > 0:
        return tp / total, fp / total, fn / total
    return tp, fp, fn


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn)


def _prf(counts: Iterable[Counts]) -> tuple[float, float, float]:
    counts = list(counts)
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.fmean(ps) if ps else 0.0
    r = statistics.fmean(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return p, r, f1


def score_counts(
    counts: list[Counts], rounds: int = BOOTSTRAP_ROUNDS, seed: int = BOOTSTRAP_SEED
) -> BenchScore:
    if not counts:
        raise ValueError("no pages to score")
    p, r, f1 = _prf(counts)
    rng = random.Random(seed)
    n = len(counts)
    boot = [_prf(counts[rng.randrange(n)] for _ in range(n))[2] for _ in range(rounds)]
    std = statistics.stdev(boot) if len(boot) > 1 else 0.0
    return BenchScore(precision=p, recall=r, f1=f1, f1_std=std, pages=n)


def score_pages(
    predictions: Mapping[str, str], truth: Mapping[str, str], rounds: int = BOOTSTRAP_ROUNDS
) -> BenchScore:
    """Score predicted bodies against true bodies (both keyed by page id).

    A page missing from ``predictions`` counts as an empty prediction (zero recall), as a
    failed extraction would.
    """
    keys = sorted(truth)
    counts = [page_counts(truth[k], predictions.get(k, "")) for k in keys]
    return score_counts(counts, rounds=rounds)


# ---------------------------------------------------------------------------------------
# Benchmark data and runner


@dataclass(frozen=True)
class BenchPage:
    page_id: str
    url: str
    html: str
    body: str


def load_pages(bench_dir: Path) -> list[BenchPage]:
    truth = json.loads((bench_dir / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        path = bench_dir / "html" / f"{page_id}.html.gz"
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
            html = fh.read()
        item = truth[page_id]
        pages.append(BenchPage(page_id, item.get("url") or "", html, item.get("articleBody") or ""))
    return pages


Extractor = Callable[..., HtmlExtraction]


def run_pages(
    pages: list[BenchPage], extractor: Extractor = extract_html, pass_url: bool = True
) -> tuple[BenchScore, dict[str, str], float]:
    """Returns (score, predictions, seconds per page)."""
    preds: dict[str, str] = {}
    start = time.perf_counter()
    for page in pages:
        try:
            result = extractor(page.html, url=page.url if pass_url else None)
            preds[page.page_id] = result.text
        except Exception as exc:  # a crash on one page is a failure, not a benchmark abort
            print(f"extractor failed on {page.page_id}: {exc!r}", file=sys.stderr)
            preds[page.page_id] = ""
    elapsed = time.perf_counter() - start
    score = score_pages(preds, {p.page_id: p.body for p in pages})
    return score, preds, elapsed / max(1, len(pages))


def run_benchmark(bench_dir: Path, extractor: Extractor = extract_html) -> BenchScore:
    return run_pages(load_pages(Path(bench_dir)), extractor)[0]


def _compare_sets() -> dict[str, Extractor]:
    """Named option sets for --compare: raw trafilatura modes vs. the parley pipeline."""
    from parley.extract import html as htmltext

    def mode(**kw: object) -> Extractor:
        return lambda html, url=None: htmltext.extract_html(html, url, **kw)  # type: ignore[arg-type]

    sets = {
        "trafilatura default (raw)": mode(strategy="raw-default"),
        "trafilatura fast (raw)": mode(strategy="raw-fast"),
        "trafilatura favor_recall (raw)": mode(strategy="raw-recall"),
        "trafilatura favor_precision (raw)": mode(strategy="raw-precision"),
        "precision + filters + title": mode(strategy="precision"),
    }
    for step in htmltext.STEPS:
        sets[f"final without {step}"] = mode(strategy=f"final-no-{step}")
    sets["parley (final)"] = extract_html
    return sets


def predictions_from_jsonl(path: Path) -> dict[str, str]:
    """Page id -> text from `parley extract --format jsonl` output (id = the file name before its
    first dot); a record with an error counts as an empty prediction."""
    preds: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                preds[Path(row["path"]).name.split(".")[0]] = row.get("text") or ""
    return preds


def _fmt(name: str, score: BenchScore, spp: float) -> str:
    return (
        f"{name:<36} P={score.precision:.4f} R={score.recall:.4f} "
        f"F1={score.f1:.4f} ±{score.f1_std:.4f}  {spp * 1000:.1f} ms/page  (n={score.pages})"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bench_dir", type=Path, help="directory with html/ and ground-truth.json")
    ap.add_argument("--compare", action="store_true", help="score several option sets")
    ap.add_argument("--dump", type=Path, help="write final predictions as JSON here")
    ap.add_argument("--predictions", type=Path, help="score this `parley extract --format jsonl` output instead of extracting")
    args = ap.parse_args(argv)

    if args.predictions:
        truth = json.loads((args.bench_dir / "ground-truth.json").read_text(encoding="utf-8"))
        score = score_pages(predictions_from_jsonl(args.predictions), {k: v.get("articleBody") or "" for k, v in truth.items()})
        print(_fmt(f"parley extract ({args.predictions.name})", score, 0.0))
        return 0
    pages = load_pages(args.bench_dir)
    sets = _compare_sets() if args.compare else {"parley (final)": extract_html}
    for name, extractor in sets.items():
        score, preds, spp = run_pages(pages, extractor)
        print(_fmt(name, score, spp), flush=True)
        if args.dump and extractor is extract_html:
            args.dump.write_text(json.dumps(preds, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
