"""Two `parley ingest` runs of the same pages on one database at once, against one clean run.

    PYTHONPATH=src .venv/bin/python scripts/concurrent_ingest.py --pages 300

Prints both exit codes, the rows by status, and whether documents, mentions, events and status
rows equal a clean run's (timestamps aside). Exit 1 when they differ or a row failed. The test
version (40 pages) is tests/test_reliability.py::test_two_concurrent_ingests_equal_one_clean_run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from test_crash import make_pages, snapshot  # noqa: E402

PARLEY = str(HERE.parent / ".venv" / "bin" / "parley")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--workers", type=int, default=1, help="--workers of each ingest")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, clean, shared = Path(tmp) / "pages", Path(tmp) / "clean.db", Path(tmp) / "shared.db"
        make_pages(folder, args.pages)
        cmd = [PARLEY, "ingest", str(folder), "--workers", str(args.workers), "--format", "json"]
        t0 = time.monotonic()
        one = subprocess.run([*cmd, "--db", str(clean)], capture_output=True, text=True, env=dict(os.environ))
        print(f"clean run: exit {one.returncode} in {time.monotonic() - t0:.0f}s")
        t0 = time.monotonic()
        procs = [subprocess.Popen([*cmd, "--db", str(shared)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ)) for _ in range(2)]
        outs = [p.communicate() for p in procs]
        print(f"two concurrent runs: exit {[p.returncode for p in procs]} in {time.monotonic() - t0:.0f}s")
        for p, (_out, err) in zip(procs, outs):
            for line in err.splitlines():
                if line.startswith("failed:"):
                    print("  " + line)
        a, b = snapshot(clean), snapshot(shared)
        statuses: dict[str, int] = {}
        for row in b["ingest_status"]:
            statuses[row[1]] = statuses.get(row[1], 0) + 1
        print(f"rows by status (concurrent): {statuses}")
        same = a == b
        print(f"equal to the clean run: {same} (documents {len(b['documents'])}/{len(a['documents'])}, mentions {len(b['mentions'])}/{len(a['mentions'])}, events {len(b['events'])}/{len(a['events'])})")
        return 0 if same and all(p.returncode == 0 for p in procs) and one.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
