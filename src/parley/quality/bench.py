"""`parley bench`: end-to-end throughput, and spaCy alone on the same texts, in one run.

The corpus is fixed and deterministic: news-briefing pages built from the synthetic stories in
`../shared/train/ngec-synthetic/` (three stories a page, with the chrome a news site wraps
around them), or, when that folder is absent, from the stories shipped in
`parley/data/bench_stories.txt`. The pages are written as .html files and ingested exactly as
`parley ingest` would (read -> extract -> annotate -> actors -> events -> time -> store). Then, on
the extracted texts of the same pages, the same run times spaCy's full pipeline alone and its
tokenizer alone, so the ratios compare like with like on this machine, now.
"""

from __future__ import annotations

import csv
import html
import io
import os
import tempfile
import threading
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any


STORIES_PER_PAGE = 3
SHARED = Path(__file__).resolve().parents[3].parent / "shared"
NGEC_ZIP = "train/ngec-synthetic/gpt_synthetic_events_2023-10-19_19.csv.zip"
FALLBACK = Path(__file__).resolve().parents[1] / "data" / "bench_stories.txt"
SECTIONS = ("World", "Politics", "Business", "Asia", "Europe", "Africa", "Americas", "Middle East")


def _shared_root() -> Path:
    env = os.environ.get("PARLEY_SHARED")
    return Path(env) if env else SHARED


def load_stories() -> tuple[list[tuple[str, str]], str]:
    """(headline, body) pairs and where they came from."""
    z = _shared_root() / NGEC_ZIP
    if z.exists():
        with zipfile.ZipFile(z) as zf:
            name = zf.namelist()[0]
            with zf.open(name) as fh:
                rows = list(csv.DictReader(io.TextIOWrapper(fh, "utf-8")))
        stories = []
        for r in rows:
            # The prompt's first line is the filled-in headline; `title` holds a template.
            headline = (r.get("prompt") or "").split("\n", 1)[0].strip() or (r.get("title") or "")
            if r.get("text", "").strip():
                stories.append((headline, r["text"].strip()))
        return stories, f"ngec-synthetic ({len(stories)} stories)"
    stories = []
    for block in FALLBACK.read_text(encoding="utf-8").split("\n%%\n"):
        lines = [ln for ln in block.splitlines() if not ln.startswith("#")]
        if len(lines) >= 2:
            stories.append((lines[0].strip(), "\n\n".join(ln.strip() for ln in lines[1:] if ln.strip())))
    return stories, f"shipped fallback ({len(stories)} stories)"


def _page_html(i: int, stories: list[tuple[str, str]]) -> str:
    n = len(stories)
    # Page i takes STORIES_PER_PAGE stories; past one pass over the corpus the stride changes,
    # so later pages combine stories differently (and their datelines differ anyway).
    lap = (i * STORIES_PER_PAGE) // n
    picks = [stories[(i * STORIES_PER_PAGE + j * (1 + lap * 7)) % n] for j in range(STORIES_PER_PAGE)]
    day = date(2023, 1, 1) + timedelta(days=i % 700)
    section = SECTIONS[i % len(SECTIONS)]
    parts = []
    for k, (headline, body) in enumerate(picks):
        paras = "".join(f"<p>{html.escape(p.strip())}</p>" for p in body.split("\n") if p.strip())
        tag = "h1" if k == 0 else "h2"
        parts.append(f"<section><{tag}>{html.escape(headline)}</{tag}>{paras}</section>")
    most_read = "".join(f'<li><a href="/story/{(i + m) % 997}">{html.escape(stories[(i * 5 + m) % n][0])}</a></li>' for m in range(5))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(picks[0][0])} | {section} briefing | Daily Wire Review</title>
