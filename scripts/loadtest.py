"""Bounded load test of `parley serve`: many concurrent readers on 127.0.0.1 for a fixed time
while an ingest writes to the same database. Prints requests/s and latency percentiles.

    .venv/bin/python scripts/loadtest.py --seconds 30 --readers 32

Builds its own pages and database in a temporary folder (nothing outside it is touched). Exit 1
when any request failed (non-2xx other than the deliberate 400s, or a connection error).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from badinput.serve import PARLEY, running_server  # noqa: E402
from test_crash import make_pages  # noqa: E402

# A reader's mix: list, filter, one event, dyad page, status, and a bad filter (must be a 400).
PATHS = [
    ("/api/events?size=50", 200), ("/api/events?source=FRA&all=1", 200), ("/api/dyads", 200), ("/events", 200),
    ("/status", 200), ("/dyad/FRA/DEU", 200), ("/api/events?q=minister", 200), ("/api/events?source=bad'--", 400),
]


def _one(url: str, expect: int) -> tuple[float, bool, str]:
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            resp.read()
            status = resp.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
    except Exception as exc:  # noqa: BLE001 - every failure is counted, not raised
        return time.perf_counter() - t0, False, f"{type(exc).__name__}: {exc}"
    ok = status == expect
    return time.perf_counter() - t0, ok, "" if ok else f"{url}: HTTP {status}"


def run_load(base: str, seconds: float, readers: int) -> dict[str, Any]:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def reader(k: int) -> None:
        i = k
        while time.monotonic() < stop:
            path, expect = PATHS[i % len(PATHS)]
            i += 1
            dt, ok, err = _one(base + path, expect)
            with lock:
                latencies.append(dt)
                if not ok:
                    errors.append(err)

    t0 = time.monotonic()
    threads = [threading.Thread(target=reader, args=(k,)) for k in range(readers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    lat = sorted(latencies)

    def pct(p: float) -> float:
        return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else 0.0

    return {
        "requests": len(lat), "errors": len(errors), "error_samples": errors[:5], "seconds": round(elapsed, 1),
        "requests_per_s": round(len(lat) / elapsed, 1) if elapsed else 0.0, "readers": readers,
        "p50_ms": round(pct(0.50), 1), "p99_ms": round(pct(0.99), 1), "max_ms": round(lat[-1] * 1000, 1) if lat else 0.0,
        "mean_ms": round(statistics.fmean(lat) * 1000, 1) if lat else 0.0,
    }


def load_while_ingesting(root: Path, seconds: float, readers: int, seed_pages: int = 30, ingest_pages: int = 150) -> dict[str, Any]:
    """Seed a database, serve it, ingest more pages into it, and read hard meanwhile."""
    make_pages(root / "seed", seed_pages)
    more = root / "more"
    make_pages(more, ingest_pages + seed_pages)
    for p in sorted(more.iterdir())[:seed_pages]:
        p.unlink()  # the seed pages again would only be "already stored"
    db = root / "load.db"
    subprocess.run([PARLEY, "ingest", str(root / "seed"), "--db", str(db), "--workers", "1"], check=True, capture_output=True, timeout=600)
    with running_server(db) as base:
        ingest = subprocess.Popen([PARLEY, "ingest", str(more), "--db", str(db), "--workers", "1", "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            time.sleep(1.0)  # let the writer start its first transactions
            writer_running = ingest.poll() is None
            t0 = time.monotonic()
            result = run_load(base, seconds, readers)
        finally:
            out, err = ingest.communicate(timeout=600)
    summary = json.loads(out) if out.strip() else {}
    result.update({"ingest_rc": ingest.returncode, "ingest_stored": summary.get("stored"), "writer_overlapped": writer_running, "ingest_stderr": err[-500:]})
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--readers", type=int, default=32)
    ap.add_argument("--pages", type=int, default=300, help="Pages the concurrent ingest writes.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="parley-load-") as tmp:
        r = load_while_ingesting(Path(tmp), args.seconds, args.readers, ingest_pages=args.pages)
    print(
        f"{r['requests']} requests in {r['seconds']}s from {r['readers']} readers: {r['requests_per_s']} req/s, "
        f"p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms, max {r['max_ms']} ms; errors {r['errors']}; "
        f"ingest rc {r['ingest_rc']}, stored {r['ingest_stored']}, writing when the load began: {r['writer_overlapped']}"
    )
    for e in r["error_samples"]:
        print("  error:", e)
    return 1 if r["errors"] or r["ingest_rc"] != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
