"""A short load test of `parley serve` while an ingest writes (the long one: scripts/loadtest.py).

No timing assertions (2 shared cores): the test checks that every request answered correctly
and that the readers and the writer really overlapped; latency numbers are printed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))
from badinput.serve import serve_available  # noqa: E402


def test_readers_get_no_errors_while_an_ingest_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    why = serve_available()
    if why:
        pytest.skip(why)
    from loadtest import load_while_ingesting

    r = load_while_ingesting(tmp_path, seconds=6, readers=8, seed_pages=10, ingest_pages=60)
    with capsys.disabled():
        print(f"\nload: {r['requests']} requests, {r['requests_per_s']} req/s, p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms, errors {r['errors']}")
    assert r["errors"] == 0, r["error_samples"]
    assert r["requests"] > 20
    assert r["writer_overlapped"], "the ingest finished before the readers started: raise ingest_pages"
    assert r["ingest_rc"] == 0 and r["ingest_stored"] == 60, r["ingest_stderr"]