<meta property="article:published_time" content="{day.isoformat()}T08:00:00Z">
<meta name="description" content="{html.escape(picks[0][1][:150])}">
</head><body>
<div class="cookie">This website uses cookies. <a href="/privacy">Accept all cookies</a></div>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a>
<a href="/business">Business</a> <a href="/sport">Sport</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><article>
<p class="byline">By Staff Reporters &middot; {section} briefing no. {i + 1} &middot; {day.strftime('%B %d, %Y').replace(' 0', ' ')}</p>
{''.join(parts)}
<p class="share">Share this article</p>
</article>
<aside><h3>Most read</h3><ol>{most_read}</ol><div class="ad">Advertisement</div></aside></main>
<footer><p>&copy; 2024 Daily Wire Review. All rights reserved.</p><a href="/contact">Contact us</a></footer>
</body></html>
"""


def build_corpus(pages: int) -> tuple[list[tuple[str, str]], str]:
    """`pages` deterministic (file name, HTML) pairs and the corpus description."""
    stories, origin = load_stories()
    return [(f"page-{i:06d}.html", _page_html(i, stories)) for i in range(pages)], origin


def write_corpus(folder: Path, pages: int) -> str:
    corpus, origin = build_corpus(pages)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in corpus:
        (folder / name).write_text(text, encoding="utf-8")
    return origin


class _RssSampler:
    """Peak resident memory of this process plus all its children, sampled every 0.1 s."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _total(self) -> int:
        import psutil

        me = psutil.Process()
        total = me.memory_info().rss
        for child in me.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, self._total())
            except Exception:  # noqa: BLE001 - sampling must never break the benchmark
                pass
            self._stop.wait(0.1)

    def __enter__(self) -> _RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.peak = max(self.peak, self._total())
        self._stop.set()
        self._thread.join()


def _cpu_seconds() -> float:
    """CPU time of this process and its live descendants (pool workers sit under a forkserver)."""
    import psutil

    me = psutil.Process()
    total = sum(me.cpu_times()[:2])
    for child in me.children(recursive=True):
        try:
            total += sum(child.cpu_times()[:2])
        except psutil.Error:
            pass
    return total


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _stage_corpus(corpus_dir: Path, pages: int, pages_dir: str | None) -> tuple[int, str]:
    """Fill `corpus_dir` with the pages to ingest: the first `pages` files of `pages_dir`, else the
    generated benchmark corpus. Returns the page count and a description of where they came from."""
    if not pages_dir:
        return pages, write_corpus(corpus_dir, pages)
    from ..read.sources import expand_inputs

    files = expand_inputs([pages_dir])[:pages]
    if not files:
        raise ValueError(f"{pages_dir}: no pages to benchmark")
    corpus_dir.mkdir(parents=True, exist_ok=True)
    for i, f in enumerate(files):
        # Copies keep the suffix (.html, .html.gz, .txt) so the reader treats them alike.
        name = Path(f).name
        (corpus_dir / f"{i:06d}-{name}").write_bytes(Path(f).read_bytes())
    return len(files), f"{pages_dir} ({len(files)} files)"


def _warm_start(ingest_mod: Any, workers: int, settings: Any) -> tuple[Any, float]:
    """Pay start-up (loading spaCy and the gazetteers) once per process before the clock starts, as
    a long-running ingest would. Returns the worker pool (None for one worker) and the seconds taken."""
    import functools
    import multiprocessing

    pool = None
    t_start = time.perf_counter()
    if workers > 1:
        pool = multiprocessing.get_context("forkserver").Pool(workers, initializer=ingest_mod._warm_worker)
        pool.map(functools.partial(ingest_mod._work_chunk, settings=settings), [[] for _ in range(workers)])
    else:
        ingest_mod._warm_worker()
        ingest_mod.analyse_pages([], settings=settings)
    return pool, time.perf_counter() - t_start


def _read_bench_db(db_path: Path) -> tuple[list[dict[str, Any]], int, int]:
    """The stored documents (text, sentence count) and the event and mention counts."""
    from ..store import db as store_stage

    db = store_stage.open_db(db_path, readonly=True)
    docs = list(db.query("select text, sentences from documents order by path"))
    n_events = list(db.query("select count(*) as n from events"))[0]["n"]
    n_mentions = list(db.query("select count(*) as n from mentions"))[0]["n"]
    db.close()
    return docs, n_events, n_mentions


