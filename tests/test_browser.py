"""End to end in a real browser: `parley serve` on a free localhost port, driven in headless Chromium.

Chromium is driven through the Chrome DevTools Protocol with the small websocket client below
(standard library only). Screenshots go to test-artifacts/. Skips, saying why, when Debian's
/usr/bin/chromium is absent (`.ci/run` installs it; `apt-get install chromium` does locally).
Set PARLEY_UPDATE_SCREENSHOT=1 to also refresh docs/screenshots/dyad.png for the README.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from test_web import build_db

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ARTIFACTS = REPO / "test-artifacts"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed (/usr/bin/chromium absent): browser test skipped; `apt-get install chromium` to run it")


class CDP:
    """A minimal websocket client (RFC 6455, client side) speaking the DevTools protocol."""

    # 60 s: a full-page screenshot took over 20 s once on a loaded 2-core machine (a training run
    # beside the tests); a hang still fails, a minute later
    def __init__(self, ws_url: str, timeout: float = 60.0) -> None:
        u = urlsplit(ws_url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (f"GET {u.path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise ConnectionError("websocket handshake closed")
            head += chunk
        assert b" 101 " in head.split(b"\r\n")[0], head
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _recv_exact(self, n: int) -> bytes:
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("websocket closed")
            buf += chunk
        return buf

    def _send_frame(self, opcode: int, payload: bytes) -> None:
        mask = os.urandom(4)
        n = len(payload)
        head = bytes([0x80 | opcode])
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 65536:
            head += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", n)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _recv_message(self) -> str:
        parts = b""
        while True:
            b0, b1 = self._recv_exact(2)
            opcode, n = b0 & 0x0F, b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._recv_exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._recv_exact(8))[0]
            payload = self._recv_exact(n)
            if opcode == 9:  # ping
                self._send_frame(10, payload)
                continue
            if opcode == 8:
                raise ConnectionError("websocket closed by browser")
            parts += payload
            if b0 & 0x80:
                return parts.decode("utf-8")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        my_id = self.next_id
        self._send_frame(1, json.dumps({"id": my_id, "method": method, "params": params}).encode())
        while True:
            msg = json.loads(self._recv_message())
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def js(self, expression: str) -> Any:
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise AssertionError(f"{expression}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 15.0) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.js(expression)
            except AssertionError:
                value = None  # page navigating: its context went away
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {expression}")

    def click(self, selector: str) -> None:
        box = self.js(f"(() => {{ const el = document.querySelector({json.dumps(selector)}); if (!el) return null; el.scrollIntoView({{block: 'center'}}); const r = el.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()")
        assert box, f"nothing matches {selector}"
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def screenshot(self, path: Path, full: bool = True) -> None:
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=full)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        self.sock.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_http(port: int, path: str, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"server on port {port} did not answer {path}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    extra = [str(p) for p in (SHARED / "seed" / "seed.txt", REPO / "examples") if p.exists()]
    db = build_db(tmp_path_factory.mktemp("browser"), extra)
    port = _free_port()
    parley = Path(sys.executable).with_name("parley")
    proc = subprocess.Popen([str(parley), "serve", "--db", str(db), "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_http(port, "/api/events", proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Any:
    profile = tempfile.mkdtemp(prefix="parley-chromium-")
    proc = subprocess.Popen(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--remote-debugging-port=0",
         "--window-size=1200,900", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        active = Path(profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (active.exists() and active.read_text().count("\n") >= 1) and time.monotonic() < deadline:
            time.sleep(0.1)
        port = int(active.read_text().split("\n")[0])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/json/list")
        page = next(t for t in json.loads(conn.getresponse().read()) if t["type"] == "page")
        cdp = CDP(page["webSocketDebuggerUrl"])
        cdp.call("Page.enable")
        cdp.call("Runtime.enable")
        yield cdp
        cdp.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


def _open(cdp: CDP, url: str) -> None:
    cdp.call("Page.navigate", url=url)
    cdp.wait_for(f"location.href === {json.dumps(url)} && document.readyState === 'complete'")


def test_dyad_chart_click_through_to_highlighted_evidence(server: str, browser: CDP) -> None:
    _open(browser, f"{server}/dyad/USA/CHN")
    assert browser.wait_for("document.getElementById('timeline-chart').dataset.rendered") == "yes"
    bars = browser.js("document.querySelectorAll('#timeline-chart svg rect.bar').length")
    assert bars >= 2, "one bar per month and type with events"
    assert browser.js("document.querySelector('#timeline-chart svg rect.bar').getBBox().height") > 0
    assert "Last" in browser.js("document.getElementById('last-contact').innerText")
    # the legend shows every type of the chart, inside the drawing
    legend = browser.js("Array.from(document.querySelectorAll('#timeline-chart text.legend-label')).map(t => t.textContent)")
    types = browser.js("JSON.parse(document.getElementById('parley-chart-data').textContent).types")
    assert legend == types and len(types) >= 2
    assert browser.js("(() => { const s = document.querySelector('#timeline-chart svg'); const w = s.getBoundingClientRect().right;"
                      " return Array.from(s.querySelectorAll('text.legend-label')).every(t => t.getBoundingClientRect().right <= w + 1); })()")
    browser.screenshot(ARTIFACTS / "dyad.png")
    if os.environ.get("PARLEY_UPDATE_SCREENSHOT") == "1":
        browser.js("window.scrollTo(0, 0)")
        browser.screenshot(REPO / "docs" / "screenshots" / "dyad.png", full=False)

    # Click the bar of the April 2024 video call: the events page lists what the bar counts.
    month = "2024-04"
    browser.click(f"#timeline-chart rect.bar[data-month='{month}'][data-type='CONSULT']")
    browser.wait_for("location.pathname === '/events' && document.readyState === 'complete'")
    assert f"since={month}" in browser.js("location.search") and "type=CONSULT" in browser.js("location.search")
    dates = browser.js("Array.from(document.querySelectorAll('tr.parley-event-row a.event-link')).map(a => a.innerText)")
    assert dates and all(d.startswith(month) for d in dates), dates
    browser.screenshot(ARTIFACTS / "events-from-bar.png")

    # Click through to the event: its evidence sentence is highlighted inside the page's text.
    evidence = browser.js("document.querySelector('tr.parley-event-row td.evidence').innerText")
    browser.click("tr.parley-event-row a.event-link")
    browser.wait_for("location.pathname.startsWith('/event/') && document.readyState === 'complete'")
    marked = browser.wait_for("Array.from(document.querySelectorAll('.parley-doctext mark.evidence-mark')).map(m => m.innerText)")
    assert evidence.strip() in [m.strip() for m in marked]
    color = browser.js("getComputedStyle(document.querySelector('mark.evidence-mark')).backgroundColor")
    assert color not in ("rgba(0, 0, 0, 0)", "transparent")
    # the whole page is shown around the evidence (the hand-written page has a second paragraph;
    # no ../shared seed page is needed)
    assert browser.js("document.querySelector('.parley-doctext').innerText.length") > len(evidence)
    browser.screenshot(ARTIFACTS / "event.png")


def test_hostile_page_shows_as_text(server: str, browser: CDP) -> None:
    conn = http.client.HTTPConnection(urlsplit(server).hostname, urlsplit(server).port, timeout=5)
    conn.request("GET", "/api/events?dyad=TUR-RUS")
    # the hand-written hostile page's event (examples/ holds other Turkish-Russian pages too)
    ev = next(e for e in json.loads(conn.getresponse().read())["events"] if "__pwned" in json.dumps(e))
    before = len([e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"])
    for path in (f"/event/{ev['id']}", "/events?dyad=TUR-RUS", "/status"):
        _open(browser, server + path)
        assert browser.js("window.__pwned === undefined"), path
        text = browser.js("document.body.innerText")
        assert "<script>window.__pwned" in text, path  # shown as text, not run
        assert browser.js("document.querySelectorAll('img[onerror], b[onmouseover], a[href^=\"javascript:\"]').length") == 0
    _open(browser, server + f"/event/{ev['id']}")
    assert "javascript:alert(document.cookie)" in browser.js("document.querySelector('.unsafe-url').innerText")
    assert browser.js("document.querySelectorAll('a.source-url').length") == 0
    browser.js("document.querySelectorAll('mark.evidence-mark, b, td').forEach(el => el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))")
    assert browser.js("window.__pwned === undefined")
    assert len([e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]) == before
    browser.screenshot(ARTIFACTS / "hostile-event.png")


def test_country_page_chart_point_to_evidence_in_two_clicks(server: str, browser: CDP) -> None:
    _open(browser, f"{server}/country/USA")
    browser.wait_for("document.readyState === 'complete' && document.querySelectorAll('svg.parley-month-chart a.month-bar').length > 0")
    # a true time axis: one slot per month, empty months included
    slots = browser.js("document.querySelectorAll('svg.parley-month-chart text.tick').length")
    assert slots >= 2
    browser.screenshot(ARTIFACTS / "country.png")
    if os.environ.get("PARLEY_UPDATE_SCREENSHOT") == "1":
        browser.screenshot(REPO / "docs" / "screenshots" / "country.png", full=False)
    href = browser.js("document.querySelector('svg.parley-month-chart a.month-bar').getAttribute('href')")
    month = href.split("since=")[1][:7]
    browser.click("svg.parley-month-chart a.month-bar rect")  # click 1: the bar
    browser.wait_for("location.pathname === '/events' && document.readyState === 'complete'")
    assert "country=USA" in browser.js("location.search")
    dates = browser.js("Array.from(document.querySelectorAll('tr.parley-event-row a.event-link')).map(a => a.innerText)")
    assert dates and all(d.startswith(month) for d in dates), (month, dates)
    evidence = browser.js("document.querySelector('tr.parley-event-row td.evidence').innerText")
    browser.click("tr.parley-event-row a.event-link")  # click 2: the event
    browser.wait_for("location.pathname.startsWith('/event/') && document.readyState === 'complete'")
    marked = browser.wait_for("Array.from(document.querySelectorAll('.parley-doctext mark.evidence-mark')).map(m => m.innerText)")
    assert evidence.strip() in [m.strip() for m in marked]


def test_trend_point_leads_to_its_events_on_a_true_time_axis(server: str, browser: CDP) -> None:
    _open(browser, f"{server}/dyad/USA/CHN")
    assert browser.wait_for("document.getElementById('trend-chart').dataset.rendered") == "yes"
    periods = browser.js("Array.from(document.querySelectorAll('#trend-chart circle.trend-point')).map(c => c.dataset.period)")
    assert periods and all(len(p) == 7 for p in periods)  # months only: a "2022" is never drawn between two months
    xs = browser.js("Array.from(document.querySelectorAll('#trend-chart circle.trend-point')).map(c => +c.getAttribute('cx'))")
    months = [int(p[:4]) * 12 + int(p[5:]) for p in periods]
    if len(xs) >= 3:  # equal time, equal distance
        per_month = (xs[-1] - xs[0]) / (months[-1] - months[0])
        assert all(abs((x - xs[0]) - per_month * (m - months[0])) < 0.5 for x, m in zip(xs, months))
    browser.click("#trend-chart a circle.trend-point")
    browser.wait_for("location.pathname === '/events' && document.readyState === 'complete'")
    month = browser.js("new URLSearchParams(location.search).get('since')")
    dates = browser.js("Array.from(document.querySelectorAll('tr.parley-event-row a.event-link')).map(a => a.innerText)")
    assert month in periods and dates and all(d.startswith(month) for d in dates)


def test_filtered_list_with_facets_and_csv_download(server: str, browser: CDP) -> None:
    _open(browser, f"{server}/events?country=CHN")
    browser.wait_for("document.readyState === 'complete' && document.querySelector('.parley-facets') !== null")
    shown = browser.js("document.querySelectorAll('tr.parley-event-row').length")
    facet = browser.js("Array.from(document.querySelectorAll('.facet-type li')).map(li => li.innerText)")
    assert facet and sum(int(x.split()[-1]) for x in facet) == int(browser.js("document.querySelector('.parley-summary').innerText.split(' ')[0]"))
    csv_text = browser.js("fetch(document.querySelector('a.csv-link').href).then(r => r.text())")
    lines = csv_text.strip().split("\n")
    assert lines[0].startswith("id,type,") and len(lines) - 1 >= shown
    assert all('"CHN"' in line for line in lines[1:])  # every row involves CHN
    browser.screenshot(ARTIFACTS / "events-facets.png")
    browser.click(".facet-type li a")  # a facet narrows the list
    browser.wait_for("location.search.includes('type=') && document.readyState === 'complete'")
    assert "country=CHN" in browser.js("location.search")


def test_actor_page_links_each_person_to_their_events(server: str, browser: CDP) -> None:
    # (one country's actors: the whole directory of examples/ runs to several pages)
    _open(browser, f"{server}/actors?country=USA")
    browser.wait_for("document.readyState === 'complete' && document.querySelectorAll('a.actor-link').length > 0")
    names = browser.js("Array.from(document.querySelectorAll('a.actor-link')).map(a => a.innerText)")
    assert "Lloyd Austin" in names and names.count("Lloyd Austin") == 1
    browser.screenshot(ARTIFACTS / "actors.png")
    browser.click("a.actor-link[href*='Lloyd']")
    browser.wait_for("location.pathname === '/events' && document.readyState === 'complete'")
    assert "actor=Lloyd" in browser.js("location.search")
    sources = browser.js("Array.from(document.querySelectorAll('tr.parley-event-row')).map(r => r.innerText)")
    assert sources and all("Austin" in s for s in sources)


def test_map_draws_countries_from_shipped_outlines(server: str, browser: CDP) -> None:
    _open(browser, f"{server}/map")
    browser.wait_for("document.readyState === 'complete' && document.querySelectorAll('svg.parley-map path').length > 100")
    shaded = browser.js("document.querySelectorAll('svg.parley-map a.map-country').length")
    assert shaded >= 2
    fill = browser.js("getComputedStyle(document.querySelector('svg.parley-map a.map-country path')).fill")
    assert fill not in ("none", "rgb(0, 0, 0)")
    # everything came from this server: no tile or CDN request
    origins = browser.js("Array.from(new Set(performance.getEntriesByType('resource').map(e => new URL(e.name).origin)))")
    assert all(o == server for o in origins), origins
    browser.screenshot(ARTIFACTS / "map.png")
    if os.environ.get("PARLEY_UPDATE_SCREENSHOT") == "1":
        browser.screenshot(REPO / "docs" / "screenshots" / "map.png", full=False)
    browser.click("svg.parley-map a.map-country[href='/country/CHN'] path")
    browser.wait_for("location.pathname === '/country/CHN' && document.readyState === 'complete'")


def test_codebook_lists_every_type_and_export_column(server: str, browser: CDP) -> None:
    _open(browser, f"{server}/codebook")
    browser.wait_for("document.readyState === 'complete'")
    rows = browser.js("document.querySelectorAll('table.parley-codebook-types tbody tr').length")
    assert rows == 16
    text = browser.js("document.body.innerText")
    assert "event_id" in text and "GoldsteinScale" in text and "asserted" in text
