"""Start `parley serve` on a free 127.0.0.1 port for tests and the load script."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[2]
PARLEY = str(REPO / ".venv" / "bin" / "parley")


def serve_available() -> str | None:
    """Why `parley serve` cannot be tested here, or None."""
    try:
        import parley.web  # noqa: F401
    except ImportError as exc:
        return f"parley.web is not there yet ({exc})"
    out = subprocess.run([PARLEY, "serve", "--help"], capture_output=True, text=True, timeout=60)
    return None if out.returncode == 0 else "`parley serve` is not there yet"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_server(db: Path, timeout: float = 60.0) -> Iterator[str]:
    """`parley serve --db DB` on a free port; yields its base URL; stops it (the process group)."""
    port = free_port()
    proc = subprocess.Popen(
        [PARLEY, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"parley serve exited: {proc.stderr.read().decode(errors='replace')[-2000:] if proc.stderr else ''}")
            try:
                urllib.request.urlopen(base + "/api/dyads", timeout=2).read()
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    raise RuntimeError("parley serve did not answer within the timeout") from None
                time.sleep(0.2)
        yield base
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def get(url: str, timeout: float = 30.0) -> tuple[int, dict[str, str], str]:
    """GET returning (status, headers, body) for any status, never raising on 4xx/5xx."""
    req = urllib.request.Request(url, headers={"User-Agent": "parley-tests"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, dict(resp.headers), resp.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode("utf-8", errors="replace")