def _time_spacy(docs: list[dict[str, Any]], texts: list[str], spacy_pages: int) -> tuple[list[dict[str, Any]], float, float, float]:
    """spaCy's full pipeline on a sample of the documents (wall and CPU seconds) and its tokenizer
    alone on all the texts (wall seconds). Returns the sample and the three timings."""
    from ..annotate import nlp

    full = nlp.stock()  # spaCy as shipped, not parley's tuned copy
    sample = docs[: max(1, min(spacy_pages, len(docs)))] if docs else []
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in full.pipe((d["text"] for d in sample), batch_size=16):
        pass
    full_s, full_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0 = time.perf_counter()
    n_tokens = 0
    for tdoc in full.tokenizer.pipe(texts, batch_size=256):
        n_tokens += len(tdoc)
    tok_s = time.perf_counter() - t0
    return sample, full_s, full_cpu, tok_s


def run_bench(pages: int = 200, workers: int = 0, spacy_pages: int = 60, keep_dir: str | None = None, pages_dir: str | None = None,
              settings: Any = None) -> dict[str, Any]:
    """Ingest `pages` benchmark pages end to end, then time spaCy alone on the same texts.

    `pages_dir` benchmarks your own pages instead (the first `pages` files, sorted by name).
    """
    import importlib

    ingest_mod = importlib.import_module("parley.ingest")  # the package re-exports a function of that name

    n_cores = cores()
    workers = workers if workers > 0 else ingest_mod.default_workers()
    tmp = tempfile.TemporaryDirectory(prefix="parley-bench-")
    root = Path(keep_dir) if keep_dir else Path(tmp.name)
    corpus_dir = root / "pages"
    pages, origin = _stage_corpus(corpus_dir, pages, pages_dir)
    db_path = root / "bench.db"
    if db_path.exists():
        db_path.unlink()

    # Start-up (loading spaCy and the gazetteers) is paid once per process, not per page:
    # warm it before the clock starts, as a long-running ingest would.
    from ..settings import Settings

    settings = settings if settings is not None else Settings()  # the CLI passes the run's settings
    pool, startup_s = _warm_start(ingest_mod, workers, settings)
    cpu0 = _cpu_seconds()
    with _RssSampler() as rss:
        t0 = time.perf_counter()
        summary = ingest_mod.ingest_pages(ingest_mod.iter_pages([str(corpus_dir)], settings), db_path, workers=workers, pool=pool,
                                           settings=settings)
        e2e_s = time.perf_counter() - t0
    cpu_s = _cpu_seconds() - cpu0
    if pool is not None:
        pool.terminate()

    docs, n_events, n_mentions = _read_bench_db(db_path)
    db_mb = db_path.stat().st_size / 1e6
    sentences = sum(d["sentences"] for d in docs)
    words = sum(len(d["text"].split()) for d in docs)
    texts = [d["text"] for d in docs]

    # spaCy alone, one process, on the same extracted texts (a sample for the full pipeline: it
    # is the slow one). Rates use parley's sentence count of those texts, so units match.
    sample, full_s, full_cpu, tok_s = _time_spacy(docs, texts, spacy_pages)
    sample_sents = sum(d["sentences"] for d in sample)
    sample_words = sum(len(d["text"].split()) for d in sample)

    per_s = sentences / e2e_s if e2e_s else 0.0
    used = min(workers, n_cores)
    full_sps = sample_sents / full_s if full_s else 0.0
    tok_sps = sentences / tok_s if tok_s else 0.0
    stage_total = sum(summary.stage_seconds.values()) or 1.0
    result: dict[str, Any] = {
        "corpus": origin,
        "pages": pages,
        "stored": summary.stored,
        "skipped": summary.skipped,
        "failed": summary.failed,
        "sentences": sentences,
        "words": words,
        "events": n_events,
        "mentions": n_mentions,
        "workers": workers,
        # Which entity spans the candidate parse used (setting `ner`, PARLEY_NER=model|rules).
        "ner": settings.ner,
        "event_model": settings.event_model,
        "cores": n_cores,
        "cores_used": used,
        "startup_s": round(startup_s, 2),
        "elapsed_s": round(e2e_s, 2),
        "cpu_s": round(cpu_s, 2),
        "pages_per_s": round(pages / e2e_s, 1) if e2e_s else 0.0,
        "sentences_per_s": round(per_s, 1),
        "words_per_s": round(words / e2e_s, 1) if e2e_s else 0.0,
        "sentences_per_s_per_core": round(per_s / used, 1),
        "sentences_per_cpu_s": round(sentences / cpu_s, 1) if cpu_s else 0.0,
        "spacy_full_sentences_per_s": round(full_sps, 1),
        "spacy_full_sentences_per_cpu_s": round(sample_sents / full_cpu, 1) if full_cpu else 0.0,
        "spacy_full_words_per_s": round(sample_words / full_s, 1) if full_s else 0.0,
        "spacy_full_sample_pages": len(sample),
        "tokenizer_sentences_per_s": round(tok_sps, 1),
        "tokenizer_words_per_s": round(words / tok_s, 1) if tok_s else 0.0,
        "ratio_vs_spacy_full": round((per_s / used) / full_sps, 2) if full_sps else None,
        # Both sides in CPU-seconds: robust when other programs share the cores.
        "ratio_vs_spacy_full_cpu": round((sentences / cpu_s) / (sample_sents / full_cpu), 2) if cpu_s and full_cpu and sample_sents else None,
        # The share of the used cores this run actually got (1.0 = no contention).
        "cpu_share": round(cpu_s / (e2e_s * used), 2) if e2e_s else None,
        "ratio_vs_tokenizer": round((per_s / used) / tok_sps, 3) if tok_sps else None,
        "peak_rss_mb": round(rss.peak / 1e6, 1),
        "db_mb": round(db_mb, 2),
        "stage_seconds": {k: round(v, 2) for k, v in sorted(summary.stage_seconds.items(), key=lambda kv: -kv[1])},
        "stage_share": {k: round(v / stage_total, 3) for k, v in sorted(summary.stage_seconds.items(), key=lambda kv: -kv[1])},
    }
    tmp.cleanup()
    return result


