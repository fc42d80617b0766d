"""Long fuzz run over parley's text-handling code (the bounded version runs in `make test`).

    .venv/bin/python scripts/fuzz.py --minutes 10            # all targets, round robin
    .venv/bin/python scripts/fuzz.py --minutes 30 --target pipeline

Targets: cleaner (extract.clean_scraped_text), dates (dates.find_dates), actors
(gazetteer.find_actor_terms), people (Officeholders.find_person), pipeline (read + extract +
annotate on raw bytes), full (the whole analysis, extract -> time, on news-like text), and the
structure-aware targets of tests/badinput/structured.py: warc (damaged WARC/WARC.gz archives),
feeds (RSS/Atom with shared guids, entities, charsets, truncation), nested_html (lists, tables
and divs hundreds deep), urls (URLs of any shape, no network), file_names (non-UTF-8 names).
Each round runs hypothesis with fresh random seeds; a failure prints hypothesis's minimal
falsifying example and is appended to FUZZ-FAILURES.txt. Turn each one into a case in
tests/test_fuzz.py::test_regressions once fixed. Exit 1 when anything failed.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from badinput import structured  # noqa: E402
from badinput.fuzz_targets import (  # noqa: E402
    anchors,
    any_text,
    check_actor_terms,
    check_cleaner,
    check_dates,
    check_person,
    check_pipeline,
    news_text,
    page_bytes,
)


def check_full(text: str) -> None:
    from parley import analyse_text

    try:
        doc = analyse_text(text)
    except ValueError:
        return  # empty, binary or foreign text: the documented "skipped" outcome
    for e in doc.events:
        assert doc.article.text[e.evidence_start : e.evidence_end] == e.evidence


TARGETS = {
    "cleaner": (lambda: given(any_text)(check_cleaner), 400),
    "dates": (lambda: given(any_text, anchors)(check_dates), 400),
    "actors": (lambda: given(any_text)(check_actor_terms), 400),
    "people": (lambda: given(any_text, anchors)(check_person), 300),
    "pipeline": (lambda: given(page_bytes, st.sampled_from(["html", "txt"]))(check_pipeline), 60),
    "full": (lambda: given(news_text)(check_full), 30),
    "warc": (lambda: given(structured.warc_archives)(structured.check_warc), 150),
    "feeds": (lambda: given(structured.feeds)(structured.check_feed), 150),
    "nested_html": (lambda: given(structured.nested_html)(structured.check_nested_html), 40),
    "urls": (lambda: given(structured.urls)(structured.check_url), 300),
    "file_names": (lambda: given(structured.file_names)(structured.check_file_names), 60),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=5.0, help="Wall-clock budget (default 5).")
    ap.add_argument("--target", choices=sorted(TARGETS), action="append", help="Only these targets (repeatable).")
    ap.add_argument("--out", default="FUZZ-FAILURES.txt", help="Where failures are appended.")
    args = ap.parse_args()
    names = args.target or list(TARGETS)
    deadline = time.monotonic() + args.minutes * 60
    rounds = {n: 0 for n in names}
    examples = {n: 0 for n in names}
    failures = 0
    while time.monotonic() < deadline:
        for name in names:
            if time.monotonic() >= deadline:
                break
            build, n = TARGETS[name]
            test = settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck), derandomize=False)(build())
            t0 = time.monotonic()
            try:
                test()
            except Exception:  # noqa: BLE001 - report and carry on fuzzing
                failures += 1
                report = f"=== {name} at {time.strftime('%Y-%m-%d %H:%M:%S')}\n{traceback.format_exc()}\n"
                print(report, file=sys.stderr)
                with open(args.out, "a", encoding="utf-8") as fh:
                    fh.write(report)
            rounds[name] += 1
            examples[name] += n
            print(f"{name}: round {rounds[name]} ({n} examples, {time.monotonic() - t0:.1f}s)", flush=True)
    print("examples run: " + ", ".join(f"{k} {v}" for k, v in examples.items()) + f"; failures: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