def format_bench(result: dict[str, Any]) -> str:
    r = result
    lines = [
        f"corpus: {r['corpus']}; {r['pages']} pages -> {r['stored']} stored, {r['skipped']} skipped, {r['failed']} failed; "
        f"{r['sentences']} sentences, {r['words']} words, {r['events']} events",
        f"workers {r['workers']} on {r['cores']} cores; entities from {r.get('ner', 'model')}; start-up {r['startup_s']} s (not timed); end to end {r['elapsed_s']} s, CPU {r['cpu_s']} s",
        "",
        f"{'':28}{'pages/s':>10}{'sentences/s':>14}{'words/s':>12}",
        f"{'parley end to end':28}{r['pages_per_s']:>10}{r['sentences_per_s']:>14}{r['words_per_s']:>12}",
        f"{'parley per core':28}{'':>10}{r['sentences_per_s_per_core']:>14}{'':>12}",
        f"{'spaCy full pipeline (1 core)':28}{'':>10}{r['spacy_full_sentences_per_s']:>14}{r['spacy_full_words_per_s']:>12}",
        f"{'spaCy tokenizer (1 core)':28}{'':>10}{r['tokenizer_sentences_per_s']:>14}{r['tokenizer_words_per_s']:>12}",
        "",
        f"per core: {r['ratio_vs_spacy_full']}x spaCy full pipeline, {r['ratio_vs_tokenizer']}x spaCy tokenizer; "
        f"{r['sentences_per_cpu_s']} sentences per CPU-second "
        f"(spaCy full: {r['spacy_full_sentences_per_cpu_s']}; ratio {r['ratio_vs_spacy_full_cpu']}x); "
        f"this run got {r['cpu_share']} of its {r['cores_used']} cores",
        f"peak memory (all processes): {r['peak_rss_mb']} MB; database {r['db_mb']} MB",
        "time by stage (summed over workers): "
        + ", ".join(f"{k} {v} s ({r['stage_share'][k]:.0%})" for k, v in r["stage_seconds"].items()),
    ]
    return "\n".join(lines)
